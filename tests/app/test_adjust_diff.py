"""What changed between two plans (roster.app.plan_diff): a pure function, session by
session, on the December plan of the example office and copies of it changed by hand;
and the same in the office's words (roster.app.adjust_words)."""

from __future__ import annotations

from pathlib import Path

import pytest

from roster.app.adjust_words import Words
from roster.app.plan_diff import SessionDiff, StaffLine, plan_diff
from roster.folder.load import load_office
from roster.planfile.io import read_plan
from roster.planfile.schema import Plan, StaffEntry, Uncovered

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "tests" / "data" / "plans" / "velbert-2026-12.json"
EXAMPLE = ROOT / "examples" / "velbert"
THIRD = "2026-12-03-open-1400"


@pytest.fixture(scope="module")
def plan() -> Plan:
    """The example office's December plan."""
    return read_plan(PLAN)


def _with_staff(plan: Plan, session_id: str, staff: list[StaffEntry]) -> Plan:
    sessions = [
        s.model_copy(update={"staff": staff}) if s.id == session_id else s for s in plan.sessions
    ]
    return plan.model_copy(update={"sessions": sessions})


def _session(plan: Plan, session_id: str) -> list[StaffEntry]:
    return next(s for s in plan.sessions if s.id == session_id).staff


def test_the_same_plan_changes_nothing(plan: Plan) -> None:
    assert plan_diff(plan, plan) == []


def test_a_person_who_comes_in_and_one_who_goes_out(plan: Plan) -> None:
    staff = [e for e in _session(plan, THIRD) if e.volunteer != "v16"]
    staff.append(StaffEntry(volunteer="v17", role="interpreter", language="ru"))
    after = _with_staff(plan, THIRD, staff)
    assert plan_diff(plan, after) == [
        SessionDiff(
            session=THIRD,
            date=next(s.date for s in plan.sessions if s.id == THIRD),
            name="Offene Sprechstunde",
            came_in=(StaffLine("v17", "interpreter", "ru"),),
            went_out=(StaffLine("v16", "interpreter", "uk"),),
            gaps_before=1,
            gaps_after=1,
        )
    ]
    back = plan_diff(after, plan)
    assert back[0].came_in == (StaffLine("v16", "interpreter", "uk"),)
    assert back[0].went_out == (StaffLine("v17", "interpreter", "ru"),)


def test_a_new_function_is_out_with_the_old_and_in_with_the_new(plan: Plan) -> None:
    staff = [
        e.model_copy(update={"language": "en"}) if e.volunteer == "v09" else e
        for e in _session(plan, THIRD)
    ]
    [diff] = plan_diff(plan, _with_staff(plan, THIRD, staff))
    assert diff.came_in == (StaffLine("v09", "counsellor", "en"),)
    assert diff.went_out == (StaffLine("v09", "counsellor", None),)


def test_lead_duty_counts_as_part_of_the_function(plan: Plan) -> None:
    staff = [
        e.model_copy(update={"lead": not e.lead}) if e.volunteer in ("v03", "v09") else e
        for e in _session(plan, THIRD)
    ]
    [diff] = plan_diff(plan, _with_staff(plan, THIRD, staff))
    assert diff.came_in == (
        StaffLine("v03", "counsellor", "fr", lead=False),
        StaffLine("v09", "counsellor", None, lead=True),
    )
    assert diff.went_out == (
        StaffLine("v03", "counsellor", "fr", lead=True),
        StaffLine("v09", "counsellor", None, lead=False),
    )


def test_gaps_alone_are_a_change(plan: Plan) -> None:
    sessions = [
        s.model_copy(update={"uncovered": []}) if s.id == THIRD else s for s in plan.sessions
    ]
    [diff] = plan_diff(plan, plan.model_copy(update={"sessions": sessions}))
    assert (diff.session, diff.came_in, diff.went_out) == (THIRD, (), ())
    assert (diff.gaps_before, diff.gaps_after) == (1, 0)
    assert diff.changed


def test_sessions_come_in_date_order_and_a_missing_plan_is_nobody(plan: Plan) -> None:
    diffs = plan_diff(None, plan)
    assert [d.session for d in diffs] == [s.id for s in sorted(plan.sessions, key=lambda s: s.date)]
    assert all(not d.went_out and d.gaps_before == 0 for d in diffs)
    first = diffs[0]
    assert len(first.came_in) == len(plan.sessions[0].staff)
    assert [d.session for d in plan_diff(plan, None)] == [d.session for d in diffs]


def test_the_same_person_twice_counts_twice(plan: Plan) -> None:
    staff = [*_session(plan, THIRD), StaffEntry(volunteer="v09", role="counsellor")]
    [diff] = plan_diff(plan, _with_staff(plan, THIRD, staff))
    assert diff.came_in == (StaffLine("v09", "counsellor"),)
    gap = Uncovered(need="lead", missing=1, reason="x")
    sessions = [
        s.model_copy(update={"uncovered": [gap, gap]}) if s.id == THIRD else s
        for s in plan.sessions
    ]
    [diff] = plan_diff(plan, plan.model_copy(update={"sessions": sessions}))
    assert diff.gaps_after == 2


def test_in_words_a_new_function_is_one_line(plan: Plan) -> None:
    """The page names people, and someone who stays with another function once."""
    words = Words(load_office(EXAMPLE))
    staff = [
        e.model_copy(update={"lead": not e.lead}) if e.volunteer in ("v03", "v09") else e
        for e in _session(plan, THIRD)
        if e.volunteer != "v16"
    ]
    [diff] = plan_diff(plan, _with_staff(plan, THIRD, staff))
    said = words.session_change(diff)
    assert said.day == "Do., 3. Dez."
    assert said.came_in == []
    assert [(p.name, p.duty) for p in said.went_out] == [
        ("Olena Kovalenko", "Dolmetschen (Ukrainisch)")
    ]
    assert [(p.name, p.duty, p.before) for p in said.changed] == [
        ("Heike Brandt", "Beratung auf Französisch", "Leitungsdienst, Beratung auf Französisch"),
        ("Michael Schulte", "Leitungsdienst", "Beratung"),
    ]
    assert said.gaps_text is None
