"""Each volunteer's share of the work, and the fairness spread (docs/planning.md).

A duty rate is duties / dates offered over the fairness window (this month and the
earlier months' plans). The spread compares the volunteers who offered a date over the
window and could take some function this month; the penalty counts it in percentage
points: the highest rate rounded up minus the lowest rounded down.
"""

from __future__ import annotations

from dataclasses import dataclass

from roster.checking.checked_month import CheckedMonth
from roster.checking.people import may_counsel, may_interpret
from roster.domain.team import Volunteer
from roster.planfile.schema import Fairness, Load

PERCENT = 100


@dataclass(frozen=True)
class FairnessFigures:
    """The plan's fairness: as the plan file reports it, and in penalised points."""

    fairness: Fairness
    points: int


def window_offered(month: CheckedMonth, volunteer_id: str) -> int:
    """Dates offered over the window: the earlier plans' and this month's."""
    return month.history.offered.get(volunteer_id, 0) + month.team.offered(volunteer_id)


def loads(month: CheckedMonth) -> list[Load]:
    """Each volunteer's load, as the plan file's ``load`` lists it."""
    rows = []
    for person in month.team.people:
        days = month.index.duty_dates.get(person.id, set())
        rows.append(
            Load(
                volunteer=person.id,
                duties=len(days),
                hours=round(month.index.minutes.get(person.id, 0) / 60, 2),
                maybe_days=sum(1 for day in days if month.team.maybe(person.id, day)),
                offered=month.team.offered(person.id),
                window_duties=month.history.duties.get(person.id, 0) + len(days),
                window_offered=window_offered(month, person.id),
            )
        )
    return rows


def could_take_a_function(month: CheckedMonth, person: Volunteer) -> bool:
    """Whether the person can come to some session of the month and may take a function
    there: counsel, or interpret a language the session needs (open hours: the forecast
    needs; appointment hours: the languages of the requests that could lie there)."""
    for session in month.calendar.sessions:
        if not month.team.can(person.id, session.date):
            continue
        if month.open_rule(session.id) is not None:
            languages = {need.language for need in month.language_needs(session.id)}
        else:
            languages = month.appointment_languages(session.id)
            if not languages:
                continue
        if may_counsel(person) or any(may_interpret(person, code) for code in languages):
            return True
    return False


def compared(month: CheckedMonth) -> list[str]:
    """The volunteers whose duty rates the spread compares."""
    return [
        person.id
        for person in month.team.people
        if window_offered(month, person.id) > 0 and could_take_a_function(month, person)
    ]


def fairness_figures(month: CheckedMonth) -> FairnessFigures:
    """The exact spread (rounded to 4 decimals) and the penalised points."""
    window = [*month.history.months, str(month.month)]
    group = compared(month)
    if len(group) < 2:
        return FairnessFigures(Fairness(window=window, spread=0.0), 0)
    rates, highs, lows = [], [], []
    for pid in group:
        worked = month.history.duties.get(pid, 0) + month.index.duties(pid)
        offered = window_offered(month, pid)
        rates.append(worked / offered)
        highs.append(-(-PERCENT * worked // offered))
        lows.append(PERCENT * worked // offered)
    spread = round(max(rates) - min(rates), 4)
    return FairnessFigures(Fairness(window=window, spread=spread), max(highs) - min(lows))
