"""The gaps of the coming days in the current plans, and who could step into each: the
same test as the volunteer's "I can step in" (:mod:`roster.app.volunteer_duties`), the
candidates machinery of :mod:`roster.app.candidates` (the independent checker's hard
rules, an offer in open hours confirmed by the whole checker).

Used by the gap alerts (who is asked) and the leads' digest (which gaps there are).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from roster.app.candidates import verdict
from roster.app.places import Place, SessionContext
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.domain.team import Volunteer
from roster.planfile.history import load_history
from roster.planfile.index import PlanIndex
from roster.planfile.io import plan_path, read_plan
from roster.planfile.schema import Plan, PlanSession, Uncovered


@dataclass(frozen=True)
class Gap:
    """One uncovered need of a session in the current plan."""

    plan: Plan
    session: PlanSession
    need: Uncovered

    @property
    def need_id(self) -> str:
        """The need in a key: its language code, ``counsellors`` or ``lead``."""
        return (
            self.need.language
            if self.need.need == "language" and self.need.language
            else self.need.need
        )


@dataclass(frozen=True)
class Helper:
    """A volunteer who could step into a gap, and the place they would take."""

    person: Volunteer
    place: Place


def gap_places(need: Uncovered) -> list[Place]:
    """The places that fill a need, in the order they are offered (as the step-in page
    offers them: an interpreter first, else a counsellor who speaks the language)."""
    if need.need == "language" and need.language:
        return [Place("interpreter", need.language), Place("counsellor", need.language)]
    if need.need == "counsellors":
        return [Place("counsellor")]
    return [Place("lead")]


def _plan(folder: Path, month: Month) -> Plan | None:
    path = plan_path(folder, month)
    return read_plan(path) if path.is_file() else None


def gaps_between(folder: Path, now: datetime, first: date, last: date) -> list[Gap]:
    """The gaps of sessions on days ``first`` to ``last`` (both included) that have not
    started by ``now``, in time order."""
    found: list[Gap] = []
    month = Month.of(first)
    while month.first <= last:
        plan = _plan(folder, month)
        for session in sorted(plan.sessions if plan else [], key=lambda s: (s.start, s.id)):
            if plan is None or not first <= session.date <= last or session.start <= now:
                continue
            found.extend(Gap(plan, session, need) for need in session.uncovered)
        month = month.next()
    return found


def helpers(
    folder: Path,
    data: OfficeData,
    gap: Gap,
    today: date,
    *,
    cap: int,
    asked: Callable[[Volunteer], bool],
) -> list[Helper]:
    """At most ``cap`` volunteers who could step into ``gap``, in a fair, stable order:
    fewest duties in the gap's month first, then by id. ``asked`` says who may be asked
    at all (with the office, takes this kind of message). The cheap rules go first; the
    whole checker confirms only those in line."""
    month = Month.parse(gap.plan.month)
    ctx = SessionContext(data, gap.plan, month, gap.session, today, load_history(folder, month))
    index = PlanIndex(gap.plan)
    places = gap_places(gap.need)
    line = sorted(
        (person for person in data.volunteers if asked(person)),
        key=lambda person: (index.duties(person.id), person.id),
    )
    chosen: list[Helper] = []
    for person in line:
        if len(chosen) >= cap:
            break
        if verdict(ctx, person, places, confirm=False).place is None:
            continue
        offered = verdict(ctx, person, places).place
        if offered is not None:
            chosen.append(Helper(person, offered))
    return chosen


def horizon(today: date, days: int) -> date:
    """The last day ``days`` days ahead counts (a gap less than ``days`` ahead)."""
    return today + timedelta(days=max(days - 1, 0))
