"""What the CLI prints after planning and verifying: the notes before planning, the plan's
summary, the progress lines and the checker's verdict, in the office's locale (or the one
asked for). Every word comes from the catalogue (``command.*``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from roster.app.summaries import note_text
from roster.checking import CheckReport
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.planfile.index import unrequested_sessions
from roster.planfile.schema import Plan
from roster.wording.catalogue import plural, text
from roster.wording.dates import date_text, number_text, percent_text
from roster.wording.explanations import Wording
from solver.proof import claim

ProgressLine = Callable[[str], None]
"""Where `roster plan` shows each better plan found: one line in the office's words."""


@dataclass(frozen=True)
class PlanNumbers:
    """The figures of a plan's summary."""

    sessions: int
    open_hours: int
    appointment_hours: int
    needed: int
    """Sessions that need someone: open hours, and appointment hours with requests."""
    staffed: int
    """Of those, the sessions with someone on duty."""
    unrequested: int
    """Appointment hours no appointment was requested for: they need nobody."""
    language_units_uncovered: int
    other_needs_uncovered: int
    scheduled: int
    unscheduled: int
    spread: float


def plan_numbers(plan: Plan) -> PlanNumbers:
    """Count what a plan covers and leaves open."""
    idle = {session.id for session in unrequested_sessions(plan)}
    needed = [s for s in plan.sessions if s.id not in idle]
    return PlanNumbers(
        sessions=len(plan.sessions),
        open_hours=sum(1 for s in needed if s.kind == "open_hours"),
        appointment_hours=sum(1 for s in needed if s.kind == "appointments"),
        needed=len(needed),
        staffed=sum(1 for s in needed if s.staff),
        unrequested=len(idle),
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


def month_name(month: Month | str, locale: str) -> str:
    """``Dezember 2026``."""
    return date_text(Month.parse(str(month)).first, "LLLL yyyy", locale)


def plan_notes(data: OfficeData, month: Month, locale: str | None = None) -> tuple[str, ...]:
    """What the office lead should know before reading the month's plan, in the office's
    language: that nobody took part in the poll (the plan follows the usual weekdays), and
    the notes about the month's files (read as Windows text, or not read)."""
    locale = locale or data.office.locale
    notes = [note_text(note, locale) for note in data.notes_of(month)]
    if not has_poll(data, month):
        notes.insert(0, text(locale, "summary.no_poll", month=month_name(month, locale)))
    return tuple(notes)


def _say(locale: str, key: str, /, **values: object) -> str:
    return text(locale, f"command.{key}", **values)


def whole(value: float, locale: str) -> str:
    """``143,090``, ``143.090``."""
    return number_text(value, "#,##0", locale)


def status_text(plan: Plan, words: Wording) -> str:
    """How good the plan is: proven the best, within a gap of the best, or the simple rule;
    within which model restrictions that is proven, and whether it is the starting plan."""
    return claim(plan.solver, words.locale, percent_text(plan.solver.gap, words.locale))


def _months(plan: Plan, locale: str) -> str:
    window = plan.fairness.window or [plan.month]
    first, last = month_name(window[0], locale), month_name(window[-1], locale)
    return first if first == last else f"{first} \N{EN DASH} {last}"


def _uncovered(plan: Plan, words: Wording) -> tuple[str, str]:
    """The interpreters missing, by language; the other needs missing, by date."""
    locale = words.locale
    days: dict[str, list[str]] = {}
    for session in plan.sessions:
        for item in session.uncovered:
            if item.need == "language" and item.language:
                days.setdefault(words.language(item.language), []).append(
                    words.short_day(session.date)
                )
    detail = "; ".join(f"{name}: {words.and_list(shown)}" for name, shown in sorted(days.items()))
    interpreters = (
        _say(
            locale,
            "interpreters_missing",
            count=plan_numbers(plan).language_units_uncovered,
            detail=detail,
        )
        if days
        else _say(locale, "none")
    )
    others = [
        f"{text(locale, 'term.counselling' if item.need == 'counsellors' else 'term.lead_duty')} "
        f"{words.short_day(session.date)}"
        for session in plan.sessions
        for item in session.uncovered
        if item.need != "language"
    ]
    other = (
        _say(locale, "others_missing", detail=", ".join(others))
        if others
        else _say(locale, "all_staffed")
    )
    return interpreters, other


def plan_summary(plan: Plan, path: Path, data: OfficeData, locale: str | None = None) -> str:
    """The short summary `roster plan` prints, in ``locale`` (default: the office's)."""
    locale = locale or data.office.locale
    words = Wording.of(locale, data.office)
    numbers = plan_numbers(plan)
    interpreters, others = _uncovered(plan, words)
    rows = [
        (
            _say(locale, "row_staffed"),
            _say(
                locale,
                "staffed",
                staffed=numbers.staffed,
                needed=numbers.needed,
                open=plural(locale, "command.open", numbers.open_hours),
                appointment=plural(locale, "command.appointment_hours", numbers.appointment_hours),
            ),
        )
    ]
    idle = unrequested_sessions(plan)
    if idle:
        rows.append(
            (
                _say(locale, "row_unrequested"),
                ", ".join(f"{words.day(s.date)} ({s.name})" for s in idle),
            )
        )
    appointments = _say(
        locale, "appointments", scheduled=numbers.scheduled, unscheduled=numbers.unscheduled
    )
    if plan.unscheduled:
        appointments += f" ({', '.join(u.key for u in plan.unscheduled)})"
    parts = ", ".join(
        f"{_say(locale, f'penalty_{p.name}')} {whole(p.value, locale)}"
        for p in plan.score.penalties
        if p.value
    )
    rows += [
        (_say(locale, "row_interpreters"), interpreters),
        (_say(locale, "row_others"), others),
        (_say(locale, "row_appointments"), appointments),
        (
            _say(locale, "row_fairness"),
            _say(
                locale,
                "fairness",
                value=number_text(numbers.spread, "0.##", locale),
                months=_months(plan, locale),
            ),
        ),
        (
            _say(locale, "row_penalty"),
            whole(plan.score.total, locale) + (f" ({parts})" if parts else ""),
        ),
        (_say(locale, "row_search"), status_text(plan, words)),
    ]
    width = max(len(label) for label, _ in rows) + 1
    lines = [
        _say(locale, "plan_done", month=month_name(plan.month, locale)),
        "  " + _say(locale, "file", path=path),
    ]
    lines.extend(f"  {label + ':':<{width}} {value}" for label, value in rows)
    if numbers.language_units_uncovered or numbers.other_needs_uncovered or numbers.unscheduled:
        command = f"roster explain {path.parent.parent} --month {plan.month}"
        lines.append(_say(locale, "reasons", command=command))
    return "\n".join(lines)


def progress_text(seconds: float, objective: float, bound: float, locale: str) -> str:
    """One progress line of `roster plan`: time, the better plan's penalty, the bound."""
    return _say(
        locale,
        "progress",
        seconds=number_text(seconds, "#,##0.00", locale).rjust(7),
        objective=whole(objective, locale),
        bound=whole(bound, locale),
    )


def verify_text(report: CheckReport, locale: str, data: OfficeData) -> str:
    """What `roster verify` prints, in ``locale``."""
    month = month_name(report.plan.month, locale)
    if report.ok:
        return _say(locale, "verify_ok", month=month, total=whole(report.total, locale))
    lines = [plural(locale, "command.verify_broken", len(report.violations), month=month)]
    lines.extend(f"  - {violation.text(locale, data)}" for violation in report.violations)
    return "\n".join(lines)
