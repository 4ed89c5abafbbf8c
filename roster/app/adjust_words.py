"""The adjust page's words: functions, reasons, dates and what changed, in the office's
language, people by name (never by id)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from roster.app.adjust_models import Duty, FunctionChange, SessionChange, StaffChange
from roster.app.places import Place, Role, Why
from roster.app.plan_diff import SessionDiff, StaffLine
from roster.checking import Violation
from roster.domain.languages import language_name
from roster.domain.office_data import OfficeData
from roster.planfile.schema import StaffEntry
from roster.wording.catalogue import plural, text
from roster.wording.dates import date_text
from roster.wording.explanations import Wording


class Words:
    """The office's words for the adjust page."""

    def __init__(self, data: OfficeData) -> None:
        self.data = data
        self.locale = data.office.locale
        self.names = {person.id: person.name for person in data.volunteers}
        self.wording = Wording.of(self.locale, data.office, self.names)

    def t(self, key: str, /, **values: object) -> str:
        """The text ``web.<key>``."""
        return text(self.locale, f"web.{key}", **values)

    def tp(self, key: str, count: int, /, **values: object) -> str:
        """The counted text ``web.<key>``."""
        return plural(self.locale, f"web.{key}", count, **values)

    def name(self, volunteer: str) -> str:
        """The person's name; a plain word for someone no longer in the team."""
        return self.names.get(volunteer) or self.t("adjust_someone")

    def language(self, code: str | None) -> str:
        """A language in words."""
        return language_name(code or "", self.locale, self.data.office.languages)

    def day(self, day: dt.date) -> str:
        """``Thu 10 Dec``, ``Do., 10. Dez.``: the date as the reasons write it."""
        return self.wording.day(day)

    def long_day(self, day: dt.date) -> str:
        """``Donnerstag, 10. Dezember 2026``, ``Thursday, December 10, 2026``."""
        return date_text(day, "full", self.locale)

    # -- functions --------------------------------------------------------------------
    def duty(self, place: Place, counsels_in: str | None = None) -> Duty:
        """A place as a function in words (a lead's counselling language, if any)."""
        key = place.role if place.language is None else f"{place.role}:{place.language}"
        if place.role == "lead":
            words = (
                self.t("adjust_duty_lead_in", language=self.language(counsels_in))
                if counsels_in
                else self.t("adjust_duty_lead")
            )
        elif place.role == "interpreter":
            words = self.t("adjust_duty_interpret", language=self.language(place.language))
        elif place.language:
            words = self.t("adjust_duty_counsel_in", language=self.language(place.language))
        else:
            words = self.t("adjust_duty_counsel")
        return Duty(role=place.role, language=place.language, text=words, key=key)

    def entry_duty(self, entry: StaffEntry) -> Duty:
        """What a staff entry does, in words."""
        return self.duty(Place.of(entry), entry.language if entry.lead else None)

    def line_duty(self, line: StaffLine) -> str:
        """What a line of a plan's staff does, in words."""
        place = Place("lead") if line.lead else Place(_role(line.role), line.language)
        return self.duty(place, line.language if line.lead else None).text

    # -- reasons ----------------------------------------------------------------------
    def reason(self, reason: Why) -> str:
        """A reason in words."""
        if reason.code.startswith("web."):
            values = {
                name: self.language(str(value)) if name == "language" else value
                for name, value in reason.params.items()
            }
            return text(self.locale, reason.code, **values)
        return self.wording.render(reason)

    def violations(self, found: Iterable[Violation]) -> str:
        """What the checker found, in words."""
        return "; ".join(violation.text(self.locale, self.data) for violation in found)

    # -- what changed -----------------------------------------------------------------
    def session_change(self, diff: SessionDiff) -> SessionChange:
        """One session's change in words."""
        gaps = None
        if diff.gaps_before != diff.gaps_after:
            if diff.gaps_after == 0:
                gaps = self.t("adjust_gaps_closed")
            else:
                gaps = self.tp("adjust_gaps_now", diff.gaps_after, before=diff.gaps_before)
        came_in = [self._staff_change(line) for line in diff.came_in]
        went_out = [self._staff_change(line) for line in diff.went_out]
        # Someone who came in and went out stays, with another function: one line.
        stays = {p.volunteer for p in came_in} & {p.volunteer for p in went_out}
        changed = [
            FunctionChange(
                volunteer=person.volunteer,
                name=person.name,
                duty=person.duty,
                before=next(p.duty for p in went_out if p.volunteer == person.volunteer),
            )
            for person in came_in
            if person.volunteer in stays
        ]
        return SessionChange(
            session=diff.session,
            date=diff.date,
            day=self.day(diff.date),
            name=diff.name,
            came_in=[p for p in came_in if p.volunteer not in stays],
            went_out=[p for p in went_out if p.volunteer not in stays],
            changed=changed,
            gaps_before=diff.gaps_before,
            gaps_after=diff.gaps_after,
            gaps_text=gaps,
        )

    def _staff_change(self, line: StaffLine) -> StaffChange:
        return StaffChange(
            volunteer=line.volunteer, name=self.name(line.volunteer), duty=self.line_duty(line)
        )


def _role(role: str) -> Role:
    return "interpreter" if role == "interpreter" else "counsellor"
