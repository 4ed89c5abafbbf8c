"""The hard rules of a plan, one function per family (issue section 1).

Availability and qualification hold by construction: :mod:`solver.variables` creates a
variable only where the person can come and may take the function. Every function
here adds one family's constraints through a :class:`Guard`, which, when a plan turns
out to be impossible, ties the family to one literal so the solver can say which
family clashed with the office lead's overrides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ortools.sat.python import cp_model

from roster.domain.errors import RosterError
from roster.planfile.schema import Previous
from solver.month_input import MonthInput
from solver.override_check import assign_problem, forced_error, override_problem
from solver.variables import Var, Variables, open_hours_languages


@dataclass
class Guard:
    """Adds constraints, each under its family's literal when diagnosing."""

    model: cp_model.CpModel
    diagnose: bool = False
    literals: dict[str, Var] = field(default_factory=dict)
    family: str = ""

    def add(self, constraint: Any) -> None:
        """Tie ``constraint`` (a linear or boolean constraint) to the current family."""
        if self.diagnose:
            if self.family not in self.literals:
                self.literals[self.family] = self.model.new_bool_var(f"family[{self.family}]")
            constraint.only_enforce_if(self.literals[self.family])


def one_function(inp: MonthInput, v: Variables, guard: Guard) -> None:
    """One function per person per session; a counsellor counsels directly in one
    language at most; lead duty is taken by a counsellor on duty."""
    del inp  # the variables say it all
    model = guard.model
    for works in v.works.values():
        if not isinstance(works, int):
            guard.add(model.add(works <= 1))
    direct: dict[tuple[str, str], list[Var]] = {}
    for (sid, _), people in v.direct.items():
        for pid, var in people.items():
            direct.setdefault((pid, sid), []).append(var)
    for (pid, sid), parts in direct.items():
        guard.add(model.add(sum(parts) <= v.counsel[sid][pid]))
    for sid, people in v.lead.items():
        for pid, var in people.items():
            guard.add(model.add(var <= v.counsel[sid][pid]))


def one_place_at_a_time(inp: MonthInput, v: Variables, guard: Guard) -> None:
    """Nobody works in two sessions of one date whose times overlap."""
    for first, second in inp.overlapping_pairs():
        for person in inp.people:
            a = v.works.get((person.id, first))
            b = v.works.get((person.id, second))
            if a is not None and b is not None:
                guard.add(guard.model.add(a + b <= 1))


def max_per_month(inp: MonthInput, v: Variables, guard: Guard) -> None:
    """Days on duty never exceed ``max_per_month``."""
    for person in inp.people:
        duties = list(v.duties(person.id).values())
        if len(duties) > person.max_per_month:
            guard.add(guard.model.add(sum(duties) <= person.max_per_month))


def hours_per_month(inp: MonthInput, v: Variables, guard: Guard) -> None:
    """Minutes worked (open-hours sessions, appointments taken part in) never exceed
    the ``hours_per_month`` budget."""
    for person in inp.people:
        if person.hours_per_month is None:
            continue
        budget = round(person.hours_per_month * 60)
        terms = v.minutes.get(person.id, [])
        if sum(minutes for minutes, _ in terms) > budget:
            guard.add(guard.model.add(sum(m * var for m, var in terms) <= budget))


def counsellors_max(inp: MonthInput, v: Variables, guard: Guard) -> None:
    """An open-hours session has at most ``counsellors.max`` counsellors, trainees included."""
    for session in inp.open_sessions:
        parts = list(v.counsel[session.id].values())
        limit = inp.open_rule(session.id).counsellors.max
        if len(parts) > limit:
            guard.add(guard.model.add(sum(parts) <= limit))


def trainee_not_alone(inp: MonthInput, v: Variables, guard: Guard) -> None:
    """A trainee works beside an experienced counsellor: in the same open-hours session,
    or as the second counsellor of the same appointment."""
    model = guard.model
    for session in inp.open_sessions:
        people = v.counsel[session.id]
        experienced = [var for pid, var in people.items() if not inp.person(pid).trainee]
        for pid, var in people.items():
            if inp.person(pid).trainee:
                guard.add(model.add(var <= sum(experienced)))
    for option, people in v.appt_counsellor.items():
        trainees = [var for pid, var in people.items() if inp.person(pid).trainee]
        if trainees:
            guard.add(model.add(sum(v.appt_second[option].values()) == sum(trainees)))


def appointment_staffing(inp: MonthInput, v: Variables, guard: Guard) -> None:
    """An appointment takes place at most once, in a session of its window (on the slot
    grid, by construction), with one counsellor and one interpreter for its language
    unless its counsellor speaks it fluent or better."""
    model = guard.model
    for item in inp.appointments:
        key, language = item.key, item.request.language
        places = [v.place[key, option.session] for option in inp.options(key)]
        if len(places) > 1:
            guard.add(model.add(sum(places) <= 1))
        for option in inp.options(key):
            at = (key, option.session)
            counsellors = v.appt_counsellor[at]
            speaking = [var for pid, var in counsellors.items() if inp.person(pid).speaks(language)]
            guard.add(model.add(sum(counsellors.values()) == v.place[at]))
            guard.add(
                model.add(sum(v.appt_interpreter[at].values()) + sum(speaking) == v.place[at])
            )
            for pid, var in counsellors.items():
                second = v.appt_second[at].get(pid)
                if second is not None:
                    guard.add(model.add(var + second <= 1))


def desks(inp: MonthInput, v: Variables, guard: Guard) -> None:
    """At no moment do more appointments run than the session has desks."""
    for session in inp.appointment_sessions:
        intervals = [interval for (_, sid), interval in v.desk.items() if sid == session.id]
        capacity = inp.appointment_rule(session.id).desks
        if len(intervals) > capacity:
            guard.model.add_cumulative(intervals, [1] * len(intervals), capacity)


def no_double_booking(inp: MonthInput, v: Variables, guard: Guard) -> None:
    """Nobody is in two appointments that overlap."""
    length = {item.key: item.request.minutes for item in inp.appointments}
    per_person: dict[tuple[str, str], list[tuple[str, Var]]] = {}
    for table in (v.appt_counsellor, v.appt_second, v.appt_interpreter):
        for (key, sid), people in table.items():
            for pid, var in people.items():
                per_person.setdefault((pid, sid), []).append((key, var))
    for (pid, sid), items in sorted(per_person.items()):
        if len({key for key, _ in items}) < 2:
            continue
        intervals = [
            guard.model.new_optional_fixed_size_interval_var(
                v.start[key, sid], length[key], var, f"busy[{pid},{key},{sid}]"
            )
            for key, var in items
        ]
        guard.model.add_no_overlap(intervals)


def no_surplus(inp: MonthInput, v: Variables, guard: Guard) -> None:
    """Model restriction (not an office rule, so the checker does not require it): no
    more interpreters and direct counsellors for a language than its need, and no more
    people on lead duty than ``leads``, unless overrides ask for more."""
    model = guard.model
    for session in inp.open_sessions:
        sid = session.id
        if inp.is_kept(session):
            continue
        needs = {need.language: need.interpreters for need in inp.language_needs(sid)}
        day = session.date
        for language in open_hours_languages(inp, sid):
            forced = sum(
                1
                for entry in inp.overrides.assign
                if entry.date == day and entry.language == language
            )
            parts = [*v.interpret[sid, language].values(), *v.direct[sid, language].values()]
            cap = max(needs.get(language, 0), forced)
            if len(parts) > cap:
                guard.add(model.add(sum(parts) <= cap))
        forced_leads = sum(
            1 for entry in inp.overrides.assign if entry.date == day and entry.role == "lead"
        )
        leads = list(v.lead[sid].values())
        cap = max(inp.open_rule(sid).leads, forced_leads)
        if len(leads) > cap:
            guard.add(model.add(sum(leads) <= cap))


def override_variables(inp: MonthInput, v: Variables, index: int) -> list[Var]:
    """The variables that fulfil ``assign[index]`` (one of them must be 1)."""
    entry = inp.overrides.assign[index]
    pid, language = entry.volunteer, entry.language or ""
    found: list[Var] = []
    for session in inp.sessions_on(entry.date):
        sid = session.id
        if session.kind == "open_hours":
            if entry.role == "lead":
                table = v.lead.get(sid, {})
            elif entry.role == "counsellor":
                table = v.direct.get((sid, language), {}) if language else v.counsel.get(sid, {})
            else:
                table = v.interpret.get((sid, language), {})
            if pid in table:
                found.append(table[pid])
        elif entry.role == "counsellor" and (pid, sid) in v.appt_counsels:
            found.append(v.appt_counsels[pid, sid])
        elif entry.role == "interpreter" and (pid, sid, language) in v.appt_interprets:
            found.append(v.appt_interprets[pid, sid, language])
    return found


def overrides(inp: MonthInput, v: Variables, guard: Guard) -> dict[int, Var]:
    """The office lead's ``assign`` overrides hold (``forbid`` acts on availability).

    An override that cannot be met at all (:func:`solver.override_check.override_problem`,
    the pre-check's own test) stops the model with the rule it breaks. Returns, when
    diagnosing, one literal per override so that a clash can name it.
    """
    model = guard.model
    assigns = inp.overrides.assign
    problems = [
        assign_problem(inp, index, problem.rule, problem.detail)
        for index, entry in enumerate(assigns)
        if (problem := override_problem(inp, entry)) is not None
    ]
    if problems:
        raise forced_error(inp, problems)
    literals: dict[int, Var] = {}
    for index in range(len(assigns)):
        found = override_variables(inp, v, index)
        if not found:  # not expected once the check above passed: still a plain error
            raise RosterError(
                f"overrides/{inp.month}.yaml, assign[{index}]: no session on "
                f"{inp.overrides.assign[index].date} can take this assignment; "
                "check the date, role and language"
            )
        constraint = model.add(sum(found) >= 1)
        if guard.diagnose:
            literals[index] = model.new_bool_var(f"override[{index}]")
            constraint.only_enforce_if(literals[index])
    return literals


def kept_sessions(inp: MonthInput, v: Variables, guard: Guard) -> None:
    """On re-planning, every session before ``--today`` stays exactly as planned."""
    previous = inp.previous
    kept = {s.id for s in inp.sessions if inp.is_kept(s)}
    if previous is None or not kept:
        return
    model = guard.model
    staff = {(f.session, f.subject, f.detail) for f in previous.facts if f.kind == "staff"}
    leads = {(f.session, f.subject) for f in previous.facts if f.kind == "lead"}
    placed = {f.subject: (f.session, f.detail) for f in previous.facts if f.kind == "place"}
    roles = {
        (f.kind, f.subject, f.detail)
        for f in previous.facts
        if f.kind in ("counsellor", "second_counsellor", "interpreter")
    }

    def fix(var: Var, value: bool) -> None:
        guard.add(model.add(var == int(value)))

    for sid in sorted(kept):
        for pid, var in v.counsel.get(sid, {}).items():
            fix(var, bool(_counsellor_details(previous, sid, pid)))
        for pid, var in v.lead.get(sid, {}).items():
            fix(var, (sid, pid) in leads)
    for (sid, language), people in v.direct.items():
        if sid in kept:
            for pid, var in people.items():
                fix(var, (sid, pid, f"counsellor:{language}") in staff)
    for (sid, language), people in v.interpret.items():
        if sid in kept:
            for pid, var in people.items():
                fix(var, (sid, pid, f"interpreter:{language}") in staff)
    for (key, sid), var in v.place.items():
        if sid not in kept:
            continue
        where = placed.get(key)
        here = where is not None and where[0] == sid
        fix(var, here)
        if where is not None and here:
            session = inp.session(sid)
            hour, minute = (int(x) for x in where[1].split(":"))
            offset = hour * 60 + minute - (session.start.hour * 60 + session.start.minute)
            guard.add(model.add(v.start[key, sid] == offset))
    for kind, table in (
        ("counsellor", v.appt_counsellor),
        ("second_counsellor", v.appt_second),
        ("interpreter", v.appt_interpreter),
    ):
        for (key, sid), people in table.items():
            if sid not in kept:
                continue
            where = placed.get(key)
            for pid, var in people.items():
                fix(var, where is not None and where[0] == sid and (kind, key, pid) in roles)


def _counsellor_details(previous: Previous, sid: str, pid: str) -> list[str]:
    return [
        f.detail
        for f in previous.facts
        if f.kind == "staff"
        and f.session == sid
        and f.subject == pid
        and f.detail.startswith("counsellor")
    ]
