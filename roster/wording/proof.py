"""The words of what a plan is proven to be (message ids ``proof.*``), in German and English.

How good the plan is, as ``roster plan`` and ``roster explain`` say it
(:func:`solver.proof.claim`): the best plan, or within a gap of the best, and within
which model restrictions that holds (docs/planning.md, "Model restrictions"), or the
starting plan when the search found no better one in the time given.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "optimal": "proven the best plan",
        "optimal_within": "proven the best plan {within}",
        "feasible": "a good plan, at most {gap} above the best possible",
        "feasible_within": "a good plan, at most {gap} above the best plan {within}",
        "greedy": "planned by the simple rule, without a search",
        "starting_plan": "{status} (the starting plan: the search found no better one in "
        "the time given)",
        "no_surplus": "without more people than needed",
        "appointment_candidates": "among the people considered for each appointment",
    },
    "de": {
        "optimal": "nachweislich der beste Plan",
        "optimal_within": "nachweislich der beste Plan {within}",
        "feasible": "ein guter Plan, höchstens {gap} über dem bestmöglichen",
        "feasible_within": "ein guter Plan, höchstens {gap} über dem besten Plan {within}",
        "greedy": "nach der einfachen Regel geplant, ohne Suche",
        "starting_plan": "{status} (der Ausgangsplan: die Suche fand in der gegebenen Zeit "
        "keinen besseren)",
        "no_surplus": "ohne mehr Leute als nötig",
        "appointment_candidates": "unter den für jeden Termin betrachteten Personen",
    },
}
