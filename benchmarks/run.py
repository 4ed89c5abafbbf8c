"""Benchmark the planner against the issue's targets; write a Markdown table and JSON.

    python benchmarks/run.py [--sizes small,medium,large] [--out benchmarks/results]

For each size the runner generates the synthetic office (benchmarks/generate.py),
then, each in a child process of its own so that its peak memory (maximum resident set
size) is its own:

- profiles the model: variables, constraints, seconds to gather the month and to
  build the CP-SAT model (without solving);
- plans the month with ``solver.solve.solve_month`` in the default deterministic mode,
  and with ``--fast`` (all cores, wall-clock limit) for the sizes in ``--fast-sizes``;
- plans it with the greedy baseline (solver/greedy.py).

Every plan is verified by the solver-free checker (``solver.checker``), which also
scores it, so the CP-SAT plan and the greedy plan are measured alike. Each target of the
issue is then printed as met or not met with the measured figure, and the results are
written to ``OUT/results.md`` and ``OUT/results.json``. See docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from importlib.metadata import version
from pathlib import Path
from typing import Any

from generate import generate

from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office
from roster.planfile.history import History, load_history
from roster.planfile.io import read_plan
from roster.planfile.schema import Plan
from solver.checker import check_plan, fairness_of, shortfalls
from solver.forced import check_forced
from solver.greedy import greedy_of, greedy_plan
from solver.model import build_model
from solver.month_input import month_input
from solver.relaxation import relax_open_hours
from solver.solve import solve_month

ALL_SIZES = ("small", "medium", "large")
DEFAULT_LIMITS = {"small": 10.0, "medium": 30.0, "large": 300.0}
"""Time limit per size (``--time-limit`` of ``roster plan``): the issue's targets."""
ROOT = Path(__file__).resolve().parent.parent
MB = 1024  # ru_maxrss is in KiB on Linux
Json = dict[str, Any]


# -- the child processes ---------------------------------------------------------------------


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / MB, 1)


def _office(folder: Path, month: Month) -> tuple[OfficeData, History]:
    return load_office(folder), load_history(folder, month)


def child_profile(folder: Path, month: Month) -> Json:
    """Time the model's construction, without solving, and count what it holds."""
    began = time.perf_counter()
    data, history = _office(folder, month)
    loaded = time.perf_counter()
    inp = month_input(data, month, as_of=month.first - timedelta(days=1), history=history)
    check_forced(inp)
    gathered = time.perf_counter()
    relaxation = relax_open_hours(inp)
    relaxed = time.perf_counter()
    start = greedy_of(inp, relaxation.guide)
    started = time.perf_counter()
    built = build_model(inp, start=start, bound=relaxation.bound)
    done = time.perf_counter()
    proto = built.model.proto
    v = built.variables
    tables: dict[str, dict[Any, dict[str, Any]]] = {
        "counsel": v.counsel,
        "direct": v.direct,
        "interpret": v.interpret,
        "lead": v.lead,
        "appt_counsellor": v.appt_counsellor,
        "appt_second": v.appt_second,
        "appt_interpreter": v.appt_interpreter,
    }
    families = {
        name: sum(len(people) for people in table.values()) for name, table in tables.items()
    }
    families["place"] = len(v.place)
    families["on_duty"] = len(v.on_duty)
    return {
        "volunteers": len(inp.people),
        "sessions": len(inp.sessions),
        "open_sessions": len(inp.open_sessions),
        "appointments": len(inp.appointments),
        "variables": len(proto.variables),
        "constraints": len(proto.constraints),
        "penalty_terms": len(built.terms),
        "decision_variables": families,
        "load_s": round(loaded - began, 2),
        "month_input_s": round(gathered - loaded, 2),
        "relax_s": round(relaxed - gathered, 2),
        "start_s": round(started - relaxed, 2),
        "build_s": round(done - started, 2),
        "bound": relaxation.bound,
        "start_penalty": start.score.total,
    }


class _Trace:
    """Each better plan found: (seconds since the call, solver seconds, objective, bound)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.began = time.perf_counter()
        self.points: list[list[float]] = []
        self._shown = -1.0

    def __call__(self, seconds: float, objective: float, bound: float) -> None:
        now = time.perf_counter() - self.began
        self.points.append([round(now, 3), round(seconds, 3), objective, bound])
        if now - self._shown >= 1.0 or len(self.points) == 1:  # at most one line a second
            self._shown = now
            print(
                f"  [{self.label}] {now:8.1f} s  objective {objective:>14,.0f}  bound {bound:>14,.0f}",
                file=sys.stderr,
                flush=True,
            )


def child_solve(
    folder: Path, month: Month, limit: float, *, fast: bool, plan_out: Path, label: str
) -> Json:
    """Plan the month with CP-SAT, timing the call (model building included)."""
    data, history = _office(folder, month)
    trace = _Trace(label)
    plan = solve_month(data, month, history=history, time_limit=limit, fast=fast, progress=trace)
    wall = time.perf_counter() - trace.began
    plan_out.write_text(plan.to_json(), encoding="utf-8")
    return {
        "wall_s": round(wall, 2),
        "trace": trace.points,
        "solver": plan.solver.model_dump(mode="json"),
    }


def child_greedy(folder: Path, month: Month, plan_out: Path) -> Json:
    """Plan the month with the greedy baseline."""
    data, history = _office(folder, month)
    began = time.perf_counter()
    plan = greedy_plan(data, month, history=history)
    wall = time.perf_counter() - began
    plan_out.write_text(plan.to_json(), encoding="utf-8")
    return {"wall_s": round(wall, 2)}


def child_main(args: argparse.Namespace) -> None:
    """Run one measured task and write its result as JSON to ``--result``."""
    if args.memory_limit_mb:
        limit = args.memory_limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    digest = solver_digest()  # the model sources this process imported
    folder, month, plan_out = Path(args.folder), Month.parse(args.month), Path(args.plan)
    try:
        if args.child == "profile":
            result = child_profile(folder, month)
        elif args.child == "greedy":
            result = child_greedy(folder, month, plan_out)
        else:
            result = child_solve(
                folder, month, args.limit, fast=args.fast, plan_out=plan_out, label=args.label
            )
    except Exception as exc:  # recorded as the run's failure, e.g. out of memory
        result = {"error": f"{type(exc).__name__}: {exc}"}
    result["peak_mb"] = _peak_mb()
    result["solver_digest"] = digest
    Path(args.result).write_text(json.dumps(result), encoding="utf-8")


# -- the parent --------------------------------------------------------------------------------


@dataclass
class Child:
    """What a child process reported, with its peak memory measured by the parent."""

    result: Json
    peak_mb: float
    exit_code: int

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and "error" not in self.result

    @property
    def failure(self) -> str:
        if "error" in self.result:
            return str(self.result["error"])
        if self.exit_code < 0:
            return f"killed by signal {-self.exit_code} (out of memory?)"
        return f"exit code {self.exit_code}"


def run_child(kind: str, options: list[str], work: Path, memory_limit_mb: int) -> Child:
    """Run ``run.py --child KIND`` in a fresh interpreter; measure its peak memory."""
    result = work / f"result-{kind}-{time.monotonic_ns()}.json"
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        kind,
        "--result",
        str(result),
        "--memory-limit-mb",
        str(memory_limit_mb),
        *options,
    ]
    process = subprocess.Popen(command)  # noqa: S603 - our own script, no shell
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = code = os.waitstatus_to_exitcode(status)
    data: Json = json.loads(result.read_text(encoding="utf-8")) if result.is_file() else {}
    return Child(data, round(usage.ru_maxrss / MB, 1), code)


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
    return max(0.0, objective - bound) / objective if objective > 0 else 0.0


def _ratio(project: float, greedy: float) -> float | None:
    return round(project / greedy, 3) if greedy else None


def solve_row(
    size: str, mode: str, limit: float, child: Child, figures: Json | None, greedy: Json
) -> Json:
    """One row of the table: a CP-SAT run compared with the greedy baseline."""
    row: Json = {
        "size": size,
        "mode": mode,
        "limit_s": limit,
        "peak_mb": child.peak_mb,
        "solver_digest": child.result.get("solver_digest"),
    }
    if not child.ok or figures is None:
        row["failed"] = child.failure
        return row
    solver = child.result["solver"]
    trace = child.result["trace"]
    row.update(
        {
            "status": solver["status"],
            "first_plan_s": trace[0][0] if trace else None,
            "final_s": child.result["wall_s"],
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


def targets_of(row: Json, greedy: Json) -> list[Json]:
    """The issue's targets for one run: each met or not, with the measured figure."""
    size = row["size"]
    found: list[Json] = []

    def target(name: str, met: bool, measured: str) -> None:
        found.append(
            {"size": size, "mode": row["mode"], "target": name, "met": met, "measured": measured}
        )

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
        )
    if size == "medium":
        gap = gap_at(row, 30.0)
        target(
            "within 1 % of the bound in 30 s",
            gap is not None and gap <= 0.01,
            "no plan by 30 s"
            if gap is None
            else f"gap {gap:.2%} at 30 s wall; final gap {row['gap']:.2%} at {row['final_s']:.0f} s",
        )
    if size == "large":
        first = row["first_plan_s"]
        target(
            "a first plan within 60 s",
            first is not None and first <= 60.0,
            f"first plan at {first:.1f} s" if first is not None else "no plan reported",
        )
        gap = gap_at(row, 300.0)
        target(
            "within 5 % of the bound in 300 s",
            gap is not None and gap <= 0.05,
            "no plan by 300 s"
            if gap is None
            else f"gap {gap:.2%} at 300 s wall; final gap {row['gap']:.2%} at {row['final_s']:.0f} s",
        )
        target(
            "under 2 GB peak memory",
            row["peak_mb"] < 2048,
            f"{row['peak_mb']:,.0f} MB",
        )
    target(
        "strictly fewer uncovered language units than greedy",
        row["uncovered_language_units"] < greedy["uncovered_language_units"],
        f"{row['uncovered_language_units']} vs {greedy['uncovered_language_units']}",
    )
    target(
        "a smaller fairness spread than greedy",
        row["spread"] < greedy["spread"],
        f"{row['spread']:g} vs {greedy['spread']:g}",
    )
    if row["violations"]:
        target("no hard-rule violation", met=False, measured=f"{len(row['violations'])} violations")
    return found


def bench_size(
    size: str, limit: float, modes: list[str], seed: int, work: Path, memory_limit_mb: int
) -> Json:
    """Generate one office and measure it: model profile, CP-SAT runs, greedy."""
    folder = work / size
    month = generate(size, folder, seed)
    common = ["--folder", str(folder), "--month", str(month)]
    print(f"\n== {size}: {folder} ({month})", file=sys.stderr, flush=True)
    profile = run_child("profile", [*common, "--plan", os.devnull], work, memory_limit_mb)
    model: Json = {**profile.result, "peak_mb": profile.peak_mb}
    if not profile.ok:
        model["failed"] = profile.failure
    greedy_file = work / f"{size}-greedy.json"
    greedy_child = run_child("greedy", [*common, "--plan", str(greedy_file)], work, memory_limit_mb)
    if not greedy_child.ok:
        raise RosterError(f"the greedy baseline failed on {size}: {greedy_child.failure}")
    data, history = _office(folder, month)
    greedy = {
        "seconds": greedy_child.result["wall_s"],
        "peak_mb": greedy_child.peak_mb,
        **plan_figures(data, history, read_plan(greedy_file)),
    }
    rows = []
    for mode in modes:
        plan_file = work / f"{size}-{mode}.json"
        options = [
            *common,
            "--plan",
            str(plan_file),
            "--limit",
            str(limit),
            "--label",
            f"{size} {mode}",
        ]
        if mode == "fast":
            options.append("--fast")
        child = run_child("solve", options, work, memory_limit_mb)
        figures = plan_figures(data, history, read_plan(plan_file)) if child.ok else None
        rows.append(solve_row(size, mode, limit, child, figures, greedy))
    return {
        "size": size,
        "month": str(month),
        "seed": seed,
        "model": model,
        "greedy": greedy,
        "runs": rows,
        "targets": [t for row in rows for t in targets_of(row, greedy)],
    }


# -- the report --------------------------------------------------------------------------------


def _num(value: float | None, form: str = ",.0f") -> str:
    return "-" if value is None else format(value, form)


def _ratio_text(project: float, greedy: float, ratio: float | None) -> str:
    shown = "n/a" if ratio is None else f"{ratio:.2f}"
    return f"{project:g} / {greedy:g} = {shown}"


def markdown(results: Json) -> str:
    """The results as Markdown tables."""
    machine = results["machine"]
    digests = sorted(
        {str(row["solver_digest"]) for bench in results["sizes"] for row in bench["runs"]}
    )
    sources = (
        f"model sources {digests[0]}"
        if len(digests) == 1
        else f"**the model sources changed during the run** ({', '.join(digests)}; see "
        "`solver_digest` of each run in results.json)"
    )
    lines = [
        "# Benchmark results",
        "",
        f"Measured {results['date']} on {machine['cpus']} cores ({machine['platform']}), "
        f"Python {machine['python']}, OR-Tools {machine['ortools']}; load average "
        f"{machine['load_before']} before the run; {sources}. "
        f"{results['note']}",
        "",
        "## Plans: CP-SAT against the greedy baseline",
        "",
        "| size | mode | limit s | first plan s | final s | objective | bound | gap | peak MB "
        "| greedy penalty | greedy s | uncovered units (project / greedy = ratio) "
        "| spread (project / greedy = ratio) |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for bench in results["sizes"]:
        greedy = bench["greedy"]
        for row in bench["runs"]:
            head = f"| {row['size']} | {row['mode']} | {row['limit_s']:g} "
            if "failed" in row:
                lines.append(
                    head + f"| - | - | no plan: {row['failed']} | | | {_num(row['peak_mb'])} "
                    f"| {greedy['penalty']:,.0f} | {greedy['seconds']:.2f} | | |"
                )
                continue
            lines.append(
                head + f"| {_num(row['first_plan_s'], '.1f')} | {row['final_s']:.1f} "
                f"| {row['objective']:,.0f} | {row['bound']:,.0f} | {row['gap']:.2%} "
                f"| {_num(row['peak_mb'])} | {greedy['penalty']:,.0f} | {greedy['seconds']:.2f} "
                f"| {_ratio_text(row['uncovered_language_units'], greedy['uncovered_language_units'], row['language_units_ratio'])} "
                f"| {_ratio_text(row['spread'], greedy['spread'], row['spread_ratio'])} |"
            )
    lines += [
        "",
        "## Targets",
        "",
        "| size | mode | target | result | measured |",
        "|---|---|---|---|---|",
    ]
    for bench in results["sizes"]:
        for item in bench["targets"]:
            verdict = "met" if item["met"] else "**not met**"
            lines.append(
                f"| {item['size']} | {item['mode']} | {item['target']} | {verdict} | {item['measured']} |"
            )
    lines += [
        "",
        "## The model: where the time goes",
        "",
        "| size | volunteers | sessions | appointments | variables | constraints "
        "| gather month s | relaxation s | starting plan s | build model s | bound "
        "| starting plan penalty | peak MB (build only) | largest variable families |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for bench in results["sizes"]:
        model = bench["model"]
        if "failed" in model:
            lines.append(
                f"| {bench['size']} | model profile failed: {model['failed']} |||||||||||| "
            )
            continue
        largest = sorted(model["decision_variables"].items(), key=lambda kv: -kv[1])[:3]
        lines.append(
            f"| {bench['size']} | {model['volunteers']} | {model['sessions']} "
            f"| {model['appointments']} | {model['variables']:,} | {model['constraints']:,} "
            f"| {model['month_input_s']:.2f} | {model['relax_s']:.2f} | {model['start_s']:.2f} "
            f"| {model['build_s']:.2f} | {model['bound']:,} | {model['start_penalty']:,.0f} "
            f"| {model['peak_mb']:,.0f} "
            f"| {', '.join(f'{name} {count:,}' for name, count in largest)} |"
        )
    repro = results.get("reproducibility", [])
    if repro:
        lines += [
            "",
            "## Reproducibility: the same office planned twice",
            "",
            "| size | mode | identical plan files | objective (1st, 2nd) |",
            "|---|---|---|---|",
        ]
        for item in repro:
            lines.append(
                f"| {item['size']} | {item['mode']} | {'yes' if item['identical'] else 'no'} "
                f"| {item['objectives'][0]:,.0f}, {item['objectives'][1]:,.0f} |"
            )
    return "\n".join(lines) + "\n"


def reproducibility(
    size: str, limit: float, modes: list[str], seed: int, work: Path, memory_limit_mb: int
) -> list[Json]:
    """Plan the same office twice per mode; compare the plan files byte for byte."""
    folder = work / f"{size}-twice"
    month = generate(size, folder, seed)
    found = []
    for mode in modes:
        texts = []
        objectives = []
        for attempt in (1, 2):
            plan_file = work / f"{size}-twice-{mode}-{attempt}.json"
            options = [
                *["--folder", str(folder), "--month", str(month), "--plan", str(plan_file)],
                *["--limit", str(limit), "--label", f"{size} {mode} #{attempt}"],
            ]
            if mode == "fast":
                options.append("--fast")
            child = run_child("solve", options, work, memory_limit_mb)
            if not child.ok:
                raise RosterError(f"planning {size} ({mode}) failed: {child.failure}")
            texts.append(plan_file.read_bytes())
            objectives.append(child.result["solver"]["objective"])
        found.append(
            {
                "size": size,
                "mode": mode,
                "identical": texts[0] == texts[1],
                "objectives": objectives,
            }
        )
    return found


def solver_digest() -> str:
    """SHA-256 (first 12 digits) over the model's source files: which model was measured."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "solver").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def _sizes(text: str) -> list[str]:
    sizes = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in ALL_SIZES]
    if unknown:
        raise SystemExit(f"unknown size {unknown[0]!r}; choose from {', '.join(ALL_SIZES)}")
    return sizes


def _limits(text: str) -> dict[str, float]:
    limits = dict(DEFAULT_LIMITS)
    for part in filter(None, (p.strip() for p in text.split(","))):
        size, _, seconds = part.partition("=")
        if size not in ALL_SIZES or not seconds:
            raise SystemExit(f"--limits takes SIZE=SECONDS pairs, e.g. large=120, not {part!r}")
        limits[size] = float(seconds)
    return limits


def main() -> None:
    """Command line (see the module docstring)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default=",".join(ALL_SIZES), help="e.g. small,medium")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated offices")
    parser.add_argument(
        "--limits", default="", help="time limits, e.g. medium=60,large=120 (default: 10, 30, 300)"
    )
    parser.add_argument(
        "--fast-sizes",
        default="medium,large",
        help="sizes also planned with --fast (all cores, wall clock); empty for none",
    )
    parser.add_argument(
        "--repro-sizes",
        default="small",
        help="sizes planned twice per mode to compare the plan files; empty for none",
    )
    parser.add_argument(
        "--memory-limit-mb",
        type=int,
        default=16000,
        help="address-space limit of each child process (0: none), so that a model too big "
        "for the machine fails alone instead of pushing others out of memory",
    )
    parser.add_argument("--note", default="", help="a line about the machine's load")
    parser.add_argument("--work", type=Path, help="keep the generated offices and plans here")
    # the child processes
    parser.add_argument("--child", choices=["profile", "solve", "greedy"], help=argparse.SUPPRESS)
    for hidden in ("--result", "--folder", "--month", "--plan", "--label"):
        parser.add_argument(hidden, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=float, default=10.0, help=argparse.SUPPRESS)
    parser.add_argument("--fast", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(args)
        return
    sizes = _sizes(args.sizes)
    limits = _limits(args.limits)
    fast_sizes = set(_sizes(args.fast_sizes))
    repro_sizes = _sizes(args.repro_sizes)
    with tempfile.TemporaryDirectory(prefix="roster-bench-") as temp:
        work = args.work or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        results: Json = {
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "note": args.note,
            "machine": {
                "cpus": os.cpu_count(),
                "platform": platform.platform(terse=True),
                "python": platform.python_version(),
                "ortools": version("ortools"),
                "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()),
            },
            "limits_s": {size: limits[size] for size in sizes},
            "memory_limit_mb": args.memory_limit_mb,
            "sizes": [],
            "reproducibility": [],
        }
        for size in sizes:
            modes = ["deterministic", *(["fast"] if size in fast_sizes else [])]
            results["sizes"].append(
                bench_size(size, limits[size], modes, args.seed, work, args.memory_limit_mb)
            )
        for size in repro_sizes:
            results["reproducibility"].extend(
                reproducibility(
                    size,
                    limits[size],
                    ["deterministic", "fast"],
                    args.seed,
                    work,
                    args.memory_limit_mb,
                )
            )
    args.out.mkdir(parents=True, exist_ok=True)
    text = markdown(results)
    (args.out / "results.md").write_text(text, encoding="utf-8")
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(text)
    print(f"wrote {args.out / 'results.md'} and {args.out / 'results.json'}")


if __name__ == "__main__":
    main()
