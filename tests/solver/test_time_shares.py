"""The relaxations take a share of the time limit, and a plan comes first (issue 13)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import solver.solve as solving
from roster.domain.month import Month
from roster.folder.load import load_office
from solver.appointment_bound import AppointmentBound, bound_appointments
from solver.month_input import MonthInput, month_input
from solver.relaxation import Relaxation, relax_open_hours

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "velbert"
DECEMBER = Month(2026, 12)
TODAY = date(2026, 11, 25)


def example_input() -> MonthInput:
    return month_input(load_office(EXAMPLE), DECEMBER, as_of=TODAY)


def test_relaxations_without_time_prove_and_guide_nothing() -> None:
    inp = example_input()
    assert relax_open_hours(inp, 0.0) == Relaxation()
    assert bound_appointments(inp, 0.0) == AppointmentBound()


def test_relaxations_whose_time_ends_while_building_prove_and_guide_nothing() -> None:
    """A share too short to build the linear program (a city's) ends it early."""
    inp = example_input()
    assert relax_open_hours(inp, 1e-9) == Relaxation()
    assert bound_appointments(inp, 1e-9) == AppointmentBound()


def test_relaxations_with_time_are_the_unlimited_ones() -> None:
    inp = example_input()
    assert relax_open_hours(inp, 60.0) == relax_open_hours(inp)
    assert relax_open_hours(inp).bound > 0
    assert bound_appointments(inp, 60.0) == bound_appointments(inp)


def test_each_relaxation_gets_its_share_of_the_time_left(monkeypatch: pytest.MonkeyPatch) -> None:
    given: dict[str, float] = {}
    real_relax, real_bound = relax_open_hours, bound_appointments

    def relax(inp: MonthInput, seconds: float | None = None) -> Relaxation:
        assert seconds is not None
        given["relax"] = seconds
        return real_relax(inp, seconds)

    def bound(inp: MonthInput, seconds: float | None = None) -> AppointmentBound:
        assert seconds is not None
        given["bound"] = seconds
        return real_bound(inp, seconds)

    monkeypatch.setattr(solving, "relax_open_hours", relax)
    monkeypatch.setattr(solving, "bound_appointments", bound)
    solving.solve_month(load_office(EXAMPLE), DECEMBER, today=TODAY, time_limit=5.0)
    assert 0 < given["relax"] <= 5.0 * solving.RELAXATION_SHARE
    assert 0 < given["bound"] <= 5.0 * solving.APPOINTMENT_BOUND_SHARE


def test_unfinished_relaxations_still_give_a_checked_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    """GLOP out of time (a city's relaxation): the plan starts without a guide."""

    def relax(inp: MonthInput, seconds: float | None = None) -> Relaxation:
        del inp, seconds
        return Relaxation()

    def bound(inp: MonthInput, seconds: float | None = None) -> AppointmentBound:
        del inp, seconds
        return AppointmentBound()

    monkeypatch.setattr(solving, "relax_open_hours", relax)
    monkeypatch.setattr(solving, "bound_appointments", bound)
    seen: list[float] = []
    plan = solving.solve_month(
        load_office(EXAMPLE),
        DECEMBER,
        today=TODAY,
        time_limit=5.0,
        progress=lambda _seconds, objective, _bound: seen.append(objective),
    )
    assert plan.solver is not None
    assert plan.solver.objective == plan.score.total <= seen[0]
    assert plan.solver.bound <= plan.solver.objective
