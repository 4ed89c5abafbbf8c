# ruff: noqa: RUF001 - CLDR date ranges and feed times use the en dash
"""Dates, times, numbers and language names come from Babel, each locale parsed once."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from roster.domain.month import Month
from roster.wording.dates import babel_locale, feed_day, feed_span
from roster.wording.explanations import Wording, day_text, short_day, span_text
from roster.wording.formats import Formatter

BERLIN = ZoneInfo("Europe/Berlin")


def test_each_locale_is_parsed_once() -> None:
    assert babel_locale("de") is babel_locale("de")
    assert babel_locale("en_GB") is not babel_locale("en")
    assert str(babel_locale("en_GB")) == "en_GB"


def test_reason_dates_numbers_and_names() -> None:
    de, en = Wording("de"), Wording("en")
    day = date(2026, 12, 10)
    assert (de.day(day), en.day(day)) == ("Do., 10. Dez.", "Thu 10 Dec")
    assert (de.span(date(2026, 12, 7), date(2026, 12, 20)), en.span(date(2026, 12, 7), day)) == (
        "7.-20. Dez.",
        "7-10 Dec",
    )
    assert en.span(date(2026, 11, 28), date(2026, 12, 3)) == "28 Nov-3 Dec"
    assert en.span(day, day) == "10 Dec"
    assert (de.weekday_plural(day), en.weekday_plural(day)) == ("donnerstags", "Thursdays")
    assert (de.language("ar"), en.language("ar"), de.language("ti")) == (
        "Arabisch",
        "Arabic",
        "Tigrinya",
    )
    assert (de.hours(90), en.hours(90), en.hours(60)) == ("1,5 Stunden", "1.5 hours", "1 hour")
    assert (de.number(12.5), en.number(2.125)) == ("12,5", "2.125")
    assert de.days([date(2026, 12, 17), day]) == "10. Dez. und 17. Dez."
    assert en.days([date(2026, 12, 17), day, date(2026, 12, 3)]) == "3 Dec, 10 Dec and 17 Dec"
    assert en.and_list([]) == "nobody"
    assert Wording("fr").locale == "en"


def test_the_office_names_its_own_languages() -> None:
    named = Wording("de", {"kmr": {"de": "Kurmandschi", "en": "Kurmanji"}})
    assert named.language("kmr") == "Kurmandschi"
    assert Wording("en").language("kmr") == "kmr"


def test_the_cli_helpers_are_english() -> None:
    day = date(2026, 12, 10)
    assert (day_text(day), short_day(day)) == ("Thu 10 Dec", "10 Dec")
    assert span_text(date(2026, 12, 7), date(2026, 12, 20)) == "7-20 Dec"


def test_feed_dates_are_british_english_or_german() -> None:
    start = datetime(2026, 12, 3, 14, 0, tzinfo=BERLIN)
    end = datetime(2026, 12, 3, 16, 30, tzinfo=BERLIN)
    assert (feed_day(date(2026, 12, 7), "de"), feed_day(date(2026, 12, 7), "en")) == (
        "7. Dezember 2026",
        "7 December 2026",
    )
    assert feed_span(start, end, "en") == "14:00–16:30"
    assert feed_span(start, end, "de") == "14:00–16:30"


def test_printout_formats_follow_the_locale_and_the_office_zone() -> None:
    german = Formatter("de", BERLIN, {})
    english = Formatter("en", BERLIN, {})
    start = datetime(2026, 12, 3, 13, 0, tzinfo=ZoneInfo("UTC"))
    end = datetime(2026, 12, 3, 15, 0, tzinfo=ZoneInfo("UTC"))
    assert german.month(Month(2026, 12)) == "Dezember 2026"
    assert german.month_name(Month(2026, 12)) == "Dezember"
    assert german.day_short(date(2026, 12, 3)) == "Do., 3. Dez."
    assert german.day_long(date(2026, 12, 3)) == "3. Dezember 2026"
    assert english.day_long(date(2026, 12, 3)) == "December 3, 2026"
    assert german.weekday(3) == "Donnerstag"
    assert german.time(start) == "14:00"
    assert german.span(start, end) == "14:00–16:00 Uhr"
    assert english.span(start, end) == "2:00\u2009–\u20094:00\u202fPM"
    assert (german.number(0.25, 2), german.signed(0.4), german.signed(-0.4)) == (
        "0,25",
        "+0,4",
        "\N{MINUS SIGN}0,4",
    )
    assert german.signed(0.0) == "0,0"
    assert german.language("ar") == "Arabisch"
    assert german.native("ar") == "العربية"
