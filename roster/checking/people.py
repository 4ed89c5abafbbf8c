"""Who may do what on which date, read from the office folder as docs/planning.md says.

The checker's own reading of the ``availability`` and ``qualification`` rules, written
apart from the model's, so that a mistake in one is caught by the other:

- a person can come to a session date unless they left the office before it (the day
  after ``left``, their last day, and every later day), are absent or an override forbids
  it; then their poll answer decides (``yes``, ``maybe``: they can; ``no``: they cannot)
  and without an answer their usual ``weekdays``; on a date without a session (closed,
  or no session that weekday) nobody works;
- a counsellor has the role ``counsellor`` or ``social_worker``; counselling directly in
  a language needs it at ``fluent`` or better; an interpreter for a language has the
  role ``interpreter``, that language and German at ``fluent`` or better; lead duty is
  taken by a counsellor with the role ``lead``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from roster.checking.report import Said, said
from roster.domain.office_data import OfficeData
from roster.domain.requests import Overrides
from roster.domain.team import Volunteer

GERMAN = "de"
WELL_ENOUGH = 2
"""The rank of ``fluent``: a language is spoken well enough from it on."""
RANK = {"basic": 1, "fluent": 2, "native": 3}
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
COUNSELLING_ROLES = frozenset({"counsellor", "social_worker"})


@dataclass(frozen=True)
class Day:
    """Whether a person can come on a date; why not (a reason code with its data); and
    whether they answered maybe."""

    can: bool
    maybe: bool = False
    why: Said | None = None


def speaks_well(person: Volunteer, language: str) -> bool:
    """Whether the person speaks ``language`` at ``fluent`` or better."""
    level = person.languages.get(language)
    return level is not None and RANK[level] >= WELL_ENOUGH


def may_counsel(person: Volunteer) -> bool:
    """The role counsellor or social_worker."""
    return any(role in COUNSELLING_ROLES for role in person.roles)


def may_counsel_in(person: Volunteer, language: str) -> bool:
    """A counsellor who speaks ``language`` (not German) fluent or better."""
    return language != GERMAN and may_counsel(person) and speaks_well(person, language)


def may_interpret(person: Volunteer, language: str) -> bool:
    """The role interpreter, ``language`` (not German) and German fluent or better."""
    return (
        language != GERMAN
        and "interpreter" in person.roles
        and speaks_well(person, language)
        and speaks_well(person, GERMAN)
    )


def may_lead(person: Volunteer) -> bool:
    """A counsellor with the role lead."""
    return "lead" in person.roles and may_counsel(person)


def offered_day(data: OfficeData, person: Volunteer, day: date) -> Day:
    """What the person offered for ``day``: gone after their last day, then absences,
    then the poll, then weekdays."""
    last_day = person.left
    if last_day is not None and last_day < day:
        return Day(can=False, why=said("left", day=last_day))
    for absence in person.absences:
        if absence.from_ <= day <= absence.to:
            return Day(can=False, why=said("absent", span=(absence.from_, absence.to)))
    answer = data.answer(person.id, day)
    if answer == "yes":
        return Day(can=True)
    if answer == "maybe":
        return Day(can=True, maybe=True)
    if answer == "no":
        return Day(can=False, why=said("answered_no", day=day))
    if WEEKDAY_NAMES[day.weekday()] in person.weekdays:
        return Day(can=True)
    return Day(can=False, why=said("no_answer", day=day))


class Team:
    """The volunteers, and each one's day on every session date of the month."""

    def __init__(self, data: OfficeData, session_dates: list[date], overrides: Overrides) -> None:
        self.people = sorted(data.volunteers, key=lambda p: p.id)
        self._by_id = {person.id: person for person in self.people}
        self.dates = sorted(set(session_dates))
        forbidden = {(entry.volunteer, entry.date) for entry in overrides.forbid}
        self._offered: dict[tuple[str, date], Day] = {}
        self._days: dict[tuple[str, date], Day] = {}
        for person in self.people:
            for day in self.dates:
                offered = offered_day(data, person, day)
                self._offered[person.id, day] = offered
                self._days[person.id, day] = (
                    Day(can=False, why=said("excluded", day=day))
                    if (person.id, day) in forbidden
                    else offered
                )

    def knows(self, volunteer_id: str) -> bool:
        """Whether the id is in volunteers.yaml."""
        return volunteer_id in self._by_id

    def person(self, volunteer_id: str) -> Volunteer:
        """The volunteer with this id."""
        return self._by_id[volunteer_id]

    def day(self, volunteer_id: str, day: date) -> Day:
        """Whether the person may be planned on ``day``, the overrides' ``forbid`` applied."""
        found = self._days.get((volunteer_id, day))
        if found is None:
            return Day(can=False, why=said("no_session_on", day=day))
        return found

    def can(self, volunteer_id: str, day: date) -> bool:
        """Shortcut for ``day(...).can``."""
        return self.day(volunteer_id, day).can

    def maybe(self, volunteer_id: str, day: date) -> bool:
        """Whether a duty on ``day`` is a duty on a day the person answered maybe."""
        return self.day(volunteer_id, day).maybe

    def offered(self, volunteer_id: str) -> int:
        """Session dates the person offered this month (overrides not counted)."""
        return sum(1 for day in self.dates if self._offered[volunteer_id, day].can)
