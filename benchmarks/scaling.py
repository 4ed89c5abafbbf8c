"""Scaling: how the planner's cost grows with the team (issue 13, section 3).

    python benchmarks/scaling.py [--counts 30,100,300,1000,2000,4000,10000] [--seed 1]
                                 [--time-limit 60] [--out benchmarks/results] [--note TEXT]

For each volunteer count the large office's shape is generated at that size
(``generate.py large --volunteers N``: the same sessions and languages, appointments and
desks in proportion), then two child processes, each in a fresh interpreter so that its
peak memory (maximum resident set size, from ``wait4``) is its own:

- ``build`` times each step ``solver.solve.solve_month_terms`` takes before its search,
  within the same ``--time-limit``: gathering the month (with the overrides' check), the
  first plan (the greedy without a guide), the open hours' relaxation and the
  appointments' bound (each with its share of the time left: "relaxed" says whether GLOP
  finished the open hours' in it), the guided starting plan, the CP-SAT model; then, on
  the starting plan,
  the reasons of its uncovered needs and unscheduled appointments (what extraction
  writes for the final plan) and the independent checker (``roster.checking``);
- ``solve`` plans the month with ``solver.solve.solve_month`` in the default
  deterministic mode within ``--time-limit`` seconds: seconds to the first plan
  reported, the gap at the end, and the run's peak memory.

The results go to ``OUT/scaling.md`` and ``OUT/scaling.json``. The main runner can call
:func:`scaling_rows` and :func:`render_scaling`. See docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from generate import generate
from measuring import MB, office_of
from report import machine

from roster.checking import check_plan
from roster.domain.month import Month
from solver.appointment_bound import bound_appointments
from solver.forced import check_forced
from solver.guided_start import greedy_of
from solver.model import build_model
from solver.month_input import month_input
from solver.plan_build import finish
from solver.relaxation import relax_open_hours
from solver.solve import APPOINTMENT_BOUND_SHARE, RELAXATION_SHARE, solve_month

Json = dict[str, Any]
COUNTS = (30, 100, 300, 1000, 2000, 4000, 10000)
TIME_LIMIT = 60.0
"""Wall-clock seconds of the measured solve (``--time-limit``)."""
MEMORY_LIMIT_MB = 8192
"""Address-space limit of each child: a run past it fails instead of swapping."""
BUILD_STEPS = ("gather_s", "first_s", "relax_s", "appt_bound_s", "start_s", "model_s")
"""The steps before the search, in order: their sum is the build time."""
HERE = Path(__file__).resolve()


# -- the child processes ---------------------------------------------------------------


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / MB, 1)


def child_build(folder: Path, month: Month, limit: float) -> Json:
    """Time each step before the search, as ``solve_month_terms`` takes them within a
    time limit of ``limit`` seconds (the relaxations get their shares of it)."""
    data, history = office_of(folder, month)
    times: Json = {}
    began = mark = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        times[name] = round(now - mark, 2)
        mark = now

    def left() -> float:
        return limit - (time.perf_counter() - began)

    inp = month_input(data, month, as_of=month.first - timedelta(days=1), history=history)
    check_forced(inp)
    lap("gather_s")
    quick = greedy_of(inp, explain=False)  # the first plan, unguided
    lap("first_s")
    relaxation = relax_open_hours(inp, left() * RELAXATION_SHARE)
    lap("relax_s")
    appointments = bound_appointments(inp, left() * APPOINTMENT_BOUND_SHARE)
    lap("appt_bound_s")
    guided = bool(relaxation.guide or appointments.guide)
    start = greedy_of(inp, relaxation.guide, appointments.guide) if guided else quick
    lap("start_s")
    built = build_model(inp, start=start, bound=relaxation.bound)
    lap("model_s")
    del built
    plan = finish(inp, start)  # the reasons extraction writes, for the starting plan
    lap("explain_s")
    check_plan(data, plan, history)
    lap("check_s")
    times["relaxed"] = "yes" if relaxation.guide else "no"
    return {
        **times,
        "build_s": round(sum(times[step] for step in BUILD_STEPS), 2),
        "sessions": len(inp.sessions),
        "appointments": len(inp.appointments),
    }


def child_solve(folder: Path, month: Month, limit: float) -> Json:
    """Plan the month in the default deterministic mode; note when each plan came."""
    data, history = office_of(folder, month)
    began = time.perf_counter()
    seen: list[float] = []

    def progress(seconds: float, objective: float, bound: float) -> None:
        del seconds, objective, bound
        seen.append(time.perf_counter() - began)

    plan = solve_month(data, month, history=history, time_limit=limit, progress=progress)
    facts = plan.solver
    return {
        "wall_s": round(time.perf_counter() - began, 2),
        "first_plan_s": round(seen[0], 2) if seen else None,
        "gap": facts.gap,
        "status": facts.status,
        "starting_plan": facts.starting_plan,
        "objective": facts.objective,
        "bound": facts.bound,
    }


def child_main(args: argparse.Namespace) -> None:
    """Run one measured task; write its result as JSON to ``--result``."""
    limit = args.memory_limit_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    folder, month = Path(args.folder), Month.parse(args.month)
    try:
        if args.child == "build":
            result = child_build(folder, month, args.time_limit)
        else:
            result = child_solve(folder, month, args.time_limit)
    except Exception as exc:  # recorded as the run's failure, e.g. out of memory
        result = {"error": f"{type(exc).__name__}: {exc}"}
    result["peak_mb"] = _peak_mb()
    Path(args.result).write_text(json.dumps(result), encoding="utf-8")


# -- the parent ------------------------------------------------------------------------


def run_child(kind: str, folder: Path, month: Month, work: Path, limit: float) -> Json:
    """Run a child in a fresh interpreter; its peak memory as the parent measures it."""
    result = work / f"scaling-{kind}-{time.monotonic_ns()}.json"
    command = [sys.executable, str(HERE), "--child", kind, "--result", str(result)]
    command += ["--folder", str(folder), "--month", str(month), "--time-limit", str(limit)]
    command += ["--memory-limit-mb", str(MEMORY_LIMIT_MB)]
    process = subprocess.Popen(command)  # noqa: S603 - our own script, no shell
    _, status, usage = os.wait4(process.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    data: Json = json.loads(result.read_text(encoding="utf-8")) if result.is_file() else {}
    if code != 0 and "error" not in data:
        data["error"] = f"exit code {code}"
    data["peak_mb"] = round(usage.ru_maxrss / MB, 1)
    return data


def scaling_rows(
    counts: list[int], seed: int, work_dir: Path, time_limit: float = TIME_LIMIT
) -> list[Json]:
    """One row per volunteer count: the build steps' seconds, the first plan, the gap at
    ``time_limit`` seconds and the peak memory of each child."""
    work_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for count in counts:
        folder = work_dir / f"large-{count}-seed{seed}"
        month = generate("large", folder, seed, volunteers=count)
        print(f"scaling: {count} volunteers", file=sys.stderr, flush=True)
        build = run_child("build", folder, month, work_dir, time_limit)
        solve = run_child("solve", folder, month, work_dir, time_limit)
        rows.append(
            {
                "volunteers": count,
                "seed": seed,
                "build": build,
                "solve": solve,
                "peak_mb": max(build["peak_mb"], solve["peak_mb"]),
            }
        )
        print(f"scaling: {json.dumps(rows[-1])}", file=sys.stderr, flush=True)
    return rows


def _cell(value: Any, form: str = ".1f") -> str:
    if value is None:
        return "-"
    if isinstance(value, float | int) and not isinstance(value, bool):
        return format(value, form)
    return str(value)


def render_scaling(rows: list[Json], note: str) -> str:
    """The rows as Markdown: the run's machine, date and load, then one line per count."""
    head = machine()
    lines = [
        "# Scaling (issue 13 §3)",
        "",
        f"{note}".strip() or "Large shape, scaled by volunteers.",
        "",
        f"- date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {head['cpus']} cores, {head['platform']}, Python {head['python']}, "
        f"OR-Tools {head['ortools']}",
        f"- load average at the end: {head['load_before']}",
        "",
        "| volunteers | appts | gather s | first s | relax s | relaxed | appt bound s "
        "| start s | model s | build s | explain s | check s | first plan s | plan s "
        "| gap at limit | status | peak MB build | peak MB solve |",
        "|" + "---:|" * 18,
    ]
    for row in rows:
        build, solve = row["build"], row["solve"]
        cells = [row["volunteers"], build.get("appointments")]
        steps = (*BUILD_STEPS[:3], "relaxed", *BUILD_STEPS[3:], "build_s", "explain_s", "check_s")
        cells += [build.get(step) for step in steps]
        cells += [solve.get("first_plan_s"), solve.get("wall_s"), solve.get("gap")]
        cells += [solve.get("status")]
        cells += [build["peak_mb"], solve["peak_mb"]]
        forms = ["d", "d", ".2f", ".2f", ".2f", "", *[".2f"] * 6, ".1f", ".1f", ".3f", "", ".0f"]
        forms += [".0f"]
        text = [_cell(value, form) for value, form in zip(cells, forms, strict=True)]
        lines.append("| " + " | ".join(text) + " |")
        failed = [
            f"{kind}: {row[kind]['error']}" for kind in ("build", "solve") if "error" in row[kind]
        ]
        if failed:
            lines.append(f"| {row['volunteers']} failed | " + "; ".join(failed) + " |")
    return "\n".join(lines) + "\n"


def parser() -> argparse.ArgumentParser:
    """The command line (``--child`` is the runner's own)."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--counts", default=",".join(map(str, COUNTS)))
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--time-limit", type=float, default=TIME_LIMIT)
    p.add_argument("--out", type=Path, default=HERE.parent / "results")
    p.add_argument("--work-dir", type=Path, default=None)
    p.add_argument("--note", default="")
    p.add_argument("--child", choices=("build", "solve"), help=argparse.SUPPRESS)
    p.add_argument("--result", help=argparse.SUPPRESS)
    p.add_argument("--folder", help=argparse.SUPPRESS)
    p.add_argument("--month", help=argparse.SUPPRESS)
    p.add_argument("--memory-limit-mb", type=int, default=MEMORY_LIMIT_MB, help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> None:
    """Measure every count; write OUT/scaling.md and OUT/scaling.json."""
    args = parser().parse_args(argv)
    if args.child:
        child_main(args)
        return
    counts = [int(part) for part in args.counts.split(",") if part.strip()]
    work = args.work_dir or Path(tempfile.gettempdir()) / "roster-scaling"
    rows = scaling_rows(counts, args.seed, work, args.time_limit)
    text = render_scaling(rows, args.note)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "scaling.md").write_text(text, encoding="utf-8")
    figures = {"machine": machine(), "time_limit_s": args.time_limit, "rows": rows}
    (args.out / "scaling.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
