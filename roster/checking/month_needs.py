"""What each open-hours session of the month needs, and what the plan leaves open.

The needs are the session's rule in office.yaml (``counsellors``, ``leads``) and the
forecast of the visit log (:func:`roster.domain.forecast.month_needs`); a need is left
open when fewer people cover it than it asks for:

- a language: interpreters for it plus counsellors counselling in it directly;
- counsellors: experienced counsellors (trainees do not count toward ``counsellors.min``);
- lead: people on lead duty.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from roster.checking.checked_month import CheckedMonth
from roster.planfile.schema import Needs


@dataclass(frozen=True)
class Shortfall:
    """A need of an open-hours session the plan leaves open."""

    session: str
    need: Literal["language", "counsellors", "lead"]
    language: str | None
    missing: int
    expected_visitors: float = 0.0


def expected_needs(month: CheckedMonth, session_id: str) -> Needs | None:
    """What a calendar open-hours session needs (None for any other id)."""
    rule = month.open_rule(session_id)
    if rule is None:
        return None
    return Needs(
        counsellors_min=rule.counsellors.min,
        counsellors_max=rule.counsellors.max,
        leads=rule.leads,
        languages=list(month.needs.get(session_id, [])),
    )


def shortfalls(month: CheckedMonth) -> list[Shortfall]:
    """Every need of the calendar's open-hours sessions that the plan leaves open."""
    planned = {s.id: s for s in month.plan.sessions}
    found: list[Shortfall] = []
    for session in month.calendar.sessions:
        rule = month.open_rule(session.id)
        if rule is None:
            continue
        staff = planned[session.id].staff if session.id in planned else []
        covering: dict[str, int] = {}
        for entry in staff:
            if entry.language:
                covering[entry.language] = covering.get(entry.language, 0) + 1
        for need in month.language_needs(session.id):
            missing = need.interpreters - covering.get(need.language, 0)
            if missing > 0:
                found.append(
                    Shortfall(
                        session.id, "language", need.language, missing, need.expected_visitors
                    )
                )
        experienced = sum(
            1
            for entry in staff
            if entry.role == "counsellor"
            and month.team.knows(entry.volunteer)
            and not month.team.person(entry.volunteer).trainee
        )
        if experienced < rule.counsellors.min:
            found.append(
                Shortfall(session.id, "counsellors", None, rule.counsellors.min - experienced)
            )
        leads = sum(1 for entry in staff if entry.lead)
        if leads < rule.leads:
            found.append(Shortfall(session.id, "lead", None, rule.leads - leads))
    return found
