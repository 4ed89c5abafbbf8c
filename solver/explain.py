"""Why a need stays uncovered or an appointment unscheduled: reasons computed from the
office and the plan.

Every reason names who could have taken the need (the candidates considered), and for
each, what kept them from it: they cannot come that day (and why), they already have a
function in the session, they reached ``max_per_month`` or their hours budget, or they
are not qualified. Only when nothing hard stood in the way does a reason name the soft
rules that made the plan leave them free.

The explainer gives reason codes with their data (:mod:`solver.reasons`);
:class:`roster.wording.explanations.Wording` words them, naming people by name and id:
in the plan's locale for the plan file (:func:`uncovered_of`, :func:`unscheduled_of`),
in the office's locale (or the one asked for) for ``roster explain``
(:func:`explain_text`).
"""

from __future__ import annotations

from roster.domain.office_data import OfficeData
from roster.domain.sessions import SessionOccurrence
from roster.planfile.index import unrequested_sessions
from roster.planfile.schema import Plan, Uncovered, Unscheduled
from roster.wording.dates import percent_text
from roster.wording.explanations import Wording
from roster.wording.report import ReportHead, SessionExplanations, Unrequested, report
from solver.appointment_reasons import AppointmentReasons
from solver.availability import can_counsel, can_counsel_in, can_interpret, can_lead
from solver.figures import Shortfall, shortfalls
from solver.month_input import MonthInput
from solver.proof import claim
from solver.reasons import Candidate, Explanation, Reason, reason


class Explainer(AppointmentReasons):
    """Reasons for one plan of one month: open-hours needs and appointments."""

    def language_candidates(self, session: SessionOccurrence, language: str) -> list[Candidate]:
        """Everyone who speaks ``language`` at some level, and why they do not cover it."""
        found = []
        for person in self.inp.with_language(language):
            not_qualified = self.not_qualified(person, language)
            if not_qualified:
                found.append(Candidate(person.id, not_qualified, "qualification"))
                continue
            block = self.blocker(person, session, session.minutes)
            if block is not None:
                found.append(block)
                continue
            if not can_interpret(person, language) and can_counsel_in(person, language):
                counsellors = sum(
                    1 for e in self.index.sessions[session.id].staff if e.role == "counsellor"
                )
                limit = self.inp.open_rule(session.id).counsellors.max
                if counsellors >= limit:
                    why = reason("session_full", language=language, limit=limit)
                    found.append(Candidate(person.id, why, "session_full"))
                    continue
            found.append(self.soft_reason(person, session))
        return found

    def counsellor_candidates(self, session: SessionOccurrence) -> list[Candidate]:
        """Everyone who may counsel, and why they are not an (experienced) counsellor here."""
        found = []
        for person in self.inp.people:
            if not can_counsel(person):
                continue
            block = self.blocker(person, session, session.minutes)
            if block is not None:
                found.append(block)
            elif person.trainee:
                found.append(Candidate(person.id, reason("trainee"), "qualification"))
            else:
                found.append(self.soft_reason(person, session))
        return found

    def lead_candidates(self, session: SessionOccurrence) -> list[Candidate]:
        """Everyone with the role lead, and why they are not on lead duty here."""
        found = []
        for person in self.inp.people:
            if not person.leads():
                continue
            if not can_lead(person):
                found.append(Candidate(person.id, reason("lead_not_counsel"), "qualification"))
                continue
            entry = self.staff.get((person.id, session.id))
            if entry is not None and entry.role == "counsellor":
                found.append(self.soft_reason(person, session))
                continue
            block = self.blocker(person, session, session.minutes)
            found.append(block if block is not None else self.soft_reason(person, session))
        return found

    def shortfall(self, short: Shortfall) -> Explanation:
        """Explain one uncovered need of an open-hours session."""
        session = self.inp.session(short.session)
        day = session.date
        summary: Reason
        if short.need == "language" and short.language:
            language = short.language
            people = self.language_candidates(session, language)
            title = reason(
                "language_title",
                language=language,
                interpreters=short.missing,
                visitors=short.expected_visitors,
            )
            qualified = tuple(c for c in people if c.kind != "qualification")
            if not people:
                summary = reason("language_nobody", language=language)
            elif not qualified:
                summary = reason("language_unqualified", language=language, people=tuple(people))
            elif len(qualified) == 1:
                only = qualified[0]
                summary = reason(
                    "language_only", volunteer=only.volunteer, language=language, reason=only.reason
                )
            else:
                summary = reason(
                    "language_several", count=len(qualified), language=language, people=qualified
                )
            summary = reason("language_summary", language=language, day=day, summary=summary)
            return Explanation(day, title, summary, ((None, tuple(people)),))
        if short.need == "counsellors":
            people = self.counsellor_candidates(session)
            rule = self.inp.open_rule(session.id)
            title = reason("counsellors_title", missing=short.missing, min=rule.counsellors.min)
            experienced = tuple(c for c in people if c.kind != "qualification")
            summary = reason(
                "counsellors_summary",
                day=day,
                missing=short.missing,
                experienced=len(experienced),
                people=experienced,
            )
            return Explanation(day, title, summary, ((None, tuple(people)),))
        people = self.lead_candidates(session)
        title = reason("lead_title", missing=short.missing)
        if not people:
            summary = reason("lead_nobody", day=day)
        else:
            summary = reason("lead_summary", day=day, people=tuple(people))
        return Explanation(day, title, summary, ((None, tuple(people)),))


def wording(data: OfficeData, locale: str) -> Wording:
    """The reasons' words in ``locale``, with the office's language names and the team's
    names."""
    names = {person.id: person.name for person in data.volunteers}
    return Wording.of(locale, data.office, names)


def uncovered_of(
    inp: MonthInput, plan: Plan, *, explain: bool = True
) -> dict[str, list[Uncovered]]:
    """The uncovered needs of each open-hours session, with their reasons in the plan's
    locale (empty without ``explain``)."""
    explainer = Explainer(inp, plan) if explain else None
    words = wording(inp.data, plan.locale)
    result: dict[str, list[Uncovered]] = {}
    for short in shortfalls(inp, plan):
        result.setdefault(short.session, []).append(
            Uncovered(
                need=short.need,
                language=short.language,
                missing=short.missing,
                reason=""
                if explainer is None
                else words.render(explainer.shortfall(short).summary),
            )
        )
    return result


def unscheduled_of(inp: MonthInput, plan: Plan, *, explain: bool = True) -> list[Unscheduled]:
    """The appointment requests ``plan`` leaves out, with their reasons in the plan's
    locale: one line per date considered, the blocking fact first (empty without
    ``explain``)."""
    explainer = Explainer(inp, plan) if explain else None
    words = wording(inp.data, plan.locale)
    scheduled = {a.key for a in plan.appointments}
    return [
        Unscheduled(
            key=item.key,
            case=item.case,
            language=item.request.language,
            minutes=item.request.minutes,
            earliest=item.request.earliest,
            latest=item.request.latest,
            reason="" if explainer is None else words.render(explainer.unscheduled(item).summary),
        )
        for item in inp.appointments
        if item.key not in scheduled
    ]


def explain_text(inp: MonthInput, plan: Plan, locale: str | None = None) -> str:
    """``roster explain``: every uncovered need and unscheduled appointment, grouped by
    date, with the people considered and why each did not take it, and the appointment
    hours without requests; in ``locale`` (default: the office's)."""
    explainer = Explainer(inp, plan)
    short = shortfalls(inp, plan)
    sessions = [
        SessionExplanations(
            session.date,
            session.name,
            session.start,
            session.end,
            [explainer.shortfall(item) for item in short if item.session == session.id],
        )
        for session in inp.open_sessions
    ]
    scheduled = {a.key for a in plan.appointments}
    left = [item for item in inp.appointments if item.key not in scheduled]
    unscheduled = [
        explainer.unscheduled(item)
        for item in sorted(left, key=lambda i: (i.request.earliest, i.key))
    ]
    unrequested = [
        Unrequested(session.date, session.name, session.start, session.end)
        for session in unrequested_sessions(plan)
    ]
    words = wording(inp.data, locale or inp.data.office.locale)
    facts = plan.solver
    gap = percent_text(facts.gap, words.locale)
    head = ReportHead(
        inp.month.first, plan.as_of, facts.status, gap, claim(facts, words.locale, gap)
    )
    return report(words, head, sessions, unscheduled, unrequested)
