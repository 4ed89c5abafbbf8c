"""What a solve proves: the bound, within which model restrictions it holds, and whether the
plan is the starting plan; a bound above a known plan is an internal error.

Two bounds are proven. The open hours' relaxation (:mod:`solver.relaxation`) bounds every
plan the office rules allow. CP-SAT's bound, and so ``optimal``, holds for the plans of
the model, which are restricted beyond the office rules (docs/planning.md, "Model
restrictions"): a plan ``roster verify`` accepts may score below it. The solver facts name
those restrictions (:data:`RESTRICTIONS`), unless the bound is the relaxation's.
"""

from __future__ import annotations

from roster.planfile.facts import plan_facts, split
from roster.planfile.schema import Plan, Restriction, SolverFacts
from roster.wording.catalogue import text
from solver.month_input import MonthInput

RESTRICTIONS: dict[Restriction, str] = {
    "no_surplus": "no extra staff: no interpreter (or counsellor counselling in a language) "
    "beyond a language's need or for a language the session does not need, no lead beyond "
    "`leads`, no second counsellor beside an experienced one, no interpreter for an "
    "appointment whose counsellor speaks its language (unless overrides ask for them)",
    "appointment_candidates": "at most solver.variables.APPOINTMENT_CANDIDATES counsellors "
    "and interpreters considered per appointment and session (fewer under the candidate "
    "budget of a city office), and someone qualified was left out",
}
"""The model restrictions a bound can hold within, and what each means."""


def model_restrictions(candidates_left_out: int) -> list[Restriction]:
    """The restrictions of a model that may keep a better plan out of it, given for how
    many appointment options it left a qualified person out
    (:attr:`solver.variables.Variables.candidates_left_out`)."""
    found: list[Restriction] = ["no_surplus"]
    if candidates_left_out:
        found.append("appointment_candidates")
    return found


def no_bound_above(penalty: float, bound: float, plan: str) -> None:
    """Raise an internal error when ``bound`` is above the penalty of a known plan (the
    bound is wrong, or the penalty): never lower one to the other."""
    if bound > penalty:
        raise RuntimeError(
            f"internal error: the solver proved a bound of {bound:,.0f} on the penalty, but "
            f"{plan} scores {penalty:,.0f}, less than that bound; nothing was written. "
            "Please report this with the office folder."
        )


def keeps_kept_sessions(inp: MonthInput, plan: Plan) -> bool:
    """Whether ``plan`` keeps every session before ``--today`` as the plan it replaces has
    it (always, when nothing is re-planned). The starting plan does not try to."""
    if inp.previous is None:
        return True
    return split(plan_facts(plan), inp.as_of)[0] == split(inp.previous.facts, inp.as_of)[0]


def same_assignments(plan: Plan, other: Plan | None) -> bool:
    """Whether two plans make the same assignments."""
    return other is not None and plan_facts(plan) == plan_facts(other)


def gap_of(objective: float, bound: float) -> float:
    """(objective - bound) / objective: the largest share by which the plan may be worse
    than the best possible, 0 when the bound is reached."""
    return 0.0 if objective <= 0 else round((objective - bound) / objective, 6)


def claim(facts: SolverFacts, locale: str, gap: str) -> str:
    """How good the plan is proven, in words (``gap`` written as a percentage): the best
    plan, or within ``gap`` of the best, each within the restrictions the facts name, or
    the plan made without a search; and, when not proven the best, whether it is the
    starting plan."""
    if facts.status == "greedy":
        return text(locale, "proof.greedy")
    within = ", ".join(text(locale, f"proof.{name}") for name in facts.restrictions)
    key = f"proof.{facts.status}" + ("_within" if within else "")
    said = text(locale, key, gap=gap, within=within)
    if facts.starting_plan and facts.status != "optimal":
        return text(locale, "proof.starting_plan", status=said)
    return said
