"""The alarms (VALARM) of the duties in each volunteer's own feed (``feeds: alarms:``).

Which events carry them: every event of a volunteer's feed that is not cancelled, that is
each of their duties and the team meeting. The meeting is in that feed as busy time
(each volunteer is expected there), it is in the evening and only once a month, so it is
the event most easily forgotten. The team, gaps and public feeds carry no alarm: they
show other people's duties, and an alarm there would ring for every session of the
office. A cancelled event carries none: it must not ring.

Each alarm is ``ACTION:DISPLAY`` with a short DESCRIPTION in the office's words
(``feed.alarm``) and a TRIGGER relative to the start (RFC 5545, RELATED=START, the
default):

- ``{minutes_before: 120}`` -> ``TRIGGER:-PT120M``;
- ``{days_before: 1, at: "18:00"}`` -> the exact time between that wall-clock time in
  the office's zone and the start, as hours and minutes (``-PT20H`` for a duty at
  14:00). Both instants are exact, so the duration is right when a daylight-saving change
  lies between them (``-PT45H`` from Saturday 18:00 CEST to Monday 14:00 CET). The
  duration never uses days or weeks: RFC 5545 counts those as calendar days, which a
  parser would stretch or shrink by the hour of the change.

Why relative, not an absolute ``TRIGGER;VALUE=DATE-TIME``: Android's calendar (where
ICSx⁵ and DAVx⁵ put the events) keeps a reminder as "minutes before the start", and so
does Outlook, so a relative trigger is what they read without conversion; the three
parsers of the tests read it alike. The price: Thunderbird adds the duration to the start
in wall-clock time (ical.js ``Time.addDuration``), so an alarm that spans a
daylight-saving change (``days_before: 2`` on the weekend of the change) rings an hour
off there; the default alarms never span one (docs/feeds.md, "Alarms"). An alarm whose moment lies at or after the start (``minutes_before:
0``) is written as it is (``TRIGGER:PT0M``): nothing is skipped.

Each VALARM has a UID (RFC 9074), derived from the event's UID and the alarm's setting,
so the feed stays the same byte for byte, and an alarm keeps its UID when another alarm
is added to the setting. The alarms come in the order of the setting.

Alarms are not part of what raises an event's SEQUENCE
(:meth:`calendars.state.EventRecord.content`): a changed setting changes the feed's bytes, and calendar apps that subscribe read the
whole feed again; a SEQUENCE + 1 on every event of every volunteer would announce a
change of each duty that did not happen.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm as VAlarm
from icalendar.prop import vDuration

from calendars.feed_refs import FeedRef
from calendars.state import UID_DOMAIN, PublishedEvent
from roster.domain.notice_settings import Alarm
from roster.domain.office import Office
from roster.wording.catalogue import text
from roster.wording.dates import feed_clock, feed_day


class ExactDuration(vDuration):
    """A TRIGGER duration in hours and minutes only (``-PT45H``, ``-PT120M``), never in
    days: RFC 5545 takes a day of a duration as a calendar day, not 24 hours."""

    def __init__(self, td: timedelta, *, minutes_only: bool = False) -> None:
        super().__init__(td)
        self.minutes_only = minutes_only

    def to_ical(self) -> bytes:
        """``[-]PT<h>H<m>M`` (``PT0M`` for no time at all)."""
        seconds = int(self.td.total_seconds())
        sign = "-" if seconds < 0 else ""
        minutes = abs(seconds) // 60
        hours, rest = divmod(minutes, 60)
        if self.minutes_only or not hours:
            return f"{sign}PT{minutes}M".encode()
        return f"{sign}PT{hours}H{f'{rest}M' if rest else ''}".encode()


@dataclass(frozen=True)
class FeedAlarms:
    """The alarms of one feed, with the office's zone and words."""

    alarms: tuple[Alarm, ...]
    zone: ZoneInfo
    locale: str


def feed_alarms(ref: FeedRef, office: Office) -> FeedAlarms | None:
    """The alarms of the feed ``ref``: the office's ``feeds.alarms`` for a volunteer's own
    feed, None for the team, gaps and public feeds (and when the setting is ``[]``)."""
    if ref.kind != "volunteer" or not office.feeds.alarms:
        return None
    return FeedAlarms(tuple(office.feeds.alarms), office.zone, office.locale)


def _start(value: datetime | date, zone: ZoneInfo) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(zone)
    return datetime.combine(value, time(0, 0), tzinfo=zone)


def alarm_moment(alarm: Alarm, start: datetime | date, zone: ZoneInfo) -> datetime:
    """The instant ``alarm`` rings for an event starting at ``start``."""
    local = _start(start, zone)
    if alarm.minutes_before is not None:
        return local - timedelta(minutes=alarm.minutes_before)
    if alarm.days_before is None or alarm.at is None:  # Alarm's validator rules this out
        raise ValueError("an alarm needs minutes_before, or days_before with at")
    day = local.date() - timedelta(days=alarm.days_before)
    return datetime.combine(day, alarm.at, tzinfo=zone)


def trigger(alarm: Alarm, start: datetime | date, zone: ZoneInfo) -> ExactDuration:
    """The TRIGGER of ``alarm``: from the start to the alarm's instant, exactly."""
    if alarm.minutes_before is not None:
        return ExactDuration(timedelta(minutes=-alarm.minutes_before), minutes_only=True)
    # Subtraction of aware datetimes of one zone is wall-clock time: compare in UTC.
    moment = alarm_moment(alarm, start, zone).timestamp()
    return ExactDuration(timedelta(seconds=moment - _start(start, zone).timestamp()))


def _label(alarm: Alarm) -> str:
    if alarm.minutes_before is not None:
        return f"minutes:{alarm.minutes_before}"
    clock = f"{alarm.at:%H:%M}" if alarm.at is not None else ""
    return f"days:{alarm.days_before}@{clock}"


def alarm_uid(event_uid: str, label: str) -> str:
    """The UID of an alarm (RFC 9074): a hash of the event's UID and the alarm's setting."""
    digest = hashlib.sha256(f"{event_uid}\x1f{label}".encode()).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def valarms(item: PublishedEvent, alarms: FeedAlarms) -> list[VAlarm]:
    """The VALARMs of ``item``, in the order of the setting; none if it is cancelled."""
    if item.record.status == "CANCELLED":
        return []
    start = _start(item.start, alarms.zone)
    description = text(
        alarms.locale,
        "feed.alarm",
        summary=item.record.summary,
        day=feed_day(start.date(), alarms.locale),
        time=feed_clock(start, alarms.locale),
    )
    result: list[VAlarm] = []
    seen: dict[str, int] = {}
    for alarm in alarms.alarms:
        label = _label(alarm)
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:  # the same alarm twice in the setting: both ring, as written
            label = f"{label}#{seen[label]}"
        component = VAlarm()
        component.add("uid", alarm_uid(item.uid, label))
        component.add("action", "DISPLAY")
        component.add("description", description)
        component.add("trigger", trigger(alarm, item.start, alarms.zone))
        result.append(component)
    return result
