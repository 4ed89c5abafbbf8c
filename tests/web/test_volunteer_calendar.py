"""A volunteer makes their own calendar link on their page (issue 15): shown once, the old
one stops working, the change log names no link; CSRF refused; no address, no link."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_office import ORIGIN, START, csrf_of

from calendars.tokens import tokens_path
from roster.app import publish_month
from roster.app.feeds import link_feed
from roster.app.page_links import link_page
from roster.app.web_files import changes_path

ADDRESS = "https://dienstplan.example.org"


@pytest.fixture
def published(office: Path) -> Path:
    """The office with its public address and published calendars."""
    with (office / "office.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f'feeds: {{base_url: "{ADDRESS}"}}\n')
    publish_month(office, "2026-12", now=START)
    return office


def _token(office: Path, volunteer: str = "v05") -> str:
    return link_page(office, volunteer).url.rsplit("/", 1)[1]


def _written(office: Path) -> tuple[bytes, bytes]:
    """The feed links' hashes and the change log, as they are now."""

    def read(path: Path) -> bytes:
        return path.read_bytes() if path.exists() else b""

    return read(tokens_path(office)), read(changes_path(office))


def test_a_new_calendar_link_is_shown_once_and_the_old_one_stops(
    published: Path, client: TestClient
) -> None:
    old = link_feed(published, "v05", now=START).url.rsplit("/", 1)[1]
    assert client.get(f"/{old}").status_code == 200
    token = _token(published)
    page = client.get(f"/p/{token}")
    assert "Meinen Kalender-Link holen" in page.text
    answer = client.post(
        f"/p/{token}/calendar",
        data={"csrf_token": csrf_of(page.text), "lang": "en"},
        headers={"Origin": ORIGIN},
    )
    assert answer.status_code == 200, answer.text
    assert answer.headers["cache-control"] == "no-store"
    found = re.search(r"webcal://dienstplan\.example\.org/([A-Za-z0-9_-]{43}\.ics)", answer.text)
    assert found is not None
    assert "<svg" in answer.text
    assert "Your old calendar link no longer works." in answer.text
    assert client.get(f"/{old}").status_code == 404
    assert client.get(f"/{found.group(1)}").status_code == 200
    lines = changes_path(published).read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])
    assert (last["who"], last["key"]) == ("v05", "volunteer.calendar_change")
    assert found.group(1)[:-4] not in changes_path(published).read_text(encoding="utf-8")


def test_the_api_makes_the_same_link(published: Path, client: TestClient) -> None:
    token = _token(published)
    csrf = client.get(f"/api/p/{token}").json()["csrf_token"]
    answer = client.post(f"/api/p/{token}/calendar", headers={"X-CSRF-Token": csrf})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["url"].startswith(ADDRESS + "/")
    assert body["webcal"] == "webcal://" + body["url"].split("://", 1)[1]
    assert body["name"] == "Thomas Weber"


@pytest.mark.parametrize(
    ("form", "headers"),
    [
        ({}, {}),
        ({"csrf_token": "0" * 64}, {}),
        ("right", {"Sec-Fetch-Site": "cross-site"}),
        ("other", {}),
    ],
)
def test_a_change_without_the_pages_csrf_token_is_refused(
    published: Path,
    client: TestClient,
    form: dict[str, str] | str,
    headers: dict[str, str],
) -> None:
    token = _token(published)
    other = _token(published, "v02")
    sent: dict[str, str] = form if isinstance(form, dict) else {}
    if form == "right":
        sent = {"csrf_token": csrf_of(client.get(f"/p/{token}").text)}
    elif form == "other":  # another volunteer's page token
        sent = {"csrf_token": csrf_of(client.get(f"/p/{other}").text)}
    before = _written(published)
    answer = client.post(f"/p/{token}/calendar", data=sent, headers=headers)
    assert answer.status_code == 403
    assert _written(published) == before
    api = client.post(f"/api/p/{token}/calendar", headers={"X-CSRF-Token": "x", **headers})
    assert api.status_code == 403
    assert _written(published) == before


def test_without_an_address_the_page_says_so_and_makes_nothing(
    office: Path, client: TestClient
) -> None:
    token = link_page(office, "v05", local=True).url.rsplit("/", 1)[1]
    page = client.get(f"/p/{token}")
    assert "Kalender-Links sind noch nicht eingerichtet" in page.text
    assert 'action="/p/' not in page.text
    csrf = client.get(f"/api/p/{token}").json()["csrf_token"]
    answer = client.post(f"/p/{token}/calendar", data={"csrf_token": csrf})
    assert answer.status_code == 422
    assert "Kalender-Links sind noch nicht eingerichtet" in answer.text
    assert not tokens_path(office).exists()
    assert not changes_path(office).exists()
