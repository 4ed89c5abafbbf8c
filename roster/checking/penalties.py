"""Every named penalty of the soft rules (docs/planning.md), recomputed from the plan.

One function per rule returns its units and its value (``weight`` x units; for
``language`` each missing interpreter costs ``weight`` x its expected visitors, rounded
to a whole point). :func:`penalties` lists them in order of priority, as the plan file's
``score.penalties`` does. The weights are the office's ``priorities:``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from roster.checking.checked_month import CheckedMonth
from roster.checking.fairness import fairness_figures
from roster.checking.month_needs import shortfalls
from roster.planfile.facts import changes, plan_facts
from roster.planfile.schema import Penalty


@dataclass(frozen=True)
class Units:
    """What one soft rule counts in a plan, and what that costs."""

    units: float
    value: int


def language(month: CheckedMonth, weight: int) -> Units:
    """An interpreter missing for a language in open hours, per expected visitor."""
    units, value = 0.0, 0
    for short in shortfalls(month):
        if short.need == "language":
            units += short.missing * short.expected_visitors
            value += short.missing * round(weight * short.expected_visitors)
    return Units(units, value)


def _missing(month: CheckedMonth, need: str, weight: int) -> Units:
    count = sum(short.missing for short in shortfalls(month) if short.need == need)
    return Units(count, count * weight)


def appointment(month: CheckedMonth, weight: int) -> Units:
    """An appointment request not scheduled."""
    scheduled = {item.key for item in month.plan.appointments}
    count = sum(1 for key in month.requests if key not in scheduled)
    return Units(count, count * weight)


def counsellors(month: CheckedMonth, weight: int) -> Units:
    """An experienced counsellor below ``counsellors.min``."""
    return _missing(month, "counsellors", weight)


def lead(month: CheckedMonth, weight: int) -> Units:
    """A person on lead duty below ``leads``."""
    return _missing(month, "lead", weight)


def continuity(month: CheckedMonth, weight: int) -> Units:
    """A scheduled appointment not taken by the counsellor its request names."""
    scheduled = {item.key: item for item in month.plan.appointments}
    count = 0
    for key, request in month.requests.items():
        placed = scheduled.get(key)
        named = request.request.counsellor
        if placed is not None and named and placed.counsellor != named:
            count += 1
    return Units(count, count * weight)


def interpreter_continuity(month: CheckedMonth, weight: int) -> Units:
    """Each interpreter beyond the first on the appointments of one case (of a case with
    more than one request this month)."""
    requests: dict[str, int] = {}
    for request in month.requests.values():
        requests[request.case] = requests.get(request.case, 0) + 1
    interpreters: dict[str, set[str]] = {}
    for item in month.plan.appointments:
        if item.interpreter and requests.get(item.case, 0) > 1:
            interpreters.setdefault(item.case, set()).add(item.interpreter)
    count = sum(len(people) - 1 for people in interpreters.values() if people)
    return Units(count, count * weight)


def fairness(month: CheckedMonth, weight: int) -> Units:
    """A percentage point of spread between duty rates."""
    points = fairness_figures(month).points
    return Units(points, points * weight)


def maybe(month: CheckedMonth, weight: int) -> Units:
    """A duty on a date the person answered maybe."""
    count = sum(
        1
        for person in month.team.people
        for day in month.index.duty_dates.get(person.id, set())
        if month.team.maybe(person.id, day)
    )
    return Units(count, count * weight)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _this_month_weeks(month: CheckedMonth) -> set[date]:
    """The weeks (by their Monday) with a session this month."""
    return {_monday(day) for day in month.session_dates}


def _duty_days_per_week(month: CheckedMonth, volunteer_id: str) -> dict[date, int]:
    """Duty days per week: this month's plan, and the earlier plans' in the weeks with a
    session this month and in the week before the first of them."""
    this_month = _this_month_weeks(month)
    before = min(this_month) - timedelta(days=7) if this_month else None
    weeks: dict[date, int] = {}
    for day in month.history.duty_dates.get(volunteer_id, frozenset()):
        week = _monday(day)
        if week in this_month or week == before:
            weeks[week] = weeks.get(week, 0) + 1
    for day in month.index.duty_dates.get(volunteer_id, set()):
        weeks[_monday(day)] = weeks.get(_monday(day), 0) + 1
    return weeks


def same_week(month: CheckedMonth, weight: int) -> Units:
    """A duty day beyond the first in one week (Monday to Sunday) with a session this
    month; the earlier plans' duty days count."""
    this_month = _this_month_weeks(month)
    count = 0
    for person in month.team.people:
        for week, days in _duty_days_per_week(month, person.id).items():
            if week in this_month and days > 1:
                count += days - 1
    return Units(count, count * weight)


def consecutive_weeks(month: CheckedMonth, weight: int) -> Units:
    """Two weeks running with duties, one of them with a session this month; the earlier
    plans' duty days count."""
    this_month = _this_month_weeks(month)
    count = 0
    for person in month.team.people:
        weeks = _duty_days_per_week(month, person.id)
        for week in weeks:
            following = week + timedelta(days=7)
            if following in weeks and {week, following} & this_month:
                count += 1
    return Units(count, count * weight)


def change(month: CheckedMonth, weight: int) -> Units:
    """When re-planned, an assignment on or after ``as_of`` in only one of the two plans."""
    plan = month.plan
    if plan.previous is None:
        return Units(0, 0)
    count = len(changes(plan.previous.facts, plan_facts(plan), plan.as_of))
    return Units(count, count * weight)


PENALTIES: dict[str, Callable[[CheckedMonth, int], Units]] = {
    "language": language,
    "appointment": appointment,
    "counsellors": counsellors,
    "lead": lead,
    "continuity": continuity,
    "interpreter_continuity": interpreter_continuity,
    "fairness": fairness,
    "maybe": maybe,
    "same_week": same_week,
    "consecutive_weeks": consecutive_weeks,
    "change": change,
}
"""Each soft rule and its recomputation, in order of priority (docs/planning.md)."""


def penalties(month: CheckedMonth) -> list[Penalty]:
    """Every named penalty of the plan, in order of priority."""
    weights = month.data.office.priorities
    found = []
    for name, recompute in PENALTIES.items():
        weight = getattr(weights, name)
        counted = recompute(month, weight)
        found.append(
            Penalty(name=name, weight=weight, units=round(counted.units, 4), value=counted.value)
        )
    return found
