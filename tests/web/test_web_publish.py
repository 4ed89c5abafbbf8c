"""Publish and print, the calendars (issue 14, page 7): the page says whether the month is
planned and published; "Publish the calendars" writes the feeds, says what changed (new,
changed, cancelled duties, and for whom) and records it in the change log; a month without
a plan says it must be planned first and publishes nothing. Who may do it: a logged-in
lead, with the CSRF token."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_office import ORIGIN

from roster.app.web_files import changes_path
from roster.domain.lock import folder_lock
from roster.web.security import CONTENT_SECURITY_POLICY

FIRST = "93 neue Dienste."
NOTHING = "Seit der letzten Veröffentlichung hat sich kein Dienst geändert."
BUSY = "Gerade speichert jemand anderes; versuchen Sie es gleich noch einmal."


@pytest.fixture(autouse=True)
def html_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """No WeasyPrint: printing stays fast."""
    monkeypatch.setitem(sys.modules, "weasyprint", None)


def last_change(office: Path) -> dict[str, object]:
    line = changes_path(office).read_text(encoding="utf-8").splitlines()[-1]
    change: dict[str, object] = json.loads(line)
    return change


def section(page: str, name: str) -> str:
    """The text of one section of the page, tags stripped and spaces squeezed."""
    found = re.search(rf'<section id="{name}".*?</section>', page, flags=re.DOTALL)
    assert found is not None, name
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(0)).split())


def test_the_page_says_the_month_is_planned_and_not_published(
    client: TestClient, logged_in: str
) -> None:
    answer = client.get("/publish/2026-12")
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "no-store"
    page = answer.text
    assert "<h1>Veröffentlichen und drucken: Dezember 2026</h1>" in page
    assert '<link rel="stylesheet" href="/static/publish.css">' in page
    calendars = section(page, "calendars")
    assert "Geplant am 25. Nov. 2026. Noch nicht veröffentlicht." in calendars
    assert "Kalender veröffentlichen" in calendars
    assert 'action="/publish/2026-12/publish"' in page
    assert 'href="/publish/2026-12" aria-current="page"' in page
    assert " style=" not in page
    assert "<script>" not in page


def test_publishing_writes_the_feeds_and_says_what_changed(
    client: TestClient, logged_in: str, office: Path
) -> None:
    assert not (office / "feeds").exists()
    answer = client.post(
        "/publish/2026-12/publish", data={"csrf_token": logged_in}, follow_redirects=False
    )
    assert answer.status_code == 303
    target = answer.headers["location"]
    assert re.fullmatch(r"/publish/2026-12\?note=[\w-]+#calendars", target)
    assert (
        (office / "feeds" / "public.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    )
    assert client.get("/public.ics").status_code == 200
    calendars = section(client.get(target).text, "calendars")
    assert "Veröffentlicht. Die Kalender dieses Monats haben sich zuletzt am Fr., 20. Nov. " in (
        calendars
    )
    assert f"Ergebnis {FIRST} Änderungen für diese Personen:" in calendars
    assert "Birgit Sommer: 3 neue Dienste" in calendars
    assert "Karim Mansour: 4 neue Dienste" in calendars
    assert last_change(office) == {
        "time": "2026-11-20T10:00:00+01:00",
        "who": "v01",
        "key": "web.publish_done",
        "params": {"month_name": "Dezember 2026", "new": 93, "changed": 0, "cancelled": 0},
        "month": "2026-12",
    }
    changes = client.get("/api/changes").json()
    assert changes[0]["what"] == (
        "Kalender für Dezember 2026 veröffentlicht: 93 neu, 0 geändert, 0 abgesagt."
    )
    # The note belongs to this session and this redirect only.
    assert "Ergebnis" not in client.get("/publish/2026-12").text
    assert "Ergebnis" not in client.get("/publish/2026-12?note=made-up").text


def test_a_second_publication_changes_nothing(
    client: TestClient, logged_in: str, office: Path
) -> None:
    headers = {"X-CSRF-Token": logged_in}
    first = client.post("/api/months/2026-12/publish", headers=headers)
    assert first.status_code == 200
    assert first.json()["new"] == 93
    assert first.json()["text"] == FIRST
    feed = (office / "feeds" / "public.ics").read_bytes()
    second = client.post("/api/months/2026-12/publish", headers=headers)
    assert second.status_code == 200
    assert second.json() == {
        "month": "2026-12",
        "month_text": "Dezember 2026",
        "new": 0,
        "changed": 0,
        "cancelled": 0,
        "removed": 0,
        "lines": [],
        "text": NOTHING,
        "people": [],
    }
    assert (office / "feeds" / "public.ics").read_bytes() == feed
    page = client.post("/publish/2026-12/publish", data={"csrf_token": logged_in})
    assert page.status_code == 200
    assert f"Ergebnis {NOTHING}" in section(page.text, "calendars")
    assert "Änderungen für diese Personen" not in page.text


def test_a_plan_made_after_the_publication_asks_to_publish_again(
    client: TestClient, logged_in: str, office: Path
) -> None:
    client.post("/api/months/2026-12/publish", headers={"X-CSRF-Token": logged_in})
    plan = office / "rotas" / "2026-12.json"
    plan.write_bytes(plan.read_bytes())
    newer = (office / "feeds" / "state.json").stat().st_mtime + 5
    os.utime(plan, (newer, newer))
    calendars = section(client.get("/publish/2026-12").text, "calendars")
    assert "Der Plan hat sich nach der letzten Veröffentlichung geändert." in calendars


def test_a_month_without_a_plan_must_be_planned_first(
    client: TestClient, logged_in: str, office: Path
) -> None:
    page = client.get("/publish/2027-01").text
    assert "Januar 2027 ist noch nicht geplant. Planen Sie den Monat zuerst" in page
    assert '<a href="/plan/2027-01">Januar 2027 planen</a>' in page
    assert 'action="/publish/2027-01/publish"' not in page
    assert 'action="/publish/2027-01/print"' not in page
    refused = client.post("/publish/2027-01/publish", data={"csrf_token": logged_in})
    assert refused.status_code == 422
    assert '<p class="message error" role="alert">Januar 2027 ist noch nicht geplant.' in (
        refused.text
    )
    api = client.post("/api/months/2027-01/publish", headers={"X-CSRF-Token": logged_in})
    assert api.status_code == 422
    assert api.headers["content-type"] == "application/problem+json"
    assert api.json()["detail"].startswith("Januar 2027 ist noch nicht geplant.")
    assert not (office / "feeds").exists()
    assert not changes_path(office).exists()


def test_a_month_that_is_no_month_is_422(client: TestClient, logged_in: str) -> None:
    assert client.get("/publish/2026-13").status_code == 422
    answer = client.post("/api/months/26-12/publish", headers={"X-CSRF-Token": logged_in})
    assert answer.status_code == 422
    assert answer.json()["errors"] == [{"field": "month", "message": "Dieser Wert ist ungültig."}]


PAGES = (
    "/publish/2026-12",
    "/publish/2026-12/files/rota-2026-12.html",
)
FORMS = (
    "/publish/2026-12/publish",
    "/publish/2026-12/print",
    "/publish/2026-12/handout/v02",
    "/publish/2026-12/revoke/v02",
)
API = (
    ("POST", "/api/months/2026-12/publish"),
    ("POST", "/api/months/2026-12/print"),
    ("GET", "/api/months/2026-12/print"),
    ("GET", "/api/volunteers/links"),
    ("POST", "/api/volunteers/v02/link"),
    ("DELETE", "/api/volunteers/v02/link"),
)


def test_without_login_pages_go_to_the_login_and_the_api_answers_401(
    client: TestClient, office: Path
) -> None:
    for path in PAGES:
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == 303, path
        assert answer.headers["location"] == f"/login?next={path}"
    token = client.get("/api/session").json()["csrf_token"]
    for path in FORMS:
        answer = client.post(
            path, data={"csrf_token": token, "confirm": "yes"}, follow_redirects=False
        )
        assert answer.status_code == 303, path
        assert answer.headers["location"].startswith("/login?next=")
    for method, path in API:
        answer = client.request(method, path, headers={"X-CSRF-Token": token, "Origin": ORIGIN})
        assert answer.status_code == 401, (method, path)
        assert answer.headers["content-type"] == "application/problem+json"
    assert not (office / "feeds").exists()
    assert not (office / "print").exists()


@pytest.mark.parametrize("token", [None, "wrong-token"], ids=["missing", "wrong"])
def test_without_the_csrf_token_nothing_is_done(
    client: TestClient, logged_in: str, office: Path, token: str | None
) -> None:
    data = {"confirm": "yes"} | ({"csrf_token": token} if token else {})
    for path in FORMS:
        answer = client.post(path, data=data)
        assert answer.status_code == 403, path
        assert "Dieses Formular ist zu alt oder kam von einer anderen Seite." in answer.text
    headers = {"X-CSRF-Token": token} if token else {}
    for method, path in API:
        if method == "GET":
            continue
        answer = client.request(method, path, headers=headers)
        assert answer.status_code == 403, (method, path)
        assert answer.headers["content-type"] == "application/problem+json"
    assert not (office / "feeds").exists()
    assert not (office / "print").exists()
    assert not changes_path(office).exists()


def test_a_busy_folder_is_409_and_nothing_is_published(
    client: TestClient, logged_in: str, office: Path
) -> None:
    with folder_lock(office, "roster plan"):
        page = client.post("/publish/2026-12/publish", data={"csrf_token": logged_in})
        api = client.post("/api/months/2026-12/publish", headers={"X-CSRF-Token": logged_in})
    assert page.status_code == 409
    assert f'<p class="message error" role="alert">{BUSY}</p>' in page.text
    assert api.status_code == 409
    assert api.json()["detail"] == BUSY
    assert not (office / "feeds").exists()
    assert not changes_path(office).exists()


def test_the_answers_carry_the_security_headers(client: TestClient, logged_in: str) -> None:
    answers = [
        client.get("/publish/2026-12"),
        client.post("/api/months/2026-12/publish", headers={"X-CSRF-Token": logged_in}),
        client.post("/publish/2026-12/publish", data={"csrf_token": logged_in}),
    ]
    for answer in answers:
        assert answer.status_code == 200
        assert answer.headers["cache-control"] == "no-store"
        assert answer.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_the_page_in_english(client: TestClient, logged_in: str, office: Path) -> None:
    rules = office / "office.yaml"
    rules.write_text(
        rules.read_text(encoding="utf-8").replace("locale: de ", "locale: en "), encoding="utf-8"
    )
    client.post("/api/months/2026-12/publish", headers={"X-CSRF-Token": logged_in})
    page = client.get("/publish/2026-12").text
    assert "<h1>Publish and print: December 2026</h1>" in page
    assert "Planned on Nov 25, 2026. Published." in section(page, "calendars")
