"""The volunteers' calendar links in the web app: who has one and since when, a new link
through the API (shown once), and revoking a link; and the QR code the handout sheet draws.

The handout sheet itself carries the volunteer's *page* link
(:func:`roster.app.page_links.page_sheet`): on their page they answer the poll, see their
duties and get their calendar link, with the steps for their phone.

A link is made by :func:`roster.app.feeds.link_feed` (the first link of a volunteer) or
:func:`roster.app.feeds.revoke_feed` with ``reissue`` (a new link; the old one stops
working at once), exactly as `roster feeds link` and `roster feeds revoke` make them.
The token is never stored (the office keeps its hash), so the link in a :class:`Handout` is
shown once, in the answer that made it, and goes nowhere else: not into the change log
(its line names the person only), not into a log line, not into an error message.

No link is made without the office's public address for the feeds (``feeds.base_url``):
a link for this computer only would never work on a phone, and it could not be shown
again. The page then says plainly what the lead must ask for.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import segno
from pydantic import BaseModel, ConfigDict, Field

from calendars.feed_refs import FeedRef
from calendars.state import read_state
from calendars.tokens import TokenFile, read_tokens
from roster.app.changelog import MAX_VALUE, record_change
from roster.app.feeds import link_feed, revoke_feed
from roster.app.guard import reading, writing
from roster.domain.errors import Problem, RosterError
from roster.domain.office_data import OfficeData
from roster.domain.team import Volunteer
from roster.folder.load import load_office
from roster.wording.catalogue import text
from roster.wording.dates import skeleton_text

COMMAND = "roster web"
"""The name the folder lock shows to another run waiting for it."""
QR_BORDER = 4
"""The quiet zone around the QR code, in modules (the standard's minimum)."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class VolunteerLink(_Model):
    """One volunteer and their calendar link (never the link itself)."""

    id: str = Field(description="the volunteer's id")
    name: str
    has_link: bool = Field(description="a live calendar link was handed out")
    since: date | None = Field(default=None, description="the day the link was made")
    since_text: str | None = Field(default=None, description="that day in words")
    version: str = Field(
        default="",
        description="a fingerprint of the live link (empty without one); a handout form "
        "sends it back, so that a form sent twice makes no second link",
    )


class LinkList(_Model):
    """Who has a calendar link, and whether links can be made."""

    can_link: bool = Field(description="the office has a public address and has published")
    published: bool = Field(description="the calendars were published at least once")
    has_address: bool = Field(description="the office has a public address for the calendars")
    problem: str | None = Field(default=None, description="why no link can be made, in words")
    volunteers: list[VolunteerLink]


class QrCode(_Model):
    """A QR code as one SVG path: a square of ``size`` modules (with its quiet zone)."""

    size: int = Field(description="width and height in modules")
    path: str = Field(description="the SVG path data of the dark modules")


class Handout(_Model):
    """A new calendar link, shown once: what the handout sheet prints."""

    volunteer: str = Field(description="the volunteer's id")
    name: str
    url: str = Field(description="the secret link; shown only in this answer")
    webcal: str = Field(description="the same link for calendar apps (webcal://)")
    replaced: bool = Field(description="an older link was revoked")
    published: bool = Field(description="the person's calendar is already published")
    qr: QrCode = Field(description="the QR code of the webcal link")


class Revoked(_Model):
    """What revoking did."""

    volunteer: str = Field(description="the volunteer's id")
    name: str
    had_link: bool
    text: str = Field(description="what happened, in words")


class UnknownVolunteerError(RosterError):
    """The id names nobody in the team."""


class LinkExistsError(RosterError):
    """The volunteer has a link already: a new one needs a confirmation, because the old
    one then stops working."""

    def __init__(self, message: str, link: VolunteerLink) -> None:
        super().__init__(message, [Problem("", None, "replace", message)])
        self.link = link


class ShownOnceError(RosterError):
    """A handout form came back after its link was made (a reload, a second click): the
    link was shown once and is not shown again."""


def _say(locale: str, key: str, /, **values: object) -> str:
    return text(locale, f"web.{key}", **values)


def _published(data: OfficeData) -> bool:
    try:
        return read_state(data.folder) is not None
    except RosterError:
        return False


def _link(data: OfficeData, person: Volunteer, tokens: TokenFile) -> VolunteerLink:
    record = tokens.of_feed(FeedRef("volunteer", person.id).label)
    if record is None:
        return VolunteerLink(id=person.id, name=person.name, has_link=False)
    made = datetime.fromisoformat(record.created).astimezone(data.office.zone).date()
    return VolunteerLink(
        id=person.id,
        name=person.name,
        has_link=True,
        since=made,
        since_text=skeleton_text(made, "yMMMd", data.office.locale),
        version=hashlib.sha256(f"{record.sha256}/{record.created}".encode()).hexdigest()[:16],
    )


def links_of(data: OfficeData) -> LinkList:
    """Who has a link (by name), and why no link can be made, if so."""
    locale = data.office.locale
    with reading():
        tokens = read_tokens(data.folder)
        published = _published(data)
    address = data.office.feeds.base_url is not None
    problem = None
    if not address:
        problem = _say(locale, "publish_links_no_address")
    elif not published:
        problem = _say(locale, "publish_links_not_published")
    people = sorted(data.volunteers, key=lambda person: person.name.casefold())
    return LinkList(
        can_link=problem is None,
        published=published,
        has_address=address,
        problem=problem,
        volunteers=[_link(data, person, tokens) for person in people],
    )


def volunteer_links(folder: Path) -> LinkList:
    """Who has a calendar link and since when (``GET /api/volunteers/links``)."""
    with reading():
        data = load_office(Path(folder))
    return links_of(data)


def _person(data: OfficeData, volunteer_id: str) -> Volunteer:
    person = data.by_id().get(volunteer_id)
    if person is None:
        raise UnknownVolunteerError(_say(data.office.locale, "publish_unknown_person"))
    return person


def link_of(folder: Path, volunteer_id: str) -> VolunteerLink:
    """One volunteer's link (for the page that asks to confirm revoking it)."""
    with reading():
        data = load_office(Path(folder))
        person = _person(data, volunteer_id)
        return _link(data, person, read_tokens(data.folder))


def qr_code(content: str) -> QrCode:
    """``content`` as a QR code (segno, error correction M), as one SVG path: a row's run
    of dark modules becomes one rectangle. Drawn in the page itself, fetched from nowhere."""
    rows = [list(row) for row in segno.make(content, error="m").matrix_iter(border=QR_BORDER)]
    parts: list[str] = []
    for y, row in enumerate(rows):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            parts.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    return QrCode(size=len(rows), path="".join(parts))


def webcal_of(url: str) -> str:
    """The link for calendar apps: ``webcal://`` instead of ``https://``, the rest alike."""
    return "webcal://" + url.split("://", 1)[-1]


def _check_can_link(data: OfficeData) -> None:
    locale = data.office.locale
    if data.office.feeds.base_url is None:
        raise RosterError(_say(locale, "publish_links_no_address"))
    if not _published(data):
        raise RosterError(_say(locale, "publish_links_not_published"))


def make_handout(
    folder: Path,
    volunteer_id: str,
    *,
    who: str,
    replace: bool = False,
    version: str | None = None,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> Handout:
    """A new calendar link for the volunteer, shown once: the first one, or (with
    ``replace``) a new one that makes the old one stop working.

    ``version`` is what the handout form knew of the person's link
    (``VolunteerLink.version``); when the link changed since (the form was sent again),
    :class:`ShownOnceError` and no link. A person with a link and no ``replace``: :class:`LinkExistsError`. No public
    address, or nothing published yet: :class:`RosterError`, and no link.
    """
    folder = Path(folder)
    with writing(folder, COMMAND, wait=lock_wait):
        data = load_office(folder)
        locale = data.office.locale
        person = _person(data, volunteer_id)
        _check_can_link(data)
        current = _link(data, person, read_tokens(folder))
        if version is not None and version != current.version:
            raise ShownOnceError(_say(locale, "publish_sheet_gone"))
        if current.has_link and not replace:
            message = _say(
                locale, "publish_replace_needed", name=person.name, day=current.since_text
            )
            raise LinkExistsError(message, current)
        if current.has_link:
            issued = revoke_feed(folder, person.id, reissue=True, now=now).new
            if issued is None:  # pragma: no cover - revoke_feed with reissue always makes one
                raise RuntimeError("no new link was made")
        else:
            issued = link_feed(folder, person.id, now=now)
        record_change(
            folder,
            who,
            "web.publish_handout_change",
            now=now,
            lock_wait=lock_wait,
            name=person.name[:MAX_VALUE],
        )
    webcal = webcal_of(issued.url)
    return Handout(
        volunteer=person.id,
        name=person.name,
        url=issued.url,
        webcal=webcal,
        replaced=current.has_link,
        published=issued.published,
        qr=qr_code(webcal),
    )


def revoke_link(
    folder: Path,
    volunteer_id: str,
    *,
    who: str,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> Revoked:
    """Make the volunteer's calendar link stop working at once; no new link is made."""
    folder = Path(folder)
    with writing(folder, COMMAND, wait=lock_wait):
        data = load_office(folder)
        locale = data.office.locale
        person = _person(data, volunteer_id)
        had_link = _link(data, person, read_tokens(folder)).has_link
        if had_link:
            revoke_feed(folder, person.id, reissue=False, now=now)
            record_change(
                folder,
                who,
                "web.publish_revoked_change",
                now=now,
                lock_wait=lock_wait,
                name=person.name[:MAX_VALUE],
            )
    key = "publish_revoked" if had_link else "publish_had_no_link"
    return Revoked(
        volunteer=person.id,
        name=person.name,
        had_link=had_link,
        text=_say(locale, key, name=person.name),
    )
