"""Start the search from a plan: every decision of the model gets the plan's value as a
hint (CP-SAT's ``AddHint``), so the solver's first solution is that plan and every plan
it reports afterwards is better.

The starting plan is the greedy plan guided by the open hours' relaxation
(:func:`solver.guided_start.greedy_of`, :mod:`solver.relaxation`): it keeps every hard rule and
the model is built to contain it (:func:`solver.variables.make_variables`), so even on a
city-sized office the solver has a complete, good plan from its first seconds instead of
searching for one.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

from roster.planfile.schema import Plan
from solver.month_input import MonthInput
from solver.variables import Var, Variables


def plan_values(inp: MonthInput, v: Variables, plan: Plan) -> dict[int, int]:
    """The value of every decision variable in ``plan`` (by variable index): 1 for what
    the plan assigns, 0 for the rest, appointments at the plan's start (unplaced ones at
    their first slot). Assignments the model has no variable for are left out."""
    values: dict[int, int] = {var.index: 0 for var in v.decisions()}

    def put(var: Var | None, value: int = 1) -> None:
        if var is not None:
            values[var.index] = value

    for session in plan.sessions:
        sid = session.id
        if session.kind != "open_hours" or sid not in v.counsel:
            continue
        for entry in session.staff:
            pid = entry.volunteer
            if entry.role == "counsellor":
                put(v.counsel[sid].get(pid))
                if entry.language:
                    put(v.direct.get((sid, entry.language), {}).get(pid))
                if entry.lead:
                    put(v.lead[sid].get(pid))
            elif entry.language:
                put(v.interpret.get((sid, entry.language), {}).get(pid))
    for (key, sid), start in v.start.items():
        values[start.index] = next(o.starts[0] for o in inp.options(key) if o.session == sid)
    for item in plan.appointments:
        at = (item.key, item.session)
        if at not in v.place:
            continue
        opens = inp.session(item.session).start
        put(v.place[at])
        put(v.start[at], int((item.start - opens).total_seconds()) // 60)
        put(v.appt_counsellor[at].get(item.counsellor))
        if item.second_counsellor:
            put(v.appt_second[at].get(item.second_counsellor))
        if item.interpreter:
            put(v.appt_interpreter[at].get(item.interpreter))
    return values


COMPLETION_SECONDS = 60.0
"""Time allowed to derive the rest of the hint from the plan's decisions."""


def hint_plan(model: cp_model.CpModel, inp: MonthInput, v: Variables, plan: Plan) -> None:
    """Hint every variable of the model with its value in ``plan``.

    The decisions come from the plan; the variables that follow from them (duty days,
    shortfalls, penalty counts) are derived by CP-SAT itself on a copy of the model with
    the decisions fixed, which takes well under a second even for a city. A complete,
    feasible hint is the solver's first solution at once; should the derivation fail,
    the decisions alone are hinted.
    """
    values = plan_values(inp, v, plan)
    by_index = {var.index: var for var in [*v.decisions(), *v.start.values()]}
    for index, value in sorted(values.items()):
        model.add_hint(by_index[index], value)
    fixed = model.clone()
    solver = cp_model.CpSolver()
    solver.parameters.fix_variables_to_their_hinted_value = True
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = COMPLETION_SECONDS
    if solver.solve(fixed) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return
    hint = model.proto.solution_hint
    hint.vars.clear()
    hint.values.clear()
    hint.vars.extend(range(len(model.proto.variables)))
    hint.values.extend(solver.response_proto.solution)
