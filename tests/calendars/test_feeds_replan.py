"""Updates across re-plans: UIDs kept, SEQUENCE raised only on changed events, moved duties
leave the old feed, cancelled sessions are published once as cancelled, unchanged feeds
stay byte-identical (issue 5, sections 2 and 5)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from conftest import publish_october
from feed_offices import LATER, LATEST, NOW, write_office
from feed_plans import appointment, make_plan, october_plan, open_id, save, staff
from icalendar import Calendar

from calendars.feed_refs import GAPS, PUBLIC, TEAM, FeedRef
from calendars.publish import PublishReport, publish
from calendars.state import read_state, stamp
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.schema import Plan, Unscheduled


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


@dataclass(frozen=True)
class Seen:
    """An event as a client reads it."""

    summary: str
    start: str
    sequence: int
    status: str
    dtstamp: str
    last_modified: str
    block: bytes


def events_of(report: PublishReport, ref: FeedRef) -> dict[str, Seen]:
    content = report.feed(ref).path.read_bytes()
    blocks = [
        b"BEGIN:VEVENT" + part.split(b"END:VEVENT")[0]
        for part in content.split(b"BEGIN:VEVENT")[1:]
    ]
    calendar = Calendar.from_ical(content)
    result = {}
    for event, block in zip(calendar.walk("VEVENT"), blocks, strict=True):
        result[str(event["UID"])] = Seen(
            summary=str(event["SUMMARY"]),
            start=event.decoded("DTSTART").isoformat(),
            sequence=int(str(event["SEQUENCE"])),
            status=str(event["STATUS"]),
            dtstamp=_text(event["DTSTAMP"].to_ical()),
            last_modified=_text(event["LAST-MODIFIED"].to_ical()),
            block=block,
        )
    return result


def person(volunteer: str) -> FeedRef:
    return FeedRef("volunteer", volunteer)


def replanned(folder: Path) -> Plan:
    """October again: the 29 Oct counselling duty moves from v03 to v04 and the Arabic
    appointment of 21 Oct moves from 13:00 to 14:00; nothing else changes."""
    plan = october_plan(folder)
    sessions = [
        session.model_copy(
            update={
                "staff": [staff("v01", lead=True), staff("v02", "interpreter", "ar"), staff("v04")]
            }
        )
        if session.id == open_id("2026-10-29")
        else session
        for session in plan.sessions
    ]
    moved = appointment(
        "A-2026-101#1",
        date(2026, 10, 21),
        "14:00",
        60,
        language="ar",
        counsellor="v03",
        interpreter="v02",
    )
    appointments = [moved if item.key == moved.key else item for item in plan.appointments]
    return plan.model_copy(update={"sessions": sessions, "appointments": appointments})


def test_replan_keeps_uids_and_raises_sequence_only_on_changed_events(office: Path) -> None:
    first = publish_october(office)
    before = {
        ref: events_of(first, ref)
        for ref in (TEAM, GAPS, PUBLIC, *map(person, ["v01", "v02", "v03", "v04", "v05"]))
    }
    bytes_before = {item.ref: item.path.read_bytes() for item in first.feeds}

    save(office, replanned(office))
    second = publish_october(office, now=LATER)
    after = {ref: events_of(second, ref) for ref in before}
    later = stamp(LATER)

    # Feeds of people the re-plan did not touch are byte-identical, and so is the public feed
    # (v03 and v04 both counsel in German on 29 Oct).
    for ref in (person("v01"), person("v05"), GAPS, PUBLIC):
        assert second.feed(ref).path.read_bytes() == bytes_before[ref], ref.label
    assert second.feed(person("v01")).path not in second.written

    # The moved duty is gone from v03's feed (not cancelled: the session still takes place)
    # and appears in v04's; v03's other events keep UID, SEQUENCE and bytes.
    gone = set(before[person("v03")]) - set(after[person("v03")])
    assert [before[person("v03")][uid].start for uid in gone] == ["2026-10-29T14:00:00+01:00"]
    assert all(seen.status == "CONFIRMED" for seen in after[person("v03")].values())
    new = set(after[person("v04")]) - set(before[person("v04")])
    assert [after[person("v04")][uid].start for uid in new] == ["2026-10-29T14:00:00+01:00"]
    assert after[person("v04")][new.pop()].sequence == 0

    # The appointment kept its UID in v02's and v03's feeds, with SEQUENCE 1 and new stamps;
    # every other event is byte for byte what it was.
    for volunteer in ("v02", "v03"):
        old, now = before[person(volunteer)], after[person(volunteer)]
        changed = [uid for uid in now if uid in old and now[uid].block != old[uid].block]
        assert [now[uid].start for uid in changed] == ["2026-10-21T14:00:00+02:00"]
        uid = changed[0]
        assert (old[uid].sequence, now[uid].sequence) == (0, 1)
        assert now[uid].dtstamp == now[uid].last_modified == later
        assert old[uid].dtstamp != later
        assert all(
            now[other].block == old[other].block for other in now if other != uid and other in old
        )

    # The team feed: only the 21 Oct appointment session and the 29 Oct session changed.
    team_old, team_new = before[TEAM], after[TEAM]
    assert set(team_old) == set(team_new)
    raised = sorted(team_new[uid].start[:10] for uid in team_new if team_new[uid].sequence == 1)
    assert raised == ["2026-10-21", "2026-10-29"]
    assert all(
        team_new[uid].block == team_old[uid].block
        for uid in team_new
        if team_new[uid].sequence == 0
    )
    assert (second.changes.new, second.changes.changed, second.changes.removed) == (1, 4, 1)


def test_a_new_closure_cancels_once_then_the_event_goes(tmp_path: Path) -> None:
    folder = write_office(tmp_path / "office")
    save(folder, october_plan(folder))
    first = publish_october(folder)
    session_29 = {
        ref: uid
        for ref in (PUBLIC, TEAM, person("v02"))
        for uid, seen in events_of(first, ref).items()
        if seen.start == "2026-10-29T14:00:00+01:00"
    }
    assert len(session_29) == 3

    # A closure on 29 Oct: the month is planned again without that session.
    write_office(folder, closures=[("2026-10-29", "2026-10-29", "Betriebsausflug")])
    closed = october_plan(folder)
    assert open_id("2026-10-29") not in {s.id for s in closed.sessions}
    save(folder, closed)
    second = publish_october(folder, now=LATER)
    for ref, uid in session_29.items():
        seen = events_of(second, ref)[uid]
        assert (seen.status, seen.sequence) == ("CANCELLED", 1), ref.label
        assert seen.last_modified == seen.dtstamp == stamp(LATER)
    assert second.changes.cancelled == 5  # public, team, v01, v02, v03

    third = publish_october(folder, now=LATEST)
    for ref, uid in session_29.items():
        assert uid not in events_of(third, ref), ref.label
    assert third.changes.removed == 5
    fourth = publish_october(folder, now=LATEST)
    assert fourth.written == []

    # The closure is lifted: the session comes back with its old UID and SEQUENCE 2.
    write_office(folder)
    save(folder, october_plan(folder))
    fifth = publish_october(folder, now=LATEST)
    for ref, uid in session_29.items():
        seen = events_of(fifth, ref)[uid]
        assert (seen.status, seen.sequence) == ("CONFIRMED", 2), ref.label


def test_an_appointment_that_can_no_longer_be_scheduled_is_cancelled(office: Path) -> None:
    first = publish_october(office)
    (uid,) = [
        u
        for u, seen in events_of(first, person("v04")).items()
        if seen.start.startswith("2026-10-28")
    ]
    plan = october_plan(office)
    dropped = plan.model_copy(
        update={
            "appointments": [a for a in plan.appointments if a.key != "A-2026-102#1"],
            "unscheduled": [
                *plan.unscheduled,
                Unscheduled(
                    key="A-2026-102#1",
                    case="A-2026-102",
                    language="fa",
                    minutes=30,
                    earliest=date(2026, 10, 19),
                    latest=date(2026, 10, 30),
                    reason="A-2026-102: v04 is absent",
                ),
            ],
        }
    )
    save(office, dropped)
    second = publish_october(office, now=LATER)
    seen = events_of(second, person("v04"))[uid]
    assert (seen.status, seen.sequence) == ("CANCELLED", 1)
    gaps = [
        s for s in events_of(second, GAPS).values() if s.sequence == 0 and s.dtstamp == stamp(LATER)
    ]
    assert [s.summary for s in gaps] == ["Nicht eingeplant: Termin (Persisch, 30 Min.)"]


def test_events_outside_the_window_are_forgotten(office: Path) -> None:
    publish_october(office)
    state = read_state(office)
    assert state is not None
    assert any(state.feeds[f].events for f in state.feeds)
    # Two months on, October has left the window (it starts in November).
    later = make_plan(office, "2026-12")
    save(office, later)
    report = publish_october(office, now=NOW)
    assert report.changes.cancelled == 0
    moved = publish(load_office(office), now=LATER, month=Month(2026, 12))
    assert moved.plans == ["2026-12"]
    assert moved.changes.cancelled == 0
    state = read_state(office)
    assert state is not None
    assert {record.month for feed in state.feeds.values() for record in feed.events.values()} == {
        "2026-12"
    }
