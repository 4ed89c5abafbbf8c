"""The bound is never above a plan: the open hours' relaxation counts hours as the model and
the checker do, and a bound above a known plan, or a penalty below a bound, is an internal
error naming both figures instead of being clamped away (issue 13, section 1)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from solver_builders import MONTH, Spec, check, interpreter, person, solve

from roster.app.planning import disagreements
from solver import solve as solving
from solver.month_input import month_input
from solver.proof import no_bound_above
from solver.relaxation import Relaxation, relax_open_hours
from solver.solve import solve_month_terms


def hours_just_under_a_session() -> Spec:
    """One Thursday of two hours; the only Arabic interpreter may work 1.995 hours a month,
    which is 119.7 minutes, 120 rounded to the minute as every rule counts it."""
    spec = Spec(people=[person("c1"), interpreter("i1", "ar", hours_per_month=1.995)])
    assert spec.open_hours is not None
    spec.open_hours["interpreters"] = {"ar": 1}
    return spec


def test_the_bound_counts_hours_per_month_rounded_to_the_minute() -> None:
    data = hours_just_under_a_session().data()
    inp = month_input(data, MONTH, as_of=MONTH.first - timedelta(days=1))
    assert relax_open_hours(inp).bound == 0
    plan = solve(data)  # asserts that the checker recomputes every objective term
    assert {e.volunteer for s in plan.sessions for e in s.staff} == {"c1", "i1"}
    assert plan.score.total == 0
    assert check(data, plan).total == 0
    assert (plan.solver.status, plan.solver.objective, plan.solver.bound) == ("optimal", 0, 0)


def test_a_bound_above_the_starting_plan_is_an_internal_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = hours_just_under_a_session().data()
    real = relax_open_hours

    def too_high(inp: object, seconds: float | None = None) -> Relaxation:
        found = real(inp, seconds)  # type: ignore[arg-type]
        return dataclasses.replace(found, bound=found.bound + 99)

    monkeypatch.setattr(solving, "relax_open_hours", too_high)
    with pytest.raises(RuntimeError) as error:
        solve_month_terms(data, MONTH)
    text = str(error.value)
    assert text.startswith("internal error")
    assert "bound of 99" in text and "starting plan scores 0" in text


def test_a_penalty_below_a_bound_is_an_internal_error_never_clamped() -> None:
    with pytest.raises(RuntimeError) as error:
        no_bound_above(1_670, 1_999, "the plan the search found")
    assert "bound of 1,999" in str(error.value) and "scores 1,670" in str(error.value)
    no_bound_above(1_670, 1_670, "the plan the search found")  # equal is proof of optimality


def test_the_checker_finding_a_penalty_below_the_bound_is_a_disagreement() -> None:
    data = hours_just_under_a_session().data()
    plan = solve(data)
    report = check(data, plan)
    terms = {p.name: p.value for p in report.penalties}
    assert disagreements(plan, terms, report) == []
    lied = plan.model_copy(
        update={"solver": plan.solver.model_copy(update={"bound": 1_999.0, "objective": 0.0})}
    )
    problems = disagreements(lied, terms, report)
    assert any("1,999" in line and "below" in line for line in problems), problems
