"""Office folders for the feed tests, and the fixed key and clock they publish with.

A small office (five volunteers, open hours on Thursday, appointments on Wednesday) written
from text, and a copy of the example office (examples/velbert). Plans of them are built in
feed_plans.py.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from roster.domain.office import parse_clock
from roster.domain.sessions import at
from roster.folder.load import load_office

KEY = "5e" * 32
NOW = datetime(2026, 10, 1, 6, 30, 15, 123456, tzinfo=UTC)
LATER = datetime(2026, 10, 12, 19, 5, tzinfo=UTC)
LATEST = datetime(2026, 10, 20, 7, 0, tzinfo=UTC)

NAMES = {
    "v01": "Birgit Leitner",
    "v02": "Karim Dolmetsch",
    "v03": "Heike Beraterin",
    "v04": "Reza Zweisprachig",
    "v05": "Jonas Neuling",
}

OFFICE_YAML = """\
name: Testbüro Velbert
location: Rathaus Velbert, Raum 1
timezone: Europe/Berlin
locale: {locale}
holidays: DE-NW
closures:
{closures}
sessions:
  - name: Offene Sprechstunde
    kind: open_hours
    weekday: thursday
    start: "14:00"
    end: "16:00"
    counsellors: {{min: 1, max: 3}}
    leads: 1
    interpreters: {{ar: 1}}
  - name: Terminsprechstunde
    kind: appointments
    weekday: wednesday
    start: "13:00"
    end: "15:30"
    slot_minutes: 30
    desks: 2
team_meeting:
  weekday: monday
  week: first
  start: "18:00"
  minutes: 90
  agenda: [Begrüßung, Dienstplan, Verschiedenes]
feeds:
  case_refs: {case_refs}
  base_url: https://feeds.example.org/ihla
"""

VOLUNTEERS_YAML = """\
volunteers:
  - id: v01
    name: Birgit Leitner
    roles: [lead, counsellor]
    languages: {de: native}
    weekdays: [wednesday, thursday]
  - id: v02
    name: Karim Dolmetsch
    roles: [interpreter]
    languages: {de: fluent, ar: native}
    weekdays: [wednesday, thursday]
  - id: v03
    name: Heike Beraterin
    roles: [counsellor]
    languages: {de: native, en: fluent}
    weekdays: [wednesday, thursday]
  - id: v04
    name: Reza Zweisprachig
    roles: [counsellor, interpreter]
    languages: {de: fluent, fa: native}
    weekdays: [wednesday, thursday]
  - id: v05
    name: Jonas Neuling
    roles: [counsellor]
    languages: {de: native}
    trainee: true
"""


def write_office(
    folder: Path,
    *,
    locale: str = "de",
    case_refs: bool = False,
    closures: list[tuple[str, str, str]] | None = None,
    notes: str | None = None,
) -> Path:
    """A small office folder; ``notes`` adds an appointments file with that note."""
    folder.mkdir(parents=True, exist_ok=True)
    closure_lines = "\n".join(
        f"  - {{from: {start}, to: {end}, reason: {reason}}}"
        for start, end, reason in (closures or [])
    )
    (folder / "office.yaml").write_text(
        OFFICE_YAML.format(
            locale=locale,
            case_refs=str(case_refs).lower(),
            closures=closure_lines or "  []",
        ).replace("closures:\n  []", "closures: []"),
        encoding="utf-8",
    )
    (folder / "volunteers.yaml").write_text(VOLUNTEERS_YAML, encoding="utf-8")
    if notes is not None:
        (folder / "appointments").mkdir(exist_ok=True)
        (folder / "appointments" / "2026-10.yaml").write_text(
            "appointments:\n"
            "  - case: A-2026-101\n    language: ar\n    minutes: 60\n"
            "    earliest: 2026-10-01\n    latest: 2026-10-31\n"
            f"    note: {notes}\n",
            encoding="utf-8",
        )
    return folder


def at_office(folder: Path, day: date, clock: str) -> datetime:
    """A wall-clock time at the office."""
    return at(load_office(folder).office, day, parse_clock(clock))


def example_office(target: Path) -> Path:
    """A copy of the example office (examples/velbert) in ``target``."""
    from roster.folder.starter import copy_example  # noqa: PLC0415

    copy_example(target)
    return target
