"""The solver-free checker: every hard rule of a plan file, every penalty recomputed.

Given the office and a plan, :func:`check_plan` walks each hard rule of issue section 1
and lists every violation in plain words, and recomputes each named penalty of section 2
from the plan alone (with the earlier months' plans for fairness). It never imports
CP-SAT: it is the independent second opinion on every plan the solver writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.domain.requests import AppointmentRequest
from roster.planfile.facts import plan_facts, split
from roster.planfile.history import History
from roster.planfile.index import PlanIndex, minutes_between
from roster.planfile.schema import Penalty, Plan, PlanAppointment, Score
from roster.wording.explanations import day_text, language_text
from solver.availability import can_counsel, can_counsel_in, can_interpret, can_lead
from solver.figures import (
    Shortfall,
    fairness_of,
    load_of,
    open_needs,
    penalties_of,
    shortfalls,
)
from solver.month_input import MonthInput, month_input


@dataclass(frozen=True, order=True)
class Violation:
    """A hard rule the plan breaks, in plain words."""

    day: date | None
    rule: str
    message: str

    def __str__(self) -> str:
        where = f"{day_text(self.day)}: " if self.day else ""
        return f"{where}{self.message} [{self.rule}]"


@dataclass
class CheckReport:
    """What the checker found: violations, and the penalties recomputed from the plan."""

    plan: Plan
    violations: list[Violation] = field(default_factory=list)
    penalties: list[Penalty] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the plan keeps every hard rule and reports its numbers truly."""
        return not self.violations

    @property
    def total(self) -> float:
        """The recomputed score."""
        return sum(p.value for p in self.penalties)

    @property
    def score(self) -> Score:
        """The recomputed score as the plan file holds it."""
        return Score(total=self.total, penalties=self.penalties)


# -- the hard rules ----------------------------------------------------------------------------


class _Walk:
    """One pass over a plan, collecting violations."""

    def __init__(self, inp: MonthInput, plan: Plan) -> None:
        self.inp = inp
        self.plan = plan
        self.index = PlanIndex(plan)
        self.found: list[Violation] = []

    def flag(self, day: date | None, rule: str, message: str) -> None:
        self.found.append(Violation(day, rule, message))

    def person_ok(self, pid: str, day: date, what: str) -> bool:
        """The person exists and can come; flag otherwise."""
        if not self.inp.knows(pid):
            self.flag(day, "qualification", f"{pid} ({what}) is not in volunteers.yaml")
            return False
        status = self.inp.availability.status(pid, day)
        if not status.can:
            self.flag(day, "availability", f"{pid} is planned as {what} but {status.reason}")
        return True

    # each method checks one family
    def calendar(self) -> None:
        planned = {s.id: s for s in self.plan.sessions}
        for session in self.inp.sessions:
            got = planned.get(session.id)
            if got is None:
                self.flag(session.date, "calendar", f"the plan lacks the session {session.id}")
            elif (got.date, got.kind, got.start, got.end) != (
                session.date,
                session.kind,
                session.start,
                session.end,
            ):
                self.flag(
                    session.date,
                    "calendar",
                    f"session {session.id} has other times or kind than the calendar "
                    f"({session.start:%H:%M}-{session.end:%H:%M}, {session.kind})",
                )
        for sid, got in planned.items():
            if not self.inp.has_session(sid):
                self.flag(got.date, "calendar", f"session {sid} is not in the month's calendar")

    def open_hours(self) -> None:
        for session in self.plan.sessions:
            if session.kind != "open_hours" or not self.inp.has_session(session.id):
                continue
            rule = self.inp.open_rule(session.id)
            day = session.date
            seen: set[str] = set()
            counsellors: list[str] = []
            for entry in session.staff:
                pid = entry.volunteer
                what = entry.role + (f" ({entry.language})" if entry.language else "")
                if pid in seen:
                    self.flag(
                        day, "one_function", f"{pid} has more than one function in {session.id}"
                    )
                seen.add(pid)
                if not self.person_ok(pid, day, what):
                    continue
                person = self.inp.person(pid)
                if entry.role == "counsellor":
                    counsellors.append(pid)
                    if not can_counsel(person):
                        self.flag(
                            day,
                            "qualification",
                            f"{pid} counsels but is neither counsellor nor social worker",
                        )
                    elif entry.language and not can_counsel_in(person, entry.language):
                        self.flag(
                            day,
                            "qualification",
                            f"{pid} counsels in {language_text(self.inp.data.office, entry.language)} "
                            "without speaking it fluent or better",
                        )
                elif entry.language is None or not can_interpret(person, entry.language):
                    self.flag(
                        day,
                        "qualification",
                        f"{pid} interprets {entry.language or 'no language'} without the role "
                        "interpreter and that language and German at fluent or better",
                    )
                if entry.lead and (entry.role != "counsellor" or not can_lead(person)):
                    self.flag(
                        day,
                        "qualification",
                        f"{pid} is on lead duty without being a counsellor with the role lead",
                    )
                if entry.trainee != person.trainee:
                    self.flag(
                        day,
                        "report",
                        f"{pid} is marked trainee={entry.trainee}, volunteers.yaml says {person.trainee}",
                    )
            if len(counsellors) > rule.counsellors.max:
                self.flag(
                    day,
                    "counsellors_max",
                    f"{len(counsellors)} counsellors in {session.id}, more than counsellors.max "
                    f"({rule.counsellors.max})",
                )
            known = [pid for pid in counsellors if self.inp.knows(pid)]
            trainees = [pid for pid in known if self.inp.person(pid).trainee]
            if trainees and len(trainees) == len(known):
                self.flag(
                    day,
                    "trainee_not_alone",
                    f"trainee {', '.join(trainees)} counsels in {session.id} without an "
                    "experienced counsellor",
                )

    def appointments(self) -> None:
        requests = {item.key: item for item in self.inp.appointments}
        listed: dict[str, int] = {}
        for key in [a.key for a in self.plan.appointments] + [u.key for u in self.plan.unscheduled]:
            listed[key] = listed.get(key, 0) + 1
        for key, count in sorted(listed.items()):
            if key not in requests:
                self.flag(
                    None, "appointment", f"{key} is not an appointment request of {self.inp.month}"
                )
            elif count > 1:
                self.flag(None, "appointment", f"{key} is listed {count} times")
        for key in requests:
            if key not in listed:
                self.flag(None, "report", f"{key} is neither scheduled nor listed as unscheduled")
        for left in self.plan.unscheduled:
            request = requests.get(left.key)
            if request is not None and (left.case, left.language, left.minutes) != (
                request.case,
                request.request.language,
                request.request.minutes,
            ):
                self.flag(None, "report", f"unscheduled {left.key} does not match its request")
        for item in self.plan.appointments:
            request = requests.get(item.key)
            if request is not None:
                self.appointment(item, request.request)
        self.desks_and_overlaps()

    def appointment(self, item: PlanAppointment, request: AppointmentRequest) -> None:
        day = item.date
        if (item.case, item.language) != (request.case, request.language):
            self.flag(
                day, "appointment", f"{item.key} has another case or language than its request"
            )
        if (
            not self.inp.has_session(item.session)
            or self.inp.session(item.session).kind != "appointments"
        ):
            self.flag(
                day,
                "appointment",
                f"{item.key} lies in {item.session}, which is no appointment session of the month",
            )
            return
        session = self.inp.session(item.session)
        rule = self.inp.appointment_rule(item.session)
        if item.date != session.date:
            self.flag(
                day,
                "appointment",
                f"{item.key} has date {item.date} but its session is on {session.date}",
            )
        if not request.earliest <= session.date <= request.latest:
            self.flag(
                day,
                "appointment",
                f"{item.key} lies outside its window {request.earliest}..{request.latest}",
            )
        offset = int((item.start - session.start).total_seconds() // 60)
        if item.start < session.start or item.end > session.end:
            self.flag(
                day,
                "appointment",
                f"{item.key} ({item.start:%H:%M}-{item.end:%H:%M}) is not inside its session",
            )
        if offset % rule.slot_minutes:
            self.flag(
                day,
                "appointment",
                f"{item.key} starts at {item.start:%H:%M}, off the {rule.slot_minutes}-minute slot grid",
            )
        if minutes_between(item) != request.minutes:
            self.flag(
                day,
                "appointment",
                f"{item.key} lasts {minutes_between(item)} minutes, its request {request.minutes}",
            )
        if not 1 <= item.desk <= rule.desks:
            self.flag(
                day, "desks", f"{item.key} is at desk {item.desk}; the session has {rule.desks}"
            )
        language = language_text(self.inp.data.office, item.language)
        counsellor_speaks = False
        if self.person_ok(item.counsellor, day, f"counsellor of {item.key}"):
            person = self.inp.person(item.counsellor)
            counsellor_speaks = person.speaks(item.language)
            if not can_counsel(person):
                self.flag(
                    day,
                    "qualification",
                    f"{item.counsellor} counsels {item.key} but is neither counsellor nor social worker",
                )
            if person.trainee:
                second = item.second_counsellor
                if not second or not self.inp.knows(second) or self.inp.person(second).trainee:
                    self.flag(
                        day,
                        "trainee_not_alone",
                        f"trainee {item.counsellor} takes {item.key} without an experienced second counsellor",
                    )
        if item.second_counsellor and self.person_ok(
            item.second_counsellor, day, f"second counsellor of {item.key}"
        ):
            second_person = self.inp.person(item.second_counsellor)
            if not can_counsel(second_person) or item.second_counsellor == item.counsellor:
                self.flag(
                    day,
                    "qualification",
                    f"{item.second_counsellor} cannot be the second counsellor of {item.key}",
                )
        if item.interpreter is None:
            if not counsellor_speaks:
                self.flag(
                    day,
                    "appointment",
                    f"{item.key} has no interpreter for {language} and its counsellor {item.counsellor} "
                    "does not speak it fluent or better",
                )
        elif self.person_ok(item.interpreter, day, f"interpreter of {item.key}"):
            if not can_interpret(self.inp.person(item.interpreter), item.language):
                self.flag(
                    day,
                    "qualification",
                    f"{item.interpreter} interprets {language} for {item.key} without being qualified",
                )
            if item.interpreter in (item.counsellor, item.second_counsellor):
                self.flag(
                    day,
                    "one_function",
                    f"{item.interpreter} both counsels and interprets {item.key}",
                )

    def desks_and_overlaps(self) -> None:
        by_session: dict[str, list[PlanAppointment]] = {}
        for item in self.plan.appointments:
            by_session.setdefault(item.session, []).append(item)
        for sid, items in sorted(by_session.items()):
            if not self.inp.has_session(sid) or self.inp.session(sid).kind != "appointments":
                continue
            capacity = self.inp.appointment_rule(sid).desks
            day = self.inp.session(sid).date
            moments = sorted({item.start for item in items})
            for moment in moments:
                running = [i for i in items if i.start <= moment < i.end]
                if len(running) > capacity:
                    self.flag(
                        day,
                        "desks",
                        f"{len(running)} appointments run at {moment:%H:%M} in {sid}, more than its {capacity} desks",
                    )
                    break
            for first, second in _overlapping(items):
                if first.desk == second.desk:
                    self.flag(
                        day, "desks", f"{first.key} and {second.key} overlap at desk {first.desk}"
                    )
                shared = _people(first) & _people(second)
                for pid in sorted(shared):
                    self.flag(
                        day,
                        "double_booking",
                        f"{pid} is in {first.key} and {second.key}, which overlap",
                    )
        for (pid, sid), functions in sorted(self.index.functions.items()):
            if len(functions) > 1:
                session = self.index.sessions.get(sid)
                self.flag(
                    session.date if session else None,
                    "one_function",
                    f"{pid} has {len(functions)} functions in {sid}: {', '.join(functions)}",
                )
        for session in self.plan.sessions:
            if session.kind == "appointments":
                derived = sorted(
                    (pid, functions[0])
                    for (pid, sid), functions in self.index.functions.items()
                    if sid == session.id and len(functions) == 1
                )
                listed = sorted(
                    (e.volunteer, e.role if e.role == "counsellor" else f"interpreter:{e.language}")
                    for e in session.staff
                )
                multi = [
                    pid
                    for (pid, sid), f in self.index.functions.items()
                    if sid == session.id and len(f) > 1
                ]
                if not multi and derived != listed:
                    self.flag(
                        session.date,
                        "report",
                        f"the staff of {session.id} does not match its appointments",
                    )

    def people(self) -> None:
        for person in self.inp.people:
            days = self.index.duty_dates.get(person.id, set())
            if len(days) > person.max_per_month:
                self.flag(
                    None,
                    "max_per_month",
                    f"{person.id} is on duty on {len(days)} days, more than max_per_month ({person.max_per_month})",
                )
            if person.hours_per_month is not None:
                minutes = self.index.minutes.get(person.id, 0)
                if minutes > round(person.hours_per_month * 60):
                    self.flag(
                        None,
                        "hours_per_month",
                        f"{person.id} works {minutes / 60:g} hours, more than hours_per_month ({person.hours_per_month:g})",
                    )
        for first, second in self.inp.overlapping_pairs():
            for person in self.inp.people:
                if self.index.works_in(person.id, first) and self.index.works_in(person.id, second):
                    self.flag(
                        self.inp.session(first).date,
                        "one_place_at_a_time",
                        f"{person.id} works in {first} and {second}, which overlap",
                    )

    def overrides(self) -> None:
        for position, entry in enumerate(self.inp.overrides.assign):
            day = entry.date
            done = False
            for session in self.plan.sessions:
                if session.date != day:
                    continue
                if session.kind == "open_hours":
                    for staff in session.staff:
                        if staff.volunteer != entry.volunteer:
                            continue
                        if entry.role == "lead":
                            done = done or staff.lead
                        elif entry.role == "counsellor":
                            done = done or (
                                staff.role == "counsellor"
                                and (entry.language is None or staff.language == entry.language)
                            )
                        else:
                            done = done or (
                                staff.role == "interpreter" and staff.language == entry.language
                            )
                else:
                    functions = self.index.works_in(entry.volunteer, session.id)
                    wanted = (
                        "counsellor"
                        if entry.role == "counsellor"
                        else f"interpreter:{entry.language}"
                    )
                    done = done or wanted in functions
            if not done:
                self.flag(
                    day,
                    "overrides",
                    f"override assign[{position}] ({entry.volunteer} as {entry.role}"
                    f"{' ' + entry.language if entry.language else ''}) is not in the plan",
                )

    def kept(self) -> None:
        previous = self.plan.previous
        if previous is None:
            return
        old_past, _ = split(previous.facts, self.plan.as_of)
        new_past, _ = split(plan_facts(self.plan), self.plan.as_of)
        for kind, session, subject, detail in sorted(old_past - new_past):
            self.flag(
                None,
                "kept_sessions",
                f"{kind} {subject} {detail} {session}".strip()
                + f" lies before {self.plan.as_of} and was dropped from the plan",
            )
        for kind, session, subject, detail in sorted(new_past - old_past):
            self.flag(
                None,
                "kept_sessions",
                f"{kind} {subject} {detail} {session}".strip()
                + f" lies before {self.plan.as_of} and was not in the plan it replaced",
            )

    def confidentiality(self) -> None:
        text = self.plan.to_json()
        for item in self.inp.appointments:
            note = (item.request.note or "").strip()
            if len(note) >= 4 and note in text:
                self.flag(
                    None, "confidentiality", f"the note of {item.key} appears in the plan file"
                )

    def reported(self) -> None:
        plan, inp = self.plan, self.inp
        if plan.month != str(inp.month):
            self.flag(None, "report", f"the plan is for {plan.month}, not {inp.month}")
        if plan.load != load_of(inp, plan):
            self.flag(
                None, "report", "the per-volunteer load does not match the plan's assignments"
            )
        fairness, _ = fairness_of(inp, plan)
        if plan.fairness != fairness:
            self.flag(
                None,
                "report",
                f"the fairness spread says {plan.fairness.spread}, the plan gives {fairness.spread}",
            )
        for session in plan.sessions:
            if session.kind == "open_hours" and inp.has_session(session.id):
                expected = open_needs(inp, session.id)
                if session.needs != expected:
                    self.flag(
                        session.date,
                        "report",
                        f"the needs of {session.id} differ from the rules and the forecast",
                    )
        want = sorted(
            (s.session, s.need, s.language or "", s.missing) for s in shortfalls(inp, plan)
        )
        have = sorted(
            (session.id, u.need, u.language or "", u.missing)
            for session in plan.sessions
            for u in session.uncovered
        )
        if want != have:
            self.flag(
                None,
                "report",
                "the uncovered needs listed differ from the needs the plan leaves open",
            )
        penalties = penalties_of(inp, plan)
        if plan.score != Score(total=sum(p.value for p in penalties), penalties=penalties):
            self.flag(
                None,
                "report",
                f"the score says {plan.score.total:,.0f}, the plan's penalties recompute to "
                f"{sum(p.value for p in penalties):,.0f}",
            )


def _overlapping(items: list[PlanAppointment]) -> Iterable[tuple[PlanAppointment, PlanAppointment]]:
    ordered = sorted(items, key=lambda i: (i.start, i.key))
    for position, first in enumerate(ordered):
        for second in ordered[position + 1 :]:
            if second.start >= first.end:
                break
            yield first, second


def _people(item: PlanAppointment) -> set[str]:
    return {p for p in (item.counsellor, item.second_counsellor, item.interpreter) if p}


def check_month_input(inp: MonthInput, plan: Plan) -> CheckReport:
    """Check ``plan`` against an already gathered month."""
    walk = _Walk(inp, plan)
    walk.calendar()
    walk.open_hours()
    walk.appointments()
    walk.people()
    walk.overrides()
    walk.kept()
    walk.confidentiality()
    walk.reported()
    return CheckReport(
        plan=plan, violations=sorted(set(walk.found), key=_order), penalties=penalties_of(inp, plan)
    )


def _order(v: Violation) -> tuple[date, str, str]:
    return (v.day or date.min, v.rule, v.message)


def check_plan(data: OfficeData, plan: Plan, history: History | None = None) -> CheckReport:
    """Verify every hard rule of ``plan`` and recompute its penalties.

    ``history`` holds the earlier months' plans that count for fairness and the week
    rules (:func:`solver.history.load_history`); without it none count.
    """
    inp = month_input(
        data, Month.parse(plan.month), as_of=plan.as_of, history=history, previous=plan.previous
    )
    return check_month_input(inp, plan)


__all__ = [
    "CheckReport",
    "Shortfall",
    "Violation",
    "check_month_input",
    "check_plan",
    "fairness_of",
    "load_of",
    "open_needs",
    "penalties_of",
    "shortfalls",
]
