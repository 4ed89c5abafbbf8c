"""The names of the plan's rules, in one place and without CP-SAT, so the checker can
share them: hard rules, and soft rules in order of priority (their weights are in
:class:`roster.office.Priorities`). :mod:`solver.families` binds each name to the
function that adds it to the model."""

from __future__ import annotations

from datetime import date, timedelta

HARD_RULES: dict[str, str] = {
    "availability": "people work only on dates they can come (poll yes or maybe, else "
    "weekdays; never absent, never excluded by an override)",
    "qualification": "counsellors counsel, interpreters interpret a language they and German "
    "speak fluently, lead duty needs the role lead",
    "one_function": "one function per person per session",
    "one_place_at_a_time": "nobody in two sessions at the same time",
    "max_per_month": "days on duty at most max_per_month",
    "hours_per_month": "hours worked at most hours_per_month",
    "counsellors_max": "at most counsellors.max counsellors in an open-hours session",
    "trainee_not_alone": "a trainee works beside an experienced counsellor",
    "appointment": "an appointment lies in a session of its window, on the slot grid, with "
    "one counsellor and an interpreter unless the counsellor speaks its language",
    "desks": "no more appointments at once than desks",
    "double_booking": "nobody in two overlapping appointments",
    "no_surplus": "model restriction: no more interpreters or leads than needed unless overridden",
    "overrides": "the office lead's assign overrides hold",
    "kept_sessions": "on re-planning, sessions before --today stay as planned",
}

SOFT_RULES: dict[str, str] = {
    "language": "1. interpreters (or counsellors speaking it) for each language's forecast need",
    "appointment": "2. every appointment scheduled",
    "counsellors": "3. counsellors.min experienced counsellors in each open-hours session",
    "lead": "3. leads people on lead duty in each open-hours session",
    "continuity": "4. an appointment keeps the counsellor its request names",
    "interpreter_continuity": "4. the appointments of one case keep one interpreter",
    "fairness": "5. duties in proportion to the dates offered (spread of duty rates)",
    "maybe": "6. few duties on days answered maybe",
    "same_week": "6. nobody on duty twice in one week",
    "consecutive_weeks": "6. nobody on duty in two weeks running",
    "change": "7. few changes to the plan made before (re-planning)",
}

SOFT_NAMES: tuple[str, ...] = tuple(SOFT_RULES)

PERCENT = 100
"""Fairness compares duty rates in percentage points of duties per offered date."""


def language_points(weight: int, expected_visitors: float) -> int:
    """Penalty points of one interpreter unit missing for a language need with
    ``expected_visitors`` (the ``language`` weight is per expected visitor)."""
    return round(weight * expected_visitors)


def monday(day: date) -> date:
    """The Monday of a date's week (weeks run Monday to Sunday)."""
    return day - timedelta(days=day.weekday())
