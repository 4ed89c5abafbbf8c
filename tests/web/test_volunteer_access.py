"""Who gets into a volunteer's page (issue 15): the same 404 for unknown and revoked
tokens, throttled guessing, the headers, no token in any log line, and one volunteer's
token never showing another's data."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_office import Clock

from roster.app.page_links import link_page, revoke_page
from roster.folder.load import load_office
from roster.planfile.io import read_plan
from roster.web import volunteer_deps

UNKNOWN = "A" * 43


def _token(office: Path, volunteer: str = "v05") -> str:
    return link_page(office, volunteer, local=True).url.rsplit("/", 1)[1]


def test_unknown_and_revoked_tokens_get_the_404_of_any_unknown_address(
    office: Path, client: TestClient
) -> None:
    old = _token(office)
    assert client.get(f"/p/{old}").status_code == 200
    revoke_page(office, "v05", local=True)
    revoked = client.get(f"/p/{old}")
    unknown = client.get(f"/p/{UNKNOWN}")
    nowhere = client.get("/no-such-page")
    api_revoked = client.get(f"/api/p/{old}")
    api_unknown = client.get(f"/api/p/{UNKNOWN}")
    assert revoked.status_code == unknown.status_code == nowhere.status_code == 404
    assert revoked.content == unknown.content == nowhere.content
    assert api_revoked.status_code == api_unknown.status_code == 404
    assert api_revoked.content == api_unknown.content


def test_answers_carry_no_referrer_and_no_store(office: Path, client: TestClient) -> None:
    token = _token(office)
    for address in (f"/p/{token}", f"/api/p/{token}", f"/p/{UNKNOWN}"):
        answer = client.get(address)
        assert answer.headers["referrer-policy"] == "no-referrer", address
        assert answer.headers["cache-control"] == "no-store", address
        assert "script-src 'self'" in answer.headers["content-security-policy"]


def test_guessing_is_throttled_per_address(office: Path, client: TestClient, clock: Clock) -> None:
    token = _token(office)
    for number in range(5):
        assert client.get(f"/p/{'B' * 42}{number}").status_code == 404
    throttled = client.get(f"/p/{'B' * 42}y")
    assert throttled.status_code == 429
    assert int(throttled.headers["retry-after"]) >= 1
    # Even a right token waits: the address guessed.
    assert client.get(f"/p/{token}").status_code == 429
    clock.advance(int(throttled.headers["retry-after"]))
    assert client.get(f"/p/{token}").status_code == 200


def test_one_token_may_ask_only_so_often(
    office: Path, client: TestClient, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(volunteer_deps, "TOKEN_REQUESTS", 3)
    token = _token(office)
    for _ in range(3):
        assert client.get(f"/api/p/{token}").status_code == 200
    refused = client.get(f"/api/p/{token}")
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "60"
    clock.advance(60)
    assert client.get(f"/api/p/{token}").status_code == 200


def test_no_token_in_any_log_line(
    office: Path, client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    token = _token(office)
    client.get(f"/p/{token}")
    client.get(f"/api/p/{token}?lang=en")
    client.post(f"/p/{token}/calendar", data={"csrf_token": "wrong"})
    client.get(f"/p/{token[:-1]}Z")
    # The test client's own lines (httpx: the request it sends) are not the server's.
    server_lines = [
        record.getMessage() for record in caplog.records if not record.name.startswith("httpx")
    ]
    assert server_lines, "the server logged nothing at all: the check would be empty"
    assert not any(token[:-1] in line for line in server_lines)


def test_a_token_shows_its_own_volunteer_only(office: Path, client: TestClient) -> None:
    data = load_office(office)
    plan = read_plan(office / "rotas" / "2026-12.json")
    for volunteer in ("v05", "v02"):
        answer = client.get(f"/api/p/{_token(office, volunteer)}")
        assert answer.status_code == 200
        page = answer.json()["page"]
        assert page["name"] == data.by_id()[volunteer].name
        planned = sorted(
            session.date.isoformat()
            for session in plan.sessions
            for entry in session.staff
            if entry.volunteer == volunteer
        )
        assert sorted(duty["date"] for duty in page["duties"]) == planned
        html = client.get(f"/p/{_token_of_page(office, volunteer)}").text
        for person in data.volunteers:
            if person.id != volunteer:
                assert person.name not in answer.text, person.name
                assert person.name not in html, person.name


def _token_of_page(office: Path, volunteer: str) -> str:
    return revoke_page(office, volunteer, local=True).url.rsplit("/", 1)[1]


def test_a_former_volunteer_gets_the_404(office: Path, client: TestClient) -> None:
    token = _token(office)
    text = (office / "volunteers.yaml").read_text(encoding="utf-8")
    text = text.replace("    max_per_month: 2\n", "    max_per_month: 2\n    left: 2026-10-31\n", 1)
    (office / "volunteers.yaml").write_text(text, encoding="utf-8")
    assert client.get(f"/p/{token}").content == client.get(f"/p/{UNKNOWN}").content
