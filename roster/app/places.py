"""One session of a month's plan as the adjust page changes it: the session and its
context (:class:`SessionContext`), a function a person can take in it (:class:`Place`),
and the reasons why someone cannot (:class:`Why`).

The rules that say whether a person may take a place live in
:mod:`roster.app.candidates`; the changed plan and overrides the independent checker
judges are built here (:func:`changed_plan`, :func:`overrides_after`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

from roster.domain.month import Month
from roster.domain.office import OpenHoursRule
from roster.domain.office_data import OfficeData
from roster.domain.requests import Assign, Forbid, Overrides
from roster.domain.sessions import month_calendar
from roster.domain.team import Volunteer
from roster.planfile.facts import plan_facts
from roster.planfile.history import History
from roster.planfile.index import PlanIndex, minutes_between
from roster.planfile.schema import Plan, PlanSession, Previous, StaffEntry

Role = Literal["counsellor", "interpreter", "lead"]
ROLES: tuple[Role, ...] = ("counsellor", "interpreter", "lead")


@dataclass(frozen=True)
class Why:
    """A reason in words to be: a reason code of the planner's words (``absent``,
    ``max_reached``...: ``reason.*``) or a message id of its own (``web.adjust_why_*``),
    with its data. :class:`roster.wording.explanations.Wording` renders it."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict, hash=False, compare=False)


def why(code: str, /, **params: object) -> Why:
    """``why("absent", span=(first, last))``."""
    return Why(code, params)


@dataclass(frozen=True, order=True)
class Place:
    """A function in a session: counselling (in a language), interpreting a language, or
    lead duty (a counsellor on lead duty)."""

    role: Role
    language: str | None = None

    @property
    def counsels(self) -> bool:
        """Whether the place counts among the session's counsellors."""
        return self.role in ("counsellor", "lead")

    def entry(self, person: Volunteer) -> StaffEntry:
        """The staff entry of ``person`` in this place, as a plan file lists it."""
        if self.role == "lead":
            return StaffEntry(
                volunteer=person.id, role="counsellor", lead=True, trainee=person.trainee
            )
        return StaffEntry(
            volunteer=person.id, role=self.role, language=self.language, trainee=person.trainee
        )

    def assign(self, volunteer: str, day: dt.date) -> Assign:
        """The ``assign`` override that puts ``volunteer`` into this place on ``day``."""
        language = None if self.role == "lead" else self.language
        return Assign(volunteer=volunteer, date=day, role=self.role, language=language)

    @classmethod
    def of(cls, entry: StaffEntry) -> Place:
        """The place a staff entry holds."""
        if entry.lead:
            return cls("lead")
        return cls(entry.role, entry.language)


class SessionContext:
    """One session of a month's plan, with what the rules about it need to know."""

    def __init__(
        self,
        data: OfficeData,
        plan: Plan,
        month: Month,
        session: PlanSession,
        today: dt.date,
        history: History,
    ) -> None:
        self.data = data
        self.plan = plan
        self.month = month
        self.session = session
        self.today = today
        self.history = history
        self.index = PlanIndex(plan)
        self.people = sorted(data.volunteers, key=lambda p: (p.name.casefold(), p.id))
        self.by_id = {person.id: person for person in data.volunteers}
        self.overrides = data.overrides_of(month)

    @property
    def day(self) -> dt.date:
        """The session's date."""
        return self.session.date

    @property
    def is_open(self) -> bool:
        """Whether the session is open hours (else appointment hours)."""
        return self.session.kind == "open_hours"

    @property
    def kept(self) -> bool:
        """Whether the session lies before today, so a re-plan keeps it as it is."""
        return self.session.date < self.today

    @property
    def minutes(self) -> int:
        """The session's length in minutes."""
        return minutes_between(self.session)

    @cached_property
    def counsellor_limit(self) -> int | None:
        """The most counsellors the open-hours session takes (None for appointments)."""
        calendar = month_calendar(self.data.office, self.month)
        for occurrence in calendar.sessions:
            if occurrence.id == self.session.id:
                rule = self.data.office.sessions[occurrence.rule_index]
                return rule.counsellors.max if isinstance(rule, OpenHoursRule) else None
        return None

    @cached_property
    def facts(self) -> Previous:
        """The plan's assignments, as the re-plan keeps them for stability."""
        return Previous(
            as_of=self.plan.as_of, input_digest=self.plan.input_digest, facts=plan_facts(self.plan)
        )

    def same_day(self) -> list[PlanSession]:
        """The plan's other sessions on the session's date."""
        return [s for s in self.plan.sessions if s.date == self.day and s.id != self.session.id]

    def overlapping(self) -> list[PlanSession]:
        """The plan's other sessions on the date whose times overlap this one's."""
        return [
            s for s in self.same_day() if s.start < self.session.end and self.session.start < s.end
        ]

    def staff(self, out: str | None = None) -> list[StaffEntry]:
        """The session's staff, without ``out``."""
        return [entry for entry in self.session.staff if entry.volunteer != out]

    def works_here(self, volunteer: str) -> bool:
        """Whether the person has a function in this session."""
        if self.is_open:
            return any(entry.volunteer == volunteer for entry in self.session.staff)
        return bool(self.index.works_in(volunteer, self.session.id))

    def forbidden(self, volunteer: str) -> bool:
        """Whether an override keeps the person away from the session's date."""
        return any(f.volunteer == volunteer and f.date == self.day for f in self.overrides.forbid)

    def appointment_minutes(self, language: str | None) -> int | None:
        """The shortest request (in ``language``, or any) that could take place in the
        appointment session: its date in the request's window, long enough. None when no
        request could."""
        fitting = [
            item.request.minutes
            for item in self.data.appointments_of(self.month)
            if item.request.earliest <= self.day <= item.request.latest
            and item.request.minutes <= self.minutes
            and (language is None or item.request.language == language)
        ]
        return min(fitting) if fitting else None

    def appointment_languages(self) -> list[str]:
        """The languages of the requests that could take place in the session."""
        return sorted(
            {
                item.request.language
                for item in self.data.appointments_of(self.month)
                if item.request.earliest <= self.day <= item.request.latest
                and item.request.minutes <= self.minutes
                and item.request.language != "de"
            }
        )

    def forecast_languages(self) -> list[str]:
        """The languages the open-hours session needs interpreters for."""
        needs = self.session.needs
        if needs is None:
            return []
        return [need.language for need in needs.languages if need.interpreters > 0]


def find_session(plan: Plan, day: dt.date, session_id: str | None = None) -> PlanSession | None:
    """The plan's session on ``day`` (the one with ``session_id`` when the date has
    several; else its open hours first), or None."""
    sessions = [s for s in plan.sessions if s.date == day]
    if session_id:
        sessions = [s for s in sessions if s.id == session_id]
    if not sessions:
        return None
    return sorted(sessions, key=lambda s: (s.kind != "open_hours", s.start, s.id))[0]


def overrides_after(
    current: Overrides, *, assign: Assign | None = None, forbid: Forbid | None = None
) -> Overrides:
    """The month's overrides after a change: a ``forbid`` drops the person's ``assign``
    entries of that date, an ``assign`` drops the person's entries (``assign`` and
    ``forbid``) of that date; the newest decision wins."""
    assigns = list(current.assign)
    forbids = list(current.forbid)
    if forbid is not None:
        assigns = [a for a in assigns if (a.volunteer, a.date) != (forbid.volunteer, forbid.date)]
        if all((f.volunteer, f.date) != (forbid.volunteer, forbid.date) for f in forbids):
            forbids.append(forbid)
    if assign is not None:
        key = (assign.volunteer, assign.date)
        forbids = [f for f in forbids if (f.volunteer, f.date) != key]
        assigns = [a for a in assigns if (a.volunteer, a.date) != key]
        assigns.append(assign)
    return Overrides(assign=assigns, forbid=forbids)


def changed_data(ctx: SessionContext, overrides: Overrides) -> OfficeData:
    """The office with the month's overrides replaced."""
    return replace(ctx.data, overrides={**ctx.data.overrides, ctx.month: overrides})


def changed_plan(
    ctx: SessionContext, person: Volunteer, place: Place, out: str | None = None
) -> Plan:
    """The plan with ``person`` in ``place`` of the session (and ``out`` taken out of the
    open hours of the date), as the re-plan of ``ctx.today`` would record it: planned
    today, the current plan's assignments kept as the replaced plan's."""
    sessions = []
    for session in ctx.plan.sessions:
        staff = list(session.staff)
        if out is not None and session.kind == "open_hours" and session.date == ctx.day:
            staff = [entry for entry in staff if entry.volunteer != out]
        if session.id == ctx.session.id:
            staff.append(place.entry(person))
        sessions.append(
            session if staff == session.staff else session.model_copy(update={"staff": staff})
        )
    return ctx.plan.model_copy(
        update={"sessions": sessions, "as_of": ctx.today, "previous": ctx.facts}
    )
