"""Adjusting one session of a month's plan: put a person in, take a person out, swap two;
each change stored as an override and the month re-planned with stability.

Every function here is one operation of the adjust page and its API
(:mod:`roster.web.routers.adjust`). It loads the office once, under the folder lock,
checks the request (a person of the team, a date with a session, a person the
independent checker accepts for the place: :mod:`roster.app.candidates`), edits
``overrides/YYYY-MM.yaml`` keeping its comments (:mod:`roster.app.override_file`),
validates the folder as it would be with exactly `roster check`'s validation
(:func:`roster.app.edits.check_as_saved`), writes it, re-plans the month
(:func:`roster.app.planning.plan_office`: sessions before today stay as planned, the
rest changes as little as possible) and records the change, all under that one lock.
When the re-plan fails, the overrides file is put back before the lock is released:
both files stay as they were. The last change can be undone (:mod:`roster.app.undo`).

The page's view of a session is :func:`roster.app.adjust_view.session_view`.
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from pathlib import Path

from roster.app.adjust_models import ChangeResult
from roster.app.adjust_state import AdjustState, field_error, open_session
from roster.app.adjust_view import session_view
from roster.app.changelog import MAX_VALUE, record_change
from roster.app.edits import COMMAND, check_as_saved
from roster.app.guard import reading, writing
from roster.app.override_file import edited_overrides, overrides_name
from roster.app.plan_diff import plan_diff
from roster.app.planning import plan_office
from roster.app.undo import (
    DiffRecord,
    UndoRecord,
    file_bytes,
    fingerprint,
    read_record,
    restore,
    undo_last,
    write_record,
)
from roster.domain.errors import RosterError
from roster.domain.files import write_atomic
from roster.domain.month import Month
from roster.domain.requests import Assign, Forbid
from roster.planfile.io import plan_path

TIME_LIMIT = 5.0
"""Seconds the re-plan after a change may take (the example office needs well under one)."""

__all__ = ["TIME_LIMIT", "put_in", "session_view", "swap_people", "take_out", "undo_last"]


def _short(value: str) -> str:
    return value if len(value) <= MAX_VALUE else value[: MAX_VALUE - 1] + "…"


def _editable(state: AdjustState) -> None:
    if state.ctx.kept:
        raise RosterError(state.words.t("adjust_kept_notice"))


def _commit(
    state: AdjustState,
    *,
    assign: Assign | None = None,
    forbid: Forbid | None = None,
    who: str,
    key: str,
    now: datetime | None,
    lock_wait: float | None,
    **params: str,
) -> ChangeResult:
    """Write the changed overrides, re-plan, keep the undo record and log the change;
    on any failure both files are put back. Call it under the folder lock."""
    folder, month, words = state.folder, state.month, state.words
    name = overrides_name(month)
    overrides_path, plan_file = folder / name, plan_path(folder, month)
    old_overrides, old_plan = file_bytes(overrides_path), file_bytes(plan_file)
    old_record = read_record(folder, month)
    current = None if old_overrides is None else old_overrides.decode("utf-8")
    new_text = edited_overrides(current, month, assign=assign, forbid=forbid).encode("utf-8")
    checked = check_as_saved(folder, {name: new_text}, locale=words.locale)
    try:
        write_atomic(overrides_path, new_text)
        try:
            planned = plan_office(checked, month, today=state.ctx.today, time_limit=TIME_LIMIT)
        except RosterError:
            raise RosterError(words.t("adjust_replan_failed")) from None
        diff = plan_diff(state.plan, planned.plan)
        values = {key_: _short(value) for key_, value in params.items()}
        write_record(
            folder,
            month,
            UndoRecord(
                month=str(month),
                date=state.ctx.day,
                key=key,
                params=dict(values),
                overrides_before=current,
                plan_before=None if old_plan is None else old_plan.decode("utf-8"),
                overrides_after=fingerprint(new_text),
                plan_after=fingerprint(file_bytes(plan_file)),
                changes=[DiffRecord.of(item) for item in diff],
            ),
        )
        record_change(folder, who, key, month=month, now=now, lock_wait=lock_wait, **values)
    except BaseException:
        restore(overrides_path, old_overrides)
        restore(plan_file, old_plan)
        write_record(folder, month, old_record)
        raise
    return ChangeResult(
        month=str(month),
        date=state.ctx.day,
        what=words.t(key.removeprefix("web."), **values),
        changes=[words.session_change(item) for item in diff],
        can_undo=True,
    )


def put_in(
    folder: Path,
    month: Month | str,
    day: dt.date | str,
    volunteer: str,
    role: str,
    language: str | None = None,
    *,
    who: str,
    session: str | None = None,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> ChangeResult:
    """Put ``volunteer`` into the session on ``day`` as ``role`` (``language``: the
    language interpreted or counselled in); :class:`RosterError` (nothing written) for
    a person the checker does not accept there, naming why."""
    folder = Path(folder)
    with writing(folder, COMMAND, wait=lock_wait), reading():
        state = open_session(folder, month, day, session=session, now=now)
        _editable(state)
        person = state.person(volunteer, "volunteer")
        place = state.place(role, language)
        state.judge(person, place, "volunteer")
        words = state.words
        return _commit(
            state,
            assign=place.assign(person.id, state.ctx.day),
            who=who,
            key="web.adjust_change_put_in",
            now=now,
            lock_wait=lock_wait,
            name=person.name,
            day=words.day(state.ctx.day),
            duty=words.duty(place).text,
        )


def take_out(
    folder: Path,
    month: Month | str,
    day: dt.date | str,
    volunteer: str,
    *,
    who: str,
    session: str | None = None,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> ChangeResult:
    """Take ``volunteer`` out of the session on ``day`` (an override keeps them away
    from that date) and re-plan."""
    folder = Path(folder)
    with writing(folder, COMMAND, wait=lock_wait), reading():
        state = open_session(folder, month, day, session=session, now=now)
        _editable(state)
        person = state.on_duty(volunteer, "volunteer")
        return _commit(
            state,
            forbid=Forbid(volunteer=person.id, date=state.ctx.day),
            who=who,
            key="web.adjust_change_taken_out",
            now=now,
            lock_wait=lock_wait,
            name=person.name,
            day=state.words.day(state.ctx.day),
        )


def swap_people(
    folder: Path,
    month: Month | str,
    day: dt.date | str,
    out: str,
    into: str,
    role: str | None = None,
    language: str | None = None,
    *,
    who: str,
    session: str | None = None,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> ChangeResult:
    """Swap ``out`` (a person of the session) for ``into``, who takes ``out``'s place
    (or ``role`` and ``language`` when given) and re-plan."""
    folder = Path(folder)
    with writing(folder, COMMAND, wait=lock_wait), reading():
        state = open_session(folder, month, day, session=session, now=now)
        _editable(state)
        leaving = state.on_duty(out, "out")
        coming = state.person(into, "in")
        if coming.id == leaving.id:
            raise field_error(state.words.t("adjust_swap_same"), "in")
        place = state.place(role, language) if role else state.place_of(leaving)
        state.judge(coming, place, "in", out=leaving.id)
        words = state.words
        return _commit(
            state,
            assign=place.assign(coming.id, state.ctx.day),
            forbid=Forbid(volunteer=leaving.id, date=state.ctx.day),
            who=who,
            key="web.adjust_change_swapped",
            now=now,
            lock_wait=lock_wait,
            out=leaving.name,
            name=coming.name,
            day=words.day(state.ctx.day),
            duty=words.duty(place).text,
        )
