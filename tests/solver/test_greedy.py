"""The greedy baseline (solver.baseline, filling solver.paper_rota): the month filled
first come, first served, as a person fills a paper rota, keeping every hard rule.
``greedy_plan`` gathers the month and plans it; ``solver.guided_start.greedy_of`` plans a
gathered month (with a guide, the solver's starting point; without one, the baseline).
Its runs on the synthetic benchmark offices are in tests/benchmarks."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
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
    staff_of,
)

from roster.checking import check_plan
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.folder.load import load_office
from solver.baseline import greedy_plan
from solver.guided_start import greedy_of
from solver.month_input import month_input

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "velbert"
NEXT_THU = THU + timedelta(days=7)


def open_hours_office(*people: dict[str, object], **overrides: object) -> Spec:
    """Two Thursdays of open hours: a lead, two counsellors and one Arabic interpreter."""
    spec = Spec(people=list(people), weeks=(THU, NEXT_THU), overrides=overrides or None)
    spec.open_hours.update(  # type: ignore[union-attr]
        counsellors={"min": 2, "max": 3}, leads=1, interpreters={"ar": 1}
    )
    return spec


TEAM = (
    person("c2"),
    person("c1", max_per_month=1),
    person("l1", "counsellor", "lead"),
    interpreter("i2", "ar"),
    interpreter("i1", "ar"),
)


def test_the_first_qualified_person_by_id_takes_each_need_within_their_limits() -> None:
    spec = open_hours_office(*TEAM)
    data = spec.data()
    plan = greedy_plan(data, MONTH)
    assert staff_of(plan, THU) == {
        "l1": "counsellor lead",
        "c1": "counsellor",
        "i1": "interpreter:ar",
    }
    # c1 may come once a month, so the next on the list counsels on the second Thursday
    assert staff_of(plan, NEXT_THU) == {
        "l1": "counsellor lead",
        "c2": "counsellor",
        "i1": "interpreter:ar",
    }
    assert check(data, plan).violations == []
    assert plan.solver.status == "greedy"


def test_a_counsellor_on_duty_who_speaks_the_language_counsels_in_it() -> None:
    speaker = person("c0", languages={"de": "native", "ar": "native"})
    data = open_hours_office(speaker, *TEAM).data()
    plan = greedy_plan(data, MONTH)
    assert staff_of(plan, THU) == {"l1": "counsellor lead", "c0": "counsellor:ar"}
    assert check(data, plan).violations == []


def test_forced_people_go_first() -> None:
    forced = {"volunteer": "c2", "date": THU.isoformat(), "role": "counsellor"}
    data = open_hours_office(*TEAM, assign=[forced]).data()
    plan = greedy_plan(data, MONTH)
    assert staff_of(plan, THU) == {
        "c2": "counsellor",
        "l1": "counsellor lead",
        "i1": "interpreter:ar",
    }
    assert check(data, plan).violations == []


def test_an_override_it_cannot_place_is_a_plain_error() -> None:
    forced = {"volunteer": "c2", "date": THU.isoformat(), "role": "lead"}
    data = open_hours_office(*TEAM, assign=[forced]).data()
    with pytest.raises(RosterError) as error:
        greedy_plan(data, MONTH)
    assert str(error.value) == (
        "overrides/2027-02.yaml, assign[0]: the greedy baseline could not place c2 as lead "
        "on 2027-02-04 without breaking a hard rule"
    )


def test_appointments_in_file_order_at_the_first_free_slot() -> None:
    spec = Spec(
        people=[
            person("c1"),
            person("c2"),
            person("c3", languages={"de": "native", "ar": "fluent"}),
            interpreter("i1", "ar"),
        ],
        open_hours=None,
        appointment_hours=appointment_rule(),
        appointments=[
            request("A-1", "ar", counsellor="c2"),
            request("A-2", "ar"),
            request("A-3", "de"),
        ],
        weeks=(WED, WED),
    )
    data = spec.data()
    plan = greedy_plan(data, MONTH)
    placed = [
        (a.case, f"{a.start:%H:%M}", a.desk, a.counsellor, a.interpreter) for a in plan.appointments
    ]
    assert placed == [
        ("A-1", "13:00", 1, "c2", "i1"),  # the named counsellor, with an interpreter
        ("A-2", "14:00", 1, "c3", None),  # a counsellor who speaks Arabic needs none
    ]
    assert [item.case for item in plan.unscheduled] == ["A-3"]  # one desk, two hours
    assert check(data, plan).violations == []


def test_greedy_of_a_gathered_month_is_the_greedy_plan() -> None:
    data = load_office(EXAMPLE)
    month, as_of = Month(2026, 12), date(2026, 11, 20)
    gathered = greedy_of(month_input(data, month, as_of=as_of))
    planned = greedy_plan(data, month, today=as_of)

    def without_seconds(plan_json: str) -> str:
        return "\n".join(line for line in plan_json.splitlines() if '"seconds"' not in line)

    assert without_seconds(gathered.to_json()) == without_seconds(planned.to_json())
    report = check_plan(data, gathered)
    assert report.violations == []
    assert gathered.score.total == report.total
    assert gathered.as_of == as_of
    assert gathered.appointments and gathered.unscheduled  # the example month is tight


@pytest.mark.parametrize("module", ["solver.baseline", "solver.guided_start"])
def test_importing_the_greedy_leaves_the_cp_sat_model_unloaded(module: str) -> None:
    """solver.solve imports the guided start for its starting hint, never the other way;
    the baseline and the guided start load neither the model nor CP-SAT."""
    code = (
        f"import sys, {module}\n"
        "print(sorted(m for m in sys.modules if m in {'solver.solve', 'solver.model',"
        " 'solver.variables', 'solver.forced', 'ortools.sat.python.cp_model'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
