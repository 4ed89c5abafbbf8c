"""How CP-SAT searches, and for how long: its parameters and the time budget.

``--time-limit`` is what the office lead waits, in wall-clock seconds, for the whole
planning: gathering the month, the bound, the starting plan and the model count against
it, and the search gets what is left (:func:`configure`). Deterministic by default: a
fixed seed, a fixed number of workers and a *deterministic* work limit that depends only
on ``--time-limit`` and the model, so the same office gives the same plan byte for byte
on every machine fast enough to do that work in the time left. On a slower (or busy)
machine the wall clock stops the search first, and the plan says it is not reproducible
(``deterministic: false``, :func:`stopped_by_clock`). ``fast`` uses every core with the
wall clock alone: often better, never reproducible.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ortools.sat.python import cp_model

from solver.model import Built
from solver.plan_build import SEED

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
WORK_PER_SECOND = 0.3
"""Deterministic work (CP-SAT's ``max_deterministic_time``) per second of ``--time-limit``
on small and medium models (one worker). Measured on 2 shared cores, the medium office's
search does 0.4 to 0.6 units a second: 0.3 leaves the wall clock a margin for a busy
machine and for gathering the month and building the model (docs/benchmarks.md)."""
LARGE_WORK_PER_SECOND = 0.1
"""The same for large models: their two interleaved workers overrun the work limit about
twofold, CP-SAT's presolve of a city's model takes about 10 s, and the starting plan and
the model take 10 to 20 s before it; the search then does about 0.35 units a second."""
SHORTEST_SEARCH = 1.0
"""Wall-clock seconds the search gets at least when there is no starting plan to fall
back on (an override the starting plan cannot place, or kept sessions it does not keep)."""


@dataclass(frozen=True)
class Search:
    """The limits a search runs under."""

    workers: int
    deterministic: bool
    """Whether the search is reproducible when its work limit ends it."""
    wall_seconds: float
    """Wall-clock limit of the search: what is left of ``--time-limit``."""
    work_limit: float = 0.0
    """Deterministic work limit (0 with ``fast``)."""


def configure(
    solver: cp_model.CpSolver,
    built: Built,
    *,
    time_limit: float,
    seconds_left: float,
    fast: bool,
) -> Search:
    """Set the solver's parameters for a search of ``seconds_left`` wall-clock seconds at
    most, what is left of ``time_limit``.

    The search starts from a complete plan (:mod:`solver.warm_start`) and knows a lower
    bound (:mod:`solver.relaxation`). Small and medium models are searched with the
    whole model in CP-SAT's linear relaxation (``linearization_level`` 2, the ``max_lp``
    worker), which brings a 100-volunteer office within 1 % of the bound in seconds; by default
    one worker does it, which is reproducible by construction. Large models (more than
    :data:`LARGE_MODEL` variables) skip that relaxation, which would cost more memory
    than it gives: the search improves the starting plan by large-neighbourhood search
    (deterministic: :data:`DETERMINISTIC_WORKERS` interleaved workers) and the open
    hours' relaxation supplies the bound. The choice, and the work limit, depend on the
    model and ``time_limit`` alone, so they stay reproducible.
    """
    params = solver.parameters
    params.random_seed = SEED
    params.max_time_in_seconds = max(0.0, seconds_left)
    large = len(built.model.proto.variables) > LARGE_MODEL
    if fast:
        workers = max(1, os.cpu_count() or 1)
        params.num_workers = workers
        if large:
            params.linearization_level = 0
        else:
            params.subsolvers.extend(FULL_PROBLEM_WORKERS)
        return Search(workers, deterministic=False, wall_seconds=params.max_time_in_seconds)
    work = round(time_limit * (LARGE_WORK_PER_SECOND if large else WORK_PER_SECOND), 3)
    params.max_deterministic_time = work
    if large:
        params.num_workers = DETERMINISTIC_WORKERS
        params.interleave_search = True
        params.linearization_level = 0
        workers = DETERMINISTIC_WORKERS
    else:
        params.num_workers = 1
        params.linearization_level = 2
        workers = 1
    return Search(
        workers, deterministic=True, wall_seconds=params.max_time_in_seconds, work_limit=work
    )


def stopped_by_clock(
    solver: cp_model.CpSolver, search: Search, status: cp_model.CpSolverStatus
) -> bool:
    """Whether the wall clock, not the work limit or a proof, may have ended the search:
    then another run, or another machine, may find another plan."""
    if status in (cp_model.OPTIMAL, cp_model.INFEASIBLE):
        return False
    return (
        solver.response_proto.deterministic_time < search.work_limit
        or solver.wall_time >= search.wall_seconds
    )
