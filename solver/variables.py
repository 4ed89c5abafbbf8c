"""The decision variables of a month's plan, in one container.

Variables exist only where a person can come and is qualified (see
:mod:`solver.availability`): the availability and qualification rules hold by
construction. Besides the decisions, the container holds the derived quantities the
rules share (who works in which session, who is on duty on which date, minutes worked)
together with the constraints that define them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ortools.sat.python import cp_model

from roster.domain.office_data import Appointment
from roster.domain.team import Volunteer
from roster.planfile.schema import Plan
from solver.availability import can_counsel, can_counsel_in, can_interpret, can_lead
from solver.candidates import CandidateIndex
from solver.month_input import MonthInput

Var = Any  # cp_model.IntVar; ortools ships no type information
Expr = Any  # cp_model.LinearExpr
People = dict[str, Var]  # volunteer id -> variable


@dataclass
class Variables:
    """Every decision of the month, keyed by stable strings, in a stable order."""

    # open hours, by session id or (session id, language)
    counsel: dict[str, People] = field(default_factory=dict)
    direct: dict[tuple[str, str], People] = field(default_factory=dict)
    interpret: dict[tuple[str, str], People] = field(default_factory=dict)
    lead: dict[str, People] = field(default_factory=dict)
    # appointments, by (appointment key, session id)
    place: dict[tuple[str, str], Var] = field(default_factory=dict)
    start: dict[tuple[str, str], Var] = field(default_factory=dict)
    desk: dict[tuple[str, str], Any] = field(default_factory=dict)
    appt_counsellor: dict[tuple[str, str], People] = field(default_factory=dict)
    appt_second: dict[tuple[str, str], People] = field(default_factory=dict)
    appt_interpreter: dict[tuple[str, str], People] = field(default_factory=dict)
    # functions in appointment sessions: (volunteer, session) and (volunteer, session, language)
    appt_counsels: dict[tuple[str, str], Var] = field(default_factory=dict)
    appt_interprets: dict[tuple[str, str, str], Var] = field(default_factory=dict)
    # derived: functions of a person in a session (at most 1 once one_function holds),
    # duty days, and (minutes, variable) pairs of the work a person does
    works: dict[tuple[str, str], Expr] = field(default_factory=dict)
    on_duty: dict[tuple[str, date], Var] = field(default_factory=dict)
    minutes: dict[str, list[tuple[int, Var]]] = field(default_factory=dict)
    candidates_left_out: int = 0
    """Appointment options (appointment and session) for which someone who could take the
    counsellor's or interpreter's place was left out under :data:`APPOINTMENT_CANDIDATES`
    or the budget: then ``optimal`` holds only among the people considered."""
    _duties: dict[str, dict[date, Var]] = field(default_factory=dict, init=False, repr=False)

    def duties(self, volunteer_id: str) -> dict[date, Var]:
        """The person's duty-day variables, by date."""
        return self._duties.get(volunteer_id, {})

    def decisions(self) -> list[Var]:
        """Every decision variable: who does what, and which appointment takes place where."""
        found: list[Var] = list(self.place.values())
        for table in (self.counsel, self.lead, self.direct, self.interpret):
            for people in table.values():
                found.extend(people.values())
        for option in (self.appt_counsellor, self.appt_second, self.appt_interpreter):
            for people in option.values():
                found.extend(people.values())
        return found

    def index(self) -> None:
        """Build the per-person lookup of duty days (after :func:`make_variables`)."""
        self._duties = {}
        for (pid, day), var in self.on_duty.items():
            self._duties.setdefault(pid, {})[day] = var


def open_hours_languages(inp: MonthInput, session_id: str) -> list[str]:
    """Languages staffed in an open-hours session: the need, overrides and kept plans."""
    languages = {need.language for need in inp.language_needs(session_id)}
    day = inp.session(session_id).date
    for entry in inp.overrides.assign:
        if entry.date == day and entry.language:
            languages.add(entry.language)
    if inp.previous is not None:
        for fact in inp.previous.facts:
            if fact.kind == "staff" and fact.session == session_id and ":" in fact.detail:
                languages.add(fact.detail.split(":", 1)[1])
    return sorted(languages)


@dataclass(frozen=True)
class OpenHoursCandidates:
    """Who may take which function in one open-hours session (ids in list order)."""

    counsel: list[str]
    lead: list[str]
    direct: dict[str, list[str]]
    """language -> counsellors who may counsel in it directly"""
    interpret: dict[str, list[str]]
    """language -> interpreters for it"""


def open_hours_candidates(
    inp: MonthInput, session_id: str, languages: list[str]
) -> OpenHoursCandidates:
    """The people who can come to an open-hours session and may take each function
    (for a language, only those who list it are looked at)."""
    day = inp.session(session_id).date
    present = inp.present_on(day)
    here = {p.id for p in present}
    counsellors = [p for p in present if can_counsel(p)]
    return OpenHoursCandidates(
        counsel=[p.id for p in counsellors],
        lead=[p.id for p in counsellors if can_lead(p)],
        direct={
            lang: [
                p.id for p in inp.with_language(lang) if p.id in here and can_counsel_in(p, lang)
            ]
            for lang in languages
        },
        interpret={
            lang: [p.id for p in inp.with_language(lang) if p.id in here and can_interpret(p, lang)]
            for lang in languages
        },
    )


def _open_hours(model: cp_model.CpModel, inp: MonthInput, v: Variables) -> None:
    for session in inp.open_sessions:
        sid = session.id
        languages = open_hours_languages(inp, sid)
        found = open_hours_candidates(inp, sid, languages)
        v.counsel[sid] = {pid: model.new_bool_var(f"counsel[{pid},{sid}]") for pid in found.counsel}
        v.lead[sid] = {pid: model.new_bool_var(f"lead[{pid},{sid}]") for pid in found.lead}
        for language in languages:
            v.direct[sid, language] = {
                pid: model.new_bool_var(f"direct[{pid},{sid},{language}]")
                for pid in found.direct[language]
            }
            v.interpret[sid, language] = {
                pid: model.new_bool_var(f"interpret[{pid},{sid},{language}]")
                for pid in found.interpret[language]
            }


APPOINTMENT_CANDIDATES = 24
"""Counsellors, and interpreters, considered per appointment and session at most.

A model restriction that only large offices reach (the example office has at most 16
counsellors on a date): beyond it, the counsellor the request names, the people an
earlier plan, the starting plan or an override puts there, and those who speak the
client's language come first, then those with the lowest duty rate over the fairness
window."""

APPOINTMENT_CANDIDATE_BUDGET = 24_000
"""Counsellor (and interpreter) candidates over all appointments and sessions at most:
a city office with hundreds of appointments, each open to several sessions, considers
fewer people per appointment (never fewer than :data:`FEWEST_CANDIDATES`), which keeps
the model small enough to plan in a few minutes and under 2 GB of memory."""

FEWEST_CANDIDATES = 6
"""Candidates per appointment and session that the budget never goes below."""


def candidates_per_option(inp: MonthInput) -> int:
    """How many counsellors (and interpreters) each appointment option considers."""
    options = sum(len(inp.options(item.key)) for item in inp.appointments)
    if options == 0:
        return APPOINTMENT_CANDIDATES
    return max(
        FEWEST_CANDIDATES, min(APPOINTMENT_CANDIDATES, APPOINTMENT_CANDIDATE_BUDGET // options)
    )


def _must(inp: MonthInput, key: str, day: date, start: Plan | None) -> set[str]:
    """People an earlier plan, the starting plan or an override puts into this appointment
    or on this date."""
    found = {entry.volunteer for entry in inp.overrides.assign if entry.date == day}
    if start is not None:
        for placed in start.appointments:
            if placed.key == key and placed.date == day:
                found.add(placed.counsellor)
                found |= {p for p in (placed.second_counsellor, placed.interpreter) if p}
    if inp.previous is not None:
        found |= {
            fact.detail
            for fact in inp.previous.facts
            if fact.subject == key
            and fact.kind in ("counsellor", "second_counsellor", "interpreter")
        }
    return found


def appointment_candidates(
    inp: MonthInput,
    item: Appointment,
    day: date,
    present: list[Volunteer],
    start: Plan | None = None,
    limit: int = APPOINTMENT_CANDIDATES,
) -> tuple[list[Volunteer], list[Volunteer]]:
    """(counsellors, interpreters) the model considers for an appointment on a date:
    everyone who can come, up to ``limit`` of each (trainees, who
    need an experienced second counsellor, come last), and always the people the
    starting plan ``start`` gives it, so that plan stays a solution of the model.
    Whoever is left out is a qualified person who could come (see
    :attr:`Variables.candidates_left_out`)."""
    request = item.request
    must = _must(inp, item.key, day, start)

    def rank(person: Volunteer) -> tuple[bool, bool, bool, float, int, str]:
        offered = inp.window_offered(person.id) or 1
        return (
            person.id not in must and person.id != request.counsellor,
            not person.speaks(request.language),
            person.trainee,
            inp.history.duties.get(person.id, 0) / offered,
            -person.max_per_month,
            person.id,
        )

    counsellors = [p for p in present if can_counsel(p)]
    interpreters = [p for p in present if can_interpret(p, request.language)]
    chosen = []
    for group in (counsellors, interpreters):
        keep = {p.id for p in sorted(group, key=rank)[:limit]}
        keep |= {p.id for p in group if p.id in must or p.id == request.counsellor}
        chosen.append([p for p in group if p.id in keep])
    return chosen[0], chosen[1]


@dataclass
class _Eligible:
    """How many people who can come on a date could counsel, or interpret a language, in
    an appointment: the candidates before any is left out."""

    present_on: dict[date, list[Volunteer]]
    _counts: dict[tuple[date, str], int] = field(default_factory=dict)

    def count(self, day: date, language: str) -> int:
        """Qualified people on ``day``: counsellors for ``""``, else interpreters of it."""
        if (day, language) not in self._counts:
            self._counts[day, language] = sum(
                1
                for p in self.present_on[day]
                if (can_interpret(p, language) if language else can_counsel(p))
            )
        return self._counts[day, language]

    def left_out(
        self,
        day: date,
        language: str,
        counsellors: list[Volunteer],
        interpreters: list[Volunteer],
    ) -> bool:
        """Whether the candidates chosen leave out someone qualified who can come."""
        return len(counsellors) < self.count(day, "") or len(interpreters) < self.count(
            day, language
        )


def _appointments(
    model: cp_model.CpModel, inp: MonthInput, v: Variables, plan: Plan | None
) -> None:
    limit = candidates_per_option(inp)
    present_on: dict[date, list[Volunteer]] = {day: inp.present_on(day) for day in inp.dates}
    eligible = _Eligible(present_on)
    index = CandidateIndex(inp, plan)
    for item in inp.appointments:
        key, request = item.key, item.request
        for option in inp.options(key):
            sid = option.session
            session = inp.session(sid)
            place = model.new_bool_var(f"place[{key},{sid}]")
            start = model.new_int_var_from_domain(
                cp_model.Domain.from_values(list(option.starts)), f"start[{key},{sid}]"
            )
            v.place[key, sid] = place
            v.start[key, sid] = start
            v.desk[key, sid] = model.new_optional_fixed_size_interval_var(
                start, request.minutes, place, f"desk[{key},{sid}]"
            )
            counsellors, interpreters = index.candidates(item, session.date, limit)
            if eligible.left_out(session.date, request.language, counsellors, interpreters):
                v.candidates_left_out += 1
            v.appt_counsellor[key, sid] = {
                p.id: model.new_bool_var(f"counsellor[{key},{sid},{p.id}]") for p in counsellors
            }
            v.appt_second[key, sid] = (
                {
                    p.id: model.new_bool_var(f"second[{key},{sid},{p.id}]")
                    for p in counsellors
                    if not p.trainee
                }
                if any(p.trainee for p in counsellors)
                else {}
            )
            v.appt_interpreter[key, sid] = {
                p.id: model.new_bool_var(f"interpreter[{key},{sid},{p.id}]") for p in interpreters
            }


def _appointment_functions(model: cp_model.CpModel, inp: MonthInput, v: Variables) -> None:
    """A person counsels (or interprets L) in an appointment session iff they do so in at
    least one of its appointments."""
    counsels: dict[tuple[str, str], list[Var]] = {}
    interprets: dict[tuple[str, str, str], list[Var]] = {}
    language_of = {item.key: item.request.language for item in inp.appointments}
    for table in (v.appt_counsellor, v.appt_second):
        for (_, sid), people in table.items():
            for pid, var in people.items():
                counsels.setdefault((pid, sid), []).append(var)
    for (key, sid), people in v.appt_interpreter.items():
        for pid, var in people.items():
            interprets.setdefault((pid, sid, language_of[key]), []).append(var)
    for (pid, sid), parts in sorted(counsels.items()):
        fn = model.new_bool_var(f"appt_counsels[{pid},{sid}]")
        v.appt_counsels[pid, sid] = fn
        model.add_max_equality(fn, parts)
    for (pid, sid, language), parts in sorted(interprets.items()):
        fn = model.new_bool_var(f"appt_interprets[{pid},{sid},{language}]")
        v.appt_interprets[pid, sid, language] = fn
        model.add_max_equality(fn, parts)


def _works_duties_minutes(model: cp_model.CpModel, inp: MonthInput, v: Variables) -> None:
    parts: dict[tuple[str, str], list[Var]] = {}
    minutes: dict[str, list[tuple[int, Var]]] = {}
    for sid, people in v.counsel.items():
        for pid, var in people.items():
            parts.setdefault((pid, sid), []).append(var)
            minutes.setdefault(pid, []).append((inp.session(sid).minutes, var))
    for (sid, _), people in v.interpret.items():
        for pid, var in people.items():
            parts.setdefault((pid, sid), []).append(var)
            minutes.setdefault(pid, []).append((inp.session(sid).minutes, var))
    for (pid, sid), var in v.appt_counsels.items():
        parts.setdefault((pid, sid), []).append(var)
    for (pid, sid, _), var in v.appt_interprets.items():
        parts.setdefault((pid, sid), []).append(var)
    length = {item.key: item.request.minutes for item in inp.appointments}
    for table in (v.appt_counsellor, v.appt_second, v.appt_interpreter):
        for (key, _), people in table.items():
            for pid, var in people.items():
                minutes.setdefault(pid, []).append((length[key], var))
    order = {s.id: index for index, s in enumerate(inp.sessions)}
    for pid, sid in sorted(parts, key=lambda k: (k[0], order[k[1]])):
        v.works[pid, sid] = sum(parts[pid, sid])
    by_day: dict[tuple[str, date], list[str]] = {}
    for pid, sid in v.works:
        by_day.setdefault((pid, inp.session(sid).date), []).append(sid)
    for (pid, day), sids in sorted(by_day.items()):
        if len(sids) == 1 and len(parts[pid, sids[0]]) == 1:
            v.on_duty[pid, day] = parts[pid, sids[0]][0]
            continue
        duty = model.new_bool_var(f"on_duty[{pid},{day}]")
        for sid in sids:
            model.add(duty >= v.works[pid, sid])
        model.add(duty <= sum(v.works[pid, sid] for sid in sids))
        v.on_duty[pid, day] = duty
    v.minutes = {pid: minutes[pid] for pid in sorted(minutes)}


def make_variables(
    model: cp_model.CpModel, inp: MonthInput, start: Plan | None = None
) -> Variables:
    """Create the month's variables and the constraints that define the derived ones.

    ``start``, a plan that keeps every hard rule (the greedy plan), is kept within reach:
    every assignment it makes has its variable."""
    v = Variables()
    _open_hours(model, inp, v)
    _appointments(model, inp, v, start)
    _appointment_functions(model, inp, v)
    _works_duties_minutes(model, inp, v)
    v.index()
    return v
