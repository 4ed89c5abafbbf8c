"""Property: every valid office, however its people, needs and requests fall, gets a
plan the solver-free checker accepts, with the score the checker recomputes."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from solver_builders import MONTH, THU, WED, Spec, appointment_rule, check, request, solve

from roster.domain.requests import Answer
from solver.appointment_bound import bound_appointments
from solver.guided_start import greedy_of
from solver.month_input import month_input
from solver.relaxation import relax_open_hours

LANGUAGES = ("ar", "fa", "ti")
DATES = [WED, THU, WED + timedelta(days=7), THU + timedelta(days=7)]


def volunteer(rnd: random.Random, index: int) -> dict[str, Any]:
    """A valid volunteer: roles, languages and limits drawn at random."""
    kind = rnd.choice(["counsellor", "counsellor", "interpreter", "both", "social_worker"])
    spoken = {
        code: rnd.choice(["basic", "fluent", "native"])
        for code in rnd.sample(LANGUAGES, rnd.randint(0, 2))
    }
    roles = {
        "counsellor": ["counsellor"],
        "interpreter": ["interpreter"],
        "both": ["counsellor", "interpreter"],
        "social_worker": ["social_worker"],
    }[kind]
    if "interpreter" in roles and all(level == "basic" for level in spoken.values()):
        spoken[rnd.choice(LANGUAGES)] = "native"
    if "counsellor" in roles and rnd.random() < 0.3:
        roles = [*roles, "lead"]
    person: dict[str, Any] = {
        "id": f"p{index}",
        "name": f"Person {index}",
        "roles": roles,
        "languages": {"de": "fluent", **spoken},
        "weekdays": rnd.sample(["wednesday", "thursday"], rnd.randint(0, 2)),
        "max_per_month": rnd.randint(0, 4),
    }
    if kind in ("counsellor", "social_worker") and rnd.random() < 0.25:
        person["trainee"] = True
    if kind == "social_worker":
        person["hours_per_month"] = rnd.choice([1, 2.5, 4])
    if rnd.random() < 0.2:
        person["absences"] = [{"from": "2027-02-01", "to": "2027-02-08"}]
    return person


def office(rnd: random.Random) -> Spec:
    """A valid office of two weeks: open hours on Thursdays, maybe appointments on Wednesdays."""
    people = [volunteer(rnd, index) for index in range(rnd.randint(3, 8))]
    low = rnd.randint(0, 2)
    spec = Spec(people=people, weeks=(WED, THU + timedelta(days=7)))
    spec.open_hours.update(  # type: ignore[union-attr]
        counsellors={"min": low, "max": rnd.randint(max(1, low), 3)},
        leads=rnd.randint(0, 1),
        interpreters={code: rnd.randint(0, 2) for code in LANGUAGES[:2]},
    )
    if rnd.random() < 0.7:
        spec.appointment_hours = appointment_rule(desks=rnd.randint(1, 2))
        counsellors = [p["id"] for p in people if p["roles"][0] in ("counsellor", "social_worker")]
        for n in range(rnd.randint(1, 4)):
            named = rnd.choice([None, None, *counsellors])
            spec.appointments.append(
                request(
                    f"A-{n % 2}",
                    rnd.choice(["de", *LANGUAGES]),
                    minutes=rnd.choice([30, 60, 90]),
                    **({"counsellor": named} if named else {}),
                )
            )
    for person in people:
        for day in DATES:
            answer: Answer | None = rnd.choice([None, "yes", "yes", "maybe", "no"])
            if answer:
                spec.answers[(person["id"], day)] = answer
    return spec


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.randoms(use_true_random=False))
def test_every_generated_office_gets_a_plan_the_checker_accepts(rnd: random.Random) -> None:
    spec = office(rnd)
    data = spec.data()
    plan = solve(data, time_limit=2.0)
    report = check(data, plan)
    assert report.ok, report.violations
    assert report.score == plan.score
    assert plan.solver.objective >= plan.solver.bound
    inp = month_input(data, MONTH, as_of=MONTH.first - timedelta(days=1))
    relaxation = relax_open_hours(inp)
    assert relaxation.bound <= plan.score.total  # the relaxation's bound is valid
    whole = relaxation.bound + bound_appointments(inp).bound
    assert whole <= plan.score.total  # and so is the whole objective's
    assert plan.solver.bound >= whole
    start = greedy_of(inp, relaxation.guide)
    assert check(data, start).ok  # the starting plan keeps every hard rule
    assert plan.score.total <= start.score.total  # and the search only improves on it
    assert len(plan.appointments) + len(plan.unscheduled) == len(spec.appointments)
