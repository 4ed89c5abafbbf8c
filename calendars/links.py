"""Handing out feed links: `roster feeds link` and `roster feeds revoke`.

A link is ``BASE/<token>.ics``. The token is made here, shown once to the office lead
(as text and QR code) and never stored; ``feeds/tokens.json`` keeps its hash and the
feed file it opens. Because only the hash is kept, a link cannot be shown again:

- ``link`` makes the first link of a feed. If the feed already has one, it says so, with
  the date it was made, and points to ``revoke``; it never makes a second live link.
- ``revoke`` makes the old link fail at once and makes a new one (``reissue=False``
  only revokes, e.g. when someone leaves the team).

A link is made for the office's public address, ``feeds.base_url`` in office.yaml: the
address where volunteers' phones reach the feeds. Without it a link could only point at
``roster serve`` on this computer (``http://127.0.0.1:8080``) and would never work on a
phone, and since a link is shown once, it would be lost; so no link is made unless the
office lead asks for such a local link (``local=True``, e.g. the demo's).

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
from calendars.publish import DEFAULT_BASE_URL, base_url, private_path
from calendars.state import feed_id, read_state
from calendars.tokens import LinkRecord, read_tokens, write_tokens
from roster.domain.errors import RosterError
from roster.domain.files import write_atomic
from roster.domain.office_data import OfficeData
from roster.domain.tokens import new_token, token_hash


@dataclass(frozen=True)
class IssuedLink:
    """A link just made: shown once, never stored."""

    ref: FeedRef
    who: str
    url: str
    published: bool
    replaced: bool
    png: Path | None = None
    local: bool = False
    """The link points at this computer (office.yaml sets no ``feeds.base_url``)."""

    def text(self, *, qr: bool = True) -> str:
        """The link for the office lead: URL, QR code and what to do with it."""
        lines = [
            f"Feed link for {self.who}. It is shown only now and not stored: hand it over",
            "(text, QR code or PNG) and keep no copy.",
            "",
            f"  {self.url}",
            "",
        ]
        if self.local:
            lines.extend([LOCAL_ONLY, ""])
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


LOCAL_ONLY = (
    "This link works only on this computer (office.yaml sets no feeds: base_url), not on a phone."
)


def feed_ref(volunteer_id: str | None, *, team: bool = False, gaps: bool = False) -> FeedRef:
    """The feed named on the command line: a volunteer id, ``--team`` or ``--gaps``."""
    given = [volunteer_id is not None, team, gaps].count(True)
    if given != 1:
        raise RosterError(
            "Name one feed after the office folder: a volunteer id "
            "(`roster feeds link DIR v01`), the team feed (`roster feeds link DIR --team`) "
            "or the open-gaps feed (`roster feeds link DIR --gaps`). "
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


def feed_command(action: str, folder: Path, ref: FeedRef, *extra: str) -> str:
    """The command that does ``action`` for the feed: ``roster feeds revoke DIR v01``."""
    return " ".join(["roster feeds", action, str(folder), command_argument(ref), *extra])


def _no_public_address(data: OfficeData, ref: FeedRef, action: str) -> RosterError:
    """Why no link is made without ``feeds.base_url``, and what to do."""
    folder = data.folder
    return RosterError(
        f"{'Nothing was revoked' if action == 'revoke' else 'No link was made'}: "
        f"{folder / 'office.yaml'} sets no public address for the feeds "
        f"(feeds: base_url). A link now would start with {DEFAULT_BASE_URL} and work only "
        "on this computer, not on a volunteer's phone, and a link is shown only once. "
        "base_url is the public address where the volunteers' phones reach the feeds "
        "(`roster serve` behind a web server with HTTPS; docs/feeds.md explains it). "
        "Add it to office.yaml, for example\n"
        '  feeds: {base_url: "https://dienstplan.beispiel.de"}\n'
        "and run the command again. For a test link that works only on this computer, run "
        f"`{feed_command(action, folder, ref, '--local')}`."
    )


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
    data: OfficeData,
    ref: FeedRef,
    now: datetime,
    *,
    png: Path | None = None,
    local: bool = False,
) -> IssuedLink:
    """Make the first link of a feed; refuse if it has one (see the module's docstring).

    With ``png``, the QR code is also written to that file. Without ``feeds.base_url``
    no link is made unless ``local`` (a link for this computer only) is asked for.
    """
    folder, fid = _checked(data, ref)
    unreachable = data.office.feeds.base_url is None
    if unreachable and not local:
        raise _no_public_address(data, ref, "link")
    who = describe(ref, data)
    existing = read_tokens(folder).of_feed(ref.label)
    if existing is not None:
        local_flag = ["--local"] if unreachable else []
        raise RosterError(
            f"{who} already has a feed link, made on {existing.created[:10]}. A link is shown "
            "only once and is not stored, so it cannot be shown again. To hand out a new one, "
            f"run `{feed_command('revoke', folder, ref, *local_flag)}`: "
            "the old link stops working."
        )
    url = _issue(folder, data, ref, fid, now)
    if png is not None:
        write_qr_png(url, png)
    published = private_path(folder, fid).is_file()
    return IssuedLink(ref, who, url, published, replaced=False, png=png, local=unreachable)


def revoke_feed(
    data: OfficeData,
    ref: FeedRef,
    now: datetime,
    *,
    reissue: bool = True,
    png: Path | None = None,
    local: bool = False,
) -> RevokedLink:
    """Make the feed's link fail; with ``reissue``, make a new one (QR code in ``png``).

    A new link needs ``feeds.base_url`` or ``local``, as in :func:`link_feed`; without
    either nothing is revoked. Only revoking (``reissue=False``) needs neither.
    """
    folder, fid = _checked(data, ref)
    unreachable = data.office.feeds.base_url is None
    if reissue and unreachable and not local:
        raise _no_public_address(data, ref, "revoke")
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
    issued = IssuedLink(ref, who, url, published, replaced=had_link, png=png, local=unreachable)
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
