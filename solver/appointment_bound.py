"""The appointments relaxed on their own: a lower bound on what they must cost.

The open hours' relaxation (:mod:`solver.relaxation`) bounds the language, counsellor and
lead penalties. Appointments add two penalties a plan often cannot avoid: requests left
unscheduled because the desks of every session in their window are full, and requests
whose named counsellor cannot come (or is busy) on every date they could take place. This
module bounds those two from below, for every plan the office rules allow.

The relaxation keeps only rules of the appointments themselves, on the session's slot
grid as the model and the checker have them (time-indexed: one 0/1 choice per
appointment, session and start):

- an appointment takes place at most once, in a session of its window, on the grid;
- at every moment of a session at most ``desks`` appointments run;
- at every moment, no more appointments run than counsellors can come that day, and no
  more appointments in a language than people who can come and interpret it or counsel
  in it (each person is in one appointment at a time);
- the named counsellor keeps an appointment only on a date they can come and counsel,
  and is in one appointment at a time.

Everything else is dropped (the open hours, monthly limits and budgets, trainees' second
counsellors, overrides, kept sessions), and every other penalty is never negative. So
every plan ``roster verify`` accepts, restricted to its appointments, is a solution of
this relaxation with the same unscheduled and continuity penalties, and the open hours'
relaxation counts only open-hours penalties: the sum of both bounds is a lower bound on
the penalty of every such plan. The number of running appointments only changes when one
starts, so checking each start time is checking every moment.

Sessions a re-plan keeps (before ``--today``) keep what the earlier plan did even where
it no longer fits today's availability or desks, so there the relaxation only keeps an
appointment to one place.

GLOP solves the linear relaxation in well under a second for a city office (one variable
per appointment, session and start, one per named counsellor's choice). A plan's
unscheduled and continuity penalties are whole multiples of the greatest common divisor
of their two weights, so the optimum is rounded up to the next multiple. Its solution,
rounded, also says where each appointment fits best (:attr:`AppointmentBound.guide`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from ortools.linear_solver import pywraplp

from solver.availability import can_counsel, can_interpret
from solver.deadline import Deadline
from solver.month_input import MonthInput

SAFETY = 1e-6
"""Relative margin taken off the LP optimum for floating-point tolerances."""

Place = tuple[str, int]
"""A session and a start (minutes after the session's start)."""


@dataclass(frozen=True)
class AppointmentBound:
    """The relaxation's bound, and where its solution puts each appointment."""

    bound: int = 0
    """No plan the office rules allow has lower unscheduled and continuity penalties."""
    guide: dict[str, list[Place]] = field(default_factory=dict)
    """Per appointment key, the places the relaxation uses most, best first (at least
    half an appointment there)."""


def _capacities(inp: MonthInput) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Per appointment session, how many people can come and counsel; per session and
    language, how many can come and interpret it or counsel in it."""
    counsel: dict[str, int] = {}
    cover: dict[tuple[str, str], int] = {}
    languages: dict[str, set[str]] = {}
    for item in inp.appointments:
        for option in inp.options(item.key):
            languages.setdefault(option.session, set()).add(item.request.language)
    for session in inp.appointment_sessions:
        sid = session.id
        present = inp.present_on(session.date)
        counsel[sid] = sum(1 for p in present if can_counsel(p))
        here = {p.id for p in present}
        for language in sorted(languages.get(sid, set())):
            cover[sid, language] = sum(
                1
                for p in inp.with_language(language)
                if p.id in here
                and (can_interpret(p, language) or (can_counsel(p) and p.speaks(language)))
            )
    return counsel, cover


@dataclass
class _Relaxation:
    """The linear program being built."""

    solver: Any
    running: dict[str, list[tuple[int, int, Any, str]]] = field(default_factory=dict)
    """Per session: (start, minutes, variable, language) of each appointment's place."""
    named: dict[tuple[str, str], list[tuple[int, int, Any]]] = field(default_factory=dict)
    """Per named counsellor and session: (start, minutes, variable) of keeping it there."""
    places: list[tuple[str, Place, Any]] = field(default_factory=list)

    def at_most(self, variables: list[Any], capacity: int) -> None:
        """At most ``capacity`` of ``variables`` (nothing added when they all fit)."""
        if len(variables) > capacity:
            self.solver.Add(self.solver.Sum(variables) <= capacity)

    def moments(self, inp: MonthInput, counsel: dict[str, int], cover: dict[Any, int]) -> None:
        """At each start, the desks, counsellors and language cover of each session, and
        each named counsellor in one appointment at a time."""
        for sid, items in sorted(self.running.items()):
            if inp.is_kept(inp.session(sid)):
                continue  # kept as the earlier plan has it
            capacity = min(inp.appointment_rule(sid).desks, counsel[sid])
            for moment in sorted({start for start, _, _, _ in items}):
                now = [
                    (var, spoken)
                    for start, length, var, spoken in items
                    if start <= moment < start + length
                ]
                self.at_most([var for var, _ in now], capacity)
                for language in sorted({spoken for _, spoken in now}):
                    same = [var for var, spoken in now if spoken == language]
                    self.at_most(same, cover[sid, language])
        for (_, sid), keeps in sorted(self.named.items()):
            if inp.is_kept(inp.session(sid)):
                continue
            for moment in sorted({start for start, _, _ in keeps}):
                self.at_most(
                    [var for start, length, var in keeps if start <= moment < start + length], 1
                )


def bound_appointments(inp: MonthInput, seconds: float | None = None) -> AppointmentBound:
    """Solve the appointments' relaxation (see the module text); ``seconds`` limits GLOP's
    time (unfinished, it proves and guides nothing)."""
    weights = inp.priorities
    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None or not inp.appointments or (seconds is not None and seconds <= 0):
        return AppointmentBound()
    clock = Deadline(seconds)
    counsel, cover = _capacities(inp)
    lp = _Relaxation(solver)
    objective: list[Any] = []
    constant = 0
    for item in inp.appointments:
        if clock.passed():  # building the program alone took the time: nothing proven
            return AppointmentBound()
        request, named = item.request, item.request.counsellor
        placed: list[Any] = []
        kept: list[Any] = []
        for option in inp.options(item.key):
            sid = option.session
            session = inp.session(sid)
            kept_session = inp.is_kept(session)
            if not kept_session and (not counsel[sid] or not cover[sid, request.language]):
                continue  # nobody could counsel, or interpret, that day
            named_can = named is not None and (
                kept_session
                or (
                    inp.knows(named)
                    and can_counsel(inp.person(named))
                    and inp.availability.can(named, session.date)
                )
            )
            for start in option.starts:
                at = solver.NumVar(0, 1, f"at[{item.key},{sid},{start}]")
                placed.append(at)
                lp.places.append((item.key, (sid, start), at))
                lp.running.setdefault(sid, []).append(
                    (start, request.minutes, at, request.language)
                )
                if named is not None and named_can:
                    keep = solver.NumVar(0, 1, f"keep[{item.key},{sid},{start}]")
                    solver.Add(keep <= at)
                    kept.append(keep)
                    lp.named.setdefault((named, sid), []).append((start, request.minutes, keep))
        if len(placed) > 1:
            solver.Add(solver.Sum(placed) <= 1)
        constant += weights.appointment
        objective.extend(-weights.appointment * var for var in placed)
        if named is not None:
            objective.extend(weights.continuity * var for var in placed)
            objective.extend(-weights.continuity * var for var in kept)
    lp.moments(inp, counsel, cover)
    solver.Minimize(constant + solver.Sum(objective))
    if not clock.limit(solver) or solver.Solve() != pywraplp.Solver.OPTIMAL:
        return AppointmentBound()
    value = max(0.0, float(solver.Objective().Value()))
    step = math.gcd(weights.appointment, weights.continuity) or 1
    bound = math.ceil(math.floor(value * (1 - SAFETY)) / step) * step
    ranked: dict[str, list[tuple[float, Place]]] = {}
    for key, place, var in lp.places:
        share = float(var.solution_value())
        if share >= 0.5 - SAFETY:
            ranked.setdefault(key, []).append((-share, place))
    guide = {key: [place for _, place in sorted(found)] for key, found in sorted(ranked.items())}
    return AppointmentBound(bound=bound, guide=guide)
