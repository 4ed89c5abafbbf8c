"""The month a plan is checked against, and the plan looked up by person and session.

Everything here comes from the office folder (through the domain: the month's calendar
and the forecast) and from the plan file; nothing from the solver.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from roster.checking.people import Team
from roster.domain.forecast import LanguageNeed, month_needs
from roster.domain.month import Month
from roster.domain.office import AppointmentsRule, OpenHoursRule
from roster.domain.office_data import Appointment, OfficeData
from roster.domain.sessions import SessionOccurrence, month_calendar
from roster.planfile.history import History
from roster.planfile.index import PlanIndex
from roster.planfile.schema import Plan, PlanAppointment, PlanSession


@dataclass(frozen=True)
class OpenSession:
    """An open-hours session of the plan that is in the month's calendar."""

    planned: PlanSession
    rule: OpenHoursRule


@dataclass(frozen=True)
class Placed:
    """A scheduled appointment of the plan that answers a request of the month and lies
    in an appointment session of the month's calendar."""

    item: PlanAppointment
    request: Appointment
    session: SessionOccurrence
    rule: AppointmentsRule


class CheckedMonth:
    """The office's month and the plan to check, side by side."""

    def __init__(self, data: OfficeData, plan: Plan, history: History | None) -> None:
        self.data = data
        self.plan = plan
        self.month = Month.parse(plan.month)
        self.history = history or History()
        self.calendar = month_calendar(data.office, self.month)
        self.sessions = {s.id: s for s in self.calendar.sessions}
        self.overrides = data.overrides_of(self.month)
        self.requests = {item.key: item for item in data.appointments_of(self.month)}
        self.team = Team(data, [s.date for s in self.calendar.sessions], self.overrides)
        self.needs: dict[str, list[LanguageNeed]] = month_needs(data, self.month)
        self.index = PlanIndex(plan)
        self._languages: dict[str, set[str]] | None = None

    # -- the calendar -----------------------------------------------------------------------
    def rule(self, session_id: str) -> OpenHoursRule | AppointmentsRule:
        """The session rule of office.yaml a calendar session comes from."""
        return self.data.office.sessions[self.sessions[session_id].rule_index]

    def open_rule(self, session_id: str) -> OpenHoursRule | None:
        """The rule of a calendar open-hours session (None for any other id)."""
        if session_id not in self.sessions:
            return None
        rule = self.rule(session_id)
        return rule if isinstance(rule, OpenHoursRule) else None

    def appointment_rule(self, session_id: str) -> AppointmentsRule | None:
        """The rule of a calendar appointment session (None for any other id)."""
        if session_id not in self.sessions:
            return None
        rule = self.rule(session_id)
        return rule if isinstance(rule, AppointmentsRule) else None

    @property
    def session_dates(self) -> list[date]:
        """The dates with a session."""
        return sorted({s.date for s in self.calendar.sessions})

    def overlapping(self) -> list[tuple[SessionOccurrence, SessionOccurrence]]:
        """Pairs of calendar sessions on one date whose times overlap."""
        ordered = self.calendar.sessions
        return [
            (first, second)
            for position, first in enumerate(ordered)
            for second in ordered[position + 1 :]
            if first.date == second.date and first.start < second.end and second.start < first.end
        ]

    def language_needs(self, session_id: str) -> list[LanguageNeed]:
        """The forecast languages of an open-hours session that need an interpreter."""
        return [need for need in self.needs.get(session_id, []) if need.interpreters > 0]

    def appointment_languages(self, session_id: str) -> set[str]:
        """The languages of the requests that could take place in an appointment session:
        the session lies in their window and is long enough."""
        if self._languages is None:
            self._languages = {}
            for session in self.calendar.sessions:
                if self.appointment_rule(session.id) is None:
                    continue
                self._languages[session.id] = {
                    item.request.language
                    for item in self.requests.values()
                    if item.request.earliest <= session.date <= item.request.latest
                    and session.minutes >= item.request.minutes
                }
        return self._languages.get(session_id, set())

    # -- the plan ---------------------------------------------------------------------------
    def open_sessions(self) -> list[OpenSession]:
        """The plan's open-hours sessions that the calendar has (as open hours)."""
        found = []
        for planned in self.plan.sessions:
            rule = self.open_rule(planned.id)
            if planned.kind == "open_hours" and rule is not None:
                found.append(OpenSession(planned, rule))
        return found

    def placed(self) -> list[Placed]:
        """The plan's appointments that answer a request and lie in an appointment
        session of the calendar (the others break the rule ``appointment``)."""
        found = []
        for item in self.plan.appointments:
            request = self.requests.get(item.key)
            rule = self.appointment_rule(item.session)
            if request is not None and rule is not None:
                found.append(Placed(item, request, self.sessions[item.session], rule))
        return found

    def works_in(self, volunteer_id: str, session_id: str) -> bool:
        """Whether the person has any function in the plan's session."""
        return bool(self.index.works_in(volunteer_id, session_id))
