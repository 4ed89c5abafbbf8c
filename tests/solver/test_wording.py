"""Reasons in the office's locale: German sentences for ``de``, English for ``en``."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

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

from roster.domain.office_data import OfficeData
from roster.planfile.io import read_plan
from roster.planfile.schema import Plan
from roster.wording.explanations import Wording
from solver.availability import cannot_cover_reason
from solver.explain import Explainer
from solver.month_input import month_input

PLAN = Path(__file__).resolve().parents[1] / "data" / "plans" / "velbert-2026-12.json"


def reasons(plan: Plan) -> list[str]:
    return [u.reason for s in plan.sessions for u in s.uncovered] + [
        u.reason for u in plan.unscheduled
    ]


def in_locale(data: OfficeData, locale: str) -> OfficeData:
    return dataclasses.replace(data, office=data.office.model_copy(update={"locale": locale}))


def away_spec() -> Spec:
    spec = Spec(
        people=[
            person("c1"),
            person("c2"),
            interpreter("v13", "ti", absences=[{"from": "2027-02-01", "to": "2027-02-10"}]),
        ],
        appointment_hours=appointment_rule(),
        appointments=[request("A-7", "ti", earliest="2027-02-01", latest="2027-02-05")],
        weeks=(WED, THU),
    )
    spec.open_hours["interpreters"] = {"ti": 1}  # type: ignore[index]
    return spec


def test_a_german_office_gets_german_reasons() -> None:
    plan = solve(in_locale(away_spec().data(), "de"))
    assert plan.locale == "de"
    assert reasons(plan) == [
        "Tigrinya am Do., 4. Feb.: nur Person v13 (v13) spricht Tigrinya gut genug "
        "und ist 1.-10. Feb. abwesend",
        "Mi., 3. Feb.: niemand, der kommen kann, dolmetscht Tigrinya oder berät auf Tigrinya "
        "\N{EN DASH} Person v13 (v13) ist 1.-10. Feb. abwesend",
    ]


def test_an_english_office_keeps_english_reasons() -> None:
    plan = solve(away_spec().data())
    assert plan.locale == "en"
    assert reasons(plan) == [
        "Tigrinya on Thu 4 Feb: only Person v13 (v13) speaks Tigrinya well enough and is "
        "absent 1-10 Feb",
        "Wed 3 Feb: nobody who can come interprets Tigrinya or counsels in it \N{EN DASH} "
        "Person v13 (v13) is absent 1-10 Feb",
    ]


def test_day_reasons_are_the_availability_reasons_in_both_locales() -> None:
    """The explainer gives the cause solver.availability found for a person's day, and
    that cause reads the same in the CLI (English) and in the plan's locale."""
    spec = Spec(
        people=[
            person("c1", weekdays=["wednesday"]),
            person("c2", absences=[{"from": "2027-02-01", "to": "2027-02-03"}]),
            person("c3"),
            person("c4"),
        ],
        answers={("c3", WED): "no", ("c4", THU): "no"},
        overrides={"forbid": [{"volunteer": "c3", "date": THU.isoformat()}]},
        weeks=(WED, THU),
    )
    spec.appointment_hours = appointment_rule()
    data = spec.data()
    plan = solve(data)
    inp = month_input(data, MONTH, as_of=plan.as_of)
    explainer = Explainer(inp, plan)
    english, german = Wording("en"), Wording("de")
    friday = date(2027, 2, 5)
    found = {}
    for volunteer in inp.people:
        for day in (WED, THU, friday):
            status = inp.availability.status(volunteer.id, day)
            if not status.can:
                why = explainer.cannot_come(volunteer, day)
                assert why == status.why
                assert english.render(why) == status.reason
                found[(volunteer.id, day)] = (status.reason, german.render(why))
    assert found == {
        ("c1", THU): (
            "gave no poll answer for Thu 4 Feb and does not usually come on Thursdays",
            "hat für Do., 4. Feb. nicht geantwortet und kommt sonst nicht donnerstags",
        ),
        ("c2", WED): ("is absent 1-3 Feb", "ist 1.-3. Feb. abwesend"),
        ("c3", WED): (
            "answered no in the poll for Wed 3 Feb",
            "hat in der Umfrage für Mi., 3. Feb. mit Nein geantwortet",
        ),
        ("c3", THU): (
            "is excluded from Thu 4 Feb by an override",
            "ist für Do., 4. Feb. durch eine Vorgabe ausgeschlossen",
        ),
        ("c4", THU): (
            "answered no in the poll for Thu 4 Feb",
            "hat in der Umfrage für Do., 4. Feb. mit Nein geantwortet",
        ),
    } | {
        (pid, friday): (
            "there is no session on Fri 5 Feb",
            "am Fr., 5. Feb. gibt es keine Sprechstunde",
        )
        for pid in ("c1", "c2", "c3", "c4")
    }


def test_the_german_example_plan_has_german_reasons() -> None:
    plan = read_plan(PLAN)
    assert plan.locale == "de"
    found = reasons(plan)
    tigrinya = [r for r in found if r.startswith("Tigrinya am Do., 10. Dez.")]
    assert tigrinya == [
        "Tigrinya am Do., 10. Dez.: nur Yonas Tesfay (v13) spricht Tigrinya gut genug "
        "und ist 7.-20. Dez. abwesend"
    ]
    for reason in found:
        assert "well enough" not in reason
        assert " on " not in reason
        assert " am " in reason or reason.startswith("Mi., ")


def test_english_qualification_reasons_are_the_availability_reasons() -> None:
    spec = Spec(
        people=[
            person("c1"),
            person("b1", languages={"de": "native", "ps": "basic"}),
            person("l1", "lead", languages={"de": "native", "ps": "native"}),
            interpreter("i2", "ps"),
        ]
    )
    data = spec.data()
    plan = solve(data)
    inp = month_input(data, MONTH, as_of=plan.as_of)
    explainer = Explainer(inp, plan)
    english = Wording("en")
    found = {}
    for volunteer in inp.people:
        for code in ("ps", "so"):
            expected = cannot_cover_reason(volunteer, code, "Pashto" if code == "ps" else "Somali")
            why = explainer.not_qualified(volunteer, code)
            assert (why and english.render(why)) == expected
            found[(volunteer.id, code)] = expected
    assert found[("i2", "ps")] is None
    assert found[("b1", "ps")] == "speaks Pashto only at basic level"
    assert found[("l1", "ps")] == "speaks Pashto but is neither interpreter nor counsellor"
    assert found[("c1", "so")] == "does not speak Somali"
    why = explainer.not_qualified(inp.person("b1"), "ps")
    assert why is not None
    assert Wording("de").render(why) == "spricht Paschtu nur auf Grundniveau"
