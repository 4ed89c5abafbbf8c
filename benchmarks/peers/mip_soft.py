"""The soft rules of the MIP peer: the same penalty terms as roster's objective
(``solver/soft.py``), weights from ``office.yaml`` ``priorities:``, linearised with
one-sided penalty columns that the minimisation pulls down to their values. Every term
is modelled, so the MIP's objective is the checker's penalty of its plan; ``change``
does not arise (the MIP plans a month afresh)."""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta

from peers.mip_model import MipModel, Terms
from solver.rules import PERCENT, monday
from solver.soft import language_coeff


def _short(m: MipModel, need: int, covered: Terms, weight: float) -> None:
    """A column at least ``need - covered`` (and 0), costing ``weight`` a unit."""
    short = m.lp.column(0.0, need, weight, integer=False)
    m.lp.at_least([(short, 1.0), *covered], need)


def open_hours(m: MipModel) -> None:
    """1. language (per expected visitor), 3. counsellors below min, 3. leads below leads."""
    inp, weights = m.inp, m.inp.priorities
    for session in inp.open_sessions:
        sid = session.id
        for need in inp.language_needs(sid):
            covered = [
                (c, 1.0)
                for table in (m.interpret, m.direct)
                for (s, lang, _), c in table.items()
                if s == sid and lang == need.language
            ]
            _short(m, need.interpreters, covered, language_coeff(inp, need))
        rule = inp.open_rule(sid)
        if rule.counsellors.min:
            experienced = [
                (c, 1.0)
                for (s, pid), c in m.counsel.items()
                if s == sid and not inp.person(pid).trainee
            ]
            _short(m, rule.counsellors.min, experienced, weights.counsellors)
        if rule.leads:
            leads = [(c, 1.0) for (s, _), c in m.lead.items() if s == sid]
            _short(m, rule.leads, leads, weights.lead)


def appointments(m: MipModel) -> None:
    """2. unscheduled requests, 4. continuity (named counsellor), 4. interpreters per case."""
    inp, lp, weights = m.inp, m.lp, m.inp.priorities
    by_key: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for at in m.place:
        by_key[at[0]].append(at)
    for item in inp.appointments:
        lp.offset += weights.appointment  # 1 - sum(place)
        for at in by_key[item.key]:
            lp.add_cost(m.place[at], -weights.appointment)
        named = item.request.counsellor
        if named is None or not by_key[item.key]:
            continue
        for at in by_key[item.key]:  # placed - kept
            lp.add_cost(m.place[at], weights.continuity)
            if named in m.counsellor[at]:
                lp.add_cost(m.counsellor[at][named], -weights.continuity)
    cases: dict[str, list[str]] = defaultdict(list)
    for item in inp.appointments:
        cases[item.case].append(item.key)
    for keys in cases.values():
        if len(keys) < 2:
            continue
        parts: dict[str, list[int]] = defaultdict(list)
        for key in keys:
            for at in by_key[key]:
                for pid, col in m.interpreter[at].items():
                    parts[pid].append(col)
        if len(parts) < 2:
            continue
        used = []
        for cols in parts.values():
            flag = lp.column(0.0, 1.0, integer=False)
            for col in cols:
                lp.at_most([(col, 1.0), (flag, -1.0)], 0.0)
            used.append((flag, -1.0))
        extra = lp.column(0.0, len(used) - 1, weights.interpreter_continuity, integer=False)
        lp.at_least([(extra, 1.0), *used], -1.0)


def fairness(m: MipModel) -> None:
    """5. The spread of duty rates in percentage points: the highest rate rounded up
    (integer ``top``) minus the lowest rounded down (integer ``bottom``)."""
    inp, lp = m.inp, m.lp
    group = inp.fairness_group()
    if len(group) < 2:
        return
    rows = []
    for pid in group:
        offered, before = inp.window_offered(pid), inp.history.duties.get(pid, 0)
        duties = list(m.duties(pid).values())
        low = math.floor(PERCENT * before / offered)
        high = math.ceil(PERCENT * (before + len(duties)) / offered)
        rows.append((offered, before, duties, low, high))
    weight = inp.priorities.fairness
    top = lp.column(max(r[3] for r in rows), max(r[4] for r in rows), weight, integer=True)
    bottom = lp.column(min(r[3] for r in rows), min(r[4] for r in rows), -weight, integer=True)
    for offered, before, duties, _, _ in rows:
        worked = [(c, -float(PERCENT)) for c in duties]
        lp.at_least([(top, float(offered)), *worked], PERCENT * before)
        lp.at_most([(bottom, float(offered)), *worked], PERCENT * before)


def _weeks(m: MipModel, pid: str) -> dict[date, tuple[int, list[int]]]:
    """Per week (its Monday): duty days from earlier plans, and this month's duty columns
    (as ``solver.soft.week_duties``)."""
    inp = m.inp
    weeks: dict[date, tuple[int, list[int]]] = {monday(day): (0, []) for day in inp.dates}
    first = monday(inp.dates[0]) - timedelta(days=7) if inp.dates else None
    for day in sorted(inp.history.duty_dates.get(pid, frozenset())):
        week = monday(day)
        if week in weeks or week == first:
            before, parts = weeks.get(week, (0, []))
            weeks[week] = (before + 1, parts)
    for day, col in m.duties(pid).items():
        weeks[monday(day)][1].append(col)
    return dict(sorted(weeks.items()))


def weeks_and_maybe(m: MipModel) -> None:
    """6. maybe days, a second duty day in one week, duties in two weeks running."""
    inp, lp, weights = m.inp, m.lp, m.inp.priorities
    for (pid, day), col in m.on_duty.items():
        if inp.availability.maybe(pid, day):
            lp.add_cost(col, weights.maybe)
    this_month = {monday(day) for day in inp.dates}
    for person in inp.people:
        weeks = _weeks(m, person.id)
        duty: dict[date, int | None] = {}  # None: on duty from an earlier plan
        for week, (before, parts) in weeks.items():
            if week in this_month and before + len(parts) >= 2:
                extra = lp.column(0.0, before + len(parts) - 1, weights.same_week, integer=False)
                lp.at_least([(extra, 1.0), *((c, -1.0) for c in parts)], before - 1)
            if before:
                duty[week] = None
            elif len(parts) == 1:
                duty[week] = parts[0]
            elif parts:
                duty[week] = any_duty = lp.column(0.0, 1.0, integer=False)
                for col in parts:
                    lp.at_most([(col, 1.0), (any_duty, -1.0)], 0.0)
        for week in sorted(duty):
            following = week + timedelta(days=7)
            if following not in duty or not ({week, following} & this_month):
                continue
            live = [col for col in (duty[week], duty[following]) if col is not None]
            if not live:
                lp.offset += weights.consecutive_weeks
            elif len(live) == 1:
                lp.add_cost(live[0], weights.consecutive_weeks)
            else:
                both = lp.column(0.0, 1.0, weights.consecutive_weeks, integer=False)
                lp.at_least([(both, 1.0), *((col, -1.0) for col in live)], -1.0)


def build_soft(m: MipModel) -> None:
    """Add every soft rule's penalty columns and costs to the objective."""
    open_hours(m)
    appointments(m)
    fairness(m)
    weeks_and_maybe(m)
