"""CSRF (issue 14, section 5): every POST, PUT, PATCH and DELETE needs the session's token
and must not come from another site; a refused request is 403 with a plain message and
changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from web_office import ORIGIN, PASSWORD, csrf_of

from roster.app.web_files import accounts_path, changes_path
from roster.web.main import LEAD_ROUTERS, LOGIN_ROUTERS

NEW_PASSWORD = "a brand new passphrase"
REFUSED = "Dieses Formular ist zu alt oder kam von einer anderen Seite."


def snapshot(office: Path) -> tuple[bytes, bool]:
    return accounts_path(office).read_bytes(), changes_path(office).exists()


def change_form(token: str | None) -> dict[str, str]:
    data = {"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    if token is not None:
        data["csrf_token"] = token
    return data


@pytest.mark.parametrize(
    ("token", "headers"),
    [
        (None, {"Origin": ORIGIN}),
        ("wrong-token", {"Origin": ORIGIN}),
        ("good", {"Sec-Fetch-Site": "cross-site"}),
        ("good", {"Origin": "https://evil.example"}),
        ("good", {"Origin": "http://testserver"}),  # the same host without HTTPS
        ("good", {"Origin": "null"}),
        ("good", {"Origin": "null", "Sec-Fetch-Site": "same-site"}),
        ("good", {"Origin": ORIGIN, "Sec-Fetch-Site": "same-site"}),
    ],
    ids=[
        "missing",
        "wrong",
        "cross-site",
        "foreign-origin",
        "other-scheme",
        "null-origin",
        "null-origin-same-site",
        "same-site",
    ],
)
def test_a_refused_form_is_403_and_writes_nothing(
    client: TestClient,
    logged_in: str,
    office: Path,
    token: str | None,
    headers: dict[str, str],
) -> None:
    before = snapshot(office)
    sent = logged_in if token == "good" else token
    answer = client.post("/account/password", data=change_form(sent), headers=headers)
    assert answer.status_code == 403
    assert REFUSED in answer.text
    assert snapshot(office) == before


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-CSRF-Token": "wrong-token"},
        {"X-CSRF-Token": "good", "Sec-Fetch-Site": "cross-site"},
        {"X-CSRF-Token": "good", "Origin": "https://evil.example"},
    ],
    ids=["missing", "wrong", "cross-site", "foreign-origin"],
)
def test_a_refused_api_call_is_a_403_problem_and_writes_nothing(
    client: TestClient, logged_in: str, office: Path, headers: dict[str, str]
) -> None:
    before = snapshot(office)
    sent = {name: logged_in if value == "good" else value for name, value in headers.items()}
    answer = client.put(
        "/api/account/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        headers=sent,
    )
    assert answer.status_code == 403
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["status"] == 403
    assert answer.json()["title"].startswith(REFUSED)
    assert snapshot(office) == before


def test_the_right_token_from_the_same_site_is_accepted(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = snapshot(office)
    answer = client.post(
        "/account/password",
        data=change_form(logged_in),
        headers={"Origin": ORIGIN, "Sec-Fetch-Site": "same-origin"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert snapshot(office) != before


def test_a_form_of_the_app_itself_with_a_null_origin_is_accepted(
    client: TestClient, logged_in: str, office: Path
) -> None:
    """With ``Referrer-Policy: no-referrer`` a browser sends ``Origin: null`` with the
    app's own forms; ``Sec-Fetch-Site: same-origin`` says where they come from."""
    before = snapshot(office)
    answer = client.post(
        "/account/password",
        data=change_form(logged_in),
        headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert snapshot(office) != before


def test_the_login_form_needs_its_token_too(client: TestClient) -> None:
    page = client.get("/login")
    token = csrf_of(page.text)
    refused = client.post(
        "/login", data={"account": "v01", "password": PASSWORD, "csrf_token": token + "x"}
    )
    assert refused.status_code == 403
    foreign = client.post(
        "/login",
        data={"account": "v01", "password": PASSWORD, "csrf_token": token},
        headers={"Origin": "https://evil.example"},
    )
    assert foreign.status_code == 403
    assert client.get("/api/months/2026-12/overview").status_code == 401


def test_every_changing_route_checks_the_token(client: TestClient, logged_in: str) -> None:
    """Whatever routes the app grows, each changing one refuses a request without token."""
    changing = [
        (method, route.path)
        for router in (*LOGIN_ROUTERS, *LEAD_ROUTERS)
        for route in router.routes
        if isinstance(route, APIRoute)
        for method in route.methods or ()
        if method in {"POST", "PUT", "PATCH", "DELETE"}
    ]
    assert len(changing) >= 5
    for method, path in changing:
        concrete = path.replace("{month}", "2026-12")
        answer = client.request(method, concrete, headers={"Origin": ORIGIN})
        assert answer.status_code == 403, (method, path)


def test_pages_carry_the_token_for_htmx_in_a_meta_tag(client: TestClient, logged_in: str) -> None:
    page = client.get("/month/2026-12").text
    assert f'<meta name="csrf-token" content="{logged_in}">' in page
    script = client.get("/static/app.js").text
    assert "X-CSRF-Token" in script
    assert 'meta[name="csrf-token"]' in script
