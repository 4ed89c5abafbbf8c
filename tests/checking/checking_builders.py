"""Tiny offices and hand-made plans for the checker's tests, without the solver.

The month is February 2027 (no public holiday in North Rhine-Westphalia): Wednesdays
3/10/17/24, Thursdays 4/11/18/25. An office has open hours on Thursday 14:00-16:00 and,
when asked, appointment hours on Wednesday 13:00-15:00 (30-minute grid, one desk); the
sessions run from ``weeks[0]`` to ``weeks[1]``.

:func:`plan_of` writes a plan by hand: the month's sessions from the calendar, the staff
and appointments given, and the figures the plan reports as the checker recomputes them
(tests of those figures compare with numbers worked out by hand).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import yaml

from roster.checking.checked_month import CheckedMonth
from roster.checking.fairness import fairness_figures, loads
from roster.checking.month_needs import expected_needs, shortfalls
from roster.checking.penalties import penalties
from roster.domain.month import Month
from roster.domain.office import Office
from roster.domain.office_data import Appointment, OfficeData
from roster.domain.requests import Answer, AppointmentRequest, Overrides
from roster.domain.sessions import month_calendar
from roster.domain.team import Volunteer
from roster.planfile.history import History
from roster.planfile.schema import (
    Fairness,
    Plan,
    PlanAppointment,
    PlanSession,
    Previous,
    Score,
    SolverFacts,
    StaffEntry,
    Uncovered,
    Unscheduled,
)

MONTH = Month(2027, 2)
WED = date(2027, 2, 3)
THU = date(2027, 2, 4)
WEEK = timedelta(days=7)


def person(pid: str, *roles: str, **extra: Any) -> dict[str, Any]:
    """A volunteer: a German-speaking counsellor by default, coming Wednesdays and Thursdays."""
    data: dict[str, Any] = {
        "id": pid,
        "name": f"Person {pid}",
        "roles": list(roles or ("counsellor",)),
        "languages": {"de": "native"},
        "weekdays": ["wednesday", "thursday"],
    }
    data.update(extra)
    return data


def interpreter(pid: str, *languages: str, **extra: Any) -> dict[str, Any]:
    """An interpreter for ``languages`` (native), German fluent."""
    spoken = {"de": "fluent", **dict.fromkeys(languages, "native")}
    return person(pid, "interpreter", languages=spoken, **extra)


def open_hours(**extra: Any) -> dict[str, Any]:
    """Thursday open hours 14:00-16:00: one to two counsellors, no lead, no language."""
    rule: dict[str, Any] = {
        "name": "Open hours",
        "kind": "open_hours",
        "weekday": "thursday",
        "start": "14:00",
        "end": "16:00",
        "counsellors": {"min": 1, "max": 2},
        "leads": 0,
        "interpreters": {},
        "visitors_per_interpreter": 4,
    }
    rule.update(extra)
    return rule


def appointment_hours(**extra: Any) -> dict[str, Any]:
    """Wednesday appointment hours 13:00-15:00 on a 30-minute grid, one desk."""
    rule: dict[str, Any] = {
        "name": "Appointments",
        "kind": "appointments",
        "weekday": "wednesday",
        "start": "13:00",
        "end": "15:00",
        "slot_minutes": 30,
        "desks": 1,
    }
    rule.update(extra)
    return rule


def request(case: str, language: str = "de", minutes: int = 60, **extra: Any) -> dict[str, Any]:
    """An appointment request of February 2027 (the whole month by default)."""
    raw: dict[str, Any] = {
        "case": case,
        "language": language,
        "minutes": minutes,
        "earliest": "2027-02-01",
        "latest": "2027-02-28",
    }
    raw.update(extra)
    return raw


@dataclass
class TinyOffice:
    """An office described as the dictionaries its files hold."""

    people: list[dict[str, Any]]
    sessions: list[dict[str, Any]] = field(default_factory=lambda: [open_hours()])
    appointments: list[dict[str, Any]] = field(default_factory=list)
    answers: dict[tuple[str, date], Answer] = field(default_factory=dict)
    overrides: dict[str, Any] | None = None
    priorities: dict[str, Any] | None = None
    weeks: tuple[date, date] = (WED, THU)

    def office_dict(self) -> dict[str, Any]:
        sessions = []
        for given in self.sessions:
            rule = copy.deepcopy(given)
            rule.setdefault("since", self.weeks[0].isoformat())
            rule.setdefault("until", self.weeks[1].isoformat())
            sessions.append(rule)
        office: dict[str, Any] = {"name": "Tiny office", "locale": "en", "sessions": sessions}
        if self.priorities:
            office["priorities"] = self.priorities
        return office

    def data(self, folder: Path = Path("tiny-office")) -> OfficeData:
        """The office in memory, as the loader would return it."""
        counts: dict[str, int] = {}
        items = []
        for raw in self.appointments:
            parsed = AppointmentRequest.model_validate(raw)
            counts[parsed.case] = counts.get(parsed.case, 0) + 1
            items.append(
                Appointment(f"{parsed.case}#{counts[parsed.case]}", parsed, counts[parsed.case])
            )
        return OfficeData(
            folder=folder,
            office=Office.model_validate(self.office_dict()),
            volunteers=[Volunteer.model_validate(p) for p in self.people],
            availability={MONTH: dict(self.answers)} if self.answers else {},
            appointments={MONTH: items} if items else {},
            overrides={MONTH: Overrides.model_validate(self.overrides)} if self.overrides else {},
        )

    def write(self, folder: Path) -> Path:
        """The office as a folder on disk, as `roster` reads it."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "office.yaml").write_text(yaml.safe_dump(self.office_dict()), encoding="utf-8")
        (folder / "volunteers.yaml").write_text(
            yaml.safe_dump({"volunteers": self.people}), encoding="utf-8"
        )
        if self.appointments:
            (folder / "appointments").mkdir(exist_ok=True)
            (folder / "appointments" / f"{MONTH}.yaml").write_text(
                yaml.safe_dump({"appointments": self.appointments}), encoding="utf-8"
            )
        if self.answers:
            days = sorted({day for _, day in self.answers})
            ids = sorted({pid for pid, _ in self.answers})
            lines = ["volunteer," + ",".join(d.isoformat() for d in days)]
            lines += [
                pid + "," + ",".join(self.answers.get((pid, d), "") for d in days) for pid in ids
            ]
            (folder / "availability").mkdir(exist_ok=True)
            (folder / "availability" / f"{MONTH}.csv").write_text(
                "\n".join(lines) + "\n", encoding="utf-8"
            )
        if self.overrides:
            (folder / "overrides").mkdir(exist_ok=True)
            (folder / "overrides" / f"{MONTH}.yaml").write_text(
                yaml.safe_dump(self.overrides), encoding="utf-8"
            )
        return folder


def counsellor(pid: str, language: str | None = None, **extra: Any) -> StaffEntry:
    """A counsellor in open hours (counselling directly in ``language``, if given)."""
    return StaffEntry(volunteer=pid, role="counsellor", language=language, **extra)


def interpreting(pid: str, language: str) -> StaffEntry:
    """An interpreter for ``language`` in open hours."""
    return StaffEntry(volunteer=pid, role="interpreter", language=language)


def booked(
    data: OfficeData,
    key: str,
    day: date,
    clock: str,
    by: str,
    *,
    desk: int = 1,
    interpreter: str | None = None,
    second: str | None = None,
) -> PlanAppointment:
    """The request ``key`` placed on ``day`` at ``clock`` in that day's appointment session."""
    item = next(a for a in data.appointments_of(MONTH) if a.key == key)
    calendar = month_calendar(data.office, MONTH)
    session = next(s for s in calendar.sessions if s.date == day and s.kind == "appointments")
    hour, minute = (int(part) for part in clock.split(":"))
    start = datetime.combine(day, time(hour, minute), tzinfo=data.office.zone)
    return PlanAppointment(
        key=key,
        case=item.case,
        session=session.id,
        date=day,
        start=start,
        end=start + timedelta(minutes=item.request.minutes),
        desk=desk,
        language=item.request.language,
        counsellor=by,
        second_counsellor=second,
        interpreter=interpreter,
    )


def _appointment_staff(
    appointments: list[PlanAppointment], sid: str, data: OfficeData
) -> list[StaffEntry]:
    staff: dict[str, StaffEntry] = {}
    trainees = {p.id for p in data.volunteers if p.trainee}
    for item in appointments:
        if item.session != sid:
            continue
        for pid in (item.counsellor, item.second_counsellor):
            if pid and pid not in staff:
                staff[pid] = StaffEntry(volunteer=pid, role="counsellor", trainee=pid in trainees)
        if item.interpreter and item.interpreter not in staff:
            staff[item.interpreter] = StaffEntry(
                volunteer=item.interpreter, role="interpreter", language=item.language
            )
    return list(staff.values())


def plan_of(
    data: OfficeData,
    staff: dict[date, list[StaffEntry]] | dict[str, list[StaffEntry]] | None = None,
    appointments: list[PlanAppointment] | None = None,
    *,
    as_of: date = MONTH.first - timedelta(days=1),
    previous: Previous | None = None,
    history: History | None = None,
) -> Plan:
    """A plan of February 2027 made by hand: ``staff`` of the open-hours sessions by date
    (or by session id), the ``appointments`` placed (the other requests listed as unscheduled), and the
    figures it reports filled in as the checker recomputes them."""
    by_key: dict[date | str, list[StaffEntry]] = {}
    by_key.update((staff or {}).items())
    appointments = appointments or []
    calendar = month_calendar(data.office, MONTH)
    sessions = []
    for session in calendar.sessions:
        is_open = session.kind == "open_hours"
        sessions.append(
            PlanSession(
                id=session.id,
                date=session.date,
                name=session.name,
                kind=session.kind,
                start=session.start,
                end=session.end,
                staff=by_key.get(session.id, by_key.get(session.date, []))
                if is_open
                else _appointment_staff(appointments, session.id, data),
            )
        )
    placed = {item.key for item in appointments}
    plan = Plan(
        office=data.office.name,
        month=str(MONTH),
        as_of=as_of,
        timezone=data.office.timezone,
        locale=data.office.locale,
        input_digest="0" * 64,
        inputs={},
        sessions=sessions,
        appointments=appointments,
        unscheduled=[
            Unscheduled(
                key=item.key,
                case=item.case,
                language=item.request.language,
                minutes=item.request.minutes,
                earliest=item.request.earliest,
                latest=item.request.latest,
                reason="made by hand",
            )
            for item in data.appointments_of(MONTH)
            if item.key not in placed
        ],
        fairness=Fairness(window=[], spread=0.0),
        score=Score(total=0),
        solver=SolverFacts(
            status="greedy",
            objective=0,
            bound=0,
            gap=0,
            seconds=0,
            time_limit=0,
            workers=0,
            seed=0,
            deterministic=True,
            ortools_version="none",
        ),
        previous=previous,
    )
    return reported_truly(data, plan, history)


def reported_truly(data: OfficeData, plan: Plan, history: History | None = None) -> Plan:
    """``plan`` with the figures it reports as the checker recomputes them."""
    month = CheckedMonth(data, plan, history)
    uncovered: dict[str, list[Uncovered]] = {}
    for short in shortfalls(month):
        uncovered.setdefault(short.session, []).append(
            Uncovered(
                need=short.need, language=short.language, missing=short.missing, reason="by hand"
            )
        )
    sessions = [
        s.model_copy(
            update={"needs": expected_needs(month, s.id), "uncovered": uncovered.get(s.id, [])}
        )
        for s in plan.sessions
    ]
    plan = plan.model_copy(
        update={
            "sessions": sessions,
            "load": loads(month),
            "fairness": fairness_figures(month).fairness,
        }
    )
    found = penalties(CheckedMonth(data, plan, history))
    return plan.model_copy(
        update={"score": Score(total=sum(p.value for p in found), penalties=found)}
    )
