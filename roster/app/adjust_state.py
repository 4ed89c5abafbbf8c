"""The session the adjust page works on, loaded once per request: the office, the
month's plan and the session of the date asked for, with every input checked and each
problem said in plain words (a field's problem names the field)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from roster.app.adjust_words import Words
from roster.app.candidates import Verdict, verdict
from roster.app.clock import office_today
from roster.app.places import ROLES, Place, SessionContext, find_session
from roster.domain.errors import Problem, RosterError
from roster.domain.month import Month
from roster.domain.team import Volunteer
from roster.folder.load import load_office
from roster.planfile.history import load_history
from roster.planfile.io import plan_path, read_plan
from roster.planfile.schema import Plan


def field_error(message: str, field: str) -> RosterError:
    """A plain message that concerns one field of the request."""
    return RosterError(message, [Problem("", None, field, message)])


@dataclass(frozen=True)
class AdjustState:
    """The office, the month's plan and the session of the date."""

    folder: Path
    month: Month
    ctx: SessionContext
    words: Words

    @property
    def plan(self) -> Plan:
        """The month's plan as it is now."""
        return self.ctx.plan

    def person(self, volunteer: str, field: str) -> Volunteer:
        """The team's person with this id; a plain problem of ``field`` otherwise."""
        found = self.ctx.by_id.get(volunteer)
        if found is None:
            raise field_error(self.words.t("adjust_unknown_person"), field)
        return found

    def on_duty(self, volunteer: str, field: str) -> Volunteer:
        """A person of the session; a plain problem of ``field`` otherwise."""
        person = self.person(volunteer, field)
        if not self.ctx.works_here(person.id):
            raise field_error(self.words.t("adjust_not_on_duty", name=person.name), field)
        return person

    def place(self, role: str, language: str | None, field: str = "language") -> Place:
        """The place ``role`` (with ``language``) of the session; a plain problem when
        the role is unknown or a language is missing or none of the session's."""
        if role not in ROLES:
            raise field_error(self.words.t("adjust_unknown_function"), "role")
        language = (language or "").strip() or None
        if role == "lead":
            return Place("lead")
        if role == "interpreter" and language is None:
            raise field_error(self.words.t("adjust_language_needed"), field)
        place = Place("interpreter" if role == "interpreter" else "counsellor", language)
        if language is not None and language not in self.languages():
            raise field_error(self.words.t("adjust_language_not_here"), field)
        return place

    def languages(self) -> list[str]:
        """The languages a person can be put in for in this session."""
        if self.ctx.is_open:
            return self.ctx.forecast_languages()
        return self.ctx.appointment_languages()

    def place_of(self, person: Volunteer) -> Place:
        """The place a person of the session holds."""
        for entry in self.ctx.session.staff:
            if entry.volunteer == person.id:
                return Place.of(entry)
        functions = self.ctx.index.works_in(person.id, self.ctx.session.id)
        if functions and functions[0].startswith("interpreter:"):
            return Place("interpreter", functions[0].split(":", 1)[1])
        return Place("counsellor")

    def judge(self, person: Volunteer, place: Place, field: str, out: str | None = None) -> Verdict:
        """The verdict on ``person`` for ``place``; a plain problem of ``field`` (who, and
        why not) when the checker would not accept it."""
        found = verdict(self.ctx, person, [place], out)
        if found.offered:
            return found
        reason = (
            self.words.reason(found.why)
            if found.why is not None
            else self.words.violations(found.violations)
        )
        message = self.words.t("adjust_refused", name=person.name, reason=reason)
        raise field_error(message, field)

    def choices_for(self, places: Sequence[Place], out: str | None = None) -> list[Verdict]:
        """Each person's verdict for ``places``."""
        return [verdict(self.ctx, person, places, out) for person in self.ctx.people]


def _day(text: str, month: Month, words: Words) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise field_error(words.t("adjust_bad_date"), "date") from None
    if Month.of(day) != month:
        raise field_error(words.t("adjust_not_in_month"), "date")
    return day


def open_session(
    folder: Path,
    month: Month | str,
    day: dt.date | str,
    *,
    session: str | None = None,
    now: datetime | None = None,
) -> AdjustState:
    """Load the office and the session on ``day`` of the month's plan; a plain
    :class:`RosterError` for a date that is no session, a month without a plan..."""
    data = load_office(folder)
    words = Words(data)
    chosen = Month.parse(str(month))
    date = day if isinstance(day, dt.date) else _day(day, chosen, words)
    if Month.of(date) != chosen:
        raise field_error(words.t("adjust_not_in_month"), "date")
    path = plan_path(folder, chosen)
    if not path.is_file():
        raise RosterError(words.t("adjust_no_plan"))
    try:
        plan = read_plan(path)
    except RosterError:
        raise RosterError(words.t("adjust_plan_unreadable")) from None
    if plan.month != str(chosen):
        raise RosterError(words.t("adjust_plan_unreadable"))
    found = find_session(plan, date, session)
    if found is None:
        raise field_error(words.t("adjust_no_session", day=words.long_day(date)), "date")
    today = office_today(data.office, now)
    ctx = SessionContext(data, plan, chosen, found, today, load_history(folder, chosen))
    return AdjustState(Path(folder), chosen, ctx, words)
