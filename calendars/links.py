"""Handing out feed links: `roster feeds link` and `roster feeds revoke`.

A link is ``BASE/<token>.ics``. The token is made here, shown once to the office lead
(as text and QR code) and never stored; ``feeds/tokens.json`` keeps its hash and the
feed file it opens. Because only the hash is kept, a link cannot be shown again:

- ``link`` makes the first link of a feed. If the feed already has one, it says so, with
  the date it was made, and points to ``revoke``; it never makes a second live link.
- ``revoke`` makes the old link fail at once and makes a new one (``reissue=False``
  only revokes, e.g. when someone leaves the team).

A feed's file name does not depend on its token, so a new link works at once, without
publishing again.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import segno

from calendars.feed_refs import FeedRef
from calendars.publish import base_url, private_path
from calendars.state import feed_id, read_state
from calendars.tokens import LinkRecord, new_token, read_tokens, token_hash, write_tokens
from roster.domain.errors import RosterError
from roster.domain.files import write_atomic
from roster.domain.office_data import OfficeData


@dataclass(frozen=True)
class IssuedLink:
    """A link just made: shown once, never stored."""

    ref: FeedRef
    who: str
    url: str
    published: bool
    replaced: bool
    png: Path | None = None

    def text(self, *, qr: bool = True) -> str:
        """The link for the office lead: URL, QR code and what to do with it."""
        lines = [
            f"Feed link for {self.who}. It is shown only now and not stored: hand it over",
            "(text, QR code or PNG) and keep no copy.",
            "",
            f"  {self.url}",
            "",
        ]
        if qr:
            lines.append(qr_text(self.url))
        if self.png is not None:
            lines.append(f"QR code written to {self.png}; delete it once it is handed over.")
        if not self.published:
            lines.append("This feed has not been published yet: run `roster publish` first.")
        lines.append("How to subscribe on iPhone, Android and Thunderbird: docs/subscribe.md")
        return "\n".join(lines).rstrip() + "\n"


@dataclass(frozen=True)
class RevokedLink:
    """What ``revoke`` did: the old link, if any, is dead; maybe a new one was made."""

    ref: FeedRef
    who: str
    had_link: bool
    new: IssuedLink | None

    def text(self, *, qr: bool = True) -> str:
        """What happened, and the new link if one was made."""
        head = (
            f"The old link of {self.who} no longer works."
            if self.had_link
            else f"{self.who} had no link."
        )
        if self.new is None:
            return head + "\n"
        return head + "\n\n" + self.new.text(qr=qr)


def feed_ref(volunteer_id: str | None, *, team: bool = False, gaps: bool = False) -> FeedRef:
    """The feed named on the command line: a volunteer id, ``--team`` or ``--gaps``."""
    given = [volunteer_id is not None, team, gaps].count(True)
    if given != 1:
        raise RosterError(
            "Name one feed: a volunteer id (e.g. v01), or --team, or --gaps. "
            "The public feed needs no link."
        )
    if team:
        return FeedRef("team")
    if gaps:
        return FeedRef("gaps")
    return FeedRef("volunteer", volunteer_id)


def describe(ref: FeedRef, data: OfficeData) -> str:
    """How messages name a feed: ``v01 (Birgit Sommer)``, ``the team feed``..."""
    if ref.kind == "volunteer":
        name = data.by_id().get(ref.volunteer or "")
        return f"{ref.volunteer} ({name.name})" if name else str(ref.volunteer)
    return f"the {ref.kind} feed"


def command_argument(ref: FeedRef) -> str:
    """How to name the feed on the command line: ``v01``, ``--team`` or ``--gaps``."""
    return ref.volunteer or "" if ref.kind == "volunteer" else f"--{ref.kind}"


def _dir_option(folder: Path) -> str:
    return "" if Path(folder) == Path() else f" --dir {folder}"


def _checked(data: OfficeData, ref: FeedRef) -> tuple[Path, str]:
    folder = data.folder
    if ref.kind == "public":
        raise RosterError("The public feed needs no secret link; it is served at BASE/public.ics.")
    if ref.kind == "volunteer" and ref.volunteer not in data.by_id():
        raise RosterError(
            f"'{ref.volunteer}' is not an id in {folder / 'volunteers.yaml'}. "
            "Give the id of a volunteer, e.g. v01."
        )
    state = read_state(folder)
    if state is None:
        raise RosterError(
            f"No feeds have been published in {folder / 'feeds'} yet. "
            f"Run `roster publish {folder}` first, then make the links."
        )
    return folder, feed_id(state.key, ref)


def _issue(folder: Path, data: OfficeData, ref: FeedRef, fid: str, now: datetime) -> str:
    token = new_token()
    record = LinkRecord(
        feed=ref.label,
        sha256=token_hash(token),
        file=f"{fid}.ics",
        created=now.astimezone(UTC).replace(microsecond=0).isoformat(),
    )
    write_tokens(folder, read_tokens(folder).with_link(record))
    return f"{base_url(data.office)}/{token}.ics"


def link_feed(
    data: OfficeData, ref: FeedRef, now: datetime, *, png: Path | None = None
) -> IssuedLink:
    """Make the first link of a feed; refuse if it has one (see the module's docstring).

    With ``png``, the QR code is also written to that file.
    """
    folder, fid = _checked(data, ref)
    who = describe(ref, data)
    existing = read_tokens(folder).of_feed(ref.label)
    if existing is not None:
        raise RosterError(
            f"{who} already has a feed link, made on {existing.created[:10]}. A link is shown "
            "only once and is not stored, so it cannot be shown again. To hand out a new one, "
            f"run `roster feeds revoke {command_argument(ref)}{_dir_option(folder)}`: "
            "the old link stops working."
        )
    url = _issue(folder, data, ref, fid, now)
    if png is not None:
        write_qr_png(url, png)
    return IssuedLink(ref, who, url, private_path(folder, fid).is_file(), replaced=False, png=png)


def revoke_feed(
    data: OfficeData, ref: FeedRef, now: datetime, *, reissue: bool = True, png: Path | None = None
) -> RevokedLink:
    """Make the feed's link fail; with ``reissue``, make a new one (QR code in ``png``)."""
    folder, fid = _checked(data, ref)
    who = describe(ref, data)
    tokens = read_tokens(folder)
    had_link = tokens.of_feed(ref.label) is not None
    if not reissue:
        if had_link:
            write_tokens(folder, tokens.without(ref.label))
        return RevokedLink(ref, who, had_link, None)
    url = _issue(folder, data, ref, fid, now)
    if png is not None:
        write_qr_png(url, png)
    published = private_path(folder, fid).is_file()
    issued = IssuedLink(ref, who, url, published, replaced=had_link, png=png)
    return RevokedLink(ref, who, had_link, issued)


def qr_text(url: str) -> str:
    """The link as a QR code drawn with characters, for the terminal."""
    buffer = io.StringIO()
    segno.make(url, error="m").terminal(out=buffer, compact=True)
    return buffer.getvalue()


def write_qr_png(url: str, path: Path) -> None:
    """The link as a QR code in a PNG file (written atomically)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=4)
    write_atomic(path, buffer.getvalue(), secret=True)
