"""Settings of ``office.yaml`` for messages (issue 16): the mail server (``mail:``), which
notices are sent and when (``notices:``), and the alarms in the private feeds
(``feeds: alarms:``).

The mail password is never in ``office.yaml``: it comes from the environment variable
``ROSTER_SMTP_PASSWORD`` or from ``mail.password_file``, a file readable only by the
office's user (:mod:`roster.app.notify.smtp`).
"""

from __future__ import annotations

import ipaddress
from typing import Literal

from pydantic import Field, model_validator

from roster.domain.strict import Strict, invalid
from roster.domain.values import Clock, WholeNumber

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine (``localhost``, 127.0.0.0/8, ::1)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class MailSettings(Strict):
    """``mail:``: the SMTP server that sends the office's messages."""

    host: str = Field(
        min_length=1,
        max_length=253,
        pattern=r"^[A-Za-z0-9.\-:\[\]]+$",
        description="the mail server's name, e.g. smtp.example.org",
    )
    port: WholeNumber = Field(
        default=587, ge=1, le=65535, description="587 for starttls, 465 for tls"
    )
    sender: str = Field(
        min_length=3,
        max_length=200,
        pattern=r"^[^\r\n]*[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+>?$",
        description='who the messages come from, e.g. "Integrationsbüro <buero@example.org>"',
    )
    security: Literal["starttls", "tls", "none"] = Field(
        default="starttls",
        description="starttls or tls; none only for a mail server on this machine",
    )
    user: str | None = Field(
        default=None, min_length=1, max_length=200, description="login name at the server"
    )
    password_file: str | None = Field(
        default=None,
        min_length=1,
        max_length=4096,
        description="a file holding the password, readable only by the office's user "
        "(else the environment variable ROSTER_SMTP_PASSWORD)",
    )

    @model_validator(mode="after")
    def _safe(self) -> MailSettings:
        if self.security == "none" and not is_loopback(self.host):
            raise invalid(
                "messages may go unencrypted only to a mail server on this machine "
                "(localhost); use starttls or tls",
                "security",
            )
        return self


class NoticeSettings(Strict):
    """``notices:``: which messages the office sends, and when."""

    reminders: bool = Field(default=True, description="remind volunteers of a coming duty")
    reminder_days: WholeNumber = Field(
        default=2, ge=0, le=14, description="days before a duty the reminder goes out"
    )
    changes: bool = Field(
        default=True, description="tell volunteers when a publication changes their duties"
    )
    polls: bool = Field(
        default=True, description="invite to the month's poll, and remind who has not answered"
    )
    poll_reminder_days: WholeNumber = Field(
        default=3, ge=0, le=31, description="days before the poll's deadline the reminder goes"
    )
    gaps: bool = Field(
        default=True, description="ask volunteers who could step into a gap that opens late"
    )
    gap_days: WholeNumber = Field(
        default=7, ge=0, le=60, description="a gap less than this many days ahead is alerted"
    )
    gap_cap: WholeNumber = Field(
        default=5, ge=1, le=100, description="at most this many volunteers asked per gap"
    )
    digest: bool = Field(
        default=True, description="a daily summary for the leads, when there is something"
    )
    every_minutes: WholeNumber = Field(
        default=10,
        ge=0,
        le=1440,
        description="the web app sends what is due every so many minutes (0: never)",
    )


class Alarm(Strict):
    """One alarm of every duty in the private feeds: a number of days before at a time of
    day (``{days_before: 1, at: "18:00"}``), or minutes before the start
    (``{minutes_before: 120}``)."""

    days_before: WholeNumber | None = Field(
        default=None, ge=1, le=14, description="days before the duty (with at)"
    )
    at: Clock | None = Field(default=None, description="time of day, HH:MM (with days_before)")
    minutes_before: WholeNumber | None = Field(
        default=None, ge=0, le=10080, description="minutes before the start"
    )

    @model_validator(mode="after")
    def _one_kind(self) -> Alarm:
        by_day = self.days_before is not None or self.at is not None
        if by_day and self.minutes_before is not None:
            raise invalid("give either days_before with at, or minutes_before", "minutes_before")
        if by_day and (self.days_before is None or self.at is None):
            missing = "at" if self.at is None else "days_before"
            raise invalid("days_before and at belong together: give both", missing)
        if not by_day and self.minutes_before is None:
            raise invalid("give days_before with at, or minutes_before")
        return self


DEFAULT_ALARMS: tuple[Alarm, ...] = (
    Alarm.model_validate({"days_before": 1, "at": "18:00"}),
    Alarm.model_validate({"minutes_before": 120}),
)
"""The day before at 18:00 local time, and 2 hours before."""
