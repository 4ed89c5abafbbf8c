"""The candidates of the adjust page are exactly those the independent checker accepts.

For every open-hours session of the example office's December plan, every function a
person can be put in for (counselling, lead duty, interpreting or counselling in each
language of the forecast), every swap of a person of the session, and every person of
the team: the quick rules of roster.app.candidates offer the person exactly when the
checker's hard rules find nothing wrong with the plan *with* that change (built here, on
its own, with the month's overrides as the change would leave them). Also with
overrides in the folder, one of which the change lifts."""

from __future__ import annotations

import copy
import shutil
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from roster.app.adjust_view import session_view
from roster.app.candidates import checker_refusal, refusal, verdict
from roster.app.places import Place, SessionContext
from roster.checking import HARD_RULES, check_plan
from roster.checking.checked_month import CheckedMonth
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.domain.requests import Assign, Forbid, Overrides
from roster.folder.load import load_office
from roster.planfile.facts import plan_facts
from roster.planfile.history import History, load_history
from roster.planfile.index import PlanIndex
from roster.planfile.io import read_plan
from roster.planfile.schema import Plan, PlanSession, Previous, StaffEntry

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "velbert"
PLAN = ROOT / "tests" / "data" / "plans" / "velbert-2026-12.json"
DECEMBER = Month(2026, 12)
TODAY = date(2026, 11, 20)
OPEN = ("2026-12-03-open-1400", "2026-12-10-open-1400", "2026-12-17-open-1400")
OVERRIDES = Overrides(
    assign=[Assign(volunteer="v02", date=date(2026, 12, 10), role="lead")],
    forbid=[Forbid(volunteer="v27", date=date(2026, 12, 10))],
)
"""Overrides the December plan keeps (v02 leads on the 10th, v27 is not planned then)."""


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> tuple[OfficeData, Plan, History]:
    """The example office, its December plan and the history of earlier plans."""
    folder = Path(shutil.copytree(EXAMPLE, tmp_path_factory.mktemp("adjust") / "office"))
    (folder / "rotas").mkdir()
    shutil.copyfile(PLAN, folder / "rotas" / "2026-12.json")
    return load_office(folder), read_plan(PLAN), load_history(folder, DECEMBER)


def _entry(data: OfficeData, volunteer: str, place: Place) -> StaffEntry:
    trainee = data.volunteer(volunteer).trainee
    if place.role == "lead":
        return StaffEntry(volunteer=volunteer, role="counsellor", lead=True, trainee=trainee)
    return StaffEntry(
        volunteer=volunteer, role=place.role, language=place.language, trainee=trainee
    )


class Checker:
    """The checker's hard rules on changed plans of one office: the month's parts that do
    not depend on the plan (calendar, forecast, each person's day) are made once per set
    of ``forbid`` overrides, as :class:`CheckedMonth` makes them, and the changed plan
    and overrides are put in; :meth:`accepts` is the checker's verdict."""

    def __init__(self, data: OfficeData, plan: Plan, history: History) -> None:
        self.data = data
        self.plan = plan
        self.history = history
        self.previous = Previous(
            as_of=plan.as_of, input_digest=plan.input_digest, facts=plan_facts(plan)
        )
        self._months: dict[tuple[Forbid, ...], CheckedMonth] = {}

    def _month(self, overrides: Overrides) -> CheckedMonth:
        key = tuple(sorted(overrides.forbid, key=repr))
        if key not in self._months:
            data = replace(self.data, overrides={DECEMBER: Overrides(forbid=list(key))})
            self._months[key] = CheckedMonth(data, self.plan, self.history)
        return copy.copy(self._months[key])

    def _change(
        self, session: PlanSession, volunteer: str, place: Place, out: str | None
    ) -> tuple[Plan, Overrides]:
        """The plan with the change, built here, and the overrides as it leaves them."""
        plan, day = self.plan, session.date
        sessions = []
        for each in plan.sessions:
            staff = [e for e in each.staff if not (out and each.date == day and e.volunteer == out)]
            if each.id == session.id:
                staff.append(_entry(self.data, volunteer, place))
            sessions.append(each.model_copy(update={"staff": staff}))
        changed = plan.model_copy(
            update={"sessions": sessions, "as_of": TODAY, "previous": self.previous}
        )
        current = self.data.overrides_of(DECEMBER)
        gone = {(volunteer, day), (out, day)}
        language = None if place.role == "lead" else place.language
        overrides = Overrides(
            assign=[a for a in current.assign if (a.volunteer, a.date) not in gone]
            + [Assign(volunteer=volunteer, date=day, role=place.role, language=language)],
            forbid=[f for f in current.forbid if (f.volunteer, f.date) != (volunteer, day)]
            + ([Forbid(volunteer=out, date=day)] if out else []),
        )
        return changed, overrides

    def accepts(self, session: PlanSession, volunteer: str, place: Place, out: str | None) -> bool:
        """Whether the hard rules accept the plan with the change."""
        changed, overrides = self._change(session, volunteer, place, out)
        month = self._month(overrides)
        month.plan, month.index, month.overrides = changed, PlanIndex(changed), overrides
        return _keeps_hard_rules(month)

    def fresh(self, session: PlanSession, volunteer: str, place: Place, out: str | None) -> bool:
        """:meth:`accepts` with the month made from scratch, as the checker makes it."""
        changed, overrides = self._change(session, volunteer, place, out)
        data = replace(self.data, overrides={DECEMBER: overrides})
        return _keeps_hard_rules(CheckedMonth(data, changed, self.history))


def _keeps_hard_rules(month: CheckedMonth) -> bool:
    return not any(any(True for _ in check(month)) for check in HARD_RULES.values())


def _places(ctx: SessionContext) -> list[Place]:
    places = [Place("counsellor"), Place("lead")]
    for language in ctx.forecast_languages():
        places += [Place("interpreter", language), Place("counsellor", language)]
    return places


@pytest.mark.parametrize(
    ("session_id", "with_overrides"),
    [(OPEN[0], False), (OPEN[1], False), (OPEN[1], True), (OPEN[2], False)],
    ids=["3-dec", "10-dec", "10-dec-with-overrides", "17-dec"],
)
def test_the_quick_rules_give_the_checkers_verdict(
    office: tuple[OfficeData, Plan, History], session_id: str, with_overrides: bool
) -> None:
    data, plan, history = office
    if with_overrides:
        data = replace(data, overrides={DECEMBER: OVERRIDES})
    checker = Checker(data, plan, history)
    session = next(s for s in plan.sessions if s.id == session_id)
    ctx = SessionContext(data, plan, DECEMBER, session, TODAY, history)
    asked: list[tuple[Place, str | None]] = [(place, None) for place in _places(ctx)]
    asked += [(Place.of(entry), entry.volunteer) for entry in session.staff]
    verdicts: dict[bool, int] = {True: 0, False: 0}
    for place, out in asked:
        for person in data.volunteers:
            if person.id == out:
                continue
            quick = refusal(ctx, person, place, out) is None
            assert quick == checker.accepts(session, person.id, place, out), (
                session_id,
                place,
                out,
                person.id,
            )
            verdicts[quick] += 1
    # The comparison means something: both verdicts occur, and every kind of change.
    assert verdicts[True] > 0
    assert verdicts[False] > 100
    assert {place.role for place, _ in asked} == {"counsellor", "interpreter", "lead"}


def test_the_checker_used_here_is_the_checker(office: tuple[OfficeData, Plan, History]) -> None:
    """The quick month of :class:`Checker` gives what a month made from scratch gives,
    and check_plan itself (not only its hard rules) agrees, on changes either way."""
    data, plan, history = office
    data = replace(data, overrides={DECEMBER: OVERRIDES})
    checker = Checker(data, plan, history)
    session = next(s for s in plan.sessions if s.id == OPEN[1])
    ctx = SessionContext(data, plan, DECEMBER, session, TODAY, history)
    cases = [
        ("v27", Place("counsellor"), "v05", True),  # Andreas for Thomas (his forbid lifted)
        ("v06", Place("counsellor"), "v05", False),  # Ursula does not come on Thursdays
        ("v09", Place("counsellor"), "v10", True),  # Michael for Gabriele
        ("v16", Place("interpreter", "ru"), None, False),  # Olena answered no
        ("v03", Place("lead"), "v02", True),  # Heike takes lead duty (she answered maybe)
        ("v09", Place("counsellor"), None, False),  # the session has 4 counsellors
        ("v13", Place("interpreter", "ti"), None, False),  # Yonas is away
        ("v10", Place("interpreter", "fr"), "v24", False),  # Gabriele is no interpreter
    ]
    for volunteer, place, out, expected in cases:
        person = data.volunteer(volunteer)
        assert (refusal(ctx, person, place, out) is None) == expected, volunteer
        assert checker.accepts(session, volunteer, place, out) == expected, volunteer
        assert checker.fresh(session, volunteer, place, out) == expected, volunteer
        assert (not checker_refusal(ctx, person, place, out)) == expected, volunteer
    assert check_plan(replace(data, overrides={}), plan, history).ok


def test_the_page_offers_for_each_gap_exactly_who_the_checker_accepts(
    office: tuple[OfficeData, Plan, History],
) -> None:
    data, plan, history = office
    checker = Checker(data, plan, history)
    now = datetime(2026, 11, 20, 9, tzinfo=UTC)
    for session_id in OPEN:
        session = next(s for s in plan.sessions if s.id == session_id)
        view = session_view(data.folder, DECEMBER, session.date, now=now)
        assert len(view.needs) == len(session.uncovered) > 0
        for need, gap in zip(view.needs, session.uncovered, strict=True):
            places = (
                [Place("interpreter", gap.language), Place("counsellor", gap.language)]
                if gap.language
                else [Place("counsellor")]
            )
            expected = sorted(
                person.id
                for person in data.volunteers
                if any(checker.accepts(session, person.id, place, None) for place in places)
            )
            assert sorted(c.volunteer for c in need.choice.candidates) == expected
            shown = {c.volunteer for c in need.choice.candidates} | {
                r.volunteer for r in need.choice.refused
            }
            assert shown == {person.id for person in data.volunteers}
            assert all(r.reason for r in need.choice.refused)


def test_a_taken_out_person_is_offered_again_and_the_verdict_says_which_function(
    office: tuple[OfficeData, Plan, History],
) -> None:
    data, plan, history = office
    session = next(s for s in plan.sessions if s.id == OPEN[1])
    data = replace(data, overrides={DECEMBER: OVERRIDES})
    ctx = SessionContext(data, plan, DECEMBER, session, TODAY, history)
    found = verdict(ctx, data.volunteer("v27"), [Place("counsellor")], "v05")
    assert found.offered
    assert found.place == Place("counsellor")
    assert ctx.forbidden("v27")
    nobody = verdict(ctx, data.volunteer("v13"), [Place("interpreter", "ti")])
    assert not nobody.offered
    assert nobody.why is not None
    assert nobody.why.code == "absent"
