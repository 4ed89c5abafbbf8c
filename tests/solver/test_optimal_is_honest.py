""" "Optimal" says what was proven: the best plan of the model, whose restrictions go beyond
the office rules, is the best of every plan only when the solver facts name no
restriction (issue 13, section 1).

Tiny offices are planned, and every plan the independent checker accepts is enumerated
and scored by the checker: the reported optimum must be the best of the plans within the
restrictions the facts name, and the best of all plans when they name none.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from solver_builders import (
    MONTH,
    THU,
    WED,
    Spec,
    appointment_rule,
    check,
    interpreter,
    person,
    request,
    solve,
)

from roster.app.planning import explain_month, plan_month
from roster.checking import check_plan
from roster.checking.people import may_counsel, may_counsel_in, may_interpret, speaks_well
from roster.domain.forecast import month_needs
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.domain.team import Volunteer
from roster.folder.load import load_office
from roster.planfile.schema import Plan, PlanAppointment, PlanSession, StaffEntry
from solver import variables
from solver.appointment_bound import bound_appointments
from solver.month_input import month_input
from solver.plan_build import appointment_staff, finish
from solver.relaxation import relax_open_hours
from solver.solve import solve_month

LANGUAGES = ("ar", "ti")
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "velbert"


def an_extra_interpreter_would_be_fairer() -> Spec:
    """One Thursday needing one Arabic interpreter, and two who offered it: the model
    plans one; a plan with both (an extra interpreter) has no fairness spread."""
    spec = Spec(people=[person("c1"), interpreter("i1", "ar"), interpreter("i2", "ar")])
    assert spec.open_hours is not None
    spec.open_hours["interpreters"] = {"ar": 1}
    return spec


def test_optimal_names_the_restriction_a_better_plan_breaks(tmp_path: Path) -> None:
    spec = an_extra_interpreter_would_be_fairer()
    data = spec.data()
    plan = solve(data)
    facts = plan.solver
    assert (facts.status, facts.objective, facts.restrictions) == (
        "optimal",
        2_000,  # a spread of 100 points: i1 or i2 has no duty
        ["no_surplus"],
    )
    (session,) = plan.sessions
    idle = ({"i1", "i2"} - {e.volunteer for e in session.staff}).pop()
    extra = StaffEntry(volunteer=idle, role="interpreter", language="ar")
    fairer = refreshed(data, plan, [session.model_copy(update={"staff": [*session.staff, extra]})])
    report = check(data, fairer)
    assert report.ok, report.violations
    assert report.total == 0 < facts.objective  # allowed by the office rules, and better
    folder = spec.write(tmp_path / "office")
    said = "proven the best plan without more people than needed"
    assert f"  search:                 {said}" in plan_month(folder, MONTH, today=WED).text()
    assert f"; {said})" in explain_month(folder, MONTH).splitlines()[0]


def test_appointment_candidates_are_named_only_when_someone_was_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = load_office(EXAMPLE)
    month = Month(2026, 12)
    assert solve_month(data, month).solver.restrictions == ["no_surplus"]
    monkeypatch.setattr(variables, "APPOINTMENT_CANDIDATE_BUDGET", 1)  # 6 per appointment
    assert solve_month(data, month).solver.restrictions == [
        "no_surplus",
        "appointment_candidates",
    ]


def refreshed(
    data: OfficeData,
    plan: Plan,
    sessions: list[PlanSession],
    appointments: list[PlanAppointment] | None = None,
) -> Plan:
    """``plan`` with other staff (and appointments), its figures worked out again."""
    inp = month_input(data, MONTH, as_of=MONTH.first - timedelta(days=1))
    placed = plan.appointments if appointments is None else appointments
    staffed = [
        s
        if s.kind == "open_hours"
        else s.model_copy(update={"staff": appointment_staff(inp, placed, s.id)})
        for s in sessions
    ]
    return finish(inp, plan.model_copy(update={"sessions": staffed, "appointments": placed}))


# -- every plan the checker accepts ------------------------------------------------------


def open_hours_functions(person: Volunteer) -> list[StaffEntry | None]:
    """Everything the office rules let ``person`` do in an open-hours session."""
    spoken = [code for code in sorted(person.languages) if code != "de"]
    found: list[StaffEntry | None] = [None]
    if may_counsel(person):
        found.extend(
            StaffEntry(
                volunteer=person.id,
                role="counsellor",
                language=language,
                lead=lead,
                trainee=person.trainee,
            )
            for language in [None, *(c for c in spoken if may_counsel_in(person, c))]
            for lead in ((False, True) if "lead" in person.roles else (False,))
        )
    found.extend(
        StaffEntry(volunteer=person.id, role="interpreter", language=code)
        for code in spoken
        if may_interpret(person, code)
    )
    return found


def appointment_choices(
    people: list[Volunteer], plan: Plan, data: OfficeData
) -> list[PlanAppointment | None]:
    """The one request unscheduled, or in the one appointment session with any
    counsellor, any second counsellor or none, any interpreter or none."""
    found: list[PlanAppointment | None] = [None]
    for session in plan.sessions:
        if session.kind != "appointments":
            continue
        (item,) = data.appointments[MONTH]
        language = item.request.language
        counsellors = [p.id for p in people if may_counsel(p)]
        interpreters = [p.id for p in people if may_interpret(p, language)]
        for counsellor, second, helper in itertools.product(
            counsellors, [None, *counsellors], [None, *interpreters]
        ):
            found.append(
                PlanAppointment(
                    key=item.key,
                    case=item.case,
                    session=session.id,
                    date=session.date,
                    start=session.start,
                    end=session.start + timedelta(minutes=item.request.minutes),
                    desk=1,
                    language=language,
                    counsellor=counsellor,
                    second_counsellor=second,
                    interpreter=helper,
                )
            )
    return found


@dataclass(frozen=True)
class Candidate:
    """A plan's open-hours staff and appointment, the checker's penalty, and whether it
    keeps the model restriction ``no_surplus``."""

    total: float
    without_extra_staff: bool


def candidates(data: OfficeData, plan: Plan) -> Iterator[Candidate]:
    """Every plan the checker accepts (figures aside, as nothing is reported yet)."""
    people = data.volunteers
    open_sessions = [s for s in plan.sessions if s.kind == "open_hours"]
    per_session = [
        [list(staff) for staff in itertools.product(*(open_hours_functions(p) for p in people))]
        for _ in open_sessions
    ]
    choices = appointment_choices(people, plan, data)
    for staffs, placed in itertools.product(itertools.product(*per_session), choices):
        by_id = {
            s.id: [e for e in staff if e] for s, staff in zip(open_sessions, staffs, strict=True)
        }
        sessions = [s.model_copy(update={"staff": by_id.get(s.id, s.staff)}) for s in plan.sessions]
        appointments = [placed] if placed is not None else []
        trial = plan.model_copy(update={"sessions": sessions, "appointments": appointments})
        report = check_plan(data, trial)
        if all(v.rule == "report" for v in report.violations):  # figures are not filled in
            yield Candidate(report.total, without_extra_staff(data, trial))


def without_extra_staff(data: OfficeData, plan: Plan) -> bool:
    """Whether ``plan`` plans nobody a need does not ask for (docs/planning.md, "Model
    restrictions"): people for a language up to its need, leads up to ``leads``, a second
    counsellor only beside a trainee, an interpreter only beside a counsellor who does not
    speak the client's language well."""
    needs = month_needs(data, MONTH)
    team = {p.id: p for p in data.volunteers}
    rule = data.office.sessions[0]
    for session in plan.sessions:
        if session.kind != "open_hours":
            continue
        need = {n.language: n.interpreters for n in needs.get(session.id, [])}
        for language in LANGUAGES:
            if sum(1 for e in session.staff if e.language == language) > need.get(language, 0):
                return False
        if sum(1 for e in session.staff if e.lead) > rule.leads:  # type: ignore[union-attr]
            return False
    for item in plan.appointments:
        counsellor = team[item.counsellor]
        if item.second_counsellor and not counsellor.trainee:
            return False
        if item.interpreter and speaks_well(counsellor, item.language):
            return False
    return True


# -- tiny offices --------------------------------------------------------------------------


def volunteer(rnd: random.Random, index: int) -> dict[str, Any]:
    """A volunteer coming on Wednesdays and Thursdays, with one language besides German."""
    kind = rnd.choice(["counsellor", "counsellor", "interpreter", "interpreter", "both"])
    roles = {
        "counsellor": ["counsellor"],
        "interpreter": ["interpreter"],
        "both": ["counsellor", "interpreter"],
    }[kind]
    if kind == "counsellor" and rnd.random() < 0.4:
        roles = [*roles, "lead"]
    extra: dict[str, Any] = {
        "languages": {"de": "fluent", rnd.choice(LANGUAGES): rnd.choice(["fluent", "native"])},
        "max_per_month": rnd.randint(1, 2),
    }
    if kind == "counsellor" and "lead" not in roles and rnd.random() < 0.25:
        extra["trainee"] = True
    return person(f"p{index}", *roles, **extra)


def tiny_office(rnd: random.Random) -> Spec:
    """One Thursday with two to four people, two Thursdays with two, or a Thursday and a
    Wednesday's appointment hours (one request) with two."""
    shape = rnd.choice(["one", "one", "two", "appointment"])
    count = {"one": rnd.randint(2, 4), "two": 2, "appointment": 2}[shape]
    spec = Spec(people=[volunteer(rnd, index) for index in range(count)])
    spec.open_hours.update(  # type: ignore[union-attr]
        counsellors={"min": rnd.randint(0, 1), "max": rnd.randint(1, 2)},
        leads=rnd.randint(0, 1),
        interpreters={code: rnd.randint(0, 1) for code in LANGUAGES},
    )
    if shape == "two":
        spec.weeks = (THU, THU + timedelta(days=7))
    if shape == "appointment":
        spec.weeks = (WED, THU)
        spec.appointment_hours = appointment_rule(end="14:00", slot_minutes=60)
        spec.appointments = [request("A-1", rnd.choice(["de", *LANGUAGES]))]
    return spec


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.randoms(use_true_random=False))
def test_the_reported_optimum_is_what_the_facts_say_it_is(rnd: random.Random) -> None:
    data = tiny_office(rnd).data()
    plan = solve(data)  # asserts that the checker recomputes the objective
    facts = plan.solver
    assert facts.status == "optimal"
    assert set(facts.restrictions) <= {"no_surplus"}  # no candidate left out in a tiny office
    assert without_extra_staff(data, plan)
    found = list(candidates(data, plan))
    best = min(c.total for c in found)
    best_within = min(c.total for c in found if c.without_extra_staff)
    assert facts.objective == best_within
    assert facts.bound <= best_within
    inp = month_input(data, MONTH, as_of=MONTH.first - timedelta(days=1))
    relaxed = relax_open_hours(inp).bound + bound_appointments(inp).bound
    assert relaxed <= best  # the relaxations bound every plan the office rules allow
    if not facts.restrictions:  # proven best of every plan the office rules allow
        assert facts.objective == best
        assert facts.bound <= best
