"""Plain words for the office (issue 12, section 1): no text a volunteer or the office lead
reads names a setting of the office folder, a command-line option or a folder of its own.

Every text of the example office is rendered, in German and in English: the plan file's
reasons after planning with two planning dates (the second keeps the sessions before it),
`roster plan`'s summary, `roster explain`, `roster verify`, `roster check`, the calendar and
the forecast, the text of every printout and the SUMMARY and DESCRIPTION of every feed
event. Each is scanned for the keys of the office files (every field name with an
underscore, and every dotted path such as ``counsellors.max``, read from the pydantic
models), for options (``--`` and a letter) and for the office folder's own paths.

Exempt, each line exactly as the catalogue writes it: the line that names the plan file
written (``Datei: DIR/rotas/2026-12.json``) and the line that shows the command to run
next (``Gründe: roster explain DIR --month 2026-12``).
"""

from __future__ import annotations

import html
import re
import shutil
import sys
import types
import typing
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from pydantic import BaseModel

from calendars.publish import publish
from roster.app.office import calendar_of, check_folder, forecast_of
from roster.app.planning import Planned, explain_month, plan_month, verify_month
from roster.domain.month import Month
from roster.domain.office import Office
from roster.domain.requests import AppointmentFile, Overrides, VisitRecord
from roster.domain.team import Team
from roster.folder.load import load_office
from roster.printouts import print_month
from roster.wording.catalogue import text

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "velbert"
MONTH = Month(2026, 12)
PLANNING_DATES = (date(2026, 11, 25), date(2026, 12, 8))
MODELS: tuple[type[BaseModel], ...] = (Office, Team, AppointmentFile, Overrides, VisitRecord)
"""The models of office.yaml, volunteers.yaml, appointments/, overrides/ and visits.csv."""
FLAG = re.compile(r"--[A-Za-z]")
PATHS = ("rotas/", "feeds/", "print/", ".yaml", ".csv", ".json")


def _models_in(annotation: object) -> Iterator[type[BaseModel]]:
    """The pydantic models a field's annotation holds (in lists, dicts, unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _models_in(typing.get_args(annotation)[0])
    elif origin is not None or isinstance(annotation, types.UnionType):
        for argument in typing.get_args(annotation):
            yield from _models_in(argument)


def config_keys(models: tuple[type[BaseModel], ...] = MODELS) -> set[str]:
    """Every key of the office files that a reader could not mistake for a word: field
    names with an underscore, and dotted paths (``counsellors.max``)."""
    keys: set[str] = set()
    seen: set[type[BaseModel]] = set()

    def walk(model: type[BaseModel], parent: str | None) -> None:
        for name, info in model.model_fields.items():
            key = info.alias or name
            if "_" in key:
                keys.add(key)
            if parent is not None:
                keys.add(f"{parent}.{key}")
            for inner in _models_in(info.annotation):
                if (inner, key) not in seen_paths:
                    seen_paths.add((inner, key))
                    walk(inner, key)
        seen.add(model)

    seen_paths: set[tuple[type[BaseModel], str]] = set()
    for model in models:
        walk(model, None)
    return keys


def test_the_keys_are_read_from_the_models() -> None:
    keys = config_keys()
    assert {"max_per_month", "hours_per_month", "team_meeting", "case_refs"} <= keys
    assert {"counsellors.max", "counsellors.min", "feeds.base_url", "priorities.same_week"} <= keys
    assert {"slot_minutes", "visitors_per_interpreter", "volunteers.max_per_month"} <= keys
    assert "name" not in keys and "max" not in keys  # plain words stay allowed


def problems(label: str, written: str, keys: set[str]) -> list[str]:
    """What in ``written`` names a key, an option or a path, each with where it stands."""
    found = []
    for line in written.splitlines():
        named = [key for key in keys if re.search(rf"(?<![\w.]){re.escape(key)}(?!\w)", line)]
        named += FLAG.findall(line)
        named += [path for path in PATHS if path in line]
        if named:
            found.append(f"{label}: {named} in {line.strip()!r}")
    return found


def test_the_scan_finds_what_it_looks_for() -> None:
    """The scan below is no check that cannot fail: today's words of issue 12 are caught."""
    keys = config_keys()
    for seen in (
        "Zainab Ahmadi hat max_per_month (2) erreicht",
        "Für November 2026 gibt es keinen Plan in rotas/; gezählt nach dem Kalender.",
        "v16 die Sprechstunde liegt vor dem 8. Dez. (--today) und bleibt wie geplant",
        "planned from the usual weekdays (weekdays in volunteers.yaml).",
        "would exceed counsellors.max",
    ):
        assert problems("sample", seen, keys), seen
    assert problems("sample", "Olena Kovalenko (v16) ist 7.-20. Dez. abwesend", keys) == []


def html_text(page: str) -> str:
    """What a reader sees of a printout: no stylesheet, no tags, entities resolved."""
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


def feed_texts(folder: Path) -> Iterator[tuple[str, str]]:
    """The SUMMARY and DESCRIPTION of every event of every feed the folder publishes."""
    report = publish(
        load_office(folder), now=datetime(2026, 11, 20, 8, 0, tzinfo=UTC), uid_key="901d" * 16
    )
    for item in report.feeds:
        calendar = Calendar.from_ical(item.path.read_bytes())
        for event in calendar.walk("VEVENT"):
            for name in ("SUMMARY", "DESCRIPTION"):
                if name in event:
                    yield f"feed {item.ref.label} {name}", str(event[name])


def exempt(written: str, lines: set[str]) -> str:
    """``written`` without the lines exempted, which must be there exactly as written."""
    kept = written.splitlines()
    for line in lines:
        assert line in kept, (line, written)
    return "\n".join(line for line in kept if line not in lines)


def planned_text(planned: Planned, locale: str) -> str:
    """`roster plan`'s output without the two lines that carry a path as a value."""
    folder = planned.path.parent.parent
    command = f"roster explain {folder} --month {MONTH}"
    return exempt(
        planned.text(),
        {
            "  " + text(locale, "command.file", path=planned.path),
            text(locale, "command.reasons", command=command),
        },
    )


def office_in(locale: str, folder: Path) -> Path:
    """A copy of the example office speaking ``locale``."""
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("rotas", "print", "feeds"))
    office = folder / "office.yaml"
    yaml = office.read_text(encoding="utf-8")
    assert yaml.count("\nlocale: de ") == 1
    office.write_text(yaml.replace("\nlocale: de ", f"\nlocale: {locale} "), encoding="utf-8")
    assert load_office(folder).office.locale == locale
    return folder


def every_text(folder: Path, locale: str) -> Iterator[tuple[str, str]]:
    """Every text of the office the lead or a volunteer reads, labelled."""
    for today in PLANNING_DATES:
        planned = plan_month(folder, MONTH, today=today)
        yield f"roster plan --today {today}", planned_text(planned, locale)
        for session in planned.plan.sessions:
            for need in session.uncovered:
                yield f"plan reason {session.id} ({today})", need.reason
        for item in planned.plan.unscheduled:
            yield f"plan reason {item.key} ({today})", item.reason
        yield f"roster explain ({today})", explain_month(folder, MONTH)
        yield f"roster verify ({today})", verify_month(folder, MONTH).text()
    yield "roster check", check_folder(folder)
    yield "roster calendar", calendar_of(folder, MONTH)
    yield "roster forecast", forecast_of(folder, MONTH)
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, "weasyprint", None)  # HTML only: quicker, the same words
        written = print_month(load_office(folder), MONTH)
    for path in written:
        if path.suffix == ".html":
            yield f"printout {path.name}", html_text(path.read_text(encoding="utf-8"))
    yield from feed_texts(folder)


@pytest.mark.parametrize("locale", ["de", "en"])
def test_no_text_of_the_example_office_names_a_key_an_option_or_a_path(
    locale: str, tmp_path: Path
) -> None:
    folder = office_in(locale, tmp_path / "office")
    keys = config_keys()
    texts = list(every_text(folder, locale))
    labels = {label.split(" ", 1)[0] for label, _ in texts}
    assert {"roster", "plan", "printout", "feed"} <= labels
    kept = [t for label, t in texts if label.startswith("plan reason") and "2026-12-08" in label]
    assert any(text(locale, "term.planning_date") in reason for reason in kept), (
        "the second planning date keeps sessions, and the reasons say so"
    )
    found = [problem for label, written in texts for problem in problems(label, written, keys)]
    assert found == []
