"""Poll invitations (when a month's poll opens) and reminders (M days before its deadline,
to who has not answered).

A poll is open from the day the lead opens it (``web/polls.json``,
:func:`roster.app.polls.read_polls`) to its last day ``until``, unless closed early. While
it is open, each volunteer who is with the office on that day and in the poll's month and
has not answered yet is due an invitation (key ``poll_invitation/<month>/<id>``); from
``poll_reminder_days`` before ``until`` on, a reminder (key ``poll_reminder/<month>/<id>``).
Who answered: anyone with a row in the month's poll file, as the lead's overview counts
("12 of 30 answered"). Nothing after the deadline, nothing to who has left.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from roster.app.notify.model import Kind, Notice, NotifyContext
from roster.app.notify.words import (
    formatter,
    locale_for,
    notice_key,
    plain_and_html,
    say,
)
from roster.app.polls import PollEntry, read_polls
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.domain.team import Volunteer


def answered(data: OfficeData, month: Month) -> set[str]:
    """The ids of the volunteers with answers in the month's poll file."""
    return {volunteer for volunteer, _ in data.availability.get(month, {})}


def asked(data: OfficeData, month: Month) -> list[Volunteer]:
    """The volunteers a month's poll asks (with the office on its first day), by id."""
    chosen = [person for person in data.volunteers if person.with_office_on(month.first)]
    return sorted(chosen, key=lambda person: person.id)


def _open_polls(ctx: NotifyContext) -> Iterator[tuple[PollEntry, Month]]:
    for entry in sorted(read_polls(ctx.folder).polls, key=lambda item: item.month):
        if entry.open_on(ctx.today):
            yield entry, Month.parse(entry.month)


def _waiting(ctx: NotifyContext, month: Month, kind: Kind) -> list[Volunteer]:
    done = answered(ctx.data, month)
    return [
        person
        for person in asked(ctx.data, month)
        if person.with_office_on(ctx.today) and person.id not in done and ctx.wants(person.id, kind)
    ]


def _notice(
    ctx: NotifyContext, entry: PollEntry, month: Month, person: Volunteer, kind: Kind
) -> Notice:
    locale = locale_for(ctx.data, person.id)
    words = formatter(ctx.data, locale)
    name = words.month_name(month)
    day = words.day_short(entry.until)
    prefix = "poll_invitation" if kind == "poll_invitation" else "poll_reminder"
    how = "poll_on_page" if ctx.page_url(person.id) else "poll_no_page"
    plain, markup = plain_and_html(
        [
            say(locale, f"{prefix}_intro", month=name),
            say(locale, "poll_until", day=words.day_full(entry.until)),
            say(locale, how),
        ]
    )
    return Notice(
        key=notice_key(kind, str(month), person.id),
        kind=kind,
        volunteer=person.id,
        subject=say(locale, f"{prefix}_subject", month=name, day=day),
        text=plain,
        html=markup,
    )


def due_poll_invitations(ctx: NotifyContext) -> list[Notice]:
    """An invitation to each volunteer not yet answered, for every poll open today."""
    return [
        _notice(ctx, entry, month, person, "poll_invitation")
        for entry, month in _open_polls(ctx)
        for person in _waiting(ctx, month, "poll_invitation")
    ]


def due_poll_reminders(ctx: NotifyContext) -> list[Notice]:
    """A reminder to each volunteer not yet answered, from ``poll_reminder_days`` before
    the deadline to the deadline."""
    lead_time = timedelta(days=ctx.settings.poll_reminder_days)
    return [
        _notice(ctx, entry, month, person, "poll_reminder")
        for entry, month in _open_polls(ctx)
        if ctx.today >= entry.until - lead_time
        for person in _waiting(ctx, month, "poll_reminder")
    ]
