"""Benchmark the planner against the issue's targets; write a Markdown table and JSON.

    python benchmarks/run.py [--sizes small,medium,large] [--seeds 1,2,3] [--out DIR]
    python benchmarks/run.py --parts peers --peer-budgets 1,10,60   # the peers only
    python benchmarks/run.py --quick                                # a smoke run

For each size and each seed of the generator (``--seeds``, default 1,2,3; the small
office is the fixed example office, planned once) the runner generates the synthetic
office (benchmarks/generate.py), then, each in a child process of its own so that its
peak memory (maximum resident set size) is its own:

- profiles the model: variables, constraints, seconds to gather the month and to
  build the CP-SAT model (without solving);
- plans the month with ``solver.solve.solve_month`` in the default deterministic mode,
  and with ``--fast`` (all cores, wall-clock limit) for the sizes in ``--fast-sizes``;
- plans it with the greedy baseline (solver/baseline.py);
- (``--parts scaling``) the scaling table of benchmarks/scaling.py (the large office's
  shape from 30 volunteers up);
- (``--parts peers``) plans it with each peer at each of ``--peer-budgets`` wall-clock
  seconds: roster in both modes, the MIP of the same objective (HiGHS, benchmarks/peers/)
  and the greedy baseline (benchmarks/peers/compare.py).

Every plan is verified by the independent checker (``roster.checking``), which also
scores it, so the CP-SAT plan and the greedy plan are measured alike. Each target of the
issue is then printed as met or not met with the measured figure, over the seeds: met
only when the worst run meets it, with the median and the worst run shown. The results
are written to ``OUT/results.md`` and ``OUT/results.json``. See docs/benchmarks.md.

The work is split by job: benchmarks/measuring.py runs and measures the children,
benchmarks/targets.py judges the plans, benchmarks/report.py writes the results.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from measuring import CHILD_KINDS, bench_size, child_main, reproducibility
from peers.compare import bench_peers
from report import new_results, write_results
from scaling import COUNTS
from scaling import main as scaling_main
from targets import aggregate

ALL_SIZES = ("small", "medium", "large")
ALL_PARTS = ("targets", "peers", "scaling")
QUICK = ["--sizes", "small", "--seeds", "1", "--limits", "small=2", "--repro-sizes", ""]
QUICK += ["--fast-sizes", "", "--peer-budgets", "1,2", "--parts", "targets,peers"]
QUICK += ["--out", str(Path(tempfile.gettempdir()) / "roster-bench-quick")]
"""``--quick``: a smoke run of every part on the small office, in about half a minute,
written to a temporary folder unless ``--out`` says otherwise."""
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


def numbers_of(text: str, what: str) -> list[float]:
    """``1,10,60`` as numbers; anything else stops the run."""
    try:
        return [float(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise SystemExit(f"{what} takes numbers separated by commas, not {text!r}") from None


def parts_of(text: str) -> list[str]:
    """``targets,peers`` as a list of parts of the run."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    unknown = [p for p in parts if p not in ALL_PARTS]
    if unknown:
        raise SystemExit(f"unknown part {unknown[0]!r}; choose from {', '.join(ALL_PARTS)}")
    return parts


def seeds_for(size: str, seeds: list[int]) -> list[int]:
    """The seeds a size is run with: the small office is fixed, so one run suffices."""
    return seeds[:1] if size == "small" else seeds


def parser() -> argparse.ArgumentParser:
    """The command line: the options of a run, and the hidden ones of a child process."""
    found = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    found.add_argument("--sizes", default=",".join(ALL_SIZES), help="e.g. small,medium")
    found.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results")
    found.add_argument(
        "--seeds", default="1,2,3", help="seeds of the generated offices, each run (default 1,2,3)"
    )
    found.add_argument(
        "--parts",
        default=",".join(ALL_PARTS),
        help="targets (the issue's targets), peers, scaling (benchmarks/scaling.py)",
    )
    found.add_argument(
        "--peer-budgets", default="1,10,60", help="wall-clock budgets of the peers, seconds"
    )
    found.add_argument("--peer-sizes", default=",".join(ALL_SIZES), help="sizes the peers plan")
    found.add_argument("--quick", action="store_true", help="a smoke run on the small office")
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
    if args.quick:
        given = sys.argv[1:] if argv is None else argv
        args = parser().parse_args([*QUICK, *given])  # options given win over --quick's
    if args.child:
        child_main(args)
        return
    sizes = sizes_of(args.sizes)
    limits = limits_of(args.limits)
    fast_sizes = set(sizes_of(args.fast_sizes))
    repro_sizes = sizes_of(args.repro_sizes)
    seeds = [int(seed) for seed in numbers_of(args.seeds, "--seeds")]
    parts = parts_of(args.parts)
    budgets = numbers_of(args.peer_budgets, "--peer-budgets")
    with tempfile.TemporaryDirectory(prefix="roster-bench-") as temp:
        work = args.work or Path(temp)
        work.mkdir(parents=True, exist_ok=True)
        results = new_results(
            args.note, {size: limits[size] for size in sizes}, args.memory_limit_mb
        )
        results["seeds"] = seeds
        results["peer_budgets_s"] = budgets
        for size in sizes if "targets" in parts else []:
            modes = ["deterministic", *(["fast"] if size in fast_sizes else [])]
            for seed in seeds_for(size, seeds):
                results["sizes"].append(
                    bench_size(size, limits[size], modes, seed, work, args.memory_limit_mb)
                )
        results["targets"] = aggregate([t for b in results["sizes"] for t in b["targets"]])
        for size in repro_sizes if "targets" in parts else []:
            results["reproducibility"].extend(
                reproducibility(
                    size,
                    limits[size],
                    ["deterministic", "fast"],
                    seeds[0],
                    work,
                    args.memory_limit_mb,
                )
            )
        peer_sizes = [s for s in sizes_of(args.peer_sizes) if s in sizes]
        for size in peer_sizes if "peers" in parts else []:
            for seed in seeds_for(size, seeds):
                results["peers"].append(
                    bench_peers(size, seed, budgets, work, args.memory_limit_mb)
                )
        results["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    tables, figures, text = write_results(results, args.out)
    print(text)
    print(f"wrote {tables} and {figures}")
    if "scaling" in parts:  # OUT/scaling.md and scaling.json, 30 to 10,000 volunteers
        counts = ",".join(str(count) for count in COUNTS)
        scaling_main(["--counts", counts, "--seed", str(seeds[0]), "--out", str(args.out)])


if __name__ == "__main__":
    main()
