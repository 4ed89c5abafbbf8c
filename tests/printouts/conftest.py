"""Fixtures of the printout tests: the example office in a temporary folder, and plans.

The golden tests print the real plan of the example office that the solver wrote,
``tests/data/plans/velbert-2026-12.json``. The other tests build plans in memory with
``make_plan``: a plain first-come rota (the way a person fills a paper rota) built
with the plan models, so that a test can shape exactly the month it needs (a holiday,
a closure, a gap, a note with a marker) without running the solver.

Test modules take everything from here as fixtures (never ``from conftest import``:
other test folders have a conftest module of their own).
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from roster.forecast import month_needs
from roster.loading import OfficeData, load_office
from roster.month import Month
from roster.month_calendar import month_calendar
from roster.office import WEEKDAYS, AppointmentsRule, OpenHoursRule
from roster.plan import (
    ClosedEntry,
    Fairness,
    Load,
    Needs,
    Plan,
    PlanAppointment,
    PlanMeeting,
    PlanSession,
    Score,
    SolverFacts,
    StaffEntry,
    Uncovered,
    Unscheduled,
)
from roster.team import Volunteer

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "velbert"
REAL_PLAN = REPO / "tests" / "data" / "plans" / "velbert-2026-12.json"
GOLDEN = Path(__file__).resolve().parent / "golden"
AS_OF = date(2026, 11, 20)

MakePlan = Callable[..., Plan]


@pytest.fixture
def html_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Printing as without the pdf extra: ``import weasyprint`` fails (and tests stay fast)."""
    monkeypatch.setitem(sys.modules, "weasyprint", None)


@pytest.fixture
def real_plan_folder(tmp_path: Path) -> Path:
    """The example office with the solver's real plan of 2026-12 in ``rotas/``."""
    folder = tmp_path / "velbert"
    shutil.copytree(EXAMPLE, folder)
    (folder / "rotas").mkdir()
    shutil.copyfile(REAL_PLAN, folder / "rotas" / "2026-12.json")
    return folder


@pytest.fixture
def office_folder(tmp_path: Path) -> Path:
    """A copy of the example office (its month is 2026-12)."""
    folder = tmp_path / "velbert"
    shutil.copytree(EXAMPLE, folder)
    return folder


def _available(data: OfficeData, person: Volunteer, day: date) -> bool:
    answer = data.answer(person.id, day)
    if answer is not None:
        return answer != "no" and not person.is_absent(day)
    return WEEKDAYS[day.weekday()] in person.weekdays and not person.is_absent(day)


def _offered(data: OfficeData, person: Volunteer, month: Month) -> int:
    days = {s.date for s in month_calendar(data.office, month).sessions}
    return sum(1 for day in days if _available(data, person, day))


class _FirstCome:
    """Fills the month date by date with the first free qualified people, by id."""

    def __init__(self, data: OfficeData, month: Month) -> None:
        self.data = data
        self.month = month
        self.duties: dict[str, set[date]] = {p.id: set() for p in data.volunteers}
        self.minutes: dict[str, float] = dict.fromkeys(self.duties, 0.0)

    def free(self, person: Volunteer, day: date, taken: set[str]) -> bool:
        return (
            person.id not in taken
            and _available(self.data, person, day)
            and (
                day in self.duties[person.id] or len(self.duties[person.id]) < person.max_per_month
            )
        )

    def take(self, person: Volunteer, day: date, minutes: float) -> None:
        self.duties[person.id].add(day)
        self.minutes[person.id] += minutes

    def open_hours(self, session: PlanSession, rule: OpenHoursRule, needs: Needs) -> PlanSession:
        day = session.date
        minutes = (session.end - session.start).total_seconds() / 60
        people = sorted(self.data.volunteers, key=lambda p: (len(self.duties[p.id]), p.id))
        taken: set[str] = set()
        staff: list[StaffEntry] = []
        uncovered: list[Uncovered] = []
        counsellors = [p for p in people if p.counsels() and not p.trainee]
        lead_done = False
        for person in counsellors:
            if len(staff) >= needs.counsellors_min or not self.free(person, day, taken):
                continue
            lead = person.leads() and not lead_done
            lead_done = lead_done or lead
            staff.append(StaffEntry(volunteer=person.id, role="counsellor", lead=lead))
            taken.add(person.id)
        for person in people:
            if (
                person.trainee
                and self.free(person, day, taken)
                and len(staff) < rule.counsellors.max
            ):
                staff.append(StaffEntry(volunteer=person.id, role="counsellor", trainee=True))
                taken.add(person.id)
                break
        if len(staff) < needs.counsellors_min:
            uncovered.append(
                Uncovered(
                    need="counsellors",
                    missing=needs.counsellors_min - len(staff),
                    reason="no other counsellor can come that day",
                )
            )
        if needs.leads and not lead_done:
            uncovered.append(
                Uncovered(need="lead", missing=needs.leads, reason="no lead can come that day")
            )
        for need in needs.languages:
            found = 0
            for person in people:
                if found >= need.interpreters:
                    break
                if (
                    person.interprets()
                    and need.language in person.interpreter_languages()
                    and self.free(person, day, taken)
                ):
                    staff.append(
                        StaffEntry(volunteer=person.id, role="interpreter", language=need.language)
                    )
                    taken.add(person.id)
                    found += 1
            if found < need.interpreters:
                speakers = sorted(
                    p.id
                    for p in self.data.volunteers
                    if p.interprets() and need.language in p.interpreter_languages()
                )
                who = ", ".join(speakers) if speakers else "nobody on the team"
                uncovered.append(
                    Uncovered(
                        need="language",
                        language=need.language,
                        missing=need.interpreters - found,
                        reason=f"{need.language} is spoken well enough by {who}; none of them can come",
                    )
                )
        for entry in staff:
            self.take(self.data.volunteer(entry.volunteer), day, minutes)
        return session.model_copy(update={"staff": staff, "uncovered": uncovered})

    def appointments(
        self, sessions: list[tuple[PlanSession, AppointmentsRule]]
    ) -> tuple[list[PlanSession], list[PlanAppointment], list[Unscheduled]]:
        placed: list[PlanAppointment] = []
        unscheduled: list[Unscheduled] = []
        busy: dict[tuple[str, int], set[str]] = {}
        desks: dict[tuple[str, int, int], bool] = {}
        for appointment in self.data.appointments_of(self.month):
            request = appointment.request
            done = False
            for session, rule in sessions:
                if done or not request.earliest <= session.date <= request.latest:
                    continue
                slots = rule.minutes // rule.slot_minutes
                span = -(-request.minutes // rule.slot_minutes)
                for first in range(slots - span + 1):
                    if done:
                        break
                    for desk in range(1, rule.desks + 1):
                        window = range(first, first + span)
                        if any(desks.get((session.id, desk, s)) for s in window):
                            continue
                        taken = set().union(*(busy.get((session.id, s), set()) for s in window))
                        team = self._appointment_team(
                            session.date, request.language, request.counsellor, taken
                        )
                        if team is None:
                            continue
                        counsellor, interpreter = team
                        start = session.start + timedelta(minutes=first * rule.slot_minutes)
                        placed.append(
                            PlanAppointment(
                                key=appointment.key,
                                case=request.case,
                                session=session.id,
                                date=session.date,
                                start=start,
                                end=start + timedelta(minutes=request.minutes),
                                desk=desk,
                                language=request.language,
                                counsellor=counsellor,
                                interpreter=interpreter,
                            )
                        )
                        for s in window:
                            desks[(session.id, desk, s)] = True
                            busy.setdefault((session.id, s), set()).update(
                                {counsellor} | ({interpreter} if interpreter else set())
                            )
                        for volunteer in filter(None, (counsellor, interpreter)):
                            self.take(self.data.volunteer(volunteer), session.date, request.minutes)
                        done = True
                        break
            if not done:
                unscheduled.append(
                    Unscheduled(
                        key=appointment.key,
                        case=request.case,
                        language=request.language,
                        minutes=request.minutes,
                        earliest=request.earliest,
                        latest=request.latest,
                        reason=f"{request.case}: no counsellor and interpreter for "
                        f"{request.language} are free together in its window",
                    )
                )
        result = []
        for session, _ in sessions:
            staff: dict[str, StaffEntry] = {}
            for item in placed:
                if item.session != session.id:
                    continue
                staff.setdefault(
                    item.counsellor, StaffEntry(volunteer=item.counsellor, role="counsellor")
                )
                if item.interpreter:
                    staff.setdefault(
                        item.interpreter,
                        StaffEntry(
                            volunteer=item.interpreter, role="interpreter", language=item.language
                        ),
                    )
            result.append(
                session.model_copy(
                    update={"staff": sorted(staff.values(), key=lambda e: e.volunteer)}
                )
            )
        return result, placed, unscheduled

    def _appointment_team(
        self, day: date, language: str, wanted: str | None, taken: set[str]
    ) -> tuple[str, str | None] | None:
        people = sorted(self.data.volunteers, key=lambda p: (p.id != wanted, p.id))
        for person in people:
            if not person.counsels() or person.trainee or not self.free(person, day, taken):
                continue
            if person.speaks(language):
                return person.id, None
            for other in sorted(self.data.volunteers, key=lambda p: p.id):
                if (
                    other.id != person.id
                    and other.interprets()
                    and language in other.interpreter_languages()
                    and self.free(other, day, taken)
                ):
                    return person.id, other.id
        return None


def first_come_plan(data: OfficeData, month: Month, as_of: date = AS_OF) -> Plan:
    """A plan of ``month`` filled first come, first served (no solver)."""
    office = data.office
    calendar = month_calendar(office, month)
    needs_by_session = month_needs(data, month)
    filler = _FirstCome(data, month)
    sessions: list[PlanSession] = []
    appointment_sessions: list[tuple[PlanSession, AppointmentsRule]] = []
    for occurrence in calendar.sessions:
        rule = office.sessions[occurrence.rule_index]
        session = PlanSession(
            id=occurrence.id,
            date=occurrence.date,
            name=occurrence.name,
            kind=occurrence.kind,
            start=occurrence.start,
            end=occurrence.end,
        )
        if isinstance(rule, OpenHoursRule):
            needs = Needs(
                counsellors_min=rule.counsellors.min,
                counsellors_max=rule.counsellors.max,
                leads=rule.leads,
                languages=needs_by_session[occurrence.id],
            )
            session = session.model_copy(update={"needs": needs})
            sessions.append(filler.open_hours(session, rule, needs))
        else:
            assert isinstance(rule, AppointmentsRule)
            appointment_sessions.append((session, rule))
    staffed, appointments, unscheduled = filler.appointments(appointment_sessions)
    sessions = sorted([*sessions, *staffed], key=lambda s: (s.start, s.id))
    loads = []
    rates = []
    for person in sorted(data.volunteers, key=lambda p: p.id):
        offered = _offered(data, person, month)
        duties = len(filler.duties[person.id])
        loads.append(
            Load(
                volunteer=person.id,
                duties=duties,
                hours=round(filler.minutes[person.id] / 60, 2),
                maybe_days=sum(
                    1 for d in filler.duties[person.id] if data.answer(person.id, d) == "maybe"
                ),
                offered=offered,
                window_duties=duties,
                window_offered=offered,
            )
        )
        if offered:
            rates.append(duties / offered)
    meeting = calendar.team_meeting
    digest = hashlib.sha256(b"first-come test plan").hexdigest()
    return Plan(
        office=office.name,
        month=str(month),
        as_of=as_of,
        timezone=office.timezone,
        locale=office.locale,
        input_digest=digest,
        inputs={},
        sessions=sessions,
        appointments=sorted(appointments, key=lambda a: (a.start, a.desk)),
        unscheduled=unscheduled,
        closed=[ClosedEntry(date=c.date, reason=c.reason) for c in calendar.closed],
        team_meeting=None
        if meeting is None
        else PlanMeeting(
            date=meeting.date,
            start=meeting.start,
            end=meeting.end,
            agenda=list(meeting.agenda),
            moved_from=meeting.moved_from,
        ),
        load=loads,
        fairness=Fairness(
            window=[str(month)], spread=round(max(rates) - min(rates), 4) if rates else 0.0
        ),
        score=Score(total=0.0),
        solver=SolverFacts(
            status="greedy",
            objective=0.0,
            bound=0.0,
            gap=0.0,
            seconds=0.0,
            time_limit=0.0,
            workers=1,
            seed=0,
            deterministic=True,
            ortools_version="none",
        ),
    )


@pytest.fixture
def make_plan() -> MakePlan:
    """``make_plan(folder, "2026-12")``: a first-come plan of the folder's office."""

    def make(folder: Path, month: str = "2026-12", as_of: date = AS_OF) -> Plan:
        return first_come_plan(load_office(folder), Month.parse(month), as_of)

    return make
