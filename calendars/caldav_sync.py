"""`roster publish --caldav URL --user U`: each volunteer's events into a CalDAV calendar.

For each volunteer feed, the calendar ``roster-<feed id>`` of the user's principal
(created on first use, named like the feed) is made to hold exactly the feed's events:

- an event not on the server is created at ``<UID>.ics``;
- an event whose SEQUENCE or DTSTAMP differ from the server's copy is updated in place
  (same URL, same UID), with the bytes the feed publishes (no SEQUENCE bump by the library);
- an event of roster (UID ``...@roster``) that the feed no longer holds is deleted.

Unchanged events are not sent again. Only calendars named ``roster-<feed id>`` of this
office's feeds are touched: the current ones, and those of volunteers who left the team.
A volunteer feed that the publication state held before this publication and that is no
longer published belongs to someone who left: roster's events (UID ``...@roster``) are
deleted from their calendar, and the calendar itself once nothing else is in it (roster
made it). The password comes from the caller (environment or prompt), never from the
command line, and is never printed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlsplit

from calendars.feed_refs import GAPS, PUBLIC, TEAM
from calendars.ics import event_ics
from calendars.state import UID_DOMAIN, PublicationState, PublishedEvent, PublishedFeed, feed_id
from roster.domain.errors import RosterError
from roster.wording.catalogue import plural, text

CALENDAR_PREFIX = "roster-"
PASSWORD_VARIABLE = "ROSTER_CALDAV_PASSWORD"  # noqa: S105 - a variable name, not a password


@dataclass(frozen=True)
class CalDAVTarget:
    """A CalDAV server and the account to publish with."""

    url: str
    user: str
    password: str = field(repr=False)

    @property
    def where(self) -> str:
        """The server's address without any credentials, for messages."""
        parts = urlsplit(self.url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
        return f"{parts.scheme}://{host}{port}{parts.path}"


def target_from_options(
    url: str | None,
    user: str | None,
    environ: Mapping[str, str],
    ask: Callable[[str], str],
) -> CalDAVTarget | None:
    """The CalDAV target of ``--caldav URL --user U``, or None without them.

    The password comes from the environment variable ROSTER_CALDAV_PASSWORD, else from
    ``ask`` (a hidden prompt): never from the command line, where others could read it.
    """
    if url is None and user is None:
        return None
    if not url or not user:
        raise RosterError(
            "--caldav and --user go together: give both, "
            "e.g. --caldav https://dav.example.org/ --user lead."
        )
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise RosterError(
            "--caldav must be the address of a CalDAV server, e.g. https://dav.example.org/."
        )
    if urlsplit(url).password is not None:
        raise RosterError(
            "--caldav holds a password; give the address without it and put the password in "
            "ROSTER_CALDAV_PASSWORD (or type it when asked)."
        )
    password = environ.get(PASSWORD_VARIABLE) or ask(f"CalDAV password for {user}")
    return CalDAVTarget(url, user, password)


@dataclass
class SyncReport:
    """What a CalDAV synchronisation did."""

    server: str
    calendars: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    removed_calendars: int = 0

    def text(self, locale: str = "en") -> str:
        """One line for the office lead, in ``locale``."""
        line = text(
            locale,
            "publish.sync",
            calendars=self.calendars,
            server=self.server,
            created=self.created,
            updated=self.updated,
            deleted=self.deleted,
            unchanged=self.unchanged,
        )
        if self.removed_calendars:
            line += "; " + plural(locale, "publish.left", self.removed_calendars)
        return line


def calendar_id(feed_id: str) -> str:
    """The CalDAV calendar of a feed: ``roster-<feed id>``, no name in it."""
    return f"{CALENDAR_PREFIX}{feed_id}"


def _version(component: Any) -> tuple[int, str]:
    sequence = int(component.get("sequence", 0))
    dtstamp = component.get("dtstamp")
    return sequence, dtstamp.to_ical().decode() if dtstamp is not None else ""


def _sync_calendar(
    calendar: Any,
    client: Any,
    events: Sequence[PublishedEvent],
    timezone: str,
    years: tuple[int, int],
    report: SyncReport,
) -> None:
    from caldav.calendarobjectresource import Event  # noqa: PLC0415 - optional dependency

    on_server: dict[str, Any] = {}
    for item in calendar.get_events():
        uid = str(item.icalendar_component.get("uid", ""))
        on_server[uid] = item
    wanted = {event.uid: event for event in events}
    for uid, event in wanted.items():
        data = event_ics(event, timezone, years)
        current = on_server.get(uid)
        if current is None:
            url = calendar.url.join(quote(uid, safe="") + ".ics")
            Event(client=client, url=url, parent=calendar).save(raw_data=data)
            report.created += 1
        elif _version(current.icalendar_component) != (
            event.record.sequence,
            event.record.dtstamp,
        ):
            current.save(raw_data=data)
            report.updated += 1
        else:
            report.unchanged += 1
    for uid, item in sorted(on_server.items()):
        if uid not in wanted and uid.endswith(f"@{UID_DOMAIN}"):
            item.delete()
            report.deleted += 1


def _ours(item: Any) -> bool:
    return str(item.icalendar_component.get("uid", "")).endswith(f"@{UID_DOMAIN}")


def _clear_calendar(calendar: Any, report: SyncReport) -> None:
    """Delete roster's events from a former volunteer's calendar, then the calendar if
    nothing else is left in it."""
    events = calendar.get_events()
    ours = sorted(
        (item for item in events if _ours(item)),
        key=lambda item: str(item.icalendar_component.get("uid", "")),
    )
    for item in ours:
        item.delete()
        report.deleted += 1
    if len(ours) == len(events):
        calendar.delete()
        report.removed_calendars += 1


def former_feeds(before: PublicationState | None, feeds: Sequence[PublishedFeed]) -> list[str]:
    """The volunteer feeds ``before`` (the state before this publication) held that are no
    longer published (``feeds`` are the volunteers' feeds now): people who left the team."""
    if before is None:
        return []
    shared = {feed_id(before.key, ref) for ref in (TEAM, GAPS, PUBLIC)}
    current = {feed.feed_id for feed in feeds}
    return sorted(fid for fid in before.feeds if fid not in current and fid not in shared)


def sync_feeds(
    target: CalDAVTarget,
    feeds: Sequence[PublishedFeed],
    timezone: str,
    years: tuple[int, int],
    before: PublicationState | None = None,
) -> SyncReport:
    """Make each feed's CalDAV calendar hold exactly the feed's events, and clear the
    calendars of the volunteer feeds ``before`` held and ``feeds`` no longer do."""
    try:
        from caldav.davclient import DAVClient  # noqa: PLC0415 - optional dependency
        from caldav.lib import error  # noqa: PLC0415
    except ImportError:
        raise RosterError(
            "Publishing to CalDAV needs the caldav package: pip install caldav. "
            "The feeds were published without CalDAV."
        ) from None
    report = SyncReport(server=target.where)
    failed = (
        f"The feeds were published in the office folder, but the CalDAV upload to "
        f"{target.where} failed"
    )
    retry = (
        "Run `roster publish` with --caldav again once it is fixed; it picks up where it stopped."
    )
    try:
        with DAVClient(url=target.url, username=target.user, password=target.password) as dav:
            client: Any = dav  # caldav's own annotations are partial
            principal = client.principal()
            existing = {calendar.id: calendar for calendar in principal.get_calendars()}
            for former in former_feeds(before, feeds):
                if calendar_id(former) in existing:
                    _clear_calendar(existing[calendar_id(former)], report)
            for feed in feeds:
                name = calendar_id(feed.feed_id)
                calendar = existing.get(name) or principal.make_calendar(
                    name=feed.name, cal_id=name
                )
                report.calendars += 1
                _sync_calendar(calendar, client, feed.events, timezone, years, report)
    except error.AuthorizationError:
        raise RosterError(
            f"{failed}: the server did not accept user '{target.user}' with that password. "
            f"Check ROSTER_CALDAV_PASSWORD. {retry}"
        ) from None
    except error.DAVError as exc:
        raise RosterError(
            f"{failed}: the server refused a request ({type(exc).__name__}). {retry}"
        ) from None
    except OSError as exc:
        raise RosterError(
            f"{failed}: could not reach the server ({type(exc).__name__}). {retry}"
        ) from None
    return report
