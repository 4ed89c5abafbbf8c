"""What each volunteer was last told about their duties: ``notices/told.json``, the
baseline of the change notices.

The truth of what a volunteer sees is their private feed (``feeds/state.json``): per event
UID a record with SEQUENCE, STATUS, whether it is shown, start, end and summary. Every
change of an event raises its SEQUENCE or flips ``shown``, so ``(sequence, shown,
status)`` names one state of one event for good.

``notices/told.json`` (0600, written atomically under the folder lock) keeps, per volunteer, the records of their feed as they stood when
they were last told (or when the baseline was set). A change notice lists the difference
between that baseline and the feed now; its key carries a hash of that difference, so the
same difference gives the same key on every run (the sent-log keeps it from going out
twice), and a new publication that changes more gives a new key.

:func:`remember_told` moves the baselines: after a real run (not a dry run), under the
folder lock, it sets the baseline of everyone who has none to their feed as it is (the
first run sends no change notices: switching notices on must not announce every duty of
the month), and of everyone whose change notice was sent to the feed that notice
described. A publication between computing a notice and recording it leaves that
volunteer's baseline where it was: the next run tells them the whole difference again, in
one message.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from calendars.feed_refs import FeedRef
from calendars.state import EventRecord, PublicationState, feed_id, read_state
from roster.app.guard import writing
from roster.app.notify.sent_log import COMMAND, read_log
from roster.domain.errors import RosterError
from roster.domain.files import secret_folder, write_atomic

TOLD_SCHEMA = 1
ChangeKind = Literal["new", "moved", "cancelled", "removed"]


class ToldEvent(BaseModel):
    """One event of a volunteer's feed as they were last told."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sequence: int = Field(ge=0, description="SEQUENCE")
    shown: bool = Field(description="whether the event was in the feed")
    status: Literal["CONFIRMED", "CANCELLED"] = Field(description="STATUS")
    start: str = Field(description="DTSTART, ISO 8601")
    end: str = Field(description="DTEND, ISO 8601")
    summary: str = Field(description="the feed's summary (no client data)")
    location: str = Field(default="", description="LOCATION")

    @staticmethod
    def of(record: EventRecord) -> ToldEvent:
        """The told form of a published record."""
        return ToldEvent(
            sequence=record.sequence,
            shown=record.shown,
            status=record.status,
            start=record.start,
            end=record.end,
            summary=record.summary,
            location=record.location,
        )

    @property
    def visible(self) -> bool:
        """Whether the volunteer has this duty (shown and not cancelled)."""
        return self.shown and self.status == "CONFIRMED"

    def version(self) -> tuple[int, bool, str]:
        """What names this state of the event for good."""
        return (self.sequence, self.shown, self.status)


class ToldFile(BaseModel):
    """``notices/told.json``: per volunteer id, per event UID, the event as told."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    schema_: int = Field(default=TOLD_SCHEMA, alias="schema")
    volunteers: dict[str, dict[str, ToldEvent]] = Field(default_factory=dict)


@dataclass(frozen=True)
class EventChange:
    """One change of one event of a volunteer's feed since they were last told."""

    uid: str
    kind: ChangeKind
    now: EventRecord
    before: ToldEvent | None


@dataclass(frozen=True)
class FeedChanges:
    """A volunteer's changes since the baseline, and the hash that names them."""

    volunteer: str
    changes: list[EventChange]
    digest: str
    first_day: str
    """The first day (YYYY-MM-DD) of the changed events, for the key; "" without."""


def told_path(folder: Path) -> Path:
    """``DIR/notices/told.json``."""
    return folder / "notices" / "told.json"


def read_told(folder: Path) -> ToldFile:
    """The baselines (none before the first run)."""
    path = told_path(folder)
    if not path.is_file():
        return ToldFile()
    try:
        return ToldFile.model_validate(json.loads(path.read_bytes()))
    except (ValueError, ValidationError):
        raise RosterError(
            f"{path.as_posix()} is damaged. Delete it: the next run sets it again and sends "
            "no change notices for what was published before."
        ) from None


def _write_told(folder: Path, told: ToldFile) -> None:
    secret_folder(folder / "notices")
    data = told.model_dump(mode="json", by_alias=True)
    text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    write_atomic(told_path(folder), text, secret=True)


def feed_records(state: PublicationState, volunteer: str) -> dict[str, EventRecord]:
    """The records of a volunteer's private feed (shown or not), by UID."""
    feed = state.feeds.get(feed_id(state.key, FeedRef("volunteer", volunteer)))
    return {} if feed is None else dict(feed.events)


def _kind(before: ToldEvent | None, now: EventRecord) -> ChangeKind | None:
    told_now = ToldEvent.of(now)
    if before is not None and before.version() == told_now.version():
        return None
    was = before if before is not None and before.visible else None
    if told_now.visible:
        if was is None:
            return "new"
        moved = (was.start, was.end, was.summary, was.location) != (
            now.start,
            now.end,
            now.summary,
            now.location,
        )
        return "moved" if moved else None
    if was is None:
        return None
    return "cancelled" if now.status == "CANCELLED" else "removed"


def changes_of(
    volunteer: str, records: dict[str, EventRecord], baseline: dict[str, ToldEvent]
) -> FeedChanges:
    """The volunteer's changes since ``baseline``, in UID order, with their hash: a hash
    of every event whose state moved on (also of changes not worth a word, such as a new
    description), so the same difference always gives the same hash."""
    found: list[EventChange] = []
    moved_on: list[str] = []
    for uid in sorted(records):
        now = records[uid]
        before = baseline.get(uid)
        if before is None or before.version() != ToldEvent.of(now).version():
            moved_on.append(f"{uid}:{now.sequence}:{int(now.shown)}:{now.status}")
        kind = _kind(before, now)
        if kind is not None:
            found.append(EventChange(uid, kind, now, before))
    digest = hashlib.sha256("\n".join(moved_on).encode("utf-8")).hexdigest()[:20]
    first = min((change.now.start[:10] for change in found), default="")
    return FeedChanges(volunteer, found, digest, first)


def change_key(changes: FeedChanges) -> str:
    """The change notice's stable key: ``change/<volunteer>/<first day>/<hash of the
    difference>`` (the day names the calendar file)."""
    return f"change/{changes.volunteer}/{changes.first_day or 'none'}/{changes.digest}"


def finished_keys(folder: Path) -> set[str]:
    """The keys of the sent-log that need nothing more: sent, given up, or not sendable
    (no e-mail address; the lead's report lists those)."""
    log = read_log(folder)
    return {
        key for key, entry in log.entries.items() if log.done(key) or entry.status == "no_address"
    }


def remember_told(
    folder: Path,
    volunteers: Iterable[str],
    sent_keys: Iterable[str] | None = None,
    *,
    reset: Iterable[str] = (),
) -> bool:
    """Move the baselines after a real run (never after a dry run); takes the folder lock.

    ``volunteers``: the ids of the office's volunteers; ``sent_keys``: the keys that need
    nothing more (default: read from the sent-log, :func:`finished_keys`). Sets the
    baseline of each volunteer without one to their feed as it is now, and of each
    volunteer whose change notice of this very difference is finished; ``reset``: the ids
    who take no change notices (switched off by the office or by themselves), whose
    baseline follows their feed so that switching on later does not tell old news.
    Whether the file was written (nothing before the first publication, nothing when no baseline moved)."""
    folder = Path(folder)
    with writing(folder, COMMAND):
        state = read_state(folder)
        if state is None:
            return False
        sent = finished_keys(folder) if sent_keys is None else set(sent_keys)
        silent = set(reset)
        told = read_told(folder)
        baselines = dict(told.volunteers)
        moved = False
        for volunteer in sorted(set(volunteers)):
            records = feed_records(state, volunteer)
            baseline = baselines.get(volunteer)
            current = {uid: ToldEvent.of(record) for uid, record in sorted(records.items())}
            if baseline == current:
                continue
            if (
                baseline is None
                or volunteer in silent
                or change_key(changes_of(volunteer, records, baseline)) in sent
            ):
                baselines[volunteer] = current
                moved = True
        if moved:
            _write_told(folder, ToldFile(volunteers=dict(sorted(baselines.items()))))
        return moved
