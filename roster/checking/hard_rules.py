"""Every hard rule of docs/planning.md, one check per name, in one registry.

:data:`HARD_RULES` holds the rules an office keeps; the model's other hard families are
restrictions of its own (:data:`MODEL_RESTRICTIONS`), which a plan need not keep.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from roster.checking import appointment_rules, staff_rules
from roster.checking.checked_month import CheckedMonth
from roster.checking.report import Finding, said
from roster.checking.staff_rules import duty_said
from roster.planfile.facts import plan_facts, split

Check = Callable[[CheckedMonth], Iterable[Finding]]


def availability(month: CheckedMonth) -> Iterator[Finding]:
    """A person works only on dates they can come."""
    yield from staff_rules.availability(month)


def qualification(month: CheckedMonth) -> Iterator[Finding]:
    """Everyone planned is on the team and may take the function they are given."""
    yield from staff_rules.unknown_people(month)
    yield from staff_rules.open_hours_qualification(month)
    yield from appointment_rules.appointment_qualification(month)


def one_function(month: CheckedMonth) -> Iterator[Finding]:
    """One function per person per session."""
    yield from staff_rules.open_hours_one_function(month)
    yield from appointment_rules.appointment_one_function(month)
    for (pid, sid), functions in sorted(month.index.functions.items()):
        if len(functions) > 1:
            session = month.index.sessions.get(sid)
            named = tuple(
                duty_said(*function.split(":", 1)) if ":" in function else duty_said(function, None)
                for function in functions
            )
            yield Finding(
                session.date if session else None,
                said(
                    "functions", volunteer=pid, count=len(functions), session=sid, functions=named
                ),
            )


def one_place_at_a_time(month: CheckedMonth) -> Iterator[Finding]:
    """Nobody works in two sessions of one date whose times overlap."""
    for first, second in month.overlapping():
        for person in month.team.people:
            if month.works_in(person.id, first.id) and month.works_in(person.id, second.id):
                yield Finding(
                    first.date,
                    said("overlap", volunteer=person.id, first=first.id, second=second.id),
                )


def max_per_month(month: CheckedMonth) -> Iterator[Finding]:
    """Days on duty at most ``max_per_month``."""
    for person in month.team.people:
        days = len(month.index.duty_dates.get(person.id, set()))
        if days > person.max_per_month:
            yield Finding(
                None,
                said("too_many_duties", volunteer=person.id, days=days, limit=person.max_per_month),
            )


def hours_per_month(month: CheckedMonth) -> Iterator[Finding]:
    """Minutes worked at most ``hours_per_month`` x 60, rounded to the minute."""
    for person in month.team.people:
        if person.hours_per_month is None:
            continue
        minutes = month.index.minutes.get(person.id, 0)
        if minutes > round(person.hours_per_month * 60):
            yield Finding(
                None,
                said(
                    "too_many_hours",
                    volunteer=person.id,
                    hours=minutes / 60,
                    limit=person.hours_per_month,
                ),
            )


def counsellors_max(month: CheckedMonth) -> Iterator[Finding]:
    """At most ``counsellors.max`` counsellors in an open-hours session."""
    yield from staff_rules.counsellors_max(month)


def trainee_not_alone(month: CheckedMonth) -> Iterator[Finding]:
    """A trainee counsels beside an experienced counsellor."""
    yield from staff_rules.open_hours_trainees(month)
    yield from appointment_rules.appointment_trainees(month)


def appointment(month: CheckedMonth) -> Iterator[Finding]:
    """Each appointment is a request of the month, placed where and when it may be, with
    one counsellor and an interpreter unless the counsellor speaks its language."""
    yield from appointment_rules.listed_once(month)
    yield from appointment_rules.placement(month)


def desks(month: CheckedMonth) -> Iterator[Finding]:
    """At no moment more appointments than desks."""
    yield from appointment_rules.desks(month)


def double_booking(month: CheckedMonth) -> Iterator[Finding]:
    """Nobody in two appointments that overlap."""
    yield from appointment_rules.double_booking(month)


def _fulfils(month: CheckedMonth, position: int) -> bool:
    """Whether the plan makes the assignment ``assign[position]`` of the overrides."""
    entry = month.overrides.assign[position]
    for session in month.plan.sessions:
        if session.date != entry.date:
            continue
        if session.kind == "open_hours":
            for staff in session.staff:
                if staff.volunteer != entry.volunteer:
                    continue
                if entry.role == "lead" and staff.lead:
                    return True
                if (
                    entry.role == "counsellor"
                    and staff.role == "counsellor"
                    and entry.language in (None, staff.language)
                ):
                    return True
                if (
                    entry.role == "interpreter"
                    and staff.role == "interpreter"
                    and staff.language == entry.language
                ):
                    return True
        elif entry.role != "lead":  # lead duty is taken in open hours only
            wanted = "counsellor" if entry.role == "counsellor" else f"interpreter:{entry.language}"
            if wanted in month.index.works_in(entry.volunteer, session.id):
                return True
    return False


def overrides(month: CheckedMonth) -> Iterator[Finding]:
    """Every ``assign`` of ``overrides/YYYY-MM.yaml`` is in the plan (``forbid`` is part of
    availability)."""
    for position, entry in enumerate(month.overrides.assign):
        if not _fulfils(month, position):
            yield Finding(
                entry.date,
                said(
                    "override_missing",
                    number=position + 1,
                    volunteer=entry.volunteer,
                    duty=duty_said(entry.role, entry.language),
                ),
            )


def kept_sessions(month: CheckedMonth) -> Iterator[Finding]:
    """When re-planned, every assignment before ``as_of`` is as the replaced plan had it."""
    plan = month.plan
    if plan.previous is None:
        return
    old_past, _ = split(plan.previous.facts, plan.as_of)
    new_past, _ = split(plan_facts(plan), plan.as_of)
    for facts, how in ((old_past - new_past, "kept_dropped"), (new_past - old_past, "kept_added")):
        for kind, session, subject, detail in sorted(facts):
            what = " ".join(part for part in (kind, subject, detail, session) if part)
            yield Finding(None, said(how, fact=what, as_of=plan.as_of))


HARD_RULES: dict[str, Check] = {
    "availability": availability,
    "qualification": qualification,
    "one_function": one_function,
    "one_place_at_a_time": one_place_at_a_time,
    "max_per_month": max_per_month,
    "hours_per_month": hours_per_month,
    "counsellors_max": counsellors_max,
    "trainee_not_alone": trainee_not_alone,
    "appointment": appointment,
    "desks": desks,
    "double_booking": double_booking,
    "overrides": overrides,
    "kept_sessions": kept_sessions,
}
"""Each hard rule of docs/planning.md and its check, in the order of the docs' table."""

MODEL_RESTRICTIONS: dict[str, str] = {
    "no_surplus": "the model plans no more interpreters (or counsellors counselling in a "
    "language) than its need, nor more leads than `leads`, to keep the search small; a plan "
    "with more breaks no office rule",
}
"""Hard families of the model that are not office rules, so the checker does not require
them (docs/planning.md, "Model restrictions")."""
