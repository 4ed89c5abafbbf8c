"""The lead opens and closes the month's poll on the Availability page (issue 15: "the
office opens the poll for a month (lead's page or `roster poll open`)"), so that the lead
never needs a terminal for it; the same through the API."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient
from web_office import ORIGIN, changes, csrf_of, headers

from roster.app.polls import polls_path


def polls(office: Path) -> list[dict[str, object]]:
    path = polls_path(office)
    if not path.is_file():
        return []
    found: list[dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))["polls"]
    return found


def box(page: str) -> str:
    """The poll's box of the Availability page."""
    found = re.search(r'<section class="poll-box".*?</section>', page, re.S)
    assert found is not None
    return found.group(0)


def test_the_lead_opens_changes_and_closes_the_poll(
    office: Path, client: TestClient, logged_in: str
) -> None:
    del logged_in
    page = client.get("/availability/2026-12").text
    assert "Die Umfrage für Dezember 2026 ist noch nicht offen." in box(page)
    assert "Umfrage öffnen" in box(page)
    # the last day offered: ten days before the month (the clock stands at November 20)
    assert 'name="until" value="2026-11-21"' in box(page)
    opened = client.post(
        "/poll/2026-12/open",
        data={"csrf_token": csrf_of(page), "until": "2026-11-27"},
        headers={"Origin": ORIGIN},
        follow_redirects=False,
    )
    assert (opened.status_code, opened.headers["location"]) == (
        303,
        "/availability/2026-12?poll=opened",
    )
    assert polls(office) == [{"month": "2026-12", "until": "2026-11-27", "closed": False}]
    last = changes(office)[-1]
    assert (last["key"], last["params"]) == (
        "volunteer.poll_opened_change",
        {"month_name": "Dezember 2026", "day": "Freitag, 27. November 2026"},
    )
    page = client.get("/availability/2026-12?poll=opened").text
    said = "Offen: Die Ehrenamtlichen können auf ihren Seiten bis Freitag, 27. November 2026 antworten."
    assert said in box(page)
    assert '<p class="message" role="status">' + said in page
    assert "Letzten Tag ändern" in box(page) and "Umfrage schließen" in box(page)
    closed = client.post(
        "/poll/2026-12/close",
        data={"csrf_token": csrf_of(page)},
        headers={"Origin": ORIGIN},
        follow_redirects=False,
    )
    assert closed.status_code == 303
    assert polls(office) == [{"month": "2026-12", "until": "2026-11-27", "closed": True}]
    assert changes(office)[-1]["key"] == "volunteer.poll_closed_change"
    page = client.get("/availability/2026-12").text
    assert "Geschlossen. Die Antworten bleiben." in box(page)
    assert "Umfrage schließen" not in box(page)


def test_a_past_last_day_is_refused_next_to_the_field_and_nothing_is_written(
    office: Path, client: TestClient, logged_in: str
) -> None:
    del logged_in
    page = client.get("/availability/2026-12").text
    refused = client.post(
        "/poll/2026-12/open",
        data={"csrf_token": csrf_of(page), "until": "2026-11-19"},
        headers={"Origin": ORIGIN},
    )
    assert refused.status_code == 422
    assert 'aria-invalid="true" aria-describedby="poll-until-error"' in refused.text
    assert (
        '<p class="field-error" id="poll-until-error">Donnerstag, 19. November 2026 ist schon '
        "vorbei. Geben Sie einen Tag ab heute an.</p>"
    ) in refused.text
    assert polls(office) == []
    assert changes(office) == []


def test_the_api_opens_and_closes_the_poll(
    office: Path, client: TestClient, logged_in: str
) -> None:
    assert client.get("/api/months/2026-12/poll").json() == {
        "month": "2026-12",
        "state": "never_opened",
        "until": None,
        "text": "Die Umfrage für Dezember 2026 ist noch nicht offen. Die Ehrenamtlichen können "
        "auf ihren Seiten nicht antworten.",
        "suggested_until": "2026-11-21",
    }
    never = client.post("/api/months/2026-12/poll/close", headers=headers(logged_in))
    assert never.status_code == 422
    assert "wurde nie geöffnet" in never.text
    opened = client.post(
        "/api/months/2026-12/poll/open", json={"until": "2026-11-30"}, headers=headers(logged_in)
    )
    assert opened.status_code == 200
    assert (opened.json()["state"], opened.json()["until"]) == ("open", "2026-11-30")
    closed = client.post("/api/months/2026-12/poll/close", headers=headers(logged_in))
    assert closed.json()["state"] == "closed"
    assert [line["key"] for line in changes(office)] == [
        "volunteer.poll_opened_change",
        "volunteer.poll_closed_change",
    ]


def test_opening_needs_a_lead_and_the_form_token(office: Path, client: TestClient) -> None:
    anonymous = client.post(
        "/poll/2026-12/open",
        data={"until": "2026-11-27"},
        headers={"Origin": ORIGIN},
        follow_redirects=False,
    )
    assert anonymous.status_code in (303, 403)
    assert client.post(
        "/api/months/2026-12/poll/open", json={"until": "2026-11-27"}
    ).status_code in (
        401,
        403,
    )
    assert polls(office) == []
