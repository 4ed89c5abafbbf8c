"""Interactive re-planning (issue 13, section 4): how long one adjustment takes.

    python benchmarks/replan.py [--medium-limit 10] [--large-limit 5] [--out benchmarks/results]

The lead's web app re-plans after each adjustment, and a volunteer's step-in is checked
on the spot. Measured in wall-clock seconds, the median of ``--runs`` runs each, in this
process (Python starting is not counted):

- the example office (examples/velbert, December 2026) and the medium office
  (benchmarks/generate.py), each planned once with today 2026-11-25, then
  ``roster.app.planning.plan_month`` with stability (the plan file kept, today the same:
  loading, solving, the checker and writing the plan file included) after one
  availability cell changed (a planned volunteer's "yes" becomes "no") and, separately,
  after one ``assign`` added to ``overrides/2026-12.yaml`` (a step-in). Before each run
  the plan file and the inputs are put back as they were after the first plan;
- the checker alone (``roster.checking.check_plan``) on the large office's plan.

One more run of each re-plan is split into load / solve / check / write with
``time.perf_counter``. Results go to ``OUT/replan.json`` and ``OUT/replan.md``.
See docs/benchmarks.md, "Interactive re-planning (issue 13 §4)".
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import platform
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from generate import ROOT, generate

from roster.app.planning import plan_month
from roster.checking import check_plan
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.history import load_history
from roster.planfile.io import plan_path, read_plan, write_plan
from roster.planfile.schema import Plan
from solver.solve import solve_month_terms

EXAMPLE_MONTH = Month(2026, 12)
EXAMPLE_TODAY = date(2026, 11, 25)
GENERATED_TODAY = date(2027, 2, 25)
"""The generated offices plan March 2027 (benchmarks/generate.py): today a week before."""
TARGETS = {"example": 1.0, "medium": 5.0, "checker_large": 1.0}


def _median(runs: list[float]) -> float:
    return statistics.median(runs)


def _timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def _availability(folder: Path, month: Month) -> Path:
    return folder / "availability" / f"{month}.csv"


def _overrides(folder: Path, month: Month) -> Path:
    return folder / "overrides" / f"{month}.yaml"


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def _write_rows(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def flipped_cell(folder: Path, month: Month, plan: Plan) -> tuple[list[list[str]], str]:
    """The poll with one planned volunteer's "yes" turned into "no", and what changed."""
    rows = _rows(_availability(folder, month))
    header = rows[0]
    for session in plan.sessions:
        day = session.date.isoformat()
        if day not in header:
            continue
        column = header.index(day)
        for entry in session.staff:
            for row in rows[1:]:
                if row[0] == entry.volunteer and row[column] == "yes":
                    changed = [list(r) for r in rows]
                    changed[rows.index(row)][column] = "no"
                    return changed, f"{entry.volunteer} on {day}: yes -> no"
    raise SystemExit(f"no planned volunteer answered yes in {folder}")


def step_ins(folder: Path, month: Month, plan: Plan) -> list[tuple[dict[str, str], str]]:
    """Candidate overrides: a counsellor who answered yes and is not planned that day."""
    rows = _rows(_availability(folder, month))
    header = rows[0]
    people = yaml.safe_load((folder / "volunteers.yaml").read_text(encoding="utf-8"))
    counsellors = {p["id"] for p in people["volunteers"] if "counsellor" in p.get("roles", [])}
    found = []
    for session in plan.sessions:
        day = session.date.isoformat()
        if session.kind != "open_hours" or day not in header:
            continue
        planned = {e.volunteer for s in plan.sessions if s.date == session.date for e in s.staff}
        column = header.index(day)
        for row in rows[1:]:
            if row[0] in counsellors and row[0] not in planned and row[column] == "yes":
                entry = {"volunteer": row[0], "date": day, "role": "counsellor"}
                found.append((entry, f"assign {row[0]} as counsellor on {day}"))
    return found


def _staff(plan: Plan) -> set[tuple[str, str, str, str | None, bool]]:
    """The plan's open-hours assignments, to count what a re-plan changed."""
    return {(s.id, e.volunteer, e.role, e.language, e.lead) for s in plan.sessions for e in s.staff}


def _plan(folder: Path, month: Month, today: date, limit: float) -> Plan:
    return plan_month(folder, month, today=today, time_limit=limit).plan


def profile(folder: Path, month: Month, today: date, limit: float) -> dict[str, float]:
    """One re-plan split as ``plan_office`` does it (without the unchanged-plan shortcut)."""
    marks: dict[str, float] = {}
    began = time.perf_counter()
    data = load_office(folder)
    history = load_history(folder, month)
    previous = read_plan(plan_path(folder, month))
    marks["load"] = time.perf_counter() - began
    began = time.perf_counter()
    solved = solve_month_terms(
        data,
        month,
        today=today,
        history=history,
        previous=previous,
        time_limit=limit,
    )
    marks["solve"] = time.perf_counter() - began
    began = time.perf_counter()
    report = check_plan(data, solved.plan, history)
    marks["check"] = time.perf_counter() - began
    if not report.ok:
        raise SystemExit(f"the checker finds the re-plan of {folder} broken")
    began = time.perf_counter()
    write_plan(folder, solved.plan)
    marks["write"] = time.perf_counter() - began
    return {k: round(v, 3) for k, v in marks.items()}


def bench_replan(
    name: str, folder: Path, month: Month, today: date, limit: float, runs: int
) -> dict[str, Any]:
    """Plan once, then time the re-plans after one changed cell and one added override."""
    first = _timed(lambda: _plan(folder, month, today, limit))
    base_plan_file = plan_path(folder, month)
    base_plan_bytes = base_plan_file.read_bytes()
    base_poll = _availability(folder, month).read_bytes()
    plan = read_plan(base_plan_file)
    result: dict[str, Any] = {
        "office": name,
        "time_limit": limit,
        "first_plan_seconds": round(first, 3),
        "first_plan_status": plan.solver.status,
        "cases": [],
    }

    def reset() -> None:
        base_plan_file.write_bytes(base_plan_bytes)
        _availability(folder, month).write_bytes(base_poll)
        _overrides(folder, month).unlink(missing_ok=True)

    poll, what_cell = flipped_cell(folder, month, plan)

    def change_cell() -> None:
        _write_rows(_availability(folder, month), poll)

    override: dict[str, str] | None = None
    what_override = ""
    for entry, what in step_ins(folder, month, plan)[:6]:
        reset()
        _overrides(folder, month).parent.mkdir(exist_ok=True)
        _overrides(folder, month).write_text(yaml.safe_dump({"assign": [entry]}), encoding="utf-8")
        try:
            _plan(folder, month, today, limit)
        except RosterError:
            continue
        override, what_override = entry, what
        break

    def add_override() -> None:
        _overrides(folder, month).parent.mkdir(exist_ok=True)
        _overrides(folder, month).write_text(
            yaml.safe_dump({"assign": [override]}), encoding="utf-8"
        )

    cases: list[tuple[str, str, Callable[[], None]]] = [("one cell", what_cell, change_cell)]
    if override is not None:
        cases.append(("one override", what_override, add_override))
    for case, what, change in cases:
        seconds, statuses = [], []
        for _ in range(runs):
            reset()
            change()
            began = time.perf_counter()
            planned = _plan(folder, month, today, limit)
            seconds.append(time.perf_counter() - began)
            statuses.append(planned.solver.status)
        reset()
        change()
        split = profile(folder, month, today, limit)
        result["cases"].append(
            {
                "case": case,
                "change": what,
                "runs": [round(s, 3) for s in seconds],
                "median": round(_median(seconds), 3),
                "status": statuses,
                "gap": planned.solver.gap,
                "deterministic": planned.solver.deterministic,
                "solver_seconds": planned.solver.seconds,
                "staff_changed": len(_staff(plan) ^ _staff(planned)),
                "profile": split,
            }
        )
    reset()
    return result


def bench_checker(
    folder: Path, month: Month, today: date, limit: float, runs: int
) -> dict[str, Any]:
    """Plan the large office once, then time the checker alone on its plan."""
    first = _timed(lambda: _plan(folder, month, today, limit))
    data = load_office(folder)
    history = load_history(folder, month)
    plan = read_plan(plan_path(folder, month))
    seconds = [_timed(lambda: check_plan(data, plan, history)) for _ in range(runs)]
    return {
        "office": "large",
        "time_limit": limit,
        "first_plan_seconds": round(first, 3),
        "plan_status": plan.solver.status,
        "runs": [round(s, 3) for s in seconds],
        "median": round(_median(seconds), 3),
        "ok": check_plan(data, plan, history).ok,
    }


def machine() -> dict[str, Any]:
    """The machine the figures were measured on."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "nproc": os.cpu_count(),
        "cpu": model or platform.processor(),
        "python": platform.python_version(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
    }


def markdown(results: dict[str, Any]) -> str:
    """The results as a Markdown table with each target met or not."""
    box = results["machine"]
    lines = [
        "# Interactive re-planning (issue 13 §4)",
        "",
        f"{box['date']}; {box['nproc']} cores ({box['cpu']}), Python {box['python']}; "
        f"load average at start {box['load_average']}, at end {results['load_at_end']}.",
        "",
        "| office | step | limit (s) | median (s) | runs (s) | target | met | status, gap, "
        "staff entries changed | profile (s) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for office in results["replan"]:
        target = TARGETS[office["office"]]
        for case in office["cases"]:
            split = ", ".join(f"{k} {v}" for k, v in case["profile"].items())
            met = "met" if case["median"] < target else "not met"
            lines.append(
                f"| {office['office']} | re-plan, {case['case']} ({case['change']}) | "
                f"{office['time_limit']:g} | {case['median']} | {case['runs']} | < {target:g} | "
                f"{met} | {case['status'][-1]}, {case['gap']:.2%}, {case['staff_changed']} | "
                f"{split} |"
            )
    checker = results.get("checker")
    if checker:
        met = "met" if checker["median"] < TARGETS["checker_large"] else "not met"
        lines.append(
            f"| large | check_plan alone | - | {checker['median']} | {checker['runs']} | "
            f"< 1 | {met} | plan {checker['plan_status']}, ok {checker['ok']} | |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Command line (see the module docstring)."""
    found = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    found.add_argument("--example-limit", type=float, default=10.0)
    found.add_argument("--medium-limit", type=float, default=10.0)
    found.add_argument("--large-limit", type=float, default=5.0)
    found.add_argument("--runs", type=int, default=3)
    found.add_argument("--skip-large", action="store_true")
    found.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results")
    args = found.parse_args(argv)
    results: dict[str, Any] = {"machine": machine(), "replan": [], "checker": None}
    with tempfile.TemporaryDirectory(prefix="roster-replan-") as temp:
        work = Path(temp)
        example = work / "example"
        shutil.copytree(ROOT / "examples" / "velbert", example)
        results["replan"].append(
            bench_replan(
                "example", example, EXAMPLE_MONTH, EXAMPLE_TODAY, args.example_limit, args.runs
            )
        )
        medium = generate("medium", work / "medium")
        results["replan"].append(
            bench_replan(
                "medium", work / "medium", medium, GENERATED_TODAY, args.medium_limit, args.runs
            )
        )
        if not args.skip_large:
            large = generate("large", work / "large")
            results["checker"] = bench_checker(
                work / "large", large, GENERATED_TODAY, args.large_limit, args.runs
            )
    results["load_at_end"] = [round(x, 2) for x in os.getloadavg()]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "replan.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    text = markdown(results)
    (args.out / "replan.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
