"""Who can come when, and who may do what: shared by the model, the starting plans and the
explanations, so the three never disagree about a person's day. The independent checker
(:mod:`roster.checking`) has its own reading of the same rules, to catch a mistake here.

A volunteer can come to a session date when the office is open (closed dates have no
sessions), they have not left the office before it (``left``: their last day), they are
not absent, the office lead has not excluded them (``forbid`` override), and their poll
answer for that date is ``yes`` or ``maybe``; without an answer their ``weekdays``
decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.domain.requests import Overrides
from roster.domain.team import Volunteer
from roster.wording.explanations import Wording, english
from solver.reasons import Reason, reason


@dataclass(frozen=True)
class DayStatus:
    """Whether a person can come on a date, and why not (a reason code, worded only
    when asked for: a status is made for every person and date)."""

    can: bool
    maybe: bool = False
    why: Reason | None = None

    @property
    def reason(self) -> str:
        """Why not, in English (the CLI's words); empty when the person can come."""
        return english(self.why) if self.why is not None else ""


def poll_status(data: OfficeData, person: Volunteer, day: date) -> DayStatus:
    """What the person offered for ``day``: their last day with the office, absences,
    poll answer, else weekdays."""
    if person.left is not None and day > person.left:
        return DayStatus(can=False, why=reason("left", day=person.left))
    for absence in person.absences:
        if absence.covers(day):
            return DayStatus(can=False, why=reason("absent", span=(absence.from_, absence.to)))
    answer = data.answer(person.id, day)
    if answer == "yes":
        return DayStatus(can=True)
    if answer == "maybe":
        return DayStatus(can=True, maybe=True)
    if answer == "no":
        return DayStatus(can=False, why=reason("answered_no", day=day))
    weekday = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")[
        day.weekday()
    ]
    if weekday in person.weekdays:
        return DayStatus(can=True)
    return DayStatus(can=False, why=reason("no_answer", day=day))


class Availability:
    """Day status of every volunteer on every session date of a month, overrides applied."""

    def __init__(
        self, data: OfficeData, month: Month, dates: list[date], overrides: Overrides
    ) -> None:
        self.month = month
        self.dates = sorted(set(dates))
        forbidden = {(entry.volunteer, entry.date) for entry in overrides.forbid}
        self._offered: dict[tuple[str, date], DayStatus] = {}
        self._status: dict[tuple[str, date], DayStatus] = {}
        for person in data.volunteers:
            for day in self.dates:
                offered = poll_status(data, person, day)
                self._offered[(person.id, day)] = offered
                if (person.id, day) in forbidden:
                    self._status[(person.id, day)] = DayStatus(
                        can=False, why=reason("excluded", day=day)
                    )
                else:
                    self._status[(person.id, day)] = offered
        self._offered_count = {
            person.id: sum(1 for day in self.dates if self._offered[(person.id, day)].can)
            for person in data.volunteers
        }

    def status(self, volunteer_id: str, day: date) -> DayStatus:
        """Whether the person can be planned on ``day`` (overrides applied)."""
        found = self._status.get((volunteer_id, day))
        if found is None:
            return DayStatus(can=False, why=reason("no_session_on", day=day))
        return found

    def can(self, volunteer_id: str, day: date) -> bool:
        """Shortcut for ``status(...).can``."""
        return self.status(volunteer_id, day).can

    def offered(self, volunteer_id: str) -> int:
        """Session dates the person offered this month (poll, weekdays, absences)."""
        return self._offered_count[volunteer_id]

    def maybe(self, volunteer_id: str, day: date) -> bool:
        """Whether the person answered maybe for ``day``."""
        return self.status(volunteer_id, day).maybe


def can_counsel(person: Volunteer) -> bool:
    """Counsellor assignments need the role counsellor or social_worker."""
    return person.counsels()


def can_interpret(person: Volunteer, language: str) -> bool:
    """Interpreting ``language`` needs the role, the language and German at fluent or better."""
    return (
        language != "de" and person.interprets() and person.speaks(language) and person.speaks("de")
    )


def can_counsel_in(person: Volunteer, language: str) -> bool:
    """Counselling directly in ``language`` needs a counsellor who speaks it fluent or better."""
    return language != "de" and person.counsels() and person.speaks(language)


def can_lead(person: Volunteer) -> bool:
    """Lead duty is taken by a counsellor on duty who has the role lead."""
    return person.leads() and person.counsels()


def cannot_cover(person: Volunteer, language: str) -> Reason | None:
    """Why a person can neither interpret nor counsel in ``language``; None if they can."""
    if can_interpret(person, language) or can_counsel_in(person, language):
        return None
    level = person.languages.get(language)
    if level is None:
        return reason("not_speaks", language=language)
    if level == "basic":
        return reason("speaks_basic", language=language)
    if person.interprets() and not person.speaks("de"):
        return reason("german_basic")
    return reason("no_function", language=language)


def cannot_cover_reason(person: Volunteer, language: str, language_name: str) -> str | None:
    """:func:`cannot_cover` in English, naming the language ``language_name``."""
    why = cannot_cover(person, language)
    if why is None:
        return None
    return Wording("en", {language: {"en": language_name}}).render(why)
