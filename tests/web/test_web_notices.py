"""The lead's messages page (issue 16): ``/notices``, ``GET /api/notices`` and "Send now"
(``POST /notices/send``, ``POST /api/notices/send``) against a real SMTP server on
loopback: login and CSRF required; with and without ``mail:``; what is due by name and
subject; "Send now" sends the due messages once and a second press sends nothing; a
refused address is listed with its reason; 409 while another run sends; never client data,
never an address."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient
from filelock import FileLock
from test_web_notices_smtp import MARKER, set_mail, smtp_server
from web_office import ORIGIN, START, Clock, csrf_of, headers, with_markers

from roster.app import poll_admin
from roster.app.notify.sent_log import read_log


def open_poll(office: Path) -> None:
    """Open the December poll on the tests' day."""
    poll_admin.open_poll(office, "2026-12", "2026-11-25", now=START)


def test_login_is_required(client: TestClient) -> None:
    page = client.get("/notices", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"].startswith("/login")
    assert client.get("/api/notices").status_code == 401
    assert client.post("/api/notices/send").status_code in (401, 403)
    sent = client.post("/notices/send", headers={"Origin": ORIGIN}, follow_redirects=False)
    assert sent.status_code in (303, 403)


def test_send_needs_the_csrf_token(office: Path, client: TestClient, logged_in: str) -> None:
    with smtp_server() as (inbox, port):
        set_mail(office, port)
        open_poll(office)
        assert client.post("/api/notices/send", headers={"Origin": ORIGIN}).status_code == 403
        refused = client.post("/notices/send", data={}, headers={"Origin": ORIGIN})
        assert refused.status_code == 403
        assert inbox.messages == []
    assert read_log(office).entries == {}


def test_without_mail_the_page_says_what_to_do(
    office: Path, client: TestClient, logged_in: str
) -> None:
    open_poll(office)
    page = client.get("/notices")
    assert page.status_code == 200
    body = page.text
    assert "<h1>Nachrichten per E-Mail</h1>" in body
    assert "E-Mail ist noch nicht eingerichtet. Das Büro schickt keine Nachrichten." in body
    assert "Die Anleitung „Nachrichten“ sagt, wie." in body
    assert "Die App schickt nicht von selbst." in body
    assert 'action="/notices/send"' not in body
    assert '<a href="/notices" aria-current="page">Nachrichten</a>' in body
    # what would go out, by name and subject
    assert "4 Nachrichten würden jetzt rausgehen:" in body
    assert "<td>Andreas Vogel</td><td>Einladung zur Umfrage</td>" in body
    assert "Umfrage für Dezember bis Mi., 25. Nov.: Tippen Sie Ihre Tage an" in body
    assert "Alle im Team haben eine E-Mail-Adresse." in body
    assert "@example.org" not in body
    answer = client.post("/api/notices/send", headers=headers(logged_in))
    assert answer.status_code == 422
    assert "nicht eingerichtet" in answer.json()["detail"]


def test_other_pages_link_to_it(client: TestClient, logged_in: str) -> None:
    body = client.get("/team").text
    assert '<li><a href="/notices">Nachrichten</a></li>' in body


def test_send_now_sends_the_due_messages_once(
    office: Path, client: TestClient, logged_in: str
) -> None:
    markers = with_markers(office, MARKER)
    assert markers > 0
    open_poll(office)
    with smtp_server() as (inbox, port):
        set_mail(office, port)
        page = client.get("/notices").text
        assert "E-Mail ist eingerichtet. Das Büro schickt Nachrichten." in page
        assert "Noch nichts gesendet." in page
        answer = client.post(
            "/notices/send",
            data={"csrf_token": csrf_of(page)},
            headers={"Origin": ORIGIN},
            follow_redirects=False,
        )
        assert answer.status_code == 303
        assert answer.headers["location"] == "/notices?sent=4&failed=0"
        assert sorted(inbox.recipients()) == [
            "Andreas Vogel <v27@example.org>",
            "Birgit Sommer <v01@example.org>",
            "Heike Brandt <v03@example.org>",
            "Karim Mansour <v02@example.org>",
        ]
        subjects = sorted(str(message["Subject"]) for message in inbox.messages)
        assert subjects == [
            "Das Büro am Fr., 20. Nov.: 1 Umfrage offen, 1 Lücke",
            "Das Büro am Fr., 20. Nov.: 1 Umfrage offen, 1 Lücke",
            "Das Büro am Fr., 20. Nov.: 1 Umfrage offen, 1 Lücke",
            "Umfrage für Dezember bis Mi., 25. Nov.: Tippen Sie Ihre Tage an",
        ]
        result = client.get(answer.headers["location"]).text
        assert '<div class="message result" role="status">' in result
        assert "<p>4 Nachrichten gesendet.</p>" in result
        assert "Gerade ist nichts fällig." in result
        assert "<td>Fr., 20. Nov. 2026, 10:00</td><td>Andreas Vogel</td>" in result
        # a second press sends nothing
        again = client.post(
            "/notices/send",
            data={"csrf_token": csrf_of(result)},
            headers={"Origin": ORIGIN},
            follow_redirects=False,
        )
        assert again.headers["location"] == "/notices?sent=0&failed=0"
        nothing = client.get(again.headers["location"]).text
        assert "<p>Es war nichts fällig. Nichts wurde gesendet.</p>" in nothing
        assert len(inbox.messages) == 4
        for message in inbox.messages:
            assert MARKER not in message.as_string()
        for answer_text in (result, client.get("/api/notices").text):
            assert MARKER not in answer_text
            assert "@example.org" not in answer_text
    statuses = {key: entry.status for key, entry in read_log(office).entries.items()}
    assert list(statuses.values()) == ["sent"] * 4


def test_a_refused_address_is_listed_with_its_reason(
    office: Path, client: TestClient, logged_in: str
) -> None:
    open_poll(office)
    with smtp_server() as (inbox, port):
        set_mail(office, port)
        inbox.refuse_recipient("v27@example.org")
        answer = client.post("/api/notices/send", headers=headers(logged_in))
        assert answer.status_code == 200, answer.text
        report = answer.json()
        assert [item["name"] for item in report["failed"]] == ["Andreas Vogel"]
        assert len(report["sent"]) == 3
        assert len(inbox.messages) == 3
        page = client.get("/notices").text
        assert "Andreas Vogel" in page.split('id="failed-h"')[1].split('id="sent-h"')[0]
        assert (
            "Der Mail-Server nimmt die Adresse nicht an. 1 Versuch. Der nächste Lauf versucht "
            "es wieder."
        ) in page
        view = client.get("/api/notices").json()
        assert [line["name"] for line in view["failed"]] == ["Andreas Vogel"]
        assert view["due"][0]["name"] == "Andreas Vogel"  # tried again on the next run


def test_the_api_shows_the_same_as_the_page(
    office: Path, client: TestClient, logged_in: str, clock: Clock
) -> None:
    open_poll(office)
    with smtp_server() as (_, port):
        set_mail(office, port, every_minutes=15)
        clock.moment = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
        view = client.get("/api/notices").json()
    assert view["mail_on"] is True
    assert view["locale"] == "de"
    assert [(line["name"], line["kind"]) for line in view["due"]] == [
        ("Andreas Vogel", "poll_invitation"),
        ("Birgit Sommer", "digest"),
        ("Karim Mansour", "digest"),
        ("Heike Brandt", "digest"),
    ]
    assert view["no_address"] == []
    assert view["sent"] == [] and view["failed"] == []
    assert set(view["due"][0]) == {"kind", "kind_text", "name", "subject"}
    # the test client runs the app's lifespan: the schedule runs every 15 minutes
    assert view["schedule"]["every_minutes"] == 15


def test_people_without_an_address_are_named(
    office: Path, client: TestClient, logged_in: str
) -> None:
    path = office / "volunteers.yaml"
    content = path.read_text(encoding="utf-8")
    for volunteer in ("v08", "v12"):
        content = content.replace(f"    email: {volunteer}@example.org\n", "")
    path.write_text(content, encoding="utf-8")
    body = client.get("/notices").text
    section = body.split('id="address-h"')[1].split("</section>")[0]
    assert re.findall(r"<li>([^<]+)</li>", section) == ["Leonie Hartmann", "Maryam Hosseini"]


def test_busy_while_another_run_sends(office: Path, client: TestClient, logged_in: str) -> None:
    open_poll(office)
    with smtp_server() as (inbox, port):
        set_mail(office, port)
        (office / "notices").mkdir(exist_ok=True)
        with FileLock(str(office / "notices" / "sending.lock"), timeout=0):
            answer = client.post("/api/notices/send", headers=headers(logged_in))
            assert answer.status_code == 409
            page = client.get("/notices").text
            busy = client.post(
                "/notices/send", data={"csrf_token": csrf_of(page)}, headers={"Origin": ORIGIN}
            )
            assert busy.status_code == 409
            assert "Gerade werden Nachrichten gesendet." in busy.text
        assert inbox.messages == []
