"""The benchmark tools (benchmarks/, run on demand): the generator of synthetic offices,
the greedy baseline (solver/baseline.py) on the offices it generates, and the runner's
parts: measuring (a child process), the targets (judged from a run's figures) and the
report (the tables). Nothing here is timed; speed is measured by benchmarks/run.py."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from roster.checking import check_plan
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.history import load_history
from roster.planfile.io import read_plan
from solver.availability import can_lead
from solver.baseline import greedy_plan
from solver.month_input import month_input

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _module(name: str) -> ModuleType:
    """Import ``benchmarks/NAME.py``: a folder of scripts (not a package) that import each
    other by module name, as they do when run as ``python benchmarks/run.py``."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return importlib.import_module(name)


generate = _module("generate")
measuring = _module("measuring")
targets = _module("targets")
report = _module("report")
run = _module("run")


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_generator_is_deterministic_and_writes_a_valid_medium_office(tmp_path: Path) -> None:
    month = generate.generate("medium", tmp_path / "a", seed=7)
    generate.generate("medium", tmp_path / "b", seed=7)
    generate.generate("medium", tmp_path / "c", seed=8)
    first = _files(tmp_path / "a")
    assert first == _files(tmp_path / "b")
    assert first != _files(tmp_path / "c")
    assert set(first) == {
        "office.yaml",
        "volunteers.yaml",
        "visits.csv",
        f"availability/{month}.csv",
        f"appointments/{month}.yaml",
    }
    data = load_office(tmp_path / "a")  # raises RosterError on any invalid file
    assert len(data.volunteers) == 100
    assert len(data.appointments_of(month)) == 60
    assert len({r.language for r in data.visits}) == 15
    kinds = [rule.kind for rule in data.office.sessions]
    assert kinds.count("open_hours") == 3
    assert kinds.count("appointments") == 2
    notes = [item.request.note for item in data.appointments_of(month)]
    assert all(notes), "the generator writes confidential notes, so leaks would show"


def test_greedy_plan_of_the_small_office_keeps_every_hard_rule(tmp_path: Path) -> None:
    month = generate.generate("small", tmp_path / "small")
    assert month == Month(2026, 12)
    data = load_office(tmp_path / "small")
    plan = greedy_plan(data, month)
    report = check_plan(data, plan)
    assert report.violations == []
    assert plan.score.total == report.total > 0
    assert plan.solver.status == "greedy"
    assert plan.appointments, "the greedy schedules appointments"
    for session in plan.sessions:
        if session.needs is None:
            continue
        for need in session.needs.languages:  # never more than the need
            taken = sum(1 for entry in session.staff if entry.language == need.language)
            assert taken <= max(need.interpreters, 0)
    # first come: each open-hours lead is the first lead on the list (by id) who can come
    # and has days left, as on a paper rota
    inp = month_input(data, month, as_of=plan.as_of)
    for session in (s for s in plan.sessions if s.kind == "open_hours"):
        before = {
            (entry.volunteer, s.date)
            for s in plan.sessions
            if s.date < session.date
            for entry in s.staff
        }
        free = [
            p.id
            for p in inp.people
            if can_lead(p)
            and inp.availability.can(p.id, session.date)
            and sum(1 for pid, _ in before if pid == p.id) < p.max_per_month
        ]
        leads = [entry.volunteer for entry in session.staff if entry.lead]
        assert leads == free[:1]


def test_greedy_plan_of_a_generated_medium_office_keeps_every_hard_rule(tmp_path: Path) -> None:
    month = generate.generate("medium", tmp_path / "medium", seed=3)
    data = load_office(tmp_path / "medium")
    plan = greedy_plan(data, month)
    report = check_plan(data, plan)
    assert report.violations == []
    assert len(plan.appointments) + len(plan.unscheduled) == 60
    assert plan.score.total == report.total


# -- the runner's parts -----------------------------------------------------------------------


def _greedy_figures() -> dict[str, Any]:
    return {
        "seconds": 0.1,
        "peak_mb": 100.0,
        "penalty": 1000.0,
        "uncovered_language_units": 10,
        "spread": 1.0,
    }


def _run(size: str, **changes: Any) -> dict[str, Any]:
    """A row as ``solve_row`` makes it from a child's report and the checker's figures."""
    result = {
        "wall_s": 40.0,
        "trace": [[2.0, 1.5, 200.0, 100.0], [20.0, 15.0, 101.0, 100.0], [40.0, 30.0, 100.5, 100.0]],
        "solver": {
            "status": "feasible",
            "seconds": 30.0,
            "deterministic": True,
            "workers": 1,
            "objective": 100.5,
            "bound": 100.0,
            "gap": 0.005,
        },
        "solver_digest": "abc",
    }
    figures = {
        "violations": [],
        "penalty": 100.5,
        "penalties": {},
        "uncovered_language_units": 5,
        "uncovered_language_visitors": 7.5,
        "unscheduled": 0,
        "spread": 0.5,
        "spread_points": 1,
    }
    row: dict[str, Any] = targets.solve_row(
        size, "deterministic", 30.0, result, 250.0, figures, _greedy_figures()
    )
    row.update(changes)
    return row


def _verdicts(row: dict[str, Any]) -> dict[str, bool]:
    return {t["target"]: t["met"] for t in targets.targets_of(row, _greedy_figures())}


def test_a_row_compares_the_run_with_the_greedy_baseline() -> None:
    row = _run("medium")
    assert row["first_plan_s"] == 2.0
    assert row["final_s"] == 40.0
    assert row["objective"] == 100.5
    assert row["language_units_ratio"] == 0.5
    assert row["spread_ratio"] == 0.5
    assert row["solver_digest"] == "abc"
    assert "failed" not in row


def test_gap_at_a_time_is_that_of_the_last_plan_found_by_then() -> None:
    row = _run("medium")
    assert targets.gap_at(row, 1.0) is None  # no plan yet
    assert targets.gap_at(row, 10.0) == pytest.approx(0.5)  # (200 - 100) / 200
    assert targets.gap_at(row, 30.0) == pytest.approx(1 / 101)
    assert targets.gap_at(row, 60.0) == 0.005  # ended by then: its final gap


def test_targets_are_met_or_not_by_the_measured_figures() -> None:
    assert _verdicts(_run("medium")) == {
        "within 1 % of the bound in 30 s": True,
        "strictly fewer uncovered language units than greedy": True,
        "a smaller fairness spread than greedy": True,
    }
    late = _run("medium", trace=[[2.0, 1.5, 200.0, 100.0], [35.0, 30.0, 100.5, 100.0]])
    assert not _verdicts(late)["within 1 % of the bound in 30 s"]
    worse = _run("small", status="optimal", final_s=0.5, uncovered_language_units=10, spread=1.0)
    assert _verdicts(worse) == {
        "proven optimal in under 2 s of solver time": True,
        "strictly fewer uncovered language units than greedy": False,
        "a smaller fairness spread than greedy": False,
    }
    heavy = _verdicts(_run("large", peak_mb=2100.0, first_plan_s=70.0))
    assert not heavy["under 2 GB peak memory"]
    assert not heavy["a first plan within 60 s"]
    assert heavy["within 5 % of the bound in 300 s"]
    broken = _verdicts(_run("small", status="optimal", final_s=0.5, violations=["v01 twice"]))
    assert not broken["no hard-rule violation"]


def test_a_run_without_a_plan_fails_its_targets() -> None:
    row = targets.solve_row(
        "large", "fast", 300.0, {}, 4000.0, None, _greedy_figures(), "killed by signal 9"
    )
    assert row["failed"] == "killed by signal 9"
    [only] = targets.targets_of(row, _greedy_figures())
    assert only["target"] == "a plan"
    assert not only["met"]
    assert "killed by signal 9" in only["measured"]


def test_the_report_tables_show_each_run_and_each_verdict() -> None:
    results = report.new_results("a quiet machine", {"medium": 30.0}, 16000)
    greedy = _greedy_figures()
    late = _run("medium", trace=[[35.0, 30.0, 100.5, 100.0]], first_plan_s=35.0)
    failed = targets.solve_row("medium", "fast", 30.0, {}, 900.0, None, greedy, "exit code 1")
    model = {"failed": "MemoryError"}
    results["sizes"].append(
        {
            "size": "medium",
            "model": model,
            "greedy": greedy,
            "runs": [late, failed],
            "targets": [t for row in (late, failed) for t in targets.targets_of(row, greedy)],
        }
    )
    results["reproducibility"].append(
        {"size": "medium", "mode": "fast", "identical": False, "objectives": [100.5, 101.0]}
    )
    text = report.markdown(results)
    assert "a quiet machine" in text
    assert "| medium | deterministic | 30 | 35.0 | 40.0 | 100 | 100 | 0.50% | 250 | 1,000 |" in text
    assert "| 5 / 10 = 0.50 | 0.5 / 1 = 0.50 |" in text
    assert "| medium | fast | 30 | - | - | no plan: exit code 1 |" in text
    assert "| within 1 % of the bound in 30 s | **not met** | no plan by 30 s |" in text
    assert "| medium | model profile failed: MemoryError |" in text
    assert "| medium | fast | no | 100, 101 |" in text
    assert "the model sources changed during the run" in text  # "abc" and None


def test_the_report_is_written_as_markdown_and_json(tmp_path: Path) -> None:
    results = report.new_results("", {"small": 10.0}, 0)
    tables, figures, text = report.write_results(results, tmp_path / "out")
    assert tables.read_text(encoding="utf-8") == text
    assert json.loads(figures.read_text(encoding="utf-8")) == results


def test_the_runner_reads_sizes_and_time_limits() -> None:
    assert run.sizes_of("small, large") == ["small", "large"]
    assert run.sizes_of("") == []
    with pytest.raises(SystemExit, match="unknown size 'huge'"):
        run.sizes_of("small,huge")
    assert run.limits_of("large=120") == {"small": 10.0, "medium": 30.0, "large": 120.0}
    with pytest.raises(SystemExit, match="SIZE=SECONDS"):
        run.limits_of("large")


def test_the_runner_keeps_its_command_line() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    for option in (
        "--sizes",
        "--out",
        "--seed",
        "--limits",
        "--fast-sizes",
        "--repro-sizes",
        "--memory-limit-mb",
        "--note",
        "--work",
    ):
        assert option in done.stdout


def test_a_child_process_plans_with_the_greedy_and_reports_its_memory(tmp_path: Path) -> None:
    month = generate.generate("small", tmp_path / "small")
    plan_file = tmp_path / "greedy.json"
    options = ["--folder", str(tmp_path / "small"), "--month", str(month)]
    child = measuring.run_child("greedy", [*options, "--plan", str(plan_file)], tmp_path, 0)
    assert child.ok, child.failure
    assert child.peak_mb > 0
    assert child.result["solver_digest"] == measuring.solver_digest()
    plan = read_plan(plan_file)
    assert plan.solver.status == "greedy"
    data = load_office(tmp_path / "small")
    figures = targets.plan_figures(data, load_history(tmp_path / "small", month), plan)
    assert figures["violations"] == []
    assert figures["penalty"] == plan.score.total > 0
    assert figures["uncovered_language_units"] > 0  # the example office is short of interpreters
    assert figures["unscheduled"] == len(plan.unscheduled)
