"""The concrete sessions of a month: session rules minus holidays and closures.

Times are timezone-aware datetimes in the office's zone (zoneinfo), so a session on
the Thursday after the October daylight-saving change starts at 14:00+01:00 while one a
week earlier starts at 14:00+02:00.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Literal

import holidays

from roster.domain.month import Month
from roster.domain.office import WEEKDAYS, Office, SessionRule

SessionKind = Literal["open_hours", "appointments"]
_KIND_SHORT = {"open_hours": "open", "appointments": "appt"}
_HOLIDAY_LANGUAGE = {"de": "de", "en": "en_US"}


@dataclass(frozen=True)
class SessionOccurrence:
    """One session on one date."""

    id: str
    date: dt.date
    name: str
    kind: SessionKind
    start: datetime
    end: datetime
    rule_index: int

    @property
    def minutes(self) -> int:
        """Length in minutes (wall clock; sessions never span a DST change at night)."""
        return int((self.end - self.start).total_seconds() // 60)


@dataclass(frozen=True)
class ClosedDate:
    """A date on which a session would have taken place but the office is closed."""

    date: dt.date
    reason: str
    sessions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Meeting:
    """The month's team meeting."""

    date: dt.date
    start: datetime
    end: datetime
    agenda: tuple[str, ...]
    moved_from: dt.date | None = None
    moved_because: str | None = None


@dataclass(frozen=True)
class MonthCalendar:
    """Sessions, closed dates and the team meeting of one month."""

    month: Month
    sessions: list[SessionOccurrence] = field(default_factory=list)
    closed: list[ClosedDate] = field(default_factory=list)
    team_meeting: Meeting | None = None

    def session(self, session_id: str) -> SessionOccurrence:
        """The session with this id."""
        for item in self.sessions:
            if item.id == session_id:
                return item
        raise KeyError(session_id)


@cache
def _holidays_for(region: str, year: int, language: str) -> dict[date, str]:
    country, _, subdiv = region.partition("-")
    table = holidays.country_holidays(country, subdiv=subdiv or None, years=year, language=language)
    return {day: str(name) for day, name in table.items()}


def closed_reason(office: Office, day: date, locale: str | None = None) -> str | None:
    """Why the office is closed on ``day`` (its own closure first, then a holiday)."""
    for closure in office.closures:
        if closure.from_ <= day <= closure.to:
            return closure.reason
    language = _HOLIDAY_LANGUAGE.get(locale or office.locale, "en_US")
    try:
        table = _holidays_for(office.holidays, day.year, language)
    except (NotImplementedError, KeyError):  # a region without translations
        table = _holidays_for(office.holidays, day.year, "")
    return table.get(day)


def at(office: Office, day: date, clock: time) -> datetime:
    """A wall-clock time on ``day`` in the office's zone."""
    return datetime.combine(day, clock, tzinfo=office.zone)


def session_id(day: date, kind: str, start: time) -> str:
    """Stable id of a session: ``2026-12-03-open-1400``."""
    return f"{day.isoformat()}-{_KIND_SHORT[kind]}-{start:%H%M}"


def _occurrence(
    office: Office, rule: SessionRule, index: int, day: date, kind: SessionKind
) -> SessionOccurrence:
    return SessionOccurrence(
        id=session_id(day, kind, rule.start),
        date=day,
        name=rule.name,
        kind=kind,
        start=at(office, day, rule.start),
        end=at(office, day, rule.end),
        rule_index=index,
    )


def _meeting_day(month: Month, weekday: str, week: str) -> date:
    days = [day for day in month.days() if WEEKDAYS[day.weekday()] == weekday]
    if week == "last":
        return days[-1]
    return days[["first", "second", "third", "fourth"].index(week)]


def month_calendar(office: Office, month: Month, locale: str | None = None) -> MonthCalendar:
    """The sessions, closed dates and team meeting of ``month``."""
    sessions: list[SessionOccurrence] = []
    closed: dict[date, list[str]] = {}
    for day in month.days():
        for index, rule in enumerate(office.sessions):
            if not rule.runs_on(day):
                continue
            if closed_reason(office, day, locale) is not None:
                closed.setdefault(day, []).append(rule.name)
                continue
            sessions.append(_occurrence(office, rule, index, day, rule.kind))
    sessions.sort(key=lambda s: (s.start, s.id))
    closed_dates = [
        ClosedDate(day, closed_reason(office, day, locale) or "", tuple(names))
        for day, names in sorted(closed.items())
    ]
    return MonthCalendar(month, sessions, closed_dates, _team_meeting(office, month, locale))


def _team_meeting(office: Office, month: Month, locale: str | None) -> Meeting | None:
    """The month's meeting; on a closed day it moves one week later (earlier at month end).

    None when the office has no team meeting, or every candidate day is closed.
    """
    rules = office.team_meeting
    if rules is None:
        return None
    planned = _meeting_day(month, rules.weekday, rules.week)
    for shift in (0, 7, 14, -7, -14):
        day = planned + timedelta(days=shift)
        if day in month and closed_reason(office, day, locale) is None:
            start = at(office, day, rules.start)
            return Meeting(
                date=day,
                start=start,
                end=start + timedelta(minutes=rules.minutes),
                agenda=tuple(rules.agenda),
                moved_from=planned if day != planned else None,
                moved_because=closed_reason(office, planned, locale) if day != planned else None,
            )
    return None
