"""The solver's starting plan: the paper rota filled with a guide, then first duties.

The guide is the solution of the open hours' linear relaxation (:mod:`solver.relaxation`):
whom to ask first for each open-hours need. :func:`greedy_of` fills all open hours with
the guide's people only, then what is still open the usual way, then the appointments
(coverage in open hours weighs more), first where the appointments' relaxation
(:mod:`solver.appointment_bound`) puts them, which packs the desks far better than the
first free slot (on the large benchmark office 32 instead of 81 unscheduled), keeping every hard rule
(:class:`solver.paper_rota.PaperRota`). Then everyone of the fairness group who has no
duty over the window gets a first one where it costs nothing (:meth:`GuidedRota.first_duties`).
The plan is scored like the baseline's (:func:`solver.baseline.scored_plan`) and becomes
the solver's hint (:mod:`solver.warm_start`). Without a guide, :func:`greedy_of` is the
baseline plan. Nothing here imports the CP-SAT model.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from roster.domain.office_data import Appointment
from roster.domain.sessions import SessionOccurrence
from roster.domain.team import Volunteer
from roster.planfile.schema import Plan, PlanAppointment, StaffEntry
from solver.availability import can_counsel, can_counsel_in, can_interpret
from solver.baseline import paper_plan, scored_plan
from solver.month_input import MonthInput
from solver.paper_rota import Interval, PaperRota, forced_on

Guide = dict[tuple[str, str], list[str]]
"""Whom to ask first: (open-hours session id, function) -> volunteer ids, where a
function is ``lead``, ``counsellor``, ``counsellor:LANG`` or ``interpreter:LANG``."""

Places = dict[str, list[tuple[str, int]]]
"""Where to place each appointment first: key -> (session id, minutes after its start)."""

_Spare = Callable[[str], bool]
"""Whether a volunteer on duty has another duty day, so could give this one up."""
Place = tuple[str, str]
"""(role, language or ""): the function of a place in an open-hours session."""


def _groups_for(person: Volunteer) -> list[Place]:
    """The places in open hours ``person`` may take: counselling (in German, or in a
    language they counsel in) and interpreting a language they interpret."""
    found: list[Place] = []
    if can_counsel(person):
        found.append(("counsellor", ""))
        found.extend(
            ("counsellor", code) for code in person.languages if can_counsel_in(person, code)
        )
    found.extend(("interpreter", code) for code in person.languages if can_interpret(person, code))
    return found


@dataclass
class GuidedRota(PaperRota):
    """The paper rota that asks the guide's people first and hands out first duties."""

    guide: Guide = field(default_factory=dict)
    guide_only: bool = False
    """Ask only the guide's people (the first pass over the open hours)."""
    places: dict[str, dict[Place, list[int]]] = field(default_factory=dict)
    """While first duties are given: open-hours session id -> the positions of its staff
    someone else could take, by function (:meth:`places_of`)."""
    counted: dict[str, list[int]] = field(default_factory=dict)
    """While first duties are given: open-hours session id -> [counsellors, experienced
    counsellors] in it."""
    placed_in: dict[str, list[int]] = field(default_factory=dict)
    """While first duties are given: appointment session id -> the positions of its
    appointments in ``appointments``."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.requests = {item.key: item.request for item in self.inp.appointments}
        self.direct_guide: dict[str, list[str]] = {}
        """session id -> the guide's people for counselling in a language, in guide order"""
        for (sid, name), people in self.guide.items():
            if name.startswith("counsellor:"):
                self.direct_guide.setdefault(sid, []).extend(people)

    # -- appointments where the relaxation puts them -------------------------------------
    def place_guided(self, waiting: list[Appointment], places: Places) -> None:
        """Place each waiting appointment at the first of its ``places`` that works,
        session by session in date order (the people asked first as in :meth:`fill`);
        those placed are taken out of ``waiting``."""
        inp = self.inp
        wanted: dict[str, list[tuple[Appointment, list[int]]]] = {}
        for item in waiting:
            for sid, start in places.get(item.key, [])[:1]:
                wanted.setdefault(sid, []).append((item, [start]))
        for day in inp.dates:
            first = [entry.volunteer for entry in forced_on(inp, day)]
            for session in inp.sessions_on(day):
                for item, starts in wanted.get(session.id, []):
                    if self.appointment(item, session, starts, first):
                        waiting.remove(item)

    # -- whom to ask ---------------------------------------------------------------------
    def order(self, session: SessionOccurrence, function: str) -> list[Volunteer]:
        """Whom to ask for ``function``: the guide's people first (for counselling, those
        it has counsel in a language before the others), then the list by id."""
        wanted = list(self.guide.get((session.id, function), []))
        if function == "counsellor":
            direct = self.direct_guide.get(session.id, [])
            wanted = list(dict.fromkeys([*direct, *wanted]))
        first = [self.inp.person(pid) for pid in wanted]
        return first if self.guide_only else [*first, *super().order(session, function)]

    def direct_first(self, session: SessionOccurrence, language: str) -> list[str]:
        """The guide's people for counselling in ``language`` in ``session``."""
        return self.guide.get((session.id, f"counsellor:{language}"), [])

    def switch_others(self) -> bool:
        """Counsellors the guide did not name switch language only after its pass."""
        return not self.guide_only

    # -- first duties --------------------------------------------------------------------
    def release(self, pid: str, session: SessionOccurrence, minutes: int) -> None:
        """Take ``pid``'s function in ``session`` out of the rota (its duty day stays only
        while another function falls on that date)."""
        del self.function[pid, session.id]
        self.minutes[pid] -= minutes
        if not any((pid, s.id) in self.function for s in self.inp.sessions_on(session.date)):
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
        self.places = {}
        self.counted = {}
        self.placed_in = {}
        for position, item in enumerate(self.appointments):
            self.placed_in.setdefault(item.session, []).append(position)
        # one person without a first duty leaves the rota as it was: stop at the first
        if not all(self.first_duty(inp.person(pid)) for pid in idle):
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
                if self.first_open_hours_duty(person, session, spare):
                    return True
                continue
            for position in self.placed_in.get(session.id, []):
                item = self.appointments[position]
                if self.first_appointment_duty(person, session, position, item, spare):
                    return True
        return False

    def first_open_hours_duty(
        self, person: Volunteer, session: SessionOccurrence, spare: _Spare
    ) -> bool:
        """A free counsellor place in ``session`` for ``person``, or the place of someone
        with another duty day; whether one was taken."""
        inp = self.inp
        pid = person.id
        staff = self.staff.setdefault(session.id, [])
        counted = self.counted.get(session.id)
        if counted is None:  # counsellors, experienced counsellors
            counted = self.counted[session.id] = [
                sum(1 for e in staff if e.role == "counsellor"),
                sum(1 for e in staff if e.role == "counsellor" and not e.trainee),
            ]
        if (
            can_counsel(person)
            and counted[1]
            and counted[0] < inp.open_rule(session.id).counsellors.max
        ):
            self.take(pid, session, "counsellor", session.minutes)
            staff.append(StaffEntry(volunteer=pid, role="counsellor", trainee=person.trainee))
            counted[0] += 1
            counted[1] += not person.trainee
            return True
        experienced = counted[1]
        least = max(1, inp.open_rule(session.id).counsellors.min)

        def fits(entry: StaffEntry) -> bool:  # a trainee never leaves the session short or alone
            return (
                entry.role == "interpreter"
                or not person.trainee
                or entry.trainee
                or experienced - 1 >= least
            )

        places = self.places_of(session.id, staff)
        found = [
            self.first_place(places.get(group, []), staff, spare, fits)
            for group in _groups_for(person)
        ]
        position = min((n for n in found if n is not None), default=None)
        if position is None:
            return False
        entry = staff[position]
        function = "counsellor" if entry.role == "counsellor" else f"interpreter:{entry.language}"
        self.release(entry.volunteer, session, session.minutes)
        self.take(pid, session, function, session.minutes)
        staff[position] = entry.model_copy(
            update={"volunteer": pid, "trainee": person.trainee}
            if entry.role == "counsellor"
            else {"volunteer": pid}
        )
        if entry.role == "counsellor":
            counted[1] += (not person.trainee) - (not entry.trainee)
        return True

    def places_of(self, session_id: str, staff: list[StaffEntry]) -> dict[Place, list[int]]:
        """The positions in ``staff`` someone else could take, by function (lead duty
        excepted), as they stood when first duties began."""
        places = self.places.get(session_id)
        if places is None:
            places = self.places[session_id] = {}
            for position, entry in enumerate(staff):
                if not entry.lead:
                    places.setdefault((entry.role, entry.language or ""), []).append(position)
        return places

    @staticmethod
    def first_place(
        group: list[int],
        staff: list[StaffEntry],
        spare: _Spare,
        fits: Callable[[StaffEntry], bool],
    ) -> int | None:
        """The first position of ``group`` whose holder has another duty day and whose
        place ``fits``; positions whose holder has no other duty day are dropped from
        ``group`` on the way (they never get one again while first duties are given)."""
        gone: set[int] = set()
        found = None
        scanned = 0
        while scanned < len(group) and found is None:
            position = group[scanned]
            scanned += 1
            if not spare(staff[position].volunteer):
                gone.add(position)
            elif fits(staff[position]):
                found = position
        if gone:  # only the part scanned: the cost stays that of the scan
            group[:scanned] = [n for n in group[:scanned] if n not in gone]
        return found

    def first_appointment_duty(
        self,
        person: Volunteer,
        session: SessionOccurrence,
        position: int,
        item: PlanAppointment,
        spare: _Spare,
    ) -> bool:
        """The counsellor's or interpreter's place in appointment ``item`` (the
        ``position``-th placed) for ``person``; whether one was taken."""
        pid = person.id
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


def greedy_of(
    inp: MonthInput,
    guide: Guide | None = None,
    places: Places | None = None,
    *,
    explain: bool = True,
) -> Plan:
    """The solver's starting plan of a gathered month: every hard rule kept, finished and
    scored.

    With a ``guide`` (see :mod:`solver.relaxation`), all open hours are filled first with
    the guide's people only, then what is still open the usual way, then the
    appointments: first each where ``places`` (the appointments' relaxation,
    :mod:`solver.appointment_bound`) puts it, then the others the usual way; then first
    duties. Without a guide, the baseline plan (:func:`solver.baseline.paper_plan`).
    Raises :class:`RosterError` when an ``assign`` override cannot be placed. Without
    ``explain`` the reasons are left empty (:func:`solver.plan_build.explained` writes
    them): the solver explains only the plan it returns.
    """
    if not guide:
        return paper_plan(inp, explain=explain)
    began = time.perf_counter()
    rota = GuidedRota(inp, guide=guide)
    waiting = list(inp.appointments)
    for kinds, guide_only in (
        (("open_hours",), True),
        (("open_hours",), False),
    ):
        rota.guide_only = guide_only
        rota.fill(kinds, waiting)
    if places:
        rota.place_guided(waiting, places)
    rota.fill(("appointments",), waiting)
    rota.first_duties()
    return scored_plan(rota, began, explain=explain)
