"""Who may use the Team page (issue 14, sections 5 and 7): without a login the pages send
the visitor to the login page and the API answers 401; a changing request without the
session's CSRF token, with a wrong one or from another site is 403; none of them writes
anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_office import ORIGIN

from roster.app.web_files import changes_path

PERSON: dict[str, object] = {
    "name": "Jonas Neu",
    "roles": ["counsellor"],
    "languages": {"de": "native"},
}
FORM = {
    "id": "v31",
    "name": "Jonas Neu",
    "roles": "counsellor",
    "language": "de",
    "level": "native",
    "max_per_month": "3",
}
PAGE_POSTS = ("/team/new", "/team/v05", "/team/v05/leave", "/team/v05/return")
API_CALLS: tuple[tuple[str, str, dict[str, object] | None], ...] = (
    ("POST", "/api/team", PERSON),
    ("PUT", "/api/team/v05", PERSON),
    ("POST", "/api/team/v05/leave", {"last_day": "2026-11-30"}),
    ("POST", "/api/team/v05/return", None),
)


def snapshot(office: Path) -> tuple[bytes, bool]:
    return (office / "volunteers.yaml").read_bytes(), changes_path(office).exists()


@pytest.mark.parametrize("page", ["/team", "/team/new", "/team/v05"])
def test_the_pages_send_a_visitor_to_the_login_page(client: TestClient, page: str) -> None:
    answer = client.get(page, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/login?next={page}"


def test_nothing_changes_without_a_login(client: TestClient, office: Path) -> None:
    before = snapshot(office)
    for page in PAGE_POSTS:
        answer = client.post(page, data=FORM, follow_redirects=False)
        assert answer.status_code == 303, page
        assert answer.headers["location"] == f"/login?next={page}"
    assert client.get("/api/team").status_code == 401
    assert client.get("/api/team/v05").status_code == 401
    for method, path, body in API_CALLS:
        answer = client.request(method, path, json=body, headers={"Origin": ORIGIN})
        assert answer.status_code == 401, path
        assert answer.headers["content-type"] == "application/problem+json"
    assert snapshot(office) == before


@pytest.mark.parametrize(
    ("token", "headers"),
    [
        (None, {"Origin": ORIGIN}),
        ("wrong-token", {"Origin": ORIGIN}),
        ("good", {"Origin": "https://evil.example"}),
        ("good", {"Sec-Fetch-Site": "cross-site"}),
    ],
    ids=["missing", "wrong", "foreign-origin", "cross-site"],
)
def test_a_refused_request_is_403_and_writes_nothing(
    client: TestClient,
    logged_in: str,
    office: Path,
    token: str | None,
    headers: dict[str, str],
) -> None:
    before = snapshot(office)
    sent = logged_in if token == "good" else token
    for page in PAGE_POSTS:
        form = dict(FORM) if sent is None else {**FORM, "csrf_token": sent}
        answer = client.post(page, data=form, headers=headers, follow_redirects=False)
        assert answer.status_code == 403, page
        assert "Nichts wurde gespeichert." in answer.text
    for method, path, body in API_CALLS:
        api_headers = dict(headers) if sent is None else {**headers, "X-CSRF-Token": sent}
        answer = client.request(method, path, json=body, headers=api_headers)
        assert answer.status_code == 403, path
        assert answer.headers["content-type"] == "application/problem+json"
    assert snapshot(office) == before


def test_with_the_token_the_same_requests_go_through(
    client: TestClient, logged_in: str, office: Path
) -> None:
    """The requests refused above are no requests that fail anyway."""
    before = snapshot(office)
    for page in PAGE_POSTS:
        answer = client.post(page, data={**FORM, "csrf_token": logged_in}, follow_redirects=False)
        assert answer.status_code == 303, (page, answer.text)
    for method, path, body in API_CALLS:
        answer = client.request(method, path, json=body, headers={"X-CSRF-Token": logged_in})
        assert answer.status_code in (200, 201), (path, answer.text)
    assert snapshot(office) != before
