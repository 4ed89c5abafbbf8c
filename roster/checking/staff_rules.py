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
from roster.checking.report import Finding
from roster.wording.explanations import language_text


@dataclass(frozen=True)
class Duty:
    """One person planned for one function on one date, as a message names it."""

    volunteer: str
    day: date
    what: str


def duties(month: CheckedMonth) -> list[Duty]:
    """Every function the plan gives a person: open-hours staff, and the counsellor,
    second counsellor and interpreter of each appointment that lies where it may."""
    found = []
    for session in month.open_sessions():
        for entry in session.planned.staff:
            what = entry.role + (f" ({entry.language})" if entry.language else "")
            found.append(Duty(entry.volunteer, session.planned.date, what))
    for placed in month.placed():
        item = placed.item
        roles = (
            (item.counsellor, "counsellor"),
            (item.second_counsellor, "second counsellor"),
            (item.interpreter, "interpreter"),
        )
        found.extend(Duty(pid, item.date, f"{role} of {item.key}") for pid, role in roles if pid)
    return found


def availability(month: CheckedMonth) -> Iterator[Finding]:
    """Nobody works on a date they cannot come to."""
    for duty in duties(month):
        if month.team.knows(duty.volunteer):
            day = month.team.day(duty.volunteer, duty.day)
            if not day.can:
                yield Finding(
                    duty.day, f"{duty.volunteer} is planned as {duty.what} but {day.reason}"
                )


def unknown_people(month: CheckedMonth) -> Iterator[Finding]:
    """Everyone planned is in volunteers.yaml."""
    for duty in duties(month):
        if not month.team.knows(duty.volunteer):
            yield Finding(duty.day, f"{duty.volunteer} ({duty.what}) is not in volunteers.yaml")


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
                    yield Finding(
                        day, f"{pid} counsels but is neither counsellor nor social worker"
                    )
                elif entry.language and not may_counsel_in(person, entry.language):
                    language = language_text(month.data.office, entry.language)
                    yield Finding(
                        day, f"{pid} counsels in {language} without speaking it fluent or better"
                    )
            elif entry.language is None or not may_interpret(person, entry.language):
                yield Finding(
                    day,
                    f"{pid} interprets {entry.language or 'no language'} without the role "
                    "interpreter and that language and German at fluent or better",
                )
            if entry.lead and (entry.role != "counsellor" or not may_lead(person)):
                yield Finding(
                    day, f"{pid} is on lead duty without being a counsellor with the role lead"
                )


def open_hours_one_function(month: CheckedMonth) -> Iterator[Finding]:
    """Nobody is listed twice in the staff of one open-hours session."""
    for session in month.open_sessions():
        seen: set[str] = set()
        for entry in session.planned.staff:
            if entry.volunteer in seen:
                yield Finding(
                    session.planned.date,
                    f"{entry.volunteer} has more than one function in {session.planned.id}",
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
                f"{len(counsellors)} counsellors in {session.planned.id}, more than "
                f"counsellors.max ({limit})",
            )


def open_hours_trainees(month: CheckedMonth) -> Iterator[Finding]:
    """A trainee counsels open hours only beside an experienced counsellor."""
    for session in month.open_sessions():
        counsellors = _counsellors(month, session)
        trainees = [pid for pid in counsellors if month.team.person(pid).trainee]
        if trainees and len(trainees) == len(counsellors):
            yield Finding(
                session.planned.date,
                f"trainee {', '.join(trainees)} counsels in {session.planned.id} without an "
                "experienced counsellor",
            )
