"""The lead's side of the volunteers' requests (issue 15): a step-in that waits for a
lead shows on the month's overview (page and API) and is confirmed from there, as a plain
form or through the API; a declined one changes nothing in the plan; both need the lead's
login and the CSRF token."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from volunteer_duty_office import GAP_DAY, SOMALI, make_somali_free, page_csrf, page_token
from web_office import ORIGIN

from roster.app.duty_requests import read_requests
from roster.app.web_files import changes_path
from roster.domain.month import Month
from roster.planfile.io import plan_path, read_plan

MONTH = "2026-12"
TEXT = "Abdirahman Farah kann am Do., 17. Dez. einspringen: Dolmetschen (Somali)"


def _ask(office: Path, client: TestClient) -> None:
    make_somali_free(office)
    token = page_token(office)
    answer = client.post(
        f"/api/p/{token}/step-in",
        json={"date": GAP_DAY, "role": "interpreter", "language": "so"},
        headers={"X-CSRF-Token": page_csrf(client, token), "Origin": ORIGIN},
    )
    assert answer.status_code == 200, answer.text


def _on_duty(office: Path) -> set[str]:
    plan = read_plan(plan_path(office, Month.parse(MONTH)))
    return {
        entry.volunteer
        for session in plan.sessions
        if session.date.isoformat() == GAP_DAY
        for entry in session.staff
    }


def test_the_lead_sees_and_confirms_a_step_in_on_the_overview(
    office: Path, client: TestClient, logged_in: str
) -> None:
    _ask(office, client)
    overview = client.get(f"/api/months/{MONTH}/overview").json()
    [item] = overview["requests"]
    assert item["text"] == TEXT
    assert client.get(f"/api/months/{MONTH}/requests").json() == [item]
    page = client.get(f"/month/{MONTH}").text
    assert TEXT in page
    assert f'action="/requests/{item["id"]}/confirm"' in page
    refused = client.post(
        f"/requests/{item['id']}/confirm", data={"month": MONTH}, headers={"Origin": ORIGIN}
    )
    assert refused.status_code == 403
    assert SOMALI not in _on_duty(office)
    done = client.post(
        f"/requests/{item['id']}/confirm",
        data={"month": MONTH, "csrf_token": logged_in},
        headers={"Origin": ORIGIN},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert done.headers["location"] == f"/month/{MONTH}"
    assert SOMALI in _on_duty(office)
    assert read_requests(office) == []
    assert client.get(f"/api/months/{MONTH}/overview").json()["requests"] == []
    keys = [
        json.loads(line)["key"] for line in changes_path(office).read_text("utf-8").splitlines()
    ]
    assert keys[-1] == "web.adjust_change_put_in"


def test_a_declined_step_in_changes_nothing_in_the_plan(
    office: Path, client: TestClient, logged_in: str
) -> None:
    _ask(office, client)
    [item] = client.get(f"/api/months/{MONTH}/requests").json()
    before = plan_path(office, Month.parse(MONTH)).read_bytes()
    answer = client.post(f"/api/requests/{item['id']}/decline", headers={"X-CSRF-Token": logged_in})
    assert answer.status_code == 204
    assert plan_path(office, Month.parse(MONTH)).read_bytes() == before
    assert read_requests(office) == []


def test_without_a_login_nothing_is_confirmed(office: Path, client: TestClient) -> None:
    _ask(office, client)
    [waiting] = read_requests(office)
    assert client.get(f"/api/months/{MONTH}/requests").status_code == 401
    answer = client.post(f"/api/requests/{waiting.id}/confirm", headers={"Origin": ORIGIN})
    assert answer.status_code == 401
    assert len(read_requests(office)) == 1
