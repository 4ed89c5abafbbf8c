"""The figures a plan reports, recomputed from the plan and the office alone.

What stays uncovered, each volunteer's load, the fairness spread and every named
penalty of the soft rules (docs/planning.md). The solver fills the plan file with these;
the independent checker (:mod:`roster.checking`) recomputes them with code of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from roster.planfile.facts import changes, plan_facts
from roster.planfile.index import PlanIndex
from roster.planfile.schema import Fairness, Load, Needs, Penalty, Plan
from solver.month_input import MonthInput
from solver.rules import PERCENT, SOFT_NAMES, language_points, monday


@dataclass(frozen=True)
class Shortfall:
    """A need of an open-hours session the plan leaves open."""

    session: str
    need: Literal["language", "counsellors", "lead"]
    language: str | None
    missing: int
    expected_visitors: float = 0.0


def open_needs(inp: MonthInput, session_id: str) -> Needs:
    """What an open-hours session needs: the rule and the forecast."""
    rule = inp.open_rule(session_id)
    return Needs(
        counsellors_min=rule.counsellors.min,
        counsellors_max=rule.counsellors.max,
        leads=rule.leads,
        languages=list(inp.needs.get(session_id, [])),
    )


def shortfalls(inp: MonthInput, plan: Plan) -> list[Shortfall]:
    """Every need of the month's open-hours sessions that ``plan`` leaves open."""
    found: list[Shortfall] = []
    by_id = {s.id: s for s in plan.sessions}
    for session in inp.open_sessions:
        staff = by_id[session.id].staff if session.id in by_id else []
        rule = inp.open_rule(session.id)
        covered: dict[str, int] = {}
        for entry in staff:
            if entry.language:
                covered[entry.language] = covered.get(entry.language, 0) + 1
        for need in inp.language_needs(session.id):
            missing = need.interpreters - covered.get(need.language, 0)
            if missing > 0:
                found.append(
                    Shortfall(
                        session.id, "language", need.language, missing, need.expected_visitors
                    )
                )
        experienced = sum(
            1
            for entry in staff
            if entry.role == "counsellor"
            and inp.knows(entry.volunteer)
            and not inp.person(entry.volunteer).trainee
        )
        if experienced < rule.counsellors.min:
            found.append(
                Shortfall(session.id, "counsellors", None, rule.counsellors.min - experienced)
            )
        leads = sum(1 for entry in staff if entry.lead)
        if leads < rule.leads:
            found.append(Shortfall(session.id, "lead", None, rule.leads - leads))
    return found


def load_of(inp: MonthInput, plan: Plan) -> list[Load]:
    """Each volunteer's share of the work in ``plan``."""
    index = PlanIndex(plan)
    rows = []
    for person in inp.people:
        days = index.duty_dates.get(person.id, set())
        rows.append(
            Load(
                volunteer=person.id,
                duties=len(days),
                hours=round(index.minutes.get(person.id, 0) / 60, 2),
                maybe_days=sum(1 for day in days if inp.availability.maybe(person.id, day)),
                offered=inp.availability.offered(person.id),
                window_duties=inp.history.duties.get(person.id, 0) + len(days),
                window_offered=inp.window_offered(person.id),
            )
        )
    return rows


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def fairness_of(inp: MonthInput, plan: Plan) -> tuple[Fairness, int]:
    """The fairness figures of ``plan``: exact spread, and the penalised spread in points
    (highest rate rounded up minus lowest rounded down, in percentage points)."""
    index = PlanIndex(plan)
    group = inp.fairness_group()
    window = [*inp.history.months, str(inp.month)]
    if len(group) < 2:
        return Fairness(window=window, spread=0.0), 0
    rates = []
    highs = []
    lows = []
    for pid in group:
        worked = inp.history.duties.get(pid, 0) + index.duties(pid)
        offered = inp.window_offered(pid)
        rates.append(worked / offered)
        highs.append(_ceil_div(PERCENT * worked, offered))
        lows.append(PERCENT * worked // offered)
    spread = round(max(rates) - min(rates), 4)
    return Fairness(window=window, spread=spread), max(highs) - min(lows)


def _week_counts(inp: MonthInput, index: PlanIndex, person: str) -> dict[date, int]:
    weeks: dict[date, int] = {}
    this_month = {monday(day) for day in inp.dates}
    first = min(this_month) - timedelta(days=7) if this_month else None
    for day in inp.history.duty_dates.get(person, frozenset()):
        week = monday(day)
        if week in this_month or week == first:
            weeks[week] = weeks.get(week, 0) + 1
    for day in index.duty_dates.get(person, set()):
        weeks[monday(day)] = weeks.get(monday(day), 0) + 1
    return weeks


def penalties_of(inp: MonthInput, plan: Plan) -> list[Penalty]:
    """Every named penalty of ``plan``, recomputed from the plan and the office."""
    weights = inp.priorities
    units: dict[str, float] = dict.fromkeys(SOFT_NAMES, 0.0)
    values: dict[str, int] = dict.fromkeys(SOFT_NAMES, 0)

    def add(name: str, count: float, value: int) -> None:
        units[name] += count
        values[name] += value

    for short in shortfalls(inp, plan):
        if short.need == "language":
            add(
                "language",
                short.missing * short.expected_visitors,
                short.missing * language_points(weights.language, short.expected_visitors),
            )
        else:
            weight = weights.counsellors if short.need == "counsellors" else weights.lead
            add(short.need, short.missing, short.missing * weight)
    scheduled = {item.key: item for item in plan.appointments}
    for request in inp.appointments:
        placed = scheduled.get(request.key)
        if placed is None:
            add("appointment", 1, weights.appointment)
        elif request.request.counsellor and placed.counsellor != request.request.counsellor:
            add("continuity", 1, weights.continuity)
    interpreters: dict[str, set[str]] = {}
    cases: dict[str, int] = {}
    for request in inp.appointments:
        cases[request.case] = cases.get(request.case, 0) + 1
    for item in plan.appointments:
        if item.interpreter and cases.get(item.case, 0) > 1:
            interpreters.setdefault(item.case, set()).add(item.interpreter)
    for people in interpreters.values():
        if len(people) > 1:
            add(
                "interpreter_continuity",
                len(people) - 1,
                (len(people) - 1) * weights.interpreter_continuity,
            )
    _, points = fairness_of(inp, plan)
    add("fairness", points, points * weights.fairness)
    index = PlanIndex(plan)
    this_month = {monday(day) for day in inp.dates}
    for person in inp.people:
        days = index.duty_dates.get(person.id, set())
        maybes = sum(1 for day in days if inp.availability.maybe(person.id, day))
        add("maybe", maybes, maybes * weights.maybe)
        weeks = _week_counts(inp, index, person.id)
        for week, count in weeks.items():
            if week in this_month and count > 1:
                add("same_week", count - 1, (count - 1) * weights.same_week)
            following = week + timedelta(days=7)
            if following in weeks and ({week, following} & this_month):
                add("consecutive_weeks", 1, weights.consecutive_weeks)
    if plan.previous is not None:
        changed = len(changes(plan.previous.facts, plan_facts(plan), inp.as_of))
        add("change", changed, changed * weights.change)
    weight_of = {name: getattr(weights, name) for name in SOFT_NAMES}
    return [
        Penalty(name=name, weight=weight_of[name], units=round(units[name], 4), value=values[name])
        for name in SOFT_NAMES
    ]
