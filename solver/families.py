"""Every rule of a plan in one place: the hard families, then the soft ones in order of
priority. The model adds them in this order; the independent checker (:mod:`roster.checking`)
checks the same names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from solver import hard, soft
from solver.hard import Guard
from solver.month_input import MonthInput
from solver.rules import HARD_RULES, SOFT_RULES
from solver.soft import Term
from solver.variables import Variables


@dataclass(frozen=True)
class HardFamily:
    """A hard rule: never broken by a plan the solver writes."""

    name: str
    rule: str
    add: Callable[[MonthInput, Variables, Guard], object] | None
    """None: holds by construction (variables exist only where it holds)."""


@dataclass(frozen=True)
class SoftFamily:
    """A soft rule: each unit it misses costs its weight (``priorities:`` in office.yaml)."""

    name: str
    rule: str
    add: Callable[[cp_model.CpModel, MonthInput, Variables], list[Term]]


_HARD_ADD: dict[str, Callable[[MonthInput, Variables, Guard], object] | None] = {
    "availability": None,
    "qualification": None,
    "one_function": hard.one_function,
    "one_place_at_a_time": hard.one_place_at_a_time,
    "max_per_month": hard.max_per_month,
    "hours_per_month": hard.hours_per_month,
    "counsellors_max": hard.counsellors_max,
    "trainee_not_alone": hard.trainee_not_alone,
    "appointment": hard.appointment_staffing,
    "desks": hard.desks,
    "double_booking": hard.no_double_booking,
    "no_surplus": hard.no_surplus,
    "overrides": hard.overrides,
    "kept_sessions": hard.kept_sessions,
}

_SOFT_ADD: dict[str, Callable[[cp_model.CpModel, MonthInput, Variables], list[Term]]] = {
    "language": soft.language,
    "appointment": soft.appointment,
    "counsellors": soft.counsellors,
    "lead": soft.lead,
    "continuity": soft.continuity,
    "interpreter_continuity": soft.interpreter_continuity,
    "fairness": soft.fairness,
    "maybe": soft.maybe,
    "same_week": soft.same_week,
    "consecutive_weeks": soft.consecutive_weeks,
    "change": soft.change,
}

HARD: tuple[HardFamily, ...] = tuple(
    HardFamily(name, rule, _HARD_ADD[name]) for name, rule in HARD_RULES.items()
)
"""The hard families, in the order the model adds them."""

SOFT: tuple[SoftFamily, ...] = tuple(
    SoftFamily(name, rule, _SOFT_ADD[name]) for name, rule in SOFT_RULES.items()
)
"""The soft families, in order of priority."""
