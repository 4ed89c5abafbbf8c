"""Gap alerts: a gap less than K days ahead, to volunteers who could step in (at most the
office's cap per gap).

A gap is an uncovered need of a session in the current plan (after a give-back, a late
absence, or since planning) on a day less than ``gap_days`` ahead, in a session that has
not started. It goes to the volunteers the step-in page would offer it to
(:mod:`roster.app.notify.gap_finder`), at most ``gap_cap`` per gap, fewest duties in the
month first, then by id. Key ``gap_alert/<date>/<session>/<need>/<id>``: each volunteer
hears of each gap once.
"""

from __future__ import annotations

from roster.app.duty_requests import PageWords
from roster.app.notify.gap_finder import Gap, Helper, gaps_between, helpers, horizon
from roster.app.notify.model import Notice, NotifyContext
from roster.app.notify.words import (
    day_words,
    formatter,
    locale_for,
    notice_key,
    plain_and_html,
    say,
    span_words,
)
from roster.domain.office_data import OfficeData
from roster.domain.team import Volunteer


def need_words(data: OfficeData, gap: Gap, locale: str) -> tuple[str, str]:
    """What the gap misses, standing alone and inside a sentence: ``Tigrinya``,
    ``Beratung`` / ``eine Berater:in``."""
    if gap.need.need == "language" and gap.need.language:
        name = formatter(data, locale).language(gap.need.language)
        return name, name
    kind = "counsellors" if gap.need.need == "counsellors" else "lead"
    return say(locale, f"gap_need_{kind}"), say(locale, f"gap_need_{kind}_lower")


def _notice(ctx: NotifyContext, gap: Gap, helper: Helper) -> Notice:
    data = ctx.data
    person = helper.person
    locale = locale_for(data, person.id)
    need, need_lower = need_words(data, gap, locale)
    day = day_words(data, gap.session.date, locale)
    time = span_words(data, gap.session.start, gap.session.end, locale)
    duty = PageWords(data, locale).duty(helper.place).text
    how = "gap_on_page" if ctx.page_url(person.id) else "gap_no_page"
    confirms = data.office.volunteers.step_in != "at_once" and how == "gap_on_page"
    plain, markup = plain_and_html(
        [
            say(locale, "gap_intro", day=day, time=time, need_lower=need_lower),
            say(locale, "gap_you", duty=duty),
            say(locale, how) + (" " + say(locale, "gap_lead_confirms") if confirms else ""),
        ]
    )
    return Notice(
        key=notice_key(
            "gap_alert", gap.session.date.isoformat(), gap.session.id, gap.need_id, person.id
        ),
        kind="gap_alert",
        volunteer=person.id,
        subject=say(locale, "gap_subject", need=need, day=day),
        text=plain,
        html=markup,
    )


def due_gap_alerts(ctx: NotifyContext) -> list[Notice]:
    """Every gap alert due on ``ctx.today``: per gap of the next ``gap_days`` days, to at
    most ``gap_cap`` volunteers who could step in."""
    days = ctx.settings.gap_days
    if days == 0:
        return []

    def asked(person: Volunteer) -> bool:
        return person.with_office_on(ctx.today) and ctx.wants(person.id, "gap_alert")

    notices: list[Notice] = []
    for gap in gaps_between(ctx.folder, ctx.now, ctx.today, horizon(ctx.today, days)):
        chosen = helpers(
            ctx.folder, ctx.data, gap, ctx.today, cap=ctx.settings.gap_cap, asked=asked
        )
        notices.extend(_notice(ctx, gap, helper) for helper in chosen)
    return notices
