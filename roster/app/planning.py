"""The month's plan: plan, verify and explain an office folder.

``plan_month`` loads the office, reads the earlier months' plans in ``rotas/`` (for
fairness) and the month's existing plan (for stability), solves, checks the result with
the independent checker (:mod:`roster.checking`), which must find every hard rule kept
and recompute the solver's objective term by term, and writes ``rotas/YYYY-MM.json``
atomically. The functions here read and write files; the planning itself lives in the
``solver`` package.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from roster.app.clock import month_or_next, parse_day
from roster.app.guard import reading, writing
from roster.app.plan_texts import (
    ProgressLine,
    has_poll,
    plan_notes,
    plan_summary,
    progress_text,
    verify_text,
)
from roster.checking import CheckReport, check_plan
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office
from roster.planfile.history import History, load_history
from roster.planfile.io import plan_path, read_plan, write_plan
from roster.planfile.schema import Plan
from solver.explain import explain_text
from solver.month_input import month_input
from solver.plan_build import input_digest
from solver.solve import Progress, solve_month_terms


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


@dataclass(frozen=True)
class Planned:
    """A month's plan, written to its file, and what to know before reading it."""

    plan: Plan
    path: Path
    polled: bool = True
    """Whether anybody took part in the month's poll (without: the usual weekdays)."""
    notes: tuple[str, ...] = ()
    """Lines in the office's language shown before the plan: no poll, files read by a
    guess or not read."""
    summary: str = ""
    """The plan's summary, in the office's language (or the one asked for)."""

    def text(self) -> str:
        """What `roster plan` prints: the notes, then the plan's summary."""
        return "\n".join([*self.notes, self.summary])


def plan_month(
    folder: Path,
    month: Month | str | None = None,
    *,
    today: date | str | None = None,
    now: datetime | None = None,
    time_limit: float = 10.0,
    fresh: bool = False,
    fast: bool = False,
    progress: Progress | None = None,
    progress_line: ProgressLine | None = None,
    locale: str | None = None,
) -> Planned:
    """Plan ``month`` (default: next month) of the office in ``folder`` and write
    ``rotas/YYYY-MM.json``.

    With an existing plan (and not ``fresh``), sessions before ``today`` (default: today in
    the office's zone) are kept as they were and later ones change as little as possible.
    A plan already made from the same files and ``today`` and proven optimal is kept as it
    is, so planning twice gives the same bytes. Raises :class:`RosterError` for bad input
    or overrides that break a hard rule; nothing is written then.

    The notes and the summary are in ``locale`` (default: the office's); each better plan
    found is given to ``progress`` as numbers and to ``progress_line`` as a line in words.
    """
    if time_limit <= 0:
        raise RosterError(f"--time-limit must be more than 0 seconds, not {time_limit:g}.")
    with writing(Path(folder), "roster plan"):
        data = load_office(Path(folder))
        return plan_office(
            data,
            month_or_next(data.office, month, now),
            today=parse_day(today, data.office, now),
            time_limit=time_limit,
            fresh=fresh,
            fast=fast,
            progress=progress,
            progress_line=progress_line,
            locale=locale,
        )


def plan_office(
    data: OfficeData,
    month: Month,
    *,
    today: date,
    time_limit: float = 10.0,
    fresh: bool = False,
    fast: bool = False,
    progress: Progress | None = None,
    progress_line: ProgressLine | None = None,
    locale: str | None = None,
) -> Planned:
    """:func:`plan_month` on an office already loaded."""
    folder = data.folder
    words = locale or data.office.locale
    polled, notes = has_poll(data, month), plan_notes(data, month, words)
    if progress_line is not None:
        progress = _both(progress, progress_line, words)
    history = load_history(folder, month)
    previous = None if fresh else _existing(folder, month)
    path = plan_path(folder, month)
    if previous is not None and _unchanged(data, history, month, previous, today):
        # No solve runs, so there are no objective terms from CP-SAT to compare: what is
        # available is the plan file's objective and its score's terms. The plan is kept
        # only when the checker agrees with both and finds no violation (a plan file
        # edited by hand keeps its input digest); otherwise the month is planned again.
        kept = {p.name: p.value for p in previous.score.penalties}
        if not disagreements(previous, kept, check_plan(data, previous, history)):
            if progress is not None:
                progress(0.0, previous.solver.objective, previous.solver.bound)
            return Planned(previous, path, polled, notes, plan_summary(previous, path, data, words))
    solved = solve_month_terms(
        data,
        month,
        today=today,
        history=history,
        previous=previous,
        time_limit=time_limit,
        fast=fast,
        progress=progress,
    )
    problems = disagreements(
        solved.plan, solved.objective_terms, check_plan(data, solved.plan, history)
    )
    if problems:
        raise RuntimeError(
            "internal error: the solver and the independent checker disagree about the "
            "plan; nothing was written. Please report this with the office folder.\n"
            + "\n".join(problems)
        )
    written = write_plan(folder, solved.plan)
    return Planned(
        solved.plan, written, polled, notes, plan_summary(solved.plan, written, data, words)
    )


def _both(progress: Progress | None, line: ProgressLine, locale: str) -> Progress:
    """A progress callback that also shows each better plan as a line in words."""

    def report(seconds: float, objective: float, bound: float) -> None:
        if progress is not None:
            progress(seconds, objective, bound)
        line(progress_text(seconds, objective, bound, locale))

    return report


def _points(value: float | None) -> str:
    if value is None:
        return "nothing"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4f}"


def objective_differences(
    plan: Plan, objective_terms: Mapping[str, float], report: CheckReport
) -> list[str]:
    """Where the solver's objective and the penalty the checker recomputes from the plan
    differ: each named term (in both directions), then the total."""
    checked = {p.name: p.value for p in report.penalties}
    names = [*checked, *sorted(set(objective_terms) - set(checked))]
    lines = []
    for name in names:
        solver_value, checker_value = objective_terms.get(name), checked.get(name)
        if solver_value != checker_value:
            lines.append(
                f"  - {name}: the solver's objective term is {_points(solver_value)}, the "
                f"checker recomputes {_points(checker_value)}"
            )
    if plan.solver.objective != report.total:
        lines.append(
            f"  - total: the solver's objective is {_points(plan.solver.objective)}, the "
            f"checker recomputes {_points(report.total)}"
        )
    return lines


def disagreements(
    plan: Plan, objective_terms: Mapping[str, float], report: CheckReport
) -> list[str]:
    """Everything the checker does not confirm: the objective's terms that differ from
    its penalties (exactly, per term), a penalty below the proven bound, and the rules it
    finds broken."""
    problems = []
    differences = objective_differences(plan, objective_terms, report)
    if differences:
        problems.append("The objective differs from the recomputed penalty:")
        problems.extend(differences)
    if report.total < plan.solver.bound:
        problems.append(
            f"The checker recomputes a penalty of {_points(report.total)}, below the bound of "
            f"{_points(plan.solver.bound)} the solver proved for every plan of its model."
        )
    if not report.ok:
        problems.append("The plan breaks rules the model should keep:")
        problems.extend(f"  - {violation}" for violation in report.violations)
    return problems


@dataclass(frozen=True)
class Verified:
    """The checker's verdict on a month's plan file."""

    report: CheckReport
    path: Path
    data: OfficeData
    locale: str

    def text(self) -> str:
        """What `roster verify` prints, in the office's language (or the one asked for)."""
        return verify_text(self.report, self.locale, self.data)


def verify_month(
    folder: Path,
    month: Month | str | None = None,
    *,
    now: datetime | None = None,
    locale: str | None = None,
) -> Verified:
    """Check ``rotas/YYYY-MM.json`` against the office as it is now (solver-free)."""
    folder = Path(folder)
    with reading():
        data = load_office(folder)
        month = month_or_next(data.office, month, now)
        path = plan_path(folder, month)
        plan = read_plan(path)
        report = check_plan(data, plan, load_history(folder, month))
        return Verified(report, path, data, locale or data.office.locale)


def explain_month(
    folder: Path,
    month: Month | str | None = None,
    *,
    now: datetime | None = None,
    locale: str | None = None,
) -> str:
    """Every uncovered need and unscheduled appointment of the month's plan, with the
    people considered and why each did not take it, and the appointment hours without
    requests; in ``locale`` (default: the office's)."""
    folder = Path(folder)
    data = load_office(folder)
    month = month_or_next(data.office, month, now)
    plan = read_plan(plan_path(folder, month))
    history = load_history(folder, month)
    inp = month_input(data, month, as_of=plan.as_of, history=history, previous=plan.previous)
    return explain_text(inp, plan, locale)
