"""Small helpers every producer of notices uses, so all messages speak alike.

The API (stable; the producers of every kind import it):

- :func:`say` ``(locale, key, /, **values)``: the text ``notify.<key>`` of the catalogue.
- :func:`say_count` ``(locale, key, count, /, **values)``: ``notify.<key>_one`` or
  ``notify.<key>_other`` for ``count``.
- :func:`locale_for` ``(data, volunteer=None)``: the language of a person's messages
  (the office's: volunteers have no language setting of their own).
- :func:`formatter` ``(data, locale)``: the :class:`~roster.wording.formats.Formatter`
  of the office (dates, times, language names through Babel).
- :func:`day_words` ``(data, day, locale)``: ``Do., 10. Dez.`` / ``Thu, Dec 10``.
- :func:`time_words` ``(data, moment, locale)``: ``14:00`` in the office's zone.
- :func:`span_words` ``(data, start, end, locale)``: ``14:00-16:00 Uhr``.
- :func:`when_words` ``(today, day, locale)``: ``heute``, ``morgen``, ``übermorgen``,
  ``in 5 Tagen`` (``today``, ``tomorrow``, ``in 2 days``).
- :func:`plain_and_html` ``(blocks)``: the plain text and the escaped HTML of a body made
  of paragraphs (a ``str``) and bulleted lists (a ``list``/``tuple`` of ``str``).
- :func:`notice_key` ``(kind, *parts)``: a stable key ``kind/part/part`` whose parts hold
  only the characters a key may hold (others become ``-``).

A notice's body holds no greeting and no footer: :mod:`roster.app.notify.mail` adds both
(the greeting by name, the volunteer's page link, how to switch messages off).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date, datetime

from roster.domain.office_data import OfficeData
from roster.wording.catalogue import Locale, locale_of, plural, text
from roster.wording.formats import Formatter

Block = str | Sequence[str]
"""One block of a body: a paragraph (a ``str``) or a bulleted list (a sequence of
``str``)."""

_UNSAFE = re.compile(r"[^A-Za-z0-9_.:\-]+")


def say(locale: str, key: str, /, **values: object) -> str:
    """The text ``notify.<key>`` in ``locale``, its placeholders filled with ``values``."""
    return text(locale, f"notify.{key}", **values)


def say_count(locale: str, key: str, count: int, /, **values: object) -> str:
    """``notify.<key>_one`` or ``notify.<key>_other`` for ``count`` (``{count}`` filled)."""
    return plural(locale, f"notify.{key}", count, **values)


def locale_for(data: OfficeData, volunteer: str | None = None) -> Locale:
    """The language of a person's messages: the office's (``volunteer`` is accepted so
    that a person's own language can come later without changing the callers)."""
    del volunteer
    return locale_of(data.office.locale)


def formatter(data: OfficeData, locale: str) -> Formatter:
    """The office's formatter in ``locale``: dates, times, language names."""
    return Formatter(locale, data.office.zone, dict(data.office.languages))


def day_words(data: OfficeData, day: date, locale: str) -> str:
    """A date in short words: ``Do., 10. Dez.`` / ``Thu, Dec 10``."""
    return formatter(data, locale).day_short(day)


def time_words(data: OfficeData, moment: datetime, locale: str) -> str:
    """A time of day in the office's zone: ``14:00`` / ``2:00 PM``."""
    return formatter(data, locale).time(moment)


def span_words(data: OfficeData, start: datetime, end: datetime, locale: str) -> str:
    """From and to in the office's zone: ``14:00-16:00 Uhr``."""
    return formatter(data, locale).span(start, end)


def when_words(today: date, day: date, locale: str) -> str:
    """How far ``day`` is from ``today``: ``heute``, ``morgen``, ``übermorgen``,
    ``in 5 Tagen`` (``today``, ``tomorrow``, ``in 2 days``); a day before ``today``
    is ``today`` too (it is never asked for)."""
    days = (day - today).days
    if days <= 0:
        return say(locale, "when_today")
    if days == 1:
        return say(locale, "when_tomorrow")
    if days == 2:
        return say(locale, "when_day_after")
    return say_count(locale, "when_in_days", days)


def plain_and_html(blocks: Sequence[Block]) -> tuple[str, str]:
    """The plain text and the HTML of a body: each ``str`` a paragraph, each sequence of
    ``str`` a bulleted list. Every text is escaped in the HTML; empty blocks are left out.
    """
    plain: list[str] = []
    markup: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            if block.strip():
                plain.append(block)
                markup.append(f"<p>{html.escape(block)}</p>")
            continue
        items = [item for item in block if item.strip()]
        if items:
            plain.append("\n".join(f"- {item}" for item in items))
            rows = "".join(f"<li>{html.escape(item)}</li>" for item in items)
            markup.append(f"<ul>{rows}</ul>")
    return "\n\n".join(plain), "\n".join(markup)


def notice_key(kind: str, *parts: str) -> str:
    """A stable notice key ``kind/part/...``: each part keeps letters, digits and
    ``_ . : -``; anything else becomes ``-``."""
    cleaned = [_UNSAFE.sub("-", part).strip("-") or "-" for part in parts]
    return "/".join([kind, *cleaned])
