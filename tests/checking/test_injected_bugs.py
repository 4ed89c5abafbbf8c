"""Bugs put into the model on purpose: the independent checker must catch each one.

The model's view of who can come, or one of its weights, is made wrong with a
monkeypatch; the solver then plans by the wrong rules, and `roster plan` must refuse to
write the plan while `roster verify` must reject it. Each test first shows that the
office plans cleanly without the bug.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from checking_builders import (
    MONTH,
    THU,
    TinyOffice,
    interpreter,
    open_hours,
    person,
)
from click.testing import CliRunner

from roster.app.planning import plan_office
from roster.checking import check_plan
from roster.cli import main
from roster.domain.office_data import OfficeData
from roster.domain.team import Volunteer
from roster.folder.load import load_office
from roster.planfile.io import plan_path, write_plan
from roster.planfile.schema import StaffEntry
from solver import availability, soft
from solver.availability import DayStatus
from solver.month_input import MonthInput
from solver.solve import solve_month

TODAY = date(2027, 1, 20)


def staff_ids(staff: list[StaffEntry]) -> set[str]:
    return {entry.volunteer for entry in staff}


def away_interpreter() -> TinyOffice:
    """One Thursday needing an Arabic interpreter; the only one is away 1-7 Feb."""
    away = [{"from": "2027-02-01", "to": "2027-02-07"}]
    return TinyOffice(
        people=[person("c1"), interpreter("i1", "ar", absences=away)],
        sessions=[open_hours(interpreters={"ar": 1})],
        weeks=(THU, THU),
    )


def ignore_absences(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model's availability forgets absences (the bug)."""
    real = availability.poll_status

    def careless(data: OfficeData, person: Volunteer, day: date) -> DayStatus:
        return real(data, person.model_copy(update={"absences": []}), day)

    monkeypatch.setattr(availability, "poll_status", careless)


def test_a_model_that_ignores_absences_is_caught_by_plan_and_verify(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = away_interpreter().write(tmp_path / "office")
    data = load_office(folder)
    good = plan_office(data, MONTH, today=TODAY)
    assert staff_ids(good.plan.sessions[0].staff) == {"c1"}  # Arabic stays uncovered
    written = good.path.read_bytes()

    ignore_absences(monkeypatch)
    wrong = solve_month(data, MONTH, today=TODAY)
    assert staff_ids(wrong.sessions[0].staff) == {"c1", "i1"}
    expected = (
        "Thu 4 Feb: Person i1 (i1) is planned for interpreting Arabic but is absent 1-7 Feb "
        "[availability]"
    )
    assert expected in [str(v) for v in check_plan(data, wrong).violations]

    with pytest.raises(RuntimeError) as error:
        plan_office(data, MONTH, today=TODAY, fresh=True)
    assert expected in str(error.value)
    assert "nothing was written" in str(error.value)
    assert good.path.read_bytes() == written

    write_plan(folder, wrong)  # as a planner without the check would have
    verdict = CliRunner().invoke(main, ["verify", str(folder), "--month", str(MONTH)])
    assert verdict.exit_code == 1
    assert expected in verdict.stdout


def no_arabic_speaker() -> TinyOffice:
    """One Thursday needing an Arabic interpreter (4 expected visitors) and nobody to
    interpret: the language penalty is 1 x 4 x 10,000 = 40,000 whatever the plan."""
    return TinyOffice(
        people=[person("c1"), person("c2")],
        sessions=[open_hours(interpreters={"ar": 1})],
        weeks=(THU, THU),
    )


def test_a_wrong_weight_in_the_model_is_caught_term_by_term(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = no_arabic_speaker().data(tmp_path)
    good = plan_office(data, MONTH, today=TODAY, fresh=True)
    assert good.plan.solver.objective == good.plan.score.total == 40_000
    good.path.unlink()

    real = soft.language_coeff
    monkeypatch.setattr(soft, "language_coeff", lambda inp, need: 2 * real(inp, need))
    with pytest.raises(RuntimeError) as error:
        plan_office(data, MONTH, today=TODAY, fresh=True)
    text = str(error.value)
    assert "language: the solver's objective term is 80,000, the checker recomputes 40,000" in text
    assert "total: the solver's objective is 80,000, the checker recomputes 40,000" in text
    assert "fairness" not in text  # the other terms agree
    assert not plan_path(tmp_path, MONTH).exists()


def test_a_weight_the_model_and_its_own_figures_share_is_caught_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model and the plan's score (solver.figures) read the weights from one place:
    a wrong weight there makes them agree with each other, not with the checker."""
    data = no_arabic_speaker().data(tmp_path)
    assert check_plan(data, solve_month(data, MONTH, today=TODAY)).ok

    def wrong(inp: MonthInput) -> object:
        return inp.data.office.priorities.model_copy(update={"language": 9_999})

    monkeypatch.setattr(MonthInput, "priorities", property(wrong))
    plan = solve_month(data, MONTH, today=TODAY)
    assert plan.solver.objective == plan.score.total == 39_996
    with pytest.raises(RuntimeError) as error:
        plan_office(data, MONTH, today=TODAY, fresh=True)
    text = str(error.value)
    assert "language: the solver's objective term is 39,996, the checker recomputes 40,000" in text
    assert "the plan gives its penalty as 39,996, its assignments give 40,000 [report]" in text
