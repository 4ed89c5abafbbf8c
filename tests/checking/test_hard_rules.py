"""Each hard rule of the checker's registry, without the solver: a hand-made plan that
keeps every rule, and the same plan with one change that breaks exactly that rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from checking_builders import (
    MONTH,
    THU,
    WED,
    WEEK,
    TinyOffice,
    appointment_hours,
    booked,
    counsellor,
    interpreter,
    interpreting,
    open_hours,
    person,
    plan_of,
    request,
)

from roster.checking import HARD_RULES, check_plan
from roster.domain.office_data import OfficeData
from roster.planfile.facts import plan_facts
from roster.planfile.schema import Plan, Previous

TEAM = [person("c1"), person("c2"), person("c3"), interpreter("i1", "ar")]


@dataclass(frozen=True)
class Pair:
    """An office, a plan keeping every rule, and one breaking the rule."""

    office: TinyOffice
    keeps: Callable[[OfficeData], Plan]
    breaks: Callable[[OfficeData], Plan]
    says: str
    """Part of the message the broken plan must get."""


def on_thursday(*staff: object) -> Callable[[OfficeData], Plan]:
    return lambda data: plan_of(data, {THU: list(staff)})  # type: ignore[arg-type]


def appointments(*made: tuple[str, str, str, dict[str, object]]) -> Callable[[OfficeData], Plan]:
    """Appointments on the first Wednesday: (key, time, counsellor, extras)."""
    return lambda data: plan_of(
        data,
        appointments=[
            booked(data, key, WED, clock, by, **extra)  # type: ignore[arg-type]
            for key, clock, by, extra in made
        ],
    )


TWO_THURSDAYS = (THU, THU + WEEK)
LATE = open_hours(name="Late open hours", start="15:00", end="17:00")
APPOINTMENTS = [appointment_hours()]


def kept_plans() -> tuple[Callable[[OfficeData], Plan], Callable[[OfficeData], Plan]]:
    """A re-plan on 5 Feb of a plan that had c1 on 4 Feb: kept, and rewritten."""

    def replanned(who: str) -> Callable[[OfficeData], Plan]:
        def make(data: OfficeData) -> Plan:
            first = plan_of(data, {THU: [counsellor("c1")]})
            previous = Previous(as_of=first.as_of, input_digest="0" * 64, facts=plan_facts(first))
            return plan_of(
                data, {THU: [counsellor(who)]}, as_of=THU + timedelta(days=1), previous=previous
            )

        return make

    return replanned("c1"), replanned("c2")


PAIRS: dict[str, Pair] = {
    "availability": Pair(
        TinyOffice(TEAM, answers={("c2", THU): "no"}),
        on_thursday(counsellor("c1")),
        on_thursday(counsellor("c2")),
        "Person c2 (c2) is planned for counselling but answered no in the poll for Thu 4 Feb",
    ),
    "qualification": Pair(
        TinyOffice(TEAM),
        on_thursday(counsellor("c1")),
        on_thursday(counsellor("i1")),
        "Person i1 (i1) counsels but is neither counsellor nor social worker",
    ),
    "one_function": Pair(
        TinyOffice(
            [person("ci", "counsellor", "interpreter", languages={"de": "fluent", "ar": "native"})]
        ),
        on_thursday(counsellor("ci")),
        on_thursday(counsellor("ci"), interpreting("ci", "ar")),
        "Person ci (ci) has 2 functions in 2027-02-04-open-1400: counselling; interpreting Arabic",
    ),
    "one_place_at_a_time": Pair(
        TinyOffice(TEAM, sessions=[open_hours(), LATE]),
        lambda data: plan_of(
            data,
            {
                "2027-02-04-open-1400": [counsellor("c1")],
                "2027-02-04-open-1500": [counsellor("c2")],
            },
        ),
        lambda data: plan_of(
            data,
            {
                "2027-02-04-open-1400": [counsellor("c1")],
                "2027-02-04-open-1500": [counsellor("c1")],
            },
        ),
        "Person c1 (c1) works in 2027-02-04-open-1400 and 2027-02-04-open-1500, which overlap",
    ),
    "max_per_month": Pair(
        TinyOffice([person("c1", max_per_month=1), person("c2")], weeks=TWO_THURSDAYS),
        lambda data: plan_of(data, {THU: [counsellor("c1")], THU + WEEK: [counsellor("c2")]}),
        lambda data: plan_of(data, {THU: [counsellor("c1")], THU + WEEK: [counsellor("c1")]}),
        "Person c1 (c1) has 2 duties this month, more than the 1 they offered",
    ),
    "hours_per_month": Pair(
        TinyOffice(
            [person("s1", "social_worker", hours_per_month=3.5), person("c2")],
            weeks=TWO_THURSDAYS,
        ),
        lambda data: plan_of(data, {THU: [counsellor("s1")], THU + WEEK: [counsellor("c2")]}),
        lambda data: plan_of(data, {THU: [counsellor("s1")], THU + WEEK: [counsellor("s1")]}),
        "Person s1 (s1) works 4 hours, more than the 3.5 hours a month agreed",
    ),
    "counsellors_max": Pair(
        TinyOffice(TEAM),
        on_thursday(counsellor("c1"), counsellor("c2")),
        on_thursday(counsellor("c1"), counsellor("c2"), counsellor("c3")),
        "3 counsellors in 2027-02-04-open-1400, more than the 2 it takes",
    ),
    "trainee_not_alone": Pair(
        TinyOffice([person("t1", trainee=True), person("c1")]),
        on_thursday(counsellor("t1", trainee=True), counsellor("c1")),
        on_thursday(counsellor("t1", trainee=True)),
        "in 2027-02-04-open-1400 only trainees counsel (Person t1 (t1)), no experienced counsellor",
    ),
    "appointment": Pair(
        TinyOffice(TEAM, sessions=APPOINTMENTS, appointments=[request("A-1")], weeks=(WED, WED)),
        appointments(("A-1#1", "13:00", "c1", {})),
        appointments(("A-1#1", "13:15", "c1", {})),
        "A-1#1 starts at 13:15, not at the start of a 30-minute slot",
    ),
    "desks": Pair(
        TinyOffice(
            TEAM,
            sessions=APPOINTMENTS,
            appointments=[request("A-1"), request("A-2")],
            weeks=(WED, WED),
        ),
        appointments(("A-1#1", "13:00", "c1", {}), ("A-2#1", "14:00", "c2", {})),
        appointments(("A-1#1", "13:00", "c1", {}), ("A-2#1", "13:30", "c2", {})),
        "A-1#1 and A-2#1 overlap at desk 1",
    ),
    "double_booking": Pair(
        TinyOffice(
            TEAM,
            sessions=[appointment_hours(desks=2)],
            appointments=[request("A-1"), request("A-2")],
            weeks=(WED, WED),
        ),
        appointments(("A-1#1", "13:00", "c1", {}), ("A-2#1", "13:00", "c2", {"desk": 2})),
        appointments(("A-1#1", "13:00", "c1", {}), ("A-2#1", "13:00", "c1", {"desk": 2})),
        "Person c1 (c1) is in A-1#1 and A-2#1, which overlap",
    ),
    "overrides": Pair(
        TinyOffice(
            TEAM,
            overrides={"assign": [{"volunteer": "c2", "date": "2027-02-04", "role": "counsellor"}]},
        ),
        on_thursday(counsellor("c2")),
        on_thursday(counsellor("c1")),
        "override 1 (Person c2 (c2): counselling) is not in the plan",
    ),
    "kept_sessions": Pair(
        TinyOffice(TEAM),
        *kept_plans(),
        "staff c1 counsellor 2027-02-04-open-1400 lies before the planning date (5 Feb) and was dropped",
    ),
}


def test_every_rule_of_the_registry_has_a_pair() -> None:
    assert set(PAIRS) == set(HARD_RULES)


@pytest.mark.parametrize("rule", list(PAIRS))
def test_a_plan_keeping_the_rule_passes_and_one_breaking_it_is_caught(rule: str) -> None:
    pair = PAIRS[rule]
    data = pair.office.data()
    kept = check_plan(data, pair.keeps(data))
    assert kept.violations == []
    broken = check_plan(data, pair.breaks(data))
    assert {v.rule for v in broken.violations} == {rule}
    assert any(pair.says in str(v) for v in broken.violations), broken.violations


def test_a_violation_reads_date_message_and_rule() -> None:
    pair = PAIRS["availability"]
    data = pair.office.data()
    (violation,) = check_plan(data, pair.breaks(data)).violations
    assert str(violation) == (
        "Thu 4 Feb: Person c2 (c2) is planned for counselling but answered no in the poll for "
        "Thu 4 Feb [availability]"
    )
    assert violation.text("en", data) == str(violation)
    assert violation.text("de", data) == (
        "Do., 4. Feb.: Person c2 (c2) ist für Beratung eingeteilt, aber hat in der Umfrage für "
        "Do., 4. Feb. mit Nein geantwortet [Verfügbarkeit]"
    )
    assert str(MONTH) == "2027-02"
