"""A :class:`~roster.app.notify.model.Notice` as an e-mail, with the standard library.

From the office's sender (``mail.sender``), to the volunteer by name and address; a
plain-text part and an HTML alternative, both opening with a greeting by name and closing
with a footer: the volunteer's own page link and how to switch the messages off there (or,
without a link, to ask the office for it); the duty's ``.ics`` file when the notice has
one. ``Message-ID`` is derived from the notice's key (the same message, the same id on
every run: a mail program shows a message sent twice after a killed run only once);
``Auto-Submitted: auto-generated`` keeps away automatic answers; ``List-Unsubscribe``
points to the volunteer's own page, only when there is one (the page switches the messages
off with a plain form, not a one-click POST, so no ``List-Unsubscribe-Post``).

Names and subjects are put on one line first (:func:`one_line`), and :mod:`email` itself
refuses a header value with a line break: no name or subject can add a header.
"""

from __future__ import annotations

import hashlib
import html
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

from roster.app.notify.model import Notice
from roster.app.notify.words import locale_for, say
from roster.domain.errors import RosterError
from roster.domain.office_data import OfficeData
from roster.domain.team import Volunteer

FALLBACK_DOMAIN = "roster.invalid"
"""The Message-ID's domain when the sender has none."""


def message_id(key: str, sender: str) -> str:
    """``<hash-of-key@sender's domain>``: stable for the same notice."""
    address = parseaddr(sender)[1]
    domain = address.rpartition("@")[2] or FALLBACK_DOMAIN
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    return f"<{digest}@{domain}>"


def one_line(value: str) -> str:
    """``value`` on one line: line breaks and other control characters become spaces, so
    no name or subject can add a header."""
    return " ".join("".join(" " if ch < " " or ch == "\x7f" else ch for ch in value).split())


def _footer(data: OfficeData, locale: str, page_url: str | None) -> list[str]:
    lines = (
        [say(locale, "footer_page", url=page_url), say(locale, "footer_switch_off")]
        if page_url
        else [say(locale, "footer_no_page")]
    )
    return [*lines, say(locale, "footer_sender", office=data.office.name)]


def _html(locale: str, greeting: str, body: str, footer: list[str], page_url: str | None) -> str:
    parts = [f"<p>{html.escape(greeting)}</p>", body, "<hr>"]
    for line in footer:
        escaped = html.escape(line)
        if page_url:
            url = html.escape(page_url)
            escaped = escaped.replace(url, f'<a href="{url}">{url}</a>')
        parts.append(f'<p style="color:#555;font-size:90%">{escaped}</p>')
    inner = "\n".join(parts)
    return (
        f'<!DOCTYPE html>\n<html lang="{locale}">\n<head><meta charset="utf-8"></head>\n'
        f"<body>\n{inner}\n</body>\n</html>\n"
    )


def email_of(
    notice: Notice,
    data: OfficeData,
    person: Volunteer,
    page_url: str | None,
    now: datetime,
) -> EmailMessage:
    """The e-mail of ``notice`` to ``person`` (who must have an address), dated ``now``.

    :class:`RosterError` without ``mail:`` in office.yaml or without the person's address.
    """
    mail = data.office.mail
    locale = locale_for(data, person.id)
    if mail is None:
        raise RosterError(say(locale, "no_mail"))
    if person.email is None:
        raise ValueError("email_of needs a person with an e-mail address")
    greeting = say(locale, "greeting", name=one_line(person.name))
    footer = _footer(data, locale, page_url)
    message = EmailMessage()
    message["From"] = mail.sender
    user, _, domain = person.email.rpartition("@")
    message["To"] = Address(display_name=one_line(person.name), username=user, domain=domain)
    message["Subject"] = one_line(notice.subject)
    message["Date"] = format_datetime(now.astimezone(data.office.zone))
    message["Message-ID"] = message_id(notice.key, mail.sender)
    message["Auto-Submitted"] = "auto-generated"
    if page_url:
        message["List-Unsubscribe"] = f"<{page_url}>"
    plain = "\n\n".join([greeting, notice.text, "-- \n" + "\n".join(footer)]) + "\n"
    message.set_content(plain, subtype="plain", charset="utf-8")
    message.add_alternative(
        _html(locale, greeting, notice.html, footer, page_url), subtype="html", charset="utf-8"
    )
    if notice.calendar is not None:
        message.add_attachment(
            notice.calendar,
            maintype="text",
            subtype="calendar",
            params={"method": "PUBLISH", "charset": "utf-8"},
            filename=say(locale, "calendar_file", day=_day_of(notice.key)),
        )
    return message


def _day_of(key: str) -> str:
    """The first date (YYYY-MM-DD) in a notice key, for the attachment's file name."""
    for part in key.split("/"):
        if len(part) == 10 and part[4:5] == "-" and part[7:8] == "-":
            return part
    return "roster"
