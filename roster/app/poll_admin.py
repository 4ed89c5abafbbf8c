"""The lead's side of the month's poll (issue 15): open it until a last day, close it,
and its state for the Availability page; `roster poll open/close` and the web app's
``/poll/{month}`` call these. The decision is kept in ``web/polls.json``
(:mod:`roster.app.polls`), under the folder lock, atomically; a lead's change gets a line
in the change log."""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from roster.app.availability import session_days
from roster.app.changelog import record_change
from roster.app.clock import month_or_next, office_today
from roster.app.edits import COMMAND
from roster.app.guard import reading, writing
from roster.app.polls import (
    PollEntry,
    PollsFile,
    day_text,
    month_text,
    read_polls,
    say,
    write_polls,
)
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.folder.load import load_office


def open_poll(
    folder: Path,
    month: Month | str | None,
    until: date | str,
    *,
    now: datetime | None = None,
    who: str | None = None,
    lock_wait: float | None = None,
) -> str:
    """Open the poll of ``month`` (default: next month) until the day ``until`` (inclusive; again: a new
    deadline). Returns what happened in the office's words. :class:`RosterError` for a
    month without sessions or a deadline already past. ``who`` (a lead of the web app)
    gets a line in the change log."""
    folder = Path(folder)
    with writing(folder, COMMAND, wait=lock_wait):
        data = load_office(folder)
        locale = data.office.locale
        chosen = month_or_next(data.office, month, now)
        try:
            last = until if isinstance(until, date) else date.fromisoformat(str(until))
        except ValueError:
            raise RosterError(say(locale, "poll_bad_date", value=str(until))) from None
        if last < office_today(data.office, now):
            raise RosterError(say(locale, "poll_past", day=day_text(locale, last)))
        if not session_days(data, chosen):
            raise RosterError(say(locale, "poll_no_sessions", month=month_text(locale, chosen)))
        polls = read_polls(folder)
        entries = [entry for entry in polls.polls if entry.month != str(chosen)]
        entries.append(PollEntry(month=str(chosen), until=last))
        write_polls(folder, PollsFile(polls=sorted(entries, key=lambda entry: entry.month)))
        name, day = month_text(locale, chosen), day_text(locale, last)
        if who is not None:
            key = "volunteer.poll_opened_change"
            record_change(
                folder,
                who,
                key,
                month=chosen,
                now=now,
                lock_wait=lock_wait,
                month_name=name,
                day=day,
            )
    return say(locale, "poll_opened", month=name, day=day)


def close_poll(
    folder: Path,
    month: Month | str | None,
    *,
    now: datetime | None = None,
    who: str | None = None,
    lock_wait: float | None = None,
) -> str:
    """Close the poll of ``month`` (default: next month) now (the answers stay).
    :class:`RosterError` when it was never opened. ``who`` (a lead of the web app) gets a
    line in the change log."""
    folder = Path(folder)
    with writing(folder, COMMAND, wait=lock_wait):
        office = load_office(folder).office
        locale = office.locale
        chosen = month_or_next(office, month, now)
        polls = read_polls(folder)
        found = polls.of(chosen)
        if found is None:
            raise RosterError(say(locale, "poll_never_opened", month=month_text(locale, chosen)))
        entries = [
            entry.model_copy(update={"closed": True}) if entry is found else entry
            for entry in polls.polls
        ]
        write_polls(folder, PollsFile(polls=entries))
        name = month_text(locale, chosen)
        if who is not None:
            key = "volunteer.poll_closed_change"
            record_change(
                folder, who, key, month=chosen, now=now, lock_wait=lock_wait, month_name=name
            )
    return say(locale, "poll_closed_now", month=name)


class PollStatus(BaseModel):
    """A month's poll as the lead sees it: open or not, until when, in words."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    month: str = Field(description="YYYY-MM")
    state: str = Field(description="never_opened, open, closed (early) or ended")
    until: dt.date | None = Field(description="the last day answers are taken")
    text: str = Field(description="the state in words, in the office's language")
    suggested_until: dt.date = Field(
        description="a last day to offer: the current one, or 10 days before the month"
    )


def poll_status(folder: Path, month: Month | str, *, now: datetime | None = None) -> PollStatus:
    """The state of ``month``'s poll for the lead's Availability page."""
    folder = Path(folder)
    with reading():
        data = load_office(folder)
    locale = data.office.locale
    chosen = Month.parse(str(month))
    today = office_today(data.office, now)
    entry = read_polls(folder).of(chosen)
    fallback = max(today, chosen.first - dt.timedelta(days=10))
    if entry is None:
        state, said = (
            "never_opened",
            say(locale, "poll_state_never", month=month_text(locale, chosen)),
        )
    elif entry.open_on(today):
        state = "open"
        said = say(locale, "poll_state_open", day=day_text(locale, entry.until))
    elif entry.closed:
        state, said = "closed", say(locale, "poll_state_closed")
    else:
        state, said = "ended", say(locale, "poll_state_ended", day=day_text(locale, entry.until))
    suggested = entry.until if entry is not None and entry.until >= today else fallback
    return PollStatus(
        month=str(chosen),
        state=state,
        until=None if entry is None else entry.until,
        text=said,
        suggested_until=suggested,
    )
