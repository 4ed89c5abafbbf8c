"""Who may see and answer a volunteer's poll: only with their live page token (an unknown
or revoked token gets the 404 of any unknown address), no lead's login needed; a change
needs the page's CSRF token and a same-site request, else 403 and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_volunteer_poll import ALL_SIX, POLL, csrf, form, open_poll, token_of
from web_office import ORIGIN, changes

from roster.app.page_links import revoke_page


def test_no_lead_login_is_needed_and_unknown_tokens_get_404(
    office: Path, client: TestClient
) -> None:
    open_poll(office)
    token = token_of(office)
    assert client.get(f"/p/{token}/poll").status_code == 200
    assert client.get(f"/api/p/{token}/poll/2026-12").status_code == 200
    unknown = "x" * 43
    assert client.get(f"/p/{unknown}/poll").status_code == 404
    assert client.get(f"/api/p/{unknown}/poll/2026-12").status_code == 404
    put = client.put(f"/api/p/{unknown}/poll/2026-12", json={"answers": ALL_SIX})
    assert put.status_code == 404
    revoke_page(office, "v05", local=True)
    assert client.get(f"/p/{token}/poll").status_code == 404
    assert client.get(f"/api/p/{token}/poll/2026-12").status_code == 404
    assert changes(office) == []


@pytest.mark.parametrize(
    ("sent", "origin"),
    [(None, ORIGIN), ("wrong", ORIGIN), ("right", "https://evil.example")],
    ids=["no token", "wrong token", "another site"],
)
def test_a_change_without_the_page_csrf_is_refused(
    office: Path, client: TestClient, sent: str | None, origin: str
) -> None:
    open_poll(office)
    token = token_of(office)
    right = csrf(client, token)
    value = right if sent == "right" else sent
    before = (office / POLL).read_bytes()
    fields = form(token, value or "", ALL_SIX)
    if value is None:
        del fields["csrf_token"]
    page = client.post(f"/p/{token}/poll", data=fields, headers={"Origin": origin})
    assert page.status_code == 403
    headers = {"Origin": origin} | ({"X-CSRF-Token": value} if value else {})
    api = client.put(f"/api/p/{token}/poll/2026-12", json={"answers": ALL_SIX}, headers=headers)
    assert api.status_code == 403
    assert (office / POLL).read_bytes() == before
    assert changes(office) == []


def test_another_volunteers_token_cannot_answer_for_them(office: Path, client: TestClient) -> None:
    open_poll(office)
    mine, theirs = token_of(office, "v05"), token_of(office, "v06")
    before = (office / POLL).read_bytes()
    refused = client.put(
        f"/api/p/{theirs}/poll/2026-12",
        json={"answers": ALL_SIX},
        headers={"X-CSRF-Token": csrf(client, mine), "Origin": ORIGIN},
    )
    assert refused.status_code == 403
    assert (office / POLL).read_bytes() == before


def test_a_folder_with_problems_shows_no_file_content(office: Path, client: TestClient) -> None:
    open_poll(office)
    token = token_of(office)
    right = csrf(client, token)
    before = (office / POLL).read_bytes()
    (office / "appointments" / "2026-12.yaml").write_text(
        "appointments: [CLIENT-SECRET-MARKER\n", encoding="utf-8"
    )
    seen = client.get(f"/p/{token}/poll")
    assert seen.status_code == 503
    assert "Diese Seite kann gerade nicht gezeigt werden." in seen.text
    saved = client.put(
        f"/api/p/{token}/poll/2026-12",
        json={"answers": ALL_SIX},
        headers={"X-CSRF-Token": right, "Origin": ORIGIN},
    )
    assert saved.status_code == 503
    for answer in (seen, saved):
        assert "MARKER" not in answer.text
        assert str(office) not in answer.text
        assert "appointments" not in answer.text
    assert (office / POLL).read_bytes() == before


def test_a_wrong_month_is_refused(office: Path, client: TestClient) -> None:
    token = token_of(office)
    assert client.get(f"/api/p/{token}/poll/2026-13").status_code == 422
    assert client.get(f"/p/{token}/poll?month=december").status_code == 422
