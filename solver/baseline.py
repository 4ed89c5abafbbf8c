"""The benchmarks' baseline: the month planned the way a person fills a paper rota
(:class:`solver.paper_rota.PaperRota`), first come, first served, keeping every hard rule.

Load, fairness, uncovered needs with their reasons and the score are filled in by the
same functions that finish a CP-SAT plan (:func:`solver.plan_build.finish`), so the
checker scores both plans alike; :func:`scored_plan` does that for the solver's guided
starting plan too (:mod:`solver.guided_start`). An ``assign`` override the rota cannot
place is an error. Nothing here imports the CP-SAT model.
"""

from __future__ import annotations

import time
from datetime import date, timedelta

from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.planfile.history import History
from roster.planfile.schema import Plan, PlanSession, SolverFacts
from solver.figures import open_needs
from solver.month_input import MonthInput, month_input
from solver.paper_rota import PaperRota
from solver.plan_build import appointment_staff, finish, plan_skeleton, staff_order


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
    plan = paper_plan(month_input(data, month, as_of=as_of, history=history))
    seconds = round(time.perf_counter() - began, 3)
    return plan.model_copy(update={"solver": plan.solver.model_copy(update={"seconds": seconds})})


def paper_plan(inp: MonthInput, *, explain: bool = True) -> Plan:
    """The baseline plan of a gathered month: all sessions date by date, every hard rule
    kept, finished and scored (its reasons empty without ``explain``). Raises
    :class:`RosterError` when an ``assign`` override cannot be placed."""
    began = time.perf_counter()
    rota = PaperRota(inp)
    rota.fill(("open_hours", "appointments"), list(inp.appointments))
    return scored_plan(rota, began, explain=explain)


def scored_plan(rota: PaperRota, began: float, *, explain: bool = True) -> Plan:
    """The filled rota as a plan: every ``assign`` override checked to be in it, then
    finished and scored like a CP-SAT plan; ``began`` is when the filling began. Without
    ``explain``, reasons are left empty (:func:`solver.plan_build.finish`)."""
    inp = rota.inp
    plan = _plan(inp, rota)
    _check_overrides(inp, plan)
    plan = finish(inp, plan, explain=explain)
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


def _plan(inp: MonthInput, rota: PaperRota) -> Plan:
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
