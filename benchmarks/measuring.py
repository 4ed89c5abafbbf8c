"""Measuring: plan each generated office in child processes, timing each step and its memory.

Each measured task runs in a fresh interpreter (``run.py --child KIND``), so that its peak
memory (maximum resident set size, from ``wait4``) is its own:

- ``profile``: the model is built, not solved: variables, constraints, seconds per step;
- ``solve``: ``solver.solve.solve_month`` plans the month, with each better plan it reports;
- ``greedy``: the greedy baseline (``solver.baseline.greedy_plan``) plans it;
- ``mip``: the MIP peer (HiGHS, benchmarks/peers/mip.py) plans it.

The parent (:func:`bench_size`, :func:`reproducibility`) generates the office, runs the
children and hands their plans to the targets (benchmarks/targets.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from generate import generate
from peers.mip import child_mip
from targets import issue13_targets, plan_figures, solve_row, targets_of

from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office
from roster.planfile.history import History, load_history
from roster.planfile.io import read_plan
from solver.appointment_bound import bound_appointments
from solver.baseline import greedy_plan
from solver.forced import check_forced
from solver.guided_start import greedy_of
from solver.model import build_model
from solver.month_input import month_input
from solver.relaxation import relax_open_hours
from solver.solve import solve_month

ROOT = Path(__file__).resolve().parent.parent
RUNNER = Path(__file__).resolve().with_name("run.py")
MB = 1024  # ru_maxrss is in KiB on Linux
CHILD_KINDS = ("profile", "solve", "greedy", "mip")
Json = dict[str, Any]


def office_of(folder: Path, month: Month) -> tuple[OfficeData, History]:
    """The office folder and the plans of the months before ``month``."""
    return load_office(folder), load_history(folder, month)


def solver_digest() -> str:
    """SHA-256 (first 12 digits) over the model's source files: which model was measured."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "solver").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


# -- the child processes ---------------------------------------------------------------------


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / MB, 1)


def child_profile(folder: Path, month: Month) -> Json:
    """Time the model's construction, without solving, and count what it holds."""
    began = time.perf_counter()
    data, history = office_of(folder, month)
    loaded = time.perf_counter()
    inp = month_input(data, month, as_of=month.first - timedelta(days=1), history=history)
    check_forced(inp)
    gathered = time.perf_counter()
    relaxation = relax_open_hours(inp)
    appointments = bound_appointments(inp)  # as solver.solve does
    relaxed = time.perf_counter()
    start = greedy_of(inp, relaxation.guide, appointments.guide)
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
        "bound": relaxation.bound + appointments.bound,
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
    data, history = office_of(folder, month)
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
    data, history = office_of(folder, month)
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
        elif args.child == "mip":
            result = child_mip(folder, month, args.limit, plan_out, args.label)
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
        str(RUNNER),
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
    data, history = office_of(folder, month)
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
        failure = None if child.ok else child.failure
        row = solve_row(size, mode, limit, child.result, child.peak_mb, figures, greedy, failure)
        rows.append({**row, "seed": seed})
    return {
        "size": size,
        "month": str(month),
        "seed": seed,
        "model": model,
        "greedy": greedy,
        "runs": rows,
        "targets": [t for row in rows for t in (*targets_of(row, greedy), *issue13_targets(row))],
    }


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
