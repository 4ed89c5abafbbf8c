"""The feeds parse in three independent parsers (icalendar, vobject, ical.js) and the times
they read back are the plan's, before and after the daylight-saving change of 25 Oct 2026;
so do the example office's feeds, whose VTIMEZONE has no COMMENT of its own."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import vobject
from feed_offices import example_office
from feed_plans import october_plan, save, velbert_plan
from icalendar import Calendar

from calendars.feed_refs import PUBLIC, TEAM, FeedRef
from calendars.publish import PublishReport, publish
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.schema import Plan

Instants = dict[str, tuple[str, str]]
READER = Path(__file__).with_name("icaljs_read.mjs")


def _iso(value: datetime | date) -> str:
    if isinstance(value, datetime):
        assert value.tzinfo is not None, "a floating time: the TZID was not understood"
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def read_icalendar(content: bytes) -> Instants:
    calendar = Calendar.from_ical(content)
    return {
        str(event["UID"]): (_iso(event.decoded("DTSTART")), _iso(event.decoded("DTEND")))
        for event in calendar.walk("VEVENT")
    }


def read_vobject(content: bytes) -> Instants:
    calendar = vobject.readOne(content.decode("utf-8"), validate=True)
    return {
        event.uid.value: (_iso(event.dtstart.value), _iso(event.dtend.value))
        for event in calendar.vevent_list
    }


def read_icaljs(icaljs: tuple[str, Path], paths: list[Path]) -> dict[Path, Instants]:
    node, module = icaljs
    done = subprocess.run(
        [node, str(READER), str(module), *map(str, paths)],
        capture_output=True,
        check=True,
        timeout=60,
        text=True,
    )
    found = json.loads(done.stdout)

    def instant(value: str) -> str:
        return value if len(value) == 10 else value.replace(".000Z", "Z")

    return {
        Path(name): {item["uid"]: (instant(item["start"]), instant(item["end"])) for item in events}
        for name, events in found.items()
    }


def plan_instants(plan: Plan, volunteer: str | None = None) -> set[tuple[str, str]]:
    """The (start, end) instants a feed must hold, from the plan itself."""
    result: set[tuple[str, str]] = set()
    for session in plan.sessions:
        if volunteer is None or (
            session.kind == "open_hours" and any(e.volunteer == volunteer for e in session.staff)
        ):
            result.add((_iso(session.start), _iso(session.end)))
    if volunteer is not None:
        for item in plan.appointments:
            if volunteer in (item.counsellor, item.interpreter, item.second_counsellor):
                result.add((_iso(item.start), _iso(item.end)))
    if plan.team_meeting is not None:
        result.add((_iso(plan.team_meeting.start), _iso(plan.team_meeting.end)))
    return result


def test_three_parsers_read_the_plan_times(
    office: Path, published: PublishReport, icaljs: tuple[str, Path]
) -> None:
    plan = october_plan(office)
    paths = [item.path for item in published.feeds]
    by_icaljs = read_icaljs(icaljs, paths)
    for item in published.feeds:
        content = item.path.read_bytes()
        ours = read_icalendar(content)
        assert ours, item.ref.label
        assert read_vobject(content) == ours, f"vobject disagrees on {item.ref.label}"
        assert by_icaljs[item.path] == ours, f"ical.js disagrees on {item.ref.label}"
    expected_public = plan_instants(plan) - {
        (_iso(plan.team_meeting.start), _iso(plan.team_meeting.end))  # type: ignore[union-attr]
    }
    assert set(read_icalendar(published.feed(PUBLIC).path.read_bytes()).values()) == expected_public
    assert set(read_icalendar(published.feed(TEAM).path.read_bytes()).values()) == plan_instants(
        plan
    )
    for volunteer in ("v01", "v02", "v03", "v04", "v05"):
        feed = published.feed(FeedRef("volunteer", volunteer)).path.read_bytes()
        assert set(read_icalendar(feed).values()) == plan_instants(plan, volunteer), volunteer


def test_dst_change_read_back_by_each_parser(
    published: PublishReport, icaljs: tuple[str, Path]
) -> None:
    """v02 interprets on 22 Oct (CEST, UTC+2) and 29 Oct (CET, UTC+1), both 14:00-16:00."""
    path = published.feed(FeedRef("volunteer", "v02")).path
    content = path.read_bytes()
    wanted = {
        ("2026-10-22T12:00:00Z", "2026-10-22T14:00:00Z"),
        ("2026-10-29T13:00:00Z", "2026-10-29T15:00:00Z"),
    }
    for name, instants in (
        ("icalendar", read_icalendar(content)),
        ("vobject", read_vobject(content)),
        ("ical.js", read_icaljs(icaljs, [path])[path]),
    ):
        assert wanted <= set(instants.values()), name


def test_all_day_gap_events_are_dates(published: PublishReport) -> None:
    calendar = Calendar.from_ical(published.feed(FeedRef("gaps")).path.read_bytes())
    unscheduled = [e for e in calendar.walk("VEVENT") if "Nicht eingeplant" in str(e["SUMMARY"])]
    assert len(unscheduled) == 1
    event = unscheduled[0]
    assert event.decoded("DTSTART") == date(2026, 10, 5)
    assert event.decoded("DTEND") == date(2026, 10, 17)  # exclusive: the window ends 16 Oct
    assert read_vobject(published.feed(FeedRef("gaps")).path.read_bytes())


def test_the_example_office_feeds_read_alike_in_each_parser(
    tmp_path: Path, icaljs: tuple[str, Path]
) -> None:
    folder = example_office(tmp_path / "velbert")
    save(folder, velbert_plan(folder))
    now = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    report = publish(load_office(folder), now=now, month=Month(2026, 12), uid_key="66" * 32)
    paths = [item.path for item in report.feeds]
    by_icaljs = read_icaljs(icaljs, paths)
    for item in report.feeds:
        content = item.path.read_bytes()
        assert b"COMMENT" not in content, item.ref.label
        ours = read_icalendar(content)
        assert ours, item.ref.label
        assert read_vobject(content) == ours, f"vobject disagrees on {item.ref.label}"
        assert by_icaljs[item.path] == ours, f"ical.js disagrees on {item.ref.label}"
