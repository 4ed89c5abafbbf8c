"""Published feeds respect what is frozen and say nothing of the office's machinery
(issue 11, section 7).

The example office is planned as of 25 Nov and published, then planned again as of 8 Dec
(sessions before it are kept as planned) and published again, in German and in English:

- the events of the kept sessions are byte for byte what they were: their text does not
  depend on the planning date;
- no feed names a command-line flag (``--today``), a key of office.yaml or
  volunteers.yaml (``max_per_month``, ``counsellors.max``) or a file path (``rotas/``).
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from feed_offices import example_office
from icalendar import Calendar
from pydantic import BaseModel

from calendars.feed_refs import GAPS, TEAM
from calendars.publish import PublishReport, publish
from roster.app.planning import plan_month
from roster.domain.month import Month
from roster.domain.office import Office
from roster.domain.team import Team
from roster.folder.load import load_office

DECEMBER = Month(2026, 12)
FIRST_PLAN = date(2026, 11, 25)
REPLAN = date(2026, 12, 8)
KEY = "7a" * 32
FIRST_NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
REPLAN_NOW = datetime(2026, 12, 8, 9, 30, tzinfo=UTC)

PATH_FRAGMENTS = (
    "rotas/",
    "feeds/",
    "private/",
    "availability/",
    "appointments/",
    "overrides/",
    "print/",
    ".yaml",
    ".yml",
    ".csv",
    ".json",
    ".ics",
)
"""Pieces of the office folder's file paths; none belongs in what a subscriber reads."""


@dataclass(frozen=True)
class Publication:
    """One publication: each feed's bytes, by feed label."""

    label: str
    feeds: dict[str, bytes]


@dataclass(frozen=True)
class Replanned:
    """The example office published as first planned and again after the re-plan."""

    locale: str
    first: Publication
    again: Publication


def _snapshot(label: str, report: PublishReport) -> Publication:
    return Publication(label, {item.ref.label: item.path.read_bytes() for item in report.feeds})


@pytest.fixture(scope="module", params=["de", "en"])
def replanned(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Replanned:
    locale: str = request.param
    folder = example_office(tmp_path_factory.mktemp(f"velbert-{locale}") / "office")
    office_yaml = folder / "office.yaml"
    source = office_yaml.read_text("utf-8")
    assert re.search(r"^locale: de\b", source, flags=re.MULTILINE)
    office_yaml.write_text(
        re.sub(r"^locale: de\b", f"locale: {locale}", source, flags=re.MULTILINE), "utf-8"
    )
    plan_month(folder, DECEMBER, today=FIRST_PLAN)
    first = publish(load_office(folder), now=FIRST_NOW, month=DECEMBER, uid_key=KEY)
    before = _snapshot(f"{locale}, planned {FIRST_PLAN}", first)
    again = plan_month(folder, DECEMBER, today=REPLAN).plan
    assert again.as_of == REPLAN and again.previous is not None
    second = publish(load_office(folder), now=REPLAN_NOW, month=DECEMBER)
    return Replanned(locale, before, _snapshot(f"{locale}, re-planned {REPLAN}", second))


def _blocks(content: bytes) -> dict[str, tuple[datetime | date, bytes]]:
    """Each event's UID -> (DTSTART, the event's bytes)."""
    blocks = [
        b"BEGIN:VEVENT" + part.split(b"END:VEVENT")[0]
        for part in content.split(b"BEGIN:VEVENT")[1:]
    ]
    events = Calendar.from_ical(content).walk("VEVENT")
    return {
        str(event["UID"]): (event.decoded("DTSTART"), block)
        for event, block in zip(events, blocks, strict=True)
    }


def test_events_of_kept_sessions_do_not_change_when_planned_again(replanned: Replanned) -> None:
    """Sessions before the new planning date are kept as planned, so every event of one
    (team, gaps, public and volunteer feeds) keeps its bytes: SEQUENCE, DTSTAMP, text."""
    checked: dict[str, int] = {}
    changed: list[str] = []
    for label, content in replanned.first.feeds.items():
        before = _blocks(content)
        after = _blocks(replanned.again.feeds[label])
        for uid, (start, block) in before.items():
            if not isinstance(start, datetime) or start.date() >= REPLAN:
                continue
            checked[label] = checked.get(label, 0) + 1
            now = after[uid][1] if uid in after else b"(gone)"
            if now != block:
                changed.append(f"{label} {start:%d %b %H:%M}:\n{now.decode()}")
    # 2 Dec appointments, 3 Dec open hours (with an uncovered need), 7 Dec team meeting.
    assert checked[TEAM.label] >= 3 and checked[GAPS.label] >= 1, checked
    assert changed == [], "\n".join(changed)


def _model_keys(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every key of a model, nested keys with their dotted path (``counsellors.max``)."""
    for name, info in model.model_fields.items():
        key = info.alias or name
        yield prefix + key
        for inner in _models(info.annotation):
            yield from _model_keys(inner, f"{prefix}{key}.")


def _models(annotation: object) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for argument in typing.get_args(annotation):
        yield from _models(argument)


def forbidden_patterns() -> list[re.Pattern[str]]:
    """What never belongs in a feed: the config keys of office.yaml and volunteers.yaml,
    command-line flags and file paths.

    A key with ``_`` (``max_per_month``) or a dotted key (``counsellors.max``, also as
    ``sessions.counsellors.max``) is jargon wherever it stands; a one-word key (``desks``,
    ``trainee``, ``agenda``) is also a plain word, so it counts only as the folder writes
    it: ``key:``, ``key=`` or ``key (2)``.
    """
    keys = set(_model_keys(Office)) | set(_model_keys(Team))
    jargon: set[str] = set()
    words: set[str] = set()
    for path in keys:
        parts = path.split(".")
        jargon.update(".".join(parts[i:]) for i in range(len(parts) - 1))
        (jargon if "_" in parts[-1] else words).add(parts[-1])
    assert {"max_per_month", "counsellors.max", "hours_per_month", "desks", "trainee"} <= (
        jargon | words
    )
    patterns = [re.compile(rf"(?<![\w.-]){re.escape(key)}(?![\w-])") for key in sorted(jargon)]
    patterns += [
        re.compile(rf"(?<![\w.-]){re.escape(key)}(?::|=|\s*\(\d)") for key in sorted(words)
    ]
    patterns.append(re.compile(r"(?<![\w-])--[a-z]"))
    patterns += [re.compile(re.escape(fragment)) for fragment in PATH_FRAGMENTS]
    return patterns


def feed_words(content: bytes) -> list[tuple[str, str]]:
    """(property, text) of every SUMMARY, DESCRIPTION, LOCATION and calendar NAME."""
    calendar = Calendar.from_ical(content)
    found = [(name, str(calendar[name])) for name in ("NAME", "X-WR-CALNAME") if name in calendar]
    for event in calendar.walk("VEVENT"):
        found += [
            (name, str(event[name]))
            for name in ("SUMMARY", "DESCRIPTION", "LOCATION")
            if name in event
        ]
    return found


def test_the_leak_patterns_catch_what_plans_say() -> None:
    """The scan below is only as good as its patterns: each catches a planner's reason."""
    patterns = forbidden_patterns()
    for leak in (
        "Zainab Ahmadi hat max_per_month (2) erreicht",
        "die Sprechstunde liegt vor dem 8. Dez. (--today) und bleibt wie geplant",
        "already has counsellors.max (3) counsellors",
        "has 2 hours of the hours_per_month budget",
        "see rotas/2026-12.json",
        "answer in availability/2026-12.csv",
        "desks: 2",
    ):
        assert any(pattern.search(leak) for pattern in patterns), leak
    for plain in ("Counselling (trainee)", "Possible from 1 December 2026 to 18 December 2026."):
        assert not any(pattern.search(plain) for pattern in patterns), plain


def test_no_flag_config_key_or_path_in_any_feed(replanned: Replanned) -> None:
    patterns = forbidden_patterns()
    hits: list[str] = []
    scanned = 0
    for publication in (replanned.first, replanned.again):
        for label, content in publication.feeds.items():
            for name, words in feed_words(content):
                scanned += 1
                hits += [
                    f"{publication.label}, {label} {name}: {found.group(0)!r} in {words!r}"
                    for pattern in patterns
                    for found in [pattern.search(words)]
                    if found
                ]
    assert scanned > 200
    assert hits == [], "\n".join(hits)
