"""Personal schedules: one sheet per volunteer with that person's duties of the month,
the team meeting, and how to subscribe to the personal calendar feed.

The feed link is secret and never printed: by default the sheet says to ask the office
lead for it; with ``--with-links`` it says whether a link has been made and when (the
token itself is stored nowhere, see :mod:`roster.printouts.links`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from roster.planfile.schema import PlanAppointment, PlanSession
from roster.printouts.context import Page, PrintInput, appointments_of, session_people


@dataclass(frozen=True)
class DutyAppointment:
    """One appointment the person works in."""

    time: str
    language: str
    role: str
    case: str | None


@dataclass(frozen=True)
class Duty:
    """One session the person is on duty in."""

    date: str
    time: str
    session: str
    functions: list[str]
    appointments: list[DutyAppointment] = field(default_factory=list)


@dataclass(frozen=True)
class MeetingInfo:
    """The team meeting as a personal sheet shows it."""

    date: str
    time: str
    place: str
    moved: str | None


@dataclass(frozen=True)
class Feed:
    """How to get the personal calendar feed, in one sentence."""

    text: str


@dataclass(frozen=True)
class Schedule:
    """Template data of ``schedule.html.j2``."""

    page: Page
    volunteer: str
    name: str
    duties: list[Duty]
    summary: str
    meeting: MeetingInfo | None
    feed: Feed


def _functions(source: PrintInput, session: PlanSession, volunteer: str) -> list[str]:
    words, fmt = source.words, source.fmt
    functions: list[str] = []
    for entry in session_people(source.plan, session):
        if entry.volunteer != volunteer:
            continue
        if entry.role == "interpreter":
            functions.append(words("duty_interpreter", language=fmt.language(entry.language or "")))
        elif entry.trainee:
            functions.append(words("duty_trainee"))
        elif entry.language:
            functions.append(words("duty_counsellor_in", language=fmt.language(entry.language)))
        else:
            functions.append(words("duty_counsellor"))
        if entry.lead:
            functions.append(words("duty_lead"))
    return list(dict.fromkeys(functions))


def _role_in(source: PrintInput, item: PlanAppointment, volunteer: str) -> str | None:
    words, fmt = source.words, source.fmt
    if item.counsellor == volunteer:
        return words("duty_counsellor")
    if item.second_counsellor == volunteer:
        return words("duty_second")
    if item.interpreter == volunteer:
        return words("duty_interpreter", language=fmt.language(item.language))
    return None


def _duty(source: PrintInput, session: PlanSession, volunteer: str) -> Duty | None:
    functions = _functions(source, session, volunteer)
    fmt = source.fmt
    show_case = source.data.office.feeds.case_refs
    appointments = []
    for item in appointments_of(source.plan, session):
        role = _role_in(source, item, volunteer)
        if role is None:
            continue
        appointments.append(
            DutyAppointment(
                time=fmt.span(item.start, item.end),
                language=f"{fmt.language(item.language)} ({item.language})",
                role=role,
                case=item.case if show_case else None,
            )
        )
    if not functions and not appointments:
        return None
    return Duty(
        date=fmt.day_full(session.date),
        time=fmt.span(session.start, session.end),
        session=session.name,
        functions=functions,
        appointments=appointments,
    )


def _hours(source: PrintInput, volunteer: str, duties: int) -> tuple[int, float]:
    for load in source.plan.load:
        if load.volunteer == volunteer:
            return load.duties, load.hours
    minutes = 0.0
    for session in source.plan.sessions:
        if session.kind == "open_hours":
            if any(e.volunteer == volunteer for e in session.staff):
                minutes += (session.end - session.start).total_seconds() / 60
            continue
        for item in appointments_of(source.plan, session):
            if volunteer in (item.counsellor, item.second_counsellor, item.interpreter):
                minutes += (item.end - item.start).total_seconds() / 60
    return duties, minutes / 60


def _meeting(source: PrintInput) -> MeetingInfo | None:
    meeting = source.plan.team_meeting
    if meeting is None:
        return None
    fmt = source.fmt
    moved = (
        source.words("agenda_moved", date=fmt.day_long(meeting.moved_from))
        if meeting.moved_from
        else None
    )
    return MeetingInfo(
        date=fmt.day_full(meeting.date),
        time=fmt.span(meeting.start, meeting.end),
        place=source.data.office.location,
        moved=moved,
    )


def _feed(source: PrintInput, links: dict[str, date | None] | None, volunteer: str) -> Feed:
    words = source.words
    if links is None:
        return Feed(words("feed_ask"))
    made = links.get(volunteer)
    if made is None:
        return Feed(words("feed_none"))
    return Feed(words("feed_made", date=source.fmt.day_long(made)))


def schedule_people(source: PrintInput) -> list[tuple[str, str]]:
    """(id, name) of everyone who gets a sheet: the team, and anyone the plan names who
    has left volunteers.yaml since, so that no duty goes unprinted."""
    people = {person.id: person.name for person in source.data.volunteers}
    for session in source.plan.sessions:
        for entry in session_people(source.plan, session):
            people.setdefault(entry.volunteer, entry.volunteer)
    return sorted(people.items())


def build_schedules(
    source: PrintInput, links: dict[str, date | None] | None = None
) -> list[Schedule]:
    """One personal schedule per volunteer, in id order; ``links`` (``--with-links``)
    maps ids to the date their feed link was made."""
    words, fmt = source.words, source.fmt
    month = fmt.month(source.month)
    meeting = _meeting(source)
    sheets = []
    for volunteer, name in schedule_people(source):
        duties = [
            duty
            for session in sorted(source.plan.sessions, key=lambda s: (s.start, s.id))
            if (duty := _duty(source, session, volunteer)) is not None
        ]
        days, hours = _hours(source, volunteer, len({d.date for d in duties}))
        sheets.append(
            Schedule(
                page=source.page(name, words("schedule_title", month=month)),
                volunteer=volunteer,
                name=name,
                duties=duties,
                summary=words("days_hours", days=days, hours=fmt.number(hours, 1)),
                meeting=meeting,
                feed=_feed(source, links, volunteer),
            )
        )
    return sheets
