"""Change notices (issue 16): one message per volunteer whose duties a publication
changed; nothing on the first run, nothing for an unchanged publication, nothing twice."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from test_kind_support import (
    SESSION_10,
    assert_no_client_data,
    context,
    edit_plan,
    office_copy,
    session_of,
)

from calendars.feed_refs import FeedRef
from calendars.state import feed_id, read_state
from roster.app.feeds import publish_month
from roster.app.notify.change_state import read_told, remember_told, told_path
from roster.app.notify.due_changes import due_changes
from roster.app.notify.model import Notice
from roster.app.notify.sent_log import record

TODAY = date(2026, 12, 1)
FIRST = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)
SECOND = datetime(2026, 12, 1, 7, 30, tzinfo=UTC)


def _ids(folder: Path) -> list[str]:
    return [person.id for person in context(folder, TODAY).data.volunteers]


def _published_with_baseline(tmp_path: Path, locale: str = "de") -> Path:
    """Published once, and a first run that set every baseline silently."""
    folder = office_copy(tmp_path / "office", locale=locale)
    publish_month(folder, "2026-12", now=FIRST)
    assert due_changes(context(folder, TODAY)) == []
    assert remember_told(folder, _ids(folder), [])
    return folder


def _v05_to_v06(plan: dict[str, Any]) -> None:
    for entry in session_of(plan, SESSION_10)["staff"]:
        if entry["volunteer"] == "v05":
            entry["volunteer"] = "v06"


def _by_volunteer(notices: list[Notice]) -> dict[str, Notice]:
    return {notice.volunteer: notice for notice in notices}


def test_no_publication_and_the_first_run_send_nothing(tmp_path: Path) -> None:
    folder = office_copy(tmp_path / "office")
    assert due_changes(context(folder, TODAY)) == []
    assert not remember_told(folder, _ids(folder), [])  # nothing published: no baseline
    publish_month(folder, "2026-12", now=FIRST)
    assert due_changes(context(folder, TODAY)) == []  # no baseline yet: none
    assert remember_told(folder, _ids(folder), [])
    assert sorted(read_told(folder).volunteers) == sorted(_ids(folder))
    assert told_path(folder).stat().st_mode & 0o777 == 0o600
    assert due_changes(context(folder, TODAY)) == []
    assert not remember_told(folder, _ids(folder), [])  # nothing moved: not written again


def test_an_unchanged_publication_sends_nothing(tmp_path: Path) -> None:
    folder = _published_with_baseline(tmp_path)
    publish_month(folder, "2026-12", now=SECOND)
    assert due_changes(context(folder, TODAY)) == []


def test_a_duty_moved_to_someone_else_tells_both_once_in_german(tmp_path: Path) -> None:
    folder = _published_with_baseline(tmp_path)
    edit_plan(folder, _v05_to_v06)
    publish_month(folder, "2026-12", now=SECOND)
    notices = due_changes(context(folder, TODAY))
    assert [notice.volunteer for notice in notices] == ["v05", "v06"]
    given_back, taken = notices
    assert given_back.kind == taken.kind == "change"
    assert given_back.key.startswith("change/v05/")
    assert taken.key.startswith("change/v06/")
    assert given_back.subject == "Neuer Dienstplan: 1 Änderung bei Ihren Diensten"
    assert given_back.text == (
        "Der Dienstplan hat sich geändert. Das ist neu für Sie:\n\n"
        "- Nicht mehr Ihr Dienst: Do., 10. Dez., 14:00\u201316:00 Uhr: "
        "Offene Sprechstunde: Beratung\n\n"
        "Die Datei im Anhang ändert diese Termine in Ihrem Kalender."
    )
    assert given_back.html == (
        "<p>Der Dienstplan hat sich geändert. Das ist neu für Sie:</p>\n"
        "<ul><li>Nicht mehr Ihr Dienst: Do., 10. Dez., 14:00\u201316:00 Uhr: "
        "Offene Sprechstunde: Beratung</li></ul>\n"
        "<p>Die Datei im Anhang ändert diese Termine in Ihrem Kalender.</p>"
    )
    assert "- Neu: Do., 10. Dez., 14:00\u201316:00 Uhr: Offene Sprechstunde: Beratung" in (
        taken.text
    )
    assert_no_client_data(notices)
    # the same state gives the same keys; once recorded as sent, nothing is due
    assert [n.key for n in due_changes(context(folder, TODAY))] == [n.key for n in notices]
    assert remember_told(folder, _ids(folder), [given_back.key, taken.key])
    assert due_changes(context(folder, TODAY)) == []


def test_the_english_notice(tmp_path: Path) -> None:
    folder = _published_with_baseline(tmp_path, locale="en")
    edit_plan(folder, _v05_to_v06)
    publish_month(folder, "2026-12", now=SECOND)
    notices = _by_volunteer(due_changes(context(folder, TODAY)))
    assert sorted(notices) == ["v05", "v06"]
    assert notices["v05"].subject == "New rota: 1 change to your duties"
    assert notices["v05"].text == (
        "The rota has changed. This is new for you:\n\n"
        "- No longer your duty: Thu, Dec 10, 2:00\u2009\u2013\u20094:00\u202fPM: "
        "Offene Sprechstunde: Counselling\n\n"
        "The attached file updates these dates in your calendar."
    )
    assert notices["v06"].text.splitlines()[2] == (
        "- New: Thu, Dec 10, 2:00\u2009\u2013\u20094:00\u202fPM: Offene Sprechstunde: Counselling"
    )


def test_a_send_that_failed_is_due_again(tmp_path: Path) -> None:
    folder = _published_with_baseline(tmp_path)
    edit_plan(folder, _v05_to_v06)
    publish_month(folder, "2026-12", now=SECOND)
    keys = [notice.key for notice in due_changes(context(folder, TODAY))]
    assert remember_told(folder, _ids(folder), keys[:1])  # only v05's went out
    assert [n.key for n in due_changes(context(folder, TODAY))] == keys[1:]


def test_the_calendar_updates_the_feeds_events(tmp_path: Path) -> None:
    folder = _published_with_baseline(tmp_path)
    edit_plan(folder, _v05_to_v06)
    publish_month(folder, "2026-12", now=SECOND)
    notices = _by_volunteer(due_changes(context(folder, TODAY)))
    state = read_state(folder)
    assert state is not None
    for volunteer, status, sequence in (("v05", "CANCELLED", 1), ("v06", "CONFIRMED", 0)):
        payload = notices[volunteer].calendar
        assert payload is not None
        events = Calendar.from_ical(payload).walk("VEVENT")
        assert len(events) == 1
        uid = str(events[0]["UID"])
        feed = state.feeds[feed_id(state.key, FeedRef("volunteer", volunteer))]
        assert uid in feed.events
        assert feed.events[uid].sequence == 0  # a hidden event keeps its SEQUENCE
        assert str(events[0]["STATUS"]) == status
        assert events[0].decoded("SEQUENCE") == sequence
        assert events[0].decoded("DTSTART") == datetime(2026, 12, 10, 13, 0, tzinfo=UTC)


def test_a_moved_session_and_a_cancelled_one(tmp_path: Path) -> None:
    folder = _published_with_baseline(tmp_path)

    def later_and_cancelled(plan: dict[str, Any]) -> None:
        moved = session_of(plan, "2026-12-17-open-1400")
        moved["start"] = "2026-12-17T15:00:00+01:00"
        moved["end"] = "2026-12-17T17:00:00+01:00"
        plan["sessions"] = [s for s in plan["sessions"] if s["id"] != "2026-12-16-appt-1300"]
        plan["appointments"] = [
            a for a in plan["appointments"] if a["session"] != "2026-12-16-appt-1300"
        ]

    edit_plan(folder, later_and_cancelled)
    publish_month(folder, "2026-12", now=SECOND)
    notices = _by_volunteer(due_changes(context(folder, TODAY)))
    moved = notices["v09"].text.splitlines()
    assert moved[2] == (
        "- Geändert: Do., 17. Dez., 15:00\u201317:00 Uhr: Offene Sprechstunde: Beratung. "
        "Vorher: Do., 17. Dez., 14:00\u201316:00 Uhr"
    )
    assert notices["v26"].subject == "Neuer Dienstplan: 1 Änderung bei Ihren Diensten"
    assert notices["v26"].text.splitlines()[2].startswith("- Fällt aus: Mi., 16. Dez., 13:00")
    payload = notices["v26"].calendar
    assert payload is not None
    assert {str(e["STATUS"]) for e in Calendar.from_ical(payload).walk("VEVENT")} == {"CANCELLED"}
    assert_no_client_data(notices.values())


def test_switched_off_left_and_past_changes_send_nothing(tmp_path: Path) -> None:
    folder = _published_with_baseline(tmp_path)
    edit_plan(folder, _v05_to_v06)
    publish_month(folder, "2026-12", now=SECOND)
    switched = due_changes(context(folder, TODAY, off=[("v06", "change")]))
    assert [notice.volunteer for notice in switched] == ["v05"]
    assert due_changes(context(folder, date(2026, 12, 11))) == []


@pytest.mark.parametrize("case_refs", [False, True])
def test_appointment_changes_carry_no_client_data(tmp_path: Path, case_refs: bool) -> None:
    folder = office_copy(tmp_path / "office")
    if case_refs:
        office = folder / "office.yaml"
        office.write_text(
            office.read_text(encoding="utf-8") + "feeds:\n  case_refs: true\n", encoding="utf-8"
        )
    publish_month(folder, "2026-12", now=FIRST)
    remember_told(folder, _ids(folder), [])

    def no_appointments(plan: dict[str, Any]) -> None:
        plan["appointments"] = []

    edit_plan(folder, no_appointments)
    publish_month(folder, "2026-12", now=SECOND)
    notices = due_changes(context(folder, TODAY))
    assert len(notices) >= 5
    assert_no_client_data(notices)
    for notice in notices:
        assert "A-2026" not in notice.text + notice.html + notice.subject


def test_the_baseline_follows_the_sent_log(tmp_path: Path) -> None:
    folder = _published_with_baseline(tmp_path)
    edit_plan(folder, _v05_to_v06)
    publish_month(folder, "2026-12", now=SECOND)
    given_back, taken = due_changes(context(folder, TODAY))
    moment = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    record(folder, given_back.key, kind="change", volunteer="v05", status="sent", now=moment)
    record(folder, taken.key, kind="change", volunteer="v06", status="failed", now=moment)
    assert remember_told(folder, _ids(folder))  # v05's went out: their baseline moves
    assert [n.key for n in due_changes(context(folder, TODAY))] == [taken.key]
    record(folder, taken.key, kind="change", volunteer="v06", status="no_address", now=moment)
    assert remember_told(folder, _ids(folder))  # nothing more to do for v06's either
    assert due_changes(context(folder, TODAY)) == []


def test_who_takes_no_change_notices_hears_no_old_news_later(tmp_path: Path) -> None:
    folder = _published_with_baseline(tmp_path)
    edit_plan(folder, _v05_to_v06)
    publish_month(folder, "2026-12", now=SECOND)
    off = context(folder, TODAY, off=[("v06", "change")])
    assert [n.volunteer for n in due_changes(off)] == ["v05"]
    assert remember_told(folder, _ids(folder), [], reset=["v06"])
    assert [n.volunteer for n in due_changes(context(folder, TODAY))] == ["v05"]
