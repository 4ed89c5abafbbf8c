"""The soft rules of a plan, one function per family (issue section 2).

Each function adds the variables it needs and returns its named penalty terms: the
plan's objective is the sum of ``coeff * units`` over all terms. Weights come from
``office.yaml`` ``priorities:`` (defaults in :class:`roster.office.Priorities`, order
and reasons in docs/planning.md). The independent checker recomputes every term from a
plan file without the solver (:mod:`roster.checking`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from ortools.sat.python import cp_model

from roster.domain.forecast import LanguageNeed
from solver.month_input import MonthInput
from solver.rules import PERCENT, language_points, monday
from solver.variables import Expr, Var, Variables


@dataclass(frozen=True)
class Term:
    """One named penalty: ``coeff`` objective points per unit of ``expr``."""

    name: str
    expr: Expr
    coeff: int
    scale: float = 1.0
    """Reported units per unit of ``expr`` (expected visitors for language coverage)."""


def shortfall(model: cp_model.CpModel, need: int, covered: list[Var], name: str) -> Var:
    """A variable at least how far ``covered`` falls short of ``need`` (never below 0).

    Like every penalty variable here it is bounded from one side only: the objective
    pulls it down to the shortfall itself, and the one-sided form keeps the linear
    relaxation tight, so the solver proves good bounds (a ``max`` equality would not)."""
    short = model.new_int_var(0, need, name)
    model.add(short + sum(covered) >= need)
    return short


def language_coeff(inp: MonthInput, need: LanguageNeed) -> int:
    """Penalty points of one interpreter unit missing for ``need``."""
    return language_points(inp.priorities.language, need.expected_visitors)


def language(model: cp_model.CpModel, inp: MonthInput, v: Variables) -> list[Term]:
    """1. Each interpreter unit missing in an open-hours session, per expected visitor."""
    terms = []
    for session in inp.open_sessions:
        for need in inp.language_needs(session.id):
            at = (session.id, need.language)
            covered = [*v.interpret.get(at, {}).values(), *v.direct.get(at, {}).values()]
            short = shortfall(
                model, need.interpreters, covered, f"short[{session.id},{need.language}]"
            )
            terms.append(Term("language", short, language_coeff(inp, need), need.expected_visitors))
    return terms


def appointment(model: cp_model.CpModel, inp: MonthInput, v: Variables) -> list[Term]:
    """2. Each appointment request left unscheduled."""
    del model
    weight = inp.priorities.appointment
    return [
        Term(
            "appointment",
            1 - sum(v.place[item.key, option.session] for option in inp.options(item.key)),
            weight,
        )
        for item in inp.appointments
    ]


def counsellors(model: cp_model.CpModel, inp: MonthInput, v: Variables) -> list[Term]:
    """3a. Each experienced counsellor below ``counsellors.min`` in an open-hours session."""
    weight = inp.priorities.counsellors
    terms = []
    for session in inp.open_sessions:
        need = inp.open_rule(session.id).counsellors.min
        if need == 0:
            continue
        experienced = [
            var for pid, var in v.counsel[session.id].items() if not inp.person(pid).trainee
        ]
        short = shortfall(model, need, experienced, f"short_counsellors[{session.id}]")
        terms.append(Term("counsellors", short, weight))
    return terms


def lead(model: cp_model.CpModel, inp: MonthInput, v: Variables) -> list[Term]:
    """3b. Each person on lead duty missing below ``leads`` in an open-hours session."""
    weight = inp.priorities.lead
    terms = []
    for session in inp.open_sessions:
        need = inp.open_rule(session.id).leads
        if need == 0:
            continue
        short = shortfall(
            model, need, list(v.lead[session.id].values()), f"short_lead[{session.id}]"
        )
        terms.append(Term("lead", short, weight))
    return terms


def continuity(model: cp_model.CpModel, inp: MonthInput, v: Variables) -> list[Term]:
    """4a. A scheduled appointment whose request names a counsellor, taken by another."""
    del model
    weight = inp.priorities.continuity
    terms = []
    for item in inp.appointments:
        named = item.request.counsellor
        if named is None:
            continue
        options = [(item.key, option.session) for option in inp.options(item.key)]
        if not options:
            continue
        placed = sum(v.place[at] for at in options)
        kept = sum(v.appt_counsellor[at][named] for at in options if named in v.appt_counsellor[at])
        terms.append(Term("continuity", placed - kept, weight))
    return terms


def interpreter_continuity(model: cp_model.CpModel, inp: MonthInput, v: Variables) -> list[Term]:
    """4b. Each interpreter beyond the first on the appointments of one case."""
    weight = inp.priorities.interpreter_continuity
    cases: dict[str, list[str]] = {}
    for item in inp.appointments:
        cases.setdefault(item.case, []).append(item.key)
    terms = []
    for case, keys in cases.items():
        if len(keys) < 2:
            continue
        parts: dict[str, list[Var]] = {}
        for key in keys:
            for option in inp.options(key):
                for pid, var in v.appt_interpreter[key, option.session].items():
                    parts.setdefault(pid, []).append(var)
        if len(parts) < 2:
            continue
        used = []
        for pid, vars_ in parts.items():
            flag = model.new_bool_var(f"case_interpreter[{case},{pid}]")
            for var in vars_:
                model.add_implication(var, flag)
            used.append(flag)
        extra = model.new_int_var(0, len(used) - 1, f"extra_interpreters[{case}]")
        model.add(extra >= sum(used) - 1)
        terms.append(Term("interpreter_continuity", extra, weight))
    return terms


def fairness(model: cp_model.CpModel, inp: MonthInput, v: Variables) -> list[Term]:
    """5. The spread of duty rates (duties per offered date over the fairness window), in
    percentage points: the highest rate rounded up minus the lowest rounded down."""
    group = inp.fairness_group()
    if len(group) < 2:
        return []
    rows = []
    for pid in group:
        offered = inp.window_offered(pid)
        before = inp.history.duties.get(pid, 0)
        duties = list(v.duties(pid).values())
        low = math.floor(PERCENT * before / offered)
        high = math.ceil(PERCENT * (before + len(duties)) / offered)
        rows.append((offered, before, duties, low, high))
    highs, lows = [], []
    for pid, (offered, before, duties, low, high) in zip(group, rows, strict=True):
        worked = PERCENT * before + PERCENT * sum(duties)
        up = model.new_int_var(low, high, f"rate_up[{pid}]")  # at least the rate rounded up
        model.add(offered * up >= worked)
        down = model.new_int_var(low, high, f"rate_down[{pid}]")  # at most rounded down
        model.add(offered * down <= worked)
        highs.append(up)
        lows.append(down)
    top = model.new_int_var(max(r[3] for r in rows), max(r[4] for r in rows), "rate_max")
    bottom = model.new_int_var(min(r[3] for r in rows), min(r[4] for r in rows), "rate_min")
    for up in highs:
        model.add(top >= up)
    for down in lows:
        model.add(bottom <= down)
    return [Term("fairness", top - bottom, inp.priorities.fairness)]


def maybe(model: cp_model.CpModel, inp: MonthInput, v: Variables) -> list[Term]:
    """6a. Each duty on a date the person answered maybe."""
    del model
    weight = inp.priorities.maybe
    return [
        Term("maybe", var, weight)
        for (pid, day), var in v.on_duty.items()
        if inp.availability.maybe(pid, day)
    ]


def week_duties(inp: MonthInput, v: Variables, pid: str) -> dict[date, tuple[int, list[Var]]]:
    """Per week (its Monday): duty days from earlier plans, and this month's duty variables."""
    weeks: dict[date, tuple[int, list[Var]]] = {}
    for day in inp.dates:
        weeks.setdefault(monday(day), (0, []))
    first = monday(inp.dates[0]) - timedelta(days=7) if inp.dates else None
    for day in sorted(inp.history.duty_dates.get(pid, frozenset())):
        week = monday(day)
        if week in weeks or week == first:
            before, parts = weeks.get(week, (0, []))
            weeks[week] = (before + 1, parts)
    for day, var in v.duties(pid).items():
        before, parts = weeks[monday(day)]
        parts.append(var)
    return dict(sorted(weeks.items()))


def same_week(model: cp_model.CpModel, inp: MonthInput, v: Variables) -> list[Term]:
    """6b. Each duty day beyond the first in one week (weeks with a session this month;
    earlier months' plans count)."""
    weight = inp.priorities.same_week
    this_month = {monday(day) for day in inp.dates}
    terms = []
    for person in inp.people:
        for week, (before, parts) in week_duties(inp, v, person.id).items():
            if week not in this_month or before + len(parts) < 2:
                continue
            extra = model.new_int_var(0, before + len(parts) - 1, f"same_week[{person.id},{week}]")
            model.add(extra >= before + sum(parts) - 1)
            terms.append(Term("same_week", extra, weight))
    return terms


def consecutive_weeks(model: cp_model.CpModel, inp: MonthInput, v: Variables) -> list[Term]:
    """6c. Each pair of consecutive weeks a person is on duty in both (pairs touching a
    week with a session this month; earlier months' plans count)."""
    weight = inp.priorities.consecutive_weeks
    this_month = {monday(day) for day in inp.dates}
    terms = []
    for person in inp.people:
        weeks = week_duties(inp, v, person.id)
        duty: dict[date, Expr] = {}
        for week, (before, parts) in weeks.items():
            if before:
                duty[week] = 1
            elif len(parts) == 1:
                duty[week] = parts[0]
            elif parts:
                any_duty = model.new_bool_var(f"week_duty[{person.id},{week}]")
                for part in parts:
                    model.add_implication(part, any_duty)
                duty[week] = any_duty
        for week in sorted(duty):
            following = week + timedelta(days=7)
            if following not in duty or not ({week, following} & this_month):
                continue
            a, b = duty[week], duty[following]
            if isinstance(a, int) and isinstance(b, int):
                terms.append(Term("consecutive_weeks", 1, weight))
            elif isinstance(a, int) or isinstance(b, int):
                terms.append(Term("consecutive_weeks", b if isinstance(a, int) else a, weight))
            else:
                both = model.new_bool_var(f"consecutive[{person.id},{week}]")
                model.add(both >= a + b - 1)
                terms.append(Term("consecutive_weeks", both, weight))
    return terms


def change(model: cp_model.CpModel, inp: MonthInput, v: Variables) -> list[Term]:
    """7. On re-planning, each assignment of a session on or after ``--today`` that is in
    only one of the old and the new plan (see :mod:`solver.facts`)."""
    previous = inp.previous
    if previous is None:
        return []
    future = {s.id for s in inp.sessions if not inp.is_kept(s)}
    old = {(f.kind, f.session, f.subject, f.detail) for f in previous.facts if f.date >= inp.as_of}
    units: list[Expr] = []
    matched: set[tuple[str, str, str, str]] = set()

    def fact(key: tuple[str, str, str, str], expr: Expr) -> None:
        if key in old:
            matched.add(key)
            units.append(1 - expr)
        else:
            units.append(expr)

    for session in inp.open_sessions:
        sid = session.id
        if sid not in future:
            continue
        direct_of: dict[str, list[tuple[str, Var]]] = {}
        for (s, lang), people in v.direct.items():
            if s == sid:
                for pid, var in people.items():
                    direct_of.setdefault(pid, []).append((lang, var))
        for pid, var in v.counsel[sid].items():
            spoken = direct_of.get(pid, [])
            fact(("staff", sid, pid, "counsellor"), var - sum(x for _, x in spoken))
            for lang, x in spoken:
                fact(("staff", sid, pid, f"counsellor:{lang}"), x)
        for (s, lang), people in v.interpret.items():
            if s == sid:
                for pid, var in people.items():
                    fact(("staff", sid, pid, f"interpreter:{lang}"), var)
        for pid, var in v.lead[sid].items():
            fact(("lead", sid, pid, ""), var)
    old_places = {f.subject: f for f in previous.facts if f.kind == "place" and f.date >= inp.as_of}
    for item in inp.appointments:
        key = item.key
        ahead = [option.session for option in inp.options(key) if option.session in future]
        placed = sum(v.place[key, sid] for sid in ahead)
        was = old_places.get(key)
        if was is None:
            units.append(placed)
            continue
        old_key = (was.kind, was.session, was.subject, was.detail)
        matched.add(old_key)
        if was.session in ahead:
            session = inp.session(was.session)
            hour, minute = (int(x) for x in was.detail.split(":"))
            offset = hour * 60 + minute - (session.start.hour * 60 + session.start.minute)
            same = model.new_bool_var(f"same_place[{key}]")  # at most: same session and time
            model.add(v.start[key, was.session] == offset).only_enforce_if(same)
            model.add_implication(same, v.place[key, was.session])
            units.append(1 + placed - 2 * same)
        else:
            units.append(1 + placed)
    for kind, table in (
        ("counsellor", v.appt_counsellor),
        ("second_counsellor", v.appt_second),
        ("interpreter", v.appt_interpreter),
    ):
        by_person: dict[tuple[str, str], list[Var]] = {}
        for (key, sid), people in table.items():
            if sid in future:
                for pid, var in people.items():
                    by_person.setdefault((key, pid), []).append(var)
        for (key, pid), parts in by_person.items():
            fact((kind, "", key, pid), sum(parts))
    units.extend(1 for key in old if key not in matched)
    return [Term("change", sum(units), inp.priorities.change)] if units else []
