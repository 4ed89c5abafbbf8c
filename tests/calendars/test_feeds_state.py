"""The publication state on its own: what raises SEQUENCE, what keeps the bytes."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest import publish_october
from feed_offices import KEY

from calendars.feed_refs import FeedRef
from calendars.feed_sets import EventText
from calendars.links import link_feed
from calendars.publish import PublishReport
from calendars.state import PublicationState, advance_feed, event_uid, feed_id, read_state
from roster.domain.errors import RosterError
from roster.folder.load import load_office

REF = FeedRef("volunteer", "v01")
T0 = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
T1 = datetime(2026, 10, 2, 9, 30, tzinfo=UTC)
BASE = EventText(
    key="session:2026-10-22-open-1400",
    occurrence="session:2026-10-22-open-1400",
    month="2026-10",
    start=datetime.fromisoformat("2026-10-22T14:00:00+02:00"),
    end=datetime.fromisoformat("2026-10-22T16:00:00+02:00"),
    summary="Offene Sprechstunde: Beratung",
    description="Aufgabe: Beratung",
    location="Rathaus Velbert",
    transparent=False,
)
WINDOW = frozenset({"2026-09", "2026-10", "2026-11"})


def once(event: EventText) -> PublicationState:
    state = PublicationState(key=KEY)
    record, _ = advance_feed(state, REF, [event], frozenset({event.occurrence}), WINDOW, T0)
    return PublicationState(key=KEY, feeds={_fid(): record})


def _fid() -> str:
    return feed_id(KEY, REF)


@pytest.mark.parametrize(
    "change",
    [
        {"start": datetime.fromisoformat("2026-10-22T14:30:00+02:00")},
        {"end": datetime.fromisoformat("2026-10-22T16:30:00+02:00")},
        {"location": "Bürgerhaus"},
        {"summary": "Offene Sprechstunde: Beratung, Leitungsdienst"},
        {"description": "Aufgabe: Beratung, Leitungsdienst"},
        {"transparent": True},
    ],
)
def test_each_change_raises_sequence_and_stamps(change: dict[str, object]) -> None:
    state = once(BASE)
    changed = dataclasses.replace(BASE, **change)  # type: ignore[arg-type]
    _, update = advance_feed(state, REF, [changed], frozenset({BASE.occurrence}), WINDOW, T1)
    (event,) = update.events
    assert event.uid == event_uid(KEY, REF, BASE.key)
    assert event.record.sequence == 1
    assert event.record.last_modified == event.record.dtstamp == "20261002T093000Z"
    assert event.record.created == "20261001T080000Z"
    assert update.changes.changed == 1


def test_no_change_keeps_sequence_and_stamps() -> None:
    state = once(BASE)
    record, update = advance_feed(state, REF, [BASE], frozenset({BASE.occurrence}), WINDOW, T1)
    assert record == state.feeds[_fid()]
    (event,) = update.events
    assert (event.record.sequence, event.record.dtstamp) == (0, "20261001T080000Z")
    assert update.changes.unchanged == 1


def test_status_change_and_return() -> None:
    state = once(BASE)
    record, update = advance_feed(state, REF, [], frozenset(), WINDOW, T1)
    assert [e.record.status for e in update.events] == ["CANCELLED"]
    state = PublicationState(key=KEY, feeds={_fid(): record})
    record, update = advance_feed(state, REF, [], frozenset(), WINDOW, T1)
    assert update.events == [] and update.changes.removed == 1
    state = PublicationState(key=KEY, feeds={_fid(): record})
    _, update = advance_feed(state, REF, [BASE], frozenset({BASE.occurrence}), WINDOW, T1)
    assert [(e.record.status, e.record.sequence) for e in update.events] == [("CONFIRMED", 2)]


def test_all_day_events_keep_dates() -> None:
    day = dataclasses.replace(BASE, start=date(2026, 10, 5), end=date(2026, 10, 17))
    _, update = advance_feed(PublicationState(key=KEY), REF, [day], frozenset(), WINDOW, T0)
    assert (update.events[0].start, update.events[0].end) == (date(2026, 10, 5), date(2026, 10, 17))


def test_state_holds_no_ids_cases_or_keys_in_the_clear(published: PublishReport) -> None:
    text = (published.folder / "feeds" / "state.json").read_text()
    for word in ("v01", "v02", "A-2026-101", "session:", "appointment:", "meeting:"):
        assert word not in text
    state = read_state(published.folder)
    assert state is not None and state.key == KEY


def test_a_lost_state_with_live_links_is_refused(published: PublishReport) -> None:
    folder: Path = published.folder
    link_feed(load_office(folder), FeedRef("team"), T0)
    state = folder / "feeds" / "state.json"  # a link into the current publication
    state.resolve().unlink()
    with pytest.raises(RosterError, match=r"Restore state\.json from a backup"):
        publish_october(folder)
    state.write_text("{}")  # through the link, into the current publication
    with pytest.raises(RosterError, match=r"state\.json is damaged"):
        publish_october(folder)
