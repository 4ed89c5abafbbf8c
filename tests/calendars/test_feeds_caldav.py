"""CalDAV publishing against a real Radicale server: events created, updated in place with
the same UID, deleted when gone (issue 5, section 4); what roster put in the calendar of
a volunteer who left the team is removed (issue 11, section 7)."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from caldav.davclient import DAVClient
from click.testing import CliRunner
from conftest import publish_october
from feed_offices import KEY, LATER, LATEST, NOW, VOLUNTEERS_YAML, write_office
from feed_plans import appointment, october_plan, open_id, save, staff

from calendars.caldav_sync import CalDAVTarget, calendar_id
from calendars.feed_refs import FeedRef
from calendars.publish import PublishReport, publish
from roster.cli import main
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.schema import Plan

_users = itertools.count(1)


def new_user() -> str:
    """Each test its own Radicale user, so tests share the server but not calendars."""
    return f"lead{next(_users)}"


def server_events(url: str, user: str) -> dict[str, dict[str, tuple[str, int, str, str, str]]]:
    """Calendar id -> UID -> (object URL, SEQUENCE, STATUS, DTSTART, SUMMARY) on the server."""
    client: Any = DAVClient(url=url, username=user, password="x")
    with client:
        result: dict[str, dict[str, tuple[str, int, str, str, str]]] = {}
        for calendar in client.principal().get_calendars():
            events = {}
            for item in calendar.get_events():
                event = item.icalendar_component
                events[str(event["UID"])] = (
                    str(item.url),
                    int(event.get("SEQUENCE", 0)),
                    str(event.get("STATUS", "")),
                    event.decoded("DTSTART").isoformat(),
                    str(event["SUMMARY"]),
                )
            result[calendar.id] = events
        return result


def sync(folder: Path, radicale: str, user: str, now: object = NOW) -> PublishReport:
    target = CalDAVTarget(radicale, user, "x")
    return publish(load_office(folder), now=now, month=Month(2026, 10), uid_key=KEY, caldav=target)  # type: ignore[arg-type]


def feed_uids(report: PublishReport, volunteer: str) -> set[str]:
    return {event.uid for event in report.feed(FeedRef("volunteer", volunteer)).events}


def test_each_volunteer_gets_a_calendar_with_exactly_their_events(
    office: Path, radicale: str
) -> None:
    user = new_user()
    report = sync(office, radicale, user)
    assert report.caldav is not None
    on_server = server_events(radicale, user)
    volunteers = [item for item in report.feeds if item.ref.kind == "volunteer"]
    assert set(on_server) == {calendar_id(item.feed_id) for item in volunteers}
    for item in volunteers:
        events = on_server[calendar_id(item.feed_id)]
        assert set(events) == {event.uid for event in item.events}
        for event in item.events:
            _, sequence, status, start, summary = events[event.uid]
            assert (sequence, status, summary) == (0, "CONFIRMED", event.record.summary)
            assert start == event.record.start
    assert report.caldav.created == sum(len(item.events) for item in volunteers)
    assert (report.caldav.updated, report.caldav.deleted) == (0, 0)
    again = sync(office, radicale, user, now=LATER)
    assert again.caldav is not None
    assert (again.caldav.created, again.caldav.updated, again.caldav.deleted) == (0, 0, 0)
    assert again.caldav.unchanged == report.caldav.created


def test_replan_updates_in_place_and_deletes_moved_duties(office: Path, radicale: str) -> None:
    user = new_user()
    first = sync(office, radicale, user)
    before = server_events(radicale, user)
    plan = october_plan(office)
    sessions = [
        s.model_copy(
            update={
                "staff": [staff("v01", lead=True), staff("v02", "interpreter", "ar"), staff("v04")]
            }
        )
        if s.id == open_id("2026-10-29")
        else s
        for s in plan.sessions
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
    save(
        office,
        plan.model_copy(
            update={"sessions": sessions, "appointments": [moved, *plan.appointments[1:]]}
        ),
    )
    second = sync(office, radicale, user, now=LATER)
    assert second.caldav is not None
    assert (second.caldav.created, second.caldav.updated, second.caldav.deleted) == (1, 2, 1)
    after = server_events(radicale, user)

    v03 = calendar_id(first.feed(FeedRef("volunteer", "v03")).feed_id)
    gone = set(before[v03]) - set(after[v03])
    assert [before[v03][uid][3] for uid in gone] == ["2026-10-29T14:00:00+01:00"]
    assert set(after[v03]) == feed_uids(second, "v03")

    v04 = calendar_id(first.feed(FeedRef("volunteer", "v04")).feed_id)
    assert set(after[v04]) - set(before[v04]) == feed_uids(second, "v04") - feed_uids(first, "v04")

    v02 = calendar_id(first.feed(FeedRef("volunteer", "v02")).feed_id)
    changed = [uid for uid in after[v02] if after[v02][uid][1] == 1]
    assert len(changed) == 1
    url, _, _, start, _ = after[v02][changed[0]]
    assert url == before[v02][changed[0]][0]  # same object, updated in place
    assert start == "2026-10-21T14:00:00+02:00"
    assert before[v02][changed[0]][3] == "2026-10-21T13:00:00+02:00"


def test_cancelled_session_is_updated_then_deleted(tmp_path: Path, radicale: str) -> None:
    user = new_user()
    folder = write_office(tmp_path / "office")
    save(folder, october_plan(folder))
    first = sync(folder, radicale, user)
    v02 = calendar_id(first.feed(FeedRef("volunteer", "v02")).feed_id)
    (uid,) = [
        u for u, e in server_events(radicale, user)[v02].items() if e[3].startswith("2026-10-29")
    ]
    write_office(folder, closures=[("2026-10-29", "2026-10-29", "Betriebsausflug")])
    save(folder, october_plan(folder))
    sync(folder, radicale, user, now=LATER)
    assert server_events(radicale, user)[v02][uid][1:3] == (1, "CANCELLED")
    sync(folder, radicale, user, now=LATEST)
    assert uid not in server_events(radicale, user)[v02]


def leave_team(folder: Path, volunteer: str) -> None:
    """``volunteer`` leaves: out of volunteers.yaml and out of the October plan."""
    people = VOLUNTEERS_YAML.split("  - id: ")
    kept = [part for part in people if not part.startswith(f"{volunteer}\n")]
    assert len(kept) == len(people) - 1
    (folder / "volunteers.yaml").write_text("  - id: ".join(kept), encoding="utf-8")
    plan: Plan = october_plan(folder)
    sessions = [
        session.model_copy(
            update={"staff": [entry for entry in session.staff if entry.volunteer != volunteer]}
        )
        for session in plan.sessions
    ]
    assert sessions != plan.sessions, f"{volunteer} has a duty in the plan"
    save(folder, plan.model_copy(update={"sessions": sessions}))


FOREIGN = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//someone else//EN
BEGIN:VEVENT
UID:{uid}
DTSTAMP:20261001T080000Z
DTSTART:20261015T090000Z
DTEND:20261015T100000Z
SUMMARY:{summary}
END:VEVENT
END:VCALENDAR
"""


def test_a_volunteer_who_left_keeps_nothing_of_roster_on_the_server(
    tmp_path: Path, radicale: str
) -> None:
    user = new_user()
    folder = write_office(tmp_path / "office")
    save(folder, october_plan(folder))
    first = sync(folder, radicale, user)
    before = server_events(radicale, user)
    v05 = calendar_id(first.feed(FeedRef("volunteer", "v05")).feed_id)
    assert len(before[v05]) == 2  # a duty on 22 Oct and the team meeting

    leave_team(folder, "v05")
    second = sync(folder, radicale, user, now=LATER)
    assert second.caldav is not None
    assert FeedRef("volunteer", "v05") not in {item.ref for item in second.feeds}
    after = server_events(radicale, user)
    # The calendar roster made for v05 is gone with its events; the others are untouched.
    assert after == {name: events for name, events in before.items() if name != v05}
    assert (second.caldav.created, second.caldav.updated) == (0, 0)
    assert second.caldav.deleted == 2
    assert "1 calendar of someone who left the team removed" in second.caldav.text("en")
    again = sync(folder, radicale, user, now=LATEST)
    assert again.caldav is not None and again.caldav.deleted == 0
    assert server_events(radicale, user) == after


def test_only_roster_events_of_the_leavers_calendar_are_removed(
    tmp_path: Path, radicale: str
) -> None:
    user = new_user()
    folder = write_office(tmp_path / "office")
    save(folder, october_plan(folder))
    first = sync(folder, radicale, user)
    v05 = calendar_id(first.feed(FeedRef("volunteer", "v05")).feed_id)
    other_office = calendar_id("ab" * 16)  # another office publishing with the same account
    client: Any = DAVClient(url=radicale, username=user, password="x")
    with client:
        principal = client.principal()
        mine = next(item for item in principal.get_calendars() if item.id == v05)
        mine.save_event(FOREIGN.format(uid="dentist@example.org", summary="Zahnarzt"))
        theirs = principal.make_calendar(name="Another office", cal_id=other_office)
        theirs.save_event(FOREIGN.format(uid=f"{'cd' * 16}@roster", summary="Their duty"))

    leave_team(folder, "v05")
    second = sync(folder, radicale, user, now=LATER)
    assert second.caldav is not None and second.caldav.deleted == 2
    after = server_events(radicale, user)
    assert set(after[v05]) == {"dentist@example.org"}  # what someone else put there stays
    assert set(after[other_office]) == {f"{'cd' * 16}@roster"}
    assert "removed" not in second.caldav.text("en")


def test_cli_reads_the_password_from_the_environment(office: Path, radicale: str) -> None:
    user = new_user()
    result = CliRunner().invoke(
        main,
        [
            *("publish", str(office), "--month", "2026-10", "--locale", "en"),
            *("--caldav", radicale, "--user", user),
        ],
        env={"ROSTER_CALDAV_PASSWORD": "not-shown-anywhere"},
    )
    assert result.exit_code == 0, result.stderr
    assert "CalDAV: 5 calendars at http://127.0.0.1:" in result.stdout
    assert "CalDAV password for" not in result.stdout  # no prompt: the variable was used
    assert "not-shown-anywhere" not in result.stdout + result.stderr
    assert len(server_events(radicale, user)) == 5


def test_unreachable_server_is_a_plain_error(office: Path) -> None:
    with pytest.raises(RosterError) as caught:
        publish(
            load_office(office),
            now=NOW,
            month=Month(2026, 10),
            caldav=CalDAVTarget("http://127.0.0.1:9/dav/", "lead", "pw-42"),
        )
    message = str(caught.value)
    assert "could not reach the server" in message and "pw-42" not in message
    assert (office / "feeds" / "public.ics").is_file()
    assert publish_october(office).written == []  # the local publication was complete
