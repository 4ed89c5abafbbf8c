"""A calendar month such as ``2026-12``."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from roster.domain.errors import RosterError

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Month:
    """One month of one year."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """Parse ``YYYY-MM``; raise :class:`RosterError` with a plain message otherwise."""
        match = _MONTH.match(text.strip())
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise RosterError(
                f"'{text}' is not a month. Write it as YEAR-MONTH with two digits, e.g. 2026-12."
            )
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: date) -> Month:
        """The month a date lies in."""
        return cls(day.year, day.month)

    @property
    def first(self) -> date:
        """First day of the month."""
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        """Last day of the month."""
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def days(self) -> list[date]:
        """Every day of the month, in order."""
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def next(self) -> Month:
        """The month after this one."""
        return Month.of(self.last + timedelta(days=1))

    def previous(self) -> Month:
        """The month before this one."""
        return Month.of(self.first - timedelta(days=1))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and (day.year, day.month) == (self.year, self.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
