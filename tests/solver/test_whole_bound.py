"""The bound covers the whole objective (issue 13, section 2): the appointments' relaxation
adds what the desks and the named counsellors' dates force, for every plan the office
rules allow. (Its validity over every plan the checker accepts is also checked
exhaustively in test_optimal_is_honest.py, and against every solved plan in
test_property.py.)"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from solver_builders import MONTH, WED, Spec, appointment_rule, person, request, solve

from roster.planfile.schema import Plan
from solver.appointment_bound import bound_appointments
from solver.month_input import month_input
from solver.relaxation import relax_open_hours
from solver.solve import previous_of

APPOINTMENT = 4_000
"""The default weight of one appointment left unscheduled."""
CONTINUITY = 1_500
"""The default weight of a named counsellor's appointment taken by another."""


def appointments_only(*requests: dict[str, Any], desks: int = 1) -> Spec:
    """One Wednesday's appointment hours 13:00-15:00 on a 30-minute grid, no open hours,
    three counsellors who come; fairness weighs nothing here (someone without a duty
    would otherwise cost what no relaxation counts)."""
    spec = Spec(people=[person("c1"), person("c2"), person("c3")], open_hours=None)
    spec.priorities = {"fairness": 0}
    spec.weeks = (WED, WED)
    spec.appointment_hours = appointment_rule(desks=desks)
    spec.appointments = [dict(item) for item in requests]
    return spec


def bounds(spec: Spec, as_of: date | None = None, previous: Plan | None = None) -> tuple[int, int]:
    """(open hours' bound, appointments' bound) of February 2027, re-planned on ``as_of``
    when ``previous`` is given."""
    inp = month_input(
        spec.data(),
        MONTH,
        as_of=as_of or MONTH.first - timedelta(days=1),
        previous=previous_of(previous) if previous is not None else None,
    )
    return relax_open_hours(inp).bound, bound_appointments(inp).bound


def proven_best_of_every_plan(plan: Plan) -> None:
    """The facts say the plan is the best the office rules allow, by the relaxations."""
    facts = plan.solver
    assert facts.objective == facts.bound
    assert (facts.status, facts.gap, facts.restrictions) == ("optimal", 0.0, [])


def test_full_desks_force_unscheduled_appointments_into_the_bound() -> None:
    # Four hours of appointments for two hours of one desk: two must wait.
    spec = appointments_only(*(request(f"A-{n}", minutes=60) for n in range(4)))
    assert bounds(spec) == (0, 2 * APPOINTMENT)
    plan = solve(spec.data())
    assert len(plan.unscheduled) == 2
    proven_best_of_every_plan(plan)


def test_a_second_desk_lifts_that_part_of_the_bound() -> None:
    spec = appointments_only(*(request(f"A-{n}", minutes=60) for n in range(4)), desks=2)
    assert bounds(spec) == (0, 0)
    plan = solve(spec.data())
    assert not plan.unscheduled
    proven_best_of_every_plan(plan)


def test_the_slot_grid_counts_not_only_the_minutes() -> None:
    # Three 90-minute requests: 270 minutes fit two desks' 240 minutes nowhere near, and
    # on a 30-minute grid of two hours no two can share a desk: one per desk.
    spec = appointments_only(*(request(f"A-{n}", minutes=90) for n in range(3)), desks=2)
    assert bounds(spec) == (0, APPOINTMENT)
    proven_best_of_every_plan(solve(spec.data()))


def test_a_named_counsellor_away_on_every_date_forces_continuity() -> None:
    spec = appointments_only(request("A-1", counsellor="c1"))
    spec.people[0]["weekdays"] = ["thursday"]  # c1 never comes on Wednesdays
    assert bounds(spec) == (0, CONTINUITY)
    plan = solve(spec.data())
    (placed,) = plan.appointments
    assert placed.counsellor != "c1"
    proven_best_of_every_plan(plan)


def test_a_named_counsellor_who_comes_costs_nothing() -> None:
    spec = appointments_only(request("A-1", counsellor="c1"), request("A-2", counsellor="c1"))
    assert bounds(spec) == (0, 0)  # both fit one after the other with c1
    plan = solve(spec.data())
    assert {item.counsellor for item in plan.appointments} == {"c1"}
    proven_best_of_every_plan(plan)


def test_nobody_to_interpret_leaves_the_request_out_of_every_plan() -> None:
    spec = appointments_only(request("A-1", language="ti"))
    assert bounds(spec) == (0, APPOINTMENT)
    proven_best_of_every_plan(solve(spec.data()))


def test_a_kept_session_keeps_what_the_earlier_plan_did() -> None:
    # The earlier plan gave c1 their appointment on 3 Feb; c1 is now recorded absent that
    # day. Re-planned on 10 Feb, the session of 3 Feb is kept as it was (the planner
    # refuses to re-plan a kept session that breaks a rule, and says so): the bound must
    # not count continuity lost there, or it could stand above the plan it bounds.
    spec = appointments_only(request("A-1", counsellor="c1", latest=WED.isoformat()))
    spec.weeks = (WED, WED + timedelta(days=7))
    first = solve(spec.data())
    assert [(item.counsellor, item.date) for item in first.appointments] == [("c1", WED)]
    spec.people[0]["absences"] = [{"from": WED.isoformat(), "to": WED.isoformat()}]
    today = WED + timedelta(days=7)
    assert bounds(spec, as_of=today, previous=first) == (0, 0)
    assert bounds(spec) == (0, CONTINUITY)  # planned afresh, c1 cannot keep it
