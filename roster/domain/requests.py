"""What changes month by month: appointment requests, the availability poll, the
visit log and the office lead's overrides."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from roster.domain.office import LanguageCode, Strict, invalid
from roster.domain.values import Day, WholeNumber

Answer = Literal["yes", "maybe", "no"]
ANSWERS: dict[str, Answer] = {
    "yes": "yes",
    "ja": "yes",
    "y": "yes",
    "j": "yes",
    "maybe": "maybe",
    "vielleicht": "maybe",
    "?": "maybe",
    "no": "no",
    "nein": "no",
    "n": "no",
}
CASE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_./-]{0,39}$"
MAX_VISITORS = 1000
"""Visitors of one language on one open-hours date, at most (``visits.csv``)."""


class AppointmentRequest(Strict):
    """One appointment asked for: a case, a language and a length, in a date window."""

    case: str = Field(pattern=CASE_PATTERN, description="case reference, never a client's name")
    language: LanguageCode = Field(description="the client's language")
    minutes: WholeNumber = Field(ge=1, le=600, description="length of the appointment")
    earliest: Day = Field(description="first date the appointment may take place")
    latest: Day = Field(description="last date the appointment may take place")
    counsellor: str | None = Field(default=None, description="volunteer id who keeps the case")
    note: str | None = Field(
        default=None,
        repr=False,
        description="confidential; never in a plan, feed, printout or log",
    )

    @model_validator(mode="after")
    def _window(self) -> AppointmentRequest:
        if self.latest < self.earliest:
            # no dates in the message: nothing of an appointment file is quoted back
            raise invalid("latest is before earliest; swap them", "latest")
        return self

    def __repr__(self) -> str:  # never show the confidential note, even in a debugger
        return (
            f"AppointmentRequest(case={self.case!r}, language={self.language!r}, "
            f"minutes={self.minutes}, earliest={self.earliest}, latest={self.latest})"
        )

    __str__ = __repr__


class AppointmentFile(Strict):
    """``appointments/YYYY-MM.yaml``."""

    appointments: list[AppointmentRequest] = Field(
        default_factory=list, description="the month's requests"
    )


class Assign(Strict):
    """Force an assignment."""

    volunteer: str = Field(description="volunteer id")
    date: Day = Field(description="session date")
    role: Literal["counsellor", "interpreter", "lead"] = Field(
        description="counsellor, interpreter, or lead (a counsellor on lead duty)"
    )
    language: LanguageCode | None = Field(
        default=None, description="interpreting language (required for interpreter)"
    )

    @model_validator(mode="after")
    def _language(self) -> Assign:
        if self.role == "interpreter" and self.language is None:
            raise invalid(
                "an interpreter assignment needs a language; add e.g. language: ar", "language"
            )
        return self


class Forbid(Strict):
    """Exclude a volunteer from a date."""

    volunteer: str = Field(description="volunteer id")
    date: Day = Field(description="the date the volunteer must not be planned")


class Overrides(Strict):
    """``overrides/YYYY-MM.yaml``: the office lead's decisions the plan must follow."""

    assign: list[Assign] = Field(default_factory=list, description="forced assignments")
    forbid: list[Forbid] = Field(default_factory=list, description="excluded dates")


class VisitRecord(Strict):
    """One row of ``visits.csv``."""

    date: Day = Field(description="an open-hours date")
    language: str = Field(description="the visitors' language code")
    visitors: WholeNumber = Field(
        ge=0, le=MAX_VISITORS, description="visitors of that language on that date"
    )
