"""Planning a month again: sessions before --today stay as they were, later ones change
as little as possible; --fresh starts over; an unchanged month keeps its plan file."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from solver_builders import (
    MONTH,
    THU,
    WED,
    Spec,
    appointment_rule,
    check,
    penalty,
    person,
    request,
    solve,
    staff_of,
)

from roster.app.planning import plan_month, verify_month
from roster.domain.errors import RosterError
from roster.planfile.facts import changes, plan_facts, split
from roster.planfile.io import read_plan

THURSDAYS = [THU + timedelta(days=7 * n) for n in range(4)]


def month_of_thursdays() -> Spec:
    spec = Spec(people=[person(f"c{n}") for n in range(1, 6)], weeks=(THU, THURSDAYS[-1]))
    spec.open_hours["counsellors"] = {"min": 1, "max": 1}  # type: ignore[index]
    return spec


def test_a_replan_keeps_the_past_and_changes_little() -> None:
    spec = month_of_thursdays()
    first = solve(spec.data())
    (gone,) = staff_of(first, THURSDAYS[2])
    spec.answers[(gone, THURSDAYS[2])] = "no"  # the person on the third Thursday cancels
    today = THURSDAYS[1] + timedelta(days=1)
    data = spec.data()
    second = solve(data, today=today, previous=first)
    assert check(data, second).ok
    for day in THURSDAYS[:2]:
        assert staff_of(second, day) == staff_of(first, day)
    assert gone not in staff_of(second, THURSDAYS[2])
    assert staff_of(second, THURSDAYS[3]) == staff_of(first, THURSDAYS[3])
    changed = changes(plan_facts(first), plan_facts(second), today)
    assert len(changed) == 2  # one person out, one in
    assert penalty(second, "change") == 2
    assert second.previous is not None
    assert second.previous.facts == plan_facts(first)
    # the checker catches a plan that rewrites the past
    past = split(plan_facts(second), today)[0]
    assert past == split(plan_facts(first), today)[0]
    rewritten = second.model_copy(
        update={
            "sessions": [
                s.model_copy(update={"staff": []}) if s.date == THU else s for s in second.sessions
            ]
        }
    )
    assert "kept_sessions" in {v.rule for v in check(data, rewritten).violations}


def test_a_past_session_that_the_data_now_forbids_is_an_error() -> None:
    spec = month_of_thursdays()
    first = solve(spec.data())
    (person_id,) = staff_of(first, THU)
    spec.answers[(person_id, THU)] = "no"
    with pytest.raises(RosterError) as error:
        solve(spec.data(), today=THURSDAYS[1], previous=first)
    text = str(error.value)
    assert "rotas/2027-02.json" in text
    assert "breaks the hard rule availability" in text
    assert "--fresh" in text
    fresh = solve(spec.data(), today=THURSDAYS[1])
    assert person_id not in staff_of(fresh, THU)


def test_planning_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    folder = month_of_thursdays().write(tmp_path / "office")
    today = date(2027, 1, 20)
    _planned = plan_month(folder, MONTH, today=today, time_limit=5)
    plan, path = _planned.plan, _planned.path
    first = path.read_bytes()
    seen: list[tuple[float, float, float]] = []
    _planned = plan_month(
        folder, MONTH, today=today, time_limit=5, progress=lambda *a: seen.append(a)
    )
    again, _ = _planned.plan, _planned.path
    assert path.read_bytes() == first
    assert again == plan
    assert seen == [(0.0, plan.solver.objective, plan.solver.bound)]
    _planned = plan_month(folder, MONTH, today=today, time_limit=5, fresh=True)
    fresh, _ = _planned.plan, _planned.path
    assert path.read_bytes() == first
    assert fresh.previous is None
    assert verify_month(folder, MONTH).report.ok


def test_a_later_replan_records_what_it_replaced(tmp_path: Path) -> None:
    folder = month_of_thursdays().write(tmp_path / "office")
    _planned = plan_month(folder, MONTH, today=date(2027, 1, 20), time_limit=5)
    first, path = _planned.plan, _planned.path
    _planned = plan_month(folder, MONTH, today=THURSDAYS[1], time_limit=5)
    second, _ = _planned.plan, _planned.path
    assert second.previous is not None
    assert second.previous.input_digest == first.input_digest
    assert penalty(second, "change") == 0  # nothing changed in the office
    assert [s.staff for s in second.sessions] == [s.staff for s in first.sessions]
    assert read_plan(path) == second
    assert verify_month(folder, MONTH).report.ok


def test_earlier_months_count_for_fairness(tmp_path: Path) -> None:
    spec = month_of_thursdays()
    folder = spec.write(tmp_path / "office")
    _planned = plan_month(folder, MONTH, today=date(2027, 1, 20), time_limit=5)
    plan, _ = _planned.plan, _planned.path
    january = plan.model_copy(update={"month": "2027-01"})
    (folder / "rotas" / "2027-01.json").write_text(january.to_json(), encoding="utf-8")
    _planned = plan_month(folder, MONTH, today=date(2027, 1, 20), time_limit=5, fresh=True)
    again, _ = _planned.plan, _planned.path
    assert again.fairness.window == ["2027-01", "2027-02"]
    assert "rotas/2027-01.json" in again.inputs
    for before, now in zip(plan.load, again.load, strict=True):
        assert now.window_duties == before.duties + now.duties
        assert now.window_offered == before.offered + now.offered
    assert verify_month(folder, MONTH).report.ok


def test_the_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    spec = month_of_thursdays()
    spec.appointment_hours = appointment_rule(desks=2)
    spec.weeks = (WED, THURSDAYS[-1])
    spec.appointments = [request("A-1", "de"), request("A-2", "de", minutes=30)]
    results = []
    for seed in ("1", "2"):
        folder = spec.write(tmp_path / seed)
        first = plan_cli(folder, "2027-01-20", seed)
        spec.answers[("c1", THURSDAYS[3])] = "no"
        spec.write(folder)
        second = plan_cli(folder, "2027-02-12", seed)
        del spec.answers[("c1", THURSDAYS[3])]
        results.append((first, second))
    assert results[0] == results[1]
    assert results[0][0] != results[0][1]


def plan_cli(folder: Path, today: str, hash_seed: str) -> bytes:
    """Plan in a new Python process with the given hash seed; the plan file's bytes."""
    code = "from roster.cli import main; main()"
    args = ["plan", str(folder), "--month", "2027-02", "--today", today, "--quiet"]
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, capture_output=True)
    return (folder / "rotas" / "2027-02.json").read_bytes()
