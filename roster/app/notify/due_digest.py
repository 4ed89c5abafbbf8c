"""The leads' digest: step-in requests waiting, polls not answered, gaps in the next two
weeks.

Once a day (key ``digest/<lead>/<date>``), to each volunteer with the lead role who has an
e-mail address, is with the office and takes the digest, and only when there is
something: requests of volunteers waiting (:func:`roster.app.duty_requests.pending_requests`),
polls open with who has not answered yet (by name), gaps of the next 14 days. No link
token: the lead logs into the web app, whose address (``feeds.base_url``) it names if set.
"""

from __future__ import annotations

from datetime import timedelta

from roster.app.duty_requests import RequestLine, pending_requests
from roster.app.notify.due_gaps import need_words
from roster.app.notify.due_polls import answered, asked
from roster.app.notify.gap_finder import Gap, gaps_between
from roster.app.notify.model import Notice, NotifyContext
from roster.app.notify.words import (
    Block,
    day_words,
    formatter,
    locale_for,
    notice_key,
    plain_and_html,
    say,
    say_count,
    span_words,
)
from roster.app.page_links import page_base
from roster.app.polls import PollEntry, read_polls
from roster.domain.month import Month

DIGEST_DAYS = 14
"""The digest lists the gaps of this many days from today."""


def _poll_blocks(ctx: NotifyContext, entry: PollEntry, locale: str) -> list[Block]:
    month = Month.parse(entry.month)
    words = formatter(ctx.data, locale)
    people = asked(ctx.data, month)
    done = answered(ctx.data, month)
    missing = sorted((p.name for p in people if p.id not in done), key=str.casefold)
    heading = say(
        locale,
        "digest_poll_heading",
        month=words.month_name(month),
        day=words.day_short(entry.until),
        answered=len(people) - len(missing),
        volunteers=len(people),
    )
    if not missing:
        return [heading]
    return [heading, say(locale, "digest_poll_missing", names=", ".join(missing))]


def _gap_line(ctx: NotifyContext, gap: Gap, locale: str) -> str:
    return say(
        locale,
        "digest_gap_line",
        day=day_words(ctx.data, gap.session.date, locale),
        time=span_words(ctx.data, gap.session.start, gap.session.end, locale),
        need=need_words(ctx.data, gap, locale)[0],
    )


def _body(
    ctx: NotifyContext,
    requests: list[RequestLine],
    polls: list[PollEntry],
    gaps: list[Gap],
    locale: str,
) -> tuple[str, str, str]:
    parts: list[str] = []
    blocks: list[Block] = []
    if requests:
        parts.append(say_count(locale, "digest_requests", len(requests)))
        blocks += [say(locale, "digest_requests_heading"), [line.text for line in requests]]
    if polls:
        parts.append(say_count(locale, "digest_polls", len(polls)))
        for entry in polls:
            blocks += _poll_blocks(ctx, entry, locale)
    if gaps:
        parts.append(say_count(locale, "digest_gaps", len(gaps)))
        blocks += [say(locale, "digest_gaps_heading"), [_gap_line(ctx, g, locale) for g in gaps]]
    base = page_base(ctx.data.office)
    if base is not None:
        blocks.append(say(locale, "digest_app", url=base))
    subject = say(
        locale,
        "digest_subject",
        day=day_words(ctx.data, ctx.today, locale),
        parts=", ".join(parts),
    )
    plain, markup = plain_and_html(blocks)
    return subject, plain, markup


def due_digest(ctx: NotifyContext) -> list[Notice]:
    """Today's digest for each lead with an e-mail address, when there is something."""
    leads = [
        person
        for person in sorted(ctx.data.volunteers, key=lambda item: item.id)
        if "lead" in person.roles
        and person.email
        and person.with_office_on(ctx.today)
        and ctx.wants(person.id, "digest")
    ]
    if not leads:
        return []
    requests = pending_requests(ctx.folder)
    polls = sorted(
        (entry for entry in read_polls(ctx.folder).polls if entry.open_on(ctx.today)),
        key=lambda entry: entry.month,
    )
    last = ctx.today + timedelta(days=DIGEST_DAYS - 1)
    gaps = gaps_between(ctx.folder, ctx.now, ctx.today, last)
    if not (requests or polls or gaps):
        return []
    notices: list[Notice] = []
    for lead in leads:
        locale = locale_for(ctx.data, lead.id)
        subject, plain, markup = _body(ctx, requests, polls, gaps, locale)
        notices.append(
            Notice(
                key=notice_key("digest", lead.id, ctx.today.isoformat()),
                kind="digest",
                volunteer=lead.id,
                subject=subject,
                text=plain,
                html=markup,
            )
        )
    return notices
