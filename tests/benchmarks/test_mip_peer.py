"""The MIP peer (benchmarks/peers/, HiGHS): its plan of the example office keeps every
hard rule the independent checker knows, and the checker's penalty is the MIP's own
objective (every soft term is modelled). Run on demand, so nothing here is timed beyond
a small budget."""

from __future__ import annotations

import importlib
import itertools
import sys
from pathlib import Path
from types import ModuleType

from roster.checking import check_plan
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.history import load_history

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "velbert"


def _module(name: str) -> ModuleType:
    """Import a module of ``benchmarks/`` by the name ``python benchmarks/run.py`` uses."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return importlib.import_module(name)


mip = _module("peers.mip")


def test_the_mip_plans_the_example_office_and_the_checker_accepts_it() -> None:
    month = Month(2026, 12)
    data = load_office(EXAMPLE)
    history = load_history(EXAMPLE, month)
    seen: list[tuple[float, float, float]] = []
    plan, figures = mip.mip_plan(
        data, month, history=history, time_limit=3.0, progress=lambda *p: seen.append(p)
    )
    assert plan is not None, figures
    report = check_plan(data, plan, history)
    assert report.violations == []
    assert report.total == plan.score.total == figures["objective"]  # every term modelled
    assert figures["bound"] <= report.total
    assert plan.solver.status in ("optimal", "feasible")
    assert plan.appointments, "the MIP schedules appointments"
    assert seen and seen[-1][1] == figures["objective"]  # the trace ends at the plan
    assert all(later[0] >= earlier[0] for earlier, later in itertools.pairwise(seen))


def test_a_budget_too_small_for_a_plan_says_no_plan() -> None:
    month = Month(2026, 12)
    data = load_office(EXAMPLE)
    plan, figures = mip.mip_plan(data, month, time_limit=0.0)
    if plan is None:  # HiGHS may still find the optimum in its 0.05 s on a fast machine
        assert figures["status"] == "no plan"
        assert figures["objective"] is None
    else:
        assert check_plan(data, plan).violations == []
