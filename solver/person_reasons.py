"""What keeps one person from one session, as reason codes with their data.

Shared by the explanations of open-hours needs and of appointments
(:mod:`solver.explain`, :mod:`solver.appointment_reasons`): a hard reason (they cannot
come that day, already have a function in the session, have as many duties or hours this
month as they offered, the session is kept as planned) or, when nothing hard stood in
the way, the soft rules that taking them would cost.
"""

from __future__ import annotations

from datetime import date

from roster.domain.sessions import SessionOccurrence
from roster.domain.team import Volunteer
from roster.planfile.index import PlanIndex
from roster.planfile.schema import Plan
from solver.availability import cannot_cover
from solver.month_input import MonthInput
from solver.reasons import Candidate, Reason, reason
from solver.rules import monday


class PersonReasons:
    """Per-person reasons for one plan of one month."""

    def __init__(self, inp: MonthInput, plan: Plan) -> None:
        self.inp = inp
        self.plan = plan
        self.index = PlanIndex(plan)
        self.office = inp.data.office
        self.staff = {(entry.volunteer, s.id): entry for s in plan.sessions for entry in s.staff}

    def cannot_come(self, person: Volunteer, day: date) -> Reason:
        """Why ``person`` cannot come on ``day``: the cause :mod:`solver.availability`
        found (no session, override, absence, poll answer no, else no answer and not a
        usual weekday)."""
        why = self.inp.availability.status(person.id, day).why
        if why is None:
            raise ValueError(f"{person.id} can come on {day}")
        return why

    def not_qualified(self, person: Volunteer, language: str) -> Reason | None:
        """Why a person who speaks ``language`` at some level can neither interpret nor
        counsel in it (:func:`solver.availability.cannot_cover`)."""
        return cannot_cover(person, language)

    def blocker(
        self, person: Volunteer, session: SessionOccurrence, minutes: int
    ) -> Candidate | None:
        """The hard reason ``person`` cannot take ``minutes`` more work in ``session``."""
        pid, day = person.id, session.date
        if not self.inp.availability.status(pid, day).can:
            return Candidate(pid, self.cannot_come(person, day), "cannot_come")
        if self.inp.is_kept(session):
            return Candidate(pid, reason("kept", day=self.inp.as_of), "kept")
        if session.kind == "open_hours" and self.index.works_in(pid, session.id):
            return Candidate(
                pid, reason("already", doing=self.doing(pid, session.id)), "in_session"
            )
        for first, second in self.inp.overlapping_pairs():
            other = second if first == session.id else first if second == session.id else None
            if other is not None and self.index.works_in(pid, other):
                name = self.inp.session(other).name
                return Candidate(pid, reason("same_time", session=name), "in_session")
        duty = self.index.duty_dates.get(pid, set())
        if day not in duty and len(duty) >= person.max_per_month:
            if person.max_per_month == 0:
                why = reason("max_zero")
            else:
                why = reason("max_reached", limit=person.max_per_month, days=frozenset(duty))
            return Candidate(pid, why, "limit")
        if person.hours_per_month is not None:
            budget = round(person.hours_per_month * 60)
            used = self.index.minutes.get(pid, 0)
            if used + minutes > budget:
                why = reason(
                    "hours_left", left=max(0, budget - used), budget=budget, needed=minutes
                )
                return Candidate(pid, why, "limit")
        return None

    def doing(self, pid: str, session_id: str) -> Reason:
        """``counsels``, ``counsels in Persian``, ``interprets Arabic``, ``is on lead duty``."""
        entry = self.staff.get((pid, session_id))
        if entry is None:
            functions = self.index.works_in(pid, session_id)
            if functions and functions[0].startswith("interpreter:"):
                return reason("interprets", language=functions[0].split(":", 1)[1])
            return reason("counsels")
        if entry.role == "interpreter" and entry.language:
            return reason("interprets", language=entry.language)
        if entry.language:
            doing = reason("counsels_in", language=entry.language)
        else:
            doing = reason("counsels")
        if entry.lead:
            doing = reason("on_lead", doing=doing)
        return doing

    def soft_reason(self, person: Volunteer, session: SessionOccurrence) -> Candidate:
        """Nothing hard stood in the way: name the soft rules taking them would cost."""
        pid, day = person.id, session.date
        costs = []
        if self.inp.availability.maybe(pid, day):
            costs.append(reason("maybe", day=day))
        duty = sorted(
            self.index.duty_dates.get(pid, set())
            | self.inp.history.duty_dates.get(pid, frozenset())
        )
        same = [d for d in duty if monday(d) == monday(day) and d != day]
        if same:
            costs.append(reason("same_week", days=tuple(same)))
        near = [d for d in duty if abs((monday(d) - monday(day)).days) == 7]
        if near:
            costs.append(reason("near_week", days=tuple(near)))
        rate_duties = self.inp.history.duties.get(pid, 0) + self.index.duties(pid)
        offered = self.inp.window_offered(pid)
        if offered and rate_duties:
            costs.append(reason("fairness", duties=rate_duties, offered=offered))
        if not costs:
            return Candidate(pid, reason("kept_free"), "free")
        return Candidate(pid, reason("could_but", costs=tuple(costs)), "free")
