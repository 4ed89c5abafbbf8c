"""The plan the solver found, read from its variables, and the value of each named
objective term (exactly: without the slack a one-sided penalty variable may carry)."""

from __future__ import annotations

from datetime import timedelta

from ortools.sat.python import cp_model

from roster.planfile.schema import Plan, PlanAppointment, PlanSession, StaffEntry
from solver.figures import open_needs
from solver.model import Built
from solver.month_input import MonthInput
from solver.plan_build import SEED, appointment_staff, finish, plan_skeleton, staff_order
from solver.rules import SOFT_NAMES


def objective_terms(built: Built, solver: cp_model.CpSolver) -> dict[str, int]:
    """The objective points of each named term in ``solver``'s solution."""
    found = dict.fromkeys(SOFT_NAMES, 0)
    for term in built.terms:
        if term.coeff:
            value = term.expr if isinstance(term.expr, int) else solver.value(term.expr)
            found[term.name] = found.get(term.name, 0) + term.coeff * int(value)
    return found


EXACT_SECONDS = 60.0
"""Time allowed to evaluate the objective of a solution exactly (see :func:`exact_terms`)."""


def exact_terms(built: Built, solver: cp_model.CpSolver) -> dict[str, int] | None:
    """The objective terms of the plan ``solver`` found, each at its exact value.

    Penalty variables are bounded from one side (:mod:`solver.soft`): the objective pulls
    them down to their values, but a solution found at the time limit may still carry
    slack in them. With every decision fixed to the solution's (the plan stays the same),
    CP-SAT takes the slack out; an optimal solution has none. None when that evaluation
    finds nothing in its time (the application's comparison then tells).
    """
    v = built.variables
    exact = built.model.clone()
    for var in [*v.decisions(), *v.start.values()]:
        value = solver.value(var)
        domain = exact.proto.variables[var.index].domain
        domain.clear()
        domain.extend([value, value])
    exact.proto.solution_hint.vars.clear()
    exact.proto.solution_hint.values.clear()
    evaluator = cp_model.CpSolver()
    evaluator.parameters.num_workers = 1
    evaluator.parameters.random_seed = SEED
    evaluator.parameters.max_time_in_seconds = EXACT_SECONDS
    if evaluator.solve(exact) != cp_model.OPTIMAL:
        return None
    return objective_terms(built, evaluator)


def extract(inp: MonthInput, built: Built, solver: cp_model.CpSolver) -> Plan:
    """The plan the solver found (with load, fairness, score and reasons filled in)."""
    v = built.variables
    value = solver.boolean_value
    sessions: list[PlanSession] = []
    appointments: list[PlanAppointment] = []
    placed: dict[str, list[tuple[int, str, int]]] = {}
    for item in inp.appointments:
        for option in inp.options(item.key):
            at = (item.key, option.session)
            if value(v.place[at]):
                placed.setdefault(option.session, []).append(
                    (int(solver.value(v.start[at])), item.key, item.request.minutes)
                )
    by_key = {item.key: item for item in inp.appointments}
    languages: dict[str, list[str]] = {}  # open-hours session -> its direct languages, in order
    for sid, language in v.direct:
        languages.setdefault(sid, []).append(language)
    for session in inp.sessions:
        sid = session.id
        staff: list[StaffEntry] = []
        if session.kind == "open_hours":
            for pid, var in v.counsel[sid].items():
                if value(var):
                    spoken = [
                        lang
                        for lang in languages.get(sid, [])
                        if pid in v.direct[sid, lang] and value(v.direct[sid, lang][pid])
                    ]
                    staff.append(
                        StaffEntry(
                            volunteer=pid,
                            role="counsellor",
                            language=spoken[0] if spoken else None,
                            lead=pid in v.lead[sid] and value(v.lead[sid][pid]),
                            trainee=inp.person(pid).trainee,
                        )
                    )
            for (s, lang), people in v.interpret.items():
                if s == sid:
                    staff.extend(
                        StaffEntry(volunteer=pid, role="interpreter", language=lang)
                        for pid, var in people.items()
                        if value(var)
                    )
        else:
            desks_free: list[int] = []
            for offset, key, minutes in sorted(placed.get(sid, [])):
                at = (key, sid)
                desk = next(
                    (n for n, free in enumerate(desks_free) if free <= offset), len(desks_free)
                )
                if desk == len(desks_free):
                    desks_free.append(0)
                desks_free[desk] = offset + minutes
                counsellor = next(p for p, var in v.appt_counsellor[at].items() if value(var))
                second = next((p for p, var in v.appt_second[at].items() if value(var)), None)
                interpreter = next(
                    (p for p, var in v.appt_interpreter[at].items() if value(var)), None
                )
                start = session.start + timedelta(minutes=offset)
                appointments.append(
                    PlanAppointment(
                        key=key,
                        case=by_key[key].case,
                        session=sid,
                        date=session.date,
                        start=start,
                        end=start + timedelta(minutes=minutes),
                        desk=desk + 1,
                        language=by_key[key].request.language,
                        counsellor=counsellor,
                        second_counsellor=second,
                        interpreter=interpreter,
                    )
                )
            staff = appointment_staff(inp, appointments, sid)
        sessions.append(
            PlanSession(
                id=sid,
                date=session.date,
                name=session.name,
                kind=session.kind,
                start=session.start,
                end=session.end,
                needs=open_needs(inp, sid) if session.kind == "open_hours" else None,
                staff=sorted(staff, key=staff_order),
            )
        )
    plan = plan_skeleton(
        inp, sessions, sorted(appointments, key=lambda a: (a.start, a.desk, a.key))
    )
    return finish(inp, plan)
