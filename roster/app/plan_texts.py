"""What the CLI prints after planning and verifying: the notes before planning, the plan's
summary and the checker's verdict."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from roster.app.summaries import note_text
from roster.checking import CheckReport
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.planfile.schema import Plan
from roster.wording.catalogue import text
from roster.wording.dates import date_text
from roster.wording.explanations import short_day


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


def has_poll(data: OfficeData, month: Month) -> bool:
    """Whether anybody answered the month's poll."""
    return bool(data.availability.get(month))


def plan_notes(data: OfficeData, month: Month) -> tuple[str, ...]:
    """What the office lead should know before reading the month's plan, in the office's
    language: that nobody took part in the poll (the plan follows the usual weekdays), and
    the notes about the month's files (read as Windows text, or not read)."""
    locale = data.office.locale
    notes = [note_text(note, locale) for note in data.notes_of(month)]
    if not has_poll(data, month):
        name = date_text(month.first, "LLLL yyyy", locale)
        notes.insert(0, text(locale, "summary.no_poll", month=name))
    return tuple(notes)


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
