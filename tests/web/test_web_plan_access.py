"""Who may plan, and what a wrong request gets (issue 14, page 5): without a login the
plan pages send the visitor to the login page and the API answers 401; a changing request
without its CSRF token is refused (403); a wrong choice or a wrong month is 422 with the
plain message next to its field; a folder with problems starts no planning. In none of
these cases does a planning start or a file change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_office import ORIGIN

from roster.app.plan_jobs import planning_job, running_job, stop_all_jobs
from roster.app.web_files import changes_path

PAGES = ("/plan/2026-12", "/plan/2026-12/progress")
API = (
    ("POST", "/api/months/2026-12/plan"),
    ("GET", "/api/months/2026-12/plan/job"),
    ("DELETE", "/api/months/2026-12/plan/job"),
    ("GET", "/api/months/2026-12/plan"),
)
REFUSED = (
    "Dieses Formular ist zu alt oder kam von einer anderen Seite. Nichts wurde gespeichert. "
    "Laden Sie die Seite neu und versuchen Sie es noch einmal."
)


@pytest.fixture(autouse=True)
def no_job_left() -> Iterator[None]:
    """No planning process outlives its test."""
    yield
    stop_all_jobs()


def snapshot(office: Path) -> dict[str, bytes]:
    """Every file of the office folder (its lock files aside), by name."""
    return {
        str(path.relative_to(office)): path.read_bytes()
        for path in sorted(office.rglob("*"))
        if path.is_file() and not path.name.startswith(".roster.lock")
    }


def test_without_login_pages_go_to_the_login_page_and_the_api_answers_401(
    client: TestClient, office: Path
) -> None:
    before = snapshot(office)
    for page in PAGES:
        answer = client.get(page, follow_redirects=False)
        assert answer.status_code == 303, page
        assert answer.headers["location"] == f"/login?next={page}"
    for page in ("/plan/2026-12", "/plan/2026-12/cancel"):
        answer = client.post(page, data={"thoroughness": "quick"}, follow_redirects=False)
        assert answer.status_code == 303, page
        assert answer.headers["location"].startswith("/login?next=")
    for method, path in API:
        answer = client.request(method, path, headers={"Origin": ORIGIN})
        assert answer.status_code == 401, (method, path)
        assert answer.json()["detail"] == "Bitte melden Sie sich an."
    assert running_job(office) is None
    assert snapshot(office) == before


def test_a_changing_request_without_its_token_is_refused(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = snapshot(office)
    attempts = [
        client.post("/plan/2026-12", data={"thoroughness": "quick"}),
        client.post("/plan/2026-12", data={"thoroughness": "quick", "csrf_token": "wrong"}),
        client.post("/plan/2026-12/cancel", data={}),
        client.post("/api/months/2026-12/plan", json={}),
        client.post("/api/months/2026-12/plan", json={}, headers={"X-CSRF-Token": "wrong"}),
        client.delete("/api/months/2026-12/plan/job"),
        client.post(
            "/plan/2026-12",
            data={"thoroughness": "quick", "csrf_token": logged_in},
            headers={"Origin": "https://elsewhere.example"},
        ),
    ]
    for answer in attempts:
        assert answer.status_code == 403, answer.request.url
        assert REFUSED in answer.text
    assert planning_job(office, "2026-12") is None
    assert running_job(office) is None
    assert snapshot(office) == before


def test_a_wrong_choice_is_422_next_to_its_field_and_starts_nothing(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = snapshot(office)
    page = client.post("/plan/2026-12", data={"thoroughness": "forever", "csrf_token": logged_in})
    assert page.status_code == 422
    assert 'id="thoroughness-error">Wählen Sie schnell oder gründlich.</span>' in page.text
    assert '<fieldset aria-describedby="thoroughness-error">' in page.text
    assert 'value="quick" checked aria-invalid="true"' in page.text
    api = client.post(
        "/api/months/2026-12/plan",
        json={"thoroughness": "forever"},
        headers={"X-CSRF-Token": logged_in},
    )
    assert api.status_code == 422
    assert api.headers["content-type"] == "application/problem+json"
    assert api.json()["errors"] == [
        {"field": "thoroughness", "message": "Dieser Wert ist ungültig."}
    ]
    for path in ("/plan/2026-13", "/plan/0000-01", "/api/months/0000-01/plan"):
        answer = client.get(path)
        assert answer.status_code == 422, path
        assert "Dieser Wert ist ungültig." in answer.text
    wrong_month = client.post("/api/months/1999-12/plan", headers={"X-CSRF-Token": logged_in})
    assert wrong_month.status_code == 422
    assert wrong_month.json()["errors"] == [
        {"field": "month", "message": "Dieser Wert ist ungültig."}
    ]
    assert planning_job(office, "2026-12") is None
    assert running_job(office) is None
    assert snapshot(office) == before


def test_no_job_is_404_in_plain_words(client: TestClient, logged_in: str) -> None:
    job = client.get("/api/months/2026-12/plan/job")
    assert job.status_code == 404
    assert job.json()["detail"] == "Für diesen Monat wurde keine Planung gestartet."
    cancel = client.delete("/api/months/2026-12/plan/job", headers={"X-CSRF-Token": logged_in})
    assert cancel.status_code == 404
    fragment = client.get("/plan/2026-12/progress")
    assert fragment.status_code == 200
    assert "Für diesen Monat wurde keine Planung gestartet." in fragment.text
    assert fragment.headers["hx-refresh"] == "true"
    back = client.post(
        "/plan/2026-12/cancel", data={"csrf_token": logged_in}, follow_redirects=False
    )
    assert back.status_code == 303
    assert back.headers["location"] == "/plan/2026-12"


def test_a_folder_with_problems_starts_no_planning(
    client: TestClient, logged_in: str, office: Path
) -> None:
    team = office / "volunteers.yaml"
    team.write_text(team.read_text(encoding="utf-8") + "\nnot: [valid\n", encoding="utf-8")
    before = snapshot(office)
    api = client.post("/api/months/2026-12/plan", json={}, headers={"X-CSRF-Token": logged_in})
    assert api.status_code == 422
    assert "has errors (1 problem)" in api.json()["detail"]
    page = client.post("/plan/2026-12", data={"thoroughness": "quick", "csrf_token": logged_in})
    assert page.status_code == 422
    assert running_job(office) is None
    assert snapshot(office) == before
    assert not changes_path(office).exists()
