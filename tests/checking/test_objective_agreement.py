"""The solver's objective and the checker's penalty agree exactly, term by term, after
every solve; nothing lowers the objective to make them agree."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from checking_builders import MONTH, THU, TinyOffice, interpreter, open_hours, person
from ortools.sat.python import cp_model

from roster.app.planning import disagreements, plan_month, plan_office, verify_month
from roster.checking import check_plan
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.planfile.io import plan_path, read_plan
from roster.planfile.schema import Plan
from solver import solve as solving
from solver.model import build_model
from solver.month_input import month_input
from solver.relaxation import Relaxation, relax_open_hours
from solver.solve import exact_terms, objective_terms, solve_month_terms

TODAY = date(2027, 1, 20)
REPO = Path(__file__).resolve().parents[2]


def everyone_fits() -> TinyOffice:
    """One Thursday: two counsellors and an Arabic interpreter, all needed: penalty 0."""
    return TinyOffice(
        people=[person("c1"), person("c2"), interpreter("i1", "ar")],
        sessions=[open_hours(counsellors={"min": 1, "max": 3}, interpreters={"ar": 1})],
        weeks=(THU, THU),
    )


def test_the_objective_terms_are_the_checker_penalties() -> None:
    data = everyone_fits().data()
    solved = solve_month_terms(data, MONTH, today=TODAY)
    report = check_plan(data, solved.plan)
    assert solved.objective_terms == {p.name: p.value for p in report.penalties}
    assert solved.plan.solver.objective == report.total == 0
    assert disagreements(solved.plan, solved.objective_terms, report) == []


def bound_raised_by(points: int) -> Callable[[object], Relaxation]:
    """The open hours' relaxation with a bound ``points`` too high (a wrong bound)."""
    real = relax_open_hours

    def too_high(inp: object, seconds: float | None = None) -> Relaxation:
        found = real(inp, seconds)  # type: ignore[arg-type]
        return dataclasses.replace(found, bound=found.bound + points)

    return too_high


def test_a_bound_above_the_optimum_is_an_internal_error_not_a_lower_objective(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wrong bound above the starting plan, a plan known to score 0, stops the solve
    with both figures; nothing lowers either to make them agree, nothing is written."""
    data = everyone_fits().data(tmp_path)
    monkeypatch.setattr(solving, "relax_open_hours", bound_raised_by(500))
    for run in (
        lambda: solve_month_terms(data, MONTH, today=TODAY),
        lambda: plan_office(data, MONTH, today=TODAY, fresh=True),
    ):
        with pytest.raises(RuntimeError) as error:
            run()
        assert "a bound of 500" in str(error.value)
        assert "the starting plan scores 0" in str(error.value)
    assert not plan_path(tmp_path, MONTH).exists()


def test_a_bound_above_the_optimum_without_a_starting_plan_is_found_by_the_checker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a starting plan to compare with, a wrong bound forces the solver to carry
    penalty it does not have; the plan's objective must not be quietly lowered to the
    checker's figure."""
    data = everyone_fits().data(tmp_path)
    monkeypatch.setattr(solving, "relax_open_hours", bound_raised_by(500))

    def no_start(*args: object, **options: object) -> Plan:
        raise RosterError("the greedy could not place an override")

    monkeypatch.setattr(solving, "greedy_of", no_start)
    solved = solve_month_terms(data, MONTH, today=TODAY)
    assert solved.plan.solver.objective >= 500
    assert solved.plan.score.total == 0
    with pytest.raises(RuntimeError) as error:
        plan_office(data, MONTH, today=TODAY, fresh=True)
    text = str(error.value)
    assert "the checker recomputes 0" in text
    assert f"total: the solver's objective is {solved.plan.solver.objective:,.0f}" in text
    assert "a penalty of 0, below the bound of" in text
    assert not plan_path(tmp_path, MONTH).exists()


def test_slack_in_the_penalty_variables_is_taken_out_with_the_decisions_kept() -> None:
    """A solution at the time limit may carry slack in its one-sided penalty variables:
    with its decisions fixed, CP-SAT evaluates each term exactly."""
    data = everyone_fits().data()
    inp = month_input(data, MONTH, as_of=TODAY)
    built = build_model(inp)
    solver = cp_model.CpSolver()
    assert solver.solve(built.model) == cp_model.OPTIMAL
    exact = objective_terms(built, solver)
    assert sum(exact.values()) == 0
    slack = built.model.clone()

    def fix(index: int, value: int) -> None:
        domain = slack.proto.variables[index].domain
        domain.clear()
        domain.extend([value, value])

    for var in built.variables.decisions():
        fix(var.index, solver.value(var))
    (short,) = [term.expr for term in built.terms if term.name == "language"]
    fix(short.index, 1)  # Arabic counted missing although i1 interprets it
    slacked = cp_model.CpSolver()
    assert slacked.solve(slack) == cp_model.OPTIMAL
    assert objective_terms(built, slacked)["language"] == 40_000
    assert exact_terms(built, slacked) == exact


def test_a_hand_edited_plan_is_planned_again_not_kept(tmp_path: Path) -> None:
    folder = everyone_fits().write(tmp_path / "office")
    first = plan_month(folder, MONTH, today=TODAY, time_limit=5)
    assert plan_month(folder, MONTH, today=TODAY, time_limit=5).plan == first.plan
    edited = first.plan.model_copy(
        update={"sessions": [s.model_copy(update={"staff": []}) for s in first.plan.sessions]}
    )
    first.path.write_text(edited.to_json(), encoding="utf-8")  # same inputs, same digest
    again = plan_month(folder, MONTH, today=TODAY, time_limit=5)
    assert again.plan.previous is not None  # solved again, replacing the edited plan
    assert [s.staff for s in again.plan.sessions] == [s.staff for s in first.plan.sessions]
    assert read_plan(first.path) == again.plan
    assert verify_month(folder, MONTH).report.ok


def test_the_example_office_verifies_as_before(tmp_path: Path) -> None:
    folder = tmp_path / "velbert"
    shutil.copytree(REPO / "examples" / "velbert", folder, ignore=shutil.ignore_patterns("rotas"))
    (folder / "rotas").mkdir()
    golden = REPO / "tests" / "data" / "plans" / "velbert-2026-12.json"
    shutil.copy(golden, folder / "rotas" / "2026-12.json")
    verified = verify_month(folder, Month(2026, 12))
    assert verified.text() == (
        "Der Dienstplan für Dezember 2026 hält jede Regel ein, die gelten muss, und seine "
        "Zahlen stimmen (Strafpunkte: 143.090)."
    )
    assert verify_month(folder, Month(2026, 12), locale="en").text() == (
        "The rota for December 2026 keeps every rule that must hold, and its figures are "
        "right (penalty 143,090)."
    )
    plan = read_plan(golden)
    assert verified.report.penalties == plan.score.penalties
    assert plan.as_of + timedelta(days=6) == date(2026, 12, 1)
