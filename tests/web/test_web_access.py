"""Who may see what, and the headers of every answer (issue 14, sections 7 and 8): pages
send a visitor who is not logged in to the login page, every API path of the OpenAPI
document answers 401; every answer has the security headers and no-store; errors are plain
pages or problem documents, never a traceback."""

from __future__ import annotations

import logging
import re

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from web_office import ORIGIN

from roster.web.routers import month as month_router
from roster.web.security import CONTENT_SECURITY_POLICY

LOGIN_PATHS = {"/api/session"}
VOLUNTEER_PREFIX = "/api/p/"
"""The volunteers' own API: a page token instead of the lead's login (test_volunteer_*)."""
"""The API's login: the one API path that needs no login."""
PAGES = ("/", "/month/2026-12", "/account", "/changes")


def concrete(path: str) -> str:
    return re.sub(r"\{month\}", "2026-12", path)


def assert_secure_headers(answer: Response) -> None:
    headers = answer.headers
    assert headers["cache-control"] == "no-store", answer.request.url
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"


def test_pages_send_a_visitor_to_the_login_page(client: TestClient) -> None:
    for page in PAGES:
        answer = client.get(page, follow_redirects=False)
        assert answer.status_code == 303, page
        assert answer.headers["location"] == f"/login?next={page}"
        assert_secure_headers(answer)


def test_every_api_path_answers_401_without_login(client: TestClient, logged_in: str) -> None:
    document = client.get("/api/openapi.json").json()
    client.cookies.clear()
    assert client.get("/api/openapi.json").status_code == 401
    checked = 0
    for path, operations in document["paths"].items():
        assert path.startswith("/api/"), path
        if path in LOGIN_PATHS or path.startswith(VOLUNTEER_PREFIX):
            continue
        for method in operations:
            answer = client.request(method.upper(), concrete(path), headers={"Origin": ORIGIN})
            assert answer.status_code == 401, (method, path)
            assert answer.headers["content-type"] == "application/problem+json"
            assert answer.json() == {
                "type": "about:blank",
                "title": "Bitte melden Sie sich an.",
                "status": 401,
                "detail": "Bitte melden Sie sich an.",
            }
            assert_secure_headers(answer)
            checked += 1
    assert checked >= 3
    assert client.delete("/api/session").status_code == 401


def test_every_answer_has_the_security_headers(client: TestClient, logged_in: str) -> None:
    answers = [client.get(page) for page in PAGES]
    answers += [
        client.get("/api/months/2026-12/overview"),
        client.get("/api/changes"),
        client.get("/api/session"),
        client.get("/api/openapi.json"),
        client.get("/static/app.css"),
        client.get("/static/htmx.min.js"),
        client.get("/no-such-page"),
        client.get("/api/no-such-thing"),
        client.get("/month/2026-13"),
        client.post("/account/password", data={}),
    ]
    statuses = {answer.status_code for answer in answers}
    assert statuses == {200, 404, 422, 403}
    for answer in answers:
        assert_secure_headers(answer)


def test_the_pages_load_no_script_inline_and_nothing_from_elsewhere(
    client: TestClient, logged_in: str
) -> None:
    page = client.get("/month/2026-12").text
    assert '<html lang="de">' in page
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.DOTALL)
    assert scripts
    for attributes, body in scripts:
        assert body.strip() == ""
        assert 'src="/static/' in attributes
    assert "http://" not in page
    assert "https://" not in page
    assert " style=" not in page
    assert "<style" not in page
    assert 'href="#main"' in page
    assert 'id="main"' in page


def test_errors_are_plain_pages_and_problems(client: TestClient, logged_in: str) -> None:
    missing = client.get("/no-such-page")
    assert missing.status_code == 404
    assert "Diese Seite gibt es nicht, oder sie ist noch nicht fertig." in missing.text
    problem = client.get("/api/months/2026-13/overview")
    assert problem.status_code == 422
    assert problem.headers["content-type"] == "application/problem+json"
    assert problem.json()["errors"] == [{"field": "month", "message": "Dieser Wert ist ungültig."}]
    assert problem.json()["type"] == "urn:roster:problem:invalid"
    incomplete = client.put("/api/account/password", json={}, headers={"X-CSRF-Token": logged_in})
    assert incomplete.status_code == 422
    assert {item["field"] for item in incomplete.json()["errors"]} == {
        "current_password",
        "new_password",
    }
    assert all(
        item["message"] == "Bitte füllen Sie dieses Feld aus."
        for item in incomplete.json()["errors"]
    )


def test_a_failure_is_a_plain_500_without_traceback_or_data_in_the_log(
    client: TestClient,
    logged_in: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("Frau Amina K., Aktenzeichen 4711")

    monkeypatch.setattr(month_router, "month_overview", broken)
    caplog.set_level(logging.INFO)
    cookie = client.cookies["roster_session"]
    page = client.get("/month/2026-12")
    api = client.get("/api/months/2026-12/overview")
    assert page.status_code == api.status_code == 500
    assert "Etwas ist schiefgegangen. Nichts wurde gespeichert." in page.text
    assert "Traceback" not in page.text
    assert "Amina" not in page.text
    assert api.json()["title"] == "Etwas ist schiefgegangen. Nichts wurde gespeichert."
    assert_secure_headers(page)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "RuntimeError" in logged
    assert "Amina" not in logged
    assert "4711" not in logged
    assert cookie not in logged
    assert logged_in not in logged
