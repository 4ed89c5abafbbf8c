"""A notice as an e-mail: headers, the page link and List-Unsubscribe, escaping, no header
injection through a name; and the helpers every producer shares."""

from __future__ import annotations

import email
from datetime import UTC, date, datetime
from email import policy
from pathlib import Path
from typing import Any

import pytest

from roster.app.notify import run
from roster.app.notify.mail import email_of, message_id
from roster.app.notify.model import Notice
from roster.app.notify.run import notify
from roster.app.notify.words import notice_key, plain_and_html, when_words
from roster.domain.errors import RosterError
from roster.folder.load import load_office

NOW = datetime(2026, 12, 8, 6, 0, tzinfo=UTC)
PAGE = "https://dienstplan.example.org/p/tok-v05"


def _notice(key: str = "reminder/v05/2026-12-10/open_hours-1400-counsellor") -> Notice:
    text, html = plain_and_html(["Sie haben <morgen> Dienst.", ["a & b", "c"]])
    return Notice(
        key=key,
        kind="reminder",
        volunteer="v05",
        subject="Dienst morgen",
        text=text,
        html=html,
        calendar=b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
    )


def _plain(message: email.message.EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def _html(message: email.message.EmailMessage) -> str:
    body = message.get_body(preferencelist=("html",))
    assert body is not None
    return str(body.get_content())


def test_a_message_with_a_page_link_has_list_unsubscribe_and_the_link_in_the_footer(
    mail_office: Path,
) -> None:
    data = load_office(mail_office)
    person = data.by_id()["v05"]

    message = email_of(_notice(), data, person, PAGE, NOW)

    assert message["List-Unsubscribe"] == f"<{PAGE}>"
    assert message["List-Unsubscribe-Post"] is None
    assert message["To"] == "Thomas Weber <v05@example.org>"
    plain = _plain(message)
    assert plain == (
        "Hallo Thomas Weber,\n\nSie haben <morgen> Dienst.\n\n- a & b\n- c\n\n-- \n"
        f"Ihre eigene Seite: {PAGE}\n"
        "Auf Ihrer Seite können Sie diese Nachrichten abschalten.\n"
        "Diese Nachricht hat IHLA Integrationsbüro im Rathaus Velbert automatisch gesendet.\n"
    )
    html = _html(message)
    assert "<p>Sie haben &lt;morgen&gt; Dienst.</p>" in html
    assert "<li>a &amp; b</li>" in html
    assert f'<a href="{PAGE}">{PAGE}</a>' in html
    attachment = next(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_filename() == "Dienst 2026-12-10.ics"


def test_a_message_without_a_page_link_says_to_ask_the_office(mail_office: Path) -> None:
    data = load_office(mail_office)

    message = email_of(_notice(), data, data.by_id()["v05"], None, NOW)

    assert message["List-Unsubscribe"] is None
    assert "Bitte fragen Sie im Büro nach dem Link zu Ihrer eigenen Seite." in _plain(message)
    assert "/p/" not in message.as_string()


def test_the_message_id_is_stable_per_notice(mail_office: Path) -> None:
    data = load_office(mail_office)
    person = data.by_id()["v05"]

    first = email_of(_notice(), data, person, None, NOW)
    again = email_of(_notice(), data, person, None, NOW.replace(hour=9))
    other = email_of(_notice("reminder/v05/2026-12-17/x"), data, person, None, NOW)

    assert first["Message-ID"] == again["Message-ID"]
    assert first["Message-ID"] != other["Message-ID"]
    assert str(first["Message-ID"]).endswith("@ihla.example.org>")
    assert message_id("a/b", "Büro <x@y.example>") == message_id("a/b", "x@y.example")


def test_a_name_with_a_line_break_cannot_add_a_header(mail_office: Path) -> None:
    data = load_office(mail_office)
    person = data.by_id()["v05"].model_copy(
        update={"name": "Eve\r\nBcc: victim@evil.example\nX-Evil: 1"}
    )
    notice = _notice().model_copy(update={"subject": "Hi\nBcc: other@evil.example"})

    message = email_of(notice, data, person, None, NOW)
    raw = message.as_bytes()

    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert parsed["Bcc"] is None
    assert parsed["X-Evil"] is None
    assert [a.addr_spec for a in parsed["To"].addresses] == ["v05@example.org"]
    assert b"\nBcc:" not in raw


def test_a_name_with_a_line_break_in_the_folder_is_refused_or_harmless(
    reminder_office: Path, smtp_server: Any
) -> None:
    volunteers = reminder_office / "volunteers.yaml"
    text = volunteers.read_text(encoding="utf-8")
    volunteers.write_text(
        text.replace("name: Thomas Weber", 'name: "Thomas\\r\\nBcc: victim@evil.example"'),
        encoding="utf-8",
    )
    try:
        notify(reminder_office, today=date(2026, 12, 8), now=NOW)
    except RosterError:
        assert smtp_server.messages == []  # the folder check refused the name
        return
    for message in smtp_server.messages:
        assert message["Bcc"] is None
    assert [e for e in smtp_server.envelopes if "victim@evil.example" in e] == []


def test_the_page_link_of_the_office_reaches_the_message(
    reminder_office: Path, smtp_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def link(data: object, volunteer: str, *, now: datetime | None = None) -> str | None:
        del data, now
        return f"https://dienstplan.example.org/p/tok-{volunteer}" if volunteer == "v05" else None

    monkeypatch.setattr(run, "page_url", link)

    notify(reminder_office, today=date(2026, 12, 8), now=NOW)

    by_address = {m["To"].addresses[0].addr_spec: m for m in smtp_server.messages}
    assert by_address["v05@example.org"]["List-Unsubscribe"] == f"<{PAGE}>"
    assert PAGE in _plain(by_address["v05@example.org"])
    assert by_address["v19@example.org"]["List-Unsubscribe"] is None
    for address, message in by_address.items():
        if address != "v05@example.org":
            assert "tok-v05" not in message.as_string()


def test_the_shared_helpers() -> None:
    assert when_words(date(2026, 12, 8), date(2026, 12, 8), "de") == "heute"
    assert when_words(date(2026, 12, 8), date(2026, 12, 9), "de") == "morgen"
    assert when_words(date(2026, 12, 8), date(2026, 12, 10), "de") == "übermorgen"
    assert when_words(date(2026, 12, 8), date(2026, 12, 13), "de") == "in 5 Tagen"
    assert when_words(date(2026, 12, 8), date(2026, 12, 10), "en") == "in 2 days"
    assert when_words(date(2026, 12, 8), date(2026, 12, 9), "en") == "tomorrow"
    assert plain_and_html(["<a>", [], ["x", " "], ""]) == (
        "<a>\n\n- x",
        "<p>&lt;a&gt;</p>\n<ul><li>x</li></ul>",
    )
    assert notice_key("gap_alert", "v05", "2026-12-10|open 14:00") == (
        "gap_alert/v05/2026-12-10-open-14:00"
    )
