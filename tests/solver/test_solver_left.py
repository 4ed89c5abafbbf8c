"""The solver never plans a person after their last day with the office (``left``), even
when they would otherwise be needed, and plans them up to and on that day."""

from __future__ import annotations

from datetime import date, timedelta

from solver_builders import THU, Spec, person, solve, staff_of

NEXT_THU = THU + timedelta(days=7)


def test_a_person_who_left_is_never_planned_after_their_last_day() -> None:
    spec = Spec(
        people=[person("c1", left=THU.isoformat()), person("c2")],
        weeks=(THU, NEXT_THU),
    )
    spec.open_hours["counsellors"] = {"min": 2, "max": 2}  # type: ignore[index]
    plan = solve(spec.data(), time_limit=2.0)
    assert set(staff_of(plan, THU)) == {"c1", "c2"}
    assert set(staff_of(plan, NEXT_THU)) == {"c2"}
    (after,) = [s for s in plan.sessions if s.date == NEXT_THU]
    assert sum(gap.missing for gap in after.uncovered) == 1


def test_a_person_who_left_before_the_month_is_planned_on_no_day() -> None:
    spec = Spec(
        people=[person("c1", left="2027-01-31"), person("c2")],
        weeks=(THU, NEXT_THU),
    )
    plan = solve(spec.data(), time_limit=2.0)
    planned = {pid for day in (THU, NEXT_THU) for pid in staff_of(plan, day)}
    assert planned == {"c2"}
    assert date(2027, 1, 31) < THU
