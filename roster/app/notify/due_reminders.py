"""Duty reminders: ``notices.reminder_days`` days before each duty, to the volunteer on
duty.

A duty on day D is due from D - N on, until its session starts: a run on D - N sends it
("in 2 days"); a run that did not happen then (the computer was off) sends it later, up to
the session's start ("tomorrow", "today"), once. A duty whose session has started gets no
reminder any more. The duties are those of the plan files (``rotas/YYYY-MM.json``): what
the volunteer's own page and their calendar show, published or not yet, since the page
shows the plan files too; a duty that changes after the reminder gets a new reminder (its
key holds the day, the time and the role).

Each reminder says the date, the time, the place (``office.location``), the kind of
session, the volunteer's task (role and language), their appointments (time and language;
the case reference only when the office's feeds show it, ``feeds.case_refs``), who else is
on duty (by name, only when ``volunteers.show_colleagues``), and carries the duty as an
``.ics`` file. Never a client's name or note.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from roster import __version__
from roster.app.notify.model import Notice, NotifyContext
from roster.app.notify.words import (
    day_words,
    formatter,
    locale_for,
    notice_key,
    plain_and_html,
    say,
    span_words,
    time_words,
    when_words,
)
from roster.app.volunteer_page import appointment_words, colleague_names, is_mine, role_words
from roster.app.volunteer_page import say as page_say
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.planfile.io import plan_path, read_plan
from roster.planfile.schema import Plan, PlanAppointment, PlanSession, StaffEntry
from roster.wording.formats import Formatter

PRODID = f"-//roster//roster {__version__}//EN"
UID_DOMAIN = "reminder.roster"


def _plans(ctx: NotifyContext, until: date) -> list[Plan]:
    found: list[Plan] = []
    month = Month.of(ctx.today)
    while month.first <= until:
        path = plan_path(ctx.folder, month)
        if path.is_file():
            found.append(read_plan(path))
        month = month.next()
    return found


def _appointments(
    data: OfficeData, plan: Plan, session: PlanSession, volunteer: str, fmt: Formatter
) -> list[str]:
    """Time and language of the volunteer's appointments (never a client's name)."""
    locale = fmt.locale
    mine: list[PlanAppointment] = sorted(
        (
            item
            for item in plan.appointments
            if item.session == session.id and is_mine(item, volunteer)
        ),
        key=lambda item: (item.start, item.desk),
    )
    case_refs = data.office.feeds.case_refs
    return [appointment_words(locale, item, fmt, case_refs=case_refs) for item in mine]


def duty_key(session: PlanSession, entry: StaffEntry, data: OfficeData) -> str:
    """The reminder's key: ``reminder/<id>/<date>/<kind>-<HHMM>-<role>[-<language>]``."""
    start = session.start.astimezone(data.office.zone)
    duty = "-".join(
        part
        for part in (
            session.kind,
            start.strftime("%H%M"),
            "lead" if entry.lead else entry.role,
            entry.language or "",
        )
        if part
    )
    return notice_key("reminder", entry.volunteer, session.date.isoformat(), duty)


def _calendar(
    key: str, session: PlanSession, summary: str, description: str, place: str, now: datetime
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    event.add("uid", f"{digest}@{UID_DOMAIN}")
    event.add("dtstamp", now.astimezone(UTC).replace(microsecond=0))
    event.add("dtstart", session.start.astimezone(UTC))
    event.add("dtend", session.end.astimezone(UTC))
    event.add("summary", summary)
    event.add("description", description)
    if place:
        event.add("location", place)
    calendar.add_component(event)
    return bytes(calendar.to_ical())


def _notice(ctx: NotifyContext, plan: Plan, session: PlanSession, entry: StaffEntry) -> Notice:
    data = ctx.data
    locale = locale_for(data, entry.volunteer)
    fmt = formatter(data, locale)
    role = role_words(locale, entry, fmt)
    day = day_words(data, session.date, locale)
    when = when_words(ctx.today, session.date, locale)
    details: list[str] = [
        say(locale, "reminder_day", day=fmt.day_full(session.date)),
        say(locale, "reminder_time", time=span_words(data, session.start, session.end, locale)),
    ]
    if data.office.location:
        details.append(say(locale, "reminder_place", place=data.office.location))
    details.append(say(locale, "reminder_session", kind=page_say(locale, f"kind_{session.kind}")))
    details.append(say(locale, "reminder_role", role=role))
    blocks: list[str | list[str]] = [say(locale, "reminder_intro", when=when), details]
    appointments = _appointments(data, plan, session, entry.volunteer, fmt)
    if appointments:
        blocks.extend([say(locale, "reminder_appointments"), appointments])
    colleagues = colleague_names(data, session, entry.volunteer)
    if colleagues:
        blocks.append(say(locale, "reminder_colleagues", names=", ".join(colleagues)))
    blocks.extend([say(locale, "reminder_cannot"), say(locale, "reminder_calendar")])
    plain, markup = plain_and_html(blocks)
    key = duty_key(session, entry, data)
    summary = say(locale, "reminder_event", duty=role)
    description = "\n".join([*details[1:], *appointments])
    return Notice(
        key=key,
        kind="reminder",
        volunteer=entry.volunteer,
        subject=say(
            locale,
            "reminder_subject",
            when=when,
            day=day,
            time=time_words(data, session.start, locale),
            duty=role,
        ),
        text=plain,
        html=markup,
        calendar=_calendar(key, session, summary, description, data.office.location, ctx.now),
    )


def due_reminders(ctx: NotifyContext) -> list[Notice]:
    """Every duty reminder due on ``ctx.today`` (sessions not yet started at ``ctx.now``),
    in the order of the sessions, for volunteers who take reminders."""
    until = ctx.today + timedelta(days=ctx.settings.reminder_days)
    people = ctx.data.by_id()
    notices: list[Notice] = []
    for plan in _plans(ctx, until):
        for session in sorted(plan.sessions, key=lambda s: (s.start, s.id)):
            if not ctx.today <= session.date <= until or session.start <= ctx.now:
                continue
            for entry in sorted(session.staff, key=lambda e: (e.volunteer, e.role)):
                person = people.get(entry.volunteer)
                if person is None or not person.with_office_on(session.date):
                    continue
                if not ctx.wants(entry.volunteer, "reminder"):
                    continue
                notices.append(_notice(ctx, plan, session, entry))
    return notices
