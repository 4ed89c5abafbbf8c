"""The independent checker: every hard rule and every penalty of a plan file, recomputed
from the office data and the plan alone.

It shares no code with the solver (a test reads every module of this package and an
import-linter contract keeps it so): who can come when, who may do what, the limits,
the needs left open, the load, fairness and every penalty are worked out here again from
docs/planning.md. So a mistake in the model shows up as a violation or as a penalty that
differs from the solver's, instead of being confirmed by the code that made it.

:func:`check_plan` runs each check of :data:`~roster.checking.hard_rules.HARD_RULES`
(one per hard rule), the plan-file checks (``calendar``, ``report``,
``confidentiality``) and recomputes the penalties.
"""

from __future__ import annotations

from collections.abc import Iterable

from roster.checking import plan_file_checks
from roster.checking.checked_month import CheckedMonth
from roster.checking.hard_rules import HARD_RULES, MODEL_RESTRICTIONS
from roster.checking.penalties import PENALTIES, penalties
from roster.checking.report import CheckReport, Finding, Violation, in_order, wording
from roster.domain.office_data import OfficeData
from roster.planfile.history import History
from roster.planfile.schema import Plan
from roster.wording.explanations import Wording


def _named(rule: str, findings: Iterable[Finding], english: Wording) -> list[Violation]:
    return [Violation.of(found, rule, english) for found in findings]


def check_plan(data: OfficeData, plan: Plan, history: History | None = None) -> CheckReport:
    """Verify every hard rule of ``plan`` and recompute its penalties.

    ``history`` holds the earlier months' plans that count for fairness and the week
    rules (:func:`roster.planfile.history.load_history`); without it none count.
    """
    month = CheckedMonth(data, plan, history)
    recomputed = penalties(month)
    english = wording(data, "en")
    violations: list[Violation] = []
    for rule, check in HARD_RULES.items():
        violations += _named(rule, check(month), english)
    violations += _named("calendar", plan_file_checks.calendar(month), english)
    violations += _named("report", plan_file_checks.reported(month, recomputed), english)
    violations += _named("confidentiality", plan_file_checks.confidentiality(month), english)
    return CheckReport(plan=plan, violations=in_order(violations), penalties=recomputed)


__all__ = [
    "HARD_RULES",
    "MODEL_RESTRICTIONS",
    "PENALTIES",
    "CheckReport",
    "Violation",
    "check_plan",
]
