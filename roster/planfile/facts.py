"""The assignments of a plan as comparable facts, for stability on re-planning.

A re-plan keeps every fact of the sessions before ``--today`` and counts each fact of a
later session that appears in only one of the two plans as one change. An appointment's
counsellor, second counsellor and interpreter are facts of the appointment (not of its
session), so moving an appointment to another date changes its placement but not who
takes it.
"""

from __future__ import annotations

from datetime import date

from roster.planfile.schema import Fact, Plan

FactKey = tuple[str, str, str, str]


def staff_detail(role: str, language: str | None) -> str:
    """``counsellor``, ``counsellor:ar`` or ``interpreter:ar``."""
    return f"{role}:{language}" if language else role


def plan_facts(plan: Plan) -> list[Fact]:
    """Every assignment of ``plan``, in a stable order."""
    facts: list[Fact] = []
    for session in plan.sessions:
        if session.kind != "open_hours":
            continue
        for entry in session.staff:
            facts.append(
                Fact(
                    kind="staff",
                    date=session.date,
                    session=session.id,
                    subject=entry.volunteer,
                    detail=staff_detail(entry.role, entry.language),
                )
            )
            if entry.lead:
                facts.append(
                    Fact(
                        kind="lead", date=session.date, session=session.id, subject=entry.volunteer
                    )
                )
    for item in plan.appointments:
        facts.append(
            Fact(
                kind="place",
                date=item.date,
                session=item.session,
                subject=item.key,
                detail=f"{item.start:%H:%M}",
            )
        )
        facts.append(
            Fact(kind="counsellor", date=item.date, subject=item.key, detail=item.counsellor)
        )
        if item.second_counsellor:
            facts.append(
                Fact(
                    kind="second_counsellor",
                    date=item.date,
                    subject=item.key,
                    detail=item.second_counsellor,
                )
            )
        if item.interpreter:
            facts.append(
                Fact(kind="interpreter", date=item.date, subject=item.key, detail=item.interpreter)
            )
    return sorted(facts, key=lambda f: (f.date, f.kind, f.session, f.subject, f.detail))


def key_of(fact: Fact) -> FactKey:
    """What identifies a fact (its date is where it lies, not what it is)."""
    return (fact.kind, fact.session, fact.subject, fact.detail)


def split(facts: list[Fact], as_of: date) -> tuple[set[FactKey], set[FactKey]]:
    """(facts before ``as_of``, facts on or after it)."""
    past = {key_of(f) for f in facts if f.date < as_of}
    future = {key_of(f) for f in facts if f.date >= as_of}
    return past, future


def changes(old: list[Fact], new: list[Fact], as_of: date) -> list[FactKey]:
    """Facts of sessions on or after ``as_of`` that are in only one of the two plans."""
    _, old_future = split(old, as_of)
    _, new_future = split(new, as_of)
    return sorted(old_future ^ new_future)
