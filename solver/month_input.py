"""Everything the model, the starting plans and the explanations read about one month.

Built once from the validated office: the month's sessions, their rules and language
needs (the forecast), the appointment requests with the sessions and start times open
to each, availability with the overrides applied, the earlier months' plans and, when
re-planning, the plan being replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from roster.domain.forecast import LanguageNeed, month_needs
from roster.domain.month import Month
from roster.domain.office import AppointmentsRule, OpenHoursRule, Priorities
from roster.domain.office_data import Appointment, OfficeData
from roster.domain.requests import Overrides
from roster.domain.sessions import MonthCalendar, SessionOccurrence, month_calendar
from roster.domain.team import Volunteer
from roster.planfile.history import History
from roster.planfile.schema import Previous
from solver.availability import Availability, can_counsel, can_interpret

Week = tuple[int, int]


@dataclass(frozen=True)
class Option:
    """A session in which an appointment may take place, with its possible starts."""

    session: str
    starts: tuple[int, ...] = field(repr=False)
    """Minutes after the session's start, on the slot grid, so the appointment ends in time."""


@dataclass
class MonthInput:
    """The month as every part of the solver sees it."""

    data: OfficeData
    month: Month
    as_of: date
    calendar: MonthCalendar
    history: History
    previous: Previous | None
    overrides: Overrides
    availability: Availability
    needs: dict[str, list[LanguageNeed]]
    people: list[Volunteer] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.people = sorted(self.data.volunteers, key=lambda p: p.id)
        self._by_id = {person.id: person for person in self.people}
        self._sessions = {s.id: s for s in self.calendar.sessions}
        self._options: dict[str, list[Option]] = {}
        for item in self.appointments:
            request = item.request
            self._options[item.key] = [
                Option(s.id, tuple(range(0, s.minutes - request.minutes + 1, rule.slot_minutes)))
                for s in self.appointment_sessions
                if request.earliest <= s.date <= request.latest
                and s.minutes >= request.minutes
                and isinstance(rule := self.rule(s.id), AppointmentsRule)
            ]
        self._appointment_languages: dict[str, set[str]] = {}
        for item in self.appointments:
            for option in self._options[item.key]:
                self._appointment_languages.setdefault(option.session, set()).add(
                    item.request.language
                )
        self._group: list[str] | None = None
        self._with_language: dict[str, list[Volunteer]] | None = None
        self._present: dict[date, list[Volunteer]] = {}
        self._pairs = [
            (first.id, second.id)
            for index, first in enumerate(self.sessions)
            for second in self.sessions[index + 1 :]
            if first.date == second.date and first.start < second.end and second.start < first.end
        ]

    # -- sessions -------------------------------------------------------------------------
    @property
    def sessions(self) -> list[SessionOccurrence]:
        """Every session of the month, in time order."""
        return self.calendar.sessions

    @property
    def open_sessions(self) -> list[SessionOccurrence]:
        """The open-hours sessions."""
        return [s for s in self.sessions if s.kind == "open_hours"]

    @property
    def appointment_sessions(self) -> list[SessionOccurrence]:
        """The appointment-hours sessions."""
        return [s for s in self.sessions if s.kind == "appointments"]

    def session(self, session_id: str) -> SessionOccurrence:
        """The session with this id."""
        return self._sessions[session_id]

    def has_session(self, session_id: str) -> bool:
        """Whether the month has a session with this id."""
        return session_id in self._sessions

    def rule(self, session_id: str) -> OpenHoursRule | AppointmentsRule:
        """The rule a session comes from."""
        return self.data.office.sessions[self._sessions[session_id].rule_index]

    def open_rule(self, session_id: str) -> OpenHoursRule:
        """The rule of an open-hours session."""
        rule = self.rule(session_id)
        assert isinstance(rule, OpenHoursRule)  # noqa: S101 - callers pass open-hours sessions
        return rule

    def appointment_rule(self, session_id: str) -> AppointmentsRule:
        """The rule of an appointment session."""
        rule = self.rule(session_id)
        assert isinstance(rule, AppointmentsRule)  # noqa: S101 - callers pass appointment sessions
        return rule

    @property
    def dates(self) -> list[date]:
        """The dates that have a session."""
        return sorted({s.date for s in self.sessions})

    def sessions_on(self, day: date) -> list[SessionOccurrence]:
        """The sessions of one date."""
        return [s for s in self.sessions if s.date == day]

    def overlapping_pairs(self) -> list[tuple[str, str]]:
        """Pairs of sessions on one date whose times overlap (nobody can be in both)."""
        return self._pairs

    def is_kept(self, session: SessionOccurrence) -> bool:
        """Whether a re-plan keeps this session as it was (it lies before ``as_of``)."""
        return self.previous is not None and session.date < self.as_of

    # -- needs and appointments ----------------------------------------------------------
    def language_needs(self, session_id: str) -> list[LanguageNeed]:
        """The forecast interpreting need of an open-hours session (need > 0 only)."""
        return [need for need in self.needs.get(session_id, []) if need.interpreters > 0]

    @property
    def appointments(self) -> list[Appointment]:
        """The month's appointment requests."""
        return self.data.appointments_of(self.month)

    def options(self, key: str) -> list[Option]:
        """Sessions and start offsets open to an appointment."""
        return self._options[key]

    # -- people ---------------------------------------------------------------------------
    def person(self, volunteer_id: str) -> Volunteer:
        """The volunteer with this id."""
        return self._by_id[volunteer_id]

    def knows(self, volunteer_id: str) -> bool:
        """Whether the id is in the team."""
        return volunteer_id in self._by_id

    def with_language(self, code: str) -> list[Volunteer]:
        """The people who list ``code`` among their languages, at any level, by id: the
        only ones who can interpret it or counsel in it (indexed once for all codes)."""
        if self._with_language is None:
            self._with_language = {}
            for person in self.people:
                for spoken in person.languages:
                    self._with_language.setdefault(spoken, []).append(person)
        return self._with_language.get(code, [])

    def present_on(self, day: date) -> list[Volunteer]:
        """The people who can come on ``day`` (availability with overrides), by id."""
        found = self._present.get(day)
        if found is None:
            found = [p for p in self.people if self.availability.can(p.id, day)]
            self._present[day] = found
        return found

    @property
    def priorities(self) -> Priorities:
        """The soft-rule weights."""
        return self.data.office.priorities

    def week(self, day: date) -> Week:
        """The ISO week of a date."""
        iso = day.isocalendar()
        return (iso[0], iso[1])

    def window_offered(self, volunteer_id: str) -> int:
        """Dates offered over the fairness window (earlier plans and this month)."""
        return self.history.offered.get(volunteer_id, 0) + self.availability.offered(volunteer_id)

    def could_work(self, person: Volunteer) -> bool:
        """Whether the person could take any function this month (ignoring limits)."""
        for session in self.sessions:
            if not self.availability.can(person.id, session.date):
                continue
            if session.kind == "open_hours":
                languages = [need.language for need in self.language_needs(session.id)]
            else:
                languages = sorted(self._appointment_languages.get(session.id, set()))
                if not languages:
                    continue
            if can_counsel(person) or any(can_interpret(person, code) for code in languages):
                return True
        return False

    def fairness_group(self) -> list[str]:
        """Volunteers whose duty rates the fairness spread compares: everyone who offered
        a date over the window and could take a function this month."""
        if self._group is None:
            self._group = [
                person.id
                for person in self.people
                if self.window_offered(person.id) > 0 and self.could_work(person)
            ]
        return self._group


def month_input(
    data: OfficeData,
    month: Month,
    *,
    as_of: date,
    history: History | None = None,
    previous: Previous | None = None,
) -> MonthInput:
    """Gather the month: calendar, forecast needs, availability with overrides."""
    calendar = month_calendar(data.office, month)
    overrides = data.overrides_of(month)
    availability = Availability(data, month, [s.date for s in calendar.sessions], overrides)
    return MonthInput(
        data=data,
        month=month,
        as_of=as_of,
        calendar=calendar,
        history=history or History(),
        previous=previous,
        overrides=overrides,
        availability=availability,
        needs=month_needs(data, month),
    )
