"""What the adjust page and its API show, as pydantic models whose texts are already in
the office's language (:mod:`roster.app.adjust`). People are named by name; their id is
given beside it only as the value a form or an API call sends back."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Role = Literal["counsellor", "interpreter", "lead"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Duty(_Model):
    """A function in a session."""

    role: Role = Field(description="counsellor, interpreter, or lead (a counsellor on lead duty)")
    language: str | None = Field(
        default=None, description="interpreting language, or the language a counsellor counsels in"
    )
    text: str = Field(description="the function in words, e.g. interpreting Arabic")
    key: str = Field(description="role and language as one value, e.g. interpreter:ar")


class OnDuty(_Model):
    """A person of the session."""

    volunteer: str = Field(description="volunteer id (for a change: take out, swap)")
    name: str
    duty: Duty
    trainee: bool = False


class AppointmentLine(_Model):
    """A scheduled appointment of an appointment session (case reference, never a note)."""

    start: str
    end: str
    case: str
    language: str = Field(description="the language in words")
    counsellor: str = Field(description="name")
    second_counsellor: str | None = None
    interpreter: str | None = None


class Candidate(_Model):
    """A person the independent checker accepts for the place."""

    volunteer: str = Field(description="volunteer id, to send back with the change")
    name: str
    duty: Duty = Field(description="the function the person would take")
    hint: str | None = Field(default=None, description="what to know, e.g. answered maybe")


class Refused(_Model):
    """A person who cannot take the place, and why, in words."""

    volunteer: str
    name: str
    reason: str


class Choice(_Model):
    """People for one place (or one open need): who can take it, who cannot and why."""

    title: str = Field(description="the need or the function, in words")
    duty: Duty | None = Field(default=None, description="the function; None for a language need")
    candidates: list[Candidate]
    refused: list[Refused]


class Need(_Model):
    """An open need of the session (a gap) and who can close it."""

    need: Literal["language", "counsellors", "lead"]
    language: str | None = None
    missing: int = Field(ge=1)
    choice: Choice


class StaffChange(_Model):
    """A person who came into or went out of a session."""

    volunteer: str
    name: str
    duty: str = Field(description="the function in words")


class FunctionChange(_Model):
    """A person who stays in a session with another function."""

    volunteer: str
    name: str
    duty: str = Field(description="the new function in words")
    before: str = Field(description="the function before, in words")


class SessionChange(_Model):
    """What changed in one session."""

    session: str = Field(description="session id")
    date: dt.date
    day: str = Field(description="the date in words")
    name: str = Field(description="the session's name")
    came_in: list[StaffChange]
    went_out: list[StaffChange]
    changed: list[FunctionChange] = Field(
        default_factory=list, description="people who stay with another function"
    )
    gaps_before: int
    gaps_after: int
    gaps_text: str | None = Field(default=None, description="how the gaps changed, in words")


class LastChange(_Model):
    """The last change of the month, and whether it can be undone."""

    what: str = Field(description="the change in words")
    date: dt.date
    undone: bool = Field(description="the change was undone")
    can_undo: bool = Field(description="undo is possible: nothing changed the files since")
    changes: list[SessionChange] = Field(
        description="what the change (or its undo) changed, session by session"
    )


class OtherSession(_Model):
    """Another session on the same date."""

    session: str = Field(description="session id")
    name: str
    start: str


class SessionView(_Model):
    """One session of the month's plan as the adjust page shows it."""

    office: str
    locale: str
    month: str
    date: dt.date
    session: str = Field(description="session id")
    day: str = Field(description="the date in words")
    start: str
    end: str
    kind: Literal["open_hours", "appointments"]
    kind_text: str
    name: str
    editable: bool = Field(description="the session can be changed (it is not in the past)")
    notice: str | None = Field(default=None, description="why it cannot, in words")
    others: list[OtherSession] = Field(
        default_factory=list, description="the other sessions on the date"
    )
    people: list[OnDuty]
    appointments: list[AppointmentLine]
    needs: list[Need]
    functions: list[Duty] = Field(description="the functions a person can be put in for")
    chosen: Choice | None = Field(default=None, description="candidates for the function asked")
    swap_out: OnDuty | None = Field(default=None, description="the person to swap")
    swap: Choice | None = Field(default=None, description="candidates for the swapped place")
    last: LastChange | None = None


class ChangeResult(_Model):
    """What a change (or its undo) did."""

    month: str
    date: dt.date
    what: str = Field(description="the change in words")
    changes: list[SessionChange]
    can_undo: bool
