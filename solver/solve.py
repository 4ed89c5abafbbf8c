"""Solve a month: build the model, run CP-SAT, turn the answer into a plan file.

Deterministic by default: one fixed seed and the ``interleave_search`` mode with a
*deterministic* time limit (``max_deterministic_time``), so the same office and
``--today`` give the same plan byte for byte on every run. ``fast`` uses every core
with a wall-clock limit instead: often quicker, not reproducible.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ortools.sat.python import cp_model

from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.planfile.facts import plan_facts
from roster.planfile.history import History
from roster.planfile.schema import (
    Plan,
    PlanAppointment,
    PlanSession,
    Previous,
    SolverFacts,
    StaffEntry,
)
from solver.figures import open_needs
from solver.forced import check_forced, diagnose
from solver.guided_start import greedy_of
from solver.model import Built, build_model
from solver.month_input import MonthInput, month_input
from solver.plan_build import (
    ORTOOLS_VERSION,
    SEED,
    appointment_staff,
    finish,
    plan_skeleton,
    staff_order,
)
from solver.relaxation import relax_open_hours
from solver.rules import SOFT_NAMES

DETERMINISTIC_WORKERS = 2
"""Workers of the deterministic interleaved search of large models: a fixed number, so
plans are identical on every machine."""
FULL_PROBLEM_WORKERS = (
    "max_lp",
    "default_lp",
    "core",
    "quick_restart",
    "no_lp",
    "fixed",
    "pseudo_costs",
    "reduced_costs",
)
"""CP-SAT's full-problem workers for ``--fast`` on small and medium models, in the order
they are given cores: ``max_lp`` first (with 2 cores it is the only one; CP-SAT's own
choice would be ``default_lp``, which proves far weaker bounds here)."""
LARGE_MODEL = 40_000
"""Variables above which a model counts as large (see :func:`configure`)."""
WALL_CLOCK_SAFETY = 6.0
"""A deterministic solve also stops after this many times its limit in wall-clock
seconds, so a slow machine cannot hang; the plan then says it was not reproducible."""

Progress = Callable[[float, float, float], None]
"""Called with (seconds, objective, bound) for each better plan found."""


class _Reporter(cp_model.CpSolverSolutionCallback):
    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self._progress = progress

    def on_solution_callback(self) -> None:
        self._progress(self.wall_time, self.objective_value, self.best_objective_bound)


def configure(
    solver: cp_model.CpSolver, built: Built, time_limit: float, fast: bool
) -> tuple[int, bool]:
    """Set the solver's parameters; return (workers, deterministic).

    The search starts from a complete plan (:mod:`solver.warm_start`) and knows a lower
    bound (:mod:`solver.relaxation`). Small and medium models are searched with the
    whole model in CP-SAT's linear relaxation (``linearization_level`` 2, the ``max_lp``
    worker), which brings a 100-volunteer office within 1 % of the bound in seconds; by default
    one worker does it, which is reproducible by construction. Large models (more than
    :data:`LARGE_MODEL` variables) skip that relaxation, which would cost more memory
    than it gives: the search improves the starting plan by large-neighbourhood search
    (deterministic: :data:`DETERMINISTIC_WORKERS` interleaved workers) and the open
    hours' relaxation supplies the bound. The choice depends on the model alone, so it
    stays reproducible.
    """
    params = solver.parameters
    params.random_seed = SEED
    large = len(built.model.proto.variables) > LARGE_MODEL
    if fast:
        workers = max(1, os.cpu_count() or 1)
        params.num_workers = workers
        params.max_time_in_seconds = time_limit
        if large:
            params.linearization_level = 0
        else:
            params.subsolvers.extend(FULL_PROBLEM_WORKERS)
        return workers, False
    params.max_deterministic_time = time_limit
    params.max_time_in_seconds = time_limit * WALL_CLOCK_SAFETY + 5
    if large:
        params.num_workers = DETERMINISTIC_WORKERS
        params.interleave_search = True
        params.linearization_level = 0
        return DETERMINISTIC_WORKERS, True
    params.num_workers = 1
    params.linearization_level = 2
    return 1, True


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
    of :data:`solver.rules.SOFT_NAMES` listed; their sum is ``plan.solver.objective``. The
    application compares them with the independent checker's penalties."""


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
    plan it returns."""
    as_of = today or month.first - timedelta(days=1)
    inp = month_input(
        data,
        month,
        as_of=as_of,
        history=history,
        previous=previous_of(previous) if previous is not None else None,
    )
    check_forced(inp)
    relaxation = relax_open_hours(inp)
    try:
        start: Plan | None = greedy_of(inp, relaxation.guide)
    except RosterError:  # an override the greedy cannot place: the solver decides alone
        start = None
    built = build_model(inp, start=start, bound=relaxation.bound)
    solver = cp_model.CpSolver()
    workers, deterministic = configure(solver, built, time_limit, fast)
    if progress is not None:
        status = solver.solve(built.model, _Reporter(progress))
    else:
        status = solver.solve(built.model)
    if status == cp_model.INFEASIBLE:
        raise diagnose(inp)
    if status == cp_model.MODEL_INVALID:
        raise RuntimeError(f"internal error: invalid model ({built.model.validate()})")
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise RosterError(
            f"No plan was found within the time limit of {time_limit:g} s "
            f"(solver status {solver.status_name(status)}). Give it more time with --time-limit."
        )
    if deterministic and solver.wall_time >= solver.parameters.max_time_in_seconds:
        deterministic = False
    plan = extract(inp, built, solver)
    terms = objective_terms(built, solver)
    if status != cp_model.OPTIMAL:
        terms = exact_terms(built, solver) or terms
    objective = float(sum(terms.values()))
    # The penalty is a whole number, so no plan can do better than the bound rounded up.
    proven = math.ceil(solver.best_objective_bound - 1e-6)
    bound = objective if status == cp_model.OPTIMAL else float(min(proven, objective))
    gap = 0.0 if objective <= 0 else round(max(0.0, objective - bound) / objective, 6)
    facts = SolverFacts(
        status="optimal" if status == cp_model.OPTIMAL else "feasible",
        objective=objective,
        bound=bound,
        gap=gap,
        seconds=round(solver.response_proto.deterministic_time, 3)
        if deterministic
        else round(solver.wall_time, 3),
        time_limit=time_limit,
        workers=workers,
        seed=SEED,
        deterministic=deterministic,
        ortools_version=ORTOOLS_VERSION,
    )
    # The objective is CP-SAT's own, never adjusted to the plan's score: the application
    # compares each term with the independent checker (roster.app.planning.plan_office).
    return SolvedMonth(plan.model_copy(update={"solver": facts}), terms)


def objective_terms(built: Built, solver: cp_model.CpSolver) -> dict[str, int]:
    """The objective points of each named term in ``solver``'s solution."""
    found = dict.fromkeys(SOFT_NAMES, 0)
    for term in built.terms:
        if term.coeff:
            value = term.expr if isinstance(term.expr, int) else solver.value(term.expr)
            found[term.name] = found.get(term.name, 0) + term.coeff * int(value)
    return found


EXACT_SECONDS = 60.0
"""Time allowed to evaluate the objective of a solution exactly (see :func:`exact_terms`)."""


def exact_terms(built: Built, solver: cp_model.CpSolver) -> dict[str, int] | None:
    """The objective terms of the plan ``solver`` found, each at its exact value.

    Penalty variables are bounded from one side (:mod:`solver.soft`): the objective pulls
    them down to their values, but a solution found at the time limit may still carry
    slack in them. With every decision fixed to the solution's (the plan stays the same),
    CP-SAT takes the slack out; an optimal solution has none. None when that evaluation
    finds nothing in its time (the application's comparison then tells).
    """
    v = built.variables
    exact = built.model.clone()
    for var in [*v.decisions(), *v.start.values()]:
        value = solver.value(var)
        domain = exact.proto.variables[var.index].domain
        domain.clear()
        domain.extend([value, value])
    exact.proto.solution_hint.vars.clear()
    exact.proto.solution_hint.values.clear()
    evaluator = cp_model.CpSolver()
    evaluator.parameters.num_workers = 1
    evaluator.parameters.random_seed = SEED
    evaluator.parameters.max_time_in_seconds = EXACT_SECONDS
    if evaluator.solve(exact) != cp_model.OPTIMAL:
        return None
    return objective_terms(built, evaluator)


def extract(inp: MonthInput, built: Built, solver: cp_model.CpSolver) -> Plan:
    """The plan the solver found (with load, fairness, score and reasons filled in)."""
    v = built.variables
    value = solver.boolean_value
    sessions: list[PlanSession] = []
    appointments: list[PlanAppointment] = []
    placed: dict[str, list[tuple[int, str, int]]] = {}
    for item in inp.appointments:
        for option in inp.options(item.key):
            at = (item.key, option.session)
            if value(v.place[at]):
                placed.setdefault(option.session, []).append(
                    (int(solver.value(v.start[at])), item.key, item.request.minutes)
                )
    by_key = {item.key: item for item in inp.appointments}
    for session in inp.sessions:
        sid = session.id
        staff: list[StaffEntry] = []
        if session.kind == "open_hours":
            for pid, var in v.counsel[sid].items():
                if value(var):
                    spoken = [
                        lang
                        for (s, lang), people in v.direct.items()
                        if s == sid and pid in people and value(people[pid])
                    ]
                    staff.append(
                        StaffEntry(
                            volunteer=pid,
                            role="counsellor",
                            language=spoken[0] if spoken else None,
                            lead=pid in v.lead[sid] and value(v.lead[sid][pid]),
                            trainee=inp.person(pid).trainee,
                        )
                    )
            for (s, lang), people in v.interpret.items():
                if s == sid:
                    staff.extend(
                        StaffEntry(volunteer=pid, role="interpreter", language=lang)
                        for pid, var in people.items()
                        if value(var)
                    )
        else:
            desks_free: list[int] = []
            for offset, key, minutes in sorted(placed.get(sid, [])):
                at = (key, sid)
                desk = next(
                    (n for n, free in enumerate(desks_free) if free <= offset), len(desks_free)
                )
                if desk == len(desks_free):
                    desks_free.append(0)
                desks_free[desk] = offset + minutes
                counsellor = next(p for p, var in v.appt_counsellor[at].items() if value(var))
                second = next((p for p, var in v.appt_second[at].items() if value(var)), None)
                interpreter = next(
                    (p for p, var in v.appt_interpreter[at].items() if value(var)), None
                )
                start = session.start + timedelta(minutes=offset)
                appointments.append(
                    PlanAppointment(
                        key=key,
                        case=by_key[key].case,
                        session=sid,
                        date=session.date,
                        start=start,
                        end=start + timedelta(minutes=minutes),
                        desk=desk + 1,
                        language=by_key[key].request.language,
                        counsellor=counsellor,
                        second_counsellor=second,
                        interpreter=interpreter,
                    )
                )
            staff = appointment_staff(inp, appointments, sid)
        sessions.append(
            PlanSession(
                id=sid,
                date=session.date,
                name=session.name,
                kind=session.kind,
                start=session.start,
                end=session.end,
                needs=open_needs(inp, sid) if session.kind == "open_hours" else None,
                staff=sorted(staff, key=staff_order),
            )
        )
    plan = plan_skeleton(
        inp, sessions, sorted(appointments, key=lambda a: (a.start, a.desk, a.key))
    )
    return finish(inp, plan)
