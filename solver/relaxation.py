"""The open hours relaxed to a linear program: a lower bound on a month's penalty, and a
guide for the plan the solver starts from.

On a city-sized office CP-SAT finds good plans long before it can prove how good they
are, and its first plans are far from the best: the model has hundreds of thousands of
variables. The penalty, though, is dominated by the open hours (language coverage,
``counsellors.min``, leads), and those form an assignment problem whose linear
relaxation GLOP solves in about a second for 1,000 volunteers (the rule "nobody in two
sessions at once" lists only people who may work in both; GLOP's time grows faster than
the team, so :func:`solver.solve.solve_month_terms` gives it a share of the time limit).

The relaxation keeps, for the open-hours sessions only, the model's candidates
(:func:`solver.variables.open_hours_candidates`) and these of its rules: one function
per person and session, nobody in two sessions at once, a direct counsellor and the lead
are counsellors on duty, a trainee beside an experienced counsellor, no more people for a
language than its need, ``counsellors.max``, duty days within ``max_per_month`` and
minutes within ``hours_per_month``, rounded to the minute as the model and the checker
count them (1.995 hours are 120 minutes: a budget of 119.7 would keep a person out of a
two-hour session and prove a bound above the best plan). Everything else is dropped:
appointments only use up people, and the other penalties are never negative. So every
plan of the model is a solution of the relaxation with the same or a higher penalty, and
so is every plan the office rules allow once its extra staff (beyond a need, or for a
language not needed) is left out, which changes no shortfall: the relaxation's optimum is
a lower bound on every plan ``roster verify`` accepts (:func:`solver.model.build_model`
adds it as ``objective >= bound``, which lets CP-SAT report it and stop when a plan
reaches it).

Its solution, rounded, tells the greedy start (:func:`solver.guided_start.greedy_of`) whom to
try first for each open-hours need.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ortools.linear_solver import pywraplp

from solver.deadline import Deadline
from solver.guided_start import Guide
from solver.month_input import MonthInput
from solver.soft import language_coeff
from solver.variables import open_hours_candidates

SAFETY = 1e-6
"""Relative margin taken off the LP optimum for floating-point tolerances."""


@dataclass(frozen=True)
class Relaxation:
    """The relaxation's optimum, as a bound, and its solution, as a guide."""

    bound: int = 0
    """No plan the office rules allow has a lower penalty (0: nothing proven)."""
    guide: Guide = field(default_factory=dict)


def relax_open_hours(inp: MonthInput, seconds: float | None = None) -> Relaxation:
    """Solve the linear relaxation of the month's open hours (see the module text).

    ``seconds`` limits GLOP's time: a relaxation it does not finish proves nothing and
    guides nothing (an empty :class:`Relaxation`); the plan then starts without it.
    """
    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None or not inp.open_sessions or (seconds is not None and seconds <= 0):
        return Relaxation()
    clock = Deadline(seconds)
    infinity = solver.infinity()
    works: dict[tuple[str, str], list[Any]] = {}
    minutes: dict[str, list[tuple[int, Any]]] = {}
    on_date: dict[tuple[str, date], list[str]] = {}
    objective: list[tuple[int, Any]] = []
    chosen: list[tuple[str, str, str, Any]] = []  # (session, function, volunteer, variable)
    weights = inp.priorities

    def person_var(sid: str, function: str, pid: str) -> Any:
        var = solver.NumVar(0, 1, f"{function}[{pid},{sid}]")
        chosen.append((sid, function, pid, var))
        return var

    for session in inp.open_sessions:
        if clock.passed():  # building the program alone took the time: nothing proven
            return Relaxation()
        sid, day, length = session.id, session.date, session.minutes
        rule = inp.open_rule(sid)
        needs = inp.language_needs(sid)
        found = open_hours_candidates(inp, sid, [need.language for need in needs])
        counsel = {pid: person_var(sid, "counsellor", pid) for pid in found.counsel}
        for pid, var in counsel.items():
            works.setdefault((pid, sid), []).append(var)
            minutes.setdefault(pid, []).append((length, var))
            on_date.setdefault((pid, day), []).append(sid)
        if len(counsel) > rule.counsellors.max:
            solver.Add(solver.Sum(list(counsel.values())) <= rule.counsellors.max)
        experienced = [var for pid, var in counsel.items() if not inp.person(pid).trainee]
        # One row per trainee over all experienced counsellors (trainees x experienced
        # non-zeros). A helper variable per session for the sum would be linear, with the
        # same optimum, but GLOP then ends at another optimal vertex, and the guide it
        # gives made the large office's seed-3 starting plan 12 % worse (measured
        # 2026-12-03: 25,122,850 against 22,386,575): kept as it was.
        for pid, var in counsel.items():
            if inp.person(pid).trainee:
                solver.Add(var <= solver.Sum(experienced))
        direct: dict[str, list[Any]] = {}
        for need in needs:
            language = need.language
            covered = []
            for pid in found.direct[language]:
                var = person_var(sid, f"counsellor:{language}", pid)
                direct.setdefault(pid, []).append(var)
                covered.append(var)
            for pid in found.interpret[language]:
                var = person_var(sid, f"interpreter:{language}", pid)
                works.setdefault((pid, sid), []).append(var)
                minutes.setdefault(pid, []).append((length, var))
                on_date.setdefault((pid, day), []).append(sid)
                covered.append(var)
            if len(covered) > need.interpreters:
                solver.Add(solver.Sum(covered) <= need.interpreters)
            short = solver.NumVar(0, infinity, f"short[{sid},{language}]")
            solver.Add(short + solver.Sum(covered) >= need.interpreters)
            objective.append((language_coeff(inp, need), short))
        for pid, parts in direct.items():
            solver.Add(solver.Sum(parts) <= counsel[pid])
        if rule.counsellors.min:
            short = solver.NumVar(0, infinity, f"short_counsellors[{sid}]")
            solver.Add(short + solver.Sum(experienced) >= rule.counsellors.min)
            objective.append((weights.counsellors, short))
        if rule.leads:
            leads = []
            for pid in found.lead:
                var = person_var(sid, "lead", pid)
                solver.Add(var <= counsel[pid])
                leads.append(var)
            if len(leads) > rule.leads:
                solver.Add(solver.Sum(leads) <= rule.leads)
            short = solver.NumVar(0, infinity, f"short_lead[{sid}]")
            solver.Add(short + solver.Sum(leads) >= rule.leads)
            objective.append((weights.lead, short))
    for parts in works.values():
        if len(parts) > 1:
            solver.Add(solver.Sum(parts) <= 1)
    working: dict[str, set[str]] = {}
    for pid, sid in works:
        working.setdefault(sid, set()).add(pid)
    for first, second in inp.overlapping_pairs():
        # Only people who may work in both sessions (not the whole team per pair).
        for pid in sorted(working.get(first, set()) & working.get(second, set())):
            both = [*works[pid, first], *works[pid, second]]
            if len(both) > 1:
                solver.Add(solver.Sum(both) <= 1)
    days: dict[str, list[Any]] = {}
    for (pid, day), sids in sorted(on_date.items()):
        duty = solver.NumVar(0, 1, f"duty[{pid},{day}]")
        for sid in sorted(set(sids)):  # all of a session's work is one duty day
            solver.Add(duty >= solver.Sum(works[pid, sid]))
        days.setdefault(pid, []).append(duty)
    for person in inp.people:
        pid = person.id
        if len(days.get(pid, [])) > person.max_per_month:
            solver.Add(solver.Sum(days[pid]) <= person.max_per_month)
        if person.hours_per_month is not None and pid in minutes:
            budget = round(person.hours_per_month * 60)  # to the minute, as every rule counts
            solver.Add(solver.Sum([m * var for m, var in minutes[pid]]) <= budget)
    solver.Minimize(solver.Sum([coeff * var for coeff, var in objective if coeff]))
    if not clock.limit(solver) or solver.Solve() != pywraplp.Solver.OPTIMAL:
        return Relaxation()
    value = float(solver.Objective().Value())
    ranked: dict[tuple[str, str], list[tuple[float, str]]] = {}
    for sid, function, pid, var in chosen:
        share = float(var.solution_value())
        if share >= 0.5 - SAFETY:
            ranked.setdefault((sid, function), []).append((-share, pid))
    guide = {at: [pid for _, pid in sorted(people)] for at, people in sorted(ranked.items())}
    return Relaxation(bound=max(0, math.floor(value * (1 - SAFETY))), guide=guide)
