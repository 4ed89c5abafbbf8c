"""Every penalty the checker recomputes, against figures worked out by hand from
docs/planning.md, on a hand-made plan of two weeks (no solver involved)."""

from __future__ import annotations

from datetime import date, timedelta

from checking_builders import (
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

from roster.checking import check_plan
from roster.checking.penalties import PENALTIES
from roster.domain.office_data import OfficeData
from roster.planfile.facts import plan_facts
from roster.planfile.history import History
from roster.planfile.schema import Plan, Previous

WEIGHTS = {
    "language": 7,
    "appointment": 400,
    "counsellors": 300,
    "lead": 290,
    "continuity": 150,
    "interpreter_continuity": 100,
    "fairness": 2,
    "maybe": 15,
    "same_week": 20,
    "consecutive_weeks": 5,
    "change": 10,
}

# Sessions: Wed 3, Thu 4 (week of Mon 1 Feb), Wed 10, Thu 11 (week of Mon 8 Feb).
OFFICE = TinyOffice(
    people=[
        person("l1", "counsellor", "lead"),
        person("c1"),
        person("t1", trainee=True),
        interpreter("i1", "ar"),
        interpreter("i2", "ar"),
    ],
    sessions=[
        open_hours(
            counsellors={"min": 2, "max": 3},
            leads=1,
            interpreters={"ar": 1},
            visitors_per_interpreter=3,
        ),
        appointment_hours(),
    ],
    appointments=[
        request("A-1", "ar"),
        request("A-1", "ar"),
        request("B-1", counsellor="l1"),
        request("C-1", minutes=30),
    ],
    answers={("c1", THU): "maybe"},
    priorities=WEIGHTS,
    weeks=(WED, THU + WEEK),
)

# Earlier months: l1 worked on Thu 28 Jan (the week before the month's first), c1 on
# Thu 21 Jan (two weeks before: too early for the week rules, counted for fairness).
HISTORY = History(
    months=("2027-01",),
    duties={"l1": 1, "c1": 1},
    offered={"l1": 2, "c1": 2, "i2": 2},
    duty_dates={"l1": frozenset({date(2027, 1, 28)}), "c1": frozenset({date(2027, 1, 21)})},
)


def the_plan(data: OfficeData) -> Plan:
    """Thu 4: l1 (lead), c1 (a maybe day), i1 for Arabic. Thu 11: l1 (lead) and the
    trainee t1, nobody for Arabic. Wed 3: A-1#1 by c1 with i1, B-1#1 (named l1) by c1.
    Wed 10: A-1#2 by c1 with i2. C-1#1 is left unscheduled. The plan replaces one whose
    only difference was i1 on A-1#2."""
    staff = {
        THU: [counsellor("l1", lead=True), counsellor("c1"), interpreting("i1", "ar")],
        THU + WEEK: [counsellor("l1", lead=True), counsellor("t1", trainee=True)],
    }
    made = [
        booked(data, "A-1#1", WED, "13:00", "c1", interpreter="i1"),
        booked(data, "B-1#1", WED, "14:00", "c1"),
        booked(data, "A-1#2", WED + WEEK, "13:00", "c1", interpreter="i2"),
    ]
    plan = plan_of(data, staff, made, history=HISTORY)
    before = [
        f
        if f.kind != "interpreter" or f.subject != "A-1#2"
        else f.model_copy(update={"detail": "i1"})
        for f in plan_facts(plan)
    ]
    previous = Previous(as_of=date(2027, 1, 20), input_digest="0" * 64, facts=before)
    return plan_of(data, staff, made, history=HISTORY, previous=previous)


def test_each_penalty_is_what_docs_planning_md_gives_by_hand() -> None:
    data = OFFICE.data()
    plan = the_plan(data)
    report = check_plan(data, plan, HISTORY)
    assert report.violations == []
    by_hand = {
        # Thu 11: one Arabic interpreter missing, 1 x 3 expected visitors; 7 x 3 = 21
        "language": (3.0, 21),
        # C-1#1 not scheduled
        "appointment": (1, 400),
        # Thu 11: l1 and a trainee, 2 experienced needed
        "counsellors": (1, 300),
        # l1 on lead duty both Thursdays
        "lead": (0, 0),
        # B-1#1 named l1 but c1 takes it
        "continuity": (1, 150),
        # the two appointments of case A-1 have two interpreters, i1 and i2
        "interpreter_continuity": (1, 100),
        # duty rates over the window, duties / dates offered: c1 (1+3)/(2+4) = 66.7 %,
        # i1 2/4 = 50 %, l1 (1+2)/(2+4) = 50 %, t1 1/4 = 25 %, i2 1/(2+4) = 16.7 %:
        # 67 (rounded up) - 16 (rounded down) = 51 points
        "fairness": (51, 102),
        # c1 on Thu 4
        "maybe": (1, 15),
        # c1: Wed 3 and Thu 4; i1: Wed 3 and Thu 4
        "same_week": (2, 40),
        # l1: 25 Jan + 1 Feb, 1 Feb + 8 Feb; c1: 1 Feb + 8 Feb
        "consecutive_weeks": (3, 15),
        # A-1#2: interpreter i1 gone, interpreter i2 new
        "change": (2, 20),
    }
    assert [p.name for p in report.penalties] == list(by_hand)
    assert {p.name: (p.units, p.value) for p in report.penalties} == by_hand
    assert {p.name: p.weight for p in report.penalties} == WEIGHTS
    assert report.total == 1163
    assert report.score == plan.score


def test_the_load_and_fairness_the_plan_reports_are_the_hand_figures() -> None:
    data = OFFICE.data()
    plan = the_plan(data)
    rows = {load.volunteer: load for load in plan.load}
    c1 = rows["c1"]
    # Wed 3: A-1#1 and B-1#1 (1 h each), Thu 4: open hours (2 h), Wed 10: A-1#2 (1 h)
    assert (c1.duties, c1.hours, c1.maybe_days, c1.offered) == (3, 5.0, 1, 4)
    assert (c1.window_duties, c1.window_offered) == (4, 6)
    assert plan.fairness.window == ["2027-01", "2027-02"]
    assert plan.fairness.spread == round(4 / 6 - 1 / 6, 4)
    assert check_plan(data, plan, HISTORY).ok


def test_every_soft_rule_counts_on_its_own() -> None:
    """Each penalty responds to its own rule: the empty plan misses every need."""
    data = OFFICE.data()
    empty = plan_of(data, history=HISTORY)
    report = check_plan(data, empty, HISTORY)
    values = {p.name: p.units for p in report.penalties}
    # Arabic missing twice (3 visitors each), 4 requests, 2 x 2 counsellors, 2 leads
    assert values["language"] == 6.0
    assert values["appointment"] == 4
    assert (values["counsellors"], values["lead"]) == (4, 2)
    # rates: l1 1/6 = 16.7 %, c1 1/6 = 16.7 %, i2 0/6, others 0/4: 17 - 0
    assert values["fairness"] == 17
    # only l1's duty on 28 Jan touches the month: no second duty, no week running
    assert values["same_week"] == values["consecutive_weeks"] == 0
    assert values["maybe"] == values["change"] == values["continuity"] == 0
    assert set(values) == set(PENALTIES)


def test_a_change_before_as_of_is_not_a_change_but_a_broken_kept_session() -> None:
    data = OFFICE.data()
    plan = the_plan(data)
    assert plan.previous is not None
    moved = plan.model_copy(update={"as_of": WED + WEEK + timedelta(days=1)})
    report = check_plan(data, moved, HISTORY)
    assert {v.rule for v in report.violations} == {"kept_sessions", "report"}
    assert next(p.units for p in report.penalties if p.name == "change") == 0
