"""Why a need stays uncovered or an appointment unscheduled, in plain words.

Every reason is computed from the office and the plan: who could have taken the need
(the candidates considered), and for each, what kept them from it: they cannot come
that day (and why), they already have a function in the session, they reached
``max_per_month`` or their hours budget, or they are not qualified. Only when nothing
hard stood in the way does a reason name the soft rules that made the plan leave them
free.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from roster.loading import Appointment
from roster.month_calendar import SessionOccurrence
from roster.plan import Plan, Uncovered, Unscheduled
from roster.team import Volunteer
from solver.availability import (
    can_counsel,
    can_counsel_in,
    can_interpret,
    can_lead,
    cannot_cover_reason,
)
from solver.figures import Shortfall, shortfalls
from solver.month_input import MonthInput
from solver.plan_index import PlanIndex
from solver.rules import monday
from solver.wording import (
    count_text,
    day_text,
    days_text,
    hours_text,
    language_text,
    short_day,
    span_text,
)


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

    def __init__(self, inp: MonthInput, plan: Plan) -> None:
        self.inp = inp
        self.plan = plan
        self.index = PlanIndex(plan)
        self.office = inp.data.office
        self.staff = {(entry.volunteer, s.id): entry for s in plan.sessions for entry in s.staff}

    # -- what keeps one person from one session ---------------------------------------------
    def blocker(
        self, person: Volunteer, session: SessionOccurrence, minutes: int
    ) -> Candidate | None:
        """The hard reason ``person`` cannot take ``minutes`` more work in ``session``."""
        pid, day = person.id, session.date
        status = self.inp.availability.status(pid, day)
        if not status.can:
            return Candidate(pid, status.reason, "cannot_come")
        if self.inp.is_kept(session):
            return Candidate(
                pid,
                f"the session lies before {short_day(self.inp.as_of)} (--today) and is kept as planned",
                "kept",
            )
        if session.kind == "open_hours" and self.index.works_in(pid, session.id):
            return Candidate(
                pid, f"already {self.doing(pid, session.id)} in this session", "in_session"
            )
        for first, second in self.inp.overlapping_pairs():
            other = second if first == session.id else first if second == session.id else None
            if other is not None and self.index.works_in(pid, other):
                name = self.inp.session(other).name
                return Candidate(pid, f"works in the {name} at the same time", "in_session")
        duty = self.index.duty_dates.get(pid, set())
        if day not in duty and len(duty) >= person.max_per_month:
            if person.max_per_month == 0:
                text = "has max_per_month 0"
            else:
                text = (
                    f"has reached max_per_month ({person.max_per_month}): on duty {days_text(duty)}"
                )
            return Candidate(pid, text, "limit")
        if person.hours_per_month is not None:
            budget = round(person.hours_per_month * 60)
            used = self.index.minutes.get(pid, 0)
            if used + minutes > budget:
                return Candidate(
                    pid,
                    f"has {hours_text(max(0, budget - used))} of the hours_per_month budget "
                    f"({person.hours_per_month:g}) left and this takes {hours_text(minutes)}",
                    "limit",
                )
        return None

    def doing(self, pid: str, session_id: str) -> str:
        """``counsels``, ``counsels in Persian``, ``interprets Arabic``, ``is on lead duty``."""
        entry = self.staff.get((pid, session_id))
        if entry is None:
            functions = self.index.works_in(pid, session_id)
            if functions and functions[0].startswith("interpreter:"):
                return f"interprets {language_text(self.office, functions[0].split(':', 1)[1])}"
            return "counsels"
        if entry.role == "interpreter" and entry.language:
            return f"interprets {language_text(self.office, entry.language)}"
        text = "counsels"
        if entry.language:
            text += f" in {language_text(self.office, entry.language)}"
        if entry.lead:
            text += " on lead duty"
        return text

    def soft_reason(self, person: Volunteer, session: SessionOccurrence) -> Candidate:
        """Nothing hard stood in the way: name the soft rules taking them would cost."""
        pid, day = person.id, session.date
        costs = []
        if self.inp.availability.maybe(pid, day):
            costs.append(f"answered maybe for {day_text(day)}")
        duty = sorted(
            self.index.duty_dates.get(pid, set())
            | self.inp.history.duty_dates.get(pid, frozenset())
        )
        same = [d for d in duty if monday(d) == monday(day) and d != day]
        if same:
            costs.append(f"is already on duty {days_text(same)} in the same week")
        near = [d for d in duty if abs((monday(d) - monday(day)).days) == 7]
        if near:
            costs.append(f"is on duty in the week before or after ({days_text(near)})")
        rate_duties = self.inp.history.duties.get(pid, 0) + self.index.duties(pid)
        offered = self.inp.window_offered(pid)
        if offered and rate_duties:
            costs.append(f"already has {rate_duties} duties for {offered} dates offered (fairness)")
        if not costs:
            return Candidate(
                pid,
                "could come; the plan keeps them free because using them here costs more "
                "elsewhere (see the score)",
                "free",
            )
        return Candidate(pid, "could come, but " + "; ".join(costs), "free")

    # -- open-hours needs ---------------------------------------------------------------
    def language_candidates(self, session: SessionOccurrence, language: str) -> list[Candidate]:
        """Everyone who speaks ``language`` at some level, and why they do not cover it."""
        name = language_text(self.office, language)
        found = []
        for person in self.inp.people:
            if language not in person.languages:
                continue
            not_qualified = cannot_cover_reason(person, language, name)
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
                            f"could counsel in {name}, but the session already has "
                            f"counsellors.max ({limit}) counsellors",
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
                found.append(
                    Candidate(
                        person.id,
                        "is a trainee and does not count toward counsellors.min",
                        "qualification",
                    )
                )
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
                    Candidate(person.id, "has the role lead but does not counsel", "qualification")
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
        session = self.inp.session(short.session)
        day = day_text(session.date)
        if short.need == "language" and short.language:
            name = language_text(self.office, short.language)
            people = self.language_candidates(session, short.language)
            title = (
                f"{name}: {count_text(short.missing, 'interpreter')} missing "
                f"({short.expected_visitors:g} visitors expected)"
            )
            qualified = [c for c in people if c.kind != "qualification"]
            if not people:
                summary = f"nobody in the team speaks {name}"
            elif not qualified:
                summary = (
                    f"nobody who may interpret or counsel speaks {name} well enough: "
                    + "; ".join(f"{c.volunteer} {c.reason}" for c in people)
                )
            elif len(qualified) == 1:
                only = qualified[0]
                summary = f"only {only.volunteer} speaks {name} well enough, and {only.volunteer} {only.reason}"
            else:
                summary = f"{len(qualified)} people speak {name} well enough: " + self.digest(
                    qualified
                )
            return Explanation(session.date, title, f"{name} on {day}: {summary}", [("", people)])
        if short.need == "counsellors":
            people = self.counsellor_candidates(session)
            rule = self.inp.open_rule(session.id)
            title = f"Counsellors: {short.missing} of {rule.counsellors.min} experienced missing"
            experienced = [c for c in people if c.kind != "qualification"]
            summary = (
                f"Counsellors on {day}: {short.missing} missing; of "
                f"{count_text(len(experienced), 'experienced counsellor')}: "
                + (self.digest(experienced) if experienced else "none")
            )
            return Explanation(session.date, title, summary, [("", people)])
        people = self.lead_candidates(session)
        title = f"Lead duty: {short.missing} missing"
        if not people:
            summary = f"Lead on {day}: nobody in the team has the role lead"
        else:
            summary = f"Lead on {day}: " + self.digest(people)
        return Explanation(session.date, title, summary, [("", people)])

    @staticmethod
    def digest(people: list[Candidate]) -> str:
        """One line about many candidates: each by name when few, else grouped by reason."""
        if len(people) <= 3:
            return "; ".join(f"{c.volunteer} {c.reason}" for c in people)
        groups: dict[str, list[str]] = {}
        words = {
            "cannot_come": "cannot come that day",
            "in_session": "already have a function in this session",
            "limit": "reached max_per_month or their hours",
            "session_full": "would exceed counsellors.max",
            "kept": "are in a session kept as planned",
            "qualification": "are not qualified",
            "free": "could come but were left free by lower priorities",
        }
        for candidate in people:
            groups.setdefault(candidate.kind, []).append(candidate.volunteer)
        return "; ".join(
            f"{len(ids)} {words[kind]} ({', '.join(ids)})" for kind, ids in groups.items()
        )

    # -- appointments -------------------------------------------------------------------
    def unscheduled(self, item: Appointment) -> Explanation:
        """Explain why an appointment request is not in the plan."""
        request = item.request
        name = language_text(self.office, request.language)
        window = span_text(request.earliest, request.latest)
        title = f"{item.key} ({name}, {request.minutes} min, {window})"
        options = self.inp.options(item.key)
        if not options:
            return Explanation(request.earliest, title, f"{item.key}: {self.no_session(item)}")
        parts: list[str] = []
        groups: list[tuple[str, list[Candidate]]] = []
        named_blocks: list[str] = []
        for option in options:
            session = self.inp.session(option.session)
            reason, people, named = self.option_reason(item, session, option.starts)
            parts.append(f"{day_text(session.date)}: {reason}")
            groups.append((day_text(session.date), people))
            if named:
                named_blocks.append(named)
        prefix = ""
        if request.counsellor and len(named_blocks) == len(options):
            prefix = f"its counsellor {request.counsellor} " + named_blocks[0] + "; "
        summary = f"{item.key}: {prefix}" + "; ".join(parts)
        return Explanation(request.earliest, title, summary, groups)

    def no_session(self, item: Appointment) -> str:
        request = item.request
        inside = [
            s for s in self.inp.appointment_sessions if request.earliest <= s.date <= request.latest
        ]
        if inside:
            return (
                f"the appointment sessions between {short_day(request.earliest)} and "
                f"{short_day(request.latest)} are shorter than {request.minutes} minutes"
            )
        closed = [
            f"{short_day(c.date)} {c.reason}"
            for c in self.inp.calendar.closed
            if request.earliest <= c.date <= request.latest
        ]
        text = (
            f"there is no appointment session between {short_day(request.earliest)} and "
            f"{short_day(request.latest)}"
        )
        return text + (f" (closed: {', '.join(closed)})" if closed else "")

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
                f"already {self.doing(person.id, session.id)} in this session",
                "in_session",
            ), []
        free = self.free_at(person.id, session, offsets, minutes)
        if not free:
            return Candidate(
                person.id,
                "is in other appointments at every start time with a free desk",
                "in_session",
            ), []
        return None, free

    def option_reason(
        self, item: Appointment, session: SessionOccurrence, starts: tuple[int, ...]
    ) -> tuple[str, list[Candidate], str | None]:
        """Why the appointment is not in ``session``; the candidates considered; what kept
        its named counsellor away."""
        request = item.request
        name = language_text(self.office, request.language)
        if self.inp.is_kept(session):
            text = f"the session lies before {short_day(self.inp.as_of)} (--today) and is kept as planned"
            return text, [], None
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
            return "no counsellor can come and is free", found, named_block
        speakers = [pid for pid in counsellor_free if self.inp.person(pid).speaks(request.language)]
        if not speakers and not interpreter_free:
            interpreters = [
                c for c in found if can_interpret(self.inp.person(c.volunteer), request.language)
            ]
            detail = "; ".join(f"{c.volunteer} {c.reason}" for c in interpreters) or (
                f"nobody in the team interprets {name}"
            )
            return (
                f"no interpreter for {name} can come ({detail}) and no counsellor who can come "
                f"speaks {name}",
                found,
                named_block,
            )
        desks_free = set(self.free_starts(session, starts, request.minutes))
        if not desks_free:
            desks = self.inp.appointment_rule(session.id).desks
            taken = sorted(a.key for a in self.plan.appointments if a.session == session.id)
            desk_words = "the desk is" if desks == 1 else f"all {desks} desks are"
            return (
                f"{desk_words} taken at every start time ({', '.join(taken)})",
                found,
                named_block,
            )
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
            return (
                "the counsellors and interpreters who could take it are in other appointments "
                "whenever a desk is free",
                found,
                named_block,
            )
        shown = sorted(counsellor_free)
        found.append(
            Candidate(
                ", ".join(shown[:8]) + (" ..." if len(shown) > 8 else ""),
                "could counsel it",
                "free",
            )
        )
        found.extend(self.soft_reason(self.inp.person(pid), session) for pid in interpreter_free)
        return (
            f"it would fit at {(session.start + timedelta(minutes=fitting[0])):%H:%M}, but the "
            "plan found placing it costlier than leaving it out (the people it needs are "
            "worth more elsewhere)",
            found,
            named_block,
        )


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
    explainer = Explainer(inp, plan)
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
            f"{day_text(session.date)}, {session.name} {session.start:%H:%M}-{session.end:%H:%M}"
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
