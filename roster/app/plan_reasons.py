"""Why a month's plan leaves a need open or an appointment out, for the plan page: the
explainer's reasons (:mod:`solver.explain`, as ``roster explain`` gives them) worded
with people by name only (the web app names nobody by id), in the office's language.

The reasons are computed from the office as it is now and the plan file; when the team
or the requests changed since planning, a need may have no reason any more (the page
then says so).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office import Office
from roster.domain.office_data import OfficeData
from roster.planfile.history import load_history
from roster.planfile.schema import Plan
from roster.wording.catalogue import text
from roster.wording.explanations import Wording
from solver.explain import Explainer
from solver.figures import shortfalls
from solver.month_input import month_input

GapKey = tuple[str, str, str | None]
"""A need of a session: session id, need (language, counsellors, lead), language."""


class NamesOnly(Wording):
    """The reasons' words with each person by name alone (``Olena Kovalenko``), and
    someone who has left the team as such, never by id."""

    def __init__(self, locale: str, office: Office, names: Mapping[str, str]) -> None:
        super().__init__(locale, dict(office.languages), names)
        self.former = text(locale, "web.plan_former")

    def person(self, volunteer: str) -> str:
        """The person's name."""
        return self.names.get(volunteer) or self.former


@dataclass(frozen=True)
class Reasons:
    """The reasons of a month's plan, in words."""

    gaps: dict[GapKey, tuple[str, str]] = field(default_factory=dict)
    """Each uncovered need: its title (what is missing, how many visitors are expected)
    and why nobody took it."""
    unscheduled: dict[str, list[str]] = field(default_factory=dict)
    """Each appointment left out (by its key): why, one line per date considered."""


def names_only(data: OfficeData, locale: str) -> NamesOnly:
    """The wording of ``locale`` with the team's names."""
    names = {person.id: person.name for person in data.volunteers}
    return NamesOnly(locale, data.office, names)


def plan_reasons(data: OfficeData, plan: Plan, locale: str) -> Reasons:
    """The reasons of every gap and every appointment left out of ``plan``, in
    ``locale``; none when the plan no longer fits the office's files."""
    month = Month.parse(plan.month)
    words = names_only(data, locale)
    try:
        history = load_history(data.folder, month)
        inp = month_input(data, month, as_of=plan.as_of, history=history, previous=plan.previous)
        explainer = Explainer(inp, plan)
        gaps: dict[GapKey, tuple[str, str]] = {}
        for short in shortfalls(inp, plan):
            explained = explainer.shortfall(short)
            gaps[(short.session, short.need, short.language)] = (
                words.render(explained.title),
                words.render(explained.summary),
            )
        scheduled = {placed.key for placed in plan.appointments}
        unscheduled = {
            item.key: words.render(explainer.unscheduled(item).summary).splitlines()
            for item in inp.appointments
            if item.key not in scheduled
        }
    except (RosterError, KeyError, ValueError):
        # The plan was made from other files (a session or a person is gone): the page
        # shows the plan without reasons rather than no plan at all.
        return Reasons()
    return Reasons(gaps, unscheduled)
