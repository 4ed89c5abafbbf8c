"""The office lead's overrides: forced and forbidden assignments, and overrides that
break a hard rule, which stop planning with the rule named."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from solver_builders import (
    MONTH,
    THU,
    WED,
    Spec,
    appointment_rule,
    check,
    interpreter,
    person,
    request,
    solve,
    staff_of,
)

from roster.domain.errors import RosterError
from roster.domain.requests import Assign
from solver.baseline import greedy_plan
from solver.forced import check_forced
from solver.model import build_model
from solver.month_input import month_input
from solver.override_check import OverrideProblem, override_problem


def office(**overrides: Any) -> Spec:
    spec = Spec(
        people=[
            person("c1"),
            person("c2"),
            person("l1", "counsellor", "lead"),
            person("t1", trainee=True),
            interpreter("i1", "ar"),
            interpreter("s1", "so"),
            person("a1", absences=[{"from": "2027-02-01", "to": "2027-02-07"}]),
        ],
        answers={("c2", THU): "maybe"},
        overrides=overrides or None,
    )
    spec.open_hours.update(counsellors={"min": 1, "max": 2})  # type: ignore[union-attr]
    spec.open_hours["interpreters"] = {"ar": 1}  # type: ignore[index]
    return spec


def test_forced_assignments_are_in_the_plan() -> None:
    spec = office(
        assign=[
            {"volunteer": "c2", "date": "2027-02-04", "role": "counsellor"},
            {"volunteer": "s1", "date": "2027-02-04", "role": "interpreter", "language": "so"},
            {"volunteer": "l1", "date": "2027-02-04", "role": "lead"},
        ]
    )
    data = spec.data()
    plan = solve(data)
    staff = staff_of(plan, THU)
    assert staff["c2"] == "counsellor"  # although c2 answered maybe
    assert staff["s1"] == "interpreter:so"  # although nobody forecast Somali
    assert staff["l1"] == "counsellor lead"
    assert check(data, plan).ok
    without = plan.model_copy(
        update={
            "sessions": [
                s.model_copy(update={"staff": [e for e in s.staff if e.volunteer != "s1"]})
                for s in plan.sessions
            ]
        }
    )
    assert "overrides" in {v.rule for v in check(data, without).violations}


def test_forbidden_dates_are_kept_free() -> None:
    spec = office(forbid=[{"volunteer": "i1", "date": "2027-02-04"}])
    data = spec.data()
    plan = solve(data)
    assert "i1" not in staff_of(plan, THU)
    (uncovered,) = plan.sessions[0].uncovered
    assert (
        "Person i1 (i1) speaks Arabic well enough and is excluded from Thu 4 Feb by an override"
        in (uncovered.reason)
    )


BREAKING = [
    (
        {"volunteer": "a1", "date": "2027-02-04", "role": "counsellor"},
        "availability",
        "absent 1-7 Feb",
    ),
    (
        {"volunteer": "c1", "date": "2027-02-04", "role": "interpreter", "language": "ar"},
        "qualification",
        "c1 does not have the role interpreter",
    ),
    (
        {"volunteer": "i1", "date": "2027-02-04", "role": "interpreter", "language": "fa"},
        "qualification",
        "i1 does not speak Persian",
    ),
    ({"volunteer": "c1", "date": "2027-02-04", "role": "lead"}, "qualification", "role lead"),
    ({"volunteer": "c1", "date": "2027-02-05", "role": "counsellor"}, "availability", "no session"),
]


@pytest.mark.parametrize(("entry", "rule", "detail"), BREAKING)
def test_an_override_that_breaks_a_hard_rule_names_it(
    entry: dict[str, Any], rule: str, detail: str
) -> None:
    data = office(assign=[entry]).data()
    with pytest.raises(RosterError) as error:
        solve(data)
    text = str(error.value)
    assert f"breaks the hard rule {rule}" in text
    assert detail in text
    assert "overrides/2027-02.yaml, assign[0]" in text


@pytest.mark.parametrize(("entry", "rule", "detail"), BREAKING)
def test_the_pre_check_the_model_and_the_greedy_ask_the_same_override_check(
    entry: dict[str, Any], rule: str, detail: str
) -> None:
    data = office(assign=[entry]).data()
    inp = month_input(data, MONTH, as_of=MONTH.first - timedelta(days=1))
    problem = override_problem(inp, inp.overrides.assign[0])
    assert problem is not None
    assert problem.rule == rule
    assert detail in problem.detail
    with pytest.raises(RosterError) as pre_check:
        check_forced(inp)
    with pytest.raises(RosterError) as model:
        build_model(inp)
    assert str(model.value) == str(pre_check.value)
    with pytest.raises(RosterError, match=r"assign\[0\]: the greedy baseline could not place"):
        greedy_plan(data, MONTH)


def test_an_override_that_can_be_met_passes_the_check_and_the_greedy_places_it() -> None:
    entry = {"volunteer": "c2", "date": "2027-02-04", "role": "counsellor"}
    data = office(assign=[entry]).data()
    inp = month_input(data, MONTH, as_of=MONTH.first - timedelta(days=1))
    assert override_problem(inp, inp.overrides.assign[0]) is None
    check_forced(inp)  # raises on a problem
    assert staff_of(greedy_plan(data, MONTH), THU)["c2"] == "counsellor"


def test_an_override_for_someone_not_in_the_team_cannot_be_met() -> None:
    inp = month_input(office().data(), MONTH, as_of=MONTH.first - timedelta(days=1))
    stranger = Assign.model_validate(
        {"volunteer": "x9", "date": "2027-02-04", "role": "counsellor"}
    )
    assert override_problem(inp, stranger) == OverrideProblem(
        "qualification", "x9 is not in volunteers.yaml"
    )


def test_overrides_that_together_break_a_rule_name_it() -> None:
    spec = office(
        assign=[
            {"volunteer": "c1", "date": "2027-02-04", "role": "counsellor"},
            {"volunteer": "c2", "date": "2027-02-04", "role": "counsellor"},
            {"volunteer": "l1", "date": "2027-02-04", "role": "lead"},
        ]
    )
    with pytest.raises(RosterError, match="counsellors_max"):
        solve(spec.data())
    lonely = office(
        assign=[{"volunteer": "t1", "date": "2027-02-04", "role": "counsellor"}],
        forbid=[{"volunteer": v, "date": "2027-02-04"} for v in ("c1", "c2", "l1")],
    )
    with pytest.raises(RosterError, match="trainee_not_alone"):
        solve(lonely.data())
    twice = office(
        assign=[
            {"volunteer": "c1", "date": "2027-02-04", "role": "counsellor"},
            {"volunteer": "c1", "date": "2027-02-04", "role": "lead"},
        ]
    )
    with pytest.raises(RosterError, match="qualification"):
        solve(twice.data())


def test_a_clash_only_the_solver_sees_is_still_named() -> None:
    # A 1-hour budget and the only appointment lasts 90 minutes: the pre-checks count
    # open-hours time only, so the diagnosis run finds the clash and names the rule.
    spec = Spec(
        people=[person("s1", "social_worker", hours_per_month=1)],
        open_hours=None,
        appointment_hours=appointment_rule(),
        appointments=[request("A-1", minutes=90)],
        overrides={"assign": [{"volunteer": "s1", "date": "2027-02-03", "role": "counsellor"}]},
        weeks=(WED, WED),
    )
    with pytest.raises(RosterError) as error:
        solve(spec.data())
    text = str(error.value)
    assert "hours_per_month" in text
    assert "assign[0]" in text
