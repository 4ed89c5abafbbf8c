"""Reasons for what stays uncovered or unscheduled: specific, computed from the data."""

from __future__ import annotations

from datetime import date, timedelta

from solver_builders import (
    MONTH,
    THU,
    WED,
    Spec,
    appointment_rule,
    interpreter,
    person,
    request,
    solve,
)

from roster.planfile.schema import Plan
from roster.wording.explanations import Wording
from solver.explain import Explainer, explain_text
from solver.figures import shortfalls
from solver.month_input import month_input
from solver.reasons import Candidate, reason


def reasons(plan: Plan) -> list[str]:
    return [u.reason for s in plan.sessions for u in s.uncovered] + [
        u.reason for u in plan.unscheduled
    ]


def explained(spec: Spec) -> tuple[Plan, str]:
    data = spec.data()
    plan = solve(data)
    return plan, explain_text(month_input(data, MONTH, as_of=plan.as_of), plan)


def test_the_only_speaker_is_away() -> None:
    spec = Spec(
        people=[
            person("c1"),
            interpreter("v13", "ti", absences=[{"from": "2027-02-01", "to": "2027-02-10"}]),
        ]
    )
    spec.open_hours["interpreters"] = {"ti": 1}  # type: ignore[index]
    plan, text = explained(spec)
    assert reasons(plan) == [
        "Tigrinya on Thu 4 Feb: only Person v13 (v13) speaks Tigrinya well enough and is "
        "absent 1-10 Feb"
    ]
    assert "Thu 4 Feb, Open hours 14:00-16:00" in text
    assert "Tigrinya: 1 interpreter missing (4 visitors expected)" in text
    assert "      Person v13 (v13)  is absent 1-10 Feb" in text.splitlines()


def test_nobody_or_nobody_good_enough_speaks_it() -> None:
    spec = Spec(people=[person("c1"), person("b1", languages={"de": "native", "ps": "basic"})])
    spec.open_hours["interpreters"] = {"so": 1, "ps": 1}  # type: ignore[index]
    plan, _ = explained(spec)
    assert sorted(reasons(plan)) == [
        "Pashto on Thu 4 Feb: nobody who may interpret or counsel speaks Pashto well enough: "
        "Person b1 (b1) speaks Pashto only at basic level",
        "Somali on Thu 4 Feb: nobody in the team speaks Somali",
    ]


def test_limits_and_other_functions_are_named() -> None:
    spec = Spec(
        people=[person("c1"), interpreter("i1", "ar", "fa", max_per_month=1)],
        weeks=(THU, THU + timedelta(days=7)),
        priorities={"fairness": 0},
    )
    spec.open_hours["interpreters"] = {"ar": 1, "fa": 1}  # type: ignore[index]
    plan, text = explained(spec)
    found = reasons(plan)
    assert len(found) == 3  # ar or fa on the first Thursday, both on the second
    assert any(
        "Person i1 (i1) speaks Arabic well enough and already interprets" in r for r in found
    )
    assert any(
        "i1) speaks Persian well enough and already has 1 duty this month (" in r for r in found
    )
    assert "people considered:" in text


def test_why_an_appointment_is_not_scheduled() -> None:
    spec = Spec(
        people=[person("c1", max_per_month=1), interpreter("i1", "ti", weekdays=["thursday"])],
        appointment_hours=appointment_rule(),
        appointments=[
            request("A-7", "ti", counsellor="c1", earliest="2027-02-01", latest="2027-02-05"),
            request("A-8", earliest="2027-02-20", latest="2027-02-28"),
        ],
        overrides={"assign": [{"volunteer": "c1", "date": "2027-02-04", "role": "counsellor"}]},
        weeks=(WED, THU),
    )
    plan, text = explained(spec)
    by_case = {u.case: u.reason for u in plan.unscheduled}
    assert by_case["A-7"].splitlines() == [
        "the case's counsellor Person c1 (c1) already has 1 duty this month (4 Feb); they "
        "offered no more",
        "Wed 3 Feb: no counsellor can come and is free",
    ]
    assert by_case["A-8"] == "there are no appointment hours between 20 Feb and 28 Feb"
    lines = text.splitlines()
    start = lines.index("Appointments not scheduled")
    assert lines[start + 1 : start + 5] == [
        "  A-7#1 (Tigrinya, 60 min, 1-5 Feb)",
        "    the case's counsellor Person c1 (c1) already has 1 duty this month (4 Feb); they "
        "offered no more",
        "    Wed 3 Feb: no counsellor can come and is free",
        "      Person c1 (c1)  already has 1 duty this month (4 Feb); they offered no more",
    ]
    assert "  A-8#1 (German, 60 min, 20-28 Feb)" in lines
    assert "    there are no appointment hours between 20 Feb and 28 Feb" in lines


def test_everything_covered() -> None:
    plan, text = explained(Spec(people=[person("c1")]))
    assert reasons(plan) == []
    assert text.endswith(
        "Everything is covered: every need is met and every appointment scheduled."
    )


def test_the_explainer_gives_codes_with_data_and_the_wording_words_them() -> None:
    """No words in the explanation itself: dates, ids and language codes, worded in the
    plan's locale for the plan file and in English for roster explain."""
    spec = Spec(
        people=[
            person("c1"),
            interpreter("v13", "ti", absences=[{"from": "2027-02-01", "to": "2027-02-10"}]),
        ]
    )
    spec.open_hours["interpreters"] = {"ti": 1}  # type: ignore[index]
    data = spec.data()
    plan = solve(data)
    inp = month_input(data, MONTH, as_of=plan.as_of)
    [short] = shortfalls(inp, plan)
    explanation = Explainer(inp, plan).shortfall(short)
    absent = reason("absent", span=(date(2027, 2, 1), date(2027, 2, 10)))
    assert explanation.summary == reason(
        "language_summary",
        language="ti",
        day=THU,
        summary=reason("language_only", volunteer="v13", language="ti", reason=absent),
    )
    assert explanation.candidates == ((None, (Candidate("v13", absent, "cannot_come"),)),)
    assert Wording("de").render(explanation.summary) == (
        "Tigrinya am Do., 4. Feb.: nur v13 spricht Tigrinya gut genug und ist 1.-10. Feb. abwesend"
    )
    named = Wording("en", names={"v13": "Yonas Tesfay"})
    assert named.render(explanation.summary) == (
        "Tigrinya on Thu 4 Feb: only Yonas Tesfay (v13) speaks Tigrinya well enough and is "
        "absent 1-10 Feb"
    )
    assert reasons(plan) == [Wording("en", names={"v13": "Person v13"}).render(explanation.summary)]
