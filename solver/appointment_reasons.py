"""Why an appointment request is not in the plan, as reason codes with their data.

For each session the request could take place in, one fact, the one that blocks it: the
session is kept as planned, no counsellor can come and is free, nobody who can come
interprets or counsels in its language (naming those who speak it and what kept each),
every desk is taken, the people it needs are busy whenever a desk is free; or it would
fit, and the plan found leaving it out cheaper.
"""

from __future__ import annotations

from datetime import date, timedelta

from roster.domain.office_data import Appointment
from roster.domain.sessions import SessionOccurrence
from roster.domain.team import Volunteer
from solver.availability import can_counsel, can_interpret
from solver.person_reasons import PersonReasons
from solver.reasons import Candidate, Code, Explanation, Reason, reason

COUNSELLORS_SHOWN = 8
"""When an appointment would fit, at most this many counsellors who could take it are named."""


class AppointmentReasons(PersonReasons):
    """Reasons for the appointment requests one plan leaves out."""

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
        """Start offsets at which a desk is free for ``minutes``."""
        desks = self.inp.appointment_rule(session.id).desks
        items = [a for a in self.plan.appointments if a.session == session.id]
        free = []
        for offset in starts:
            begin = session.start.timestamp() + offset * 60
            end = begin + minutes * 60
            moments = [begin] + [
                a.start.timestamp() for a in items if begin < a.start.timestamp() < end
            ]
            if all(
                sum(1 for a in items if a.start.timestamp() <= m < a.end.timestamp()) < desks
                for m in moments
            ):
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
        every = list(starts)
        people: dict[str, Candidate] = {}
        counsellor_free: dict[str, list[int]] = {}
        interpreter_free: dict[str, list[int]] = {}
        named_block: Reason | None = None
        for person in self.inp.people:
            if can_counsel(person):
                block, free = self.appointment_person(
                    person, session, request.minutes, every, "counsellor"
                )
                if block is None:
                    counsellor_free[person.id] = free
                else:
                    if person.id == request.counsellor:
                        named_block = block.reason
                    if person.id == request.counsellor or person.speaks(language):
                        people.setdefault(person.id, block)
            if can_interpret(person, language):
                block, free = self.appointment_person(
                    person, session, request.minutes, every, f"interpreter:{language}"
                )
                if block is None:
                    interpreter_free[person.id] = free
                else:
                    people.setdefault(person.id, block)
        found = sorted(people.values(), key=lambda c: c.volunteer)
        if not counsellor_free:
            return reason("no_counsellor"), found, named_block, ()
        speakers = [pid for pid in counsellor_free if self.inp.person(pid).speaks(language)]
        if not speakers and not interpreter_free:
            named_people = tuple(c for c in found if self.covers(c.volunteer, language))
            if not named_people:
                return reason("nobody_interprets", language=language), found, named_block, ()
            return (
                reason("no_interpreter", language=language),
                found,
                named_block,
                named_people,
            )
        desks_free = set(self.free_starts(session, starts, request.minutes))
        if not desks_free:
            desks = self.inp.appointment_rule(session.id).desks
            taken = tuple(sorted(a.key for a in self.plan.appointments if a.session == session.id))
            code: Code = "desk_taken" if desks == 1 else "desks_taken"
            return reason(code, desks=desks, taken=taken), found, named_block, ()
        fitting = [
            offset
            for offset in sorted(desks_free)
            if any(
                offset in free
                and (
                    pid in speakers
                    or any(offset in other for i, other in interpreter_free.items() if i != pid)
                )
                for pid, free in counsellor_free.items()
            )
        ]
        if not fitting:
            return reason("busy_whenever"), found, named_block, ()
        found.extend(
            Candidate(pid, reason("could_counsel_it"), "free")
            for pid in sorted(counsellor_free)[:COUNSELLORS_SHOWN]
        )
        found.extend(self.soft_reason(self.inp.person(pid), session) for pid in interpreter_free)
        fits = session.start + timedelta(minutes=fitting[0])
        return reason("would_fit", time=fits), found, named_block, ()

    def covers(self, pid: str, language: str) -> bool:
        """Whether ``pid`` may interpret ``language`` or counsel in it."""
        person = self.inp.person(pid)
        return can_interpret(person, language) or (can_counsel(person) and person.speaks(language))
