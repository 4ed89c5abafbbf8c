"""The office jobs that read the folder and write nothing: check, calendar, forecast; and
``init``, which writes a starter folder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from roster.app.clock import month_or_next, next_month
from roster.app.guard import reading
from roster.app.summaries import calendar_json, calendar_text, check_summary, forecast_text
from roster.domain.languages import language_name
from roster.domain.month import Month
from roster.domain.sessions import month_calendar
from roster.folder.load import load_office
from roster.folder.starter import STARTER_ZONE, init_folder
from roster.wording.catalogue import text
from roster.wording.dates import date_text


def check_folder(folder: Path, *, locale: str | None = None) -> str:
    """Validate the office folder; its summary in ``locale`` (default: the office's)
    (raises :class:`RosterError` with every problem otherwise)."""
    with reading():
        data = load_office(Path(folder))
    return check_summary(data, locale or data.office.locale)


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
    language = language_name(locale, locale)
    lines = [text(locale, "command.init_wrote", language=language, folder=folder)]
    lines.extend(f"  {path}" for path in written)
    lines.append(
        text(locale, "command.init_month", month=date_text(month.first, "LLLL yyyy", locale))
    )
    lines.append(text(locale, "command.init_fill", command=f"roster check {folder}"))
    lines.append(text(locale, "command.init_readme"))
    return "\n".join(lines) + "\n"
