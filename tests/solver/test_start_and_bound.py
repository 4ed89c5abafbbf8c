"""Where the search starts and what it can prove: the open-hours relaxation
(solver.relaxation) gives a lower bound and a guide, the guided greedy plan is the
complete starting hint (solver.warm_start), and large offices consider fewer appointment
candidates (solver.variables.candidates_per_option)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from solver_builders import MONTH, THU, Spec, check, interpreter, person, solve, staff_of

from roster.checking import check_plan
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.schema import Plan
from solver import variables
from solver.guided_start import greedy_of
from solver.model import build_model
from solver.month_input import MonthInput, month_input
from solver.relaxation import relax_open_hours
from solver.solve import solve_month

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "velbert"
DECEMBER = Month(2026, 12)


def example_input() -> MonthInput:
    data = load_office(EXAMPLE)
    return month_input(data, DECEMBER, as_of=DECEMBER.first - timedelta(days=1))


def short_of_arabic() -> Spec:
    """One Thursday: two Arabic interpreters needed (8 expected visitors), one exists."""
    spec = Spec(people=[person("c1"), interpreter("i1", "ar")])
    assert spec.open_hours is not None
    spec.open_hours["interpreters"] = {"ar": 2}
    return spec


def test_the_bound_of_a_plain_shortage_is_that_shortage() -> None:
    data = short_of_arabic().data()
    inp = month_input(data, MONTH, as_of=MONTH.first - timedelta(days=1))
    relaxation = relax_open_hours(inp)
    plan = solve(data)
    # one interpreter unit missing, weighted by 8 expected visitors: 80,000 points
    assert relaxation.bound == pytest.approx(80_000, abs=1)
    assert relaxation.bound <= plan.score.total
    assert plan.solver.status == "optimal"
    assert relaxation.guide[f"{THU.isoformat()}-open-1400", "interpreter:ar"] == ["i1"]


def test_the_bound_never_exceeds_the_optimum_of_the_example_office() -> None:
    inp = example_input()
    relaxation = relax_open_hours(inp)
    plan = solve_month(inp.data, DECEMBER, time_limit=10)
    assert plan.solver.status == "optimal"
    assert 0 < relaxation.bound <= plan.score.total
    assert plan.solver.bound == plan.score.total


def test_the_guided_start_keeps_every_hard_rule_and_the_plan_is_no_worse() -> None:
    inp = example_input()
    relaxation = relax_open_hours(inp)
    start = greedy_of(inp, relaxation.guide)
    report = check_plan(inp.data, start)
    assert report.ok, report.violations
    assert start.score.total < greedy_of(inp).score.total
    plan = solve_month(inp.data, DECEMBER, time_limit=10)
    assert plan.score.total <= start.score.total


def test_the_starting_hint_is_complete() -> None:
    inp = example_input()
    built = build_model(inp, start=greedy_of(inp, relax_open_hours(inp).guide))
    hint = built.model.proto.solution_hint
    assert len(hint.vars) == len(built.model.proto.variables)


def test_a_guide_that_names_people_who_cannot_come_is_ignored_safely() -> None:
    data = short_of_arabic().data()
    inp = month_input(data, MONTH, as_of=MONTH.first - timedelta(days=1))
    sid = f"{THU.isoformat()}-open-1400"
    wrong = {(sid, "interpreter:ar"): ["c1"], (sid, "counsellor"): ["i1"]}
    plan = greedy_of(inp, wrong)
    assert check(data, plan).ok
    staffed = {(e.volunteer, e.role) for s in plan.sessions for e in s.staff}
    assert ("i1", "interpreter") in staffed
    assert ("c1", "counsellor") in staffed


def test_a_city_office_considers_fewer_candidates_per_appointment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inp = example_input()
    assert variables.candidates_per_option(inp) == variables.APPOINTMENT_CANDIDATES
    monkeypatch.setattr(variables, "APPOINTMENT_CANDIDATE_BUDGET", 1)
    assert variables.candidates_per_option(inp) == variables.FEWEST_CANDIDATES
    built = build_model(inp)
    named = {item.key: item.request.counsellor for item in inp.appointments}
    for (key, _), people in built.variables.appt_counsellor.items():
        assert len(set(people) - {named[key]}) <= variables.FEWEST_CANDIDATES
    plan = solve_month(inp.data, DECEMBER, time_limit=10)
    assert check_plan(inp.data, plan).ok


NEXT_THU = THU + timedelta(days=7)


def guided(spec: Spec) -> tuple[Plan, Plan]:
    """(guided start, plain greedy) of a tiny office, both checked."""
    data = spec.data()
    inp = month_input(data, MONTH, as_of=MONTH.first - timedelta(days=1))
    start, plain = greedy_of(inp, relax_open_hours(inp).guide), greedy_of(inp)
    assert check(data, start).ok and check(data, plain).ok
    return start, plain


def one_thursday(*people: dict[str, object], interpreters: dict[str, int]) -> Spec:
    spec = Spec(people=list(people))
    assert spec.open_hours is not None
    spec.open_hours["counsellors"] = {"min": 1, "max": 2}
    spec.open_hours["interpreters"] = interpreters
    return spec


def test_the_start_gives_an_idle_volunteer_a_first_duty_where_there_is_room() -> None:
    start, plain = guided(one_thursday(person("c1"), person("c2"), interpreters={}))
    assert set(staff_of(plain, THU)) == {"c1"}  # the paper rota stops at counsellors.min
    assert set(staff_of(start, THU)) == {"c1", "c2"}
    assert (start.fairness.spread, plain.fairness.spread) == (0, 1)
    assert start.score.total < plain.score.total


def test_the_start_hands_over_a_duty_from_someone_with_two() -> None:
    spec = Spec(
        people=[person("c1"), person("c2", weekdays=["wednesday"])],
        weeks=(THU, NEXT_THU),
        answers={("c2", NEXT_THU): "yes"},
    )
    assert spec.open_hours is not None
    spec.open_hours["counsellors"] = {"min": 1, "max": 1}
    start, plain = guided(spec)
    assert (staff_of(plain, THU), staff_of(plain, NEXT_THU)) == (
        {"c1": "counsellor"},
        {"c1": "counsellor"},
    )
    assert (staff_of(start, THU), staff_of(start, NEXT_THU)) == (
        {"c1": "counsellor"},
        {"c2": "counsellor"},
    )
    assert (start.fairness.spread, plain.fairness.spread) == (0.5, 1)


def test_first_duties_are_all_or_nothing() -> None:
    # c2 could join as a second counsellor, but i2 can only take i1's one duty: nobody moves
    people = [person("c1"), person("c2"), interpreter("i1", "ar"), interpreter("i2", "ar")]
    start, _ = guided(one_thursday(*people, interpreters={"ar": 1}))
    assert len(staff_of(start, THU)) == 2
    assert start.fairness.spread == 1
    start, _ = guided(one_thursday(*people[:3], interpreters={"ar": 1}))
    assert set(staff_of(start, THU)) == {"c1", "c2", "i1"}
