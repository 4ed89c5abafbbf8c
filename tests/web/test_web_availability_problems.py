"""The Availability page's refusals (issue 14, page 3): a person not in the team, a date
without a session, an answer that is none of the four and a changed answer on a day the
person is away are 422 with a plain message at the cell, and nothing is written; without
a login pages go to the login page and the API answers 401; without the CSRF token 403;
while another run saves 409. Nothing is ever half written."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_office import ORIGIN, headers

from roster.app.web_files import changes_path
from roster.domain.lock import folder_lock

BUSY = "Gerade speichert jemand anderes; versuchen Sie es gleich noch einmal."
NOT_SAVED = "Nichts wurde gespeichert. Bitte korrigieren Sie, was markiert ist."
NOT_IN_TEAM = "Diese Person ist in diesem Monat nicht im Team."
NO_SESSION = "An diesem Tag gibt es keine Sprechstunde."
BAD_ANSWER = "Wählen Sie ja, vielleicht, nein oder keine Antwort."
AWAY = "Heike Brandt ist an diesem Tag abwesend; die Antwort lässt sich nicht ändern."


def snapshot(office: Path) -> tuple[dict[str, bytes], bool]:
    """The poll files and whether the change log exists."""
    polls = {path.name: path.read_bytes() for path in (office / "availability").iterdir()}
    return polls, changes_path(office).exists()


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"v99": {"2026-12-02": "yes"}}, [("v99.2026-12-02", NOT_IN_TEAM)]),
        ({"v05": {"2026-12-24": "yes"}}, [("v05.2026-12-24", NO_SESSION)]),  # closed
        ({"v05": {"2026-12-05": "yes"}}, [("v05.2026-12-05", NO_SESSION)]),  # a Saturday
        ({"v05": {"2027-01-07": "yes"}}, [("v05.2027-01-07", NO_SESSION)]),  # another month
        ({"v05": {"3.12.": "yes"}}, [("v05.3.12.", NO_SESSION)]),
        ({"v05": {"2026-12-02": "ja"}}, [("v05.2026-12-02", BAD_ANSWER)]),
        ({"v05": {"2026-12-02": "no answer"}}, [("v05.2026-12-02", BAD_ANSWER)]),
        ({"v03": {"2026-12-16": "no"}}, [("v03.2026-12-16", AWAY)]),
        (
            {"v05": {"2026-12-02": "yes", "2026-12-03": "nope"}, "v01": {"2026-12-10": "yes"}},
            [("v05.2026-12-03", BAD_ANSWER)],
        ),
    ],
    ids=[
        "unknown-person",
        "closed-date",
        "no-session",
        "other-month",
        "not-a-date",
        "german-word",
        "words",
        "away",
        "one-bad-of-three",
    ],
)
def test_bad_input_is_422_at_its_cell_and_nothing_is_written(
    client: TestClient,
    logged_in: str,
    office: Path,
    cells: dict[str, dict[str, str]],
    expected: list[tuple[str, str]],
) -> None:
    before = snapshot(office)
    answer = client.put("/api/months/2026-12/availability", json=cells, headers=headers(logged_in))
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["title"] == NOT_SAVED
    assert [(item["field"], item["message"]) for item in answer.json()["errors"]] == expected
    assert snapshot(office) == before


def test_an_away_day_keeps_its_answer_but_may_be_sent_unchanged(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = snapshot(office)
    same = client.put(
        "/api/months/2026-12/availability/v03/2026-12-16",
        json={"answer": "yes"},  # what the poll says already
        headers=headers(logged_in),
    )
    assert same.status_code == 200
    assert same.json()["changed"] == 0
    assert snapshot(office) == before


def test_the_page_shows_the_problem_at_its_cell_and_keeps_the_choices(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = snapshot(office)
    answer = client.post(
        "/availability/2026-12",
        data={
            "csrf_token": logged_in,
            "a.v05.2026-12-02": "maybe",
            "a.v05.2026-12-03": "sometimes",
        },
    )
    assert answer.status_code == 422
    page = answer.text
    assert f'<div class="message error" role="alert">\n  <p>{NOT_SAVED}</p>' in page
    cell = re.search(r'<select id="c-v05-2026-12-03"([^>]*)>', page)
    assert cell is not None
    assert 'aria-invalid="true"' in cell.group(1)
    assert 'aria-describedby="c-v05-2026-12-03-error"' in cell.group(1)
    assert f'<span class="field-error" id="c-v05-2026-12-03-error">{BAD_ANSWER}</span>' in page
    kept = re.search(r'<select id="c-v05-2026-12-02".*?</select>', page, re.S)
    assert kept is not None
    assert '<option value="maybe" selected>' in kept.group(0)
    assert snapshot(office) == before


def test_a_wrong_cell_by_htmx_says_so_in_the_cell(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = snapshot(office)
    answer = client.post(
        "/availability/2026-12/v05/2026-12-02",
        data={"a.v05.2026-12-02": "sometimes"},
        headers={**headers(logged_in), "HX-Request": "true"},
    )
    # htmx swaps only successful answers: the cell itself says what is wrong
    assert answer.status_code == 200
    assert answer.text.strip().startswith("<td ")
    assert f'class="field-error" id="c-v05-2026-12-02-error">{BAD_ANSWER}</span>' in answer.text
    assert "gespeichert" not in answer.text
    assert '<option value="" selected>keine Antwort</option>' in answer.text  # as saved
    assert snapshot(office) == before
    plain = client.post(
        "/availability/2026-12/v05/2026-12-02",
        data={"a.v05.2026-12-02": "sometimes", "csrf_token": logged_in},
    )
    assert plain.status_code == 422
    assert snapshot(office) == before


PAGES = ["/availability/2026-12"]
CHANGES: list[tuple[str, str, dict[str, Any]]] = [
    ("POST", "/availability/2026-12", {"data": {"a.v05.2026-12-02": "yes"}}),
    ("POST", "/availability/2026-12/v05/2026-12-02", {"data": {"a.v05.2026-12-02": "yes"}}),
    ("PUT", "/api/months/2026-12/availability", {"json": {"v05": {"2026-12-02": "yes"}}}),
    ("PUT", "/api/months/2026-12/availability/v05/2026-12-02", {"json": {"answer": "yes"}}),
]


def test_without_a_login_pages_go_to_the_login_and_the_api_is_401(
    client: TestClient, office: Path
) -> None:
    before = snapshot(office)
    page = client.get("/availability/2026-12", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=/availability/2026-12"
    assert client.get("/api/months/2026-12/availability").status_code == 401
    for method, path, body in CHANGES:
        answer = client.request(
            method, path, headers={"Origin": ORIGIN}, follow_redirects=False, **body
        )
        expected = 401 if path.startswith("/api/") else 303
        assert answer.status_code == expected, (method, path)
    assert snapshot(office) == before


@pytest.mark.parametrize("token", [None, "wrong-token"], ids=["missing", "wrong"])
@pytest.mark.parametrize(("method", "path", "body"), CHANGES)
def test_without_the_token_nothing_is_written(
    client: TestClient,
    logged_in: str,
    office: Path,
    token: str | None,
    method: str,
    path: str,
    body: dict[str, Any],
) -> None:
    before = snapshot(office)
    sent = {"Origin": ORIGIN} | ({"X-CSRF-Token": token} if token else {})
    answer = client.request(method, path, headers=sent, **body)
    assert answer.status_code == 403
    assert snapshot(office) == before


def test_while_another_run_saves_it_is_409_and_the_choices_stay(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = snapshot(office)
    with folder_lock(office, "roster plan"):
        api = client.put(
            "/api/months/2026-12/availability/v05/2026-12-02",
            json={"answer": "yes"},
            headers=headers(logged_in),
        )
        page = client.post(
            "/availability/2026-12",
            data={"csrf_token": logged_in, "a.v05.2026-12-02": "yes"},
        )
        cell = client.post(
            "/availability/2026-12/v05/2026-12-02",
            data={"a.v05.2026-12-02": "yes"},
            headers={**headers(logged_in), "HX-Request": "true"},
        )
    assert api.status_code == 409
    assert api.json()["title"] == BUSY
    assert page.status_code == 409
    assert BUSY in page.text
    kept = re.search(r'<select id="c-v05-2026-12-02".*?</select>', page.text, re.S)
    assert kept is not None
    assert '<option value="yes" selected>' in kept.group(0)
    assert BUSY in cell.text
    assert snapshot(office) == before
