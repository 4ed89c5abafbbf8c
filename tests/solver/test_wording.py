"""Reasons in the office's locale: German sentences for ``de``, English for ``en``."""

from __future__ import annotations

import dataclasses
import string
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
from roster.wording.explanations import TEXTS, Wording
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


def test_both_locales_have_the_same_sentences() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert TEXTS["de"].keys() == TEXTS["en"].keys()
    for key, english in TEXTS["en"].items():
        assert fields(TEXTS["de"][key]) == fields(english), key


def test_dates_numbers_and_names_come_from_babel() -> None:
    de, en = Wording("de"), Wording("en")
    day = date(2026, 12, 10)
    assert (de.day(day), en.day(day)) == ("Do., 10. Dez.", "Thu 10 Dec")
    assert (de.span(date(2026, 12, 7), date(2026, 12, 20)), en.span(date(2026, 12, 7), day)) == (
        "7.-20. Dez.",
        "7-10 Dec",
    )
    assert en.span(date(2026, 11, 28), date(2026, 12, 3)) == "28 Nov-3 Dec"
    assert (de.weekday_plural(day), en.weekday_plural(day)) == ("donnerstags", "Thursdays")
    assert (de.language("ar"), en.language("ar"), de.language("ti")) == (
        "Arabisch",
        "Arabic",
        "Tigrinya",
    )
    assert (de.hours(90), en.hours(90), en.hours(60)) == ("1,5 Stunden", "1.5 hours", "1 hour")
    assert de.days([date(2026, 12, 17), day]) == "10. Dez. und 17. Dez."
    assert Wording("fr").locale == "en"


def test_a_german_office_gets_german_reasons() -> None:
    plan = solve(in_locale(away_spec().data(), "de"))
    assert plan.locale == "de"
    assert reasons(plan) == [
        "Tigrinya am Do., 4. Feb.: nur v13 spricht Tigrinya gut genug, "
        "und v13 ist 1.-10. Feb. abwesend",
        "A-7#1: Mi., 3. Feb.: niemand, der Tigrinya dolmetscht, kann kommen "
        "(v13 ist 1.-10. Feb. abwesend), und keine Beratungsperson, die kommen kann, "
        "spricht Tigrinya",
    ]


def test_an_english_office_keeps_english_reasons() -> None:
    plan = solve(away_spec().data())
    assert plan.locale == "en"
    assert reasons(plan) == [
        "Tigrinya on Thu 4 Feb: only v13 speaks Tigrinya well enough, and v13 is absent 1-10 Feb",
        "A-7#1: Wed 3 Feb: no interpreter for Tigrinya can come (v13 is absent 1-10 Feb) and "
        "no counsellor who can come speaks Tigrinya",
    ]


def test_english_day_reasons_are_the_availability_reasons() -> None:
    """The explainer words each cause of a person's day itself; in English it says
    exactly what solver.availability says, for every cause."""
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
    explainer = Explainer(inp, plan, Wording("en"))
    seen = set()
    for volunteer in inp.people:
        for day in (WED, THU, date(2027, 2, 5)):
            status = inp.availability.status(volunteer.id, day)
            if not status.can:
                assert explainer.cannot_come(volunteer, day) == status.reason
                seen.add(status.reason.split(" ")[0])
    assert seen == {"gave", "is", "answered", "there"}


def test_the_german_example_plan_has_german_reasons() -> None:
    plan = read_plan(PLAN)
    assert plan.locale == "de"
    found = reasons(plan)
    tigrinya = [r for r in found if r.startswith("Tigrinya am Do., 10. Dez.")]
    assert tigrinya == [
        "Tigrinya am Do., 10. Dez.: nur v13 spricht Tigrinya gut genug, "
        "und v13 ist 7.-20. Dez. abwesend"
    ]
    for reason in found:
        assert "well enough" not in reason
        assert " on " not in reason
        assert " am " in reason or ": Mi., " in reason


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
    explainer = Explainer(inp, plan, Wording("en"))
    found = {}
    for volunteer in inp.people:
        for code in ("ps", "so"):
            expected = cannot_cover_reason(volunteer, code, "Pashto" if code == "ps" else "Somali")
            assert explainer.not_qualified(volunteer, code) == expected
            found[(volunteer.id, code)] = expected
    assert found[("i2", "ps")] is None
    assert found[("b1", "ps")] == "speaks Pashto only at basic level"
    assert found[("l1", "ps")] == "speaks Pashto but is neither interpreter nor counsellor"
    assert found[("c1", "so")] == "does not speak Somali"
    german = Explainer(inp, plan, Wording("de"))
    assert german.not_qualified(inp.person("b1"), "ps") == "spricht Paschtu nur auf Grundniveau"
