"""The door sign: public, without names. Opening hours, how to book the appointment
hours (``contact`` in office.yaml), closed dates, and for each open-hours date the
languages interpreted, each also named in that language."""

from __future__ import annotations

from dataclasses import dataclass, field

from roster.domain.office import WEEKDAYS, Contact
from roster.domain.sessions import at
from roster.printouts.context import Page, PrintInput, session_people
from roster.printouts.rota import closed_dates


@dataclass(frozen=True)
class Hours:
    """One weekly session as the door shows it."""

    weekday: str
    time: str
    name: str
    access: str


@dataclass(frozen=True)
class DoorLanguage:
    """A language on the door: its name in the sign's locale and in itself."""

    code: str
    name: str
    native: str | None


@dataclass(frozen=True)
class DoorDate:
    """One open-hours date and the languages interpreted on it."""

    date: str
    time: str
    languages: list[DoorLanguage] = field(default_factory=list)


@dataclass(frozen=True)
class DoorClosed:
    """A closed date and why."""

    date: str
    reason: str


@dataclass(frozen=True)
class Door:
    """Template data of ``door.html.j2``."""

    page: Page
    location: str
    hours: list[Hours]
    dates: list[DoorDate]
    closed: list[DoorClosed]
    contact: Contact | None = None


def _language(source: PrintInput, code: str) -> DoorLanguage:
    name = source.fmt.language(code)
    native = source.fmt.native(code)
    return DoorLanguage(code, name, native if native and native != name else None)


def build_door(source: PrintInput) -> Door:
    """The door sign of the plan's month."""
    words, fmt = source.words, source.fmt
    office = source.data.office
    days = source.month.days()
    hours = []
    for rule in sorted(office.sessions, key=lambda r: (WEEKDAYS.index(r.weekday), r.start)):
        runs = [day for day in days if rule.runs_on(day)]
        if not runs:
            continue
        hours.append(
            Hours(
                weekday=fmt.weekday(WEEKDAYS.index(rule.weekday)),
                time=fmt.span(at(office, runs[0], rule.start), at(office, runs[0], rule.end)),
                name=rule.name,
                access=words("door_open" if rule.kind == "open_hours" else "door_appointments"),
            )
        )
    dates = []
    for session in sorted(source.plan.sessions, key=lambda s: (s.start, s.id)):
        if session.kind != "open_hours":
            continue
        codes = {
            entry.language
            for entry in session_people(source.plan, session)
            if entry.language and entry.language != "de"
        }
        languages = sorted((_language(source, code) for code in codes), key=lambda x: x.name)
        dates.append(
            DoorDate(
                date=fmt.day_full(session.date),
                time=fmt.span(session.start, session.end),
                languages=languages,
            )
        )
    closed = [DoorClosed(fmt.day_full(day), reason) for day, reason in closed_dates(source).items()]
    month = fmt.month(source.month)
    return Door(
        page=source.page(words("door_title"), words("door_month", month=month)),
        location=source.data.office.location,
        hours=hours,
        dates=dates,
        closed=closed,
        contact=office.contact,
    )
