"""Why an appointment request is not in the plan, as reason codes with their data.

For each session the request could take place in, one fact, the one that blocks it: the
session is kept as planned, no counsellor can come and is free, nobody who can come
interprets or counsels in its language (naming those who speak it and what kept each),
every desk is taken, the people it needs are busy whenever a desk is free; or it would
fit, and the plan found leaving it out cheaper.

What a person can do in a session depends on the session, the appointment's length and
start grid and, for interpreting, its language, never on the request itself: each
person's fact, each session's free counsellors and desks and each (session, length,
language)'s outcome is worked out once and shared by every request that needs it (see
:class:`Outcome`), so explaining a city's hundreds of unscheduled requests costs about
as much as looking at its team once per session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from roster.domain.office_data import Appointment
from roster.domain.sessions import SessionOccurrence
from roster.domain.team import Volunteer
from roster.planfile.schema import Plan, PlanAppointment
from solver.availability import can_counsel, can_interpret
from solver.month_input import MonthInput
from solver.person_reasons import PersonReasons
from solver.reasons import Candidate, Code, Explanation, Reason, reason

COUNSELLORS_SHOWN = 8
"""When an appointment would fit, at most this many counsellors who could take it are named."""


Grid = tuple[str, int, tuple[int, ...]]
"""(appointment session id, minutes, start offsets): what an appointment asks of a session."""
Fact = tuple[Candidate | None, list[int]]
"""What keeps a person from a role in an appointment (None: nothing hard), and the start
offsets at which they are free."""


@dataclass(frozen=True)
class Counsellors:
    """The counsellors who can come to a session and whom nothing hard keeps from an
    appointment of one :data:`Grid`."""

    free: dict[str, list[int]]
    """volunteer id -> the offsets at which they are free, in id order"""
    at: dict[int, list[str]] = field(default_factory=dict)
    """offset -> the counsellors free at it, in id order"""


@dataclass(frozen=True)
class Outcome:
    """Why no appointment of one :data:`Grid` and language is in its session, for any
    request but its named counsellor (:meth:`AppointmentReasons.option_reason` adds them)."""

    why: Reason
    blocked: tuple[Candidate, ...]
    """Counsellors who speak the language and interpreters of it, each with what kept
    them from it, by id."""
    tail: tuple[Candidate, ...] = ()
    """When it would fit: the counsellors and interpreters who could take it."""
    named_people: tuple[Candidate, ...] = ()
    """When nobody who can come covers the language: those of ``blocked`` who could."""


class AppointmentReasons(PersonReasons):
    """Reasons for the appointment requests one plan leaves out."""

    def __init__(self, inp: MonthInput, plan: Plan) -> None:
        super().__init__(inp, plan)
        self._facts: dict[tuple[str, str, Grid], Fact] = {}
        self._counsellors: dict[Grid, Counsellors] = {}
        self._outcomes: dict[tuple[Grid, str], Outcome] = {}
        self._desks: dict[Grid, list[int]] = {}
        self._placed: dict[str, list[PlanAppointment]] = {}
        for placed in self.plan.appointments:
            self._placed.setdefault(placed.session, []).append(placed)

    def unscheduled(self, item: Appointment) -> Explanation:
        """Explain why an appointment request is not in the plan: one fact per date it
        could take place on, blocking fact first, with the people it names."""
        request = item.request
        title = reason(
            "appointment_title",
            key=item.key,
            language=request.language,
            minutes=request.minutes,
            window=(request.earliest, request.latest),
        )
        options = self.inp.options(item.key)
        if not options:
            return Explanation(request.earliest, title, self.no_session(item))
        days: list[tuple[date, Reason, tuple[Candidate, ...]]] = []
        groups: list[tuple[date | None, tuple[Candidate, ...]]] = []
        named_blocks: list[Reason] = []
        for option in options:
            session = self.inp.session(option.session)
            why, people, named, named_people = self.option_reason(item, session, option.starts)
            days.append((session.date, why, named_people))
            groups.append((session.date, tuple(people)))
            if named:
                named_blocks.append(named)
        headline = None
        if request.counsellor and len(named_blocks) == len(options):
            headline = reason(
                "named_counsellor", volunteer=request.counsellor, reason=named_blocks[0]
            )
        summary = reason("appointment_days", named=headline or "", days=tuple(days))
        facts = tuple((day, why) for day, why, _ in days)
        return Explanation(request.earliest, title, summary, tuple(groups), facts, headline)

    def no_session(self, item: Appointment) -> Reason:
        """Why the request has no session to take place in."""
        request = item.request
        first, last = request.earliest, request.latest
        inside = [s for s in self.inp.appointment_sessions if first <= s.date <= last]
        if inside:
            return reason("sessions_too_short", first=first, last=last, minutes=request.minutes)
        closed = tuple(
            (c.date, c.reason) for c in self.inp.calendar.closed if first <= c.date <= last
        )
        return reason(
            "no_appointment_session",
            first=first,
            last=last,
            closed=reason("closed", days=closed) if closed else "",
        )

    def free_starts(
        self, session: SessionOccurrence, starts: tuple[int, ...], minutes: int
    ) -> list[int]:
        """Start offsets at which a desk is free for ``minutes`` (worked out once per grid)."""
        grid = (session.id, minutes, starts)
        found = self._desks.get(grid)
        if found is None:
            found = self._desks[grid] = self._free_starts(session, starts, minutes)
        return found

    def _free_starts(
        self, session: SessionOccurrence, starts: tuple[int, ...], minutes: int
    ) -> list[int]:
        desks = self.inp.appointment_rule(session.id).desks
        items = [(a.start.timestamp(), a.end.timestamp()) for a in self._placed.get(session.id, [])]
        free = []
        for offset in starts:
            begin = session.start.timestamp() + offset * 60
            end = begin + minutes * 60
            moments = [begin] + [first for first, _ in items if begin < first < end]
            if all(sum(1 for first, last in items if first <= m < last) < desks for m in moments):
                free.append(offset)
        return free

    def free_at(
        self, pid: str, session: SessionOccurrence, offsets: list[int], minutes: int
    ) -> list[int]:
        """Which of ``offsets`` leave ``pid`` free of their other appointments."""
        busy = self.index.busy(pid, session.id)
        result = []
        for offset in offsets:
            begin = session.start.timestamp() + offset * 60
            end = begin + minutes * 60
            if all(a.end.timestamp() <= begin or a.start.timestamp() >= end for a in busy):
                result.append(offset)
        return result

    def appointment_person(
        self,
        person: Volunteer,
        session: SessionOccurrence,
        minutes: int,
        offsets: list[int],
        role: str,
    ) -> tuple[Candidate | None, list[int]]:
        """Hard reason the person cannot take the role; else the offsets they are free at."""
        block = self.blocker(person, session, minutes)
        if block is not None:
            return block, []
        functions = self.index.works_in(person.id, session.id)
        if functions and functions != [role]:
            doing = self.doing(person.id, session.id)
            return Candidate(person.id, reason("already", doing=doing), "in_session"), []
        free = self.free_at(person.id, session, offsets, minutes)
        if not free:
            return Candidate(person.id, reason("busy_every_start"), "in_session"), []
        return None, free

    def fact(self, person: Volunteer, session: SessionOccurrence, grid: Grid, role: str) -> Fact:
        """:meth:`appointment_person` for an appointment of ``grid``, worked out once."""
        key = (person.id, role, grid)
        found = self._facts.get(key)
        if found is None:
            found = self.appointment_person(person, session, grid[1], list(grid[2]), role)
            self._facts[key] = found
        return found

    def counsellors(self, session: SessionOccurrence, grid: Grid) -> Counsellors:
        """The counsellors free for an appointment of ``grid``, worked out once."""
        found = self._counsellors.get(grid)
        if found is None:
            free: dict[str, list[int]] = {}
            at: dict[int, list[str]] = {}
            for person in self.inp.present_on(session.date):
                if not can_counsel(person):
                    continue
                block, offsets = self.fact(person, session, grid, "counsellor")
                if block is None:
                    free[person.id] = offsets
                    for offset in offsets:
                        at.setdefault(offset, []).append(person.id)
            found = self._counsellors[grid] = Counsellors(free, at)
        return found

    def option_reason(
        self, item: Appointment, session: SessionOccurrence, starts: tuple[int, ...]
    ) -> tuple[Reason, list[Candidate], Reason | None, tuple[Candidate, ...]]:
        """Why the appointment is not in ``session``; the candidates considered; what kept
        its named counsellor away; the candidates the fact names (those who speak the
        language, when nobody who can come interprets or counsels in it)."""
        request = item.request
        language = request.language
        if self.inp.is_kept(session):
            return reason("day_kept", day=self.inp.as_of), [], None, ()
        grid = (session.id, request.minutes, tuple(starts))
        outcome = self._outcomes.get((grid, language))
        if outcome is None:
            outcome = self._outcomes[grid, language] = self.outcome(session, grid, language)
        found = list(outcome.blocked)
        named_block: Reason | None = None
        named = request.counsellor
        if named and self.inp.knows(named) and can_counsel(self.inp.person(named)):
            person = self.inp.person(named)
            block, _ = self.fact(person, session, grid, "counsellor")
            if block is not None:
                named_block = block.reason
                if not person.speaks(language):  # else among the speakers already
                    found = sorted([*found, block], key=lambda c: c.volunteer)
        return outcome.why, [*found, *outcome.tail], named_block, outcome.named_people

    def outcome(self, session: SessionOccurrence, grid: Grid, language: str) -> Outcome:
        """Why no appointment of ``grid`` in ``language`` is in ``session``."""
        starts, minutes = grid[2], grid[1]
        speaking = self.inp.with_language(language)
        people: dict[str, Candidate] = {}
        for person in speaking:
            if can_counsel(person) and person.speaks(language):
                block, _ = self.fact(person, session, grid, "counsellor")
                if block is not None:
                    people[person.id] = block
        interpreter_free: dict[str, list[int]] = {}
        for person in speaking:
            if can_interpret(person, language):
                block, free = self.fact(person, session, grid, f"interpreter:{language}")
                if block is None:
                    interpreter_free[person.id] = free
                else:
                    people.setdefault(person.id, block)
        found = tuple(sorted(people.values(), key=lambda c: c.volunteer))
        counsellors = self.counsellors(session, grid)
        if not counsellors.free:
            return Outcome(reason("no_counsellor"), found)
        speakers = [p.id for p in speaking if p.id in counsellors.free and p.speaks(language)]
        if not speakers and not interpreter_free:
            named_people = tuple(c for c in found if self.covers(c.volunteer, language))
            if not named_people:
                return Outcome(reason("nobody_interprets", language=language), found)
            return Outcome(reason("no_interpreter", language=language), found, (), named_people)
        desks_free = set(self.free_starts(session, starts, minutes))
        if not desks_free:
            desks = self.inp.appointment_rule(session.id).desks
            taken = tuple(sorted(a.key for a in self._placed.get(session.id, [])))
            code: Code = "desk_taken" if desks == 1 else "desks_taken"
            return Outcome(reason(code, desks=desks, taken=taken), found)
        spoken_at = {offset for pid in speakers for offset in counsellors.free[pid]}
        interpreters_at: dict[int, list[str]] = {}
        for pid, free in interpreter_free.items():
            for offset in free:
                interpreters_at.setdefault(offset, []).append(pid)
        fitting = [
            offset
            for offset in sorted(desks_free)
            if offset in spoken_at
            or _pair(counsellors.at.get(offset, []), interpreters_at.get(offset, []))
        ]
        if not fitting:
            return Outcome(reason("busy_whenever"), found)
        tail = [
            Candidate(pid, reason("could_counsel_it"), "free")
            for pid in sorted(counsellors.free)[:COUNSELLORS_SHOWN]
        ]
        tail.extend(self.soft_reason(self.inp.person(pid), session) for pid in interpreter_free)
        fits = session.start + timedelta(minutes=fitting[0])
        return Outcome(reason("would_fit", time=fits), found, tuple(tail))

    def covers(self, pid: str, language: str) -> bool:
        """Whether ``pid`` may interpret ``language`` or counsel in it."""
        person = self.inp.person(pid)
        return can_interpret(person, language) or (can_counsel(person) and person.speaks(language))


def _pair(counsellors: list[str], interpreters: list[str]) -> bool:
    """Whether a counsellor and an interpreter who are two people are free together."""
    if not counsellors or not interpreters:
        return False
    return not (len(interpreters) == 1 and counsellors == interpreters)
