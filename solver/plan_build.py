"""Assembling a plan file from assignments: the month's facts around them, then what
follows from them (load, fairness, reasons, score). Shared by the solver
(:mod:`solver.solve`) and the greedy baseline (:mod:`solver.baseline`)."""

from __future__ import annotations

import hashlib
from importlib.metadata import version

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
)
from solver.explain import uncovered_of, unscheduled_of
from solver.figures import fairness_of, load_of, penalties_of
from solver.month_input import MonthInput

ORTOOLS_VERSION = version("ortools")
"""The OR-Tools version solving, recorded in every plan."""
SEED = 20261
"""The fixed random seed of every solve, recorded in every plan."""


def input_digest(inputs: dict[str, str]) -> str:
    """SHA-256 over the sorted ``name:sha256`` lines of the files read."""
    text = "".join(f"{name}:{digest}\n" for name, digest in sorted(inputs.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def finish(inp: MonthInput, plan: Plan, *, explain: bool = True) -> Plan:
    """Fill in what follows from the assignments: load, fairness, reasons, score.

    Without ``explain`` the uncovered needs and unscheduled appointments are listed with
    empty reasons, to be filled in by :func:`explained` should the plan be kept: the
    solver's starting plan is only a hint, thrown away when the search finds a better
    one, and its reasons would cost as much as the rest of it."""
    uncovered = uncovered_of(inp, plan, explain=explain)
    sessions = [s.model_copy(update={"uncovered": uncovered.get(s.id, [])}) for s in plan.sessions]
    plan = plan.model_copy(
        update={
            "sessions": sessions,
            "unscheduled": unscheduled_of(inp, plan, explain=explain),
            "load": load_of(inp, plan),
            "fairness": fairness_of(inp, plan)[0],
        }
    )
    penalties = penalties_of(inp, plan)
    return plan.model_copy(
        update={"score": Score(total=sum(p.value for p in penalties), penalties=penalties)}
    )


def explained(inp: MonthInput, plan: Plan) -> Plan:
    """``plan`` (finished by :func:`finish`) with the reasons of its uncovered needs and
    unscheduled appointments written, in the plan's locale; the rest stays as it is."""
    uncovered = uncovered_of(inp, plan)
    sessions = [s.model_copy(update={"uncovered": uncovered.get(s.id, [])}) for s in plan.sessions]
    return plan.model_copy(update={"sessions": sessions, "unscheduled": unscheduled_of(inp, plan)})


def appointment_staff(
    inp: MonthInput, appointments: list[PlanAppointment], sid: str
) -> list[StaffEntry]:
    """Who works in an appointment session, derived from its appointments."""
    staff: dict[str, StaffEntry] = {}
    for item in appointments:
        if item.session != sid:
            continue
        for pid in (item.counsellor, item.second_counsellor):
            if pid and pid not in staff:
                staff[pid] = StaffEntry(
                    volunteer=pid, role="counsellor", trainee=inp.person(pid).trainee
                )
        if item.interpreter and item.interpreter not in staff:
            staff[item.interpreter] = StaffEntry(
                volunteer=item.interpreter, role="interpreter", language=item.language
            )
    return list(staff.values())


def plan_skeleton(
    inp: MonthInput, sessions: list[PlanSession], appointments: list[PlanAppointment]
) -> Plan:
    """A plan of these sessions and appointments, with the month's facts filled in and
    placeholders for load, fairness, score and solver facts (see :func:`finish`)."""
    office = inp.data.office
    meeting = inp.calendar.team_meeting
    inputs = {**inp.data.digest_files(inp.month), **inp.history.files}
    return Plan(
        office=office.name,
        month=str(inp.month),
        as_of=inp.as_of,
        timezone=office.timezone,
        locale=office.locale,
        input_digest=input_digest(inputs),
        inputs=dict(sorted(inputs.items())),
        sessions=sessions,
        appointments=appointments,
        closed=[ClosedEntry(date=c.date, reason=c.reason) for c in inp.calendar.closed],
        team_meeting=None
        if meeting is None
        else PlanMeeting(
            date=meeting.date,
            start=meeting.start,
            end=meeting.end,
            agenda=list(meeting.agenda),
            moved_from=meeting.moved_from,
        ),
        fairness=Fairness(window=[], spread=0.0),
        score=Score(total=0),
        solver=_placeholder_facts(),
        previous=inp.previous,
    )


def staff_order(entry: StaffEntry) -> tuple[int, int, str, str]:
    """Counsellors first, the lead first among them, then by language and id."""
    return (entry.role != "counsellor", not entry.lead, entry.language or "", entry.volunteer)


def _placeholder_facts() -> SolverFacts:
    return SolverFacts(
        status="feasible",
        objective=0,
        bound=0,
        gap=0,
        seconds=0,
        time_limit=0,
        workers=0,
        seed=SEED,
        deterministic=True,
        ortools_version=ORTOOLS_VERSION,
    )
