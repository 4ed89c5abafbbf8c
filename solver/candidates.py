"""Whom the model considers for each appointment, ranked once per date and language.

:func:`solver.variables.appointment_candidates` ranks everyone who can come for each
appointment and session on its own: a sort of the whole team per option, which grows as
the square of the team. :class:`CandidateIndex` gives the same people (the same ids, in
the same order) from rankings made once per date and language, so each option costs only
the people it keeps.

The ranking (see :data:`solver.variables.APPOINTMENT_CANDIDATES`): the people an earlier
plan, the starting plan or an override puts there and the counsellor the request names
first, then those who speak the client's language, then experienced before trainees,
then the lowest duty rate over the fairness window, the highest ``max_per_month``, and
the id.
"""

from __future__ import annotations

from datetime import date

from roster.domain.office_data import Appointment
from roster.domain.team import Volunteer
from roster.planfile.schema import Plan
from solver.availability import can_counsel, can_interpret
from solver.month_input import MonthInput

Ranked = list[Volunteer]
"""People in rank order, the people an appointment must have not yet put first."""


class CandidateIndex:
    """The rankings and the people each appointment must have, for one month and one
    starting plan."""

    def __init__(self, inp: MonthInput, start: Plan | None = None) -> None:
        self.inp = inp
        self.on_day: dict[date, set[str]] = {}
        """date -> the people an ``assign`` override puts on it"""
        for entry in inp.overrides.assign:
            self.on_day.setdefault(entry.date, set()).add(entry.volunteer)
        self.in_start: dict[tuple[str, date], set[str]] = {}
        """(appointment key, date) -> the people the starting plan gives it"""
        for placed in start.appointments if start is not None else []:
            people = {placed.counsellor} | {
                p for p in (placed.second_counsellor, placed.interpreter) if p
            }
            self.in_start.setdefault((placed.key, placed.date), set()).update(people)
        self.in_previous: dict[str, set[str]] = {}
        """appointment key -> the people the plan being replaced gives it"""
        if inp.previous is not None:
            for fact in inp.previous.facts:
                if fact.kind in ("counsellor", "second_counsellor", "interpreter"):
                    self.in_previous.setdefault(fact.subject, set()).add(fact.detail)
        self._base: dict[tuple[date, str, str], Ranked] = {}
        self._ranked: dict[tuple[date, str, str], Ranked] = {}

    def must(self, key: str, day: date) -> set[str]:
        """People an earlier plan, the starting plan or an override puts into the
        appointment ``key`` or on ``day``."""
        return (
            self.on_day.get(day, set())
            | self.in_start.get((key, day), set())
            | self.in_previous.get(key, set())
        )

    def _rank(self, person: Volunteer) -> tuple[bool, float, int, str]:
        offered = self.inp.window_offered(person.id) or 1
        return (
            person.trainee,
            self.inp.history.duties.get(person.id, 0) / offered,
            -person.max_per_month,
            person.id,
        )

    def ranked(self, day: date, language: str, role: str) -> Ranked:
        """Everyone who can come on ``day`` and may take ``role`` (``counsellor`` or
        ``interpreter``) in an appointment in ``language``: speakers of it first, then
        by :meth:`_rank`."""
        found = self._ranked.get((day, language, role))
        if found is None:
            qualified = (day, role, "" if role == "counsellor" else language)
            base = self._base.get(qualified)
            listing = self.inp.with_language(language)
            if base is None:
                if role == "counsellor":
                    group = [p for p in self.inp.present_on(day) if can_counsel(p)]
                else:  # only those who list the language can interpret it
                    can = self.inp.availability.can
                    group = [p for p in listing if can_interpret(p, language) and can(p.id, day)]
                base = self._base[qualified] = sorted(group, key=self._rank)
            speaking = {p.id for p in listing if p.speaks(language)}
            found = [p for p in base if p.id in speaking]
            found.extend(p for p in base if p.id not in speaking)
            self._ranked[day, language, role] = found
        return found

    def candidates(
        self, item: Appointment, day: date, limit: int
    ) -> tuple[list[Volunteer], list[Volunteer]]:
        """(counsellors, interpreters) the model considers for ``item`` on ``day``, by id:
        :func:`solver.variables.appointment_candidates`'s choice."""
        request = item.request
        must = self.must(item.key, day)
        if request.counsellor:
            must = must | {request.counsellor}
        chosen = []
        for role in ("counsellor", "interpreter"):
            ranked = self.ranked(day, request.language, role)
            first = self._group(day, request.language, role, must)
            keep = {p.id: p for p in first}
            for person in ranked:
                if len(keep) >= max(limit, len(first)):
                    break
                keep.setdefault(person.id, person)
            chosen.append(sorted(keep.values(), key=lambda p: p.id))
        return chosen[0], chosen[1]

    def _group(self, day: date, language: str, role: str, ids: set[str]) -> list[Volunteer]:
        """Those of ``ids`` who can come on ``day`` and may take ``role``."""
        found = []
        for pid in sorted(ids):
            if not self.inp.knows(pid):
                continue
            person = self.inp.person(pid)
            if not self.inp.availability.can(pid, day):
                continue
            if can_counsel(person) if role == "counsellor" else can_interpret(person, language):
                found.append(person)
        return found
