"""Handing out the volunteers' personal page links: `roster page link` and
`roster page revoke`, and finding the volunteer a page token belongs to.

A link is ``<base>/p/<token>``. ``<base>`` is the office's public address: the web app
sits at the site's root, and ``feeds.base_url`` of office.yaml says where its feeds are
(``https://dienstplan.example.org`` or ``https://dienstplan.example.org/feeds``, the
latter when the reverse proxy serves the feeds under ``/feeds``: docs/web.md). Without
it no link is made, unless ``local`` asks for a link for this computer only
(``http://127.0.0.1:8080``), exactly like `roster feeds link`.

The token is shown (text and QR code) and never stored; ``web/pages.json`` keeps its hash
and the random nonce it is derived from with the office's page-link key
(:mod:`roster.app.page_tokens`), so :func:`page_url` can rebuild the live link for the
office's own messages to that volunteer. ``link`` refuses when the volunteer has a link;
``revoke`` makes the old link fail at once and makes a new one.
"""

from __future__ import annotations

import hmac
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import segno
from pydantic import BaseModel, ConfigDict, Field

from roster.app.changelog import MAX_VALUE, record_change
from roster.app.clock import office_now, office_today
from roster.app.guard import reading, writing
from roster.app.handout import QrCode, UnknownVolunteerError, qr_code
from roster.app.page_tokens import (
    PageLink,
    derive_token,
    find_page,
    new_nonce,
    page_key,
    read_page_key,
    read_pages,
    write_pages,
)
from roster.domain.errors import RosterError
from roster.domain.files import write_atomic
from roster.domain.office import Office
from roster.domain.office_data import OfficeData
from roster.domain.team import Volunteer
from roster.domain.tokens import token_hash
from roster.folder.load import load_office
from roster.wording.catalogue import text
from roster.wording.dates import skeleton_text

LOCAL_BASE = "http://127.0.0.1:8080"
FEEDS_SUFFIX = "/feeds"


def page_base(office: Office, *, local: bool = False) -> str | None:
    """The web app's public address, from ``feeds.base_url`` (without a last ``/feeds``);
    with ``local`` and no address, this computer's; else None."""
    base = office.feeds.base_url
    if base is None:
        return LOCAL_BASE if local else None
    base = base.rstrip("/")
    if base.endswith(FEEDS_SUFFIX):
        base = base[: -len(FEEDS_SUFFIX)]
    return base


def _say(locale: str, key: str, /, **values: object) -> str:
    return text(locale, f"volunteer.{key}", **values)


@dataclass(frozen=True)
class IssuedPage:
    """A page link just made: shown once here; the token itself is never stored."""

    volunteer: str
    name: str
    url: str
    locale: str
    local: bool
    had_link: bool
    png: Path | None = None

    def text(self, *, qr: bool = True) -> str:
        """The link for the office lead: what happened, the link and its QR code."""
        lines: list[str] = []
        if self.had_link:
            lines.extend([_say(self.locale, "cmd_revoked", name=self.name), ""])
        lines.extend([_say(self.locale, "cmd_link", name=self.name), "", f"  {self.url}", ""])
        if self.local:
            lines.extend([_say(self.locale, "cmd_local"), ""])
        if qr:
            buffer = io.StringIO()
            segno.make(self.url, error="m").terminal(out=buffer, compact=True)
            lines.append(buffer.getvalue())
        if self.png is not None:
            lines.append(_say(self.locale, "cmd_png", path=str(self.png)))
        return "\n".join(lines).rstrip() + "\n"


def _command(action: str, folder: Path, volunteer_id: str, *extra: str) -> str:
    return " ".join(["roster page", action, str(folder), volunteer_id, *extra])


def _person(data: OfficeData, volunteer_id: str, now: datetime) -> Volunteer:
    locale = data.office.locale
    person = data.by_id().get(volunteer_id)
    if person is None:
        raise RosterError(_say(locale, "cmd_unknown", who=volunteer_id))
    if not person.with_office_on(office_today(data.office, now)):
        raise RosterError(_say(locale, "cmd_left", name=person.name))
    return person


def _issue(
    data: OfficeData,
    volunteer_id: str,
    action: str,
    now: datetime,
    *,
    png: Path | None,
    local: bool,
    refuse_existing: bool,
) -> IssuedPage:
    folder = data.folder
    locale = data.office.locale
    person = _person(data, volunteer_id, now)
    base = page_base(data.office, local=local)
    if base is None:
        command = _command(action, folder, person.id, "--local")
        raise RosterError(_say(locale, "cmd_no_address") + f"\n  {command}")
    pages = read_pages(folder)
    existing = pages.link_of(person.id)
    if existing is not None and refuse_existing:
        made = datetime.fromisoformat(existing.created).astimezone(data.office.zone)
        day = skeleton_text(made.date(), "yMMMd", locale)
        extra = ["--local"] if data.office.feeds.base_url is None else []
        command = _command("revoke", folder, person.id, *extra)
        raise RosterError(_say(locale, "cmd_exists", name=person.name, day=day) + f"\n  {command}")
    nonce = new_nonce()
    token = derive_token(page_key(folder), person.id, nonce)
    record = PageLink(
        volunteer=person.id,
        sha256=token_hash(token),
        created=now.astimezone(UTC).replace(microsecond=0).isoformat(),
        nonce=nonce,
    )
    write_pages(folder, pages.with_link(record))
    url = f"{base}/p/{token}"
    if png is not None:
        buffer = io.BytesIO()
        segno.make(url, error="m").save(buffer, kind="png", scale=8, border=4)
        write_atomic(png, buffer.getvalue(), secret=True)
    return IssuedPage(
        volunteer=person.id,
        name=person.name,
        url=url,
        locale=locale,
        local=data.office.feeds.base_url is None,
        had_link=existing is not None,
        png=png,
    )


def link_page(
    folder: Path,
    volunteer_id: str,
    *,
    png: Path | None = None,
    now: datetime | None = None,
    local: bool = False,
) -> IssuedPage:
    """Make the first page link of a volunteer (shown once; its QR code also in ``png``).

    Refuses (:class:`RosterError`) an id not in the team, a person who has left, a person
    who has a link already, and an office without a public address unless ``local``.
    """
    with writing(Path(folder), "roster page link"):
        data = load_office(Path(folder))
        moment = office_now(data.office, now)
        return _issue(
            data, volunteer_id, "link", moment, png=png, local=local, refuse_existing=True
        )


def revoke_page(
    folder: Path,
    volunteer_id: str,
    *,
    png: Path | None = None,
    now: datetime | None = None,
    local: bool = False,
) -> IssuedPage:
    """Make the volunteer's page link fail at once and make a new one (shown once).

    Needs the office's public address (or ``local``), as :func:`link_page`; without it
    nothing is revoked.
    """
    with writing(Path(folder), "roster page revoke"):
        data = load_office(Path(folder))
        moment = office_now(data.office, now)
        return _issue(
            data, volunteer_id, "revoke", moment, png=png, local=local, refuse_existing=False
        )


def volunteer_of_token(folder: Path, token: str, now: datetime | None = None) -> str | None:
    """The id of the volunteer whose live page link ``token`` is, or None (unknown,
    revoked, or the person has left or is no longer in the team). Constant time over the
    stored hashes."""
    with reading():
        found = find_page(read_pages(Path(folder)), token)
        if found is None:
            return None
        data = load_office(Path(folder))
    person = data.by_id().get(found.volunteer)
    if person is None or not person.with_office_on(office_today(data.office, now)):
        return None
    return person.id


def page_url(data: OfficeData, volunteer_id: str, *, now: datetime | None = None) -> str | None:
    """The volunteer's own live page link, rebuilt for a message to them (issue 16), or
    None: no link, a link made before derived tokens (no nonce), no public address
    (``feeds.base_url``), the person has left (on ``now``'s day, default today), or the
    key was replaced since the link was made.

    Reads ``web/pages.json`` and ``web/page-links.key``; writes nothing."""
    base = page_base(data.office)
    if base is None:
        return None
    person = data.by_id().get(volunteer_id)
    if person is None or not person.with_office_on(office_today(data.office, now)):
        return None
    with reading():
        record = read_pages(data.folder).link_of(person.id)
        if record is None or record.nonce is None:
            return None
        key = read_page_key(data.folder)
    if key is None:
        return None
    token = derive_token(key, person.id, record.nonce)
    if not hmac.compare_digest(token_hash(token), record.sha256):
        return None  # the key was replaced: this link cannot be rebuilt
    return f"{base}/p/{token}"


class PageSheet(BaseModel):
    """A volunteer's page link for the lead's handout sheet: the link and its QR code."""

    model_config = ConfigDict(frozen=True)

    volunteer: str = Field(description="the volunteer's id")
    name: str = Field(description="the volunteer's name")
    url: str = Field(description="the secret page link; shown on the sheet only")
    made: bool = Field(description="the link was made just now")
    replaced: bool = Field(description="an older link that could not be shown again stopped")
    qr: QrCode = Field(description="the QR code of the page link")


def _sheet(person: Volunteer, url: str, *, made: bool, replaced: bool) -> PageSheet:
    return PageSheet(
        volunteer=person.id,
        name=person.name,
        url=url,
        made=made,
        replaced=replaced,
        qr=qr_code(url),
    )


def page_sheet(
    folder: Path,
    volunteer_id: str,
    *,
    who: str,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> PageSheet:
    """The volunteer's page link for the handout sheet: their live link, rebuilt (nothing
    is written), or, when they have none that can be rebuilt, a new one (an older link then
    stops working; the change log names the person, never the link).

    Someone not in the team: :class:`UnknownVolunteerError`. A person who has left, or an
    office without a public address: :class:`RosterError`, and no link.
    """
    folder = Path(folder)
    with reading():
        data = load_office(folder)
    if volunteer_id not in data.by_id():
        raise UnknownVolunteerError(text(data.office.locale, "web.publish_unknown_person"))
    if page_base(data.office) is None:
        raise RosterError(text(data.office.locale, "web.publish_links_no_address"))
    moment = office_now(data.office, now)
    person = _person(data, volunteer_id, moment)
    url = page_url(data, person.id, now=moment)
    if url is not None:
        return _sheet(person, url, made=False, replaced=False)
    with writing(folder, "roster web", wait=lock_wait):
        data = load_office(folder)
        person = _person(data, volunteer_id, moment)
        url = page_url(data, person.id, now=moment)  # another lead may have made it meanwhile
        if url is not None:
            return _sheet(person, url, made=False, replaced=False)
        issued = _issue(
            data, person.id, "revoke", moment, png=None, local=False, refuse_existing=False
        )
        record_change(
            folder,
            who,
            "web.publish_page_link_change",
            now=now,
            lock_wait=lock_wait,
            name=person.name[:MAX_VALUE],
        )
    return _sheet(person, issued.url, made=True, replaced=issued.had_link)
