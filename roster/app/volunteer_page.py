"""A volunteer's own page (``/p/<token>``, issue 15): their upcoming duties, the team
meeting, what is still open in the coming weeks (by need, no names), and what changed in
their duties since their last visit.

The page shows only the volunteer's own data plus what the whole team may know: never
another volunteer's name or availability, never client data (an appointment shows its
time and language; its case reference only when office.yaml enables case references for
the private feeds, ``feeds.case_refs``). Office.yaml has no setting to show co-workers in
the private feeds, so the page shows none.

A visit stores its time and the keys of the duties it showed in ``web/pages.json``
(:mod:`roster.app.page_tokens`), only when they differ from the last stored ones; the next
visit lists the duties added and removed since.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from calendars.state import read_state
from roster.app.clock import office_now
from roster.app.guard import reading, writing
from roster.app.page_tokens import Visit, read_pages, write_pages
from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office
from roster.planfile.io import plan_path, read_plan
from roster.planfile.schema import Plan, PlanAppointment, PlanSession, StaffEntry
from roster.wording.catalogue import locale_of, plural, text
from roster.wording.formats import Formatter

GAP_DAYS = 28
"""How far ahead the open gaps are shown: the coming four weeks."""
COMMAND = "roster web"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Duty(_Model):
    """One upcoming duty of the volunteer, in words."""

    key: str = Field(description="stable key of the duty (date, kind, time, role)")
    date: date
    day: str = Field(description="the date in words")
    time: str = Field(description="from and to, in words")
    kind: str = Field(description="the kind of session in words")
    role: str = Field(description="what the volunteer does, in words")
    appointments: list[str] = Field(
        default_factory=list, description="their appointments: time and language"
    )
    colleagues: list[str] = Field(
        default_factory=list,
        description="who else is on duty in the session, by name (only when the office "
        "allows it: volunteers.show_colleagues)",
    )


class Gap(_Model):
    """What a session of the coming weeks still misses, by need (no names)."""

    date: date
    day: str
    needs: list[str]


class Meeting(_Model):
    """The team meeting."""

    date: date
    day: str
    time: str
    place: str | None


class VolunteerPage(_Model):
    """Everything a volunteer's page shows, in the page's language."""

    office: str = Field(description="the office's name")
    name: str = Field(description="the volunteer's name")
    locale: str = Field(description="the page's language: de or en")
    duties: list[Duty]
    meeting: Meeting | None
    gaps: list[Gap]
    first_visit: bool = Field(description="no visit was recorded before this one")
    changes: list[str] = Field(description="duties added or removed since the last visit")
    calendar_problem: str | None = Field(
        default=None, description="why no calendar link can be made now, in words"
    )
    colleagues_shown: bool = Field(
        default=False, description="the office shows who else is on duty in each session"
    )


def say(locale: str, key: str, /, **values: object) -> str:
    """A ``volunteer.*`` text in ``locale``."""
    return text(locale, f"volunteer.{key}", **values)


def _plans(data: OfficeData, today: date) -> list[Plan]:
    found = []
    for month in (Month.of(today), Month.of(today).next()):
        path = plan_path(data.folder, month)
        if path.is_file():
            found.append(read_plan(path))
    return found


def role_words(locale: str, entry: StaffEntry, fmt: Formatter) -> str:
    """The volunteer's task in a session, in words (their page and their reminders)."""
    language = fmt.language(entry.language) if entry.language else ""
    if entry.role == "interpreter":
        role = say(locale, "role_interpreter", language=language)
    elif entry.lead:
        role = say(locale, "role_lead")
    elif entry.language:
        role = say(locale, "role_counsellor_in", language=language)
    else:
        role = say(locale, "role_counsellor")
    return say(locale, "role_trainee", role=role) if entry.trainee else role


def appointment_words(
    locale: str, item: PlanAppointment, fmt: Formatter, *, case_refs: bool
) -> str:
    """An appointment's time and language (its case reference only with ``case_refs``),
    never a client's name."""
    values = {"time": fmt.time(item.start), "language": fmt.language(item.language)}
    if case_refs:
        return say(locale, "appointment_case", case=item.case, **values)
    return say(locale, "appointment_line", **values)


def is_mine(item: PlanAppointment, volunteer: str) -> bool:
    """Whether the volunteer counsels or interprets in the appointment."""
    return volunteer in (item.counsellor, item.second_counsellor, item.interpreter)


def _duties(
    data: OfficeData, plans: list[Plan], volunteer: str, today: date, locale: str
) -> list[Duty]:
    fmt = Formatter(locale, data.office.zone, dict(data.office.languages))
    return [
        _duty(data, plan, session, entry, fmt, locale)
        for plan in plans
        for session in sorted(plan.sessions, key=lambda s: (s.start, s.id))
        if session.date >= today
        for entry in session.staff
        if entry.volunteer == volunteer
    ]


def _duty(
    data: OfficeData,
    plan: Plan,
    session: PlanSession,
    entry: StaffEntry,
    fmt: Formatter,
    locale: str,
) -> Duty:
    mine = sorted(
        (a for a in plan.appointments if a.session == session.id and is_mine(a, entry.volunteer)),
        key=lambda a: (a.start, a.desk),
    )
    start = session.start.astimezone(data.office.zone)
    key = "|".join(
        [
            session.date.isoformat(),
            session.kind,
            start.strftime("%H:%M"),
            entry.role,
            entry.language or "",
            "lead" if entry.lead else "",
        ]
    )
    return Duty(
        key=key,
        date=session.date,
        day=fmt.day_full(session.date),
        time=fmt.span(session.start, session.end),
        kind=say(locale, f"kind_{session.kind}"),
        role=role_words(locale, entry, fmt),
        appointments=[
            appointment_words(locale, item, fmt, case_refs=data.office.feeds.case_refs)
            for item in mine
        ],
        colleagues=colleague_names(data, session, entry.volunteer),
    )


def colleague_names(data: OfficeData, session: PlanSession, volunteer: str) -> list[str]:
    """Who else is on duty in the session, by name; none unless the office shows them
    (``volunteers.show_colleagues``)."""
    if not data.office.volunteers.show_colleagues:
        return []
    names = {person.id: person.name for person in data.volunteers}
    others = {e.volunteer for e in session.staff if e.volunteer != volunteer}
    return sorted(names[other] for other in others if other in names)


def _gaps(data: OfficeData, plans: list[Plan], today: date, locale: str) -> list[Gap]:
    fmt = Formatter(locale, data.office.zone, dict(data.office.languages))
    until = today + timedelta(days=GAP_DAYS)
    gaps: list[Gap] = []
    for plan in plans:
        for session in sorted(plan.sessions, key=lambda s: (s.start, s.id)):
            if not today <= session.date <= until or not session.uncovered:
                continue
            needs = []
            for item in session.uncovered:
                if item.need == "language" and item.language:
                    needs.append(say(locale, "gap_language", language=fmt.language(item.language)))
                elif item.need == "lead":
                    needs.append(say(locale, "gap_lead"))
                else:
                    needs.append(plural(locale, "volunteer.gap_counsellors", item.missing))
            day = fmt.day_full(session.date)
            gaps.append(Gap(date=session.date, day=day, needs=needs))
    return gaps


def _meeting(data: OfficeData, plans: list[Plan], today: date, locale: str) -> Meeting | None:
    fmt = Formatter(locale, data.office.zone, dict(data.office.languages))
    for plan in plans:
        meeting = plan.team_meeting
        if meeting is not None and meeting.date >= today:
            return Meeting(
                date=meeting.date,
                day=fmt.day_full(meeting.date),
                time=fmt.span(meeting.start, meeting.end),
                place=data.office.location or None,
            )
    return None


def _described(key: str, data: OfficeData, locale: str) -> str:
    """A duty named by its key alone (it may be gone from the plan): date, time, kind."""
    day, kind, start = key.split("|")[:3]
    fmt = Formatter(locale, data.office.zone, dict(data.office.languages))
    when = fmt.day_full(date.fromisoformat(day))
    kind_text = say(locale, f"kind_{kind}") if kind in ("open_hours", "appointments") else ""
    return f"{when}, {start} · {kind_text}"


def _changes(
    before: list[str], duties: list[Duty], data: OfficeData, today: date, locale: str
) -> list[str]:
    now_keys = [duty.key for duty in duties]
    added = [duty for duty in duties if duty.key not in before]
    removed = [
        key for key in before if key not in now_keys and date.fromisoformat(key[:10]) >= today
    ]
    lines = [
        say(locale, "change_added", duty=f"{duty.day}, {duty.time} · {duty.kind}") for duty in added
    ]
    lines += [say(locale, "change_removed", duty=_described(key, data, locale)) for key in removed]
    return lines


def calendar_problem(data: OfficeData, locale: str) -> str | None:
    """Why no calendar link can be made now (no public address, nothing published), in
    words; None when one can."""
    if data.office.feeds.base_url is None:
        return say(locale, "calendar_no_address")
    try:
        published = read_state(data.folder) is not None
    except RosterError:
        published = False
    return None if published else say(locale, "calendar_not_ready")


def volunteer_page(
    folder: Path,
    volunteer: str,
    *,
    lang: str | None = None,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> VolunteerPage:
    """The page of ``volunteer`` in ``lang`` (default: the office's language), and this
    visit recorded (its time and the duties shown) when the duties shown differ from the
    last visit's, or on the first visit: a view that shows the same duties writes nothing
    and takes no lock (skipped, too, when another run is saving)."""
    folder = Path(folder)
    with reading():
        data = load_office(folder)
    person = data.by_id()[volunteer]
    locale = locale_of(lang) if lang in ("de", "en") else data.office.locale
    moment = office_now(data.office, now)
    today = moment.date()
    with reading():
        plans = _plans(data, today)
        previous = read_pages(folder).visit_of(volunteer)
    duties = _duties(data, plans, volunteer, today, locale)
    changes = [] if previous is None else _changes(previous.duties, duties, data, today, locale)
    if previous is None or previous.duties != [duty.key for duty in duties]:
        _record_visit(folder, volunteer, duties, moment, lock_wait)
    return VolunteerPage(
        office=data.office.name,
        name=person.name,
        locale=locale,
        duties=duties,
        colleagues_shown=data.office.volunteers.show_colleagues,
        meeting=_meeting(data, plans, today, locale),
        gaps=_gaps(data, plans, today, locale),
        first_visit=previous is None,
        changes=changes,
        calendar_problem=calendar_problem(data, locale),
    )


def _record_visit(
    folder: Path, volunteer: str, duties: list[Duty], moment: datetime, lock_wait: float | None
) -> None:
    visit = Visit(
        volunteer=volunteer,
        seen=moment.astimezone(UTC).replace(microsecond=0).isoformat(),
        duties=[duty.key for duty in duties],
    )
    try:
        with writing(folder, COMMAND, wait=lock_wait):
            write_pages(folder, read_pages(folder).with_visit(visit))
    except FolderBusyError:
        return
