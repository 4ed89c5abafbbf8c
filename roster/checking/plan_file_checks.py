"""What a plan file must be besides keeping the hard rules: the month's calendar, true
figures, and no client data.

- ``calendar``: the plan has exactly the month's sessions, at their times;
- ``report``: what the plan reports (needs, what stays uncovered, each volunteer's load,
  the fairness spread, the score, the staff of appointment sessions, trainee marks,
  every request either scheduled or listed as unscheduled) is what follows from its
  assignments and the office folder;
- ``confidentiality``: no appointment note appears in it.
"""

from __future__ import annotations

from collections.abc import Iterator

from roster.checking.checked_month import CheckedMonth
from roster.checking.fairness import fairness_figures, loads
from roster.checking.month_needs import expected_needs, shortfalls
from roster.checking.report import Finding, said
from roster.planfile.schema import Penalty, Score

SHORTEST_NOTE = 4
"""Notes shorter than this (``ok``) are too common to mean a leak."""


def calendar(month: CheckedMonth) -> Iterator[Finding]:
    """The plan has every session of the month's calendar, as the calendar has it, and
    no other."""
    planned = {s.id: s for s in month.plan.sessions}
    for session in month.calendar.sessions:
        got = planned.get(session.id)
        if got is None:
            yield Finding(session.date, said("lacks_session", session=session.id))
        elif (got.date, got.kind, got.start, got.end) != (
            session.date,
            session.kind,
            session.start,
            session.end,
        ):
            kind = said("kind_open" if session.kind == "open_hours" else "kind_appointments")
            yield Finding(
                session.date,
                said(
                    "session_differs",
                    session=session.id,
                    start=session.start,
                    end=session.end,
                    kind=kind,
                ),
            )
    for sid, got in planned.items():
        if sid not in month.sessions:
            yield Finding(got.date, said("extra_session", session=sid))


def confidentiality(month: CheckedMonth) -> Iterator[Finding]:
    """No appointment note appears anywhere in the plan file."""
    text = month.plan.to_json()
    for key, request in month.requests.items():
        note = (request.request.note or "").strip()
        if len(note) >= SHORTEST_NOTE and note in text:
            yield Finding(None, said("note_leak", key=key))


def _staff_and_requests(month: CheckedMonth) -> Iterator[Finding]:
    """Trainee marks, appointment-session staff, and every request accounted for."""
    plan = month.plan
    for open_session in month.open_sessions():
        for entry in open_session.planned.staff:
            if month.team.knows(entry.volunteer):
                trainee = month.team.person(entry.volunteer).trainee
                if entry.trainee != trainee:
                    code = "trainee_marked" if entry.trainee else "trainee_unmarked"
                    yield Finding(open_session.planned.date, said(code, volunteer=entry.volunteer))
    listed = {a.key for a in plan.appointments} | {u.key for u in plan.unscheduled}
    for key in month.requests:
        if key not in listed:
            yield Finding(None, said("not_accounted", key=key))
    for left in plan.unscheduled:
        request = month.requests.get(left.key)
        if request is not None and (left.case, left.language, left.minutes) != (
            request.case,
            request.request.language,
            request.request.minutes,
        ):
            yield Finding(None, said("unscheduled_mismatch", key=left.key))
    functions = month.index.functions
    for session in plan.sessions:
        if session.kind != "appointments":
            continue
        mine = {pid: done for (pid, sid), done in functions.items() if sid == session.id}
        if any(len(done) > 1 for done in mine.values()):
            continue  # the rule one_function names it
        derived = sorted((pid, done[0]) for pid, done in mine.items())
        listed_staff = sorted(
            (e.volunteer, e.role if e.role == "counsellor" else f"interpreter:{e.language}")
            for e in session.staff
        )
        if derived != listed_staff:
            yield Finding(session.date, said("staff_mismatch", session=session.id))


def reported(month: CheckedMonth, penalties: list[Penalty]) -> Iterator[Finding]:
    """The figures the plan reports are those its assignments give."""
    plan = month.plan
    if plan.month != str(month.month):
        yield Finding(None, said("wrong_month", planned=plan.month, month=str(month.month)))
    yield from _staff_and_requests(month)
    if plan.load != loads(month):
        yield Finding(None, said("load_mismatch"))
    fairness = fairness_figures(month).fairness
    if plan.fairness != fairness:
        yield Finding(
            None,
            said("fairness_mismatch", said=plan.fairness.spread, actual=fairness.spread),
        )
    for session in month.open_sessions():
        if session.planned.needs != expected_needs(month, session.planned.id):
            yield Finding(session.planned.date, said("needs_mismatch", session=session.planned.id))
    open_now = sorted((s.session, s.need, s.language or "", s.missing) for s in shortfalls(month))
    listed = sorted(
        (session.id, u.need, u.language or "", u.missing)
        for session in plan.sessions
        for u in session.uncovered
    )
    if open_now != listed:
        yield Finding(None, said("uncovered_mismatch"))
    total = sum(p.value for p in penalties)
    if plan.score != Score(total=total, penalties=penalties):
        yield Finding(None, said("score_mismatch", said=plan.score.total, total=total))
