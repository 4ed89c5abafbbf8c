"""A give-back that waits for the lead (``volunteers.give_back: ask_lead``, issue 15): the
gap shows at once.

:func:`gap_for` takes the volunteer out of their open-hours session in the month's plan
*without* filling the place: nothing else moves. What follows from the assignments (the
session's uncovered needs, the load, fairness and score) is worked out again as the
solver does it (:func:`solver.plan_build.finish`); the new gap's reason says the duty was
given back, every other session keeps its reasons. The independent checker must find no rule
broken by the change before the caller writes the plan (atomically, under the folder lock). The
plan keeps the inputs it was made from: the month's files changed since (the absence is
written as an override), so the next plan (the lead's confirmation,
:func:`fill_gap`) solves again, with stability, instead of keeping this plan.

An appointment session is not touched here: its staff follow from its appointments, and
the lead plans it (the request waits as before).
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime

from roster.app.adjust import TIME_LIMIT
from roster.app.adjust_models import ChangeResult
from roster.app.adjust_words import Words
from roster.app.changelog import record_change
from roster.app.clock import office_today
from roster.app.plan_diff import plan_diff
from roster.app.planning import plan_office
from roster.checking import check_plan
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.planfile.history import load_history
from roster.planfile.io import plan_path, read_plan
from roster.planfile.schema import Plan, PlanSession, SolverFacts, Uncovered
from roster.wording.catalogue import text
from solver.month_input import month_input
from solver.plan_build import finish
from solver.proof import gap_of


def _reasons(before: PlanSession, after: list[Uncovered], reason: str) -> list[Uncovered]:
    """The session's gaps after the give-back: a gap that was there before, as large,
    keeps its reason; a new or larger one says the duty was given back."""
    kept = {(gap.need, gap.language, gap.missing): gap for gap in before.uncovered}
    return [
        kept.get((gap.need, gap.language, gap.missing), gap.model_copy(update={"reason": reason}))
        for gap in after
    ]


def _facts_after(plan: Plan, penalty: float) -> SolverFacts | None:
    """The solver's facts of a plan with a duty given back: its penalty is the new score,
    no longer proven the best (the bound still holds: it holds for every plan)."""
    facts = plan.solver
    if facts is None:
        return None
    status = facts.status if penalty <= facts.objective else "feasible"
    return facts.model_copy(
        update={"objective": penalty, "status": status, "gap": gap_of(penalty, facts.bound)}
    )


def gap_plan(data: OfficeData, plan: Plan, session_id: str, volunteer: str, *, locale: str) -> Plan:
    """``plan`` with ``volunteer`` out of the session ``session_id`` and nobody in their
    place; checked by the independent checker (:class:`RosterError` in ``locale`` when
    the change breaks a rule the plan kept: nothing is to be written then). ``data`` is
    the office as it will be saved."""
    month = Month.parse(plan.month)
    history = load_history(data.folder, month)
    sessions = [
        session.model_copy(update={"staff": [e for e in session.staff if e.volunteer != volunteer]})
        if session.id == session_id
        else session
        for session in plan.sessions
    ]
    inp = month_input(data, month, as_of=plan.as_of, history=history, previous=plan.previous)
    figures = finish(inp, plan.model_copy(update={"sessions": sessions}), explain=False)
    reason = text(plan.locale, "volunteer.duty_gap_reason")
    before = {session.id: session for session in plan.sessions}
    changed = plan.model_copy(
        update={
            "sessions": [
                session.model_copy(
                    update={
                        "uncovered": _reasons(before[session.id], session.uncovered, reason)
                        if session.id == session_id
                        else before[session.id].uncovered
                    }
                )
                for session in figures.sessions
            ],
            "load": figures.load,
            "fairness": figures.fairness,
            "score": figures.score,
            "solver": _facts_after(plan, figures.score.total),
        }
    )
    broken = {str(violation) for violation in check_plan(data, changed, history).violations}
    if broken:
        # A rule the plan broke already (an override written after planning) is the
        # lead's to solve by planning again; the gap itself must break none.
        broken -= {str(violation) for violation in check_plan(data, plan, history).violations}
    if broken:
        raise RosterError(text(locale, "volunteer.duty_gap_refused"))
    return changed


def gap_for(data: OfficeData, volunteer: str, day: dt.date, *, locale: str) -> Plan | None:
    """The month's plan with ``volunteer`` out of their open-hours session on ``day`` and
    a gap in their place (:func:`gap_plan`), to be written by the caller; None when there
    is no plan or the duty is in an appointment session. ``data``: the office as it will
    be saved (with the absence)."""
    path = plan_path(data.folder, Month.of(day))
    if not path.is_file():
        return None
    plan = read_plan(path)
    for session in plan.sessions:
        on_duty = any(entry.volunteer == volunteer for entry in session.staff)
        if session.date == day and session.kind == "open_hours" and on_duty:
            return gap_plan(data, plan, session.id, volunteer, locale=locale)
    return None


def fill_gap(
    data: OfficeData,
    date: dt.date,
    /,
    *,
    words: Words,
    who: str,
    now: datetime | None,
    lock_wait: float | None,
    **params: str,
) -> ChangeResult:
    """The lead confirms a give-back whose gap is open: the month is planned again with
    stability (sessions before today stay, the rest changes as little as possible) and the
    change recorded. Call it under the folder lock."""
    month = Month.of(date)
    path = plan_path(data.folder, month)
    before = read_plan(path) if path.is_file() else None
    today = office_today(data.office, now)
    try:
        planned = plan_office(data, month, today=today, time_limit=TIME_LIMIT)
    except RosterError:
        raise RosterError(words.t("adjust_replan_failed")) from None
    key = "volunteer.duty_change_gap_filled"
    record_change(data.folder, who, key, month=month, now=now, lock_wait=lock_wait, **params)
    return ChangeResult(
        month=str(month),
        date=date,
        what=text(words.locale, key, **params),
        changes=[words.session_change(item) for item in plan_diff(before, planned.plan)],
        can_undo=False,
    )


__all__ = ["fill_gap", "gap_for", "gap_plan"]
