"""Why a need stays uncovered or an appointment unscheduled, in plain words.

Every reason is computed from the office and the plan: who could have taken the need
(the candidates considered), and for each, what kept them from it: they cannot come
that day (and why), they already have a function in the session, they reached
``max_per_month`` or their hours budget, or they are not qualified. Only when nothing
hard stood in the way does a reason name the soft rules that made the plan leave them
free.

The reasons follow the plan's locale (:class:`roster.wording.explanations.Wording`); ``roster
explain`` speaks English like the rest of the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from roster.domain.office_data import Appointment
from roster.domain.sessions import SessionOccurrence
from roster.domain.team import Volunteer
from roster.planfile.index import PlanIndex
from roster.planfile.schema import Plan, Uncovered, Unscheduled
from roster.wording.explanations import Wording
from solver.availability import (
    can_counsel,
    can_counsel_in,
    can_interpret,
    can_lead,
)
from solver.figures import Shortfall, shortfalls
from solver.month_input import MonthInput
from solver.rules import monday


@dataclass(frozen=True)
class Candidate:
    """A person considered for a need, and what kept them from it."""

    volunteer: str
    reason: str
    kind: str
    """qualification, cannot_come, in_session, limit, session_full, kept, free"""


@dataclass
class Explanation:
    """One uncovered need or unscheduled appointment, with its reason."""

    day: date
    title: str
    summary: str
    candidates: list[tuple[str, list[Candidate]]] = field(default_factory=list)
    """Groups of candidates: (heading, people), e.g. ("Wed 9 Dec", [...])."""


class Explainer:
    """Reasons for one plan of one month."""

    def __init__(self, inp: MonthInput, plan: Plan, words: Wording | None = None) -> None:
        self.inp = inp
        self.plan = plan
        self.index = PlanIndex(plan)
        self.office = inp.data.office
        self.words = words or Wording.of(plan.locale, self.office)
        self.forbidden = {(entry.volunteer, entry.date) for entry in inp.overrides.forbid}
        self.staff = {(entry.volunteer, s.id): entry for s in plan.sessions for entry in s.staff}

    # -- what keeps one person from one session ---------------------------------------------
    def cannot_come(self, person: Volunteer, day: date) -> str:
        """Why ``person`` cannot come on ``day``, in words: the cause the availability
        found (same order as :mod:`solver.availability`: no session, override, absence,
        poll answer no, else no answer and not a usual weekday)."""
        say = self.words.say
        if day not in self.inp.availability.dates:
            return say("no_session_on", day=self.words.day(day))
        if (person.id, day) in self.forbidden:
            return say("excluded", day=self.words.day(day))
        for absence in person.absences:
            if absence.covers(day):
                return say("absent", span=self.words.span(absence.from_, absence.to))
        if self.inp.data.answer(person.id, day) == "no":
            return say("answered_no", day=self.words.day(day))
        return say("no_answer", day=self.words.day(day), weekdays=self.words.weekday_plural(day))

    def not_qualified(self, person: Volunteer, language: str) -> str | None:
        """Why a person who speaks ``language`` at some level can neither interpret nor
        counsel in it (the cases of :func:`solver.availability.cannot_cover_reason`)."""
        if can_interpret(person, language) or can_counsel_in(person, language):
            return None
        name = self.words.language(language)
        level = person.languages.get(language)
        if level is None:
            return self.words.say("not_speaks", language=name)
        if level == "basic":
            return self.words.say("speaks_basic", language=name)
        if person.interprets() and not person.speaks("de"):
            return self.words.say("german_basic")
        return self.words.say("no_function", language=name)

    def blocker(
        self, person: Volunteer, session: SessionOccurrence, minutes: int
    ) -> Candidate | None:
        """The hard reason ``person`` cannot take ``minutes`` more work in ``session``."""
        pid, day = person.id, session.date
        words = self.words
        if not self.inp.availability.status(pid, day).can:
            return Candidate(pid, self.cannot_come(person, day), "cannot_come")
        if self.inp.is_kept(session):
            return Candidate(pid, words.say("kept", day=words.short_day(self.inp.as_of)), "kept")
        if session.kind == "open_hours" and self.index.works_in(pid, session.id):
            return Candidate(
                pid, words.say("already", doing=self.doing(pid, session.id)), "in_session"
            )
        for first, second in self.inp.overlapping_pairs():
            other = second if first == session.id else first if second == session.id else None
            if other is not None and self.index.works_in(pid, other):
                name = self.inp.session(other).name
                return Candidate(pid, words.say("same_time", session=name), "in_session")
        duty = self.index.duty_dates.get(pid, set())
        if day not in duty and len(duty) >= person.max_per_month:
            if person.max_per_month == 0:
                text = words.say("max_zero")
            else:
                text = words.say("max_reached", limit=person.max_per_month, days=words.days(duty))
            return Candidate(pid, text, "limit")
        if person.hours_per_month is not None:
            budget = round(person.hours_per_month * 60)
            used = self.index.minutes.get(pid, 0)
            if used + minutes > budget:
                return Candidate(
                    pid,
                    words.say(
                        "hours_left",
                        left=words.hours(max(0, budget - used)),
                        budget=words.number(person.hours_per_month),
                        needed=words.hours(minutes),
                    ),
                    "limit",
                )
        return None

    def doing(self, pid: str, session_id: str) -> str:
        """``counsels``, ``counsels in Persian``, ``interprets Arabic``, ``is on lead duty``."""
        words = self.words
        entry = self.staff.get((pid, session_id))
        if entry is None:
            functions = self.index.works_in(pid, session_id)
            if functions and functions[0].startswith("interpreter:"):
                return words.say(
                    "interprets", language=words.language(functions[0].split(":", 1)[1])
                )
            return words.say("counsels")
        if entry.role == "interpreter" and entry.language:
            return words.say("interprets", language=words.language(entry.language))
        if entry.language:
            text = words.say("counsels_in", language=words.language(entry.language))
        else:
            text = words.say("counsels")
        if entry.lead:
            text = words.say("on_lead", doing=text)
        return text

    def soft_reason(self, person: Volunteer, session: SessionOccurrence) -> Candidate:
        """Nothing hard stood in the way: name the soft rules taking them would cost."""
        pid, day = person.id, session.date
        words = self.words
        costs = []
        if self.inp.availability.maybe(pid, day):
            costs.append(words.say("maybe", day=words.day(day)))
        duty = sorted(
            self.index.duty_dates.get(pid, set())
            | self.inp.history.duty_dates.get(pid, frozenset())
        )
        same = [d for d in duty if monday(d) == monday(day) and d != day]
        if same:
            costs.append(words.say("same_week", days=words.days(same)))
        near = [d for d in duty if abs((monday(d) - monday(day)).days) == 7]
        if near:
            costs.append(words.say("near_week", days=words.days(near)))
        rate_duties = self.inp.history.duties.get(pid, 0) + self.index.duties(pid)
        offered = self.inp.window_offered(pid)
        if offered and rate_duties:
            costs.append(words.say("fairness", duties=rate_duties, offered=offered))
        if not costs:
            return Candidate(pid, words.say("kept_free"), "free")
        return Candidate(pid, words.say("could_but", costs="; ".join(costs)), "free")

    # -- open-hours needs ---------------------------------------------------------------
    def language_candidates(self, session: SessionOccurrence, language: str) -> list[Candidate]:
        """Everyone who speaks ``language`` at some level, and why they do not cover it."""
        name = self.words.language(language)
        found = []
        for person in self.inp.people:
            if language not in person.languages:
                continue
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
                    found.append(
                        Candidate(
                            person.id,
                            self.words.say("session_full", language=name, limit=limit),
                            "session_full",
                        )
                    )
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
                found.append(Candidate(person.id, self.words.say("trainee"), "qualification"))
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
                found.append(
                    Candidate(person.id, self.words.say("lead_not_counsel"), "qualification")
                )
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
        words, say = self.words, self.words.say
        session = self.inp.session(short.session)
        day = words.day(session.date)
        if short.need == "language" and short.language:
            name = words.language(short.language)
            people = self.language_candidates(session, short.language)
            title = say(
                "language_title",
                language=name,
                interpreters=words.count(short.missing, "interpreter"),
                visitors=words.number(short.expected_visitors),
            )
            qualified = [c for c in people if c.kind != "qualification"]
            if not people:
                summary = say("language_nobody", language=name)
            elif not qualified:
                summary = say(
                    "language_unqualified",
                    language=name,
                    people="; ".join(f"{c.volunteer} {c.reason}" for c in people),
                )
            elif len(qualified) == 1:
                only = qualified[0]
                summary = say(
                    "language_only", volunteer=only.volunteer, language=name, reason=only.reason
                )
            else:
                summary = say(
                    "language_several",
                    count=len(qualified),
                    language=name,
                    people=self.digest(qualified),
                )
            return Explanation(
                session.date,
                title,
                say("language_summary", language=name, day=day, summary=summary),
                [("", people)],
            )
        if short.need == "counsellors":
            people = self.counsellor_candidates(session)
            rule = self.inp.open_rule(session.id)
            title = say("counsellors_title", missing=short.missing, min=rule.counsellors.min)
            experienced = [c for c in people if c.kind != "qualification"]
            summary = say(
                "counsellors_summary",
                day=day,
                missing=short.missing,
                experienced=words.count(len(experienced), "experienced"),
                people=self.digest(experienced) if experienced else say("none"),
            )
            return Explanation(session.date, title, summary, [("", people)])
        people = self.lead_candidates(session)
        title = say("lead_title", missing=short.missing)
        if not people:
            summary = say("lead_nobody", day=day)
        else:
            summary = say("lead_summary", day=day, people=self.digest(people))
        return Explanation(session.date, title, summary, [("", people)])

    def digest(self, people: list[Candidate]) -> str:
        """One line about many candidates: each by name when few, else grouped by reason."""
        if len(people) <= 3:
            return "; ".join(f"{c.volunteer} {c.reason}" for c in people)
        groups: dict[str, list[str]] = {}
        for candidate in people:
            groups.setdefault(candidate.kind, []).append(candidate.volunteer)
        return "; ".join(
            self.words.say(
                "group", count=len(ids), what=self.words.say(f"group_{kind}"), ids=", ".join(ids)
            )
            for kind, ids in groups.items()
        )

    # -- appointments -------------------------------------------------------------------
    def unscheduled(self, item: Appointment) -> Explanation:
        """Explain why an appointment request is not in the plan."""
        words = self.words
        request = item.request
        title = words.say(
            "appointment_title",
            key=item.key,
            language=words.language(request.language),
            minutes=request.minutes,
            window=words.span(request.earliest, request.latest),
        )
        options = self.inp.options(item.key)
        if not options:
            return Explanation(request.earliest, title, f"{item.key}: {self.no_session(item)}")
        parts: list[str] = []
        groups: list[tuple[str, list[Candidate]]] = []
        named_blocks: list[str] = []
        for option in options:
            session = self.inp.session(option.session)
            reason, people, named = self.option_reason(item, session, option.starts)
            parts.append(f"{words.day(session.date)}: {reason}")
            groups.append((words.day(session.date), people))
            if named:
                named_blocks.append(named)
        prefix = ""
        if request.counsellor and len(named_blocks) == len(options):
            prefix = words.say(
                "named_counsellor", volunteer=request.counsellor, reason=named_blocks[0]
            )
        summary = f"{item.key}: {prefix}" + "; ".join(parts)
        return Explanation(request.earliest, title, summary, groups)

    def no_session(self, item: Appointment) -> str:
        words = self.words
        request = item.request
        first, last = words.short_day(request.earliest), words.short_day(request.latest)
        inside = [
            s for s in self.inp.appointment_sessions if request.earliest <= s.date <= request.latest
        ]
        if inside:
            return words.say("sessions_too_short", first=first, last=last, minutes=request.minutes)
        closed = [
            f"{words.short_day(c.date)} {c.reason}"
            for c in self.inp.calendar.closed
            if request.earliest <= c.date <= request.latest
        ]
        text = words.say("no_appointment_session", first=first, last=last)
        return text + (words.say("closed", days=", ".join(closed)) if closed else "")

    def free_starts(
        self, session: SessionOccurrence, starts: tuple[int, ...], minutes: int
    ) -> list[int]:
        """Start offsets at which a desk is free for ``minutes``."""
        desks = self.inp.appointment_rule(session.id).desks
        items = [a for a in self.plan.appointments if a.session == session.id]
        free = []
        for offset in starts:
            begin = session.start.timestamp() + offset * 60
            end = begin + minutes * 60
            moments = [begin] + [
                a.start.timestamp() for a in items if begin < a.start.timestamp() < end
            ]
            if all(
                sum(1 for a in items if a.start.timestamp() <= m < a.end.timestamp()) < desks
                for m in moments
            ):
                free.append(offset)
        return free

    def free_at(
        self, pid: str, session: SessionOccurrence, offsets: list[int], minutes: int
    ) -> list[int]:
        """Which of ``offsets`` leave ``pid`` free of their other appointments."""
        busy = self.index.busy(pid, session.id)
        result = []
        for offset in offsets:
            begin = session.start.timestamp() + offset * 60
            end = begin + minutes * 60
            if all(a.end.timestamp() <= begin or a.start.timestamp() >= end for a in busy):
                result.append(offset)
        return result

    def appointment_person(
        self,
        person: Volunteer,
        session: SessionOccurrence,
        minutes: int,
        offsets: list[int],
        role: str,
    ) -> tuple[Candidate | None, list[int]]:
        """Hard reason the person cannot take the role; else the offsets they are free at."""
        block = self.blocker(person, session, minutes)
        if block is not None:
            return block, []
        functions = self.index.works_in(person.id, session.id)
        if functions and functions != [role]:
            return Candidate(
                person.id,
                self.words.say("already", doing=self.doing(person.id, session.id)),
                "in_session",
            ), []
        free = self.free_at(person.id, session, offsets, minutes)
        if not free:
            return Candidate(person.id, self.words.say("busy_every_start"), "in_session"), []
        return None, free

    def option_reason(
        self, item: Appointment, session: SessionOccurrence, starts: tuple[int, ...]
    ) -> tuple[str, list[Candidate], str | None]:
        """Why the appointment is not in ``session``; the candidates considered; what kept
        its named counsellor away."""
        words, say = self.words, self.words.say
        request = item.request
        name = words.language(request.language)
        if self.inp.is_kept(session):
            return say("kept", day=words.short_day(self.inp.as_of)), [], None
        every = list(starts)
        people: dict[str, Candidate] = {}
        counsellor_free: dict[str, list[int]] = {}
        interpreter_free: dict[str, list[int]] = {}
        named_block: str | None = None
        for person in self.inp.people:
            if can_counsel(person):
                block, free = self.appointment_person(
                    person, session, request.minutes, every, "counsellor"
                )
                if block is None:
                    counsellor_free[person.id] = free
                else:
                    if person.id == request.counsellor:
                        named_block = block.reason
                    if person.id == request.counsellor or person.speaks(request.language):
                        people.setdefault(person.id, block)
            if can_interpret(person, request.language):
                block, free = self.appointment_person(
                    person, session, request.minutes, every, f"interpreter:{request.language}"
                )
                if block is None:
                    interpreter_free[person.id] = free
                else:
                    people.setdefault(person.id, block)
        found = sorted(people.values(), key=lambda c: c.volunteer)
        if not counsellor_free:
            return say("no_counsellor"), found, named_block
        speakers = [pid for pid in counsellor_free if self.inp.person(pid).speaks(request.language)]
        if not speakers and not interpreter_free:
            interpreters = [
                c for c in found if can_interpret(self.inp.person(c.volunteer), request.language)
            ]
            detail = "; ".join(f"{c.volunteer} {c.reason}" for c in interpreters) or say(
                "nobody_interprets", language=name
            )
            return say("no_interpreter", language=name, detail=detail), found, named_block
        desks_free = set(self.free_starts(session, starts, request.minutes))
        if not desks_free:
            desks = self.inp.appointment_rule(session.id).desks
            taken = sorted(a.key for a in self.plan.appointments if a.session == session.id)
            text = say(
                "desk_taken" if desks == 1 else "desks_taken", desks=desks, taken=", ".join(taken)
            )
            return text, found, named_block
        fitting = [
            offset
            for offset in sorted(desks_free)
            if any(
                offset in free
                and (
                    pid in speakers
                    or any(offset in other for i, other in interpreter_free.items() if i != pid)
                )
                for pid, free in counsellor_free.items()
            )
        ]
        if not fitting:
            return say("busy_whenever"), found, named_block
        shown = sorted(counsellor_free)
        found.append(
            Candidate(
                ", ".join(shown[:8]) + (" ..." if len(shown) > 8 else ""),
                say("could_counsel_it"),
                "free",
            )
        )
        found.extend(self.soft_reason(self.inp.person(pid), session) for pid in interpreter_free)
        fits = f"{(session.start + timedelta(minutes=fitting[0])):%H:%M}"
        return say("would_fit", time=fits), found, named_block


def uncovered_of(inp: MonthInput, plan: Plan) -> dict[str, list[Uncovered]]:
    """The uncovered needs of each open-hours session, with their reasons."""
    explainer = Explainer(inp, plan)
    result: dict[str, list[Uncovered]] = {}
    for short in shortfalls(inp, plan):
        result.setdefault(short.session, []).append(
            Uncovered(
                need=short.need,
                language=short.language,
                missing=short.missing,
                reason=explainer.shortfall(short).summary,
            )
        )
    return result


def unscheduled_of(inp: MonthInput, plan: Plan) -> list[Unscheduled]:
    """The appointment requests ``plan`` leaves out, with their reasons."""
    explainer = Explainer(inp, plan)
    scheduled = {a.key for a in plan.appointments}
    return [
        Unscheduled(
            key=item.key,
            case=item.case,
            language=item.request.language,
            minutes=item.request.minutes,
            earliest=item.request.earliest,
            latest=item.request.latest,
            reason=explainer.unscheduled(item).summary,
        )
        for item in inp.appointments
        if item.key not in scheduled
    ]


def explain_text(inp: MonthInput, plan: Plan) -> str:
    """``roster explain``: every uncovered need and unscheduled appointment, grouped by
    date, with the candidates considered and why each did not take it."""
    explainer = Explainer(inp, plan, Wording.of("en", inp.data.office))
    lines = [
        f"Explanations for {plan.month} (planned as of {plan.as_of}, solver status "
        f"{plan.solver.status})"
    ]
    found = 0
    for session in inp.open_sessions:
        items = [
            explainer.shortfall(short)
            for short in shortfalls(inp, plan)
            if short.session == session.id
        ]
        if not items:
            continue
        lines.append("")
        lines.append(
            f"{explainer.words.day(session.date)}, {session.name} {session.start:%H:%M}-{session.end:%H:%M}"
        )
        for explanation in items:
            found += 1
            lines.extend(_explanation_lines(explanation))
    scheduled = {a.key for a in plan.appointments}
    left = [item for item in inp.appointments if item.key not in scheduled]
    if left:
        lines.append("")
        lines.append("Unscheduled appointments")
        for item in sorted(left, key=lambda i: (i.request.earliest, i.key)):
            found += 1
            lines.extend(_explanation_lines(explainer.unscheduled(item)))
    if not found:
        lines.append("")
        lines.append("Everything is covered: every need is met and every appointment scheduled.")
    return "\n".join(lines)


def _explanation_lines(explanation: Explanation) -> list[str]:
    lines = [f"  {explanation.title}", f"    {explanation.summary}"]
    for heading, people in explanation.candidates:
        if not people:
            continue
        lines.append(f"    candidates{' on ' + heading if heading else ''}:")
        lines.extend(f"      {c.volunteer:<6} {c.reason}" for c in people)
    return lines
