"""The office jobs that read the folder and write nothing: check, calendar, forecast; and
``init``, which writes a starter folder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from roster.app.clock import month_or_next, next_month
from roster.app.guard import reading
from roster.app.summaries import calendar_json, calendar_text, check_summary, forecast_text
from roster.domain.month import Month
from roster.domain.sessions import month_calendar
from roster.folder.load import load_office
from roster.folder.starter import STARTER_ZONE, init_folder


def check_folder(folder: Path) -> str:
    """Validate the office folder; its summary (raises :class:`RosterError` with every
    problem otherwise)."""
    with reading():
        return check_summary(load_office(Path(folder)))


def calendar_of(
    folder: Path,
    month: Month | str | None = None,
    *,
    locale: str | None = None,
    as_json: bool = False,
    now: datetime | None = None,
) -> str:
    """The month's sessions, closed dates and team meeting, as text or JSON."""
    with reading():
        data = load_office(Path(folder))
    words = locale or data.office.locale
    result = month_calendar(data.office, month_or_next(data.office, month, now), words)
    return calendar_json(result) if as_json else calendar_text(result, words)


def forecast_of(
    folder: Path,
    month: Month | str | None = None,
    *,
    locale: str | None = None,
    now: datetime | None = None,
) -> str:
    """Expected visitors and interpreters per language and open-hours date."""
    with reading():
        data = load_office(Path(folder))
    chosen = month_or_next(data.office, month, now)
    return forecast_text(data, chosen, locale or data.office.locale)


def init_office(folder: Path, *, locale: str = "de", now: datetime | None = None) -> str:
    """Write a commented starter folder in ``locale`` (de or en), its example poll and
    appointment requests for next month in the starter's time zone (the month `roster
    plan` plans by default); what was written and what to do next."""
    month = next_month(STARTER_ZONE, now)
    with reading():
        written = init_folder(Path(folder), locale=locale, month=month)
    language = {"de": "German", "en": "English"}.get(locale, locale)
    lines = [f"Wrote a starter office folder ({language}) to {folder}:"]
    lines.extend(f"  {path}" for path in written)
    lines.append(
        f"The example poll and appointment requests are for {month} (next month); "
        "remove .example from their names to use them."
    )
    lines.append(f"Fill in office.yaml and volunteers.yaml, then run: roster check {folder}")
    lines.append("README.txt in the folder explains the files and the monthly job.")
    return "\n".join(lines) + "\n"
