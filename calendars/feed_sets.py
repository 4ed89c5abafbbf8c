"""What the feeds of a publication hold: each feed's name and events, before the
publication state gives the events their UID and SEQUENCE."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from calendars.feed_refs import FeedRef


@dataclass(frozen=True)
class EventText:
    """What one event says, before the publication state gives it UID and SEQUENCE."""

    key: str
    occurrence: str
    month: str
    start: datetime | date
    end: datetime | date
    summary: str
    description: str
    location: str
    transparent: bool


@dataclass
class FeedText:
    """One feed's name and events."""

    ref: FeedRef
    name: str
    events: list[EventText] = field(default_factory=list)

    def add(self, event: EventText) -> None:
        """Add ``event`` unless the feed already has one with its key."""
        if all(known.key != event.key for known in self.events):
            self.events.append(event)


@dataclass(frozen=True)
class FeedSet:
    """Every feed of a publication and the occurrences the plans still hold."""

    feeds: list[FeedText]
    occurrences: frozenset[str]

    def feed(self, ref: FeedRef) -> FeedText:
        """The feed ``ref``."""
        for item in self.feeds:
            if item.ref == ref:
                return item
        raise KeyError(ref.label)
