"""A small sparse model builder for HiGHS (``highspy``): columns with bounds, cost and
integrality, rows as coefficient lists, an objective offset; solved with a wall-clock
limit, reporting each better plan HiGHS finds (time since the call began, objective,
dual bound)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import highspy
import numpy as np

Progress = Callable[[float, float, float], None]
"""Called with (seconds since the build began, objective, bound) for each better plan."""

INF = highspy.kHighsInf


@dataclass
class Solved:
    """What HiGHS found: its status, the plan's values (None: no plan), objective, bound."""

    status: str
    """``optimal``, ``feasible`` (a plan, not proven best) or ``no plan``."""
    values: list[float] | None
    objective: float
    bound: float
    seconds: float


@dataclass
class Lp:
    """Columns and rows of a mixed-integer program, minimised."""

    cost: list[float] = field(default_factory=list)
    lower: list[float] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    integer: list[int] = field(default_factory=list)
    offset: float = 0.0
    row_lower: list[float] = field(default_factory=list)
    row_upper: list[float] = field(default_factory=list)
    starts: list[int] = field(default_factory=lambda: [0])
    index: list[int] = field(default_factory=list)
    value: list[float] = field(default_factory=list)

    @property
    def columns(self) -> int:
        return len(self.cost)

    @property
    def rows(self) -> int:
        return len(self.row_lower)

    def binary(self, cost: float = 0.0) -> int:
        """A new 0/1 column."""
        return self.column(0.0, 1.0, cost, integer=True)

    def column(self, lower: float, upper: float, cost: float = 0.0, *, integer: bool) -> int:
        """A new column; its index."""
        self.cost.append(cost)
        self.lower.append(lower)
        self.upper.append(upper)
        self.integer.append(1 if integer else 0)
        return len(self.cost) - 1

    def add_cost(self, column: int, cost: float) -> None:
        """Add ``cost`` per unit of ``column`` to the objective."""
        self.cost[column] += cost

    def row(self, terms: Iterable[tuple[int, float]], lower: float, upper: float) -> None:
        """``lower <= sum(coeff * column) <= upper``; repeated columns are summed."""
        merged: dict[int, float] = {}
        for column, coeff in terms:
            merged[column] = merged.get(column, 0.0) + coeff
        for column, coeff in merged.items():
            if coeff:
                self.index.append(column)
                self.value.append(coeff)
        self.starts.append(len(self.index))
        self.row_lower.append(lower)
        self.row_upper.append(upper)

    def at_most(self, terms: Iterable[tuple[int, float]], upper: float) -> None:
        """``sum(coeff * column) <= upper``."""
        self.row(terms, -INF, upper)

    def at_least(self, terms: Iterable[tuple[int, float]], lower: float) -> None:
        """``sum(coeff * column) >= lower``."""
        self.row(terms, lower, INF)

    def equal(self, terms: Iterable[tuple[int, float]], value: float) -> None:
        """``sum(coeff * column) == value``."""
        self.row(terms, value, value)

    def highs_lp(self) -> Any:
        """The model as a ``highspy.HighsLp`` (row-wise matrix)."""
        lp = highspy.HighsLp()
        lp.num_col_ = self.columns
        lp.num_row_ = self.rows
        lp.col_cost_ = np.array(self.cost, dtype=np.double)
        lp.col_lower_ = np.array(self.lower, dtype=np.double)
        lp.col_upper_ = np.array(self.upper, dtype=np.double)
        lp.row_lower_ = np.array(self.row_lower, dtype=np.double)
        lp.row_upper_ = np.array(self.row_upper, dtype=np.double)
        lp.offset_ = self.offset
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.num_col_ = self.columns
        lp.a_matrix_.num_row_ = self.rows
        lp.a_matrix_.start_ = np.array(self.starts, dtype=np.int32)
        lp.a_matrix_.index_ = np.array(self.index, dtype=np.int32)
        lp.a_matrix_.value_ = np.array(self.value, dtype=np.double)
        kinds = (highspy.HighsVarType.kContinuous, highspy.HighsVarType.kInteger)
        lp.integrality_ = [kinds[flag] for flag in self.integer]
        return lp


def solve(lp: Lp, time_limit: float, began: float, progress: Progress | None = None) -> Solved:
    """Minimise with HiGHS (one thread, relative gap 0: stop only when proven best, or at
    ``time_limit`` wall-clock seconds); ``began`` is when the build began, for the trace."""
    make: Any = highspy.Highs  # untyped in highspy
    highs = make()
    highs.setOptionValue("output_flag", False)  # noqa: FBT003 - an option value
    highs.setOptionValue("time_limit", max(time_limit, 0.05))
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.setOptionValue("threads", 1)
    highs.setOptionValue("random_seed", 0)
    highs.passModel(lp.highs_lp())
    if progress is not None:

        def improved(event: Any) -> None:
            out = event.data_out
            progress(
                time.perf_counter() - began,
                float(out.objective_function_value),
                float(out.mip_dual_bound),
            )

        highs.cbMipImprovingSolution.subscribe(improved)
    highs.run()
    info = highs.getInfo()
    status = highs.getModelStatus()
    has_plan = info.primal_solution_status == 2  # kSolutionStatusFeasible
    if not has_plan:
        return Solved("no plan", None, float("inf"), float(info.mip_dual_bound), highs.getRunTime())
    optimal = status == highspy.HighsModelStatus.kOptimal
    return Solved(
        "optimal" if optimal else "feasible",
        list(highs.getSolution().col_value),
        float(info.objective_function_value),
        float(info.mip_dual_bound),
        float(highs.getRunTime()),
    )
