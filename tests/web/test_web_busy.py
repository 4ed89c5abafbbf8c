"""Two writers (issue 14, section 8): while another run holds the office folder's lock, a
saving request answers 409 "someone else is saving; try again in a moment" and writes
nothing; problems of the input are 422 with the field they belong to."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from web_office import ORIGIN, PASSWORD, login

from roster.app.web_files import accounts_path, changes_path
from roster.domain.lock import folder_lock

NEW = "another long secret"
BUSY = "Gerade speichert jemand anderes; versuchen Sie es gleich noch einmal."


def test_a_busy_folder_is_409_and_nothing_is_written(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = accounts_path(office).read_bytes()
    with folder_lock(office, "roster plan"):
        api = client.put(
            "/api/account/password",
            json={"current_password": PASSWORD, "new_password": NEW},
            headers={"X-CSRF-Token": logged_in, "Origin": ORIGIN},
        )
        page = client.post(
            "/account/password",
            data={"current_password": PASSWORD, "new_password": NEW, "csrf_token": logged_in},
            headers={"Origin": ORIGIN},
        )
    assert api.status_code == 409
    assert api.headers["content-type"] == "application/problem+json"
    assert api.json()["type"] == "urn:roster:problem:busy"
    assert api.json()["detail"] == BUSY
    assert page.status_code == 409
    assert BUSY in page.text
    assert accounts_path(office).read_bytes() == before
    assert not changes_path(office).exists()
    # Once the other run has finished, the same request goes through.
    again = client.put(
        "/api/account/password",
        json={"current_password": PASSWORD, "new_password": NEW},
        headers={"X-CSRF-Token": logged_in, "Origin": ORIGIN},
    )
    assert again.status_code == 204
    assert accounts_path(office).read_bytes() != before


def test_wrong_input_is_422_with_the_field_and_nothing_is_written(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = accounts_path(office).read_bytes()
    api = client.put(
        "/api/account/password",
        json={"current_password": "not my password", "new_password": "short"},
        headers={"X-CSRF-Token": logged_in},
    )
    assert api.status_code == 422
    assert (
        api.json()["detail"] == "Nichts wurde gespeichert. Bitte korrigieren Sie, was markiert ist."
    )
    assert api.json()["errors"] == [
        {"field": "current_password", "message": "Das ist nicht Ihr bisheriges Passwort."},
        {"field": "new_password", "message": "Das Passwort braucht mindestens 10 Zeichen."},
    ]
    page = client.post(
        "/account/password",
        data={"current_password": PASSWORD, "new_password": "short", "csrf_token": logged_in},
    )
    assert page.status_code == 422
    assert 'id="new_password-error">Das Passwort braucht mindestens 10 Zeichen.<' in page.text
    assert 'id="current_password-error"' not in page.text
    assert accounts_path(office).read_bytes() == before
    assert not changes_path(office).exists()


def test_a_new_password_ends_the_other_sessions(
    client: TestClient, logged_in: str, web_app: object
) -> None:
    other = TestClient(client.app, base_url=str(client.base_url))
    login(other)
    assert other.get("/api/months/2026-12/overview").status_code == 200
    changed = client.put(
        "/api/account/password",
        json={"current_password": PASSWORD, "new_password": NEW},
        headers={"X-CSRF-Token": logged_in},
    )
    assert changed.status_code == 204
    assert client.get("/api/months/2026-12/overview").status_code == 200
    assert other.get("/api/months/2026-12/overview").status_code == 401
