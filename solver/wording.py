"""Plain English words for dates, people, languages and functions in messages.

The CLI speaks English; dates read like "Thu 10 Dec" on every machine, whatever its
locale, so messages and plan files stay the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from roster.languages import language_name
from roster.office import Office

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAY_PLURAL = (
    "Mondays",
    "Tuesdays",
    "Wednesdays",
    "Thursdays",
    "Fridays",
    "Saturdays",
    "Sundays",
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(day: date) -> str:
    """``Thu 10 Dec``."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


def short_day(day: date) -> str:
    """``10 Dec``."""
    return f"{day.day} {_MONTHS[day.month - 1]}"


def weekday_plural(day: date) -> str:
    """``Thursdays``."""
    return _WEEKDAY_PLURAL[day.weekday()]


def span_text(first: date, last: date) -> str:
    """``7-20 Dec``, ``28 Nov-3 Dec``, or ``10 Dec`` for one day."""
    if first == last:
        return short_day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}-{last.day} {_MONTHS[last.month - 1]}"
    return f"{short_day(first)}-{short_day(last)}"


def days_text(days: Iterable[date]) -> str:
    """``2, 3 and 10 Dec`` style list of dates."""
    items = [short_day(day) for day in sorted(days)]
    return and_list(items)


def and_list(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if not items:
        return "nobody"
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def language_text(office: Office, code: str) -> str:
    """The English name of a language: ``Tigrinya``."""
    return language_name(code, "en", office.languages)


def count_text(count: int, noun: str, plural: str | None = None) -> str:
    """``1 interpreter``, ``2 interpreters``."""
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


def hours_text(minutes: int) -> str:
    """``2 hours``, ``1.5 hours``."""
    value = minutes / 60
    shown = f"{value:g}" if value == int(value) else f"{value:.1f}"
    return f"{shown} hour{'s' if value != 1 else ''}"
