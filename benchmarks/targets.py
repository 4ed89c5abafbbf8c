"""Evaluating: what the checker says about each plan, and the issue's targets, met or not.

Every plan, CP-SAT's and the greedy baseline's, is verified and scored by the independent
checker (``roster.checking.check_plan``), and its uncovered interpreter units and fairness
spread come from the functions that fill in a real plan (``solver.figures``), so the two
are measured alike. See docs/benchmarks.md for the targets (issue 4).
"""

from __future__ import annotations

from typing import Any

from roster.checking import check_plan
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.planfile.history import History
from roster.planfile.schema import Plan
from solver.figures import fairness_of, shortfalls
from solver.month_input import month_input

Json = dict[str, Any]


def plan_figures(data: OfficeData, history: History, plan: Plan) -> Json:
    """What the checker says about a plan: violations and the figures compared."""
    report = check_plan(data, plan, history)
    inp = month_input(
        data, Month.parse(plan.month), as_of=plan.as_of, history=history, previous=plan.previous
    )
    language = [s for s in shortfalls(inp, plan) if s.need == "language"]
    fairness, points = fairness_of(inp, plan)
    return {
        "violations": [str(v) for v in report.violations],
        "penalty": report.total,
        "penalties": {p.name: p.value for p in report.penalties},
        "uncovered_language_units": sum(s.missing for s in language),
        "uncovered_language_visitors": round(
            sum(s.missing * s.expected_visitors for s in language), 1
        ),
        "unscheduled": len(plan.unscheduled),
        "spread": fairness.spread,
        "spread_points": points,
    }


def gap_at(run: Json, seconds: float) -> float | None:
    """The gap (objective - bound) / objective the run had ``seconds`` after the call
    began: its final gap if it ended by then, else from the last plan found by then."""
    if run["final_s"] <= seconds:
        return float(run["gap"])
    found = [p for p in run["trace"] if p[0] <= seconds]
    if not found:
        return None
    _, _, objective, bound = found[-1]
    return float(max(0.0, objective - bound) / objective) if objective > 0 else 0.0


def _ratio(project: float, greedy: float) -> float | None:
    return round(project / greedy, 3) if greedy else None


def solve_row(
    size: str,
    mode: str,
    limit: float,
    result: Json,
    peak_mb: float,
    figures: Json | None,
    greedy: Json,
    failure: str | None = None,
) -> Json:
    """One row of the table: a CP-SAT run (what its child process reported, and the
    checker's figures of its plan) compared with the greedy baseline. A run that made no
    plan has a ``failure`` and no figures."""
    row: Json = {
        "size": size,
        "mode": mode,
        "limit_s": limit,
        "peak_mb": peak_mb,
        "solver_digest": result.get("solver_digest"),
    }
    if failure is not None or figures is None:
        row["failed"] = failure or "no plan to check"
        return row
    solver = result["solver"]
    trace = result["trace"]
    row.update(
        {
            "status": solver["status"],
            "first_plan_s": trace[0][0] if trace else None,
            "final_s": result["wall_s"],
            "solver_s": solver["seconds"],
            "deterministic": solver["deterministic"],
            "workers": solver["workers"],
            "objective": solver["objective"],
            "bound": solver["bound"],
            "gap": solver["gap"],
            "trace": trace,
            **figures,
            "language_units_ratio": _ratio(
                figures["uncovered_language_units"], greedy["uncovered_language_units"]
            ),
            "spread_ratio": _ratio(figures["spread"], greedy["spread"]),
        }
    )
    return row


def _item(row: Json, name: str, met: bool, measured: str, value: float | None) -> Json:
    """A target of one run: met or not, the measured figure in words, and ``value``, the
    figure compared over the seeds (larger is worse; None, no figure: worst of all)."""
    return {
        "size": row["size"],
        "mode": row["mode"],
        "target": name,
        "met": met,
        "measured": measured,
        "value": value,
        "seed": row.get("seed"),
    }


def targets_of(row: Json, greedy: Json) -> list[Json]:
    """The issue's targets for one run: each met or not, with the measured figure."""
    size = row["size"]
    found: list[Json] = []

    def target(name: str, met: bool, measured: str, value: float | None = None) -> None:
        found.append(_item(row, name, met, measured, value))

    if "failed" in row:
        target(
            "a plan",
            met=False,
            measured=f"no plan: {row['failed']} (peak {row['peak_mb']:,.0f} MB)",
        )
        return found
    if size == "small":
        target(
            "proven optimal in under 2 s of solver time",
            row["status"] == "optimal" and row["final_s"] < 2.0,
            f"{row['status']}, {row['final_s']:.2f} s wall (solve call, model included); "
            f"solver {row['solver_s']:g} {'deterministic ' if row['deterministic'] else ''}s",
            value=row["final_s"] if row["status"] == "optimal" else None,
        )
    if size == "medium":
        gap = gap_at(row, 30.0)
        target(
            "within 1 % of the bound in 30 s",
            gap is not None and gap <= 0.01,
            "no plan by 30 s"
            if gap is None
            else f"gap {gap:.2%} at 30 s wall; final gap {row['gap']:.2%} at {row['final_s']:.0f} s",
            value=gap,
        )
    if size == "large":
        first = row["first_plan_s"]
        target(
            "a first plan within 60 s",
            first is not None and first <= 60.0,
            f"first plan at {first:.1f} s" if first is not None else "no plan reported",
            value=first,
        )
        gap = gap_at(row, 300.0)
        target(
            "within 5 % of the bound in 300 s",
            gap is not None and gap <= 0.05,
            "no plan by 300 s"
            if gap is None
            else f"gap {gap:.2%} at 300 s wall; final gap {row['gap']:.2%} at {row['final_s']:.0f} s",
            value=gap,
        )
        target(
            "under 2 GB peak memory",
            row["peak_mb"] < 2048,
            f"{row['peak_mb']:,.0f} MB",
            value=row["peak_mb"],
        )
    target(
        "strictly fewer uncovered language units than greedy",
        row["uncovered_language_units"] < greedy["uncovered_language_units"],
        f"{row['uncovered_language_units']} vs {greedy['uncovered_language_units']}",
        value=row["uncovered_language_units"] - greedy["uncovered_language_units"],
    )
    target(
        "a smaller fairness spread than greedy",
        row["spread"] < greedy["spread"],
        f"{row['spread']:g} vs {greedy['spread']:g}",
        value=row["spread"] - greedy["spread"],
    )
    if row["violations"]:
        target(
            "no hard-rule violation",
            met=False,
            measured=f"{len(row['violations'])} violations",
            value=len(row["violations"]),
        )
    return found


def issue13_targets(row: Json) -> list[Json]:
    """The targets issue 13 adds for one run: medium proven optimal in 30 s, large within
    0.2 % of the whole-objective bound (the bound CP-SAT reports) in 60 s of wall clock."""
    size = row["size"]
    found: list[Json] = []

    def target(name: str, met: bool, measured: str, value: float | None = None) -> None:
        found.append(_item(row, name, met, measured, value))

    if "failed" in row:
        return found
    if size == "medium":
        optimal_by = row["final_s"] if row["status"] == "optimal" else None
        target(  # issue 13
            "proven optimal in 30 s",
            optimal_by is not None and optimal_by <= 30.0,
            f"optimal after {optimal_by:.1f} s wall"
            if optimal_by is not None
            else f"{row['status']} after {row['final_s']:.0f} s wall, final gap {row['gap']:.2%}",
            value=optimal_by,
        )
    if size == "large":
        gap = gap_at(row, 60.0)
        target(  # issue 13
            "within 0.2 % of the whole-objective bound in 60 s",
            gap is not None and gap <= 0.002,
            "no plan by 60 s" if gap is None else f"gap {gap:.2%} at 60 s wall",
            value=gap,
        )
    return found


def _order(item: Json) -> tuple[bool, float]:
    """Worse runs sort later: a larger value, and no value (no plan, not optimal) last."""
    value = item.get("value")
    return (value is None, 0.0 if value is None else float(value))


def aggregate(items: list[Json]) -> list[Json]:
    """The targets over several runs (seeds): each target with its median run and its
    worst run (the largest value; every target's value is worse when larger), met only
    when every run meets it (the worst run does). Keeps the order targets first appear."""
    groups: dict[tuple[str, str, str], list[Json]] = {}
    for item in items:
        groups.setdefault((item["size"], item["mode"], item["target"]), []).append(item)
    found = []
    for (size, mode, name), runs in groups.items():
        ranked = sorted(runs, key=lambda item: (not item["met"], *_order(item)))
        worst = ranked[-1]
        median = ranked[len(ranked) // 2]
        found.append(
            {
                "size": size,
                "mode": mode,
                "target": name,
                "runs": len(runs),
                "met_runs": sum(1 for item in runs if item["met"]),
                "met": all(item["met"] for item in runs),
                "median": median,
                "worst": worst,
            }
        )
    return found
