"""The adjust page's view of one session (``GET /adjust/{month}/{date}`` and ``GET
/api/months/{month}/sessions/{date}``): its people, its appointments, its open needs
with who can close each and why the others cannot, a function asked for, a swap asked
for, and the month's last change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from roster.app.adjust_models import (
    AppointmentLine,
    Candidate,
    Choice,
    Duty,
    Need,
    OnDuty,
    OtherSession,
    Refused,
    SessionView,
)
from roster.app.adjust_state import AdjustState, open_session
from roster.app.candidates import Verdict
from roster.app.guard import reading
from roster.app.places import Place, why
from roster.app.undo import last_change
from roster.checking.people import offered_day
from roster.domain.month import Month
from roster.planfile.schema import Uncovered
from roster.wording.dates import time_text


def _hint(state: AdjustState, found: Verdict) -> str | None:
    ctx, words = state.ctx, state.words
    if ctx.forbidden(found.person.id):
        return words.t("adjust_hint_taken_out")
    if offered_day(ctx.data, found.person, ctx.day).maybe:
        return words.reason(why("maybe", day=ctx.day))
    return None


def choice(
    state: AdjustState,
    places: Sequence[Place],
    title: str,
    *,
    out: str | None = None,
    duty: Duty | None = None,
) -> Choice:
    """Who can take one of ``places`` (with ``out`` taken out first), and why the
    others cannot."""
    words = state.words
    candidates: list[Candidate] = []
    refused: list[tuple[bool, Refused]] = []
    for found in state.choices_for(places, out):
        pid = found.person.id
        if pid == out:
            continue
        if found.place is not None:
            candidates.append(
                Candidate(
                    volunteer=pid,
                    name=found.person.name,
                    duty=words.duty(found.place),
                    hint=_hint(state, found),
                )
            )
            continue
        reason = (
            words.reason(found.why) if found.why is not None else words.violations(found.violations)
        )
        person = Refused(volunteer=pid, name=found.person.name, reason=reason)
        refused.append((not found.qualified, person))
    # Those kept away by the day or the limits first, those not qualified at all after.
    ordered = [person for _, person in sorted(refused, key=lambda item: item[0])]
    return Choice(title=title, duty=duty, candidates=candidates, refused=ordered)


def _need(state: AdjustState, gap: Uncovered) -> Need:
    words = state.words
    if gap.need == "language" and gap.language:
        places = [Place("interpreter", gap.language), Place("counsellor", gap.language)]
        title = words.tp("adjust_need_language", gap.missing, language=words.language(gap.language))
    elif gap.need == "counsellors":
        places = [Place("counsellor")]
        title = words.tp("adjust_need_counsellors", gap.missing)
    else:
        places = [Place("lead")]
        title = words.t("adjust_need_lead")
    return Need(
        need=gap.need,
        language=gap.language,
        missing=gap.missing,
        choice=choice(state, places, title),
    )


def functions(state: AdjustState) -> list[Duty]:
    """The functions a person can be put in for in the session."""
    places = [Place("counsellor")]
    if state.ctx.is_open:
        places.append(Place("lead"))
    places += [Place("interpreter", language) for language in state.languages()]
    return [state.words.duty(place) for place in places]


def _people(state: AdjustState) -> list[OnDuty]:
    words = state.words
    return [
        OnDuty(
            volunteer=entry.volunteer,
            name=words.name(entry.volunteer),
            duty=words.entry_duty(entry),
            trainee=entry.trainee,
        )
        for entry in state.ctx.session.staff
    ]


def _appointments(state: AdjustState) -> list[AppointmentLine]:
    words, locale = state.words, state.words.locale
    lines = []
    for item in state.plan.appointments:
        if item.session != state.ctx.session.id:
            continue
        lines.append(
            AppointmentLine(
                start=time_text(item.start, "HH:mm", locale),
                end=time_text(item.end, "HH:mm", locale),
                case=item.case,
                language=words.language(item.language),
                counsellor=words.name(item.counsellor),
                second_counsellor=words.name(item.second_counsellor)
                if item.second_counsellor
                else None,
                interpreter=words.name(item.interpreter) if item.interpreter else None,
            )
        )
    return sorted(lines, key=lambda line: (line.start, line.case))


def session_view(
    folder: Path,
    month: Month | str,
    day: dt.date | str,
    *,
    session: str | None = None,
    role: str | None = None,
    language: str | None = None,
    swap: str | None = None,
    now: datetime | None = None,
) -> SessionView:
    """One session of the month's plan, for the adjust page and its API: with ``role``
    (and ``language``), the candidates for that function; with ``swap`` (a volunteer id
    of the session), the candidates for that person's place."""
    folder = Path(folder)
    with reading():
        state = open_session(folder, month, day, session=session, now=now)
        ctx, words = state.ctx, state.words
        editable = not ctx.kept
        chosen = swap_choice = swap_out = None
        if role:
            place = state.place(role, language)
            if editable:
                duty = words.duty(place)
                chosen = choice(state, [place], duty.text, duty=duty)
        if swap:
            leaving = state.on_duty(swap, "swap")
            swap_out = next(p for p in _people(state) if p.volunteer == leaving.id)
            if editable:
                place = state.place_of(leaving)
                title = words.t("adjust_swap_title", name=leaving.name, duty=swap_out.duty.text)
                swap_choice = choice(state, [place], title, out=leaving.id, duty=words.duty(place))
        last = last_change(folder, state.month, words)
    session_now = ctx.session
    return SessionView(
        office=ctx.data.office.name,
        locale=words.locale,
        month=str(state.month),
        date=session_now.date,
        session=session_now.id,
        day=words.long_day(session_now.date),
        start=time_text(session_now.start, "HH:mm", words.locale),
        end=time_text(session_now.end, "HH:mm", words.locale),
        kind=session_now.kind,
        kind_text=words.t(f"kind_{session_now.kind}"),
        name=session_now.name,
        editable=editable,
        notice=None if editable else words.t("adjust_kept_notice"),
        others=[
            OtherSession(session=s.id, name=s.name, start=time_text(s.start, "HH:mm", words.locale))
            for s in ctx.same_day()
        ],
        people=_people(state),
        appointments=_appointments(state),
        needs=[_need(state, gap) for gap in session_now.uncovered] if editable else [],
        functions=functions(state) if editable else [],
        chosen=chosen,
        swap_out=swap_out,
        swap=swap_choice,
        last=last,
    )
