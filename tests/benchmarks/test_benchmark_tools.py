"""The benchmark tools (benchmarks/, run on demand): the generator of synthetic offices,
and the greedy baseline (solver/greedy.py) on the offices it generates. Nothing here is
timed; speed is measured by benchmarks/run.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from roster.domain.month import Month
from roster.folder.load import load_office
from solver.availability import can_lead
from solver.checker import check_plan
from solver.greedy import greedy_plan
from solver.month_input import month_input

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _module(name: str) -> ModuleType:
    """Import ``benchmarks/NAME.py`` (a folder of scripts, not a package)."""
    qualified = f"roster_benchmarks_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    return module


generate = _module("generate")


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
