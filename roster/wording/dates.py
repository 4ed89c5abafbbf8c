# ruff: noqa: RUF001, RUF002 - the en dash between two times belongs in feed and printed text
"""Dates, times and numbers in words, through Babel, with each locale parsed once.

Every caller names the form it wants (a Babel pattern, skeleton or standard format such
as ``long``), so texts read the same on every machine, whatever its locale. The feeds
write British English (``7 December 2026``); the printouts, reasons and summaries use
Babel's plain ``en`` and ``de``.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from functools import cache

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, format_time
from babel.numbers import format_decimal, format_percent

FEED_LOCALES = {"de": "de_DE", "en": "en_GB"}
"""The Babel locale of the feeds' dates and times, per office locale."""


@cache
def babel_locale(name: str) -> Locale:
    """The Babel locale ``name`` (``de``, ``en``, ``en_GB``), parsed once."""
    return Locale.parse(name)


def date_text(day: date, form: str, locale: str) -> str:
    """``day`` in a Babel pattern (``EEE d MMM``) or standard format (``long``)."""
    return format_date(day, form, locale=babel_locale(locale))


def skeleton_text(value: date | datetime, skeleton: str, locale: str) -> str:
    """``value`` in the locale's best pattern for a Babel skeleton (``MMMEd``)."""
    return format_skeleton(skeleton, value, locale=babel_locale(locale))


def time_text(value: datetime | time, form: str, locale: str, zone: tzinfo | None = None) -> str:
    """A time of day in a Babel pattern (``HH:mm``) or standard format (``short``);
    with ``zone``, on that zone's wall clock."""
    return format_time(value, form, tzinfo=zone, locale=babel_locale(locale))


def interval_text(start: datetime, end: datetime, skeleton: str, locale: str, zone: tzinfo) -> str:
    """``14:00–16:00 Uhr``: the locale's interval pattern for a skeleton, in ``zone``."""
    return format_interval(start, end, skeleton, tzinfo=zone, locale=babel_locale(locale))


def hour_skeleton(locale: str) -> str:
    """``Hm`` or ``hm``: the locale's own hour cycle (14:00, 2:00 PM), from CLDR."""
    pattern = babel_locale(locale).time_formats["short"].pattern
    return "Hm" if "H" in pattern else "hm"


def weekday_name(index: int, locale: str) -> str:
    """``Donnerstag`` for index 3 (Monday is 0)."""
    return str(babel_locale(locale).days["format"]["wide"][index])


def number_text(value: float, pattern: str, locale: str) -> str:
    """A number in a Babel decimal pattern (``#,##0.#``)."""
    return format_decimal(value, format=pattern, locale=babel_locale(locale))


def percent_text(value: float, locale: str) -> str:
    """``3.2%``, ``3,2 %``: a share as a percentage with one decimal."""
    return format_percent(value, "#,##0.0%", locale=babel_locale(locale))


def feed_day(day: date, locale: str) -> str:
    """A date in a feed: ``7. Dezember 2026`` or ``7 December 2026``."""
    return date_text(day, "long", FEED_LOCALES.get(locale, "en_GB"))


def feed_clock(moment: datetime, locale: str) -> str:
    """A time of day in a feed, e.g. ``13:00`` (wall clock of ``moment``'s zone)."""
    return time_text(moment.time(), "short", FEED_LOCALES.get(locale, "en_GB"))


def feed_span(start: datetime, end: datetime, locale: str) -> str:
    """``13:00–14:00`` in a feed."""
    return f"{feed_clock(start, locale)}–{feed_clock(end, locale)}"
