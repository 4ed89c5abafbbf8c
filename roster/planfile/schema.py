"""The plan file: ``rotas/YYYY-MM.json``, schema documented in docs/plan-file.md.

A plan names volunteers by id and cases by reference only: never an appointment note,
never client data. Feeds and printouts read plan files, never the solver.
"""

from __future__ import annotations

import datetime as dt
import json
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from roster.domain.forecast import LanguageNeed

SCHEMA_VERSION = 1


class PlanModel(BaseModel):
    """Base of the plan models: strict keys, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class StaffEntry(PlanModel):
    """One person's function in one session."""

    volunteer: str = Field(description="volunteer id")
    role: Literal["counsellor", "interpreter"] = Field(description="function in the session")
    language: str | None = Field(
        default=None,
        description="interpreting language, or the language a counsellor counsels in directly",
    )
    lead: bool = Field(default=False, description="on lead duty")
    trainee: bool = Field(default=False, description="a trainee counsellor")


class Needs(PlanModel):
    """What an open-hours session needs."""

    counsellors_min: int
    counsellors_max: int
    leads: int
    languages: list[LanguageNeed] = Field(default_factory=list)


class Uncovered(PlanModel):
    """A need the plan could not meet, with the reason in plain words."""

    need: Literal["language", "counsellors", "lead"]
    language: str | None = None
    missing: int = Field(ge=1)
    reason: str


class PlanSession(PlanModel):
    """One session of the month with its staff."""

    id: str
    date: dt.date
    name: str
    kind: Literal["open_hours", "appointments"]
    start: datetime
    end: datetime
    needs: Needs | None = Field(default=None, description="open hours only")
    staff: list[StaffEntry] = Field(default_factory=list)
    uncovered: list[Uncovered] = Field(default_factory=list)


class PlanAppointment(PlanModel):
    """A scheduled appointment."""

    key: str = Field(description="case reference and its number in the month, e.g. A-2026-017#1")
    case: str
    session: str = Field(description="id of the appointment session")
    date: dt.date
    start: datetime
    end: datetime
    desk: int = Field(ge=1)
    language: str
    counsellor: str
    second_counsellor: str | None = Field(
        default=None, description="experienced counsellor beside a trainee"
    )
    interpreter: str | None = Field(default=None, description="None when the counsellor speaks it")


class Unscheduled(PlanModel):
    """An appointment request the plan could not place."""

    key: str
    case: str
    language: str
    minutes: int
    earliest: dt.date
    latest: dt.date
    reason: str


class ClosedEntry(PlanModel):
    """A date with no session, and why."""

    date: dt.date
    reason: str


class PlanMeeting(PlanModel):
    """The month's team meeting."""

    date: dt.date
    start: datetime
    end: datetime
    agenda: list[str] = Field(default_factory=list)
    moved_from: dt.date | None = None


class Load(PlanModel):
    """One volunteer's share of the work."""

    volunteer: str
    duties: int = Field(description="days on duty this month")
    hours: float = Field(description="hours worked this month")
    maybe_days: int = Field(description="duties on days answered maybe")
    offered: int = Field(description="session dates offered this month")
    window_duties: int = Field(description="duties over the fairness window, this month included")
    window_offered: int = Field(description="dates offered over the fairness window")


class Fairness(PlanModel):
    """Fairness over the window of months."""

    window: list[str] = Field(description="months counted, oldest first")
    spread: float = Field(description="max minus min of duties per offered date, over the window")


class Penalty(PlanModel):
    """One named soft-rule penalty."""

    name: str
    weight: int
    units: float
    value: float


class Score(PlanModel):
    """The plan's score: the sum of its named penalties."""

    total: float
    penalties: list[Penalty] = Field(default_factory=list)


Restriction = Literal["no_surplus", "appointment_candidates"]
"""A model restriction beyond the office rules (docs/planning.md, "Model restrictions")."""


class SolverFacts(PlanModel):
    """How the plan was found."""

    status: Literal["optimal", "feasible", "greedy"]
    objective: float
    bound: float = Field(
        description="a proven lower bound on the penalty of every plan, within `restrictions`"
    )
    gap: float = Field(description="(objective - bound) / objective, 0 when optimal")
    restrictions: list[Restriction] = Field(
        default_factory=list,
        description="the model restrictions the bound (and so `optimal`) holds within: a "
        "plan that breaks one of them, which the office rules allow, may score below the "
        "bound; empty: no plan can",
    )
    starting_plan: bool = Field(
        default=False,
        description="the plan makes the same assignments as the solver's starting plan: "
        "the search found no better plan within the time limit (or none at all)",
    )
    seconds: float = Field(
        description="solver time: deterministic time when deterministic (reproducible), "
        "else wall-clock seconds"
    )
    time_limit: float = Field(description="the time limit given (--time-limit)")
    workers: int
    seed: int
    deterministic: bool
    ortools_version: str


class Fact(PlanModel):
    """One assignment of a plan, as compared when the month is planned again."""

    kind: Literal["staff", "lead", "place", "counsellor", "second_counsellor", "interpreter"]
    date: dt.date = Field(description="date of the session the assignment lies in")
    session: str = Field(
        default="", description="session id (staff, lead, place); empty for appointment roles"
    )
    subject: str = Field(description="volunteer id (staff, lead) or appointment key")
    detail: str = Field(
        default="",
        description="staff: counsellor, counsellor:LANG or interpreter:LANG; place: HH:MM; "
        "appointment roles: volunteer id",
    )


class Previous(PlanModel):
    """The plan this one replaced (re-planning), kept so its changes can be checked."""

    as_of: dt.date = Field(description="the planning date of the replaced plan")
    input_digest: str = Field(description="input digest of the replaced plan")
    facts: list[Fact] = Field(default_factory=list, description="its assignments")


class Plan(PlanModel):
    """A month's plan."""

    schema_: int = Field(default=SCHEMA_VERSION, alias="schema")
    office: str
    month: str
    as_of: dt.date = Field(description="the planning date (--today)")
    timezone: str
    locale: str
    input_digest: str = Field(description="SHA-256 over the files read")
    inputs: dict[str, str] = Field(description="file -> SHA-256")
    sessions: list[PlanSession] = Field(default_factory=list)
    appointments: list[PlanAppointment] = Field(default_factory=list)
    unscheduled: list[Unscheduled] = Field(default_factory=list)
    closed: list[ClosedEntry] = Field(default_factory=list)
    team_meeting: PlanMeeting | None = None
    load: list[Load] = Field(default_factory=list)
    fairness: Fairness
    score: Score
    solver: SolverFacts
    previous: Previous | None = Field(
        default=None, description="the replaced plan's assignments (None when planned fresh)"
    )

    def to_json(self) -> str:
        """The plan as stable, indented JSON."""
        data = self.model_dump(mode="json", by_alias=True)
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
