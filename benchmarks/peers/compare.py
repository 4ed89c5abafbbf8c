"""The peers side by side (issue 13, §5): on one generated office, at each wall-clock
budget, roster (default deterministic mode and ``--fast``), the MIP peer (HiGHS), and the
greedy baseline, each in a child process of its own (its peak memory is its own), each
plan verified and scored by the independent checker.

Every row holds the checker's penalty, the bound proven (the peer's own: CP-SAT's or
HiGHS's dual bound; none for greedy), the gap between them, uncovered language units,
unscheduled appointments, the fairness spread and peak memory. The time each peer needs to
reach roster's quality at 10 s (the checker's penalty of roster's default mode at that
budget) is read from its progress trace at the largest budget.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from generate import generate
from measuring import office_of, run_child
from targets import plan_figures

from roster.domain.month import Month
from roster.planfile.io import read_plan

Json = dict[str, Any]
PEERS = ("roster", "roster --fast", "mip (HiGHS)", "greedy")
REFERENCE_BUDGET = 10.0
"""Roster's quality at this budget is what each peer's time to reach is measured against."""


def _options(
    peer: str, folder: Path, month: Month, budget: float, plan: Path
) -> tuple[str, list[str]]:
    options = [
        *["--folder", str(folder), "--month", str(month), "--plan", str(plan)],
        *["--limit", str(budget), "--label", f"{folder.name} {peer} {budget:g} s"],
    ]
    if peer == "greedy":
        return "greedy", options
    if peer == "mip (HiGHS)":
        return "mip", options
    return "solve", [*options, *(["--fast"] if peer == "roster --fast" else [])]


def peer_row(
    peer: str,
    budget: float,
    result: Json,
    figures: Json | None,
    peak_mb: float,
    failure: str | None,
) -> Json:
    """One row of the peer table from a child's report and the checker's figures."""
    row: Json = {
        "solver_digest": result.get("solver_digest"),
        "peer": peer,
        "budget_s": budget,
        "peak_mb": peak_mb,
        "wall_s": result.get("wall_s"),
    }
    if failure is not None:
        row.update(status="failed", failed=failure)
        return row
    solver = result.get("solver", {})
    status = solver.get("status") or result.get("status", "greedy")
    row["status"] = status
    row["trace"] = result.get("trace", [])
    bound = solver.get("bound", result.get("bound")) if peer != "greedy" else None
    row["bound"] = None if bound is None or bound == float("-inf") else bound  # none proven
    if figures is None:
        return row  # the MIP found no plan in the budget
    penalty = figures["penalty"]
    row.update(
        penalty=penalty,
        gap=None if bound is None else (max(0.0, penalty - bound) / penalty if penalty else 0.0),
        valid=not figures["violations"],
        violations=figures["violations"][:5],
        uncovered_language_units=figures["uncovered_language_units"],
        unscheduled=figures["unscheduled"],
        spread=figures["spread"],
    )
    if "objective" in result and result["objective"] is not None:
        row["objective"] = result["objective"]  # the MIP's: equals the checker's penalty
    return row


def time_to_reach(row: Json, target: float) -> float | None:
    """The first second (since the call began) at which the run's plan scored ``target``
    or better: from its progress trace, else its end if its final plan does; None: never."""
    if row.get("penalty") is None:
        return None
    for point in row.get("trace", []):
        if point[2] <= target + 1e-6:
            return float(point[0])
    if row["penalty"] <= target + 1e-6 and row.get("wall_s") is not None:
        return float(row["wall_s"])
    return None


def bench_peers(
    size: str, seed: int, budgets: list[float], work: Path, memory_limit_mb: int
) -> Json:
    """Every peer at every budget on the office of ``size`` and ``seed``."""
    folder = work / f"{size}-peers-{seed}"
    month = generate(size, folder, seed)
    data, history = office_of(folder, month)
    print(f"\n== peers on {size} (seed {seed}): {folder}", file=sys.stderr, flush=True)
    rows: list[Json] = []
    for budget in budgets:
        for peer in PEERS:
            if peer == "greedy" and budget != budgets[0]:
                rows.append({**rows[[r["peer"] for r in rows].index("greedy")], "budget_s": budget})
                continue  # the greedy takes no budget: one run, listed at every budget
            plan_file = work / f"{size}-{seed}-{peer.split()[0]}-{budget:g}.json"
            plan_file.unlink(missing_ok=True)
            kind, options = _options(peer, folder, month, budget, plan_file)
            child = run_child(kind, options, work, memory_limit_mb)
            failure = None if child.ok else child.failure
            if failure is not None:
                print(f"  {peer} at {budget:g} s failed: {failure}", file=sys.stderr, flush=True)
            figures = (
                plan_figures(data, history, read_plan(plan_file))
                if plan_file.is_file() and child.ok
                else None
            )
            rows.append(peer_row(peer, budget, child.result, figures, child.peak_mb, failure))
    reference = next(
        (r for r in rows if r["peer"] == "roster" and r["budget_s"] == REFERENCE_BUDGET), None
    )
    target = None if reference is None else reference.get("penalty")
    last = max(budgets)
    reach: dict[str, float | None] = {}
    if target is not None:
        for row in rows:
            if row["budget_s"] == last:
                reach[row["peer"]] = time_to_reach(row, target)
    return {
        "size": size,
        "seed": seed,
        "month": str(month),
        "runs": rows,
        "reference_penalty": target,
        "reference_budget_s": REFERENCE_BUDGET,
        "reach_within_s": last,
        "time_to_reach": reach,
        "load_after": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
