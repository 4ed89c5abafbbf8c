"""`roster init`: a commented starter office folder, and the example office for the demo.

The starter comes in the office's language: ``roster/starter/de`` and
``roster/starter/en`` hold the same files, with comments, example names and a
README.txt in German or English. The example poll and appointment files are for the
month that `roster plan` plans by default (next month): their file names carry ``MONTH``
and their texts ``${...}`` placeholders (:class:`string.Template`), both filled in by
:func:`starter_files`. The poll's dates are the month's first appointment-hours and
open-hours dates of the starter office itself, so the examples stay valid whatever the
month.
"""

from __future__ import annotations

from datetime import date, timedelta
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template
from zoneinfo import ZoneInfo

import yaml
from babel.dates import format_date

from roster.domain.errors import RosterError
from roster.domain.files import write_atomic
from roster.domain.month import Month
from roster.domain.office import Office
from roster.domain.sessions import month_calendar

STARTER_LOCALES = ("de", "en")
MONTH_IN_NAME = "MONTH"
"""Stands for the month (``2026-12``) in the starter's file names."""
STARTER_ZONE = ZoneInfo("Europe/Berlin")
"""The time zone of the starter's office.yaml: its "next month" is the examples' month."""


def _templates(source: Traversable, prefix: str = "") -> dict[str, str]:
    """Relative path -> text of every starter file below ``source``."""
    found: dict[str, str] = {}
    for item in sorted(source.iterdir(), key=lambda t: t.name):
        if item.name.startswith((".", "__")):
            continue
        if item.is_dir():
            found.update(_templates(item, f"{prefix}{item.name}/"))
        else:
            found[prefix + item.name] = item.read_text(encoding="utf-8")
    return found


def _first_dates(office_yaml: str, month: Month) -> list[date]:
    """The month's first appointment-hours date and first open-hours date of the
    starter office, in date order (the columns of the example poll)."""
    office = Office.model_validate(yaml.safe_load(office_yaml))
    firsts: dict[str, date] = {}
    for session in month_calendar(office, month).sessions:
        firsts.setdefault(session.kind, session.date)
    return sorted(firsts.values())


def _values(locale: str, month: Month) -> dict[str, str]:
    """What the placeholders of the starter's texts stand for."""
    christmas = month.first.year - 1 if month.first.month == 1 else month.first.year
    last = month.last
    return {
        "month": str(month),
        "month_name": format_date(month.first, "LLLL y", locale=locale),
        "year": str(month.first.year),
        "month_first": month.first.isoformat(),
        "month_last": last.isoformat(),
        "christmas_year": str(christmas),
        "christmas_next": str(christmas + 1),
        # the interpreter's holiday: the month's last week, after the poll's dates
        "absent_from": (last - timedelta(days=6)).isoformat(),
        "absent_to": (last - timedelta(days=3)).isoformat(),
    }


def _poll_day(day: date, locale: str) -> str:
    """A date as the poll's header writes it: 03.12.2026 in German, 2026-12-03 in English."""
    return day.strftime("%d.%m.%Y") if locale == "de" else day.isoformat()


def starter_files(locale: str, month: Month) -> dict[str, str]:
    """Relative path -> text of the starter folder in ``locale``, its examples for ``month``."""
    if locale not in STARTER_LOCALES:
        raise RosterError(f"There is no starter in '{locale}'; choose de or en.")
    templates = _templates(files("roster") / "starter" / locale)
    values = _values(locale, month)
    office = Template(templates["office.yaml"]).substitute(values)
    first, second = _first_dates(office, month)
    values |= {"poll_first": _poll_day(first, locale), "poll_second": _poll_day(second, locale)}
    return {
        name.replace(MONTH_IN_NAME, str(month)): Template(text).substitute(values)
        for name, text in templates.items()
    }


def init_folder(target: Path, *, locale: str = "de", month: Month) -> list[Path]:
    """Write the starter folder in ``locale``, its examples for ``month``, into
    ``target``, which must be empty or new."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise RosterError(
            f"{target} already exists and is not empty. Choose a new folder name; "
            "roster init never overwrites files."
        )
    written: list[Path] = []
    for name, text in starter_files(locale, month).items():
        path = target / name
        write_atomic(path, text.encode("utf-8"))
        written.append(path)
    return written


def example_office() -> Path:
    """The fictional example office shipped with the source tree (examples/velbert)."""
    here = Path(__file__).resolve().parents[2] / "examples" / "velbert"
    if not (here / "office.yaml").is_file():
        raise RosterError(
            "The example office (examples/velbert) was not found next to the roster package. "
            'Install roster from a clone of its repository: pip install -e ".[dev]".'
        )
    return here


INPUT_FILES = ("office.yaml", "volunteers.yaml", "visits.csv")
INPUT_FOLDERS = ("availability", "appointments", "overrides")


def copy_example(target: Path) -> None:
    """Copy the example office's input files into ``target``.

    Only the office's input files are copied, never plans, feeds or printouts that a run
    inside ``examples/velbert`` may have left there; what ``target`` already holds of
    those is kept.
    """
    source = example_office()
    target.mkdir(parents=True, exist_ok=True)
    paths = [source / name for name in INPUT_FILES]
    for folder in INPUT_FOLDERS:
        if (source / folder).is_dir():
            paths.extend(sorted((source / folder).iterdir()))
    for path in paths:
        if not path.is_file() or path.name.startswith("."):
            continue
        destination = target / path.relative_to(source)
        if destination.exists() and destination.read_bytes() == path.read_bytes():
            continue
        write_atomic(destination, path.read_bytes())
