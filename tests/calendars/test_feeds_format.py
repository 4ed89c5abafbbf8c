"""RFC 5545 form of the feeds (issue 5, section 2): line ends, folding, calendar properties,
time zones, UIDs, windows and reproducibility."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import vobject
from conftest import publish_october
from feed_offices import KEY, NAMES, NOW, write_office
from feed_plans import make_plan, open_id, save, staff
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from calendars.feed_refs import GAPS, PUBLIC, TEAM, FeedRef
from calendars.ics import event_ics, feed_ics
from calendars.publish import PublishReport, publish
from calendars.state import EventRecord, PublishedEvent
from roster import __version__
from roster.domain.month import Month
from roster.folder.load import load_office


def all_feeds(report: PublishReport) -> dict[str, bytes]:
    return {item.ref.label: item.path.read_bytes() for item in report.feeds}


def unfolded(content: bytes) -> list[str]:
    return content.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_lines_end_in_crlf_and_fold_at_75_octets(published: PublishReport) -> None:
    for label, content in all_feeds(published).items():
        assert content.endswith(b"\r\n"), label
        assert b"\n" not in content.replace(b"\r\n", b""), f"bare LF in {label}"
        for line in content.split(b"\r\n"):
            assert len(line) <= 75, (label, line)
            line.decode("utf-8")  # a fold never splits a UTF-8 character


def test_calendar_properties(published: PublishReport) -> None:
    for label, content in all_feeds(published).items():
        lines = unfolded(content)
        assert lines[0] == "BEGIN:VCALENDAR"
        head = lines[: lines.index("BEGIN:VTIMEZONE")]
        assert "VERSION:2.0" in head
        assert f"PRODID:-//roster//roster {__version__}//EN" in head
        assert "X-WR-TIMEZONE:Europe/Berlin" in head
        assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in head
        assert "X-PUBLISHED-TTL:PT1H" in head
        name = next(line for line in head if line.startswith("NAME:"))
        assert f"X-WR-CALNAME:{name[5:]}" in head
        assert not any(line.startswith("METHOD") for line in lines), label
    assert b"NAME:Testb\xc3\xbcro Velbert: Dienste von Birgit Leitner" in (
        published.feed(FeedRef("volunteer", "v01")).path.read_bytes()
    )


def test_every_tzid_has_a_vtimezone(published: PublishReport) -> None:
    for label, content in all_feeds(published).items():
        text = content.decode()
        used = set(re.findall(r";TZID=([^:;]+)[:;]", text))
        defined = set(re.findall(r"^TZID:(.+)\r$", text, flags=re.MULTILINE))
        assert used == defined == {"Europe/Berlin"}, label


def _vtimezone_properties(content: bytes) -> list[list[str]]:
    """Per VTIMEZONE, the names of the properties it holds itself (not its blocks')."""
    found: list[list[str]] = []
    depth = 0
    for line in unfolded(content):
        if line == "BEGIN:VTIMEZONE":
            found.append([])
            depth = 1
        elif depth and line.startswith("BEGIN:"):
            depth += 1
        elif depth and line.startswith("END:"):
            depth -= 1
        elif depth == 1:
            found[-1].append(re.split(r"[:;]", line, maxsplit=1)[0])
    return found


def test_vtimezone_holds_no_comment_of_its_own(published: PublishReport) -> None:
    """RFC 5545 allows COMMENT in STANDARD and DAYLIGHT, not in VTIMEZONE itself (icalendar
    7 adds one saying for which years the zone was written)."""
    record = published.feed(TEAM).events[0]
    objects = all_feeds(published)
    objects["CalDAV object"] = event_ics(record, "Europe/Berlin", (2026, 2026))
    allowed = {"TZID", "LAST-MODIFIED", "TZURL"}
    for label, content in objects.items():
        zones = _vtimezone_properties(content)
        assert len(zones) == 1, label
        assert "TZID" in zones[0], label
        assert all(name in allowed or name.startswith("X-") for name in zones[0]), (label, zones)
        (zone,) = Calendar.from_ical(content).walk("VTIMEZONE")
        assert "COMMENT" not in zone, label
        assert {block.name for block in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}, label
        assert "comment" not in vobject.readOne(content.decode()).vtimezone.contents, label


def test_times_keep_their_wall_clock_across_the_dst_change(published: PublishReport) -> None:
    calendar = Calendar.from_ical(published.feed(PUBLIC).path.read_bytes())
    starts = {
        event.decoded("DTSTART").date().isoformat(): event.decoded("DTSTART")
        for event in calendar.walk("VEVENT")
    }
    before, after = starts["2026-10-22"], starts["2026-10-29"]
    assert (before.hour, after.hour) == (14, 14)
    assert before.utcoffset() == timedelta(hours=2)
    assert after.utcoffset() == timedelta(hours=1)
    assert before.astimezone(UTC) == datetime(2026, 10, 22, 12, 0, tzinfo=UTC)
    assert after.astimezone(UTC) == datetime(2026, 10, 29, 13, 0, tzinfo=UTC)


def test_uids_are_opaque_unique_and_differ_between_feeds(published: PublishReport) -> None:
    seen: dict[str, str] = {}
    for label, content in all_feeds(published).items():
        # the events' own UIDs; the alarms' UIDs (RFC 9074) are tested in test_feeds_alarms
        events = re.sub(r"BEGIN:VALARM\r\n.*?END:VALARM\r\n", "", content.decode(), flags=re.S)
        uids = re.findall(r"^UID:(.+)\r$", events, flags=re.MULTILINE)
        assert len(uids) == len(set(uids)), f"duplicate UID in {label}"
        for uid in uids:
            assert re.fullmatch(r"[0-9a-f]{32}@roster", uid), uid
            assert uid not in seen, f"{uid} is in {label} and {seen.get(uid)}"
            seen[uid] = label
    # The same session is in the public, team and three volunteers' feeds, each with its own UID.
    assert len(seen) == sum(len(item.events) for item in published.feeds)


def test_file_names_hold_no_names_or_ids(published: PublishReport) -> None:
    # Besides the feeds and the state: the generation folders of the publication
    # (feeds/generations/<n>/) and the link to the current one (feeds/current).
    layout = r"[0-9a-f]{32}\.ics|public\.ics|state\.json|private|current|generations|[1-9]\d*"
    for path in (published.folder / "feeds").rglob("*"):
        assert re.fullmatch(layout, path.name), path
        for volunteer, name in NAMES.items():
            assert volunteer not in path.name
            assert name.split()[0].lower() not in path.name.lower()


def test_same_plan_and_state_give_the_same_bytes(office: Path, tmp_path: Path) -> None:
    first = publish_october(office)
    before = {path: path.read_bytes() for path in (office / "feeds").rglob("*") if path.is_file()}
    again = publish_october(office, now=NOW + timedelta(days=3))
    after = {path: path.read_bytes() for path in (office / "feeds").rglob("*") if path.is_file()}
    assert before == after
    assert again.written == []
    assert again.changes.unchanged == first.changes.new
    # A second office folder with the same inputs, key and now writes the very same bytes.
    twin = tmp_path / "twin"
    shutil.copytree(office, twin, ignore=shutil.ignore_patterns("feeds"))
    publish_october(twin)
    assert {
        p.relative_to(twin): p.read_bytes() for p in (twin / "feeds").rglob("*") if p.is_file()
    } == {p.relative_to(office): data for p, data in before.items()}


def test_uids_are_stable_across_publications(office: Path) -> None:
    first = publish_october(office)
    second = publish_october(office, now=NOW + timedelta(hours=1))
    for ref in (TEAM, GAPS, PUBLIC, FeedRef("volunteer", "v02")):
        assert [e.uid for e in first.feed(ref).events] == [e.uid for e in second.feed(ref).events]


def test_window_spans_last_month_to_three_months_ahead(tmp_path: Path) -> None:
    folder = write_office(tmp_path / "office")
    for month in ("2026-08", "2026-09", "2026-10", "2027-01", "2027-02"):
        plan = make_plan(folder, month)
        first_open = next(s.id for s in plan.sessions if s.kind == "open_hours")
        save(folder, make_plan(folder, month, staffing={first_open: [staff("v03")]}))
    report = publish(load_office(folder), now=datetime(2026, 10, 15, 9, 0, tzinfo=UTC), uid_key=KEY)
    assert report.plans == ["2026-09", "2026-10", "2027-01"]
    assert str(report.window) == "2026-09 to 2027-01"
    months = {
        event.start.strftime("%Y-%m") for event in report.feed(FeedRef("volunteer", "v03")).events
    }
    assert months == {"2026-09", "2026-10", "2027-01"}
    # The month of `now` anchors the window; --month moves it.
    moved = publish(
        load_office(folder), now=datetime(2026, 10, 15, 9, 0, tzinfo=UTC), month=Month(2026, 8)
    )
    assert moved.plans == ["2026-08", "2026-09", "2026-10"]


def test_a_published_event_in_english(tmp_path: Path) -> None:
    folder = write_office(tmp_path / "office", locale="en")
    save(
        folder,
        make_plan(
            folder,
            "2026-10",
            staffing={open_id("2026-10-08"): [staff("v02", "interpreter", "ar", lead=False)]},
        ),
    )
    report = publish(load_office(folder), now=NOW, month=Month(2026, 10), uid_key=KEY)
    text = "\n".join(unfolded(report.feed(FeedRef("volunteer", "v02")).path.read_bytes()))
    assert "NAME:Testbüro Velbert: duties of Karim Dolmetsch" in text
    assert "SUMMARY:Offene Sprechstunde: Interpreting (Arabic)" in text
    assert "SUMMARY:Team meeting" in text
    public = "\n".join(unfolded(report.feed(PUBLIC).path.read_bytes()))
    assert "DESCRIPTION:Interpreting for: Arabic." in public


def _event(description: str) -> PublishedEvent:
    return PublishedEvent(
        "0" * 32 + "@roster",
        EventRecord(
            sequence=0,
            created="20261001T000000Z",
            last_modified="20261001T000000Z",
            dtstamp="20261001T000000Z",
            status="CONFIRMED",
            shown=True,
            occurrence="x",
            month="2026-10",
            start="2026-10-01T14:00:00+02:00",
            end="2026-10-01T16:00:00+02:00",
            summary=description[:40],
            description=description,
            location="Rathaus",
            transparent=False,
        ),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=300))
def test_any_text_folds_into_valid_lines_and_reads_back(description: str) -> None:
    content = feed_ics("Feed", [_event(description)], "Europe/Berlin", (2026, 2026))
    for line in content.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event.get("DESCRIPTION", "")) == description


def test_feeds_without_events_are_still_valid_calendars(tmp_path: Path) -> None:
    folder = write_office(tmp_path / "office")
    report = publish(load_office(folder), now=NOW, uid_key=KEY)
    assert report.plans == [] and "No rota lies in this time" in report.text("en")
    for item in report.feeds:
        content = item.path.read_bytes()
        assert b"BEGIN:VEVENT" not in content
        assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n" in content  # one component at least
        assert Calendar.from_ical(content).walk("VTIMEZONE")
        assert vobject.readOne(content.decode()).vtimezone.tzid.value == "Europe/Berlin"
