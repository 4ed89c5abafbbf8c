"""Reason codes and their data: why a person cannot come or may not take a need, and why
a need stays uncovered or an appointment unscheduled.

The explainer (:mod:`solver.explain`) and the availability rules
(:mod:`solver.availability`) produce these; they hold dates, counts, ids and language
codes, never words. :class:`roster.wording.explanations.Wording` renders them in German
or English from the catalogue (``reason.<code>`` in :mod:`roster.wording.reasons`): the
plan build writes the plan file's reasons in the plan's locale, ``roster explain``
prints them in the office's locale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Code = Literal[
    # why a person cannot come on a date
    "absent",
    "left",
    "answered_no",
    "no_answer",
    "excluded",
    "no_session_on",
    # why a speaker of a language may not take it
    "not_speaks",
    "speaks_basic",
    "german_basic",
    "no_function",
    # what keeps a person from a session
    "kept",
    "already",
    "same_time",
    "max_zero",
    "max_reached",
    "hours_left",
    "busy_every_start",
    # what a person does in a session
    "interprets",
    "counsels",
    "counsels_in",
    "on_lead",
    # the soft rules taking a person would cost
    "maybe",
    "same_week",
    "near_week",
    "fairness",
    "kept_free",
    "could_but",
    "session_full",
    "trainee",
    "lead_not_counsel",
    # open-hours needs
    "language_title",
    "language_nobody",
    "language_unqualified",
    "language_only",
    "language_several",
    "language_summary",
    "counsellors_title",
    "counsellors_summary",
    "lead_title",
    "lead_nobody",
    "lead_summary",
    "people",
    # appointments
    "appointment_title",
    "appointment_days",
    "named_counsellor",
    "sessions_too_short",
    "no_appointment_session",
    "closed",
    "day_kept",
    "no_counsellor",
    "nobody_interprets",
    "no_interpreter",
    "desk_taken",
    "desks_taken",
    "busy_whenever",
    "could_counsel_it",
    "would_fit",
]
"""Every reason code; each is a message id ``reason.<code>`` of the catalogue."""

Kind = Literal[
    "qualification", "cannot_come", "in_session", "limit", "session_full", "kept", "free"
]
"""What kept a candidate from a need (the groups of a digest of many candidates)."""


@dataclass(frozen=True)
class Reason:
    """A reason code and its data: dates, numbers, ids, language codes (``language``),
    nested reasons, candidates; the catalogue's template of the code says how each is
    written."""

    code: Code
    params: Mapping[str, object] = field(default_factory=dict, hash=False)


def reason(code: Code, /, **params: object) -> Reason:
    """``reason("absent", span=(first, last))``."""
    return Reason(code, params)


@dataclass(frozen=True)
class Candidate:
    """A person considered for a need, and what kept them from it."""

    volunteer: str
    reason: Reason
    kind: Kind


@dataclass(frozen=True)
class Explanation:
    """One uncovered need or unscheduled appointment, with its reason."""

    day: date
    title: Reason
    summary: Reason
    candidates: tuple[tuple[date | None, tuple[Candidate, ...]], ...] = ()
    """Groups of candidates by the date they were considered for: the session's own
    (``None``) for an open-hours need, each possible date for an appointment."""
    facts: tuple[tuple[date, Reason], ...] = ()
    """An appointment: the blocking fact of each date considered, in order."""
    headline: Reason | None = None
    """An appointment: what kept its case's counsellor away on every date, if so."""
