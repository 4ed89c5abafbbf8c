"""The MIP peer: the month planned by HiGHS (``highspy``) from the same objective as
roster's (:mod:`peers.mip_model` for the hard rules, :mod:`peers.mip_soft` for the soft
ones), within a wall-clock budget that counts building the model, and read out as a plan
file that the independent checker verifies and scores like any other.

    plan, found = mip_plan(data, month, history=history, time_limit=10.0)

``plan`` is None when HiGHS found no plan in the budget ("no plan").
"""

from __future__ import annotations

import sys
import time
from datetime import timedelta
from importlib.metadata import version
from pathlib import Path
from typing import Any

from peers.lp import Progress, Solved, solve
from peers.mip_model import MipModel, build_hard
from peers.mip_soft import build_soft
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office
from roster.planfile.history import History, load_history
from roster.planfile.schema import Plan, PlanAppointment, PlanSession, SolverFacts, StaffEntry
from solver.figures import open_needs
from solver.month_input import month_input
from solver.plan_build import appointment_staff, finish, plan_skeleton, staff_order

HIGHS_VERSION = version("highspy")
Json = dict[str, Any]


def _chosen(table: dict[str, int], values: list[float]) -> str | None:
    return next((pid for pid, col in table.items() if values[col] > 0.5), None)


def _open_staff(m: MipModel, sid: str, values: list[float]) -> list[StaffEntry]:
    inp = m.inp
    staff = []
    for (s, pid), col in m.counsel.items():
        if s != sid or values[col] < 0.5:
            continue
        spoken = [
            lang
            for (s2, lang, p), c in m.direct.items()
            if (s2, p) == (sid, pid) and values[c] > 0.5
        ]
        lead = m.lead.get((sid, pid))
        staff.append(
            StaffEntry(
                volunteer=pid,
                role="counsellor",
                language=spoken[0] if spoken else None,
                lead=lead is not None and values[lead] > 0.5,
                trainee=inp.person(pid).trainee,
            )
        )
    staff.extend(
        StaffEntry(volunteer=pid, role="interpreter", language=lang)
        for (s, lang, pid), col in m.interpret.items()
        if s == sid and values[col] > 0.5
    )
    return staff


def _appointments(m: MipModel, values: list[float]) -> list[PlanAppointment]:
    """The placed appointments, each at the first desk free at its start."""
    inp = m.inp
    by_key = {item.key: item for item in inp.appointments}
    found: list[PlanAppointment] = []
    for session in inp.appointment_sessions:
        placed = sorted(
            (at[2], at[0])
            for at, col in m.place.items()
            if at[1] == session.id and values[col] > 0.5
        )
        desks_free: list[int] = []
        for offset, key in placed:
            at = (key, session.id, offset)
            minutes = by_key[key].request.minutes
            desk = next((n for n, free in enumerate(desks_free) if free <= offset), len(desks_free))
            if desk == len(desks_free):
                desks_free.append(0)
            desks_free[desk] = offset + minutes
            start = session.start + timedelta(minutes=offset)
            counsellor = _chosen(m.counsellor[at], values)
            assert counsellor is not None  # noqa: S101 - a row says: one counsellor when placed
            found.append(
                PlanAppointment(
                    key=key,
                    case=by_key[key].case,
                    session=session.id,
                    date=session.date,
                    start=start,
                    end=start + timedelta(minutes=minutes),
                    desk=desk + 1,
                    language=by_key[key].request.language,
                    counsellor=counsellor,
                    second_counsellor=_chosen(m.second[at], values),
                    interpreter=_chosen(m.interpreter[at], values),
                )
            )
    return sorted(found, key=lambda a: (a.start, a.desk, a.key))


def read_plan(m: MipModel, solved: Solved, time_limit: float) -> Plan:
    """The plan of HiGHS's solution, finished and scored like roster's plans."""
    inp, values = m.inp, solved.values
    assert values is not None  # noqa: S101 - callers read out plans only
    appointments = _appointments(m, values)
    sessions = []
    for session in inp.sessions:
        sid = session.id
        is_open = session.kind == "open_hours"
        staff = (
            _open_staff(m, sid, values) if is_open else appointment_staff(inp, appointments, sid)
        )
        sessions.append(
            PlanSession(
                id=sid,
                date=session.date,
                name=session.name,
                kind=session.kind,
                start=session.start,
                end=session.end,
                needs=open_needs(inp, sid) if is_open else None,
                staff=sorted(staff, key=staff_order),
            )
        )
    plan = finish(inp, plan_skeleton(inp, sessions, appointments))
    objective = solved.objective
    facts = SolverFacts(
        status="optimal" if solved.status == "optimal" else "feasible",
        objective=round(objective, 3),
        bound=round(solved.bound, 3),
        gap=max(0.0, objective - solved.bound) / objective if objective > 0 else 0.0,
        seconds=round(solved.seconds, 3),
        time_limit=time_limit,
        workers=1,
        seed=0,
        deterministic=False,
        ortools_version=f"none (HiGHS {HIGHS_VERSION})",
    )
    return plan.model_copy(update={"solver": facts})


def mip_plan(
    data: OfficeData,
    month: Month,
    *,
    history: History | None = None,
    time_limit: float = 10.0,
    progress: Progress | None = None,
) -> tuple[Plan | None, dict[str, Any]]:
    """Plan the month with HiGHS within ``time_limit`` wall-clock seconds (building the
    model included); the plan (None: no plan found) and what was measured."""
    began = time.perf_counter()
    inp = month_input(data, month, as_of=month.first - timedelta(days=1), history=history)
    m = build_hard(inp)
    build_soft(m)
    built = time.perf_counter() - began
    solved = solve(m.lp, time_limit - built, began, progress)
    figures: dict[str, Any] = {
        "status": solved.status,
        "build_s": round(built, 2),
        "columns": m.lp.columns,
        "rows": m.lp.rows,
        "integer_columns": sum(m.lp.integer),
        "objective": None if solved.values is None else solved.objective,
        "bound": solved.bound,
        "highs_s": round(solved.seconds, 2),
    }
    if solved.values is None:
        return None, figures
    return read_plan(m, solved, time_limit), figures


def child_mip(folder: Path, month: Month, limit: float, plan_out: Path, label: str) -> Json:
    """The ``mip`` child process of ``run.py``: plan with HiGHS, write the plan (if any)."""
    data = load_office(folder)
    history = load_history(folder, month)
    began = time.perf_counter()
    trace: list[list[float]] = []

    def progress(seconds: float, objective: float, bound: float) -> None:
        trace.append([round(seconds, 3), round(seconds, 3), objective, bound])
        print(
            f"  [{label}] {seconds:8.1f} s  objective {objective:>14,.0f}  bound {bound:>14,.0f}",
            file=sys.stderr,
            flush=True,
        )

    plan, figures = mip_plan(data, month, history=history, time_limit=limit, progress=progress)
    figures["wall_s"] = round(time.perf_counter() - began, 2)
    figures["trace"] = trace
    if plan is not None:
        plan_out.write_text(plan.to_json(), encoding="utf-8")
    return figures
