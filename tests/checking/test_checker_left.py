"""A person who left the office (``left``: their last day) is not available on any later
day: the checker refuses a plan that has them after it, and keeps one that has them on
the last day itself (issue 14, the team page's "a person who leaves")."""

from __future__ import annotations

from datetime import timedelta

from checking_builders import THU, WEEK, TinyOffice, counsellor, person, plan_of

from roster.checking import check_plan

TWO_THURSDAYS = (THU, THU + WEEK)


def test_a_person_is_available_up_to_and_on_their_last_day() -> None:
    office = TinyOffice([person("c1", left=THU.isoformat()), person("c2")], weeks=TWO_THURSDAYS)
    data = office.data()
    report = check_plan(data, plan_of(data, {THU: [counsellor("c1")]}))
    assert report.violations == []


def test_a_plan_with_a_person_after_their_last_day_is_refused() -> None:
    office = TinyOffice(
        [person("c1", left=(THU - timedelta(days=1)).isoformat()), person("c2")],
        weeks=TWO_THURSDAYS,
    )
    data = office.data()
    report = check_plan(data, plan_of(data, {THU: [counsellor("c1")]}))
    assert [violation.rule for violation in report.violations] == ["availability"]
    assert (
        "Person c1 (c1) is planned for counselling but has left the office; their last day "
        "was Wed 3 Feb"
    ) in str(report.violations[0])
    later = check_plan(data, plan_of(data, {THU + WEEK: [counsellor("c1")]}))
    assert [violation.rule for violation in later.violations] == ["availability"]
    assert "has left the office; their last day was Wed 3 Feb" in str(later.violations[0])


def test_a_later_last_day_does_not_refuse_the_plan_and_a_poll_answer_does_not_override_it() -> None:
    later = TinyOffice([person("c1", left=(THU + WEEK).isoformat())], weeks=TWO_THURSDAYS)
    data = later.data()
    assert check_plan(data, plan_of(data, {THU + WEEK: [counsellor("c1")]})).violations == []
    gone = TinyOffice(
        [person("c1", left=THU.isoformat())],
        weeks=TWO_THURSDAYS,
        answers={("c1", THU + WEEK): "yes"},
    )
    data = gone.data()
    report = check_plan(data, plan_of(data, {THU + WEEK: [counsellor("c1")]}))
    assert [violation.rule for violation in report.violations] == ["availability"]
