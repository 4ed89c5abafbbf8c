"""What the tests of whole publications check (issue 11, section 4).

- :func:`view`: the publication a person or the feed server sees in ``DIR/feeds``, as
  relative path -> bytes (``public.ics``, ``private/<id>.ics``, ``state.json``);
- :func:`shown_events`: that the state and the feeds of a view are one publication, event
  for event (UID, SEQUENCE, STATUS);
- :class:`Subscribers`: what subscribers were ever shown, and that no later view lowers
  an event's SEQUENCE or drops an event they saw without showing it as cancelled;
- :data:`VARIANTS`: inputs that change the feeds in every way a re-plan can.

Killing a run at its n-th file operation is :mod:`fault_injection` (shared with the
printouts' tests).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from feed_offices import write_office
from feed_plans import appointment, october_plan, open_id, save, staff
from icalendar import Calendar

from calendars.feed_refs import PUBLIC
from calendars.state import PublicationState, feed_files, feed_id
from roster.domain.month import Month

OCTOBER = Month(2026, 10)
View = dict[str, bytes]
Shown = dict[str, dict[str, tuple[int, str]]]


def plain(folder: Path) -> None:
    """October as planned."""
    write_office(folder)
    save(folder, october_plan(folder))


def moved(folder: Path) -> None:
    """A duty moves to someone else (it leaves one feed, appears in another) and an
    appointment moves to 14:00 (its events change: SEQUENCE + 1)."""
    write_office(folder)
    plan = october_plan(folder)
    team = [staff("v01", lead=True), staff("v02", "interpreter", "ar"), staff("v04")]
    sessions = [
        item.model_copy(update={"staff": team}) if item.id == open_id("2026-10-29") else item
        for item in plan.sessions
    ]
    later = appointment(
        "A-2026-101#1",
        date(2026, 10, 21),
        "14:00",
        60,
        language="ar",
        counsellor="v03",
        interpreter="v02",
    )
    appointments = [later if item.key == later.key else item for item in plan.appointments]
    save(folder, plan.model_copy(update={"sessions": sessions, "appointments": appointments}))


def closed(folder: Path) -> None:
    """A closure on 29 October: that session's events are shown once as cancelled."""
    write_office(folder, closures=[("2026-10-29", "2026-10-29", "Betriebsausflug")])
    save(folder, october_plan(folder))


VARIANTS: tuple[Callable[[Path], None], ...] = (moved, closed, plain)


def view(folder: Path, *, through_pointer: bool = False) -> View:
    """The publication in ``DIR/feeds``: through the stable names a person opens, or (with
    ``through_pointer``) through ``feeds/current`` as the feed server opens it."""
    files = feed_files(folder)

    def where(relative: str) -> Path:
        return files.member(relative) if through_pointer else files.home / relative

    found = {
        name: where(name).read_bytes()
        for name in ("public.ics", "state.json")
        if where(name).is_file()
    }
    private = where("private")
    if private.is_dir():
        for path in sorted(private.glob("*.ics")):
            found[f"private/{path.name}"] = path.read_bytes()
    return found


@functools.cache
def events(content: bytes) -> dict[str, tuple[int, str]]:
    """UID -> (SEQUENCE, STATUS) of a feed (kept for the next view: do not change it)."""
    calendar = Calendar.from_ical(content)
    return {
        str(event["UID"]): (int(str(event["SEQUENCE"])), str(event["STATUS"]))
        for event in calendar.walk("VEVENT")
    }


@functools.cache
def state_of(content: bytes) -> PublicationState:
    """The state in ``state.json``."""
    return PublicationState.model_validate_json(content)


def shown_events(seen: Mapping[str, bytes]) -> Shown:
    """Feed id -> the events the feed shows; asserts that every feed is there and shows
    exactly what the state says it shows (one publication, not two halves)."""
    state = state_of(seen["state.json"])
    public = feed_id(state.key, PUBLIC)
    names = {fid: "public.ics" if fid == public else f"private/{fid}.ics" for fid in state.feeds}
    assert sorted(names.values()) == sorted(name for name in seen if name != "state.json")
    shown: Shown = {}
    for fid, name in names.items():
        in_state: dict[str, tuple[int, str]] = {
            uid: (record.sequence, record.status)
            for uid, record in state.feeds[fid].events.items()
            if record.shown
        }
        assert events(seen[name]) == in_state, f"{name} and state.json disagree"
        shown[fid] = in_state
    return shown


@dataclass
class Subscribers:
    """Everything subscribers were ever shown: the last view and the highest SEQUENCE per
    feed and UID."""

    last: View | None = None
    highest: dict[tuple[str, str], int] = field(default_factory=dict)

    def see(self, seen: View) -> None:
        """A reader sees ``seen``: one publication, no SEQUENCE lower than ever shown, and
        every event shown before is still known to the state; one that left the feed was
        shown as cancelled first, or its duty went to someone else (its session is on)."""
        shown = shown_events(seen)
        state = state_of(seen["state.json"])
        for (fid, uid), sequence in self.highest.items():
            record = state.feeds[fid].events.get(uid)
            assert record is not None, f"event {uid} of a feed was forgotten"
            assert record.sequence >= sequence, f"SEQUENCE of {uid} went down"
        before = shown_events(self.last) if self.last is not None else {}
        for fid, shown_before in before.items():
            for uid, (_, status) in shown_before.items():
                record = state.feeds[fid].events[uid]
                if not record.shown and status != "CANCELLED":
                    assert record.status == "CONFIRMED", f"{uid} left without CANCELLED"
        for fid, items in shown.items():
            for uid, (sequence, _) in items.items():
                self.highest[fid, uid] = max(sequence, self.highest.get((fid, uid), 0))
        self.last = seen


def leftovers(folder: Path) -> list[Path]:
    """What a run left behind in ``DIR/feeds``: temporary files, and generations other
    than the current one and the one before it."""
    files = feed_files(folder)
    found = sorted(files.home.rglob(".*.tmp"))
    current = files.current()
    if files.store.is_dir():
        numbers = [int(path.name) for path in files.store.iterdir() if path.name.isdigit()]
        top = int(current.name) if current is not None else 0
        kept = {top, max((number for number in numbers if number < top), default=0)}
        found.extend(
            path
            for path in sorted(files.store.iterdir())
            if not (path.name.isdigit() and int(path.name) in kept)
        )
    return found
