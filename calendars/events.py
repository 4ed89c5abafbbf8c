"""From plan files to what each feed says: one :class:`FeedText` per feed.

Four kinds of feed are made from the plans of the window:

- ``volunteer``: one per person, with each of their duties (open hours, each appointment
  they take part in, standby on appointment hours) and the team meeting;
- ``team``: every session with who is on duty, and the team meeting;
- ``gaps``: one event per uncovered need and per unscheduled appointment, with its reason;
- ``public``: the open-hours and appointment-hours dates and the languages interpreted at
  each open-hours session, without any name.

Every event carries a ``key``, the occurrence it belongs to (``session:<id>``,
``appointment:<key>``, ``meeting:<month>``, ``gap:...``, ``unscheduled:<key>``): its
identity inside its feed, hashed into the UID and never published. When an event leaves a
feed but its occurrence is still planned, the duty went to someone else and the event
simply disappears; when the occurrence itself is gone (a new closure, an appointment no
longer scheduled), the event is published once more as cancelled.

Plans name people by id and cases by reference only; names come from volunteers.yaml.
Case references reach a feed only when ``office.yaml`` sets ``feeds: {case_refs: true}``,
and never the public feed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from calendars.texts import day_text, span_text, text
from roster.domain.languages import language_name
from roster.domain.month import Month
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

FeedKind = Literal["volunteer", "team", "gaps", "public"]


@dataclass(frozen=True, order=True)
class FeedRef:
    """Which feed: a volunteer's (with their id), the team's, the gaps' or the public one."""

    kind: FeedKind
    volunteer: str | None = None

    @property
    def label(self) -> str:
        """``volunteer:v01``, ``team``, ``gaps`` or ``public``: the feed's identity."""
        return f"volunteer:{self.volunteer}" if self.kind == "volunteer" else self.kind

    @property
    def private(self) -> bool:
        """Whether the feed is only reachable with a secret link."""
        return self.kind != "public"


TEAM = FeedRef("team")
GAPS = FeedRef("gaps")
PUBLIC = FeedRef("public")


@dataclass(frozen=True)
class EventText:
    """What one event says, before the publication state gives it UID and SEQUENCE."""

    key: str
    occurrence: str
    month: str
    start: datetime | date
    end: datetime | date
    summary: str
    description: str
    location: str
    transparent: bool


@dataclass
class FeedText:
    """One feed's name and events."""

    ref: FeedRef
    name: str
    events: list[EventText] = field(default_factory=list)

    def add(self, event: EventText) -> None:
        """Add ``event`` unless the feed already has one with its key."""
        if all(known.key != event.key for known in self.events):
            self.events.append(event)


@dataclass(frozen=True)
class FeedSet:
    """Every feed of a publication and the occurrences the plans still hold."""

    feeds: list[FeedText]
    occurrences: frozenset[str]

    def feed(self, ref: FeedRef) -> FeedText:
        """The feed ``ref``."""
        for item in self.feeds:
            if item.ref == ref:
                return item
        raise KeyError(ref.label)


class _Writer:
    """Builds the feeds' events from the plans, in the office's words."""

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
        return text(self.locale, key, **values)

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

    def plain_reason(self, reason: str, cases: Sequence[str]) -> str:
        """A solver reason with ids turned into names and cases hidden unless allowed."""
        words = {volunteer: self.name(volunteer) for volunteer in self.names}
        if not self.case_refs:
            words.update(dict.fromkeys(cases, self.t("case_hidden")))
        if not words:
            return reason
        alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w-])({alternatives})(?:#\d+)?(?![\w-])")

        def swap(match: re.Match[str]) -> str:
            found = match.group(1)
            if found in self.names:
                return words[found] + match.group(0)[len(found) :]
            return words[found]

        return pattern.sub(swap, reason)

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
        roles = _appointment_roles(appointment)
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
            lines.append(self.t("moved", date=day_text(meeting.moved_from, self.locale)))
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
        cases = [appointment.case for appointment in plan.appointments]
        lines: list[str] = []
        booked = {person for item in appointments for person in _appointment_roles(item)}
        standby = [entry for entry in session.staff if entry.volunteer not in booked]
        summary = session.name
        if session.kind == "appointments":
            count = len(appointments)
            words = {0: self.t("appointments_none"), 1: self.t("appointments_one")}
            summary += ": " + words.get(count, self.t("appointments_many", count=count))
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
                self.t(
                    "open_need",
                    count=item.missing,
                    need=self._need(item),
                    reason=self.plain_reason(item.reason, cases),
                )
                for item in session.uncovered
            )
        return self.event(
            key, plan.month, session.start, session.end, summary, lines, transparent=True
        )

    def _appointment_line(self, appointment: PlanAppointment) -> str:
        roles = _appointment_roles(appointment)
        people = "; ".join(
            f"{self._appointment_duty_label(role)}: {self.name(person)}"
            for person, role in roles.items()
        )
        return self.t(
            "appointment_line",
            case=f"{appointment.case}, " if self.case_refs else "",
            time=span_text(self.local(appointment.start), self.local(appointment.end), self.locale),
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

    # -- gaps ------------------------------------------------------------------------

    def gap(self, plan: Plan, session: PlanSession, item: Uncovered) -> EventText:
        key = f"gap:{session.id}:{item.need}:{item.language or ''}"
        cases = [appointment.case for appointment in plan.appointments]
        return self.event(
            key,
            plan.month,
            session.start,
            session.end,
            self.t("gap", count=item.missing, need=self._need(item), session=session.name),
            [self.t("reason", reason=self.plain_reason(item.reason, cases))],
            transparent=True,
        )

    def unscheduled(self, plan: Plan, item: Unscheduled) -> EventText:
        key = f"unscheduled:{item.key}"
        cases = [entry.case for entry in plan.unscheduled] + [
            appointment.case for appointment in plan.appointments
        ]
        return self.event(
            key,
            plan.month,
            item.earliest,
            item.latest + timedelta(days=1),
            self.t("unscheduled", language=self.language(item.language), minutes=item.minutes),
            [
                self.t(
                    "possible",
                    earliest=day_text(item.earliest, self.locale),
                    latest=day_text(item.latest, self.locale),
                ),
                self.t("reason", reason=self.plain_reason(item.reason, cases)),
                self.t("case", case=item.case) if self.case_refs else "",
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


def _appointment_roles(appointment: PlanAppointment) -> dict[str, str]:
    """Who takes part in an appointment and as what, counsellor first."""
    roles = {appointment.counsellor: "counsellor"}
    if appointment.second_counsellor:
        roles.setdefault(appointment.second_counsellor, "second_counsellor")
    if appointment.interpreter:
        roles.setdefault(appointment.interpreter, "interpreter")
    return roles


def _occurrences(plan: Plan) -> set[str]:
    found = {f"session:{session.id}" for session in plan.sessions}
    found.update(f"appointment:{item.key}" for item in plan.appointments)
    found.update(
        f"gap:{session.id}:{item.need}:{item.language or ''}"
        for session in plan.sessions
        for item in session.uncovered
    )
    found.update(f"unscheduled:{item.key}" for item in plan.unscheduled)
    if plan.team_meeting is not None:
        found.add(f"meeting:{plan.month}")
    return found


def feed_names(data: OfficeData) -> dict[FeedRef, str]:
    """The calendar name (NAME, X-WR-CALNAME) of every feed the office's team has."""
    office = data.office
    names = {
        TEAM: text(office.locale, "cal_team", office=office.name),
        GAPS: text(office.locale, "cal_gaps", office=office.name),
        PUBLIC: text(office.locale, "cal_public", office=office.name),
    }
    for person in data.volunteers:
        names[FeedRef("volunteer", person.id)] = text(
            office.locale, "cal_volunteer", office=office.name, name=person.name
        )
    return names


def build_feeds(plans: Sequence[Plan], data: OfficeData) -> FeedSet:
    """The feeds of ``plans`` (the plans of the window), in the office's words."""
    writer = _Writer(data)
    names = feed_names(data)
    staff_ids = sorted(
        {entry.volunteer for plan in plans for s in plan.sessions for entry in s.staff}
        | {person for plan in plans for a in plan.appointments for person in _appointment_roles(a)}
    )
    volunteer_ids = writer.team_ids + [vid for vid in staff_ids if vid not in writer.names]
    feeds: dict[FeedRef, FeedText] = {}
    for ref in [TEAM, GAPS, PUBLIC] + [FeedRef("volunteer", vid) for vid in volunteer_ids]:
        default = text(
            data.office.locale, "cal_volunteer", office=data.office.name, name=ref.volunteer
        )
        feeds[ref] = FeedText(ref, names.get(ref, default))

    def person(volunteer: str) -> FeedText:
        return feeds[FeedRef("volunteer", volunteer)]

    occurrences: set[str] = set()
    for plan in sorted(plans, key=lambda item: Month.parse(item.month)):
        occurrences |= _occurrences(plan)
        by_session: dict[str, list[PlanAppointment]] = {}
        for appointment in sorted(plan.appointments, key=lambda a: (a.start, a.desk, a.key)):
            by_session.setdefault(appointment.session, []).append(appointment)
        session_names = {session.id: session.name for session in plan.sessions}
        for session in sorted(plan.sessions, key=lambda s: (s.start, s.id)):
            appointments = by_session.get(session.id, [])
            feeds[TEAM].add(writer.team_session(plan, session, appointments))
            feeds[PUBLIC].add(writer.public_session(plan, session))
            booked = {p for item in appointments for p in _appointment_roles(item)}
            for entry in session.staff:
                if session.kind == "open_hours" or entry.volunteer not in booked:
                    person(entry.volunteer).add(writer.session_duty(plan, session, entry))
            for item in session.uncovered:
                feeds[GAPS].add(writer.gap(plan, session, item))
        for appointment in sorted(plan.appointments, key=lambda a: (a.start, a.desk, a.key)):
            name = session_names.get(appointment.session, writer.t("appointment"))
            for volunteer in _appointment_roles(appointment):
                person(volunteer).add(writer.appointment_duty(plan, appointment, volunteer, name))
        for missing in sorted(plan.unscheduled, key=lambda u: (u.earliest, u.key)):
            feeds[GAPS].add(writer.unscheduled(plan, missing))
        if plan.team_meeting is not None:
            feeds[TEAM].add(writer.meeting(plan, plan.team_meeting, transparent=True))
            for volunteer in writer.team_ids:
                person(volunteer).add(writer.meeting(plan, plan.team_meeting, transparent=False))
    return FeedSet(list(feeds.values()), frozenset(occurrences))
