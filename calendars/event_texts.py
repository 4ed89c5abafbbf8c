"""What each event of a feed says: its summary and description, in the office's words.

Every word comes from the catalogue (``feed.*`` in :mod:`roster.wording.feeds`), dates
and times from :mod:`roster.wording.dates`, language names from
:func:`roster.domain.languages.language_name`; everything else is read from the plan and
the office's own files. Plans name people by id and cases by reference only; names come
from volunteers.yaml. Case references reach a feed only when ``office.yaml`` sets
``feeds: {case_refs: true}``, and never the public feed.

The planner's reasons in the plan are never written into a feed: they tell why a named
person cannot come (a poll answer, an absence, a limit) and depend on the planning date,
so a session kept as planned would change its events with every re-plan. The team feed lists what is still
open; the gaps feed, which goes to every volunteer, says what is needed, when, and who
may step in, by qualification (``who_*``), never by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from calendars.feed_sets import EventText
from roster.domain.languages import language_name
from roster.domain.office_data import OfficeData
from roster.planfile.schema import (
    Plan,
    PlanAppointment,
    PlanMeeting,
    PlanSession,
    StaffEntry,
    Uncovered,
    Unscheduled,
)
from roster.wording.catalogue import plural, text
from roster.wording.dates import feed_day, feed_span


class EventWriter:
    """Writes the feeds' events from the plans, in the office's words."""

    def __init__(self, data: OfficeData) -> None:
        office = data.office
        self.locale = office.locale
        self.location = office.location
        self.extra_languages = office.languages
        self.case_refs = office.feeds.case_refs
        self.zone = office.zone
        self.names = {person.id: person.name for person in data.volunteers}
        self.team_ids = [person.id for person in data.volunteers]

    # -- words -----------------------------------------------------------------------

    def t(self, key: str, **values: object) -> str:
        return text(self.locale, f"feed.{key}", **values)

    def language(self, code: str) -> str:
        return language_name(code, self.locale, self.extra_languages)

    def name(self, volunteer: str) -> str:
        return self.names.get(volunteer, volunteer)

    def duty(self, entry: StaffEntry) -> str:
        if entry.role == "interpreter":
            label = self.t("interpret", language=self.language(entry.language or "de"))
        elif entry.language:
            label = self.t("counsel_in", language=self.language(entry.language))
        else:
            label = self.t("counsel")
        if entry.lead:
            label += f", {self.t('lead')}"
        if entry.trainee:
            label += f" ({self.t('trainee')})"
        return label

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def event(
        self,
        key: str,
        month: str,
        start: datetime | date,
        end: datetime | date,
        summary: str,
        lines: Sequence[str],
        *,
        transparent: bool,
    ) -> EventText:
        if isinstance(start, datetime) and isinstance(end, datetime):
            start, end = self.local(start), self.local(end)
        return EventText(
            key=key,
            occurrence=key,
            month=month,
            start=start,
            end=end,
            summary=summary,
            description="\n".join(line for line in lines if line),
            location=self.location,
            transparent=transparent,
        )

    # -- volunteers ------------------------------------------------------------------

    def session_duty(self, plan: Plan, session: PlanSession, entry: StaffEntry) -> EventText:
        key = f"session:{session.id}"
        duty = self.duty(entry)
        return self.event(
            key,
            plan.month,
            session.start,
            session.end,
            f"{session.name}: {duty}",
            [self.t("task", duty=duty)],
            transparent=False,
        )

    def appointment_duty(
        self, plan: Plan, appointment: PlanAppointment, volunteer: str, session_name: str
    ) -> EventText:
        roles = appointment_roles(appointment)
        language = self.language(appointment.language)
        duty = self._appointment_duty_label(roles[volunteer])
        others = ", ".join(
            f"{self.name(person)} ({self._appointment_duty_label(role)})"
            for person, role in roles.items()
            if person != volunteer
        )
        key = f"appointment:{appointment.key}"
        return self.event(
            key,
            plan.month,
            appointment.start,
            appointment.end,
            self.t("appointment_summary", language=language, duty=duty),
            [
                f"{session_name}, {self.t('desk', desk=appointment.desk)}",
                self.t("language", language=language),
                self.t("task", duty=duty),
                self.t("with", people=others) if others else "",
                self.t("case", case=appointment.case) if self.case_refs else "",
            ],
            transparent=False,
        )

    def _appointment_duty_label(self, role: str) -> str:
        if role == "interpreter":
            return self.t("interpret_short")
        if role == "second_counsellor":
            return self.t("second_counsel")
        return self.t("counsel")

    def meeting(self, plan: Plan, meeting: PlanMeeting, *, transparent: bool) -> EventText:
        key = f"meeting:{plan.month}"
        lines = [self.t("agenda")] if meeting.agenda else []
        lines.extend(f"{number}. {item}" for number, item in enumerate(meeting.agenda, 1))
        if meeting.moved_from is not None:
            lines.append(self.t("moved", date=feed_day(meeting.moved_from, self.locale)))
        return self.event(
            key,
            plan.month,
            meeting.start,
            meeting.end,
            self.t("meeting"),
            lines,
            transparent=transparent,
        )

    # -- team ------------------------------------------------------------------------

    def team_session(
        self, plan: Plan, session: PlanSession, appointments: Sequence[PlanAppointment]
    ) -> EventText:
        key = f"session:{session.id}"
        lines: list[str] = []
        booked = {person for item in appointments for person in appointment_roles(item)}
        standby = [entry for entry in session.staff if entry.volunteer not in booked]
        summary = session.name
        if session.kind == "appointments":
            count = len(appointments)
            summary += ": " + (
                plural(self.locale, "feed.appointments", count)
                if count
                else self.t("appointments_none")
            )
            if appointments:
                lines.append(self.t("appointments_header"))
                lines.extend(self._appointment_line(item) for item in appointments)
        if standby or session.kind == "open_hours":
            lines.append(self.t("on_duty"))
            lines.extend(f"- {self.name(entry.volunteer)}: {self.duty(entry)}" for entry in standby)
            if not standby:
                lines.append(self.t("nobody"))
        if session.uncovered:
            lines.append(self.t("still_open"))
            lines.extend(
                self.t("open_need", count=item.missing, need=self._need(item))
                for item in session.uncovered
            )
        return self.event(
            key, plan.month, session.start, session.end, summary, lines, transparent=True
        )

    def _appointment_line(self, appointment: PlanAppointment) -> str:
        roles = appointment_roles(appointment)
        people = "; ".join(
            f"{self._appointment_duty_label(role)}: {self.name(person)}"
            for person, role in roles.items()
        )
        return self.t(
            "appointment_line",
            case=f"{appointment.case}, " if self.case_refs else "",
            time=feed_span(self.local(appointment.start), self.local(appointment.end), self.locale),
            desk=self.t("desk", desk=appointment.desk),
            language=self.language(appointment.language),
            people=people,
        )

    def _need(self, item: Uncovered) -> str:
        if item.need == "language":
            return self.t("interpret", language=self.language(item.language or "de"))
        if item.need == "lead":
            return self.t("lead")
        return self.t("counsel")

    def _who(self, item: Uncovered) -> str:
        """Who may step in for a need, by qualification."""
        if item.need == "language":
            return self.t("who_language", language=self.language(item.language or "de"))
        if item.need == "lead":
            return self.t("who_lead")
        return self.t("who_counsellors")

    # -- gaps ------------------------------------------------------------------------

    def gap(self, plan: Plan, session: PlanSession, item: Uncovered) -> EventText:
        """An uncovered need: what, when, and who may step in; never why nobody did."""
        key = f"gap:{session.id}:{item.need}:{item.language or ''}"
        start, end = self.local(session.start), self.local(session.end)
        need = self._need(item)
        return self.event(
            key,
            plan.month,
            session.start,
            session.end,
            self.t("gap", count=item.missing, need=need, session=session.name),
            [
                self.t(
                    "gap_when",
                    count=item.missing,
                    need=need,
                    session=session.name,
                    day=feed_day(start.date(), self.locale),
                    time=feed_span(start, end, self.locale),
                ),
                self.t("step_in", who=self._who(item)),
                self.t("call"),
            ],
            transparent=True,
        )

    def unscheduled(self, plan: Plan, item: Unscheduled) -> EventText:
        """An appointment the plan could not place: when it could be, who may take it."""
        key = f"unscheduled:{item.key}"
        language = self.language(item.language)
        return self.event(
            key,
            plan.month,
            item.earliest,
            item.latest + timedelta(days=1),
            self.t("unscheduled", language=language, minutes=item.minutes),
            [
                self.t(
                    "possible",
                    earliest=feed_day(item.earliest, self.locale),
                    latest=feed_day(item.latest, self.locale),
                ),
                self.t("step_in", who=self.t("who_appointment", language=language)),
                self.t("case", case=item.case) if self.case_refs else "",
                self.t("call"),
            ],
            transparent=True,
        )

    # -- public ----------------------------------------------------------------------

    def public_session(self, plan: Plan, session: PlanSession) -> EventText:
        key = f"session:{session.id}"
        if session.kind == "appointments":
            return self.event(
                key,
                plan.month,
                session.start,
                session.end,
                self.t("by_appointment", session=session.name),
                [self.t("by_appointment_text")],
                transparent=True,
            )
        codes = {
            entry.language for entry in session.staff if entry.language and entry.language != "de"
        }
        names = sorted(self.language(code) for code in codes)
        line = (
            self.t("interpreting", languages=", ".join(names))
            if names
            else self.t("no_interpreting")
        )
        return self.event(
            key, plan.month, session.start, session.end, session.name, [line], transparent=True
        )


def appointment_roles(appointment: PlanAppointment) -> dict[str, str]:
    """Who takes part in an appointment and as what, counsellor first."""
    roles = {appointment.counsellor: "counsellor"}
    if appointment.second_counsellor:
        roles.setdefault(appointment.second_counsellor, "second_counsellor")
    if appointment.interpreter:
        roles.setdefault(appointment.interpreter, "interpreter")
    return roles
