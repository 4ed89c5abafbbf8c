"""The hard rules about appointments: where and when they lie, who takes them, desks and
overlaps.

Each function yields what it finds about one rule; :mod:`roster.checking.hard_rules`
names it.
"""

from __future__ import annotations

from collections.abc import Iterator

from roster.checking.checked_month import CheckedMonth, Placed
from roster.checking.people import may_counsel, may_interpret, speaks_well
from roster.checking.report import Finding, said
from roster.planfile.index import minutes_between
from roster.planfile.schema import PlanAppointment


def listed_once(month: CheckedMonth) -> Iterator[Finding]:
    """Each scheduled or unscheduled key is a request of the month, listed once."""
    listed: dict[str, int] = {}
    for key in [a.key for a in month.plan.appointments] + [u.key for u in month.plan.unscheduled]:
        listed[key] = listed.get(key, 0) + 1
    for key, count in sorted(listed.items()):
        if key not in month.requests:
            yield Finding(None, said("not_requested", key=key, month=str(month.month)))
        elif count > 1:
            yield Finding(None, said("listed_times", key=key, count=count))


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
            yield Finding(day, said("other_case", key=item.key))
        if month.appointment_rule(item.session) is None:
            yield Finding(day, said("not_appointment_hours", key=item.key, session=item.session))
    for placed in month.placed():
        yield from _placed_where_and_when(placed)
        yield from _interpreted(month, placed)


def _placed_where_and_when(placed: Placed) -> Iterator[Finding]:
    item, session, request = placed.item, placed.session, placed.request.request
    day, key = item.date, item.key
    if item.date != session.date:
        yield Finding(day, said("wrong_date", key=key, date=item.date, session_date=session.date))
    if not request.earliest <= session.date <= request.latest:
        yield Finding(
            day, said("outside_window", key=key, first=request.earliest, last=request.latest)
        )
    if item.start < session.start or item.end > session.end:
        yield Finding(day, said("outside_session", key=key, start=item.start, end=item.end))
    offset = int((item.start - session.start).total_seconds() // 60)
    slot = placed.rule.slot_minutes
    if offset % slot:
        yield Finding(day, said("off_grid", key=key, start=item.start, slot=slot))
    length = minutes_between(item)
    if length != request.minutes:
        yield Finding(day, said("wrong_length", key=key, length=length, minutes=request.minutes))


def _interpreted(month: CheckedMonth, placed: Placed) -> Iterator[Finding]:
    item = placed.item
    if item.interpreter is not None:
        return
    team = month.team
    if team.knows(item.counsellor) and speaks_well(team.person(item.counsellor), item.language):
        return
    yield Finding(
        item.date,
        said(
            "no_interpreter_for",
            key=item.key,
            language=item.language,
            counsellor=item.counsellor,
        ),
    )


def appointment_qualification(month: CheckedMonth) -> Iterator[Finding]:
    """The counsellors of an appointment counsel, its interpreter interprets its language."""
    team = month.team
    for placed in month.placed():
        item, day = placed.item, placed.item.date
        if team.knows(item.counsellor) and not may_counsel(team.person(item.counsellor)):
            yield Finding(
                day, said("appointment_not_counsellor", counsellor=item.counsellor, key=item.key)
            )
        second = item.second_counsellor
        if (
            second
            and team.knows(second)
            and (not may_counsel(team.person(second)) or second == item.counsellor)
        ):
            yield Finding(day, said("bad_second", second=second, key=item.key))
        interpreter = item.interpreter
        if (
            interpreter
            and team.knows(interpreter)
            and not may_interpret(team.person(interpreter), item.language)
        ):
            yield Finding(
                day,
                said(
                    "appointment_interpreter",
                    interpreter=interpreter,
                    language=item.language,
                    key=item.key,
                ),
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
                item.date, said("trainee_without_second", counsellor=item.counsellor, key=item.key)
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
            yield Finding(
                item.date, said("counsels_and_interprets", interpreter=interpreter, key=item.key)
            )


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
                item.date, said("bad_desk", key=item.key, desk=item.desk, capacity=capacity)
            )
    for sid, items, capacity in _by_session(month):
        day = month.sessions[sid].date
        for moment in sorted({item.start for item in items}):
            running = [i for i in items if i.start <= moment < i.end]
            if len(running) > capacity:
                yield Finding(
                    day,
                    said(
                        "too_many_at_once",
                        count=len(running),
                        time=moment,
                        session=sid,
                        capacity=capacity,
                    ),
                )
                break
        for first, second in _overlapping(items):
            if first.desk == second.desk:
                yield Finding(
                    day, said("same_desk", first=first.key, second=second.key, desk=first.desk)
                )


def _people(item: PlanAppointment) -> set[str]:
    return {p for p in (item.counsellor, item.second_counsellor, item.interpreter) if p}


def double_booking(month: CheckedMonth) -> Iterator[Finding]:
    """Nobody takes part in two appointments that overlap."""
    for sid, items, _ in _by_session(month):
        day = month.sessions[sid].date
        for first, second in _overlapping(items):
            for pid in sorted(_people(first) & _people(second)):
                yield Finding(
                    day,
                    said("double_booked", volunteer=pid, first=first.key, second=second.key),
                )
