"""Change notices: after a publication that changes a volunteer's duties, one message per
volunteer.

The difference is taken between the volunteer's private feed as published now
(``feeds/state.json``) and what they were last told (``notices/told.json``,
:mod:`roster.app.notify.change_state`): new duties, duties moved (time, place or what
they do), cancelled ones and duties that went to someone else. Only events from today on
are worth a word. A volunteer without a baseline (the first run, or a first publication)
gets nothing: :func:`~roster.app.notify.change_state.remember_told` sets it silently.

The texts use the feed's summaries, which never hold client data (case references are
only in the descriptions, and only with ``feeds: {case_refs: true}``): descriptions are
not used. The .ics attachment carries each changed event with the feed's own UID and
SEQUENCE, so a calendar that imports it updates the same event; a duty that went to
someone else is sent as STATUS:CANCELLED with the next SEQUENCE.
"""

from __future__ import annotations

from datetime import date, datetime

from icalendar import Calendar

from calendars.ics import event_ics
from calendars.state import EventRecord, PublishedEvent, read_state
from roster.app.notify.change_state import (
    EventChange,
    FeedChanges,
    ToldEvent,
    change_key,
    changes_of,
    feed_records,
    read_told,
)
from roster.app.notify.model import Notice, NotifyContext
from roster.app.notify.words import (
    day_words,
    locale_for,
    plain_and_html,
    say,
    say_count,
    span_words,
)
from roster.domain.office_data import OfficeData

ISO_DATE = len("2026-12-10")
"""The length of an all-day event's DTSTART (a date, not a date-time)."""


def _moment(value: str) -> datetime | date:
    return date.fromisoformat(value) if len(value) == ISO_DATE else datetime.fromisoformat(value)


def _day_of(value: str, data: OfficeData) -> date:
    moment = _moment(value)
    return moment.astimezone(data.office.zone).date() if isinstance(moment, datetime) else moment


def _when(data: OfficeData, start: str, end: str, locale: str) -> tuple[str, str]:
    """The day and the time of an event in words (all-day events: "all day")."""
    first, last = _moment(start), _moment(end)
    day = day_words(data, _day_of(start, data), locale)
    if isinstance(first, datetime) and isinstance(last, datetime):
        return day, span_words(data, first, last, locale)
    return day, say(locale, "change_all_day")


def _line(data: OfficeData, change: EventChange, locale: str) -> str:
    record = change.now
    day, time = _when(data, record.start, record.end, locale)
    if change.kind == "moved" and change.before is not None:
        before_day, before_time = _when(data, change.before.start, change.before.end, locale)
        before = (
            say(locale, "change_before", day=before_day, time=before_time)
            if change.before.summary == record.summary
            else say(
                locale,
                "change_before_what",
                day=before_day,
                time=before_time,
                what=change.before.summary,
            )
        )
        return say(locale, "change_moved", day=day, time=time, what=record.summary, before=before)
    return say(locale, f"change_{change.kind}", day=day, time=time, what=record.summary)


def _calendar_event(change: EventChange) -> PublishedEvent:
    record: EventRecord = change.now
    if change.kind == "removed":
        record = record.model_copy(
            update={"status": "CANCELLED", "sequence": record.sequence + 1, "shown": True}
        )
    return PublishedEvent(change.uid, record)


def _calendar(data: OfficeData, changes: list[EventChange]) -> bytes:
    """One calendar object with every changed event (the feed's UIDs and SEQUENCEs)."""
    events = [_calendar_event(change) for change in changes]
    years = sorted({_day_of(item.record.start, data).year for item in events})
    span = (years[0], years[-1])
    merged = Calendar.from_ical(event_ics(events[0], data.office.timezone, span))
    merged.add("method", "PUBLISH")
    for item in events[1:]:
        other = Calendar.from_ical(event_ics(item, data.office.timezone, span))
        for component in other.walk("VEVENT"):
            merged.add_component(component)
    content: bytes = merged.to_ical()
    return content


def _worth_a_word(change: EventChange, data: OfficeData, today: date) -> bool:
    start = change.before.start if change.kind == "moved" and change.before else change.now.start
    return min(_day_of(start, data), _day_of(change.now.start, data)) >= today


def _notice(ctx: NotifyContext, found: FeedChanges, told: list[EventChange]) -> Notice:
    data = ctx.data
    locale = locale_for(data, found.volunteer)
    ordered = sorted(told, key=lambda change: (change.now.start, change.uid))
    lines = [_line(data, change, locale) for change in ordered]
    plain, markup = plain_and_html(
        [say(locale, "change_intro"), lines, say(locale, "change_calendar")]
    )
    return Notice(
        key=change_key(found),
        kind="change",
        volunteer=found.volunteer,
        subject=say_count(locale, "change_subject", len(lines)),
        text=plain,
        html=markup,
        calendar=_calendar(data, ordered),
    )


def due_changes(ctx: NotifyContext) -> list[Notice]:
    """One change notice per volunteer whose duties changed since they were last told
    (from today on); none without a publication or without a baseline."""
    state = read_state(ctx.folder)
    if state is None:
        return []
    baselines = read_told(ctx.folder).volunteers
    notices: list[Notice] = []
    for person in sorted(ctx.data.volunteers, key=lambda item: item.id):
        baseline: dict[str, ToldEvent] | None = baselines.get(person.id)
        if baseline is None or not person.with_office_on(ctx.today):
            continue
        if not ctx.wants(person.id, "change"):
            continue
        found = changes_of(person.id, feed_records(state, person.id), baseline)
        told = [item for item in found.changes if _worth_a_word(item, ctx.data, ctx.today)]
        if told:
            notices.append(_notice(ctx, found, told))
    return notices
