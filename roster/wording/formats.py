"""Dates, times, numbers and language names for the printouts, all through Babel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from roster.domain.languages import language_name, native_name
from roster.domain.month import Month
from roster.wording.dates import (
    date_text,
    hour_skeleton,
    interval_text,
    number_text,
    skeleton_text,
    time_text,
    weekday_name,
)

NONE = "\N{EN DASH}"
"""What a table cell shows when there is no value."""
MINUS = "\N{MINUS SIGN}"


def capitalised(name: str) -> str:
    """``русский`` -> ``Русский``: a name standing alone starts with a capital."""
    return name[:1].upper() + name[1:]


@dataclass(frozen=True)
class Formatter:
    """Formats for one printout locale and the office's time zone and language names."""

    locale: str
    zone: ZoneInfo
    language_names: dict[str, dict[str, str]]

    def month(self, month: Month) -> str:
        """``Dezember 2026``."""
        return skeleton_text(month.first, "yMMMM", self.locale)

    def month_name(self, month: Month) -> str:
        """``Dezember``, standing alone."""
        return date_text(month.first, "LLLL", self.locale)

    def day_short(self, day: date) -> str:
        """``Do., 3. Dez.``."""
        return skeleton_text(day, "MMMEd", self.locale)

    def day_numeric(self, day: date) -> str:
        """``3.12.``: day and month in digits, for chart labels."""
        return skeleton_text(day, "Md", self.locale)

    def day_medium(self, day: date) -> str:
        """``03.12.2026``."""
        return date_text(day, "medium", self.locale)

    def day_full(self, day: date) -> str:
        """``Donnerstag, 3. Dezember 2026``."""
        return date_text(day, "full", self.locale)

    def day_long(self, day: date) -> str:
        """``3. Dezember 2026``."""
        return date_text(day, "long", self.locale)

    def weekday(self, index: int) -> str:
        """``Donnerstag`` for index 3 (Monday is 0)."""
        return weekday_name(index, self.locale)

    def time(self, moment: datetime) -> str:
        """``14:00``, in the office's time zone."""
        return time_text(moment, "short", self.locale, self.zone)

    def span(self, start: datetime, end: datetime) -> str:
        """``14:00-16:00 Uhr`` (with an en dash), in the office's time zone."""
        return interval_text(start, end, hour_skeleton(self.locale), self.locale, self.zone)

    def number(self, value: float, digits: int = 0) -> str:
        """``0,25`` with ``digits`` decimals."""
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return number_text(value, pattern, self.locale)

    def signed(self, value: float, digits: int = 1) -> str:
        """``+0,4``, or a minus sign and ``0,4``."""
        text = self.number(abs(value), digits)
        if text.strip("0,.") == "":
            return text
        return ("+" if value > 0 else MINUS) + text

    def language(self, code: str) -> str:
        """The language's name in the printout's locale: ``Arabisch``."""
        return capitalised(language_name(code, self.locale, self.language_names))

    def native(self, code: str) -> str | None:
        """The language's name in that language (``العربية``), None if unknown."""
        name = native_name(code, self.language_names)
        return capitalised(name) if name else None
