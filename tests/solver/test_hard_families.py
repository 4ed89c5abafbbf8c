"""Each hard rule: a tiny office where the model must keep it, and a hand-made plan that
breaks it, which the checker must catch."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from typing import Any

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
    rules,
    solve,
    staff_of,
)

from roster.planfile.schema import Plan, StaffEntry


def with_staff(plan: Plan, day: date, staff: list[StaffEntry]) -> Plan:
    """The plan with the staff of the session on ``day`` replaced."""
    sessions = [
        s.model_copy(update={"staff": staff}) if s.date == day else s for s in plan.sessions
    ]
    return plan.model_copy(update={"sessions": sessions})


def with_appointment(plan: Plan, key: str, **changes: Any) -> Plan:
    """The plan with one scheduled appointment changed."""
    items = [a.model_copy(update=changes) if a.key == key else a for a in plan.appointments]
    return plan.model_copy(update={"appointments": items})


def counsellor(pid: str, **extra: Any) -> StaffEntry:
    return StaffEntry(volunteer=pid, role="counsellor", **extra)


def test_an_unavailable_person_is_never_planned() -> None:
    spec = Spec(
        people=[
            person("c1"),
            person("c2"),
            person("c3", absences=[{"from": "2027-02-01", "to": "2027-02-05"}]),
            person("c4", weekdays=["wednesday"]),
        ],
        answers={("c1", THU): "no", ("c2", THU): "yes"},
    )
    spec.open_hours["counsellors"] = {"min": 3, "max": 4}  # type: ignore[index]
    data = spec.data()
    plan = solve(data)
    assert set(staff_of(plan, THU)) == {"c2"}
    assert check(data, plan).ok
    broken = with_staff(plan, THU, [counsellor("c1"), counsellor("c3"), counsellor("c4")])
    messages = [v.message for v in check(data, broken).violations if v.rule == "availability"]
    assert any("c1" in m and "answered no" in m for m in messages)
    assert any("c3" in m and "absent 1-5 Feb" in m for m in messages)
    assert any("c4" in m and "does not usually come on Thursdays" in m for m in messages)


def test_only_qualified_people_interpret_counsel_and_lead() -> None:
    spec = Spec(
        people=[
            person("c1"),
            person("c2"),
            person("b1", "interpreter", languages={"de": "fluent", "ar": "basic", "fa": "native"}),
            person("x1", languages={"de": "native", "ar": "fluent"}),
        ],
    )
    spec.open_hours["interpreters"] = {"ar": 2}  # type: ignore[index]
    data = spec.data()
    plan = solve(data)
    staff = staff_of(plan, THU)
    assert "b1" not in staff  # Arabic only at basic level
    assert staff["x1"] == "counsellor:ar"  # a counsellor who speaks Arabic counts toward it
    assert check(data, plan).ok
    broken = with_staff(
        plan,
        THU,
        [
            counsellor("c1", lead=True),
            StaffEntry(volunteer="b1", role="interpreter", language="ar"),
            StaffEntry(volunteer="c2", role="interpreter", language="ar"),
        ],
    )
    messages = [v.message for v in check(data, broken).violations if v.rule == "qualification"]
    assert len(messages) == 3
    assert any("Person c1 (c1) is on lead duty" in m for m in messages)


def test_one_function_per_person_per_session() -> None:
    both = person("ci", "counsellor", "interpreter", languages={"de": "fluent", "ar": "native"})
    spec = Spec(people=[both, person("c1", weekdays=["wednesday"])])
    spec.open_hours["interpreters"] = {"ar": 1}  # type: ignore[index]
    spec.open_hours["counsellors"] = {"min": 1, "max": 3}  # type: ignore[index]
    data = spec.data()
    plan = solve(data)
    assert staff_of(plan, THU) == {"ci": "counsellor:ar"}  # counsels in Arabic: one function
    assert check(data, plan).ok
    broken = with_staff(
        plan,
        THU,
        [counsellor("ci"), StaffEntry(volunteer="ci", role="interpreter", language="ar")],
    )
    assert "one_function" in rules(check(data, broken))


def test_nobody_works_in_two_sessions_at_the_same_time() -> None:
    late = {
        "name": "Late open hours",
        "kind": "open_hours",
        "weekday": "thursday",
        "start": "15:00",
        "end": "17:00",
        "counsellors": {"min": 1, "max": 2},
        "leads": 0,
    }
    spec = Spec(people=[person("c1")], appointment_hours=late)
    data = spec.data()
    plan = solve(data)
    assert sum(1 for s in plan.sessions if s.staff) == 1
    assert check(data, plan).ok
    sessions = [s.model_copy(update={"staff": [counsellor("c1")]}) for s in plan.sessions]
    broken = plan.model_copy(update={"sessions": sessions})
    assert "one_place_at_a_time" in rules(check(data, broken))


def four_thursdays(*people: dict[str, Any]) -> Spec:
    return Spec(people=list(people), weeks=(THU, THU + timedelta(days=21)))


def test_days_on_duty_stay_within_max_per_month() -> None:
    spec = four_thursdays(person("c1", max_per_month=1), person("c2", max_per_month=2))
    data = spec.data()
    plan = solve(data)
    assert plan.load[0].duties == 1 and plan.load[1].duties == 2  # one Thursday stays open
    assert check(data, plan).ok
    broken = plan
    for day in [THU + timedelta(days=7 * n) for n in range(4)]:
        broken = with_staff(broken, day, [counsellor("c1")])
    assert "max_per_month" in rules(check(data, broken))


def test_hours_stay_within_the_budget() -> None:
    worker = person("s1", "social_worker", hours_per_month=3)
    data = four_thursdays(worker).data()
    plan = solve(data)
    assert plan.load[0].hours == 2.0  # one 2-hour session fits into 3 hours, two do not
    assert check(data, plan).ok
    broken = with_staff(plan, THU + timedelta(days=7), [counsellor("s1")])
    broken = with_staff(broken, THU, [counsellor("s1")])
    assert "hours_per_month" in rules(check(data, broken))


def test_counsellors_stay_within_max() -> None:
    spec = Spec(people=[person(f"c{n}") for n in range(1, 5)])
    spec.open_hours["counsellors"] = {"min": 1, "max": 2}  # type: ignore[index]
    data = spec.data()
    plan = solve(data)
    assert 1 <= len(staff_of(plan, THU)) <= 2
    assert check(data, plan).ok
    broken = with_staff(plan, THU, [counsellor(f"c{n}") for n in range(1, 4)])
    assert "counsellors_max" in rules(check(data, broken))


def test_a_trainee_never_counsels_open_hours_alone() -> None:
    spec = Spec(people=[person("t1", trainee=True), person("c1")], answers={("c1", THU): "no"})
    data = spec.data()
    plan = solve(data)
    assert staff_of(plan, THU) == {}  # better one counsellor short than a trainee alone
    assert plan.sessions[0].uncovered[0].need == "counsellors"
    assert check(data, plan).ok
    broken = with_staff(plan, THU, [counsellor("t1", trainee=True)])
    assert "trainee_not_alone" in rules(check(data, broken))


def appointment_spec(people: list[dict[str, Any]], *requests: dict[str, Any], **rule: Any) -> Spec:
    return Spec(
        people=people,
        open_hours=None,
        appointment_hours=appointment_rule(**rule),
        appointments=list(requests),
        weeks=(WED, WED),
    )


def test_a_trainee_takes_an_appointment_with_an_experienced_second() -> None:
    spec = appointment_spec(
        [person("t1", trainee=True), person("c1")], request("A-1", counsellor="t1")
    )
    data = spec.data()
    plan = solve(data)
    (item,) = plan.appointments
    assert (item.counsellor, item.second_counsellor) == ("t1", "c1")
    assert check(data, plan).ok
    broken = with_appointment(plan, "A-1#1", second_counsellor=None)
    assert "trainee_not_alone" in rules(check(data, broken))


def test_appointments_get_an_interpreter_unless_the_counsellor_speaks_the_language() -> None:
    spec = appointment_spec(
        [
            person("c1"),
            person("c2", languages={"de": "native", "fa": "fluent"}),
            interpreter("i1", "ar"),
        ],
        request("A-1", "ar", minutes=60),
        request("A-2", "fa", minutes=60),
    )
    data = spec.data()
    plan = solve(data)
    items = {a.case: a for a in plan.appointments}
    assert items["A-1"].interpreter == "i1" and items["A-1"].counsellor == "c1"
    assert items["A-2"].interpreter is None and items["A-2"].counsellor == "c2"
    assert check(data, plan).ok
    first = items["A-1"]
    cases = {
        "no interpreter": with_appointment(plan, "A-1#1", interpreter=None),
        "off the grid": with_appointment(
            plan,
            "A-1#1",
            start=first.start + timedelta(minutes=15),
            end=first.end + timedelta(minutes=15),
        ),
        "too short": with_appointment(plan, "A-1#1", end=first.end - timedelta(minutes=30)),
        "past the session": with_appointment(
            plan,
            "A-1#1",
            start=first.start + timedelta(hours=2),
            end=first.end + timedelta(hours=2),
        ),
    }
    for name, broken in cases.items():
        assert "appointment" in rules(check(data, broken)), name


def test_appointments_stay_inside_their_window() -> None:
    spec = appointment_spec(
        [person("c1")],
        request("A-1", earliest="2027-02-08", latest="2027-02-12"),
        request("A-2"),
    )
    spec.weeks = (WED, WED + timedelta(days=7))
    data = spec.data()
    plan = solve(data)
    assert {a.case: a.date for a in plan.appointments}["A-1"] == date(2027, 2, 10)
    assert check(data, plan).ok
    item = next(a for a in plan.appointments if a.case == "A-1")
    moved = with_appointment(
        plan,
        "A-1#1",
        session=plan.sessions[0].id,
        date=WED,
        start=item.start - timedelta(days=7),
        end=item.end - timedelta(days=7),
    )
    assert "appointment" in rules(check(data, moved))


def test_no_more_appointments_at_once_than_desks() -> None:
    spec = appointment_spec(
        [person("c1"), person("c2"), person("c3")],
        request("A-1"),
        request("A-2"),
        request("A-3"),
    )
    data = spec.data()
    plan = solve(data)
    assert len(plan.appointments) == 2  # 2 hours, 1 desk: two 60-minute appointments
    assert len(plan.unscheduled) == 1
    assert "the desk is taken at every start time (A-" in plan.unscheduled[0].reason
    assert check(data, plan).ok
    first, second = plan.appointments
    broken = with_appointment(plan, second.key, start=first.start, end=first.end)
    assert "desks" in rules(check(data, broken))


def test_nobody_is_in_two_overlapping_appointments() -> None:
    spec = appointment_spec([person("c1")], request("A-1"), request("A-2"), desks=2)
    data = spec.data()
    plan = solve(data)
    first, second = sorted(plan.appointments, key=lambda a: a.start)
    assert first.end <= second.start  # one counsellor: one after the other
    assert check(data, plan).ok
    broken = with_appointment(plan, second.key, start=first.start, end=first.end, desk=2)
    assert "double_booking" in rules(check(data, broken))


def test_the_checker_catches_client_data_and_false_figures(spec: Spec) -> None:
    spec = appointment_spec(
        [person("c1")], request("A-1", note="Mietschulden bei Vermieter Schmidt")
    )
    data = spec.data()
    plan = solve(data)
    assert "Mietschulden" not in plan.to_json()
    assert check(data, plan).ok
    leaked = with_appointment(plan, "A-1#1", case="Mietschulden bei Vermieter Schmidt")
    assert "confidentiality" in rules(check(data, leaked))
    wrong_load = plan.model_copy(update={"load": [plan.load[0].model_copy(update={"duties": 3})]})
    assert rules(check(data, wrong_load)) == {"report"}
    wrong_score = plan.model_copy(
        update={"score": plan.score.model_copy(update={"total": plan.score.total + 1})}
    )
    assert rules(check(data, wrong_score)) == {"report"}
    assert str(MONTH) == plan.month


def test_the_checker_never_loads_the_solver() -> None:
    probe = (
        "import sys; import roster.checking; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('solver', 'ortools'))); "
        "import solver.figures; "
        "print(any(m.startswith('ortools') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    assert out.split() == ["[]", "False"]
