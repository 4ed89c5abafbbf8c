"""The greedy baseline: a month planned the way a person fills a paper rota.

Date by date, session by session, need by need, the first volunteer on the list (by id)
who can come and is qualified takes the need:

- open hours: the lead duty first, then experienced counsellors up to
  ``counsellors.min``, then each language need in code order: a counsellor already on
  duty who speaks the language counsels in it directly, else the first interpreter;
- appointment hours: the requests in the order of the appointments file, each in the
  first session of its window with a slot where a desk, a counsellor (the one the
  request names, else the first on the list who speaks the client's language, else the
  first on the list) and, when the counsellor does not speak the language, an
  interpreter are free.

It never breaks a hard rule: availability, qualification, one function per session,
nobody in two overlapping sessions or appointments, ``max_per_month``,
``hours_per_month``, ``counsellors.max``, the slot grid, the desks and the office lead's
overrides (forced people go first; an override the greedy cannot place is an error).
It takes no trainees (a trainee only ever adds a person beside an experienced one) and
never more interpreters or leads than needed. Load, fairness, uncovered needs with their
reasons and the score are filled in by the same functions that finish a CP-SAT plan
(:func:`solver.plan_build.finish`), so the checker scores both plans alike.

:func:`greedy_plan` gathers the month and plans it (the benchmarks' baseline);
:func:`greedy_of` plans a month already gathered. Given a guide (the solution of the open
hours' linear relaxation, :mod:`solver.relaxation`), :func:`greedy_of` asks the guide's
people first and fills all open hours before the appointments: that guided plan is the
solver's starting point (:mod:`solver.warm_start`). Nothing here imports the CP-SAT
model.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office_data import Appointment, OfficeData
from roster.domain.requests import Assign
from roster.domain.sessions import SessionOccurrence
from roster.domain.team import Volunteer
from roster.planfile.history import History
from roster.planfile.schema import Plan, PlanAppointment, PlanSession, SolverFacts, StaffEntry
from solver.availability import can_counsel, can_counsel_in, can_interpret, can_lead
from solver.checker import open_needs
from solver.month_input import MonthInput, month_input
from solver.plan_build import appointment_staff, finish, plan_skeleton, staff_order

Interval = tuple[int, int]
"""Minutes after the start of a session: [start, end)."""

Guide = dict[tuple[str, str], list[str]]
"""Whom to ask first: (open-hours session id, function) -> volunteer ids, where a
function is ``lead``, ``counsellor``, ``counsellor:LANG`` or ``interpreter:LANG``."""


@dataclass
class _Rota:
    """The paper rota while it is being filled: who does what, and what is left."""

    inp: MonthInput
    duty_dates: dict[str, set[date]] = field(default_factory=dict)
    minutes: dict[str, int] = field(default_factory=dict)
    function: dict[tuple[str, str], str] = field(default_factory=dict)
    """(volunteer, session) -> counsellor or interpreter:LANG."""
    busy: dict[tuple[str, str], list[Interval]] = field(default_factory=dict)
    """(volunteer, appointment session) -> the appointments they sit in."""
    desks: dict[str, list[list[Interval]]] = field(default_factory=dict)
    staff: dict[str, list[StaffEntry]] = field(default_factory=dict)
    appointments: list[PlanAppointment] = field(default_factory=list)
    guide: Guide = field(default_factory=dict)
    guide_only: bool = False
    """Ask only the guide's people (the first pass over the open hours)."""

    def __post_init__(self) -> None:
        self.requests = {item.key: item.request for item in self.inp.appointments}
        self.overlapping: dict[str, set[str]] = {}
        for first, second in self.inp.overlapping_pairs():
            self.overlapping.setdefault(first, set()).add(second)
            self.overlapping.setdefault(second, set()).add(first)

    def order(self, session: SessionOccurrence, function: str) -> list[Volunteer]:
        """Whom to ask for ``function``: the guide's people first (for counselling, those
        it has counsel in a language before the others), then the list by id."""
        wanted = list(self.guide.get((session.id, function), []))
        if function == "counsellor":
            direct = [
                pid
                for (sid, name), people in self.guide.items()
                if sid == session.id and name.startswith("counsellor:")
                for pid in people
            ]
            wanted = list(dict.fromkeys([*direct, *wanted]))
        first = [self.inp.person(pid) for pid in wanted]
        return first if self.guide_only else [*first, *self.inp.people]

    # -- the hard rules, asked before every entry ----------------------------------------
    def free(self, person: Volunteer, session: SessionOccurrence, minutes: int) -> bool:
        """Whether ``person`` can take ``minutes`` of work in ``session`` (no function
        there yet, nor in a session at the same time; within their limits)."""
        pid = person.id
        if not self.inp.availability.can(pid, session.date):
            return False
        if any((pid, other) in self.function for other in self.overlapping.get(session.id, ())):
            return False
        days = self.duty_dates.get(pid, set())
        if session.date not in days and len(days) >= person.max_per_month:
            return False
        if person.hours_per_month is not None:
            budget = round(person.hours_per_month * 60)
            if self.minutes.get(pid, 0) + minutes > budget:
                return False
        return True

    def take(self, pid: str, session: SessionOccurrence, function: str, minutes: int) -> None:
        """Write ``pid`` into the rota."""
        self.function[pid, session.id] = function
        self.duty_dates.setdefault(pid, set()).add(session.date)
        self.minutes[pid] = self.minutes.get(pid, 0) + minutes

    # -- open hours ----------------------------------------------------------------------
    def open_hours(self, session: SessionOccurrence, forced: list[Assign]) -> None:
        """Fill one open-hours session, need by need."""
        inp = self.inp
        rule = inp.open_rule(session.id)
        staff = self.staff.setdefault(session.id, [])
        minutes = session.minutes

        def counsellors() -> list[StaffEntry]:
            return [entry for entry in staff if entry.role == "counsellor"]

        def add_counsellor(person: Volunteer, *, lead: bool, language: str | None = None) -> None:
            self.take(person.id, session, "counsellor", minutes)
            staff.append(
                StaffEntry(
                    volunteer=person.id,
                    role="counsellor",
                    language=language,
                    lead=lead,
                    trainee=person.trainee,
                )
            )

        def may_counsel(person: Volunteer, *, trainee: bool = False) -> bool:
            return (
                can_counsel(person)
                and (trainee or not person.trainee)
                and (person.id, session.id) not in self.function
                and len(counsellors()) < rule.counsellors.max
                and self.free(person, session, minutes)
            )

        def add_interpreter(person: Volunteer, language: str) -> bool:
            if (person.id, session.id) in self.function or not can_interpret(person, language):
                return False
            if not self.free(person, session, minutes):
                return False
            self.take(person.id, session, f"interpreter:{language}", minutes)
            staff.append(StaffEntry(volunteer=person.id, role="interpreter", language=language))
            return True

        def add_forced(entry: Assign, *, trainee: bool = False) -> None:
            person = inp.person(entry.volunteer)
            if entry.role == "interpreter" and entry.language:
                add_interpreter(person, entry.language)
            elif may_counsel(person, trainee=trainee) and (
                entry.role != "lead" or can_lead(person)
            ):
                language = entry.language if entry.role == "counsellor" else None
                if language is None or can_counsel_in(person, language):
                    add_counsellor(person, lead=entry.role == "lead", language=language)

        trainees = [
            e for e in forced if e.role != "interpreter" and inp.person(e.volunteer).trainee
        ]
        for assign in forced:  # the office lead's decisions first
            if assign not in trainees:
                add_forced(assign)
        leads = sum(1 for entry in staff if entry.lead)
        for person in self.order(session, "lead"):
            if leads >= rule.leads:
                break
            if can_lead(person) and may_counsel(person):
                add_counsellor(person, lead=True)
                leads += 1
        for person in self.order(session, "counsellor"):
            experienced = sum(1 for entry in counsellors() if not entry.trainee)
            if experienced >= rule.counsellors.min:
                break
            if may_counsel(person):
                add_counsellor(person, lead=False)
        if any(not entry.trainee for entry in counsellors()):  # never a trainee alone
            for assign in trainees:
                add_forced(assign, trainee=True)
        for need in inp.language_needs(session.id):
            language = need.language
            covered = sum(1 for entry in staff if entry.language == language)

            def switch(entry: StaffEntry, language: str = language) -> bool:
                return (
                    entry.role == "counsellor"
                    and entry.language is None
                    and can_counsel_in(inp.person(entry.volunteer), language)
                )

            for pid in self.guide.get((session.id, f"counsellor:{language}"), []):
                if covered >= need.interpreters:
                    break
                position = next((n for n, e in enumerate(staff) if e.volunteer == pid), None)
                if position is not None and switch(staff[position]):
                    staff[position] = staff[position].model_copy(update={"language": language})
                    covered += 1
                elif position is None and may_counsel(
                    inp.person(pid), trainee=any(not e.trainee for e in counsellors())
                ):  # a trainee may counsel in a language beside an experienced counsellor
                    add_counsellor(inp.person(pid), lead=False, language=language)
                    covered += 1
            for position, entry in enumerate(staff):
                if covered >= need.interpreters or self.guide_only:
                    break
                if switch(entry):
                    staff[position] = entry.model_copy(update={"language": language})
                    covered += 1
            for person in self.order(session, f"interpreter:{language}"):
                if covered >= need.interpreters:
                    break
                if add_interpreter(person, language):
                    covered += 1

    def release(self, pid: str, session: SessionOccurrence, minutes: int) -> None:
        """Take ``pid``'s function in ``session`` out of the rota (its duty day stays only
        while another function falls on that date)."""
        del self.function[pid, session.id]
        self.minutes[pid] -= minutes
        if not any(
            other == pid and self.inp.session(sid).date == session.date
            for other, sid in self.function
        ):
            self.duty_dates[pid].discard(session.date)

    def hand_over(
        self, old: str, new: str, session: SessionOccurrence, function: str, span: Interval
    ) -> None:
        """``new`` takes ``old``'s place in one appointment of ``session`` at ``span``."""
        minutes = span[1] - span[0]
        self.busy[old, session.id].remove(span)
        if self.busy[old, session.id]:
            self.minutes[old] -= minutes
        else:
            self.release(old, session, minutes)
        self.take(new, session, function, minutes)
        self.busy.setdefault((new, session.id), []).append(span)

    def first_duties(self) -> None:
        """Give everyone of the fairness group who has no duty over the window a first
        one, where it costs nothing: on a date they answered yes, as a counsellor in open
        hours with room, or in the place of a counsellor or interpreter who has another
        duty day. Only when nobody is left without a duty does the lowest duty rate, and
        so the spread, move; when that cannot be reached the rota stays as it was."""
        inp = self.inp
        idle = [
            pid
            for pid in inp.fairness_group()
            if not self.duty_dates.get(pid) and not inp.history.duties.get(pid, 0)
        ]
        if not idle:
            return
        saved = copy.deepcopy(
            (self.duty_dates, self.minutes, self.function, self.busy, self.staff, self.appointments)
        )
        placed = [self.first_duty(inp.person(pid)) for pid in idle]
        if not all(placed):
            (
                self.duty_dates,
                self.minutes,
                self.function,
                self.busy,
                self.staff,
                self.appointments,
            ) = saved

    def first_duty(self, person: Volunteer) -> bool:
        """Find ``person`` a first duty (see :meth:`first_duties`), on a date they answered
        yes, else on a maybe date; whether one was found."""
        return self.first_duty_on(person, maybe=False) or self.first_duty_on(person, maybe=True)

    def first_duty_on(self, person: Volunteer, *, maybe: bool) -> bool:
        """Find ``person`` a first duty on a date they answered yes (or maybe)."""
        inp = self.inp
        pid = person.id

        def spare(other: str) -> bool:
            return len(self.duty_dates.get(other, ())) >= 2

        for session in inp.sessions:
            if inp.availability.maybe(pid, session.date) != maybe or not self.free(
                person, session, session.minutes
            ):
                continue
            if session.kind == "open_hours":
                staff = self.staff.setdefault(session.id, [])
                counsellors = [e for e in staff if e.role == "counsellor"]
                beside = any(not e.trainee for e in counsellors)
                if (
                    can_counsel(person)
                    and beside
                    and len(counsellors) < inp.open_rule(session.id).counsellors.max
                ):
                    self.take(pid, session, "counsellor", session.minutes)
                    staff.append(
                        StaffEntry(volunteer=pid, role="counsellor", trainee=person.trainee)
                    )
                    return True
                experienced = sum(1 for e in counsellors if not e.trainee)
                for position, entry in enumerate(staff):
                    if not spare(entry.volunteer) or entry.lead:
                        continue
                    if entry.role == "interpreter":
                        function = f"interpreter:{entry.language}"
                        fits = entry.language is not None and can_interpret(person, entry.language)
                    else:  # a counsellor counselling in German, or in a language they share
                        function = "counsellor"
                        fits = (
                            can_counsel(person)
                            and (entry.language is None or can_counsel_in(person, entry.language))
                            and (  # a trainee never leaves the session short or alone
                                not person.trainee
                                or entry.trainee
                                or experienced - 1
                                >= max(1, inp.open_rule(session.id).counsellors.min)
                            )
                        )
                    if fits:
                        self.release(entry.volunteer, session, session.minutes)
                        self.take(pid, session, function, session.minutes)
                        staff[position] = entry.model_copy(
                            update={"volunteer": pid, "trainee": person.trainee}
                            if entry.role == "counsellor"
                            else {"volunteer": pid}
                        )
                        return True
                continue
            for position, item in enumerate(self.appointments):
                if item.session != session.id:
                    continue
                span = (
                    int((item.start - session.start).total_seconds()) // 60,
                    int((item.end - session.start).total_seconds()) // 60,
                )
                request = self.requests[item.key]
                if (
                    not person.trainee
                    and can_counsel(person)
                    and item.counsellor != request.counsellor
                    and item.second_counsellor is None
                    and (item.interpreter is not None or can_counsel_in(person, item.language))
                    and spare(item.counsellor)
                    and self.fits(person, session, "counsellor", span)
                ):
                    self.hand_over(item.counsellor, pid, session, "counsellor", span)
                    self.appointments[position] = item.model_copy(update={"counsellor": pid})
                    return True
                if (
                    item.interpreter is not None
                    and can_interpret(person, item.language)
                    and spare(item.interpreter)
                    and self.fits(person, session, f"interpreter:{item.language}", span)
                ):
                    function = f"interpreter:{item.language}"
                    self.hand_over(item.interpreter, pid, session, function, span)
                    self.appointments[position] = item.model_copy(update={"interpreter": pid})
                    return True
        return False

    # -- appointments --------------------------------------------------------------------
    def appointment(
        self, item: Appointment, session: SessionOccurrence, starts: Iterable[int], first: list[str]
    ) -> bool:
        """Place one appointment in ``session`` at the first start that works."""
        inp = self.inp
        request = item.request
        language = request.language
        rule = inp.appointment_rule(session.id)
        desks = self.desks.setdefault(session.id, [[] for _ in range(rule.desks)])
        named = [request.counsellor] if request.counsellor and inp.knows(request.counsellor) else []
        front = [inp.person(pid) for pid in dict.fromkeys([*named, *first]) if inp.knows(pid)]
        ahead = {p.id for p in front}
        speakers = [p for p in inp.people if p.speaks(language) and p.id not in ahead]
        ahead.update(p.id for p in speakers)
        ordered = [*front, *speakers, *(p for p in inp.people if p.id not in ahead)]
        counsellors = [p for p in ordered if can_counsel(p) and not p.trainee]
        interpreters = [inp.person(pid) for pid in first if inp.knows(pid)] + inp.people
        for offset in starts:
            span = (offset, offset + request.minutes)
            desk = next(
                (n for n, taken in enumerate(desks) if not any(_overlap(span, t) for t in taken)),
                None,
            )
            if desk is None:
                continue
            counsellor = next(
                (p for p in counsellors if self.fits(p, session, "counsellor", span)), None
            )
            if counsellor is None:
                continue
            interpreter = None
            if not counsellor.speaks(language):
                interpreter = next(
                    (
                        p
                        for p in interpreters
                        if p.id != counsellor.id
                        and can_interpret(p, language)
                        and self.fits(p, session, f"interpreter:{language}", span)
                    ),
                    None,
                )
                if interpreter is None:
                    continue
            desks[desk].append(span)
            for person, function in (
                (counsellor, "counsellor"),
                (interpreter, f"interpreter:{language}"),
            ):
                if person is not None:
                    self.take(person.id, session, function, request.minutes)
                    self.busy.setdefault((person.id, session.id), []).append(span)
            start = session.start + timedelta(minutes=offset)
            self.appointments.append(
                PlanAppointment(
                    key=item.key,
                    case=item.case,
                    session=session.id,
                    date=session.date,
                    start=start,
                    end=start + timedelta(minutes=request.minutes),
                    desk=desk + 1,
                    language=language,
                    counsellor=counsellor.id,
                    interpreter=interpreter.id if interpreter else None,
                )
            )
            return True
        return False

    def fits(
        self, person: Volunteer, session: SessionOccurrence, function: str, span: Interval
    ) -> bool:
        """Whether ``person`` can take ``function`` in an appointment at ``span``."""
        have = self.function.get((person.id, session.id))
        if have is not None and have != function:
            return False
        if any(_overlap(span, taken) for taken in self.busy.get((person.id, session.id), [])):
            return False
        return self.free(person, session, span[1] - span[0])


def _overlap(a: Interval, b: Interval) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _forced_for(inp: MonthInput, day: date) -> list[Assign]:
    return [
        entry for entry in inp.overrides.assign if entry.date == day and inp.knows(entry.volunteer)
    ]


def greedy_plan(
    data: OfficeData,
    month: Month,
    *,
    today: date | None = None,
    history: History | None = None,
) -> Plan:
    """The month planned first come, first served; scored like a CP-SAT plan.

    ``today`` is the plan's ``as_of`` (default: the day before the month). The recorded
    seconds include gathering the month. Raises :class:`RosterError` when an ``assign``
    override cannot be placed.
    """
    began = time.perf_counter()
    as_of = today or month.first - timedelta(days=1)
    plan = greedy_of(month_input(data, month, as_of=as_of, history=history))
    seconds = round(time.perf_counter() - began, 3)
    return plan.model_copy(update={"solver": plan.solver.model_copy(update={"seconds": seconds})})


def greedy_of(inp: MonthInput, guide: Guide | None = None) -> Plan:
    """The greedy plan of a gathered month: every hard rule kept, finished and scored.

    With a ``guide`` (the solver's starting plan, see :mod:`solver.relaxation`), all
    open hours are filled first with the guide's people only, then what is still open
    the usual way, then the appointments (coverage in open hours weighs more). Raises
    :class:`RosterError` when an ``assign`` override cannot be placed.
    """
    began = time.perf_counter()
    rota = _Rota(inp, guide=guide or {})
    waiting = list(inp.appointments)
    passes: list[tuple[tuple[str, ...], bool]] = (  # (session kinds, the guide's people only)
        [(("open_hours",), True), (("open_hours",), False), (("appointments",), False)]
        if guide
        else [(("open_hours", "appointments"), False)]
    )
    for kinds, guide_only in passes:
        rota.guide_only = guide_only
        for day in inp.dates:
            forced = _forced_for(inp, day)
            for session in inp.sessions_on(day):
                if session.kind not in kinds:
                    continue
                if session.kind == "open_hours":
                    rota.open_hours(session, forced)
                    continue
                first = [entry.volunteer for entry in forced]
                for item in list(waiting):
                    option = next(
                        (o for o in inp.options(item.key) if o.session == session.id), None
                    )
                    if option is not None and rota.appointment(item, session, option.starts, first):
                        waiting.remove(item)
    if guide:
        rota.first_duties()
    plan = _plan(inp, rota)
    _check_overrides(inp, plan)
    plan = finish(inp, plan)
    total = plan.score.total
    facts = SolverFacts(
        status="greedy",
        objective=total,
        bound=0.0,
        gap=1.0 if total > 0 else 0.0,
        seconds=round(time.perf_counter() - began, 3),
        time_limit=0.0,
        workers=1,
        seed=0,
        deterministic=True,
        ortools_version="none",
    )
    return plan.model_copy(update={"solver": facts})


def _plan(inp: MonthInput, rota: _Rota) -> Plan:
    appointments = sorted(rota.appointments, key=lambda a: (a.start, a.desk, a.key))
    sessions = []
    for session in inp.sessions:
        if session.kind == "open_hours":
            staff = rota.staff.get(session.id, [])
        else:
            staff = appointment_staff(inp, appointments, session.id)
        sessions.append(
            PlanSession(
                id=session.id,
                date=session.date,
                name=session.name,
                kind=session.kind,
                start=session.start,
                end=session.end,
                needs=open_needs(inp, session.id) if session.kind == "open_hours" else None,
                staff=sorted(staff, key=staff_order),
            )
        )
    return plan_skeleton(inp, sessions, appointments)


def _check_overrides(inp: MonthInput, plan: Plan) -> None:
    """Every ``assign`` override is in the plan, else a plain error naming it."""
    staff = {
        (s.date, e.volunteer, e.role, e.language, e.lead) for s in plan.sessions for e in s.staff
    }
    roles: set[tuple[date, str, str, str | None]] = set()
    for item in plan.appointments:
        roles.add((item.date, item.counsellor, "counsellor", None))
        if item.interpreter:
            roles.add((item.date, item.interpreter, "interpreter", item.language))
    for position, entry in enumerate(inp.overrides.assign):
        day, pid = entry.date, entry.volunteer
        if entry.role == "lead":
            done = any(s[0] == day and s[1] == pid and s[4] for s in staff)
        elif entry.role == "counsellor":
            done = any(
                s[0] == day
                and s[1] == pid
                and s[2] == "counsellor"
                and (entry.language is None or s[3] == entry.language)
                for s in staff
            ) or (entry.language is None and (day, pid, "counsellor", None) in roles)
        else:
            done = any(
                s[0] == day and s[1] == pid and s[2] == "interpreter" and s[3] == entry.language
                for s in staff
            )
        if not done:
            raise RosterError(
                f"overrides/{inp.month}.yaml, assign[{position}]: the greedy baseline could not "
                f"place {pid} as {entry.role} on {day} without breaking a hard rule"
            )
