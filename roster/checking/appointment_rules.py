"""The hard rules about appointments: where and when they lie, who takes them, desks and
overlaps.

Each function yields what it finds about one rule; :mod:`roster.checking.hard_rules`
names it.
"""

from __future__ import annotations

from collections.abc import Iterator

from roster.checking.checked_month import CheckedMonth, Placed
from roster.checking.people import may_counsel, may_interpret, speaks_well
from roster.checking.report import Finding
from roster.planfile.index import minutes_between
from roster.planfile.schema import PlanAppointment
from roster.wording.explanations import language_text


def listed_once(month: CheckedMonth) -> Iterator[Finding]:
    """Each scheduled or unscheduled key is a request of the month, listed once."""
    listed: dict[str, int] = {}
    for key in [a.key for a in month.plan.appointments] + [u.key for u in month.plan.unscheduled]:
        listed[key] = listed.get(key, 0) + 1
    for key, count in sorted(listed.items()):
        if key not in month.requests:
            yield Finding(None, f"{key} is not an appointment request of {month.month}")
        elif count > 1:
            yield Finding(None, f"{key} is listed {count} times")


def placement(month: CheckedMonth) -> Iterator[Finding]:
    """An appointment keeps its request's case and language, lies in an appointment
    session of a date in its window, on the slot grid, inside the session, for as long as
    its request says, with an interpreter unless its counsellor speaks the language well."""
    for item in month.plan.appointments:
        request = month.requests.get(item.key)
        if request is None:
            continue
        day = item.date
        if (item.case, item.language) != (request.case, request.request.language):
            yield Finding(day, f"{item.key} has another case or language than its request")
        if month.appointment_rule(item.session) is None:
            yield Finding(
                day,
                f"{item.key} lies in {item.session}, which is no appointment session of the month",
            )
    for placed in month.placed():
        yield from _placed_where_and_when(placed)
        yield from _interpreted(month, placed)


def _placed_where_and_when(placed: Placed) -> Iterator[Finding]:
    item, session, request = placed.item, placed.session, placed.request.request
    day, key = item.date, item.key
    if item.date != session.date:
        yield Finding(day, f"{key} has date {item.date} but its session is on {session.date}")
    if not request.earliest <= session.date <= request.latest:
        yield Finding(day, f"{key} lies outside its window {request.earliest}..{request.latest}")
    if item.start < session.start or item.end > session.end:
        yield Finding(day, f"{key} ({item.start:%H:%M}-{item.end:%H:%M}) is not inside its session")
    offset = int((item.start - session.start).total_seconds() // 60)
    slot = placed.rule.slot_minutes
    if offset % slot:
        yield Finding(day, f"{key} starts at {item.start:%H:%M}, off the {slot}-minute slot grid")
    length = minutes_between(item)
    if length != request.minutes:
        yield Finding(day, f"{key} lasts {length} minutes, its request {request.minutes}")


def _interpreted(month: CheckedMonth, placed: Placed) -> Iterator[Finding]:
    item = placed.item
    if item.interpreter is not None:
        return
    team = month.team
    if team.knows(item.counsellor) and speaks_well(team.person(item.counsellor), item.language):
        return
    language = language_text(month.data.office, item.language)
    yield Finding(
        item.date,
        f"{item.key} has no interpreter for {language} and its counsellor {item.counsellor} "
        "does not speak it fluent or better",
    )


def appointment_qualification(month: CheckedMonth) -> Iterator[Finding]:
    """The counsellors of an appointment counsel, its interpreter interprets its language."""
    team = month.team
    for placed in month.placed():
        item, day = placed.item, placed.item.date
        if team.knows(item.counsellor) and not may_counsel(team.person(item.counsellor)):
            yield Finding(
                day,
                f"{item.counsellor} counsels {item.key} but is neither counsellor nor social worker",
            )
        second = item.second_counsellor
        if (
            second
            and team.knows(second)
            and (not may_counsel(team.person(second)) or second == item.counsellor)
        ):
            yield Finding(day, f"{second} cannot be the second counsellor of {item.key}")
        interpreter = item.interpreter
        if (
            interpreter
            and team.knows(interpreter)
            and not may_interpret(team.person(interpreter), item.language)
        ):
            language = language_text(month.data.office, item.language)
            yield Finding(
                day, f"{interpreter} interprets {language} for {item.key} without being qualified"
            )


def appointment_trainees(month: CheckedMonth) -> Iterator[Finding]:
    """A trainee takes an appointment only with an experienced second counsellor."""
    team = month.team
    for placed in month.placed():
        item = placed.item
        if not team.knows(item.counsellor) or not team.person(item.counsellor).trainee:
            continue
        second = item.second_counsellor
        if not second or not team.knows(second) or team.person(second).trainee:
            yield Finding(
                item.date,
                f"trainee {item.counsellor} takes {item.key} without an experienced second "
                "counsellor",
            )


def appointment_one_function(month: CheckedMonth) -> Iterator[Finding]:
    """Nobody both counsels and interprets one appointment."""
    for placed in month.placed():
        item = placed.item
        interpreter = item.interpreter
        if (
            interpreter
            and month.team.knows(interpreter)
            and interpreter in (item.counsellor, item.second_counsellor)
        ):
            yield Finding(item.date, f"{interpreter} both counsels and interprets {item.key}")


def _by_session(month: CheckedMonth) -> Iterator[tuple[str, list[PlanAppointment], int]]:
    """The plan's appointments of each calendar appointment session, with its desks."""
    groups: dict[str, list[PlanAppointment]] = {}
    for item in month.plan.appointments:
        groups.setdefault(item.session, []).append(item)
    for sid, items in sorted(groups.items()):
        rule = month.appointment_rule(sid)
        if rule is not None:
            yield sid, items, rule.desks


def _overlapping(
    items: list[PlanAppointment],
) -> Iterator[tuple[PlanAppointment, PlanAppointment]]:
    ordered = sorted(items, key=lambda i: (i.start, i.key))
    for position, first in enumerate(ordered):
        for second in ordered[position + 1 :]:
            if second.start >= first.end:
                break
            yield first, second


def desks(month: CheckedMonth) -> Iterator[Finding]:
    """Each appointment at a desk of its session; never more at once than desks; never
    two at one desk at once."""
    for placed in month.placed():
        item, capacity = placed.item, placed.rule.desks
        if not 1 <= item.desk <= capacity:
            yield Finding(
                item.date, f"{item.key} is at desk {item.desk}; the session has {capacity}"
            )
    for sid, items, capacity in _by_session(month):
        day = month.sessions[sid].date
        for moment in sorted({item.start for item in items}):
            running = [i for i in items if i.start <= moment < i.end]
            if len(running) > capacity:
                yield Finding(
                    day,
                    f"{len(running)} appointments run at {moment:%H:%M} in {sid}, more than "
                    f"its {capacity} desks",
                )
                break
        for first, second in _overlapping(items):
            if first.desk == second.desk:
                yield Finding(day, f"{first.key} and {second.key} overlap at desk {first.desk}")


def _people(item: PlanAppointment) -> set[str]:
    return {p for p in (item.counsellor, item.second_counsellor, item.interpreter) if p}


def double_booking(month: CheckedMonth) -> Iterator[Finding]:
    """Nobody takes part in two appointments that overlap."""
    for sid, items, _ in _by_session(month):
        day = month.sessions[sid].date
        for first, second in _overlapping(items):
            for pid in sorted(_people(first) & _people(second)):
                yield Finding(day, f"{pid} is in {first.key} and {second.key}, which overlap")
