"""The rota as a person fills it on paper: need by need, the first volunteer on the list
(by id) who can come and is qualified takes it, and every hard rule is asked before each
entry.

Date by date, session by session:

- open hours: the office lead's overrides first, then the lead duty, then experienced
  counsellors up to ``counsellors.min``, then each language need in code order: a
  counsellor already on duty who speaks the language counsels in it directly, else the
  first interpreter;
- appointment hours: the requests in the order of the appointments file, each in the
  first session of its window with a slot where a desk, a counsellor (the one the
  request names, else the first on the list who speaks the client's language, else the
  first on the list) and, when the counsellor does not speak the language, an
  interpreter are free.

The hard rules kept: availability, qualification, one function per session, nobody in
two overlapping sessions or appointments, ``max_per_month``, ``hours_per_month``,
``counsellors.max``, the slot grid and the desks. Whether an override can be met at all
is :func:`solver.override_check.override_problem`'s decision. No trainees are taken (a
trainee only ever adds a person beside an experienced one) unless an override names
them, and never more interpreters or leads than needed.

:class:`PaperRota` is the benchmarks' baseline as it is (:mod:`solver.baseline`); the
solver's starting plan asks other people first and hands out first duties
(:mod:`solver.guided_start`), through the three methods under "whom to ask".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import chain

from roster.domain.office_data import Appointment
from roster.domain.requests import Assign
from roster.domain.sessions import SessionOccurrence
from roster.domain.team import Volunteer
from roster.planfile.schema import PlanAppointment, StaffEntry
from solver.availability import can_counsel, can_counsel_in, can_interpret, can_lead
from solver.month_input import MonthInput
from solver.override_check import override_problem

Interval = tuple[int, int]
"""Minutes after the start of a session: [start, end)."""


@dataclass
class PaperRota:
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

    def __post_init__(self) -> None:
        self.overlapping: dict[str, set[str]] = {}
        for first, second in self.inp.overlapping_pairs():
            self.overlapping.setdefault(first, set()).add(second)
            self.overlapping.setdefault(second, set()).add(first)
        self._able: dict[tuple[date, str], list[Volunteer]] = {}
        self._counsellors: dict[tuple[date, str], list[Volunteer]] = {}

    # -- whom to ask (a guided fill, solver.guided_start, asks other people first) -------
    def order(self, session: SessionOccurrence, function: str) -> list[Volunteer]:
        """Whom to ask for ``function`` in ``session``: the list by id (of those who can
        come and may take it: nobody else could)."""
        return self.able(session.date, function)

    def able(self, day: date, function: str) -> list[Volunteer]:
        """The people, by id, who can come on ``day`` and may take ``function`` (``lead``,
        ``counsellor``, ``counsellor:LANG`` or ``interpreter:LANG``): the only ones a
        need of it can go to, listed once per date and function."""
        found = self._able.get((day, function))
        if found is None:
            name, _, language = function.partition(":")
            present = self.inp.present_on(day)
            if name == "lead":
                found = [p for p in present if can_lead(p)]
            elif name == "interpreter":  # only those who list the language can
                can = self.inp.availability.can
                found = [
                    p
                    for p in self.inp.with_language(language)
                    if can_interpret(p, language) and can(p.id, day)
                ]
            elif language:
                can = self.inp.availability.can
                found = [
                    p
                    for p in self.inp.with_language(language)
                    if can_counsel_in(p, language) and can(p.id, day)
                ]
            else:
                found = [p for p in present if can_counsel(p)]
            self._able[day, function] = found
        return found

    def appointment_counsellors(self, day: date, language: str) -> list[Volunteer]:
        """Experienced counsellors who can come on ``day``, those who speak ``language``
        first, each part by id (the order an appointment asks them in, after the
        counsellor it names and the overrides' people)."""
        found = self._counsellors.get((day, language))
        if found is None:
            pool = [p for p in self.able(day, "counsellor") if not p.trainee]
            speakers = [p for p in pool if p.speaks(language)]
            found = [*speakers, *(p for p in pool if not p.speaks(language))]
            self._counsellors[day, language] = found
        return found

    def direct_first(self, session: SessionOccurrence, language: str) -> list[str]:
        """Whom to ask first to counsel in ``language`` in ``session``: nobody on paper."""
        del session, language
        return []

    def switch_others(self) -> bool:
        """Whether a counsellor on duty may switch to counselling in a language."""
        return True

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

    # -- the month -----------------------------------------------------------------------
    def fill(self, kinds: tuple[str, ...], waiting: list[Appointment]) -> None:
        """One pass over the month: the sessions of ``kinds``, date by date; the
        appointments placed are taken out of ``waiting``."""
        inp = self.inp
        for day in inp.dates:
            forced = forced_on(inp, day)
            for session in inp.sessions_on(day):
                if session.kind not in kinds:
                    continue
                if session.kind == "open_hours":
                    self.open_hours(session, forced)
                    continue
                first = [entry.volunteer for entry in forced]
                for item in list(waiting):
                    option = next(
                        (o for o in inp.options(item.key) if o.session == session.id), None
                    )
                    if option is not None and self.appointment(item, session, option.starts, first):
                        waiting.remove(item)

    # -- open hours ----------------------------------------------------------------------
    def open_hours(self, session: SessionOccurrence, forced: list[Assign]) -> None:
        """Fill one open-hours session, need by need."""
        inp = self.inp
        rule = inp.open_rule(session.id)
        staff = self.staff.setdefault(session.id, [])
        minutes = session.minutes

        # counsellors and experienced counsellors in the session; where each person stands
        counted = [sum(1 for e in staff if e.role == "counsellor"), 0]
        counted[1] = sum(1 for e in staff if e.role == "counsellor" and not e.trainee)
        where = {entry.volunteer: n for n, entry in enumerate(staff)}

        def add_counsellor(person: Volunteer, *, lead: bool, language: str | None = None) -> None:
            self.take(person.id, session, "counsellor", minutes)
            counted[0] += 1
            counted[1] += not person.trainee
            where.setdefault(person.id, len(staff))
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
                and counted[0] < rule.counsellors.max
                and self.free(person, session, minutes)
            )

        def add_interpreter(person: Volunteer, language: str) -> bool:
            if (person.id, session.id) in self.function or not can_interpret(person, language):
                return False
            if not self.free(person, session, minutes):
                return False
            self.take(person.id, session, f"interpreter:{language}", minutes)
            where.setdefault(person.id, len(staff))
            staff.append(StaffEntry(volunteer=person.id, role="interpreter", language=language))
            return True

        def add_forced(entry: Assign, *, trainee: bool = False) -> None:
            if override_problem(inp, entry) is not None:  # cannot be met: reported at the end
                return
            person = inp.person(entry.volunteer)
            if entry.role == "interpreter" and entry.language:
                add_interpreter(person, entry.language)
            elif may_counsel(person, trainee=trainee):
                language = entry.language if entry.role == "counsellor" else None
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
            if counted[1] >= rule.counsellors.min:  # experienced counsellors
                break
            if may_counsel(person):
                add_counsellor(person, lead=False)
        if counted[1]:  # never a trainee alone
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

            for pid in self.direct_first(session, language):
                if covered >= need.interpreters:
                    break
                position = where.get(pid)
                if position is not None and switch(staff[position]):
                    staff[position] = staff[position].model_copy(update={"language": language})
                    covered += 1
                elif position is None and may_counsel(
                    inp.person(pid), trainee=counted[1] > 0
                ):  # a trainee may counsel in a language beside an experienced counsellor
                    add_counsellor(inp.person(pid), lead=False, language=language)
                    covered += 1
            for position, entry in enumerate(staff):
                if covered >= need.interpreters or not self.switch_others():
                    break
                if switch(entry):
                    staff[position] = entry.model_copy(update={"language": language})
                    covered += 1
            for person in self.order(session, f"interpreter:{language}"):
                if covered >= need.interpreters:
                    break
                if add_interpreter(person, language):
                    covered += 1

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
        front = [p for p in front if can_counsel(p) and not p.trainee]
        rest = self.appointment_counsellors(session.date, language)
        first_interpreters = [inp.person(pid) for pid in first if inp.knows(pid)]
        interpreters = self.able(session.date, f"interpreter:{language}")

        def counsellors() -> Iterator[Volunteer]:  # nobody else can come and counsel
            yield from front
            yield from (p for p in rest if p.id not in ahead)

        for offset in starts:
            span = (offset, offset + request.minutes)
            desk = next(
                (n for n, taken in enumerate(desks) if not any(_overlap(span, t) for t in taken)),
                None,
            )
            if desk is None:
                continue
            counsellor = next(
                (p for p in counsellors() if self.fits(p, session, "counsellor", span)), None
            )
            if counsellor is None:
                continue
            interpreter = None
            if not counsellor.speaks(language):
                interpreter = next(
                    (
                        p
                        for p in chain(first_interpreters, interpreters)
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


def forced_on(inp: MonthInput, day: date) -> list[Assign]:
    """The ``assign`` overrides of one date, in file order."""
    return [
        entry for entry in inp.overrides.assign if entry.date == day and inp.knows(entry.volunteer)
    ]
