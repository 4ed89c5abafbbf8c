"""Whether an office lead's ``assign`` override can be met at all, and why not.

One decision, asked by everyone on the solver side who handles overrides: the pre-check
before solving (:mod:`solver.forced`), the model's override constraints
(:func:`solver.hard.overrides`) and the greedy fills (:mod:`solver.paper_rota`). An
override can be met when its volunteer is in the team, a session on its date can take
the role, the volunteer can come that day, is qualified for the role, and the session
is not kept from an existing plan. Whether it still fits beside the rest of the plan
(limits, other overrides) is for the caller: the pre-check counts, the model solves,
the greedy tries.

The file-level checks of the overrides (ids, dates, language codes) are input
validation and stay with the folder (:mod:`roster.folder.cross_checks`). Nothing here
imports CP-SAT.
"""

from __future__ import annotations

from dataclasses import dataclass

from roster.domain.errors import Problem, RosterError
from roster.domain.requests import Assign
from roster.wording.explanations import day_text, language_text, short_day
from solver.availability import (
    can_counsel,
    can_counsel_in,
    can_interpret,
    can_lead,
    cannot_cover_reason,
)
from solver.month_input import MonthInput
from solver.rules import HARD_RULES


@dataclass(frozen=True)
class OverrideProblem:
    """Why an override cannot be met: the hard rule it breaks and the detail, in plain words."""

    rule: str
    detail: str


def override_problem(inp: MonthInput, entry: Assign) -> OverrideProblem | None:
    """Why ``entry`` cannot be met whatever else the plan holds, or None when it can."""
    if not inp.knows(entry.volunteer):
        return OverrideProblem("qualification", f"{entry.volunteer} is not in volunteers.yaml")
    session = _session_problem(inp, entry)
    if session:
        return OverrideProblem("availability", session)
    status = inp.availability.status(entry.volunteer, entry.date)
    if not status.can:
        return OverrideProblem("availability", f"{entry.volunteer} {status.reason}")
    qualification = _qualification(inp, entry)
    if qualification:
        return OverrideProblem("qualification", qualification)
    if any(inp.is_kept(s) for s in inp.sessions_on(entry.date)):
        return OverrideProblem(
            "kept_sessions",
            f"the session lies before {short_day(inp.as_of)} (--today) and is kept as "
            "planned; plan with --fresh to change it",
        )
    return None


def describe(entry: Assign) -> str:
    """``v05 as counsellor on Thu 3 Dec``."""
    language = f" ({entry.language})" if entry.language else ""
    return f"{entry.volunteer} as {entry.role}{language} on {day_text(entry.date)}"


def broken(rule: str, detail: str) -> str:
    """``breaks the hard rule RULE (what it says): DETAIL``."""
    return f"breaks the hard rule {rule} ({HARD_RULES.get(rule, rule)}): {detail}"


def assign_problem(inp: MonthInput, index: int, rule: str, detail: str) -> Problem:
    """``assign[index]`` of the month's overrides file breaks ``rule``, as the office lead
    reads it: the file, the entry, the override and the rule."""
    entry = inp.overrides.assign[index]
    return Problem(
        f"overrides/{inp.month}.yaml",
        None,
        f"assign[{index}]",
        f"{describe(entry)} {broken(rule, detail)}",
    )


def forced_error(inp: MonthInput, problems: list[Problem]) -> RosterError:
    """The error that stops planning when overrides or kept sessions break a hard rule."""
    return RosterError(
        f"No plan for {inp.month} can follow every override and kept session "
        f"({len(problems)} problem{'s' if len(problems) > 1 else ''}):",
        problems,
    )


def _qualification(inp: MonthInput, entry: Assign) -> str | None:
    person = inp.person(entry.volunteer)
    pid = person.id
    if entry.role == "lead":
        if not person.leads():
            return f"{pid} does not have the role lead"
        if not can_lead(person):
            return f"{pid} has the role lead but does not counsel"
        return None
    if entry.role == "counsellor":
        if not can_counsel(person):
            return f"{pid} is neither counsellor nor social worker"
        if entry.language and not can_counsel_in(person, entry.language):
            name = language_text(inp.data.office, entry.language)
            return f"{pid} does not speak {name} fluent or better"
        return None
    language = entry.language or ""
    if can_interpret(person, language):
        return None
    if not person.interprets():
        return f"{pid} does not have the role interpreter"
    reason = cannot_cover_reason(person, language, language_text(inp.data.office, language))
    return f"{pid} {reason or 'cannot interpret it'}"


def _session_problem(inp: MonthInput, entry: Assign) -> str | None:
    sessions = inp.sessions_on(entry.date)
    if not sessions:
        closed = [c.reason for c in inp.calendar.closed if c.date == entry.date]
        if closed:
            return (
                f"there is no session on {day_text(entry.date)}: the office is closed ({closed[0]})"
            )
        return f"there is no session on {day_text(entry.date)}"
    kinds = {s.kind for s in sessions}
    if entry.role == "lead" and "open_hours" not in kinds:
        return f"lead duty exists in open hours only, and {day_text(entry.date)} has none"
    if "open_hours" not in kinds and entry.role == "interpreter":
        fitting = [
            item
            for item in inp.appointments
            if item.request.language == entry.language
            and any(inp.session(o.session).date == entry.date for o in inp.options(item.key))
        ]
        if not fitting:
            name = language_text(inp.data.office, entry.language or "")
            return f"no appointment in {name} can take place on {day_text(entry.date)}"
    if "open_hours" not in kinds and entry.role == "counsellor":
        fitting = [
            item
            for item in inp.appointments
            if any(inp.session(o.session).date == entry.date for o in inp.options(item.key))
        ]
        if not fitting:
            return f"no appointment can take place on {day_text(entry.date)}"
    return None
