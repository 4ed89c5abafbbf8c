"""The publication state, ``feeds/state.json``: what each feed published, and when.

Calendar clients recognise an event by its UID and take a higher SEQUENCE as a newer
version. The state remembers, per feed and per UID, the published content with its
SEQUENCE, CREATED, LAST-MODIFIED and DTSTAMP, so that:

- an unchanged event keeps all of them byte for byte (a feed with no change is
  byte-identical to the one before);
- a changed event (time, place, status, title, description, busy/free) gets SEQUENCE + 1
  and LAST-MODIFIED = DTSTAMP = now;
- an event whose duty went to someone else (its session is still planned) leaves the feed;
- an event whose occurrence is gone (a session cancelled by a new closure, an appointment
  no longer scheduled) is published once more as STATUS:CANCELLED with SEQUENCE + 1, then
  leaves the feed;
- an event that leaves a feed is kept as a hidden record while its month is in the
  window, so that if it comes back its SEQUENCE continues instead of restarting.

UIDs, feed ids and occurrence ids are keyed hashes (HMAC-SHA256) with the office's
secret ``key``, made once with :mod:`secrets` and kept in this file: they are stable
across re-plans and re-publishes, differ between feeds, and reveal no name, id or case.

The state is published with the feeds as one set (:func:`feed_files`, in
``feeds/generations/<n>/`` behind the link ``feeds/current``): the state read here always
belongs to the feeds that were served, so a SEQUENCE computed from it never goes down.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from calendars.feed_refs import FeedRef
from calendars.feed_sets import EventText
from roster.domain.errors import RosterError, first_validation_problem
from roster.domain.generations import FileSet

STATE_SCHEMA = 1
UID_DOMAIN = "roster"
Status = Literal["CONFIRMED", "CANCELLED"]


def new_key() -> str:
    """A fresh secret for an office's UIDs and feed ids (256 bits)."""
    return secrets.token_hex(32)


def opaque(key: str, *parts: str) -> str:
    """A 128-bit keyed hash of ``parts``, as 32 hex digits."""
    message = "\x1f".join(parts).encode("utf-8")
    return hmac.new(bytes.fromhex(key), message, hashlib.sha256).hexdigest()[:32]


def feed_id(key: str, ref: FeedRef) -> str:
    """The opaque, stable id of a feed: its file name and its key in the state."""
    return opaque(key, "feed", ref.label)


def event_uid(key: str, ref: FeedRef, event_key: str) -> str:
    """The UID of an event of a feed: stable, opaque, different in every feed."""
    return f"{opaque(key, 'uid', ref.label, event_key)}@{UID_DOMAIN}"


def stamp(moment: datetime) -> str:
    """A UTC time as iCalendar writes it, to the second: ``20261201T080000Z``."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class EventRecord(_Model):
    """One event as it was last published (or hidden)."""

    sequence: int = Field(ge=0, description="SEQUENCE")
    created: str = Field(description="CREATED, UTC, e.g. 20261101T080000Z")
    last_modified: str = Field(description="LAST-MODIFIED, UTC")
    dtstamp: str = Field(description="DTSTAMP, UTC; equal to LAST-MODIFIED")
    status: Status = Field(description="STATUS of the last publication")
    shown: bool = Field(description="whether the event is in the feed")
    occurrence: str = Field(description="opaque id of the session, appointment or gap")
    month: str = Field(description="month of the plan the event came from, YYYY-MM")
    start: str = Field(description="DTSTART, ISO 8601 (a date for all-day events)")
    end: str = Field(description="DTEND, ISO 8601 (exclusive)")
    summary: str
    description: str
    location: str
    transparent: bool = Field(description="TRANSP:TRANSPARENT (does not block time)")

    def content(self) -> tuple[object, ...]:
        """What a change of raises SEQUENCE."""
        return (
            self.start,
            self.end,
            self.summary,
            self.description,
            self.location,
            self.status,
            self.transparent,
        )


class FeedRecord(_Model):
    """The events of one feed, by UID."""

    events: dict[str, EventRecord] = Field(default_factory=dict)


class PublicationState(_Model):
    """``feeds/state.json``."""

    schema_: int = Field(default=STATE_SCHEMA, alias="schema")
    key: str = Field(pattern=r"^[0-9a-f]{64}$", description="secret of UIDs and feed ids")
    feeds: dict[str, FeedRecord] = Field(default_factory=dict, description="by feed id")

    def to_json(self) -> str:
        """Stable JSON: sorted keys, one line per field."""
        data = self.model_dump(mode="json", by_alias=True)
        return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


FEED_LINKS = ("public.ics", "private", "state.json")
"""The stable names in ``DIR/feeds/``: links through ``feeds/current`` into the current set."""


def _secret_member(relative: str) -> bool:
    return relative != "public.ics"


def feed_files(folder: Path) -> FileSet:
    """``DIR/feeds`` as a set that changes as a whole (:mod:`roster.domain.generations`):
    the public feed, the private feeds and this state, in ``feeds/generations/<n>/``, the
    current one named by the link ``feeds/current``. ``tokens.json`` is not part of it."""
    feeds = folder / "feeds"
    return FileSet(
        home=feeds,
        pointer_name="current",
        store=feeds / "generations",
        secret=_secret_member,
        secret_folders=("private",),
    )


def state_path(folder: Path) -> Path:
    """``DIR/feeds/state.json`` (a link into the current set), as messages name it."""
    return folder / "feeds" / "state.json"


def read_state(folder: Path) -> PublicationState | None:
    """The state of the current publication, or None before the first publication."""
    path = feed_files(folder).member("state.json")
    if not path.is_file():
        return None
    name = state_path(folder).as_posix()
    try:
        return PublicationState.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        raise RosterError(
            f"{name} is damaged ({first_validation_problem(exc)}). Restore it from a backup of the "
            "office folder; without it every event gets a new UID and subscribers see duplicates."
        ) from None


@dataclass(frozen=True)
class PublishedEvent:
    """An event as a feed publishes it."""

    uid: str
    record: EventRecord

    @property
    def start(self) -> datetime | date:
        """DTSTART."""
        return _moment(self.record.start)

    @property
    def end(self) -> datetime | date:
        """DTEND."""
        return _moment(self.record.end)


@dataclass
class Changes:
    """What a publication changed, over all feeds."""

    new: int = 0
    changed: int = 0
    cancelled: int = 0
    removed: int = 0
    unchanged: int = 0

    def add(self, other: Changes) -> None:
        """Add another feed's counts."""
        self.new += other.new
        self.changed += other.changed
        self.cancelled += other.cancelled
        self.removed += other.removed
        self.unchanged += other.unchanged


@dataclass
class PublishedFeed:
    """One feed as published: where it lies and the events it carries."""

    ref: FeedRef
    name: str
    path: Path
    feed_id: str
    events: list[PublishedEvent]
    changes: Changes


@dataclass
class FeedUpdate:
    """One feed after a publication: its id, its shown events and what changed."""

    feed_id: str
    events: list[PublishedEvent]
    changes: Changes = field(default_factory=Changes)


def _moment(value: str) -> datetime | date:
    return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)


def _iso(value: datetime | date) -> str:
    return value.isoformat()


def _record(
    event: EventText, occurrence: str, *, sequence: int, created: str, now: str
) -> EventRecord:
    return EventRecord(
        sequence=sequence,
        created=created,
        last_modified=now,
        dtstamp=now,
        status="CONFIRMED",
        shown=True,
        occurrence=occurrence,
        month=event.month,
        start=_iso(event.start),
        end=_iso(event.end),
        summary=event.summary,
        description=event.description,
        location=event.location,
        transparent=event.transparent,
    )


def _sort_key(item: PublishedEvent) -> tuple[str, str]:
    start = item.start
    instant = (
        start.astimezone(UTC).isoformat() if isinstance(start, datetime) else start.isoformat()
    )
    return (instant, item.uid)


def advance_feed(
    state: PublicationState,
    ref: FeedRef,
    events: Iterable[EventText],
    occurrences: frozenset[str],
    window: frozenset[str],
    now: datetime,
) -> tuple[FeedRecord, FeedUpdate]:
    """The feed's new record and published events, from its current events and the state.

    ``occurrences`` are the occurrences the plans still hold; ``window`` the months
    (``YYYY-MM``) the feeds cover; records of months outside it are forgotten.
    """
    key = state.key
    fid = feed_id(key, ref)
    previous = state.feeds.get(fid, FeedRecord()).events
    moment = stamp(now)
    changes = Changes()
    records: dict[str, EventRecord] = {}
    for event in events:
        uid = event_uid(key, ref, event.key)
        occurrence = opaque(key, "occurrence", event.occurrence)
        old = previous.get(uid)
        if old is None:
            records[uid] = _record(event, occurrence, sequence=0, created=moment, now=moment)
            changes.new += 1
            continue
        fresh = _record(event, occurrence, sequence=old.sequence, created=old.created, now=moment)
        if old.shown and fresh.content() == old.content():
            records[uid] = old
            changes.unchanged += 1
        else:
            records[uid] = fresh.model_copy(update={"sequence": old.sequence + 1})
            changes.changed += 1
    live = {opaque(key, "occurrence", occurrence) for occurrence in occurrences}
    for uid, old in previous.items():
        if uid in records or old.month not in window:
            continue
        if not old.shown:
            records[uid] = old
        elif old.status == "CANCELLED" or old.occurrence in live:
            records[uid] = old.model_copy(update={"shown": False})
            changes.removed += 1
        else:
            records[uid] = old.model_copy(
                update={
                    "status": "CANCELLED",
                    "sequence": old.sequence + 1,
                    "last_modified": moment,
                    "dtstamp": moment,
                }
            )
            changes.cancelled += 1
    shown = sorted(
        (PublishedEvent(uid, record) for uid, record in records.items() if record.shown),
        key=_sort_key,
    )
    return FeedRecord(events=dict(sorted(records.items()))), FeedUpdate(fid, shown, changes)
