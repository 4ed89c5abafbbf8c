"""Assignments the plan must contain: the office lead's overrides and, on re-planning,
the sessions before ``--today``. Each is checked against the hard rules before solving,
so that a clash is reported with the rule it breaks, in plain words. Whether one
override can be met at all is decided by :func:`solver.override_check.override_problem`,
the check the model and the greedy fills ask too; here it is joined by the limits that
several overrides can break together (days and hours per month, one function,
``counsellors.max``, a trainee alone).

What the checks here cannot see (several overrides that only together break a rule) is
found by :func:`diagnose`, which solves once more with every hard family and override
tied to a literal and names the ones in the clash.
"""

from __future__ import annotations

from datetime import date

from ortools.sat.python import cp_model

from roster.domain.errors import Problem, RosterError
from roster.domain.requests import Assign
from roster.wording.explanations import day_text
from solver.availability import can_counsel, can_counsel_in, can_interpret, can_lead
from solver.model import build_model
from solver.month_input import MonthInput
from solver.override_check import (
    assign_problem,
    broken,
    describe,
    forced_error,
    override_problem,
)
from solver.rules import HARD_RULES


def _function(entry: Assign) -> str:
    if entry.role == "interpreter":
        return f"interpreter:{entry.language}"
    return "counsellor"


def _override_problems(inp: MonthInput) -> list[Problem]:
    """Overrides that cannot be met on their own (:func:`override_problem`), then those
    that together break a limit the month's sessions and people set."""
    problems: list[Problem] = []
    assigns = inp.overrides.assign

    def report(index: int, rule: str, detail: str) -> None:
        problems.append(assign_problem(inp, index, rule, detail))

    usable: list[int] = []
    for index, entry in enumerate(assigns):
        problem = override_problem(inp, entry)
        if problem:
            report(index, problem.rule, problem.detail)
        else:
            usable.append(index)
    days: dict[str, set[date]] = {}
    functions: dict[tuple[str, date], dict[str, int]] = {}
    counsellors: dict[date, set[str]] = {}
    for index in usable:
        entry = assigns[index]
        days.setdefault(entry.volunteer, set()).add(entry.date)
        functions.setdefault((entry.volunteer, entry.date), {}).setdefault(_function(entry), index)
        open_day = any(s.kind == "open_hours" for s in inp.sessions_on(entry.date))
        if open_day and entry.role in ("counsellor", "lead"):
            counsellors.setdefault(entry.date, set()).add(entry.volunteer)
    for pid, dates in sorted(days.items()):
        person = inp.person(pid)
        if len(dates) > person.max_per_month:
            first = min(i for i in usable if assigns[i].volunteer == pid)
            report(
                first,
                "max_per_month",
                f"the overrides put {pid} on duty on {len(dates)} days, more than "
                f"max_per_month ({person.max_per_month})",
            )
        if person.hours_per_month is not None:
            minutes = sum(
                max((s.minutes for s in inp.sessions_on(day) if s.kind == "open_hours"), default=0)
                for day in dates
            )
            if minutes > round(person.hours_per_month * 60):
                first = min(i for i in usable if assigns[i].volunteer == pid)
                report(
                    first,
                    "hours_per_month",
                    f"the overrides give {pid} {minutes / 60:g} hours of open hours, more than "
                    f"hours_per_month ({person.hours_per_month:g})",
                )
    for (pid, day), kinds in sorted(functions.items()):
        if len(kinds) > 1:
            report(
                max(kinds.values()),
                "one_function",
                f"{pid} is also assigned as {min(kinds, key=lambda k: kinds[k])} on {day_text(day)}",
            )
    for day, people in sorted(counsellors.items()):
        for session in inp.sessions_on(day):
            if session.kind != "open_hours":
                continue
            rule = inp.open_rule(session.id)
            if len(people) > rule.counsellors.max:
                index = max(i for i in usable if assigns[i].date == day)
                report(
                    index,
                    "counsellors_max",
                    f"the overrides put {len(people)} counsellors into the session, more than "
                    f"counsellors.max ({rule.counsellors.max})",
                )
            if all(inp.person(p).trainee for p in people):
                experienced = [
                    p.id
                    for p in inp.people
                    if can_counsel(p) and not p.trainee and inp.availability.can(p.id, day)
                ]
                if not experienced:
                    index = min(i for i in usable if assigns[i].date == day)
                    report(
                        index,
                        "trainee_not_alone",
                        f"no experienced counsellor can come on {day_text(day)} to work beside "
                        f"the trainee {', '.join(sorted(people))}",
                    )
    return problems


def _kept_problems(inp: MonthInput) -> list[Problem]:
    previous = inp.previous
    if previous is None:
        return []
    file = f"rotas/{inp.month}.json"
    tail = "Sessions before --today are kept as planned: fix the office data or plan with --fresh."
    problems: list[Problem] = []

    def report(day: date, rule: str, detail: str) -> None:
        problems.append(
            Problem(
                file,
                None,
                "",
                f"the existing plan's session on {day_text(day)} {broken(rule, detail)}. {tail}",
            )
        )

    requests = {item.key: item for item in inp.appointments}
    placed: dict[str, str] = {}
    for fact in previous.facts:
        if fact.date >= inp.as_of:
            continue
        if fact.kind in ("staff", "lead", "place") and not inp.has_session(fact.session):
            report(
                fact.date, "availability", f"session {fact.session} is no longer in the calendar"
            )
            continue
        if fact.kind == "place":
            item = requests.get(fact.subject)
            options = {o.session: o for o in inp.options(fact.subject)} if item else {}
            if item is None:
                report(
                    fact.date,
                    "appointment",
                    f"appointment {fact.subject} is no longer in appointments/{inp.month}.yaml",
                )
            elif fact.session not in options:
                report(
                    fact.date,
                    "appointment",
                    f"{fact.subject} can no longer take place in that session",
                )
            placed[fact.subject] = fact.session
            continue
        pid = fact.subject if fact.kind in ("staff", "lead") else fact.detail
        if not inp.knows(pid):
            report(fact.date, "qualification", f"{pid} is no longer in volunteers.yaml")
            continue
        status = inp.availability.status(pid, fact.date)
        if not status.can:
            report(fact.date, "availability", f"{pid} {status.reason}")
            continue
        person = inp.person(pid)
        if fact.kind == "lead" and not can_lead(person):
            report(fact.date, "qualification", f"{pid} can no longer take lead duty")
        elif fact.kind == "staff":
            role, _, language = fact.detail.partition(":")
            ok = (
                can_interpret(person, language)
                if role == "interpreter"
                else can_counsel_in(person, language)
                if language
                else can_counsel(person)
            )
            if not ok:
                report(fact.date, "qualification", f"{pid} can no longer be {fact.detail}")
        elif fact.kind in ("counsellor", "second_counsellor") and not can_counsel(person):
            report(fact.date, "qualification", f"{pid} can no longer counsel {fact.subject}")
        elif fact.kind == "interpreter":
            item = requests.get(fact.subject)
            if item is not None and not can_interpret(person, item.request.language):
                report(fact.date, "qualification", f"{pid} can no longer interpret {fact.subject}")
    return problems


def check_forced(inp: MonthInput) -> None:
    """Raise :class:`RosterError` naming the rule when an override or a kept session
    breaks a hard rule on its own."""
    problems = _override_problems(inp) + _kept_problems(inp)
    if problems:
        raise forced_error(inp, problems)


def diagnose(inp: MonthInput, time_limit: float = 30.0) -> RosterError:
    """Name the overrides and hard rules that together make the month impossible."""
    built = build_model(inp, diagnose=True)
    literals = [*built.family_literals.items(), *built.override_literals.items()]
    built.model.add_assumptions([var for _, var in literals])
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = time_limit
    status = solver.solve(built.model)
    if status != cp_model.INFEASIBLE:
        return RosterError(
            f"No plan for {inp.month} can follow every override and kept session, and the "
            "clash could not be narrowed down. Remove overrides one by one to find it."
        )
    core = set(solver.sufficient_assumptions_for_infeasibility())
    families = [name for name, var in built.family_literals.items() if var.index in core]
    overrides = [index for index, var in built.override_literals.items() if var.index in core]
    assigns = inp.overrides.assign
    problems = [
        Problem(f"overrides/{inp.month}.yaml", None, f"assign[{index}]", describe(assigns[index]))
        for index in overrides
    ]
    rules = ", ".join(f"{name} ({HARD_RULES[name]})" for name in families) or "the hard rules"
    if len(overrides) == 1:
        what = "This override breaks"
    elif overrides:
        what = "These overrides together break"
    else:
        what = "The sessions kept from the existing plan break"
    return RosterError(
        f"No plan for {inp.month} can follow every override and kept session. {what}: "
        f"{rules}. Remove or change one of them.",
        problems,
    )
