"""The office jobs that read the folder and write nothing: check, calendar, forecast, the
office's name and language for the web app's pages; and ``init``, which writes a starter
folder."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from roster.app.accounts import read_accounts
from roster.app.clock import month_or_next, next_month
from roster.app.guard import reading
from roster.app.summaries import calendar_json, calendar_text, check_summary, forecast_text
from roster.domain.errors import RosterError
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


@dataclass(frozen=True)
class OfficeWords:
    """What every page of the web app shows of the office: its name and language."""

    name: str
    locale: str
    zone: ZoneInfo
    has_accounts: bool
    """Whether any lead can log in to the web app yet."""


def office_words(folder: Path) -> OfficeWords:
    """The office's name, language and time zone for the web app's pages; while the
    folder has errors, the folder's name, German and Berlin, so the pages still work."""
    folder = Path(folder)
    with reading():
        has_accounts = bool(read_accounts(folder).accounts)
        try:
            office = load_office(folder).office
        except RosterError:
            return OfficeWords(folder.name, "de", ZoneInfo("Europe/Berlin"), has_accounts)
    return OfficeWords(office.name, office.locale, office.zone, has_accounts)
