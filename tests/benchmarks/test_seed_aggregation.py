"""The benchmark runner over several seeds (issue 13, §6): a target is met only when the
worst run meets it, with the median and the worst run shown; and the peer tables
(benchmarks/peers/): median and worst figures, roster against the peers, time to reach
roster's quality at 10 s."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _module(name: str) -> ModuleType:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return importlib.import_module(name)


targets = _module("targets")
report = _module("report")
run = _module("run")
compare = _module("peers.compare")
table = _module("peers.table")


def _item(seed: int, value: float | None, met: bool, target: str = "spread") -> dict[str, Any]:
    return {
        "size": "large",
        "mode": "fast",
        "target": target,
        "met": met,
        "measured": f"seed {seed}: {value}",
        "value": value,
        "seed": seed,
    }


def test_a_target_over_seeds_shows_median_and_worst_and_is_met_only_if_all_are() -> None:
    items = [_item(1, -0.1, True), _item(2, 0.05, False), _item(3, -0.2, True)]
    [spread] = targets.aggregate(items)
    assert spread["runs"] == 3
    assert spread["met_runs"] == 2
    assert not spread["met"]
    assert spread["worst"]["seed"] == 2
    assert spread["median"]["seed"] == 1  # -0.2, -0.1, 0.05: the middle run
    [held] = targets.aggregate([_item(1, 0.3, True), _item(2, None, True), _item(3, 0.1, True)])
    assert held["met"]
    assert held["worst"]["seed"] == 2  # no figure counts as the worst
    assert held["median"]["seed"] == 1
    two = targets.aggregate([_item(1, 1.0, True, "a"), _item(1, 2.0, True, "b")])
    assert [t["target"] for t in two] == ["a", "b"]  # kept apart, in order


def test_the_report_judges_each_target_by_its_worst_seed() -> None:
    results = report.new_results("", {"large": 300.0}, 0)
    for seed, met in ((1, True), (2, False), (3, True)):
        results["sizes"].append(
            {
                "size": "large",
                "seed": seed,
                "model": {"failed": "not profiled"},
                "greedy": {},
                "runs": [],
                "targets": [_item(seed, seed, met)],
            }
        )
    text = report.markdown(results)
    assert "| large | fast | spread | **not met** (2 of 3 runs) |" in text
    assert "median: seed 3: 3; worst (seed 2): seed 2: 2 |" in text  # unmet runs rank last


def test_median_and_worst_of_figures() -> None:
    assert table.median_worst([3.0, 1.0, 2.0]) == (2.0, 3.0)
    assert table.median_worst([3.0, None, 2.0]) == (3.0, None)
    assert table.median_worst([1.0, 5.0, 3.0], larger_is_worse=False) == (3.0, 1.0)
    assert table.median_worst([]) == (None, None)


def _row(peer: str, budget: float, penalty: float | None, bound: float | None) -> dict[str, Any]:
    result: dict[str, Any] = {"wall_s": budget, "trace": [[budget / 2, 0, (penalty or 0) * 2, 0]]}
    if peer != "greedy":
        result["solver"] = {"status": "feasible", "bound": bound}
    figures = None
    if penalty is not None:
        figures = {
            "penalty": penalty,
            "violations": [],
            "uncovered_language_units": 3,
            "unscheduled": 1,
            "spread": 0.5,
        }
    row: dict[str, Any] = compare.peer_row(peer, budget, result, figures, 100.0, None)
    return row


def test_roster_against_the_peers_and_the_time_to_reach_its_quality() -> None:
    bench = {
        "size": "medium",
        "seed": 1,
        "runs": [
            _row("roster", 10.0, 100.0, 90.0),
            _row("roster --fast", 10.0, 110.0, 95.0),
            _row("mip (HiGHS)", 10.0, None, 92.0),  # no plan, a bound
            _row("greedy", 10.0, 105.0, None),
        ],
    }
    verdicts = {(t["mode"], t["target"]): t["met"] for t in table.peer_targets(bench)}
    assert verdicts == {
        ("roster", "at least as good as every peer at 10 s"): True,
        ("roster", "a bound at least as tight as the MIP's at 10 s"): False,
        ("roster --fast", "at least as good as every peer at 10 s"): False,
        ("roster --fast", "a bound at least as tight as the MIP's at 10 s"): True,
    }
    mip: dict[str, Any] = bench["runs"][2]  # type: ignore[index]
    assert mip["status"] == "feasible"
    assert "penalty" not in mip
    assert compare.time_to_reach(mip, 100.0) is None
    slow = _row("mip (HiGHS)", 60.0, 100.0, 92.0)
    assert compare.time_to_reach(slow, 100.0) == 60.0  # its trace never did; its end does
    slow["trace"].append([12.5, 0, 99.0, 92.0])
    assert compare.time_to_reach(slow, 100.0) == 12.5
    text = "\n".join(table.markdown_peers([bench]))
    assert "| medium | 10 | mip (HiGHS) | 1 | feasible | 10.0 | - | 92 | - |" in text
    assert (
        "| medium | 10 | greedy | 1 | greedy | 10.0 | 105 | - | - | 3 | 1 | 0.5 | 100 | valid |"
        in text
    )
    assert (
        "| medium | roster | a bound at least as tight as the MIP's at 10 s | **not met** |" in text
    )


def test_the_runner_reads_seeds_parts_and_budgets() -> None:
    assert run.seeds_for("small", [1, 2, 3]) == [1]  # the example office is fixed
    assert run.seeds_for("large", [1, 2, 3]) == [1, 2, 3]
    assert run.numbers_of("1, 10,60", "--peer-budgets") == [1.0, 10.0, 60.0]
    assert run.parts_of("peers") == ["peers"]
    bad_options: list[Callable[[], object]] = [
        lambda: run.parts_of("plots"),
        lambda: run.numbers_of("1,x", "--seeds"),
    ]
    for bad in bad_options:
        try:
            bad()
        except SystemExit:
            continue
        raise AssertionError("a bad option must stop the run")
