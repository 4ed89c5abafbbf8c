"""The alarms read back by three parsers (icalendar, vobject, ical.js): each alarm rings at
the instant the setting means, in the office's local time, also when a daylight-saving
change lies between the alarm and the duty (the Mondays after the last Sundays of March
and October 2026)."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import vobject
from feed_offices import NOW, write_office
from feed_plans import make_plan, save
from icalendar import Calendar

from calendars.alarms import FeedAlarms
from calendars.feed_refs import FeedRef
from calendars.ics import feed_ics
from calendars.publish import PublishReport, publish
from calendars.state import EventRecord, PublishedEvent
from roster.domain.month import Month
from roster.domain.notice_settings import DEFAULT_ALARMS, Alarm
from roster.folder.load import load_office

BERLIN = ZoneInfo("Europe/Berlin")
READER = Path(__file__).with_name("icaljs_read.mjs")
Rings = dict[str, list[str]]
"""Per event UID, the UTC instants its alarms ring at, in the feed's order."""


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def by_icalendar(content: bytes) -> Rings:
    found: Rings = {}
    for event in Calendar.from_ical(content).walk("VEVENT"):
        alarms = event.walk("VALARM")
        start = event.decoded("DTSTART")  # a date in the gaps feed, which has no alarm
        found[str(event["UID"])] = [
            _utc(start.astimezone(UTC) + alarm.decoded("TRIGGER"))  # exact: added in UTC
            for alarm in alarms
        ]
    return found


def by_vobject(content: bytes) -> Rings:
    calendar = vobject.readOne(content.decode("utf-8"), validate=True)
    found: Rings = {}
    for event in calendar.vevent_list:
        start = event.dtstart.value
        found[event.uid.value] = [
            _utc(start.astimezone(UTC) + alarm.trigger.value)
            for alarm in event.contents.get("valarm", [])
        ]
    return found


def by_icaljs(icaljs: tuple[str, Path], path: Path) -> tuple[Rings, Rings]:
    """ical.js: the exact instants, and those of wall-clock arithmetic (Thunderbird's)."""
    node, module = icaljs
    done = subprocess.run(
        [node, str(READER), str(module), str(path)],
        capture_output=True,
        check=True,
        timeout=60,
        text=True,
    )
    events = json.loads(done.stdout)[str(path)]

    def instants(field: str) -> Rings:
        return {
            item["uid"]: [alarm[field].replace(".000Z", "Z") for alarm in item["alarms"]]
            for item in events
        }

    assert all(alarm["action"] == "DISPLAY" for item in events for alarm in item["alarms"])
    return instants("rings"), instants("wall")


def _event(uid: str, start: datetime) -> PublishedEvent:
    record = EventRecord(
        sequence=0,
        created="20260101T000000Z",
        last_modified="20260101T000000Z",
        dtstamp="20260101T000000Z",
        status="CONFIRMED",
        shown=True,
        occurrence="o",
        month=f"{start:%Y-%m}",
        start=start.isoformat(),
        end=(start + timedelta(hours=2)).isoformat(),
        summary="Offene Sprechstunde: Beratung",
        description="",
        location="Rathaus",
        transparent=False,
    )
    return PublishedEvent(uid, record)


SETTING = (
    Alarm.model_validate({"days_before": 1, "at": "18:00"}),
    Alarm.model_validate({"days_before": 2, "at": "18:00"}),
    Alarm.model_validate({"minutes_before": 120}),
    Alarm.model_validate({"minutes_before": 0}),
)


def local(day: date, hour: int) -> str:
    """A local wall-clock time in Velbert as a UTC instant."""
    return _utc(datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN))


# Monday 26 Oct 2026 (CET, after the change of Sunday 03:00) and Monday 30 Mar 2026 (CEST,
# after the change of Sunday 02:00), each at 14:00: the day before at 18:00 is after the
# change, two days before at 18:00 (Saturday) before it.
EXPECTED = {
    "october@test": [
        local(date(2026, 10, 25), 18),  # Sunday 18:00 CET = 17:00Z
        local(date(2026, 10, 24), 18),  # Saturday 18:00 CEST = 16:00Z: 45 hours before
        local(date(2026, 10, 26), 12),
        local(date(2026, 10, 26), 14),
    ],
    "march@test": [
        local(date(2026, 3, 29), 18),  # Sunday 18:00 CEST = 16:00Z
        local(date(2026, 3, 28), 18),  # Saturday 18:00 CET = 17:00Z: 43 hours before
        local(date(2026, 3, 30), 12),
        local(date(2026, 3, 30), 14),
    ],
}


def dst_feed(tmp_path: Path) -> Path:
    events = [
        _event("march@test", datetime(2026, 3, 30, 14, tzinfo=BERLIN)),
        _event("october@test", datetime(2026, 10, 26, 14, tzinfo=BERLIN)),
    ]
    alarms = FeedAlarms(SETTING, BERLIN, "de")
    path = tmp_path / "dst.ics"
    path.write_bytes(feed_ics("Dienste", events, "Europe/Berlin", (2026, 2026), alarms))
    return path


def test_the_triggers_across_the_dst_changes_are_exact_hours(tmp_path: Path) -> None:
    content = dst_feed(tmp_path).read_bytes().decode()
    triggers = [line[8:] for line in content.split("\r\n") if line.startswith("TRIGGER:")]
    assert triggers == [
        *("-PT20H", "-PT43H", "-PT120M", "PT0M"),  # March: Saturday 18:00 CET is 43 h before
        *("-PT20H", "-PT45H", "-PT120M", "PT0M"),  # October: Saturday 18:00 CEST is 45 h before
    ]
    assert "TRIGGER;VALUE=DATE-TIME" not in content


def test_three_parsers_ring_at_the_local_times_across_dst(
    tmp_path: Path, icaljs: tuple[str, Path]
) -> None:
    path = dst_feed(tmp_path)
    content = path.read_bytes()
    exact, wall = by_icaljs(icaljs, path)
    assert by_icalendar(content) == EXPECTED
    assert by_vobject(content) == EXPECTED
    assert exact == EXPECTED
    # Thunderbird adds a duration to the start in wall-clock time (calAlarm.getAlarmDate,
    # ical.js Time.addDuration): the alarm two days before, across the change, rings an
    # hour off there (docs/feeds.md says so); every other alarm rings on time.
    assert wall["october@test"] == [
        EXPECTED["october@test"][0],
        local(date(2026, 10, 24), 17),
        *EXPECTED["october@test"][2:],
    ]
    assert wall["march@test"] == [
        EXPECTED["march@test"][0],
        local(date(2026, 3, 28), 19),
        *EXPECTED["march@test"][2:],
    ]


def test_three_parsers_read_the_alarms_of_every_published_feed_alike(
    published: PublishReport, icaljs: tuple[str, Path]
) -> None:
    for item in published.feeds:
        content = item.path.read_bytes()
        ours = by_icalendar(content)
        exact, wall = by_icaljs(icaljs, item.path)
        assert by_vobject(content) == ours == exact == wall, item.ref.label
        if item.ref.kind != "volunteer":
            assert not any(ours.values()), item.ref.label
            continue
        # the default setting: the day before at 18:00 local time, and 2 hours before
        assert list(DEFAULT_ALARMS) == [SETTING[0], SETTING[2]]
        for event in item.events:
            start = event.start
            assert isinstance(start, datetime)
            day = start.astimezone(BERLIN).date() - timedelta(days=1)
            assert ours[event.uid] == [
                local(day, 18),
                _utc(start - timedelta(hours=2)),
            ], (item.ref.label, event.record.start)


def test_v02s_alarms_on_both_sides_of_the_october_change(published: PublishReport) -> None:
    """22 Oct (CEST) and 29 Oct (CET), 14:00: the day before at 18:00 and 12:00 that day."""
    rings = by_icalendar(published.feed(FeedRef("volunteer", "v02")).path.read_bytes())
    assert [
        "2026-10-21T16:00:00Z",
        "2026-10-22T10:00:00Z",
    ] in rings.values()
    assert [
        "2026-10-28T17:00:00Z",
        "2026-10-29T11:00:00Z",
    ] in rings.values()


def test_published_team_meetings_after_both_dst_changes(
    tmp_path: Path, icaljs: tuple[str, Path]
) -> None:
    """The team meeting on the last Monday (30 Mar and 26 Oct 2026, 18:00), published."""
    folder = write_office(tmp_path / "office")
    office_yaml = folder / "office.yaml"
    content = office_yaml.read_text(encoding="utf-8").replace("week: first", "week: last")
    alarms = '  alarms: [{days_before: 1, at: "18:00"}, {days_before: 2, at: "18:00"}, '
    alarms += "{minutes_before: 120}]\n"
    office_yaml.write_text(content.replace("\nfeeds:\n", "\nfeeds:\n" + alarms), "utf-8")
    expected = {
        "2026-03": [
            local(date(2026, 3, 29), 18),  # Sunday 18:00 CEST, after the change
            local(date(2026, 3, 28), 18),  # Saturday 18:00 CET, before it
            local(date(2026, 3, 30), 16),
        ],
        "2026-10": [
            local(date(2026, 10, 25), 18),  # Sunday 18:00 CET, after the change
            local(date(2026, 10, 24), 18),  # Saturday 18:00 CEST, before it
            local(date(2026, 10, 26), 16),
        ],
    }
    triggers = {
        "2026-03": ["-PT24H", "-PT47H", "-PT120M"],
        "2026-10": ["-PT24H", "-PT49H", "-PT120M"],
    }
    for month, wanted in expected.items():
        save(folder, make_plan(folder, month))
        report = publish(load_office(folder), now=NOW, month=Month.parse(month), uid_key="77" * 32)
        feed = report.feed(FeedRef("volunteer", "v03"))
        (meeting,) = [item for item in feed.events if item.record.month == month]
        content_bytes = feed.path.read_bytes()
        lines = content_bytes.decode().split("\r\n")
        start = lines.index(f"UID:{meeting.uid}")
        block = lines[start : lines.index("END:VEVENT", start)]
        assert [line[8:] for line in block if line.startswith("TRIGGER:")] == triggers[month]
        exact, wall = by_icaljs(icaljs, feed.path)
        for name, rings in (
            ("icalendar", by_icalendar(content_bytes)),
            ("vobject", by_vobject(content_bytes)),
            ("ical.js", exact),
        ):
            assert rings[meeting.uid] == wanted, (name, month)
        assert wall[meeting.uid][0::2] == wanted[0::2]  # Thunderbird: all but the 2-day one
