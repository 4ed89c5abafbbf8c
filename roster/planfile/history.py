"""Earlier months' plans, for fairness and for the week rules across a month boundary."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from roster.domain.files import sha256_of
from roster.domain.month import Month
from roster.planfile.io import plan_path, read_plan
from roster.planfile.schema import Plan

FAIRNESS_MONTHS = 3
"""Earlier months counted for fairness, besides the month being planned."""


@dataclass(frozen=True)
class History:
    """What the plans of earlier months say about each volunteer."""

    months: tuple[str, ...] = ()
    duties: dict[str, int] = field(default_factory=dict)
    offered: dict[str, int] = field(default_factory=dict)
    duty_dates: dict[str, frozenset[date]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_plans(cls, plans: list[Plan], files: dict[str, str] | None = None) -> History:
        """Sum the loads of ``plans`` and collect their duty dates."""
        duties: dict[str, int] = {}
        offered: dict[str, int] = {}
        dates: dict[str, set[date]] = {}
        for plan in sorted(plans, key=lambda p: p.month):
            for load in plan.load:
                duties[load.volunteer] = duties.get(load.volunteer, 0) + load.duties
                offered[load.volunteer] = offered.get(load.volunteer, 0) + load.offered
            for person, day in duty_days(plan):
                dates.setdefault(person, set()).add(day)
        return cls(
            months=tuple(sorted(plan.month for plan in plans)),
            duties=duties,
            offered=offered,
            duty_dates={person: frozenset(days) for person, days in sorted(dates.items())},
            files=dict(sorted((files or {}).items())),
        )


def duty_days(plan: Plan) -> set[tuple[str, date]]:
    """(volunteer, date) of every day someone is on duty in ``plan``."""
    days = {(entry.volunteer, session.date) for session in plan.sessions for entry in session.staff}
    for item in plan.appointments:
        for person in (item.counsellor, item.second_counsellor, item.interpreter):
            if person:
                days.add((person, item.date))
    return days


def load_history(folder: Path, month: Month, months: int = FAIRNESS_MONTHS) -> History:
    """The plans in ``folder/rotas`` of the ``months`` months before ``month`` that exist."""
    plans: list[Plan] = []
    files: dict[str, str] = {}
    earlier = month
    for _ in range(months):
        earlier = earlier.previous()
        path = plan_path(folder, earlier)
        if path.is_file():
            plans.append(read_plan(path))
            files[f"rotas/{earlier}.json"] = sha256_of(path)
    return History.from_plans(plans, files)
