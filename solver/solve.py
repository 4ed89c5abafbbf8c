"""Solve a month: the bound, the starting plan, the model, the search within the time
limit, and the plan with what was proven.

``time_limit`` is what the call may take, in wall-clock seconds, everything included
(:mod:`solver.search`: deterministic work limit and wall-clock guard). The plan is always
a plan: when the search finds none in the time left, or no time is left after the
starting plan, the starting plan is the result (``starting_plan: true``), with the bound of
the relaxations. The bound covers the whole objective: the open hours' relaxation
(:mod:`solver.relaxation`) bounds their penalties, the appointments' relaxation
(:mod:`solver.appointment_bound`) the unscheduled and continuity penalties, and every other
penalty is never negative. What the bound holds within is said (:mod:`solver.proof`), and a bound
above a known plan is an internal error, never clamped to the plan.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ortools.sat.python import cp_model

from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.planfile.facts import plan_facts
from roster.planfile.history import History
from roster.planfile.schema import Plan, Previous, SolverFacts
from solver.appointment_bound import bound_appointments
from solver.extract import exact_terms, extract, objective_terms
from solver.forced import check_forced, diagnose
from solver.guided_start import Guide, Places, greedy_of
from solver.model import Built, build_model
from solver.month_input import MonthInput, month_input
from solver.plan_build import ORTOOLS_VERSION, SEED, explained
from solver.proof import (
    gap_of,
    keeps_kept_sessions,
    model_restrictions,
    no_bound_above,
    same_assignments,
)
from solver.relaxation import relax_open_hours
from solver.rules import SOFT_NAMES
from solver.search import SHORTEST_SEARCH, Search, configure, stopped_by_clock

__all__ = [
    "Progress",
    "SolvedMonth",
    "exact_terms",
    "objective_terms",
    "solve_month",
    "solve_month_terms",
]

Progress = Callable[[float, float, float], None]
"""Called with (seconds, objective, bound) for each better plan found."""


class _Reporter(cp_model.CpSolverSolutionCallback):
    """Reports each better plan with the better of CP-SAT's bound and the relaxations'."""

    def __init__(self, progress: Progress, relaxed: int, began: float) -> None:
        super().__init__()
        self._progress = progress
        self._relaxed = relaxed
        self._began = began

    def on_solution_callback(self) -> None:
        bound = max(self.best_objective_bound, float(self._relaxed))
        # seconds since the call began, as every other report (CP-SAT's own wall time
        # leaves out gathering the month and building the model)
        self._progress(time.perf_counter() - self._began, self.objective_value, bound)


RELAXATION_SHARE = 0.5
"""The share of the time left that the open hours' relaxation may take, building its
program included (about a second for 1,000 volunteers, 22 s for 4,000; minutes for
10,000, which a time limit must not wait for). At 0.4 the 4,000-volunteer office missed
it by a second with a 60-s limit and got no bound."""
APPOINTMENT_BOUND_SHARE = 0.2
"""The share of the time then left for the appointments' relaxation."""


def _starting_plan(inp: MonthInput, guide: Guide, places: Places) -> Plan | None:
    """The greedy's plan (guided when the relaxations gave a guide), or None when an
    override cannot be placed by it (the solver then decides alone). Explained only if
    it becomes the plan (:meth:`_Ending.starting_plan`)."""
    try:
        return greedy_of(inp, guide, places, explain=False)
    except RosterError:
        return None


def _better(start: Plan | None, quick: Plan | None) -> Plan | None:
    """The guided starting plan, unless the first (unguided) plan scores lower."""
    if start is None or (quick is not None and quick.score.total < start.score.total):
        return quick
    return start


def previous_of(plan: Plan) -> Previous:
    """What a new plan keeps of the plan it replaces."""
    return Previous(as_of=plan.as_of, input_digest=plan.input_digest, facts=plan_facts(plan))


@dataclass(frozen=True)
class SolvedMonth:
    """A solved month: the plan, and the value CP-SAT gives each named objective term."""

    plan: Plan
    objective_terms: dict[str, int]
    """Soft rule name -> objective points of the final solution as CP-SAT evaluates them
    (the sum of ``coeff * value`` of the rule's :class:`solver.soft.Term`), every soft rule
    of :data:`solver.rules.SOFT_NAMES` listed; their sum is ``plan.solver.objective``. For
    the starting plan, when it is the result, the points of its score. The application
    compares them with the independent checker's penalties."""


def solve_month(
    data: OfficeData,
    month: Month,
    *,
    today: date | None = None,
    history: History | None = None,
    previous: Plan | None = None,
    time_limit: float = 10.0,
    fast: bool = False,
    progress: Progress | None = None,
) -> Plan:
    """Plan ``month`` of an office held in memory and return the plan (nothing is written).

    ``today`` (default: the day before the month) splits kept from re-planned sessions
    when ``previous`` (the month's existing plan) is given; ``history`` holds earlier
    months' plans for fairness. Raises :class:`RosterError` when overrides or kept
    sessions break a hard rule, naming the rule. :func:`solve_month_terms` also returns
    the value of each objective term.
    """
    return solve_month_terms(
        data,
        month,
        today=today,
        history=history,
        previous=previous,
        time_limit=time_limit,
        fast=fast,
        progress=progress,
    ).plan


def solve_month_terms(
    data: OfficeData,
    month: Month,
    *,
    today: date | None = None,
    history: History | None = None,
    previous: Plan | None = None,
    time_limit: float = 10.0,
    fast: bool = False,
    progress: Progress | None = None,
) -> SolvedMonth:
    """:func:`solve_month`, with the value CP-SAT gives each named objective term of the
    plan it returns (for the starting plan: its score's terms)."""
    began = time.perf_counter()

    def seconds_left() -> float:
        return time_limit - (time.perf_counter() - began)

    as_of = today or month.first - timedelta(days=1)
    inp = month_input(
        data,
        month,
        as_of=as_of,
        history=history,
        previous=previous_of(previous) if previous is not None else None,
    )
    check_forced(inp)
    # A first plan at once, before the relaxations: the greedy without their guide (a
    # second or two for a city). It is the plan if time runs out before a better one.
    quick = _starting_plan(inp, {}, {})
    if quick is not None and progress is not None:
        progress(time.perf_counter() - began, quick.score.total, 0.0)
    relaxation = relax_open_hours(inp, seconds_left() * RELAXATION_SHARE)
    # Both relaxations bound their own penalties of every plan: their sum is a bound.
    appointments = bound_appointments(inp, seconds_left() * APPOINTMENT_BOUND_SHARE)
    relaxed = relaxation.bound + appointments.bound
    guided = relaxation.guide or appointments.guide
    start = _starting_plan(inp, relaxation.guide, appointments.guide) if guided else quick
    for plan, name in ((start, "the starting plan"), (quick, "the first plan")):
        if plan is not None:
            no_bound_above(plan.score.total, relaxed, name)
    fallback = _better(start, quick)
    # A plan of its own unless it changes a kept session.
    if fallback is not None and not keeps_kept_sessions(inp, fallback):
        fallback = None
    ending = _Ending(inp, relaxed, time_limit, began, progress)
    # Building the model and CP-SAT's presolve take longer than the starting plan took
    # (1 to 3 times, measured): with less time left, no search could report a plan.
    if fallback is not None and seconds_left() < time.perf_counter() - began:
        return ending.starting_plan(fallback)
    # The model gets the open hours' bound only: the appointments' relaxation adds little
    # to CP-SAT's own bound, and the same search keeps the same plans.
    built = build_model(inp, start=start, bound=relaxation.bound)
    left, limit = seconds_left(), time_limit
    if fallback is None and left < SHORTEST_SEARCH:  # no plan without a search
        left, limit = SHORTEST_SEARCH, max(time_limit, SHORTEST_SEARCH)
    if fallback is not None and left <= 0:
        return ending.starting_plan(fallback)
    solver = cp_model.CpSolver()
    search = configure(solver, built, time_limit=limit, seconds_left=left, fast=fast)
    if progress is not None:
        status = solver.solve(built.model, _Reporter(progress, relaxed, began))
    else:
        status = solver.solve(built.model)
    if status == cp_model.INFEASIBLE:
        raise diagnose(inp)
    if status == cp_model.MODEL_INVALID:
        raise RuntimeError(f"internal error: invalid model ({built.model.validate()})")
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        if fallback is None:
            raise RosterError(
                f"No plan was found within the time limit of {time_limit:g} s (solver "
                f"status {solver.status_name(status)}). Give it more time with --time-limit."
            )
        return ending.starting_plan(fallback, solver, search, status)
    return ending.searched(built, solver, search, status, start)


@dataclass(frozen=True)
class _Ending:
    """The end of a solve: the plan with its solver facts and objective terms."""

    inp: MonthInput
    relaxation_bound: int
    """The relaxations' bound: it holds for every plan the office rules allow."""
    time_limit: float
    began: float
    progress: Progress | None

    def searched(
        self,
        built: Built,
        solver: cp_model.CpSolver,
        search: Search,
        status: cp_model.CpSolverStatus,
        start: Plan | None,
    ) -> SolvedMonth:
        """The plan the search found."""
        plan = extract(self.inp, built, solver)
        terms = objective_terms(built, solver)
        if status != cp_model.OPTIMAL:
            terms = exact_terms(built, solver) or terms
        objective = float(sum(terms.values()))
        # The penalty is a whole number, so no plan can do better than the bound rounded
        # up; CP-SAT's bound includes the relaxations' (the model says objective >= it).
        proven = math.ceil(solver.best_objective_bound - 1e-6)
        bound = float(max(proven, self.relaxation_bound))
        no_bound_above(objective, bound, "the plan the search found")
        deterministic = search.deterministic and not stopped_by_clock(solver, search, status)
        facts = SolverFacts(
            status="optimal" if status == cp_model.OPTIMAL or objective <= bound else "feasible",
            objective=objective,
            bound=bound,
            gap=gap_of(objective, bound),
            restrictions=[]
            if bound <= self.relaxation_bound
            else model_restrictions(built.variables.candidates_left_out),
            starting_plan=same_assignments(plan, start),
            seconds=_seconds(solver, deterministic=deterministic),
            time_limit=self.time_limit,
            workers=search.workers,
            seed=SEED,
            deterministic=deterministic,
            ortools_version=ORTOOLS_VERSION,
        )
        # The objective is CP-SAT's own, never adjusted to the plan's score: the
        # application compares each term with the independent checker
        # (roster.app.planning.plan_office).
        return SolvedMonth(plan.model_copy(update={"solver": facts}), terms)

    def starting_plan(
        self,
        start: Plan,
        solver: cp_model.CpSolver | None = None,
        search: Search | None = None,
        status: cp_model.CpSolverStatus = cp_model.UNKNOWN,
    ) -> SolvedMonth:
        """The starting plan, when the search found none in the time left (or had none),
        with the relaxations' bound, which holds for every plan. Its objective terms are
        its score's, which the application compares with the checker's as any other."""
        start = explained(self.inp, start)
        objective = start.score.total
        bound = float(self.relaxation_bound)
        deterministic = (
            solver is not None
            and search is not None
            and search.deterministic
            and not stopped_by_clock(solver, search, status)
        )
        facts = SolverFacts(
            status="optimal" if objective <= bound else "feasible",
            objective=objective,
            bound=bound,
            gap=gap_of(objective, bound),
            restrictions=[],
            starting_plan=True,
            seconds=0.0 if solver is None else _seconds(solver, deterministic=deterministic),
            time_limit=self.time_limit,
            workers=0 if search is None else search.workers,
            seed=SEED,
            deterministic=deterministic,
            ortools_version=ORTOOLS_VERSION,
        )
        if self.progress is not None:
            self.progress(time.perf_counter() - self.began, objective, bound)
        terms = dict.fromkeys(SOFT_NAMES, 0)
        for penalty in start.score.penalties:
            terms[penalty.name] = int(penalty.value)
        return SolvedMonth(start.model_copy(update={"solver": facts}), terms)


def _seconds(solver: cp_model.CpSolver, *, deterministic: bool) -> float:
    """The search's time: its deterministic work when reproducible, else wall-clock seconds."""
    if deterministic:
        return round(solver.response_proto.deterministic_time, 3)
    return round(solver.wall_time, 3)
