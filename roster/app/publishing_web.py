"""The page *Publish and print* of a month (``/publish/{month}``) and its API: the state of
the month's calendars, and publishing them; with the printouts
(:mod:`roster.app.publishing_files`) and the calendar links (:mod:`roster.app.handout`)
it makes the whole page.

Publishing is :func:`roster.app.feeds.publish_month`, the very job of `roster publish
--month`, run under the folder lock with the web app's wait and recorded in the change
log. What it did comes back in the office's words: the duties that are new, changed,
cancelled or went to someone else, all together and per person (by name).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from calendars.publish import PublishReport
from calendars.state import feed_files, read_state
from roster.app.changelog import record_change, when_text
from roster.app.clock import month_or_next
from roster.app.feeds import publish_month
from roster.app.guard import reading, writing
from roster.app.handout import LinkList, links_of
from roster.app.publishing_files import (
    COMMAND,
    PrintList,
    month_words,
    not_planned,
    plan_of,
    print_list,
    say,
)
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office
from roster.planfile.io import plan_path
from roster.wording.catalogue import plural
from roster.wording.dates import skeleton_text

COUNTS = ("new", "changed", "cancelled", "removed")
"""What a publication counts, in the order the page says it."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class PublishState(_Model):
    """Whether the month is planned and published, in words."""

    month: str = Field(description="YYYY-MM")
    month_text: str = Field(description="the month in words")
    planned: bool = Field(description="the month has a plan")
    planned_on: date | None = Field(default=None, description="the plan's planning date")
    planned_text: str | None = Field(default=None, description="the planning date in words")
    published: bool = Field(description="the calendars hold the month's plan as it is now")
    outdated: bool = Field(description="the calendars hold an older plan of the month")
    changed_at: datetime | None = Field(
        default=None, description="when the month's calendars last changed"
    )
    text: str = Field(description="the state in words")


class PersonChanges(_Model):
    """What a publication changed in one person's calendar."""

    name: str
    new: int = Field(ge=0)
    changed: int = Field(ge=0)
    cancelled: int = Field(ge=0)
    removed: int = Field(ge=0, description="duties that went to someone else")
    text: str = Field(description="the changes in words")


class PublishResult(_Model):
    """What publishing changed in the volunteers' calendars."""

    month: str = Field(description="YYYY-MM")
    month_text: str
    new: int = Field(ge=0, description="new duties, all people together")
    changed: int = Field(ge=0, description="changed duties")
    cancelled: int = Field(ge=0, description="cancelled duties")
    removed: int = Field(ge=0, description="duties that went to someone else")
    lines: list[str] = Field(description="the counts in words (none when nothing changed)")
    text: str = Field(description="the result in one sentence")
    people: list[PersonChanges] = Field(description="whose calendar changed, by name")


class PublishPage(_Model):
    """Everything the page *Publish and print* shows."""

    state: PublishState
    printouts: PrintList
    links: LinkList


def _last_change(data: OfficeData, month: Month) -> tuple[datetime | None, bool]:
    """When the month's calendars last changed, and whether the feeds are newer than the
    month's plan file."""
    try:
        state = read_state(data.folder)
    except RosterError:
        return None, False
    if state is None:
        return None, False
    stamps = [
        record.last_modified
        for feed in state.feeds.values()
        for record in feed.events.values()
        if record.month == str(month)
    ]
    if not stamps:
        return None, False
    latest = datetime.strptime(max(stamps), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    state_file = feed_files(data.folder).member("state.json")
    path = plan_path(data.folder, month)
    newer = path.is_file() and state_file.stat().st_mtime >= path.stat().st_mtime
    return latest.astimezone(data.office.zone), newer


def _state(data: OfficeData, month: Month) -> PublishState:
    locale = data.office.locale
    plan = plan_of(data.folder, month)
    changed_at, newer = _last_change(data, month)
    published = plan is not None and changed_at is not None and newer
    outdated = plan is not None and changed_at is not None and not newer
    if published and changed_at is not None:
        words = say(locale, "publish_state_published", when=when_text(changed_at, locale))
    elif outdated:
        words = say(locale, "publish_state_outdated")
    else:
        words = say(locale, "publish_state_never")
    return PublishState(
        month=str(month),
        month_text=month_words(month, locale),
        planned=plan is not None,
        planned_on=plan.as_of if plan else None,
        planned_text=say(
            locale, "publish_planned_on", day=skeleton_text(plan.as_of, "yMMMd", locale)
        )
        if plan
        else None,
        published=published,
        outdated=outdated,
        changed_at=changed_at,
        text=words,
    )


def _counted(counts: dict[str, int], locale: str) -> list[str]:
    return [
        plural(locale, f"web.publish_result_{name}", counts[name])
        for name in COUNTS
        if counts[name]
    ]


def _result(report: PublishReport, data: OfficeData, month: Month) -> PublishResult:
    locale = data.office.locale
    names = {person.id: person.name for person in data.volunteers}
    totals = dict.fromkeys(COUNTS, 0)
    people: list[PersonChanges] = []
    for feed in report.feeds:
        if feed.ref.kind != "volunteer":
            continue
        counts = {name: int(getattr(feed.changes, name)) for name in COUNTS}
        for name in COUNTS:
            totals[name] += counts[name]
        if not any(counts.values()) or feed.ref.volunteer not in names:
            continue
        name = names[feed.ref.volunteer or ""]
        changes = ", ".join(_counted(counts, locale))
        people.append(
            PersonChanges(
                name=name,
                **counts,
                text=say(locale, "publish_result_person", name=name, changes=changes),
            )
        )
    lines = _counted(totals, locale)
    return PublishResult(
        month=str(month),
        month_text=month_words(month, locale),
        **totals,
        lines=lines,
        text=", ".join(lines) + "." if lines else say(locale, "publish_result_none"),
        people=sorted(people, key=lambda person: person.name.casefold()),
    )


def publish_calendars(
    folder: Path,
    month: Month | str,
    *,
    who: str,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> PublishResult:
    """Publish the calendars around ``month`` (as `roster publish --month` does) and say
    what changed in the volunteers' calendars; a month without a plan: :class:`RosterError`
    and nothing published."""
    folder = Path(folder)
    chosen = Month.parse(str(month))
    with writing(folder, COMMAND, wait=lock_wait):
        data = load_office(folder)
        if plan_of(folder, chosen) is None:
            raise not_planned(data, chosen)
        report = publish_month(folder, chosen, now=now)
        result = _result(report, data, chosen)
        record_change(
            folder,
            who,
            "web.publish_done",
            month=chosen,
            now=now,
            lock_wait=lock_wait,
            month_name=result.month_text,
            new=result.new,
            changed=result.changed,
            cancelled=result.cancelled,
        )
    return result


def publish_page(
    folder: Path, month: Month | str | None, *, now: datetime | None = None
) -> PublishPage:
    """The page *Publish and print* of ``month`` (default: next month)."""
    with reading():
        data = load_office(Path(folder))
        chosen = month_or_next(data.office, month, now)
        return PublishPage(
            state=_state(data, chosen),
            printouts=print_list(data, chosen),
            links=links_of(data),
        )
