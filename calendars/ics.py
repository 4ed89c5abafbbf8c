"""The iCalendar writer: deterministic bytes from published events (RFC 5545, icalendar 7).

A feed is a VCALENDAR with VERSION:2.0, a PRODID naming roster and its version,
CALSCALE, NAME and X-WR-CALNAME, X-WR-TIMEZONE, REFRESH-INTERVAL and X-PUBLISHED-TTL
(one hour) and no METHOD (a subscription, not an invitation). Times carry the office's
TZID and the calendar holds a VTIMEZONE for each TZID used (and for the office's zone
even when no event uses it, so that no feed is without a component), made by icalendar from
zoneinfo over whole years around the window, so the bytes do not change from one
publication to the next. icalendar lists repeated onsets as RDATE; ical.js (Thunderbird's
parser) then ignores the first onset (DTSTART) and reads summer times an hour off, so each
onset is written as a STANDARD or DAYLIGHT block of its own: the same transitions, in the
form every parser reads alike. icalendar 7 also puts a COMMENT (the years the zone was
written for) into the VTIMEZONE itself, where RFC 5545 allows none (only STANDARD and
DAYLIGHT may carry one): it is left out.
A volunteer's own feed carries the alarms of ``feeds: alarms:`` in each event that is not
cancelled (:mod:`calendars.alarms`); no other feed carries any.
icalendar writes CRLF line ends and folds lines at 75 octets without splitting a UTF-8
character.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Component, Event, Timezone
from icalendar.prop import vDuration

from calendars.alarms import FeedAlarms, valarms
from calendars.state import PublishedEvent
from roster import __version__

PRODID = f"-//roster//roster {__version__}//EN"
REFRESH = timedelta(hours=1)


def _utc(value: str) -> datetime:
    return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def _local(value: datetime | date, zone: ZoneInfo) -> datetime | date:
    return value.astimezone(zone) if isinstance(value, datetime) else value


def _event(item: PublishedEvent, zone: ZoneInfo, alarms: FeedAlarms | None = None) -> Event:
    record = item.record
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", _utc(record.dtstamp))
    event.add("dtstart", _local(item.start, zone))
    event.add("dtend", _local(item.end, zone))
    event.add("summary", record.summary)
    if record.description:
        event.add("description", record.description)
    if record.location:
        event.add("location", record.location)
    event.add("status", record.status)
    event.add("sequence", record.sequence)
    event.add("created", _utc(record.created))
    event.add("last-modified", _utc(record.last_modified))
    event.add("transp", "TRANSPARENT" if record.transparent else "OPAQUE")
    if alarms is not None:
        for alarm in valarms(item, alarms):
            event.add_component(alarm)
    return event


def _calendar(name: str | None, timezone: str) -> Calendar:
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    if name is not None:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", timezone)
        calendar.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH))
    return calendar


def _one_onset_each(zone: Timezone) -> Timezone:
    """The same time zone with every RDATE onset in a block of its own, and without the
    COMMENT that RFC 5545 does not allow in a VTIMEZONE itself."""
    flat = Timezone()
    for name, value in zone.property_items(recursive=False):
        if name not in ("BEGIN", "END", "COMMENT"):
            flat.add(name, value)
    onsets: list[tuple[datetime, Component]] = []
    for block in zone.subcomponents:
        starts = [block.decoded("DTSTART")]
        rdates = block.get("RDATE", [])
        for group in rdates if isinstance(rdates, list) else [rdates]:
            starts.extend(item.dt for item in group.dts)
        for start in starts:
            onset = type(block)()
            for name, value in block.property_items(recursive=False):
                if name not in ("BEGIN", "END", "DTSTART", "RDATE"):
                    onset.add(name, value)
            onset.add("dtstart", start)
            onsets.append((start, onset))
    for _, part in sorted(onsets, key=lambda item: item[0]):
        flat.add_component(part)
    return flat


def _finish(calendar: Calendar, timezone: str, years: tuple[int, int]) -> bytes:
    # The office's zone is always there: even a feed without events then holds a
    # component, as RFC 5545 asks of every calendar.
    tzids = sorted(set(calendar.get_used_tzids()) | {timezone})
    calendar.subcomponents[:0] = [
        _one_onset_each(
            Timezone.from_tzid(
                tzid, first_date=date(years[0], 1, 1), last_date=date(years[1] + 1, 1, 1)
            )
        )
        for tzid in tzids
    ]
    content: bytes = calendar.to_ical()
    return content


def feed_ics(
    name: str,
    events: Sequence[PublishedEvent],
    timezone: str,
    years: tuple[int, int],
    alarms: FeedAlarms | None = None,
) -> bytes:
    """A whole feed. ``years`` (first, last) bound the VTIMEZONE's transitions; ``alarms``
    (a volunteer's own feed only, :func:`calendars.alarms.feed_alarms`) go into every
    event that is not cancelled."""
    zone = ZoneInfo(timezone)
    calendar = _calendar(name, timezone)
    for item in events:
        calendar.add_component(_event(item, zone, alarms))
    return _finish(calendar, timezone, years)


def event_ics(item: PublishedEvent, timezone: str, years: tuple[int, int]) -> bytes:
    """One event in a calendar object of its own, as CalDAV stores it."""
    calendar = _calendar(None, timezone)
    calendar.add_component(_event(item, ZoneInfo(timezone)))
    return _finish(calendar, timezone, years)
