"""Who does what in a plan file, looked up per person: read by the checker, the
explanations and the plan's load figures, never by the model."""

from __future__ import annotations

from datetime import date

from roster.planfile.schema import Plan, PlanAppointment, PlanSession


def minutes_between(session: PlanSession | PlanAppointment) -> int:
    """Length in minutes of a session or appointment."""
    return int((session.end - session.start).total_seconds() // 60)


class PlanIndex:
    """A plan's assignments by person and session."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.sessions = {s.id: s for s in plan.sessions}
        self.functions: dict[tuple[str, str], list[str]] = {}
        self.appointments: dict[tuple[str, str], list[PlanAppointment]] = {}
        self.duty_dates: dict[str, set[date]] = {}
        self.minutes: dict[str, int] = {}
        for session in plan.sessions:
            if session.kind != "open_hours":
                continue
            for entry in session.staff:
                detail = (
                    entry.role if entry.role == "counsellor" else f"interpreter:{entry.language}"
                )
                self._add(
                    entry.volunteer, session.id, session.date, detail, minutes_between(session)
                )
        for item in plan.appointments:
            roles = (
                (item.counsellor, "counsellor"),
                (item.second_counsellor, "counsellor"),
                (item.interpreter, f"interpreter:{item.language}"),
            )
            for person, detail in roles:
                if person:
                    self._add(person, item.session, item.date, detail, minutes_between(item))
                    self.appointments.setdefault((person, item.session), []).append(item)

    def _add(self, person: str, session: str, day: date, detail: str, minutes: int) -> None:
        functions = self.functions.setdefault((person, session), [])
        if detail not in functions:
            functions.append(detail)
        self.duty_dates.setdefault(person, set()).add(day)
        self.minutes[person] = self.minutes.get(person, 0) + minutes

    def duties(self, person: str) -> int:
        """Days on duty."""
        return len(self.duty_dates.get(person, set()))

    def works_in(self, person: str, session: str) -> list[str]:
        """The person's functions in a session: ``counsellor``, ``interpreter:ar``."""
        return self.functions.get((person, session), [])

    def busy(self, person: str, session: str) -> list[PlanAppointment]:
        """The appointments a person takes part in, in one session."""
        return self.appointments.get((person, session), [])


def unrequested_sessions(plan: Plan) -> list[PlanSession]:
    """The appointment hours that need nobody: no appointment lies in them, and no
    appointment left unscheduled could have taken place on their date (no appointments
    requested). `roster plan` counts them apart and `roster explain` lists them."""
    placed = {item.session for item in plan.appointments}
    return [
        session
        for session in plan.sessions
        if session.kind == "appointments"
        and session.id not in placed
        and not any(left.earliest <= session.date <= left.latest for left in plan.unscheduled)
    ]
