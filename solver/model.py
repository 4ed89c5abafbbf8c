"""Build the CP-SAT model of a month: variables, hard families, soft families, objective."""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from solver.families import HARD, SOFT
from solver.hard import Guard, overrides
from solver.month_input import MonthInput
from solver.soft import Term
from solver.variables import Var, Variables, make_variables


@dataclass
class Built:
    """A built model with its variables and named penalty terms."""

    model: cp_model.CpModel
    variables: Variables
    terms: list[Term]
    family_literals: dict[str, Var] = field(default_factory=dict)
    override_literals: dict[int, Var] = field(default_factory=dict)


def build_model(inp: MonthInput, *, diagnose: bool = False) -> Built:
    """The month's model. With ``diagnose``, hard families and overrides hang on literals
    (see :class:`solver.hard.Guard`) so an impossible plan can name what clashes."""
    model = cp_model.CpModel()
    v = make_variables(model, inp)
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
        model.minimize(sum(term.coeff * term.expr for term in terms if term.coeff))
    return Built(model, v, terms, guard.literals, override_literals)
