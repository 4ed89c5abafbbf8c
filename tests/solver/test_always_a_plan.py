"""Always a plan, in the time given: when the search finds nothing in the time left, the
starting plan is the result, checked like any plan, with its honest bound and gap; the
time the starting plan and the model take counts against ``--time-limit`` (issue 13,
section 1)."""

from __future__ import annotations

import dataclasses
import shutil
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from ortools.sat.python import cp_model

from roster.app.planning import plan_month, verify_month
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.facts import plan_facts, split
from solver import solve as solving
from solver.appointment_bound import bound_appointments
from solver.guided_start import greedy_of
from solver.model import Built, build_model
from solver.month_input import month_input
from solver.plan_build import SEED
from solver.relaxation import relax_open_hours
from solver.search import Search
from solver.search import configure as real_configure

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "velbert"
DECEMBER = Month(2026, 12)
TODAY = date(2026, 11, 25)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    folder = tmp_path / "office"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("rotas"))
    return folder


def starting_plan_and_bound() -> tuple[float, int]:
    """The example's starting plan's penalty and the bound of both relaxations (open
    hours and appointments)."""
    inp = month_input(load_office(EXAMPLE), DECEMBER, as_of=TODAY)
    relaxation, appointments = relax_open_hours(inp), bound_appointments(inp)
    start = greedy_of(inp, relaxation.guide, appointments.guide)
    return start.score.total, relaxation.bound + appointments.bound


def first_plan() -> float:
    """The penalty of the first plan ``solve_month`` reports: the greedy's, unguided."""
    return greedy_of(month_input(load_office(EXAMPLE), DECEMBER, as_of=TODAY)).score.total


def search_finding_nothing(monkeypatch: pytest.MonkeyPatch, *, clock: bool) -> None:
    """Make the search stop before it reports a plan: by the wall clock (``clock``), or
    by its deterministic work limit."""

    def configure(solver: cp_model.CpSolver, *args: object, **kwargs: object) -> Search:
        search = real_configure(solver, *args, **kwargs)  # type: ignore[arg-type]
        if clock:
            solver.parameters.max_time_in_seconds = 0.0
            return dataclasses.replace(search, wall_seconds=0.0)
        solver.parameters.max_deterministic_time = 0.0
        return dataclasses.replace(search, work_limit=0.0)

    monkeypatch.setattr(solving, "configure", configure)


def test_a_search_that_finds_nothing_in_time_gives_the_starting_plan(
    office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    search_finding_nothing(monkeypatch, clock=True)
    seen: list[tuple[float, float]] = []
    planned = plan_month(
        office,
        DECEMBER,
        today=TODAY,
        progress=lambda _, objective, bound: seen.append((objective, bound)),
    )
    facts, penalty = planned.plan.solver, planned.plan.score.total
    start, bound = starting_plan_and_bound()
    assert penalty == start == facts.objective > bound == facts.bound > 0
    assert facts.status == "feasible"
    assert facts.starting_plan
    assert facts.restrictions == []  # the open hours' bound holds for every plan
    assert facts.gap == round((penalty - bound) / penalty, 6)
    assert not facts.deterministic  # the clock stopped the search
    assert (facts.workers, facts.seed, facts.time_limit) == (1, SEED, 10.0)
    # first the plan of the greedy without the relaxations' guide, at once, with nothing
    # proven yet; then the (guided) starting plan that became the plan, with the bound
    assert seen == [(first_plan(), 0.0), (penalty, bound)]
    said = "(der Ausgangsplan: die Suche fand in der gegebenen Zeit keinen besseren)"
    assert any(line.endswith(said) for line in planned.text().splitlines())
    verified = verify_month(office, DECEMBER)  # written, and the checker agrees
    assert verified.report.ok
    assert verified.report.total == penalty


def test_a_work_limit_that_ends_the_search_early_keeps_the_plan_reproducible(
    office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    search_finding_nothing(monkeypatch, clock=False)
    first = plan_month(office, DECEMBER, today=TODAY)
    assert first.plan.solver.starting_plan
    assert first.plan.solver.deterministic
    second = plan_month(office, DECEMBER, today=TODAY, fresh=True)
    assert second.path.read_bytes() == first.path.read_bytes()


def test_no_time_left_after_the_starting_plan_gives_the_starting_plan(office: Path) -> None:
    planned = plan_month(office, DECEMBER, today=TODAY, time_limit=1e-6)
    facts = planned.plan.solver
    assert facts.starting_plan
    assert (facts.status, facts.workers, facts.seconds) == ("feasible", 0, 0.0)
    assert not facts.deterministic
    # no time for the relaxations either: the first (unguided) plan, nothing proven
    assert (facts.objective, facts.bound) == (first_plan(), 0.0)
    assert verify_month(office, DECEMBER).report.ok


def test_building_the_model_counts_against_the_time_limit(
    office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The limit is what the office lead waits: a model that took longer to build than
    the limit leaves no time to search, and the starting plan is the result."""

    def slow_build(*args: object, **kwargs: object) -> Built:
        built = build_model(*args, **kwargs)  # type: ignore[arg-type]
        time.sleep(0.6)
        return built

    monkeypatch.setattr(solving, "build_model", slow_build)
    facts = plan_month(office, DECEMBER, today=TODAY, time_limit=0.5).plan.solver
    assert facts.starting_plan
    assert not facts.deterministic
    assert facts.workers == 0  # no search ran


def test_a_replan_whose_starting_plan_changes_kept_sessions_still_searches(
    office: Path,
) -> None:
    """The starting plan does not keep the sessions before --today; it is no plan of its
    own then, and the search gets at least a second to find one."""
    first = plan_month(office, DECEMBER, today=TODAY)
    replanned = plan_month(
        office, DECEMBER, today=DECEMBER.first + timedelta(days=10), time_limit=1e-6
    )
    assert not replanned.plan.solver.starting_plan
    assert replanned.plan.solver.workers == 1
    kept, _ = split(plan_facts(first.plan), DECEMBER.first + timedelta(days=10))
    assert kept
    assert split(plan_facts(replanned.plan), DECEMBER.first + timedelta(days=10))[0] == kept
    assert verify_month(office, DECEMBER).report.ok
