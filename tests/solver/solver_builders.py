"""Tiny offices for the solver tests, built in memory or written to a folder.

The month is February 2027: no public holiday in North Rhine-Westphalia, Wednesdays
3/10/17/24 and Thursdays 4/11/18/25. By default the office has one open-hours session
(Thursday 4 February, 14:00-16:00) and no appointment hours; ``weeks`` widens that.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from roster.app.planning import disagreements
from roster.checking import CheckReport, check_plan
from roster.domain.month import Month
from roster.domain.office import Office
from roster.domain.office_data import Appointment, OfficeData
from roster.domain.requests import Answer, AppointmentRequest, Overrides
from roster.domain.team import Volunteer
from roster.planfile.history import History
from roster.planfile.schema import Plan
from solver.solve import solve_month_terms

MONTH = Month(2027, 2)
THU = date(2027, 2, 4)
WED = date(2027, 2, 3)


def person(pid: str, *roles: str, **extra: Any) -> dict[str, Any]:
    """A volunteer: German-speaking counsellor by default, coming Wednesdays and Thursdays."""
    data: dict[str, Any] = {
        "id": pid,
        "name": f"Person {pid}",
        "roles": list(roles or ("counsellor",)),
        "languages": {"de": "native"},
        "weekdays": ["wednesday", "thursday"],
        "max_per_month": 4,
    }
    data.update(extra)
    return data


def interpreter(pid: str, *languages: str, **extra: Any) -> dict[str, Any]:
    """An interpreter for ``languages`` (native), German fluent."""
    spoken = {"de": "fluent", **dict.fromkeys(languages, "native")}
    return person(pid, "interpreter", languages=spoken, **extra)


@dataclass
class Spec:
    """An office described as the dictionaries its files hold."""

    people: list[dict[str, Any]]
    open_hours: dict[str, Any] | None = field(
        default_factory=lambda: {
            "name": "Open hours",
            "kind": "open_hours",
            "weekday": "thursday",
            "start": "14:00",
            "end": "16:00",
            "counsellors": {"min": 1, "max": 3},
            "leads": 0,
            "interpreters": {},
            "visitors_per_interpreter": 4,
        }
    )
    appointment_hours: dict[str, Any] | None = None
    appointments: list[dict[str, Any]] = field(default_factory=list)
    answers: dict[tuple[str, date], Answer] = field(default_factory=dict)
    overrides: dict[str, Any] | None = None
    priorities: dict[str, Any] | None = None
    weeks: tuple[date, date] = (THU, THU)
    """First and last date on which the sessions run (``since``/``until``)."""

    def office_dict(self) -> dict[str, Any]:
        sessions = []
        for given in (self.open_hours, self.appointment_hours):
            if given is not None:
                rule = copy.deepcopy(given)
                rule.setdefault("since", self.weeks[0].isoformat())
                rule.setdefault("until", self.weeks[1].isoformat())
                sessions.append(rule)
        office: dict[str, Any] = {"name": "Tiny office", "locale": "en", "sessions": sessions}
        if self.priorities:
            office["priorities"] = self.priorities
        return office

    def data(self) -> OfficeData:
        """The office in memory, as the loader would return it."""
        office = Office.model_validate(self.office_dict())
        counts: dict[str, int] = {}
        items = []
        for raw in self.appointments:
            request = AppointmentRequest.model_validate(raw)
            counts[request.case] = counts.get(request.case, 0) + 1
            n = counts[request.case]
            items.append(Appointment(f"{request.case}#{n}", request, n))
        return OfficeData(
            folder=Path("tiny-office"),
            office=office,
            volunteers=[Volunteer.model_validate(p) for p in self.people],
            availability={MONTH: dict(self.answers)} if self.answers else {},
            appointments={MONTH: items} if items else {},
            overrides={MONTH: Overrides.model_validate(self.overrides)} if self.overrides else {},
        )

    def write(self, folder: Path) -> Path:
        """The office as a folder on disk."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "office.yaml").write_text(yaml.safe_dump(self.office_dict()), encoding="utf-8")
        (folder / "volunteers.yaml").write_text(
            yaml.safe_dump({"volunteers": self.people}, allow_unicode=True), encoding="utf-8"
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


def appointment_rule(**extra: Any) -> dict[str, Any]:
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
    """An appointment request of February 2027 (whole month by default)."""
    raw: dict[str, Any] = {
        "case": case,
        "language": language,
        "minutes": minutes,
        "earliest": "2027-02-01",
        "latest": "2027-02-28",
    }
    raw.update(extra)
    return raw


def solve(
    data: OfficeData,
    *,
    today: date | None = None,
    previous: Plan | None = None,
    history: History | None = None,
    time_limit: float = 5.0,
) -> Plan:
    """Plan February 2027 deterministically. The independent checker must find every hard
    rule kept and recompute the solver's objective exactly, term by term."""
    solved = solve_month_terms(
        data, MONTH, today=today, previous=previous, history=history, time_limit=time_limit
    )
    problems = disagreements(
        solved.plan, solved.objective_terms, check_plan(data, solved.plan, history)
    )
    assert not problems, "\n".join(problems)
    return solved.plan


def check(data: OfficeData, plan: Plan, history: History | None = None) -> CheckReport:
    """The checker's report on a plan of February 2027."""
    return check_plan(data, plan, history)


def rules(report: CheckReport) -> set[str]:
    """The names of the rules a report says are broken."""
    return {violation.rule for violation in report.violations}


def penalty(plan: Plan, name: str) -> float:
    """The units of one named penalty of a plan."""
    return next(p.units for p in plan.score.penalties if p.name == name)


def staff_of(plan: Plan, day: date) -> dict[str, str]:
    """volunteer -> function (``counsellor``, ``counsellor:ar``, ``interpreter:ar``) on a date."""
    found = {}
    for session in plan.sessions:
        if session.date == day:
            for entry in session.staff:
                detail = f"{entry.role}:{entry.language}" if entry.language else entry.role
                found[entry.volunteer] = detail + (" lead" if entry.lead else "")
    return found
