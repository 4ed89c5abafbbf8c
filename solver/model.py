"""Build the CP-SAT model of a month: variables, hard families, soft families, objective."""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from roster.planfile.schema import Plan
from solver.families import HARD, SOFT
from solver.hard import Guard, overrides
from solver.month_input import MonthInput
from solver.soft import Term
from solver.variables import Var, Variables, make_variables
from solver.warm_start import hint_plan


@dataclass
class Built:
    """A built model with its variables and named penalty terms."""

    model: cp_model.CpModel
    variables: Variables
    terms: list[Term]
    family_literals: dict[str, Var] = field(default_factory=dict)
    override_literals: dict[int, Var] = field(default_factory=dict)


def build_model(
    inp: MonthInput, *, diagnose: bool = False, start: Plan | None = None, bound: int = 0
) -> Built:
    """The month's model. With ``diagnose``, hard families and overrides hang on literals
    (see :class:`solver.hard.Guard`) so an impossible plan can name what clashes.
    ``start``, a plan keeping every hard rule, stays a solution of the model and becomes
    the solver's starting point (:mod:`solver.warm_start`). ``bound``, a proven lower
    bound on the penalty (:mod:`solver.relaxation`), is added as a constraint."""
    model = cp_model.CpModel()
    v = make_variables(model, inp, start)
    guard = Guard(model, diagnose=diagnose)
    override_literals: dict[int, Var] = {}
    for family in HARD:
        if family.add is None:
            continue
        guard.family = family.name
        if family.add is overrides:
            override_literals = overrides(inp, v, guard)
        else:
            family.add(inp, v, guard)
    terms: list[Term] = []
    if not diagnose:
        for soft_family in SOFT:
            terms.extend(soft_family.add(model, inp, v))
        objective = sum(term.coeff * term.expr for term in terms if term.coeff)
        model.minimize(objective)
        if bound > 0:
            model.add(objective >= bound)
    if start is not None:
        hint_plan(model, inp, v, start)
    return Built(model, v, terms, guard.literals, override_literals)
