"""A volunteer makes their own new calendar link on their page (issue 15).

The new link is made exactly as `roster feeds revoke` makes one
(:func:`roster.app.feeds.revoke_feed` with ``reissue``): the old calendar link, if any,
stops working at once. The link is shown once, in the answer that made it (with its QR
code, drawn in the page), and goes nowhere else: the change log says only that the
volunteer made a new calendar link.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from roster.app.changelog import record_change
from roster.app.feeds import revoke_feed
from roster.app.guard import writing
from roster.app.handout import QrCode, qr_code, webcal_of
from roster.app.volunteer_page import calendar_problem
from roster.domain.errors import RosterError
from roster.folder.load import load_office
from roster.wording.catalogue import locale_of

COMMAND = "roster web"


class CalendarLink(BaseModel):
    """A new calendar link, shown once."""

    model_config = ConfigDict(frozen=True)

    office: str = Field(description="the office's name")
    name: str = Field(description="the volunteer's name")
    locale: str = Field(description="the language of the words: de or en")
    url: str = Field(description="the secret link; shown only in this answer")
    webcal: str = Field(description="the same link for calendar apps (webcal://)")
    qr: QrCode = Field(description="the QR code of the webcal link")


def new_calendar_link(
    folder: Path,
    volunteer: str,
    *,
    lang: str | None = None,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> CalendarLink:
    """Make a new calendar link for ``volunteer`` (the old one stops working) and record
    the change. Without the office's public address, or before the first publication:
    :class:`RosterError` in ``lang`` (default: the office's language), and nothing made."""
    folder = Path(folder)
    with writing(folder, COMMAND, wait=lock_wait):
        data = load_office(folder)
        locale = locale_of(lang) if lang in ("de", "en") else data.office.locale
        problem = calendar_problem(data, locale)
        if problem is not None:
            raise RosterError(problem)
        issued = revoke_feed(folder, volunteer, reissue=True, now=now).new
        if issued is None:  # pragma: no cover - revoke_feed with reissue always makes one
            raise RuntimeError("no new link was made")
        record_change(folder, volunteer, "volunteer.calendar_change", now=now)
    webcal = webcal_of(issued.url)
    return CalendarLink(
        office=data.office.name,
        name=data.by_id()[volunteer].name,
        locale=locale,
        url=issued.url,
        webcal=webcal,
        qr=qr_code(webcal),
    )
