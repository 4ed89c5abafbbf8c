"""The month's plan as the CLI uses it: plan, verify and explain an office folder.

``plan_month`` loads the office, reads the earlier months' plans in ``rotas/`` (for
fairness) and the month's existing plan (for stability), solves, checks the result with
the solver-free checker and writes ``rotas/YYYY-MM.json`` atomically. The functions
here read and write files; the planning itself lives in the ``solver`` package.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from roster.errors import RosterError
from roster.loading import OfficeData, load_office
from roster.month import Month
from roster.plan import Plan, plan_path, read_plan, write_plan
from solver.checker import CheckReport, check_plan
from solver.explain import explain_text
from solver.history import History, load_history
from solver.month_input import month_input
from solver.plan_build import input_digest
from solver.solve import Progress, solve_month
from solver.wording import short_day

if TYPE_CHECKING:
    from roster.demo import DemoReport


def _existing(folder: Path, month: Month) -> Plan | None:
    path = plan_path(folder, month)
    if not path.is_file():
        return None
    try:
        plan = read_plan(path)
    except RosterError as exc:
        raise RosterError(
            f"{exc} To replace it, plan with --fresh (the unreadable file is overwritten)."
        ) from None
    if plan.month != str(month):
        raise RosterError(
            f"{path} holds the plan of {plan.month}, not {month}. Rename or remove it, "
            "or plan with --fresh."
        )
    return plan


def _unchanged(data: OfficeData, history: History, month: Month, plan: Plan, today: date) -> bool:
    """Whether ``plan`` was made from exactly these inputs and ``today``, proven optimal."""
    inputs = {**data.digest_files(month), **history.files}
    return (
        plan.as_of == today
        and plan.input_digest == input_digest(inputs)
        and plan.solver.status == "optimal"
        and plan.solver.deterministic
    )


def plan_month(
    folder: Path,
    month: Month,
    *,
    today: date,
    time_limit: float = 10.0,
    fresh: bool = False,
    fast: bool = False,
    progress: Progress | None = None,
) -> tuple[Plan, Path]:
    """Plan ``month`` of the office in ``folder`` and write ``rotas/YYYY-MM.json``.

    With an existing plan (and not ``fresh``), sessions before ``today`` are kept as they
    were and later ones change as little as possible. A plan already made from the same
    files and ``today`` and proven optimal is kept as it is, so planning twice gives the
    same bytes. Raises :class:`RosterError` for bad input or overrides that break a hard
    rule; nothing is written then.
    """
    if time_limit <= 0:
        raise RosterError(f"--time-limit must be more than 0 seconds, not {time_limit:g}.")
    folder = Path(folder)
    data = load_office(folder)
    history = load_history(folder, month)
    previous = None if fresh else _existing(folder, month)
    path = plan_path(folder, month)
    if previous is not None and _unchanged(data, history, month, previous, today):
        if progress is not None:
            progress(0.0, previous.solver.objective, previous.solver.bound)
        return previous, path
    plan = solve_month(
        data,
        month,
        today=today,
        history=history,
        previous=previous,
        time_limit=time_limit,
        fast=fast,
        progress=progress,
    )
    report = check_plan(data, plan, history)
    if not report.ok:
        lines = "\n".join(f"  - {violation}" for violation in report.violations)
        raise RuntimeError(
            "internal error: the plan breaks rules the model should keep; nothing was "
            f"written. Please report this with the office folder.\n{lines}"
        )
    return plan, write_plan(folder, plan)


def verify_month(folder: Path, month: Month) -> CheckReport:
    """Check ``rotas/YYYY-MM.json`` against the office as it is now (solver-free)."""
    folder = Path(folder)
    data = load_office(folder)
    plan = read_plan(plan_path(folder, month))
    return check_plan(data, plan, load_history(folder, month))


def explain_month(folder: Path, month: Month) -> str:
    """Every uncovered need and unscheduled appointment of the month's plan, with the
    candidates considered and why each did not take it."""
    folder = Path(folder)
    data = load_office(folder)
    plan = read_plan(plan_path(folder, month))
    history = load_history(folder, month)
    inp = month_input(data, month, as_of=plan.as_of, history=history, previous=plan.previous)
    return explain_text(inp, plan)


@dataclass(frozen=True)
class PlanNumbers:
    """The figures of a plan's summary."""

    sessions: int
    open_hours: int
    appointment_hours: int
    staffed: int
    language_units_uncovered: int
    other_needs_uncovered: int
    scheduled: int
    unscheduled: int
    spread: float


def plan_numbers(plan: Plan) -> PlanNumbers:
    """Count what a plan covers and leaves open."""
    return PlanNumbers(
        sessions=len(plan.sessions),
        open_hours=sum(1 for s in plan.sessions if s.kind == "open_hours"),
        appointment_hours=sum(1 for s in plan.sessions if s.kind == "appointments"),
        staffed=sum(1 for s in plan.sessions if s.staff),
        language_units_uncovered=sum(
            u.missing for s in plan.sessions for u in s.uncovered if u.need == "language"
        ),
        other_needs_uncovered=sum(
            u.missing for s in plan.sessions for u in s.uncovered if u.need != "language"
        ),
        scheduled=len(plan.appointments),
        unscheduled=len(plan.unscheduled),
        spread=plan.fairness.spread,
    )


def plan_summary(plan: Plan, path: Path) -> str:
    """The short summary `roster plan` prints."""
    numbers = plan_numbers(plan)
    lines = [f"Plan for {plan.month} written to {path}"]
    lines.append(
        f"  sessions staffed:      {numbers.staffed} of {numbers.sessions} "
        f"({numbers.open_hours} open hours, {numbers.appointment_hours} appointment hours)"
    )
    uncovered: dict[str, list[str]] = {}
    for session in plan.sessions:
        for item in session.uncovered:
            if item.need == "language" and item.language:
                uncovered.setdefault(item.language, []).append(short_day(session.date))
    if uncovered:
        detail = ", ".join(f"{code} {'/'.join(days)}" for code, days in sorted(uncovered.items()))
        lines.append(
            f"  languages uncovered:   {numbers.language_units_uncovered} interpreter units "
            f"({detail})"
        )
    else:
        lines.append("  languages uncovered:   none")
    others = [
        f"{item.need} {short_day(session.date)}"
        for session in plan.sessions
        for item in session.uncovered
        if item.need != "language"
    ]
    lines.append(
        f"  counsellors, leads:    {', '.join(others) + ' missing' if others else 'all met'}"
    )
    lines.append(
        f"  appointments:          {numbers.scheduled} scheduled, {numbers.unscheduled} unscheduled"
        + (f" ({', '.join(u.key for u in plan.unscheduled)})" if plan.unscheduled else "")
    )
    lines.append(
        f"  fairness spread:       {numbers.spread:g} duties per offered date "
        f"(window {', '.join(plan.fairness.window)})"
    )
    parts = ", ".join(f"{p.name} {p.value:,.0f}" for p in plan.score.penalties if p.value)
    lines.append(
        f"  penalty:               {plan.score.total:,.0f}" + (f" ({parts})" if parts else "")
    )
    facts = plan.solver
    timing = "deterministic time" if facts.deterministic else "seconds"
    status = (
        "optimal (proven best)"
        if facts.status == "optimal"
        else f"{facts.status}, at most {facts.gap:.1%} above the best possible (bound {facts.bound:,.0f})"
    )
    lines.append(
        f"  solver:                {status}; {facts.seconds:g} {timing}, {facts.workers} "
        f"worker{'s' if facts.workers != 1 else ''}, seed {facts.seed}"
    )
    if numbers.language_units_uncovered or numbers.other_needs_uncovered or numbers.unscheduled:
        lines.append(f"Reasons: roster explain {path.parent.parent} --month {plan.month}")
    return "\n".join(lines)


def verify_text(report: CheckReport, path: Path) -> str:
    """What `roster verify` prints."""
    if report.ok:
        return (
            f"{path}: every hard rule holds and the reported figures match "
            f"(penalty {report.total:,.0f})."
        )
    lines = [
        f"{path}: {len(report.violations)} violation{'s' if len(report.violations) > 1 else ''}:"
    ]
    lines.extend(f"  - {violation}" for violation in report.violations)
    return "\n".join(lines)


def demo_plan(data: OfficeData, report: DemoReport) -> None:
    """The plan step of `roster demo`: plan the demo month as of the day before it starts
    (so that re-planning keeps no session as past) and summarise it."""
    today = report.month.first - timedelta(days=1)
    plan, path = plan_month(data.folder, report.month, today=today)
    report.sections.append("== plan ==\n" + plan_summary(plan, path))
    report.written.append(path)
    report.hints.append(f"Why needs stay open: roster explain {data.folder} --month {report.month}")


__all__ = [
    "PlanNumbers",
    "demo_plan",
    "explain_month",
    "plan_month",
    "plan_numbers",
    "plan_summary",
    "verify_month",
    "verify_text",
]
