"""One catalogue for every de/en text: same ids and placeholders in both locales, every
id a caller asks for is there."""

from __future__ import annotations

import re
import string
from datetime import date
from importlib.resources import files
from typing import get_args

import pytest

from roster.printouts.words import Words
from roster.wording.catalogue import (
    AREAS,
    CATALOGUE,
    LOCALES,
    is_term,
    placeholders,
    plural,
    template,
    text,
)
from roster.wording.explanations import Wording
from solver.reasons import Code, Kind

# Every format spec Wording.value knows, with a value of the shape it takes.
SAMPLES: dict[str, object] = {
    "day": date(2026, 12, 10),
    "short": date(2026, 12, 10),
    "days": (date(2026, 12, 10),),
    "span": (date(2026, 12, 7), date(2026, 12, 20)),
    "weekdays": date(2026, 12, 10),
    "clock": date(2026, 12, 10),
    "language": "ti",
    "number": 2.5,
    "whole": 143090,
    "month": date(2026, 12, 1),
    "date": date(2026, 11, 25),
    "hours": 90,
    "interpreters": 2,
    "experienced": 1,
    "duties": 2,
    "offered": 1,
    "person": "v16",
    "persons": ("v16", "v17"),
    "ids": ("A-1", "A-2"),
    "list": (),
    "each": (),
    "digest": (),
    "line": "",
    "lines": (),
    "closures": (),
}

WORDED = ("reason.", "check.")
"""The areas worded by Wording, whose templates carry format specs."""


def params(template_text: str) -> set[tuple[str, str]]:
    """The placeholders a caller fills: all but the terms, which the catalogue fills."""
    return {(name, spec) for name, spec in placeholders(template_text) if not is_term(name)}


def test_german_and_english_have_the_same_ids() -> None:
    assert set(LOCALES) == {"de", "en"}
    assert CATALOGUE["de"].keys() == CATALOGUE["en"].keys()
    for area, table in AREAS.items():
        assert table["de"].keys() == table["en"].keys(), area
        assert all(f"{area}.{key}" in CATALOGUE["en"] for key in table["en"]), area


def test_german_and_english_have_the_same_placeholders_per_id() -> None:
    """The same values to fill per id; the terms each locale names may differ (German
    says "Terminsprechstunden" where English says "appointment hours")."""
    for key, english in CATALOGUE["en"].items():
        assert params(CATALOGUE["de"][key]) == params(english), key


def test_every_term_a_text_names_is_a_term() -> None:
    for locale in LOCALES:
        for key, written in CATALOGUE[locale].items():
            for name, _ in placeholders(written):
                if name[:2] in ("t_", "T_"):
                    assert is_term(name), (locale, key, name)
    assert text("de", "print.agenda_title", month="Mai") == "Teamsitzung Mai"
    assert text("en", "summary.no_sessions", month="May") == "No open hours in May."
    assert text("de", "summary.no_sessions", month="Mai") == "Keine offene Sprechstunde im Mai."


def test_counted_nouns_follow_the_plural_rules_of_each_locale() -> None:
    assert plural("en", "summary.trainees", 1) == "(1 trainee)"
    assert plural("en", "summary.trainees", 2) == "(2 trainees)"
    assert plural("de", "summary.trainees", 1) == "(1 in Einarbeitung)"
    assert plural("de", "summary.volunteer", 1) == "1 Person"
    assert plural("de", "summary.volunteer", 0) == "0 Personen"
    for key in CATALOGUE["en"]:
        if key.endswith("_one"):
            assert key.removesuffix("_one") + "_other" in CATALOGUE["en"], key


def test_only_the_reasons_use_format_specs_and_only_known_ones() -> None:
    for key, english in CATALOGUE["en"].items():
        specs = {spec for _, spec in placeholders(english) if spec}
        if key.startswith(WORDED):
            assert specs <= SAMPLES.keys(), key
        else:
            assert not specs, key


def test_every_reason_template_renders_in_both_locales() -> None:
    """Fill each reason with sample values of its specs: a template that asks for an
    unknown spec or a value of the wrong shape fails here, not in a plan."""
    for locale in LOCALES:
        wording = Wording(locale)
        for key, english in CATALOGUE["en"].items():
            if not key.startswith(WORDED) or key.startswith("reason.pattern_"):
                continue
            values = {name: SAMPLES.get(spec, "x") for name, spec in params(english)}
            written = wording.sentence(key, **values)
            assert "{" not in written, (locale, key)


def test_an_unknown_format_spec_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown format spec 'weekday'"):
        Wording("en").value(date(2026, 12, 10), "weekday")


def test_every_reason_code_and_kind_has_its_words() -> None:
    for code in get_args(Code):
        assert f"reason.{code}" in CATALOGUE["en"], code
    for kind in get_args(Kind):
        assert f"reason.group_{kind}" in CATALOGUE["en"], kind


def test_every_word_the_printout_templates_ask_for_is_there() -> None:
    asked = set()
    for name in ("agenda", "appointments", "base", "door", "rota", "schedule"):
        source = files("templates").joinpath(f"{name}.html.j2").read_text(encoding="utf-8")
        asked |= set(re.findall(r"\bt\(\"([a-z_]+)\"", source))
    assert len(asked) > 40
    missing = {key for key in asked if f"print.{key}" not in CATALOGUE["en"]}
    assert missing == set()


def test_text_fills_a_template_and_other_locales_get_english() -> None:
    assert text("de", "feed.cal_team", office="Büro") == "Büro: Dienstplan"
    assert text("en", "feed.cal_team", office="Office") == "Office: rota"
    assert text("fr", "summary.none") == "(none)"
    assert template("de", "print.rota_title") == "Dienstplan {month}"
    assert Words("de")("rota_title", month="Dezember 2026") == "Dienstplan Dezember 2026"
    with pytest.raises(KeyError):
        text("en", "rota_title")


def test_the_feed_and_printout_words_are_plain_format_strings() -> None:
    """Templates outside the reasons and the checker's findings are filled by str.format
    alone (no specs, no nested fields), so any caller can fill them."""
    for key, english in CATALOGUE["en"].items():
        if key.startswith(WORDED):
            continue
        for _, name, spec, conversion in string.Formatter().parse(english):
            if name is not None:
                assert name.isidentifier(), key
                assert not spec, key
                assert conversion is None, key
