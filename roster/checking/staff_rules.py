"""The hard rules about who staffs the open-hours sessions, and who may be planned at all.

Each function yields what it finds about one rule; :mod:`roster.checking.hard_rules`
names it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from roster.checking.checked_month import CheckedMonth, OpenSession
from roster.checking.people import may_counsel, may_counsel_in, may_interpret, may_lead
from roster.checking.report import Finding, Said, said


@dataclass(frozen=True)
class Duty:
    """One person planned for one function on one date, as a message names it."""

    volunteer: str
    day: date
    what: Said


def duty_said(role: str, language: str | None) -> Said:
    """A function in words: counselling (in a language), interpreting, lead duty."""
    if role == "interpreter":
        return said("duty_interpret", language=language or "")
    if role == "lead":
        return said("duty_lead")
    return said("duty_counsel_in", language=language) if language else said("duty_counsel")


def duties(month: CheckedMonth) -> list[Duty]:
    """Every function the plan gives a person: open-hours staff, and the counsellor,
    second counsellor and interpreter of each appointment that lies where it may."""
    found = []
    for session in month.open_sessions():
        for entry in session.planned.staff:
            what = duty_said(entry.role, entry.language)
            found.append(Duty(entry.volunteer, session.planned.date, what))
    for placed in month.placed():
        item = placed.item
        roles = (
            (item.counsellor, said("duty_counsel")),
            (item.second_counsellor, said("duty_second")),
            (item.interpreter, said("duty_interpret", language=item.language)),
        )
        found.extend(
            Duty(pid, item.date, said("duty_in", duty=role, key=item.key))
            for pid, role in roles
            if pid
        )
    return found


def availability(month: CheckedMonth) -> Iterator[Finding]:
    """Nobody works on a date they cannot come to."""
    for duty in duties(month):
        if month.team.knows(duty.volunteer):
            day = month.team.day(duty.volunteer, duty.day)
            if not day.can:
                yield Finding(
                    duty.day,
                    said("unavailable", volunteer=duty.volunteer, duty=duty.what, reason=day.why),
                )


def unknown_people(month: CheckedMonth) -> Iterator[Finding]:
    """Everyone planned is in volunteers.yaml."""
    for duty in duties(month):
        if not month.team.knows(duty.volunteer):
            yield Finding(duty.day, said("not_on_team", volunteer=duty.volunteer, duty=duty.what))


def open_hours_qualification(month: CheckedMonth) -> Iterator[Finding]:
    """Counsellors counsel (in a language they speak well), interpreters interpret a
    language they and German speak well, lead duty needs a counsellor with the role lead."""
    for session in month.open_sessions():
        day = session.planned.date
        for entry in session.planned.staff:
            pid = entry.volunteer
            if not month.team.knows(pid):
                continue
            person = month.team.person(pid)
            if entry.role == "counsellor":
                if not may_counsel(person):
                    yield Finding(day, said("not_counsellor", volunteer=pid))
                elif entry.language and not may_counsel_in(person, entry.language):
                    yield Finding(
                        day, said("counsels_unfluent", volunteer=pid, language=entry.language)
                    )
            elif entry.language is None:
                yield Finding(day, said("interprets_nothing", volunteer=pid))
            elif not may_interpret(person, entry.language):
                yield Finding(
                    day, said("interprets_unqualified", volunteer=pid, language=entry.language)
                )
            if entry.lead and (entry.role != "counsellor" or not may_lead(person)):
                yield Finding(day, said("lead_unqualified", volunteer=pid))


def open_hours_one_function(month: CheckedMonth) -> Iterator[Finding]:
    """Nobody is listed twice in the staff of one open-hours session."""
    for session in month.open_sessions():
        seen: set[str] = set()
        for entry in session.planned.staff:
            if entry.volunteer in seen:
                yield Finding(
                    session.planned.date,
                    said("listed_twice", volunteer=entry.volunteer, session=session.planned.id),
                )
            seen.add(entry.volunteer)


def _counsellors(month: CheckedMonth, session: OpenSession) -> list[str]:
    """The known people counselling in an open-hours session (listed twice, counted twice)."""
    return [
        entry.volunteer
        for entry in session.planned.staff
        if entry.role == "counsellor" and month.team.knows(entry.volunteer)
    ]


def counsellors_max(month: CheckedMonth) -> Iterator[Finding]:
    """At most ``counsellors.max`` counsellors, trainees included, in open hours."""
    for session in month.open_sessions():
        counsellors = _counsellors(month, session)
        limit = session.rule.counsellors.max
        if len(counsellors) > limit:
            yield Finding(
                session.planned.date,
                said(
                    "too_many_counsellors",
                    count=len(counsellors),
                    session=session.planned.id,
                    limit=limit,
                ),
            )


def open_hours_trainees(month: CheckedMonth) -> Iterator[Finding]:
    """A trainee counsels open hours only beside an experienced counsellor."""
    for session in month.open_sessions():
        counsellors = _counsellors(month, session)
        trainees = [pid for pid in counsellors if month.team.person(pid).trainee]
        if trainees and len(trainees) == len(counsellors):
            yield Finding(
                session.planned.date,
                said("trainee_alone", people=tuple(trainees), session=session.planned.id),
            )
