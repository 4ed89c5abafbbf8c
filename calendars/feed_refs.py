"""Which feed: the four kinds of feed, and a reference to one feed of an office.

- ``volunteer``: one per person, with each of their duties and the team meeting;
- ``team``: every session with who is on duty, and the team meeting;
- ``gaps``: one event per uncovered need and per unscheduled appointment, with its reason;
- ``public``: the opening hours and the languages interpreted, without any name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FeedKind = Literal["volunteer", "team", "gaps", "public"]


@dataclass(frozen=True, order=True)
class FeedRef:
    """Which feed: a volunteer's (with their id), the team's, the gaps' or the public one."""

    kind: FeedKind
    volunteer: str | None = None

    @property
    def label(self) -> str:
        """``volunteer:v01``, ``team``, ``gaps`` or ``public``: the feed's identity."""
        return f"volunteer:{self.volunteer}" if self.kind == "volunteer" else self.kind

    @property
    def private(self) -> bool:
        """Whether the feed is only reachable with a secret link."""
        return self.kind != "public"


TEAM = FeedRef("team")
GAPS = FeedRef("gaps")
PUBLIC = FeedRef("public")
