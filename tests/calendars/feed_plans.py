"""Plans built in memory with roster's own models, for the feed tests.

The plans follow the office's real month calendar (roster.month_calendar), so session
ids, times and offsets are those the solver would write. The offices they plan are built
in feed_offices.py.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from roster.domain.month import Month
from roster.domain.office import parse_clock
from roster.domain.sessions import month_calendar, session_id
from roster.folder.load import load_office
from roster.planfile.io import write_plan
from roster.planfile.schema import (
    ClosedEntry,
    Fairness,
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


def staff(
    volunteer: str,
    role: str = "counsellor",
    language: str | None = None,
    *,
    lead: bool = False,
    trainee: bool = False,
) -> StaffEntry:
    """One staff entry."""
    return StaffEntry.model_validate(
        {
            "volunteer": volunteer,
            "role": role,
            "language": language,
            "lead": lead,
            "trainee": trainee,
        }
    )


def appointment(
    key: str,
    day: date,
    clock: str,
    minutes: int,
    *,
    language: str,
    counsellor: str,
    interpreter: str | None = None,
    desk: int = 1,
) -> PlanAppointment:
    """A scheduled appointment in the Wednesday appointment hours."""
    folder_zone = "Europe/Berlin"
    from zoneinfo import ZoneInfo  # noqa: PLC0415 - local to keep the helper self-contained

    start = datetime.combine(day, parse_clock(clock), tzinfo=ZoneInfo(folder_zone))
    return PlanAppointment(
        key=key,
        case=key.split("#", maxsplit=1)[0],
        session=session_id(day, "appointments", parse_clock("13:00")),
        date=day,
        start=start,
        end=start + timedelta(minutes=minutes),
        desk=desk,
        language=language,
        counsellor=counsellor,
        interpreter=interpreter,
    )


def make_plan(
    folder: Path,
    month: str,
    *,
    staffing: dict[str, list[StaffEntry]] | None = None,
    appointments: list[PlanAppointment] | None = None,
    uncovered: dict[str, list[Uncovered]] | None = None,
    unscheduled: list[Unscheduled] | None = None,
) -> Plan:
    """A plan of ``month`` for the office in ``folder``, following its month calendar."""
    data = load_office(folder)
    office = data.office
    calendar = month_calendar(office, Month.parse(month))
    sessions = [
        PlanSession(
            id=item.id,
            date=item.date,
            name=item.name,
            kind=item.kind,
            start=item.start,
            end=item.end,
            staff=(staffing or {}).get(item.id, []),
            uncovered=(uncovered or {}).get(item.id, []),
        )
        for item in calendar.sessions
    ]
    meeting = calendar.team_meeting
    return Plan(
        office=office.name,
        month=month,
        as_of=Month.parse(month).first - timedelta(days=5),
        timezone=office.timezone,
        locale=office.locale,
        input_digest="0" * 64,
        inputs={},
        sessions=sessions,
        appointments=appointments or [],
        unscheduled=unscheduled or [],
        closed=[ClosedEntry(date=item.date, reason=item.reason) for item in calendar.closed],
        team_meeting=(
            PlanMeeting(
                date=meeting.date,
                start=meeting.start,
                end=meeting.end,
                agenda=list(meeting.agenda),
                moved_from=meeting.moved_from,
            )
            if meeting
            else None
        ),
        fairness=Fairness(window=[month], spread=0.0),
        score=Score(total=0.0),
        solver=solver_facts(),
    )


def solver_facts() -> SolverFacts:
    """Solver facts of a hand-made plan: every field the model asks for, filled plainly."""
    plain: dict[type, object] = {float: 0.0, int: 1, bool: True, str: "test"}
    values: dict[str, object] = {"status": "optimal"}
    for name, info in SolverFacts.model_fields.items():
        if name not in values and info.is_required():
            annotation = info.annotation
            values[name] = plain.get(annotation, 0) if isinstance(annotation, type) else 0
    return SolverFacts.model_validate(values)


def open_id(day: str) -> str:
    """Id of the Thursday open-hours session on ``day``."""
    return session_id(date.fromisoformat(day), "open_hours", parse_clock("14:00"))


def appt_id(day: str) -> str:
    """Id of the Wednesday appointment session on ``day``."""
    return session_id(date.fromisoformat(day), "appointments", parse_clock("13:00"))


def october_plan(folder: Path) -> Plan:
    """October 2026: sessions on both sides of the DST change (Sunday 25 October).

    Thursday 22 October is at 14:00+02:00, Thursday 29 October at 14:00+01:00.
    """
    staffing = {
        open_id("2026-10-01"): [staff("v01", lead=True), staff("v02", "interpreter", "ar")],
        open_id("2026-10-08"): [staff("v01", lead=True), staff("v04", "interpreter", "fa")],
        open_id("2026-10-15"): [staff("v01", lead=True), staff("v03", language="en")],
        open_id("2026-10-22"): [
            staff("v01", lead=True),
            staff("v02", "interpreter", "ar"),
            staff("v05", trainee=True),
        ],
        open_id("2026-10-29"): [
            staff("v01", lead=True),
            staff("v02", "interpreter", "ar"),
            staff("v03"),
        ],
    }
    appointments = [
        appointment(
            "A-2026-101#1",
            date(2026, 10, 21),
            "13:00",
            60,
            language="ar",
            counsellor="v03",
            interpreter="v02",
        ),
        appointment(
            "A-2026-102#1",
            date(2026, 10, 28),
            "14:00",
            30,
            language="fa",
            counsellor="v04",
            desk=2,
        ),
    ]
    uncovered = {
        open_id("2026-10-08"): [
            Uncovered(
                need="language",
                language="ar",
                missing=1,
                reason="Arabic on Thu 8 Oct: v02 has reached max_per_month (3)",
            )
        ]
    }
    unscheduled = [
        Unscheduled(
            key="A-2026-103#1",
            case="A-2026-103",
            language="ti",
            minutes=60,
            earliest=date(2026, 10, 5),
            latest=date(2026, 10, 16),
            reason="A-2026-103: nobody speaks Tigrinya well enough",
        )
    ]
    return make_plan(
        folder,
        "2026-10",
        staffing=staffing,
        appointments=appointments,
        uncovered=uncovered,
        unscheduled=unscheduled,
    )


def save(folder: Path, plan: Plan) -> Path:
    """Write the plan file into the folder's ``rotas/``."""
    return write_plan(folder, plan)


def example_plan(folder: Path) -> Plan:
    """A plausible plan of the example office for December 2026, made by hand rules.

    Every open-hours session gets a lead, a counsellor and interpreters for Arabic and
    Persian, taken in turn; appointments are placed on the Wednesdays of their window with
    their counsellor and an interpreter; the rest is unscheduled. Reasons name volunteers
    by id and cases by reference, as the solver's do. The fixture golden feeds
    (golden/velbert-2026-12-fixture) come from this plan, so it is written out here rather
    than planned by the solver or the greedy baseline: the feed writer stays pinned down
    whatever the planners do. :func:`velbert_plan` falls back to it while the solver's
    real plan (tests/data/plans/velbert-2026-12.json) is not there.
    """
    data = load_office(folder)
    people = data.by_id()
    month = Month(2026, 12)
    calendar = month_calendar(data.office, month)

    def free(volunteer: str, day: date) -> bool:
        return not people[volunteer].is_absent(day)

    def pick(candidates: list[str], day: date, turn: int, taken: set[str]) -> str | None:
        ready = [c for c in candidates if free(c, day) and c not in taken]
        return ready[turn % len(ready)] if ready else None

    leads = sorted(p.id for p in data.volunteers if p.leads())
    counsellors = sorted(p.id for p in data.volunteers if p.counsels() and not p.trainee)
    interpreters = {
        code: sorted(p.id for p in data.volunteers if p.interprets() and p.speaks(code))
        for code in ("ar", "fa", "ti")
    }
    staffing: dict[str, list[StaffEntry]] = {}
    uncovered: dict[str, list[Uncovered]] = {}
    opens = [s for s in calendar.sessions if s.kind == "open_hours"]
    for turn, session in enumerate(opens):
        taken: set[str] = set()
        entries: list[StaffEntry] = []
        lead = pick(leads, session.date, turn, taken)
        if lead:
            taken.add(lead)
            entries.append(staff(lead, lead=True))
        helper = pick(counsellors, session.date, turn + 1, taken)
        if helper:
            taken.add(helper)
            entries.append(staff(helper))
        for code in ("ar", "fa"):
            chosen = pick(interpreters[code], session.date, turn, taken)
            if chosen:
                taken.add(chosen)
                entries.append(staff(chosen, "interpreter", code))
        staffing[session.id] = entries
        tigrinya = interpreters["ti"][0]
        uncovered[session.id] = [
            Uncovered(
                need="language",
                language="ti",
                missing=1,
                reason=(
                    f"Tigrinya on {session.date:%d %b}: only {tigrinya} speaks Tigrinya well "
                    f"enough, and {tigrinya} already has a duty that week"
                ),
            )
        ]
    wednesdays = [s for s in calendar.sessions if s.kind == "appointments"]
    placed: list[PlanAppointment] = []
    unscheduled: list[Unscheduled] = []
    next_free: dict[tuple[date, int], datetime] = {}
    for number, request in enumerate(data.appointments_of(month)):
        req = request.request
        options = [s for s in wednesdays if req.earliest <= s.date <= req.latest]
        counsellor = req.counsellor or counsellors[number % len(counsellors)]
        speakers = [
            p
            for p in interpreters.get(req.language, [])
            + sorted(p.id for p in data.volunteers if p.interprets() and p.speaks(req.language))
            if p != counsellor
        ]
        interpreter = (
            None if people[counsellor].speaks(req.language) else next(iter(speakers), None)
        )
        slot = None
        for session in options:
            if not free(counsellor, session.date) or (
                interpreter and not free(interpreter, session.date)
            ):
                continue
            for desk in (1, 2):
                start = next_free.get((session.date, desk), session.start)
                if start + timedelta(minutes=req.minutes) <= session.end:
                    slot = (session, desk, start)
                    break
            if slot:
                break
        if slot is None or (interpreter is None and not people[counsellor].speaks(req.language)):
            unscheduled.append(
                Unscheduled(
                    key=request.key,
                    case=req.case,
                    language=req.language,
                    minutes=req.minutes,
                    earliest=req.earliest,
                    latest=req.latest,
                    reason=f"{req.case}: its counsellor {counsellor} cannot come on a Wednesday "
                    f"with a free desk and an interpreter for {req.language}",
                )
            )
            continue
        session, desk, start = slot
        next_free[(session.date, desk)] = start + timedelta(minutes=req.minutes)
        placed.append(
            PlanAppointment(
                key=request.key,
                case=req.case,
                session=session.id,
                date=session.date,
                start=start,
                end=start + timedelta(minutes=req.minutes),
                desk=desk,
                language=req.language,
                counsellor=counsellor,
                interpreter=interpreter,
            )
        )
    for session in wednesdays:
        people_there = sorted(
            {a.counsellor for a in placed if a.session == session.id}
            | {a.interpreter for a in placed if a.session == session.id and a.interpreter}
        )
        staffing[session.id] = [
            staff(
                p,
                "interpreter" if p not in counsellors and people[p].interprets() else "counsellor",
            )
            for p in people_there
        ]
    return make_plan(
        folder,
        str(month),
        staffing=staffing,
        appointments=placed,
        uncovered=uncovered,
        unscheduled=unscheduled,
    )


REAL_PLAN = Path(__file__).resolve().parents[1] / "data" / "plans" / "velbert-2026-12.json"


def velbert_plan(folder: Path) -> Plan:
    """The solver's plan of the example office if it is there, else :func:`example_plan`."""
    from roster.planfile.io import read_plan  # noqa: PLC0415

    return read_plan(REAL_PLAN) if REAL_PLAN.is_file() else example_plan(folder)
