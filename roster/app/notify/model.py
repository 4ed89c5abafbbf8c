"""What the notices are made of (issue 16): one :class:`Notice` per message, made by the
kinds' producers from a :class:`NotifyContext`; :mod:`roster.app.notify.run` turns them
into e-mails, sends what the sent-log does not yet hold, and reports.

A notice's ``key`` is stable: the same duty, change, poll, gap or day gives the same key
on every run, so the sent-log (``notices/sent.json``) knows what was sent and a second run
sends nothing twice. Keys hold ids and dates only (never a name, an address or a token).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from roster.domain.notice_settings import NoticeSettings
from roster.domain.office_data import OfficeData

Kind = Literal["reminder", "change", "poll_invitation", "poll_reminder", "gap_alert", "digest"]
KINDS: tuple[Kind, ...] = (
    "reminder",
    "change",
    "poll_invitation",
    "poll_reminder",
    "gap_alert",
    "digest",
)
"""Every kind of message, in the order the lead's page and the volunteer's switches list
them."""


class Notice(BaseModel):
    """One message to one person, in their words; not yet an e-mail."""

    model_config = ConfigDict(frozen=True)

    key: str = Field(
        pattern=r"^[a-z_]+/[A-Za-z0-9_.:/\-]+$",
        description="stable key: kind/..., e.g. reminder/v05/2026-12-10/open-1400",
    )
    kind: Kind
    volunteer: str = Field(description="the recipient's id (volunteers.yaml)")
    subject: str = Field(description="the subject line: says it all")
    text: str = Field(description="the plain-text body, without greeting and footer")
    html: str = Field(description="the same body as HTML (escaped), without greeting and footer")
    calendar: bytes | None = Field(
        default=None, description="an .ics attachment (duty reminders and changes)"
    )


@dataclass(frozen=True)
class NotifyContext:
    """Everything a kind's producer reads: the folder loaded once, the day, the settings,
    and the two questions only the application can answer."""

    folder: Path
    data: OfficeData
    today: date
    now: datetime
    settings: NoticeSettings
    page_url: Callable[[str], str | None]
    """A volunteer's own page link (``/p/<token>``), or None when they have none."""
    wants: Callable[[str, Kind], bool]
    """Whether a volunteer takes this kind of message (the office's and their own
    switches)."""


Producer = Callable[[NotifyContext], list[Notice]]
"""A kind's producer: every notice of that kind due on ``ctx.today`` (already sent ones
included: the sent-log filters them)."""
