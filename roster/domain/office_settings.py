"""Settings of ``office.yaml`` beside its sessions: the calendar feeds, what volunteers
may do on their own page, and how visitors book appointments."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from roster.domain.notice_settings import DEFAULT_ALARMS, Alarm
from roster.domain.strict import Strict, invalid
from roster.domain.values import WholeNumber


class FeedSettings(Strict):
    """Options of the calendar feeds."""

    case_refs: bool = Field(
        default=False, description="show case references in volunteers' feeds (off by default)"
    )
    base_url: str | None = Field(
        default=None,
        description="public address the feeds are served under, e.g. https://ihla.example.org/feeds",
    )
    months_back: WholeNumber = Field(
        default=1, ge=0, le=24, description="months before now in the feeds"
    )
    months_ahead: WholeNumber = Field(
        default=3, ge=0, le=24, description="months after now in the feeds"
    )
    alarms: list[Alarm] = Field(
        default_factory=lambda: list(DEFAULT_ALARMS),
        max_length=5,
        description="alarms of every duty in the private feeds ([] for none)",
    )


class VolunteerSettings(Strict):
    """What a volunteer may do on their own page (issue 15)."""

    step_in: Literal["at_once", "ask_lead"] = Field(
        default="ask_lead",
        description="a volunteer stepping into a gap: at_once (applied, re-planned) or "
        "ask_lead (waits for the lead's confirmation)",
    )
    give_back: Literal["replan", "ask_lead"] = Field(
        default="ask_lead",
        description="a volunteer giving a duty back: replan (re-planned at once) or "
        "ask_lead (the gap waits for the lead)",
    )
    show_colleagues: bool = Field(
        default=False,
        description="a volunteer's page names who else is on duty in their sessions",
    )


class Contact(Strict):
    """How visitors book the appointment hours: printed on the door sign.

    Give at least one of the three. The door sign is public: an office number and an
    office address, never a volunteer's private ones.
    """

    phone: str | None = Field(
        default=None,
        strict=True,
        max_length=30,
        pattern=r"^\+?[0-9(][0-9 ()/.\-]{2,29}$",
        description='phone number for appointments, in quotes, e.g. "02051 26-2000"',
    )
    email: str | None = Field(
        default=None,
        max_length=100,
        pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
        description="e-mail address for appointments, e.g. termine@ihla.example.org",
    )
    text: str | None = Field(
        default=None,
        strict=True,
        min_length=1,
        max_length=200,
        description="how to book, in one or two sentences, e.g. when to call or come by",
    )

    @model_validator(mode="after")
    def _something(self) -> Contact:
        if self.phone is None and self.email is None and self.text is None:
            raise invalid("give at least one of phone, email or text, or remove contact")
        return self
