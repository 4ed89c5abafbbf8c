"""One word for one thing: every text of the catalogue names the office's things with the
word chosen in ``term.*``, never with another (``Teamtreffen`` for ``Teamsitzung``)."""

from __future__ import annotations

import re

import pytest

from roster.wording.catalogue import CATALOGUE, LOCALES, TERMS, Locale, text
from roster.wording.terms import TEXTS, VARIANTS

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def visible(template: str, locale: Locale) -> str:
    """A template as a reader sees its fixed words: the terms filled in, every other
    placeholder left out."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(0)[1:-1].split(":", 1)[0]
        return TERMS[locale].get(name, " ")

    return PLACEHOLDER.sub(fill, template)


def found(variant: str, written: str) -> bool:
    """Whether ``variant`` (a regular expression) stands in ``written`` as a word."""
    return re.search(rf"(?<!\w){variant}(?!\w)", written, flags=re.IGNORECASE) is not None


@pytest.mark.parametrize("locale", LOCALES)
def test_no_text_uses_a_word_that_was_not_chosen(locale: Locale) -> None:
    offending = [
        (key, term, variant)
        for key, template in CATALOGUE[locale].items()
        for term, variants in VARIANTS[locale].items()
        for variant in variants
        if found(variant, visible(template, locale))
    ]
    assert offending == []


@pytest.mark.parametrize("locale", LOCALES)
def test_the_chosen_words_are_not_among_their_variants(locale: Locale) -> None:
    for term, variants in VARIANTS[locale].items():
        assert term in TEXTS[locale], term
        for variant in variants:
            assert not found(variant, TEXTS[locale][term]), (term, variant)
            assert not found(variant, TEXTS[locale].get(f"{term}s", "")), (term, variant)


def test_the_variant_check_finds_what_it_looks_for() -> None:
    """The check above is no check that cannot fail."""
    assert found(VARIANTS["de"]["team_meeting"][0], "Einladung zum Teamtreffen am Montag")
    assert found("Dolmetscher(?!:in)", "alle Dolmetscher*innen")
    assert not found("Dolmetscher(?!:in)", "alle Dolmetscher:innen")
    assert found("Berater(?!:in)", "ein Berater kommt")
    assert not found("Berater(?!:in)", "eine Berater:in, die Beratung")
    assert found("shift", "missing shifts") is False  # whole words only ...
    assert found("shifts?", "missing shifts")  # ... unless the variant says so
    assert visible("{T_team_meeting} {month}", "de") == "Teamsitzung  "


@pytest.mark.parametrize(
    ("key", "de", "en"),
    [
        ("feed.meeting", "Teamsitzung", "Team meeting"),
        ("print.team_meeting", "Teamsitzung", "Team meeting"),
        ("summary.meeting", "Teamsitzung", "Team meeting"),
        ("print.col_lead", "Leitungsdienst", "Lead duty"),
        ("feed.lead", "Leitungsdienst", "lead duty"),
        ("print.door_title", "Sprechzeiten", "Opening hours"),
    ],
)
def test_the_feed_and_the_printouts_say_the_same(key: str, de: str, en: str) -> None:
    assert de in text("de", key, day="", time="", month="")
    assert en in text("en", key, day="", time="", month="")
