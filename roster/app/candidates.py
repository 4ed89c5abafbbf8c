"""Who can take a place in a session, and why the others cannot.

A person is offered for a place exactly when the plan *with* that assignment (and with
the month's overrides as the change would leave them) keeps every hard rule of the
independent checker (:func:`roster.checking.check_plan`). Running the whole checker for
every person and place of a page would be slow, so :func:`refusal` checks only the
rules that concern that person and session, in the checker's own reading of them
(:mod:`roster.checking.people`): qualification, whether they can come (absent, the poll,
their weekdays; their own ``forbid`` of that date does not count, the change lifts
it), the session kept as planned, already in the session or in one at the same time,
the monthly limit of duties and hours, and the session's counsellors (at most as many
as it takes, never only trainees). A test proves the two verdicts equal on the example
office for every session, place and person; and each person offered is confirmed by
the whole checker (:func:`checker_refusal`) before the page shows them.

The plan file's figures (load, gaps, score) are not judged: the re-plan after the
change computes them anew.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from roster.app.places import (
    Place,
    SessionContext,
    Why,
    changed_data,
    changed_plan,
    overrides_after,
    why,
)
from roster.checking import HARD_RULES, Violation, check_plan
from roster.checking.people import (
    may_counsel,
    may_counsel_in,
    may_interpret,
    may_lead,
    offered_day,
    speaks_well,
)
from roster.domain.requests import Forbid
from roster.domain.team import Volunteer


def qualification(person: Volunteer, place: Place) -> Why | None:
    """Why ``person`` may not take ``place`` whatever the day, or None."""
    language = place.language
    if place.role == "lead":
        if "lead" not in person.roles:
            return why("web.adjust_why_not_lead")
        if not may_lead(person):
            return why("lead_not_counsel")
        return None
    if place.role == "counsellor":
        if not may_counsel(person):
            return why("web.adjust_why_not_counsellor")
        if language is not None and not may_counsel_in(person, language):
            return _language_why(person, language)
        return None
    if "interpreter" not in person.roles:
        return why("web.adjust_why_not_interpreter")
    if language is None or not speaks_well(person, language):
        return _language_why(person, language or "")
    if not may_interpret(person, language):
        return why("german_basic")
    return None


def _language_why(person: Volunteer, language: str) -> Why:
    level = person.languages.get(language)
    if level is None:
        return why("not_speaks", language=language)
    return why("speaks_basic", language=language)


def cover_why(person: Volunteer, language: str) -> Why:
    """Why a person can neither interpret ``language`` nor counsel in it."""
    level = person.languages.get(language)
    if level is None:
        return why("not_speaks", language=language)
    if level == "basic":
        return why("speaks_basic", language=language)
    if "interpreter" in person.roles and not speaks_well(person, "de"):
        return why("german_basic")
    return why("no_function", language=language)


def doing(ctx: SessionContext, volunteer: str) -> Why:
    """What the person does in the session: ``counsels``, ``interprets Arabic``..."""
    for entry in ctx.session.staff:
        if entry.volunteer != volunteer:
            continue
        if entry.role == "interpreter":
            return why("interprets", language=entry.language or "")
        done = why("counsels_in", language=entry.language) if entry.language else why("counsels")
        return why("on_lead", doing=done) if entry.lead else done
    functions = ctx.index.works_in(volunteer, ctx.session.id)
    if functions and functions[0].startswith("interpreter:"):
        return why("interprets", language=functions[0].split(":", 1)[1])
    return why("counsels")


def place_problem(ctx: SessionContext, place: Place, out: str | None = None) -> Why | None:
    """Why nobody can take ``place`` (with ``out`` taken out), or None."""
    if ctx.kept:
        return why("kept", day=ctx.today)
    if out is not None and any(ctx.index.works_in(out, s.id) for s in ctx.same_day()):
        return why("web.adjust_why_out_elsewhere")
    if not ctx.is_open:
        if place.role == "lead":
            return why("web.adjust_why_no_lead_here")
        if ctx.appointment_minutes(place.language) is None:
            if place.language is None:
                return why("web.adjust_why_no_appointment")
            return why("web.adjust_why_no_appointment_in", language=place.language)
    return None


def refusal(
    ctx: SessionContext, person: Volunteer, place: Place, out: str | None = None
) -> Why | None:
    """Why ``person`` may not take ``place`` in the session (``out`` taken out of it
    first), or None when the checker's hard rules allow it."""
    problem = qualification(person, place) or place_problem(ctx, place, out)
    if problem is not None:
        return problem
    pid, day = person.id, ctx.day
    offered = offered_day(ctx.data, person, day)
    if not offered.can and offered.why is not None:
        return Why(offered.why.code, offered.why.params)
    if ctx.works_here(pid):
        return why("already", doing=doing(ctx, pid))
    for other in ctx.overlapping():
        if ctx.index.works_in(pid, other.id):
            return why("same_time", session=other.name)
    dates = ctx.index.duty_dates.get(pid, set())
    if day not in dates and len(dates) >= person.max_per_month:
        if person.max_per_month == 0:
            return why("max_zero")
        return why("max_reached", limit=person.max_per_month, days=frozenset(dates))
    minutes = ctx.minutes if ctx.is_open else ctx.appointment_minutes(place.language) or 0
    if person.hours_per_month is not None:
        budget = round(person.hours_per_month * 60)
        used = ctx.index.minutes.get(pid, 0)
        if used + minutes > budget:
            return why("hours_left", left=max(0, budget - used), budget=budget, needed=minutes)
    if ctx.is_open:
        return _counsellors(ctx, person, place, out)
    return None


def _counsellors(
    ctx: SessionContext, person: Volunteer, place: Place, out: str | None
) -> Why | None:
    """The session's counsellors with the change: not more than it takes, not only
    trainees."""
    counsellors = [
        ctx.by_id[entry.volunteer]
        for entry in ctx.staff(out)
        if entry.role == "counsellor" and entry.volunteer in ctx.by_id
    ]
    if place.counsels:
        limit = ctx.counsellor_limit
        if limit is not None and len(counsellors) + 1 > limit:
            return why("web.adjust_why_full", limit=limit)
        counsellors.append(person)
    if counsellors and all(p.trainee for p in counsellors):
        if place.counsels and person.trainee:
            return why("web.adjust_why_trainee_alone")
        return why("web.adjust_why_trainees_left")
    return None


def checker_refusal(
    ctx: SessionContext, person: Volunteer, place: Place, out: str | None = None
) -> list[Violation]:
    """The hard rules the whole checker finds broken by the plan with ``person`` in
    ``place`` (and ``out`` taken out), with the overrides as the change leaves them.
    Open hours only: an appointment session's people follow from its appointments,
    which the re-plan chooses."""
    overrides = ctx.overrides
    if out is not None:
        overrides = overrides_after(overrides, forbid=Forbid(volunteer=out, date=ctx.day))
    overrides = overrides_after(overrides, assign=place.assign(person.id, ctx.day))
    plan = changed_plan(ctx, person, place, out)
    report = check_plan(changed_data(ctx, overrides), plan, ctx.history)
    return [v for v in report.violations if v.rule in HARD_RULES]


@dataclass(frozen=True)
class Verdict:
    """Whether a person can take one of the places asked about, which, and why not."""

    person: Volunteer
    place: Place | None
    """The place offered, or None when the person is not offered."""
    why: Why | None = None
    violations: tuple[Violation, ...] = ()
    """What the whole checker found when the rules here missed it."""
    qualified: bool = True
    """Whether the person is qualified for one of the places at all."""

    @property
    def offered(self) -> bool:
        """Whether the person is offered."""
        return self.place is not None


def verdict(
    ctx: SessionContext,
    person: Volunteer,
    places: Sequence[Place],
    out: str | None = None,
    *,
    confirm: bool = True,
) -> Verdict:
    """The first of ``places`` (in order) ``person`` may take, or why none. With
    ``confirm``, an offer in open hours is confirmed by the whole checker."""
    qualified = [place for place in places if qualification(person, place) is None]
    if not qualified:
        language = places[0].language if len(places) > 1 else None
        reason = cover_why(person, language) if language else qualification(person, places[0])
        return Verdict(person, None, reason, qualified=False)
    first: Why | None = None
    for place in qualified:
        reason = refusal(ctx, person, place, out)
        if reason is not None:
            first = first or reason
            continue
        if confirm and ctx.is_open:
            found = checker_refusal(ctx, person, place, out)
            if found:
                return Verdict(person, None, None, tuple(found))
        return Verdict(person, place)
    return Verdict(person, None, first)


def verdicts(ctx: SessionContext, places: Sequence[Place], out: str | None = None) -> list[Verdict]:
    """Each person of the team (by name; not ``out``) for ``places``."""
    return [verdict(ctx, person, places, out) for person in ctx.people if person.id != out]
