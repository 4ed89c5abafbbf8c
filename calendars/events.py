"""From plan files to what each feed says: one :class:`FeedText` per feed.

The feeds (:mod:`calendars.feed_refs`) are made from the plans of the window; what each
event says is written by :class:`calendars.event_texts.EventWriter`.

Every event carries a ``key``, the occurrence it belongs to (``session:<id>``,
``appointment:<key>``, ``meeting:<month>``, ``gap:...``, ``unscheduled:<key>``): its
identity inside its feed, hashed into the UID and never published. When an event leaves a
feed but its occurrence is still planned, the duty went to someone else and the event
simply disappears; when the occurrence itself is gone (a new closure, an appointment no
longer scheduled), the event is published once more as cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence

from calendars.event_texts import EventWriter, appointment_roles
from calendars.feed_refs import GAPS, PUBLIC, TEAM, FeedRef
from calendars.feed_sets import FeedSet, FeedText
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.planfile.schema import Plan, PlanAppointment
from roster.wording.catalogue import text


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
        TEAM: text(office.locale, "feed.cal_team", office=office.name),
        GAPS: text(office.locale, "feed.cal_gaps", office=office.name),
        PUBLIC: text(office.locale, "feed.cal_public", office=office.name),
    }
    for person in data.volunteers:
        names[FeedRef("volunteer", person.id)] = text(
            office.locale, "feed.cal_volunteer", office=office.name, name=person.name
        )
    return names


def build_feeds(plans: Sequence[Plan], data: OfficeData) -> FeedSet:
    """The feeds of ``plans`` (the plans of the window), in the office's words."""
    writer = EventWriter(data)
    names = feed_names(data)
    staff_ids = sorted(
        {entry.volunteer for plan in plans for s in plan.sessions for entry in s.staff}
        | {person for plan in plans for a in plan.appointments for person in appointment_roles(a)}
    )
    volunteer_ids = writer.team_ids + [vid for vid in staff_ids if vid not in writer.names]
    feeds: dict[FeedRef, FeedText] = {}
    for ref in [TEAM, GAPS, PUBLIC] + [FeedRef("volunteer", vid) for vid in volunteer_ids]:
        default = text(
            data.office.locale, "feed.cal_volunteer", office=data.office.name, name=ref.volunteer
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
            booked = {p for item in appointments for p in appointment_roles(item)}
            for entry in session.staff:
                if session.kind == "open_hours" or entry.volunteer not in booked:
                    person(entry.volunteer).add(writer.session_duty(plan, session, entry))
            for item in session.uncovered:
                feeds[GAPS].add(writer.gap(plan, session, item))
        for appointment in sorted(plan.appointments, key=lambda a: (a.start, a.desk, a.key)):
            name = session_names.get(appointment.session, writer.t("appointment"))
            for volunteer in appointment_roles(appointment):
                person(volunteer).add(writer.appointment_duty(plan, appointment, volunteer, name))
        for missing in sorted(plan.unscheduled, key=lambda u: (u.earliest, u.key)):
            feeds[GAPS].add(writer.unscheduled(plan, missing))
        if plan.team_meeting is not None:
            feeds[TEAM].add(writer.meeting(plan, plan.team_meeting, transparent=True))
            for volunteer in writer.team_ids:
                person(volunteer).add(writer.meeting(plan, plan.team_meeting, transparent=False))
    return FeedSet(list(feeds.values()), frozenset(occurrences))
