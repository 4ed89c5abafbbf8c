"""Benchmark the planner against the issue's targets; write a Markdown table and JSON.

    python benchmarks/run.py [--sizes small,medium,large] [--out benchmarks/results]

For each size the runner generates the synthetic office (benchmarks/generate.py),
then, each in a child process of its own so that its peak memory (maximum resident set
size) is its own:

- profiles the model: variables, constraints, seconds to gather the month and to
  build the CP-SAT model (without solving);
- plans the month with ``solver.solve.solve_month`` in the default deterministic mode,
  and with ``--fast`` (all cores, wall-clock limit) for the sizes in ``--fast-sizes``;
- plans it with the greedy baseline (solver/baseline.py).

Every plan is verified by the independent checker (``roster.checking``), which also
scores it, so the CP-SAT plan and the greedy plan are measured alike. Each target of the
issue is then printed as met or not met with the measured figure, and the results are
written to ``OUT/results.md`` and ``OUT/results.json``. See docs/benchmarks.md.

The work is split by job: benchmarks/measuring.py runs and measures the children,
benchmarks/targets.py judges the plans, benchmarks/report.py writes the results.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from measuring import CHILD_KINDS, bench_size, child_main, reproducibility
from report import new_results, write_results

ALL_SIZES = ("small", "medium", "large")
DEFAULT_LIMITS = {"small": 10.0, "medium": 30.0, "large": 300.0}
"""Time limit per size (``--time-limit`` of ``roster plan``): the issue's targets."""


def sizes_of(text: str) -> list[str]:
    """``small,medium`` as a list of sizes; an unknown size stops the run."""
    sizes = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in ALL_SIZES]
    if unknown:
        raise SystemExit(f"unknown size {unknown[0]!r}; choose from {', '.join(ALL_SIZES)}")
    return sizes


def limits_of(text: str) -> dict[str, float]:
    """``medium=60,large=120`` over the default time limits."""
    limits = dict(DEFAULT_LIMITS)
    for part in filter(None, (p.strip() for p in text.split(","))):
        size, _, seconds = part.partition("=")
        if size not in ALL_SIZES or not seconds:
            raise SystemExit(f"--limits takes SIZE=SECONDS pairs, e.g. large=120, not {part!r}")
        limits[size] = float(seconds)
    return limits


def parser() -> argparse.ArgumentParser:
    """The command line: the options of a run, and the hidden ones of a child process."""
    found = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    found.add_argument("--sizes", default=",".join(ALL_SIZES), help="e.g. small,medium")
    found.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results")
    found.add_argument("--seed", type=int, default=1, help="seed of the generated offices")
    found.add_argument(
        "--limits", default="", help="time limits, e.g. medium=60,large=120 (default: 10, 30, 300)"
    )
    found.add_argument(
        "--fast-sizes",
        default="medium,large",
        help="sizes also planned with --fast (all cores, wall clock); empty for none",
    )
    found.add_argument(
        "--repro-sizes",
        default="small",
        help="sizes planned twice per mode to compare the plan files; empty for none",
    )
    found.add_argument(
        "--memory-limit-mb",
        type=int,
        default=16000,
        help="address-space limit of each child process (0: none), so that a model too big "
        "for the machine fails alone instead of pushing others out of memory",
    )
    found.add_argument("--note", default="", help="a line about the machine's load")
    found.add_argument("--work", type=Path, help="keep the generated offices and plans here")
    # the child processes (benchmarks/measuring.py)
    found.add_argument("--child", choices=CHILD_KINDS, help=argparse.SUPPRESS)
    for hidden in ("--result", "--folder", "--month", "--plan", "--label"):
        found.add_argument(hidden, help=argparse.SUPPRESS)
    found.add_argument("--limit", type=float, default=10.0, help=argparse.SUPPRESS)
    found.add_argument("--fast", action="store_true", help=argparse.SUPPRESS)
    return found


def main(argv: list[str] | None = None) -> None:
    """Command line (see the module docstring)."""
    args = parser().parse_args(argv)
    if args.child:
        child_main(args)
        return
    sizes = sizes_of(args.sizes)
    limits = limits_of(args.limits)
    fast_sizes = set(sizes_of(args.fast_sizes))
    repro_sizes = sizes_of(args.repro_sizes)
    with tempfile.TemporaryDirectory(prefix="roster-bench-") as temp:
        work = args.work or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        results = new_results(
            args.note, {size: limits[size] for size in sizes}, args.memory_limit_mb
        )
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
    tables, figures, text = write_results(results, args.out)
    print(text)
    print(f"wrote {tables} and {figures}")


if __name__ == "__main__":
    main()
