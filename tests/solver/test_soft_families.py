"""Each soft rule: the model prefers the plan that keeps it, and the penalty the plan
reports is the one the checker recomputes."""

from __future__ import annotations

from datetime import date, timedelta

from solver_builders import (
    THU,
    WED,
    Spec,
    appointment_rule,
    check,
    interpreter,
    penalty,
    person,
    request,
    solve,
    staff_of,
)

from roster.planfile.history import History
from roster.planfile.schema import Plan


def solved(spec: Spec, history: History | None = None) -> Plan:
    data = spec.data()
    plan = solve(data, history=history)
    report = check(data, plan, history)
    assert report.ok, report.violations
    assert report.score == plan.score
    return plan


def test_language_cover_goes_to_the_language_with_more_visitors() -> None:
    spec = Spec(people=[person("c1"), interpreter("i1", "ar", "fa")])
    spec.open_hours["interpreters"] = {"ar": 2, "fa": 1}  # type: ignore[index]
    plan = solved(spec)
    assert staff_of(plan, THU)["i1"] == "interpreter:ar"
    # ar: 2 needed (8 visitors expected), 1 covered; fa: 1 needed (4 visitors), none.
    assert penalty(plan, "language") == 8.0 + 4.0
    assert plan.score.penalties[0].value == 10_000 * 12
    uncovered = {u.language: u.missing for u in plan.sessions[0].uncovered}
    assert uncovered == {"ar": 1, "fa": 1}


def test_counsellors_min_and_lead_duty() -> None:
    spec = Spec(people=[person("c1"), person("l1", "counsellor", "lead")])
    spec.open_hours.update(counsellors={"min": 1, "max": 1}, leads=1)  # type: ignore[union-attr]
    plan = solved(spec)
    assert staff_of(plan, THU) == {"l1": "counsellor lead"}
    assert penalty(plan, "lead") == 0
    spec.open_hours["counsellors"] = {"min": 3, "max": 3}  # type: ignore[index]
    plan = solved(spec)
    assert penalty(plan, "counsellors") == 1
    assert [u.need for u in plan.sessions[0].uncovered] == ["counsellors"]


def test_an_appointment_keeps_the_counsellor_it_names() -> None:
    people = [person("c1"), person("c2"), person("c3", weekdays=["thursday"])]
    spec = Spec(
        people=people,
        open_hours=None,
        appointment_hours=appointment_rule(),
        appointments=[request("A-1", counsellor="c2")],
        weeks=(WED, WED),
    )
    plan = solved(spec)
    assert plan.appointments[0].counsellor == "c2"
    assert penalty(plan, "continuity") == 0
    spec.appointments = [request("A-1", counsellor="c3")]  # c3 cannot come on Wednesdays
    plan = solved(spec)
    assert plan.appointments[0].counsellor in {"c1", "c2"}
    assert penalty(plan, "continuity") == 1


def test_the_appointments_of_one_case_keep_their_interpreter() -> None:
    spec = Spec(
        people=[person("c1"), interpreter("i1", "ar"), interpreter("i2", "ar")],
        open_hours=None,
        appointment_hours=appointment_rule(),
        appointments=[
            request("A-1", "ar", earliest="2027-02-01", latest="2027-02-05"),
            request("A-1", "ar", earliest="2027-02-08", latest="2027-02-12"),
        ],
        weeks=(WED, WED + timedelta(days=7)),
        priorities={"fairness": 0, "consecutive_weeks": 0},
    )
    plan = solved(spec)
    assert len({a.interpreter for a in plan.appointments}) == 1
    assert penalty(plan, "interpreter_continuity") == 0


def test_fairness_counts_the_earlier_months() -> None:
    spec = Spec(people=[person("c1"), person("c2")], weeks=(THU, THU + timedelta(days=21)))
    spec.open_hours["counsellors"] = {"min": 1, "max": 1}  # type: ignore[index]
    plan = solved(spec)
    assert [load.duties for load in plan.load] == [2, 2]
    assert plan.fairness.spread == 0
    history = History(months=("2027-01",), duties={"c1": 4}, offered={"c1": 4, "c2": 4})
    plan = solved(spec, history)
    assert [(load.volunteer, load.duties) for load in plan.load] == [("c1", 0), ("c2", 4)]
    assert [load.window_duties for load in plan.load] == [4, 4]
    assert plan.fairness.window == ["2027-01", "2027-02"]
    assert plan.fairness.spread == 0


def test_maybe_days_are_used_last() -> None:
    spec = Spec(people=[person("c1"), person("c2")], answers={("c1", THU): "maybe"})
    spec.open_hours["counsellors"] = {"min": 1, "max": 1}  # type: ignore[index]
    plan = solved(spec)
    assert set(staff_of(plan, THU)) == {"c2"}
    assert penalty(plan, "maybe") == 0
    spec.answers[("c2", THU)] = "no"
    plan = solved(spec)
    assert set(staff_of(plan, THU)) == {"c1"}
    assert penalty(plan, "maybe") == 1
    assert plan.load[0].maybe_days == 1


def test_nobody_twice_in_one_week_when_someone_else_can_go() -> None:
    spec = Spec(
        people=[person("c1"), person("c2")],
        appointment_hours=appointment_rule(),
        appointments=[request("A-1", earliest="2027-02-03", latest="2027-02-03")],
        priorities={"fairness": 0},
        weeks=(WED, THU),
    )
    spec.open_hours["counsellors"] = {"min": 1, "max": 1}  # type: ignore[index]
    plan = solved(spec)
    assert set(staff_of(plan, THU)) | {plan.appointments[0].counsellor} == {"c1", "c2"}
    assert penalty(plan, "same_week") == 0
    spec.people = [person("c1")]
    plan = solved(spec)
    assert penalty(plan, "same_week") == 1


def test_nobody_on_duty_two_weeks_running_when_someone_else_can_go() -> None:
    spec = Spec(
        people=[person("c1"), person("c2")],
        weeks=(THU, THU + timedelta(days=7)),
        priorities={"fairness": 0},
    )
    spec.open_hours["counsellors"] = {"min": 1, "max": 1}  # type: ignore[index]
    plan = solved(spec)
    assert staff_of(plan, THU).keys() != staff_of(plan, THU + timedelta(days=7)).keys()
    assert penalty(plan, "consecutive_weeks") == 0
    # c1 was on duty on the last Thursday of January: c2 takes the first one of February.
    history = History(
        months=("2027-01",),
        duties={"c1": 1},
        offered={"c1": 1},
        duty_dates={"c1": frozenset({date(2027, 1, 28)})},
    )
    plan = solved(spec, history)
    assert set(staff_of(plan, THU)) == {"c2"}
    assert penalty(plan, "consecutive_weeks") == 0
