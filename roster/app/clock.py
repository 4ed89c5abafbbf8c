"""One clock for every job: now, today and the default month, in the office's own time zone.

Front ends pass what the person typed (a month, a date) or nothing; the application turns
it into dates here, so the CLI and the web app agree on what "today" and "next month" are.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office import Office


def office_now(office: Office, now: datetime | None = None) -> datetime:
    """The moment ``now`` (default: the real time) in the office's time zone."""
    moment = now or datetime.now(office.zone)
    if moment.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return moment.astimezone(office.zone)


def office_today(office: Office, now: datetime | None = None) -> date:
    """Today's date in the office's time zone."""
    return office_now(office, now).date()


def next_month(zone: ZoneInfo, now: datetime | None = None) -> Month:
    """The month after ``now`` (default: the real time) in the time zone ``zone``: the
    month that `roster plan` and `roster print` take when none is given."""
    moment = now or datetime.now(zone)
    if moment.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return Month.of(moment.astimezone(zone).date()).next()


def month_or_next(office: Office, month: Month | str | None, now: datetime | None = None) -> Month:
    """``month`` (a :class:`Month` or ``YYYY-MM``), or next month in the office's zone."""
    if isinstance(month, Month):
        return month
    if month:
        return Month.parse(month)
    return next_month(office.zone, now)


def parse_day(value: str | date | None, office: Office, now: datetime | None = None) -> date:
    """A date given as ``YYYY-MM-DD`` (or a date), or today in the office's zone."""
    if isinstance(value, date):
        return value
    if value is None:
        return office_today(office, now)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RosterError(f"--today '{value}' is not a date; write it as YYYY-MM-DD.") from None
