"""The example office (examples/velbert, December 2026): planned to proven optimality,
verified, explained, and the same bytes on every run."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from roster.app.plan_texts import plan_numbers, plan_summary
from roster.app.planning import explain_month, plan_month, verify_month
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.io import read_plan
from roster.planfile.schema import Plan

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "velbert"
GOLDEN = Path(__file__).resolve().parents[1] / "data" / "plans" / "velbert-2026-12.json"
DECEMBER = Month(2026, 12)
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> tuple[Plan, Path]:
    folder = tmp_path_factory.mktemp("velbert") / "office"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("rotas"))
    planned = plan_month(folder, DECEMBER, today=TODAY)
    return planned.plan, planned.path


def test_the_example_is_planned_to_proven_optimality(planned: tuple[Plan, Path]) -> None:
    plan, _ = planned
    facts = plan.solver
    assert facts.status == "optimal"
    assert facts.objective == facts.bound == plan.score.total
    assert facts.gap == 0
    assert facts.deterministic
    assert facts.seconds < facts.time_limit == 10.0


def test_the_summary_numbers(planned: tuple[Plan, Path]) -> None:
    plan, path = planned
    numbers = plan_numbers(plan)
    assert (numbers.sessions, numbers.open_hours, numbers.appointment_hours) == (6, 3, 3)
    assert (numbers.needed, numbers.staffed, numbers.unrequested) == (6, 6, 0)
    assert numbers.language_units_uncovered == 7
    assert numbers.other_needs_uncovered == 0
    assert (numbers.scheduled, numbers.unscheduled) == (8, 4)
    assert numbers.spread == 0.6667
    assert plan.score.total == 143090
    assert {p.name: p.value for p in plan.score.penalties if p.value} == {
        "language": 124000,
        "appointment": 16000,
        "continuity": 1500,
        "fairness": 1340,
        "maybe": 75,
        "same_week": 40,
        "consecutive_weeks": 135,
    }
    data = load_office(path.parent.parent)
    lines = plan_summary(plan, path, data).splitlines()
    assert lines[:3] == [
        "Der Dienstplan für Dezember 2026 ist geplant.",
        f"  Datei: {path}",
        "  Sprechstunden besetzt:    6 von 6, die jemanden brauchen (3 offene Sprechstunden, "
        "3 Terminsprechstunden)",
    ]
    assert (
        "  Suche:                    nachweislich der beste Plan ohne mehr Leute als nötig" in lines
    )
    english = plan_summary(plan, path, data, "en").splitlines()
    assert (
        "  sessions staffed:       6 of 6 that need someone (3 open hours, 3 appointment hours)"
        in (english)
    )
    assert any(
        line.endswith(
            "8 scheduled, 4 not scheduled (A-2026-014#1, A-2026-016#1, A-2026-019#1, A-2026-021#1)"
        )
        for line in english
    )


def test_the_example_verifies_and_is_explained(planned: tuple[Plan, Path]) -> None:
    plan, path = planned
    folder = path.parent.parent
    report = verify_month(folder, DECEMBER).report
    assert report.ok, report.violations
    assert report.total == plan.score.total
    assert plan.locale == "de"
    reasons = [u.reason for s in plan.sessions for u in s.uncovered]
    assert (
        "Tigrinya am Do., 10. Dez.: nur Yonas Tesfay (v13) spricht Tigrinya gut genug "
        "und ist 7.-20. Dez. abwesend" in reasons
    )
    tigrinya = next(u for u in plan.unscheduled if u.case == "A-2026-014")
    assert tigrinya.reason.splitlines() == [
        f"Mi., {day}. Dez.: niemand, der kommen kann, dolmetscht Tigrinya oder berät auf "
        "Tigrinya \N{EN DASH} Yonas Tesfay (v13) ist 7.-20. Dez. abwesend"
        for day in (9, 16)
    ]
    text = explain_month(folder, DECEMBER)
    assert "Tigrinya am Do., 10. Dez.: nur Yonas Tesfay (v13) spricht Tigrinya gut genug" in text
    assert text.count("in Frage kamen:") == 7
    for item in plan.unscheduled:
        assert item.key in text
    english = explain_month(folder, DECEMBER, locale="en")
    assert "Tigrinya on Thu 10 Dec: only Yonas Tesfay (v13) speaks Tigrinya well enough" in english
    assert english.count("people considered:") == 7


def test_no_client_data_reaches_the_plan(planned: tuple[Plan, Path]) -> None:
    _, path = planned
    text = path.read_text(encoding="utf-8")
    requests = yaml.safe_load((EXAMPLE / "appointments" / "2026-12.yaml").read_text("utf-8"))
    notes = [item["note"] for item in requests["appointments"] if item.get("note")]
    assert notes
    for note in notes:
        assert note not in text
    assert '"note"' not in text


def test_planning_is_byte_for_byte_reproducible(planned: tuple[Plan, Path], tmp_path: Path) -> None:
    plan, path = planned
    assert path.read_bytes() == GOLDEN.read_bytes(), (
        "the example's plan changed: if that is intended, regenerate "
        "tests/data/plans/velbert-2026-12.json (see docs/planning.md)"
    )
    _planned = plan_month(path.parent.parent, DECEMBER, today=TODAY)
    again, _ = _planned.plan, _planned.path
    assert again == plan and path.read_bytes() == GOLDEN.read_bytes()
    other = tmp_path / "elsewhere"
    shutil.copytree(EXAMPLE, other, ignore=shutil.ignore_patterns("rotas"))
    _planned = plan_month(other, DECEMBER, today=TODAY, fresh=True)
    _, other_path = _planned.plan, _planned.path
    assert other_path.read_bytes() == GOLDEN.read_bytes()
    assert read_plan(GOLDEN) == plan
