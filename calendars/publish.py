"""`roster publish`: the plans of the window -> ``DIR/feeds/``, written atomically.

Layout of ``DIR/feeds/`` (see docs/feeds.md):

- ``public.ics``: the public feed (no names);
- ``private/<id>.ics``: every private feed (each volunteer's, the team's, the gaps'),
  where ``<id>`` is an opaque keyed hash of the feed's identity (see
  :func:`calendars.state.feed_id`): no name, id or token in a file name;
- ``state.json``: the publication state (:mod:`calendars.state`);
- ``tokens.json``: hashes of the secret links (:mod:`calendars.tokens`).

The first three are one set that changes as a whole (:func:`calendars.state.feed_files`):
they lie in ``generations/<n>/`` and are links through ``current``, which a publication
switches in one atomic step once the new feeds and their state are completely written. A
run killed at any point, or a full disk, leaves the previous publication as it was, so the
state always matches the feeds that were served and SEQUENCE never goes down.

Everything is computed first and written after, so bad input writes nothing; a feed file
keeps its bytes and modification time (the server's Last-Modified) when they do not
change, and a publication without changes writes nothing at all. ``now`` is injected: the
same plans and state give byte-identical feeds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from calendars.alarms import feed_alarms
from calendars.caldav_sync import CalDAVTarget, SyncReport, sync_feeds
from calendars.events import build_feeds
from calendars.feed_refs import PUBLIC, FeedRef
from calendars.ics import feed_ics
from calendars.state import (
    FEED_LINKS,
    Changes,
    FeedRecord,
    PublicationState,
    PublishedFeed,
    advance_feed,
    feed_files,
    new_key,
    read_state,
    state_path,
)
from calendars.tokens import read_tokens, tokens_path
from roster.domain.errors import RosterError
from roster.domain.files import keep_secret
from roster.domain.month import Month
from roster.domain.office import Office
from roster.domain.office_data import OfficeData, today_in
from roster.planfile.io import plan_path, read_plan
from roster.wording.catalogue import text
from roster.wording.dates import skeleton_text

DEFAULT_BASE_URL = "http://127.0.0.1:8080"


def month_year(month: Month, locale: str) -> str:
    """``Dezember 2026`` / ``December 2026``."""
    return skeleton_text(month.first, "yMMMM", locale)


@dataclass(frozen=True)
class Window:
    """The months the feeds cover: ``months_back`` before the anchor to ``months_ahead`` after."""

    anchor: Month
    months: tuple[Month, ...]

    @classmethod
    def around(cls, office: Office, anchor: Month) -> Window:
        """The window of ``office`` around ``anchor``."""
        first = anchor
        for _ in range(office.feeds.months_back):
            first = first.previous()
        months = [first]
        while len(months) < office.feeds.months_back + 1 + office.feeds.months_ahead:
            months.append(months[-1].next())
        return cls(anchor, tuple(months))

    @property
    def labels(self) -> frozenset[str]:
        """The months as ``YYYY-MM``."""
        return frozenset(str(month) for month in self.months)

    @property
    def years(self) -> tuple[int, int]:
        """First and last year of the window."""
        return self.months[0].year, self.months[-1].year

    def __str__(self) -> str:
        return f"{self.months[0]} to {self.months[-1]}"


def feeds_dir(folder: Path) -> Path:
    """``DIR/feeds``."""
    return folder / "feeds"


def public_path(folder: Path) -> Path:
    """``DIR/feeds/public.ics`` (a link into the current set)."""
    return feeds_dir(folder) / "public.ics"


def private_path(folder: Path, fid: str) -> Path:
    """``DIR/feeds/private/<id>.ics`` (through the link ``private`` into the current set)."""
    return feeds_dir(folder) / "private" / f"{fid}.ics"


def _relative(folder: Path, path: Path) -> str:
    return path.relative_to(feeds_dir(folder)).as_posix()


def base_url(office: Office) -> str:
    """Where the feeds are served: ``feeds.base_url`` or the local ``roster serve``."""
    return (office.feeds.base_url or DEFAULT_BASE_URL).rstrip("/")


@dataclass
class PublishReport:
    """What a publication did."""

    folder: Path
    window: Window
    plans: list[str]
    timezone: str
    public_url: str
    feeds: list[PublishedFeed] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    links: int = 0
    caldav: SyncReport | None = None
    locale: str = "en"

    def feed(self, ref: FeedRef) -> PublishedFeed:
        """The published feed ``ref``."""
        for item in self.feeds:
            if item.ref == ref:
                return item
        raise KeyError(ref.label)

    def text(self, locale: str | None = None) -> str:
        """A short summary for the office lead, in ``locale`` (default: the office's);
        never a token or a private feed's URL."""
        words = locale or self.locale
        people = sum(1 for item in self.feeds if item.ref.kind == "volunteer")
        changes = self.changes
        months = [month_year(month, words) for month in self.window.months]
        planned = [month_year(Month.parse(label), words) for label in self.plans]
        lines = [
            text(words, "publish.done", first=months[0], last=months[-1]),
            "  "
            + text(
                words,
                "publish.plans",
                months=", ".join(planned) or text(words, "publish.no_plans"),
            ),
            "  " + text(words, "publish.feeds", people=people),
            "  "
            + text(
                words,
                "publish.events",
                shown=sum(len(item.events) for item in self.feeds),
                new=changes.new,
                changed=changes.changed,
                cancelled=changes.cancelled,
                removed=changes.removed,
                unchanged=changes.unchanged,
            ),
            "  " + text(words, "publish.written", count=len(self.written)),
            "  " + text(words, "publish.links", count=self.links),
            "  " + text(words, "publish.public", url=self.public_url),
            "  " + text(words, "publish.folder", path=feeds_dir(self.folder)),
            "  "
            + text(
                words,
                "publish.link_hint",
                command=f"roster feeds link {self.folder} VOLUNTEER_ID",
            ),
        ]
        if not self.plans:
            lines.append(
                text(words, "publish.nothing", command=f"roster plan {self.folder} --month MONTH")
            )
        if self.caldav is not None:
            lines.append("  " + text(words, "publish.caldav", text=self.caldav.text(words)))
        return "\n".join(lines) + "\n"


def publish(
    data: OfficeData,
    *,
    now: datetime,
    month: Month | None = None,
    caldav: CalDAVTarget | None = None,
    uid_key: str | None = None,
) -> PublishReport:
    """Publish the feeds of the office's plans (``rotas/``) that lie in the window.

    The window runs from ``feeds.months_back`` months before ``month`` (default: the month
    of ``now`` in the office's zone) to ``feeds.months_ahead`` after it. ``uid_key`` is the
    secret of a first publication (tests fix it); later ones use the key in the state.
    With ``caldav``, each volunteer's events are also put into a CalDAV calendar.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    folder = data.folder
    office = data.office
    anchor = month or Month.of(today_in(office, now))
    if month is not None and not plan_path(folder, month).is_file():
        raise RosterError(
            f"There is no plan for {month} in {folder / 'rotas'}. "
            f"Run `roster plan {folder} --month {month}` first."
        )
    window = Window.around(office, anchor)
    plans = [
        read_plan(plan_path(folder, item))
        for item in window.months
        if plan_path(folder, item).is_file()
    ]
    feed_set = build_feeds(plans, data)
    state = read_state(folder)
    if state is None:
        links = len(read_tokens(folder).links)
        if links:
            raise RosterError(
                f"{state_path(folder)} is missing, but {links} feed links were "
                "handed out; a new state would give every feed a new file and every event a "
                "new UID, so those links would stop working. Restore state.json from a backup "
                "of the office folder, or delete feeds/tokens.json and hand out new links."
            )
        state = PublicationState(key=uid_key or new_key())
    report = PublishReport(
        folder=folder,
        window=window,
        plans=[plan.month for plan in plans],
        timezone=office.timezone,
        public_url=f"{base_url(office)}/public.ics",
        locale=office.locale,
    )
    records: dict[str, FeedRecord] = {}
    files: dict[str, bytes] = {}
    for feed in feed_set.feeds:
        record, update = advance_feed(
            state, feed.ref, feed.events, feed_set.occurrences, window.labels, now
        )
        records[update.feed_id] = record
        path = public_path(folder) if feed.ref == PUBLIC else private_path(folder, update.feed_id)
        content = feed_ics(
            feed.name,
            update.events,
            office.timezone,
            window.years,
            feed_alarms(feed.ref, office),
        )
        files[_relative(folder, path)] = content
        report.feeds.append(
            PublishedFeed(feed.ref, feed.name, path, update.feed_id, update.events, update.changes)
        )
        report.changes.add(update.changes)
    new_state = PublicationState(key=state.key, feeds=dict(sorted(records.items())))
    state_name = _relative(folder, state_path(folder))
    files[state_name] = new_state.to_json().encode("utf-8")

    # The feeds and their state become current together, in one step, or not at all.
    change = feed_files(folder).replace(files, FEED_LINKS)
    home = feeds_dir(folder)
    report.written = [home / name for name in change.changed if name != state_name]
    report.removed = [home / name for name in change.removed if name != state_name]
    keep_secret(tokens_path(folder))
    report.links = len(read_tokens(folder).links)

    if caldav is not None:
        volunteers = [item for item in report.feeds if item.ref.kind == "volunteer"]
        report.caldav = sync_feeds(caldav, volunteers, office.timezone, window.years, state)
    return report
