"""Which volunteers have a personal feed link, for ``roster print --with-links``.

A link's token is secret and never stored: ``feeds/tokens.json`` keeps only its SHA-256
(see :mod:`calendars.tokens`). So no printout can show a link that exists, and printing
must not make a new one (that would cut off the volunteer's current subscription).
With ``--with-links`` the personal schedule says whether a link has been handed out
and when, and to ask the office lead for it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from calendars.events import FeedRef
from calendars.tokens import read_tokens


def links_made(folder: Path, volunteers: list[str]) -> dict[str, date | None]:
    """Volunteer id -> the date their live feed link was made, or None without one."""
    tokens = read_tokens(folder)
    made: dict[str, date | None] = {}
    for volunteer in volunteers:
        record = tokens.of_feed(FeedRef("volunteer", volunteer).label)
        made[volunteer] = date.fromisoformat(record.created[:10]) if record else None
    return made
