# ruff: noqa: RUF001 - the alarms' texts use the en dash, as the feeds' wording does
"""Alarms (VALARM) in the volunteers' own feeds (issue 16): which events carry them, what
they say, ``alarms: []``, cancelled events, the other feeds, and that a changed setting
changes the feeds but no SEQUENCE."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from conftest import publish_october
from feed_offices import LATER, write_office
from feed_plans import october_plan, save
from icalendar import Calendar

from calendars.alarms import alarm_uid
from calendars.feed_refs import GAPS, PUBLIC, TEAM, FeedRef
from calendars.publish import PublishReport
from calendars.state import read_state

V01 = FeedRef("volunteer", "v01")
V02 = FeedRef("volunteer", "v02")


def alarms_of(content: bytes) -> dict[str, list[tuple[str, str, str, str]]]:
    """Per event (``UID DTSTART``): each alarm's ACTION, DESCRIPTION, TRIGGER and UID,
    as the feed writes them (icalendar would rewrite ``-PT120M`` as ``-PT2H``)."""
    text = content.decode("utf-8").replace("\r\n ", "")
    found: dict[str, list[tuple[str, str, str, str]]] = {}
    for event in re.findall(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT\r\n", text, flags=re.S):
        own = re.sub(r"BEGIN:VALARM\r\n.*?END:VALARM\r\n", "", event, flags=re.S)
        uid = re.search(r"^UID:(.*)\r$", own, flags=re.M)
        start = re.search(r"^DTSTART[^:]*:(.*)\r$", own, flags=re.M)
        assert uid and start
        alarms = []
        for alarm in re.findall(r"BEGIN:VALARM\r\n(.*?)END:VALARM\r\n", event, flags=re.S):
            fields = dict(re.findall(r"^([A-Z]+)[^:]*:(.*)\r$", alarm, flags=re.M))
            assert sorted(fields) == ["ACTION", "DESCRIPTION", "TRIGGER", "UID"], fields
            description = fields["DESCRIPTION"].replace("\\,", ",")
            alarms.append((fields["ACTION"], description, fields["TRIGGER"], fields["UID"]))
        found[f"{uid.group(1)} {start.group(1)}"] = alarms
    return found


def set_alarms(folder: Path, line: str) -> None:
    """Put ``feeds: alarms: ...`` into the folder's office.yaml."""
    path = folder / "office.yaml"
    content = path.read_text(encoding="utf-8")
    content = re.sub(r"\n  alarms: .*", "", content)
    path.write_text(content.replace("\nfeeds:\n", f"\nfeeds:\n  alarms: {line}\n"), "utf-8")


def test_every_duty_of_a_volunteer_has_the_default_alarms(published: PublishReport) -> None:
    feed = published.feed(V01)
    found = alarms_of(feed.path.read_bytes())
    assert len(found) == len(feed.events) == 6  # five Thursdays and the team meeting
    descriptions = {
        "20261001T140000": "Offene Sprechstunde: Beratung, Leitungsdienst – 1. Oktober 2026, 14:00",
        "20261029T140000": "Offene Sprechstunde: Beratung, Leitungsdienst – 29. Oktober 2026, 14:00",
        "20261005T180000": "Teamsitzung – 5. Oktober 2026, 18:00",
    }
    for key, alarms in found.items():
        uid, start = key.split(" ")
        assert [(action, trigger) for action, _, trigger, _ in alarms] == [
            ("DISPLAY", "-PT24H" if start.endswith("T180000") else "-PT20H"),
            ("DISPLAY", "-PT120M"),
        ], key
        assert [alarm_uid for *_, alarm_uid in alarms] == [
            alarm_uid(uid, "days:1@18:00"),
            alarm_uid(uid, "minutes:120"),
        ]
        if start in descriptions:
            expected = "Erinnerung: " + descriptions[start]
            assert [description for _, description, *_ in alarms] == [expected, expected]


def test_an_appointment_duty_has_the_alarms_too(published: PublishReport) -> None:
    found = alarms_of(published.feed(V02).path.read_bytes())
    appointment = next(alarms for key, alarms in found.items() if key.endswith("20261021T130000"))
    assert [(trigger, description) for _, description, trigger, _ in appointment] == [
        ("-PT19H", "Erinnerung: Termin (Arabisch): Dolmetschen – 21. Oktober 2026, 13:00"),
        ("-PT120M", "Erinnerung: Termin (Arabisch): Dolmetschen – 21. Oktober 2026, 13:00"),
    ]


def test_the_alarms_speak_the_office_language(tmp_path: Path) -> None:
    folder = write_office(tmp_path / "office", locale="en")
    save(folder, october_plan(folder))
    found = alarms_of(publish_october(folder).feed(V01).path.read_bytes())
    meeting = next(alarms for key, alarms in found.items() if key.endswith("20261005T180000"))
    assert {description for _, description, *_ in meeting} == {
        "Reminder: Team meeting – 5 October 2026, 18:00"
    }


def test_team_gaps_and_public_feeds_carry_no_alarm(published: PublishReport) -> None:
    for ref in (TEAM, GAPS, PUBLIC):
        content = published.feed(ref).path.read_bytes()
        assert b"VALARM" not in content, ref.label
        assert b"TRIGGER" not in content, ref.label
    volunteers = [item for item in published.feeds if item.ref.kind == "volunteer"]
    assert volunteers and all(b"BEGIN:VALARM" in item.path.read_bytes() for item in volunteers)


def test_no_alarms_when_the_office_sets_none(tmp_path: Path) -> None:
    folder = write_office(tmp_path / "office")
    set_alarms(folder, "[]")
    save(folder, october_plan(folder))
    report = publish_october(folder)
    for item in report.feeds:
        assert b"VALARM" not in item.path.read_bytes(), item.ref.label


def test_alarms_of_the_setting_in_its_order(tmp_path: Path) -> None:
    folder = write_office(tmp_path / "office")
    set_alarms(
        folder,
        '[{minutes_before: 0}, {days_before: 2, at: "09:30"}, {minutes_before: 45}, '
        "{minutes_before: 45}]",
    )
    save(folder, october_plan(folder))
    found = alarms_of(publish_october(folder).feed(V01).path.read_bytes())
    thursday = next(
        (key.split(" ")[0], alarms)
        for key, alarms in found.items()
        if key.endswith("20261022T140000")
    )
    uid, alarms = thursday
    # 22 Oct 14:00 <- 20 Oct 09:30: 2 days 4 1/2 hours; an alarm at the start is kept.
    assert [trigger for _, _, trigger, _ in alarms] == ["PT0M", "-PT52H30M", "-PT45M", "-PT45M"]
    assert [alarm for *_, alarm in alarms] == [
        alarm_uid(uid, "minutes:0"),
        alarm_uid(uid, "days:2@09:30"),
        alarm_uid(uid, "minutes:45"),
        alarm_uid(uid, "minutes:45#2"),
    ]


def test_alarm_uids_are_unique_and_not_event_uids(published: PublishReport) -> None:
    seen: set[str] = set()
    events: set[str] = set()
    for item in published.feeds:
        events |= {event.uid for event in item.events}
        for alarms in alarms_of(item.path.read_bytes()).values():
            for *_, uid in alarms:
                assert re.fullmatch(r"[0-9a-f]{32}@roster", uid), uid
                assert uid not in seen
                seen.add(uid)
    assert len(seen) == 2 * sum(
        len(item.events) for item in published.feeds if item.ref.kind == "volunteer"
    )
    assert not seen & events


def test_a_cancelled_event_carries_no_alarm(tmp_path: Path) -> None:
    folder = write_office(tmp_path / "office")
    save(folder, october_plan(folder))
    publish_october(folder)
    write_office(folder, closures=[("2026-10-29", "2026-10-29", "Betriebsausflug")])
    save(folder, october_plan(folder))
    second = publish_october(folder, now=LATER)
    calendar = Calendar.from_ical(second.feed(V02).path.read_bytes())
    statuses = {
        str(event["STATUS"]): [c.name for c in event.subcomponents]
        for event in calendar.walk("VEVENT")
        if event.decoded("DTSTART") == datetime(2026, 10, 29, 14, tzinfo=ZoneInfo("Europe/Berlin"))
    }
    assert statuses == {"CANCELLED": []}
    live = [e for e in calendar.walk("VEVENT") if str(e["STATUS"]) == "CONFIRMED"]
    assert live and all(len(e.walk("VALARM")) == 2 for e in live)


def test_a_changed_alarm_setting_changes_the_feeds_but_no_sequence(tmp_path: Path) -> None:
    folder = write_office(tmp_path / "office")
    save(folder, october_plan(folder))
    first = publish_october(folder)
    state_before = read_state(folder)
    before = {item.ref: item.path.read_bytes() for item in first.feeds}

    set_alarms(folder, "[{minutes_before: 30}]")
    second = publish_october(folder, now=LATER)
    assert second.changes.changed == 0 and second.changes.new == 0
    assert second.changes.unchanged == first.changes.new
    assert read_state(folder) == state_before  # SEQUENCE, DTSTAMP, LAST-MODIFIED as they were
    for item in second.feeds:
        content = item.path.read_bytes()
        if item.ref.kind == "volunteer":
            assert content != before[item.ref], item.ref.label
            assert set(re.findall(rb"TRIGGER:(\S+)\r\n", content)) == {b"-PT30M"}
            without = re.sub(rb"BEGIN:VALARM\r\n.*?END:VALARM\r\n", b"", content, flags=re.S)
            old = re.sub(rb"BEGIN:VALARM\r\n.*?END:VALARM\r\n", b"", before[item.ref], flags=re.S)
            assert without == old, item.ref.label
        else:
            assert content == before[item.ref], item.ref.label
    assert [item.path.name for item in second.feeds if item.ref.kind != "volunteer"] == [
        item.path.name for item in first.feeds if item.ref.kind != "volunteer"
    ]


def test_the_same_input_gives_the_same_alarms_byte_for_byte(tmp_path: Path) -> None:
    contents = []
    for name in ("a", "b"):
        folder = write_office(tmp_path / name)
        save(folder, october_plan(folder))
        contents.append([item.path.read_bytes() for item in publish_october(folder).feeds])
    assert contents[0] == contents[1]
    assert any(b"BEGIN:VALARM" in content for content in contents[0])
