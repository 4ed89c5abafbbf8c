"""Stepping into a gap from the volunteer's own page (issue 15, item 3): Abdirahman Farah
(v18) fills the Somali gap of 2026-12-17, at once or as a request the lead confirms."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from volunteer_duty_office import (
    GAP_DAY,
    SOMALI,
    headers,
    make_somali_free,
    page_csrf,
    page_token,
    set_office,
    snapshot,
)
from web_office import START

from roster.app.duty_requests import (
    confirm_request,
    decline_request,
    pending_requests,
    read_requests,
    requests_path,
)
from roster.app.feeds import link_feed, publish_month
from roster.app.web_files import changes_path
from roster.domain.month import Month
from roster.planfile.io import plan_path, read_plan

OVERRIDES = "overrides/2026-12.yaml"


def _on_duty(office: Path, day: str) -> set[str]:
    plan = read_plan(plan_path(office, Month.parse("2026-12")))
    return {
        entry.volunteer for s in plan.sessions if s.date.isoformat() == day for entry in s.staff
    }


def _log(office: Path) -> list[tuple[str, str]]:
    path = changes_path(office)
    if not path.is_file():
        return []
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    return [(line["who"], line["key"]) for line in lines]


def test_the_page_lists_the_gap_with_a_plain_form(office: Path, client: TestClient) -> None:
    make_somali_free(office)
    token = page_token(office)
    page = client.get(f"/p/{token}/step-in?lang=en")
    assert page.status_code == 200
    assert "Thursday, December 17, 2026" in page.text
    assert "Somali: interpreter missing" in page.text
    assert 'action="/p/' in page.text and "/step-in" in page.text
    assert '<input type="hidden" name="role" value="interpreter">' in page.text
    assert '<input type="hidden" name="language" value="so">' in page.text
    assert "I can step in" in page.text
    assert "<script" not in page.text
    assert page.headers["cache-control"] == "no-store"
    data = client.get(f"/api/p/{token}/step-in").json()
    assert [(o["date"], o["role"], o["language"]) for o in data["options"]] == [
        (GAP_DAY, "interpreter", "so")
    ]
    assert data["at_once"] is False  # the default: the lead confirms


def test_nothing_to_take_without_the_changes(office: Path, client: TestClient) -> None:
    token = page_token(office)  # v18 answered no for the 17th and has his two duties
    data = client.get(f"/api/p/{token}/step-in").json()
    assert data["options"] == []
    assert "Danke, dass Sie fragen" in client.get(f"/p/{token}/step-in").text


def test_at_once_puts_him_in_and_his_feed_shows_the_duty(office: Path, client: TestClient) -> None:
    make_somali_free(office)
    set_office(office, "volunteers: {step_in: at_once}")
    publish_month(office, "2026-12", now=START)
    feed = link_feed(office, SOMALI, local=True, now=START).url.rsplit("/", 1)[1]
    before = client.get(f"/{feed}").text
    assert "20261217" not in before
    token = page_token(office)
    csrf = page_csrf(client, token)
    answer = client.post(
        f"/p/{token}/step-in",
        data={"csrf_token": csrf, "date": GAP_DAY, "role": "interpreter", "language": "so"},
        headers={"Origin": "https://testserver"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/p/{token}/step-in?done=stepped_in&date={GAP_DAY}"
    done = client.get(answer.headers["location"])
    assert "Sie haben jetzt einen Dienst am Donnerstag, 17. Dezember 2026" in done.text
    assert SOMALI in _on_duty(office, GAP_DAY)
    overrides = (office / OVERRIDES).read_text("utf-8")
    assert "{volunteer: v18, date: 2026-12-17, role: interpreter, language: so}" in overrides
    after = client.get(f"/{feed}").text
    assert "DTSTART;TZID=Europe/Berlin:20261217T140000" in after or "20261217" in after
    assert _log(office) == [(SOMALI, "web.adjust_change_put_in"), (SOMALI, "web.publish_done")]
    assert read_requests(office) == []


def test_ask_lead_keeps_a_request_until_the_lead_confirms(office: Path, client: TestClient) -> None:
    make_somali_free(office)
    token = page_token(office)
    plan_before = plan_path(office, Month.parse("2026-12")).read_bytes()
    answer = client.post(
        f"/api/p/{token}/step-in?lang=en",
        json={"date": GAP_DAY, "role": "interpreter", "language": "so"},
        headers=headers(page_csrf(client, token)),
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["applied"] is False
    assert "waits for the lead" in answer.json()["message"]
    assert plan_path(office, Month.parse("2026-12")).read_bytes() == plan_before
    assert not (office / OVERRIDES).exists()
    assert requests_path(office).stat().st_mode & 0o777 == 0o600
    [waiting] = pending_requests(office, month="2026-12")
    assert (
        waiting.text == "Abdirahman Farah kann am Do., 17. Dez. einspringen: Dolmetschen (Somali)"
    )
    assert "Ihr Angebot für Donnerstag, 17. Dezember 2026" in client.get(f"/p/{token}/step-in").text
    again = client.post(
        f"/api/p/{token}/step-in",
        json={"date": GAP_DAY, "role": "interpreter", "language": "so"},
        headers=headers(page_csrf(client, token)),
    )
    assert again.status_code == 422
    assert len(read_requests(office)) == 1
    result = confirm_request(office, waiting.id, who="v01", now=START, lock_wait=0)
    assert result is not None
    assert SOMALI in _on_duty(office, GAP_DAY)
    assert read_requests(office) == []
    assert _log(office) == [
        (SOMALI, "volunteer.duty_change_asked_step_in"),
        ("v01", "web.adjust_change_put_in"),
    ]


def test_the_lead_declines_a_step_in(office: Path, client: TestClient) -> None:
    make_somali_free(office)
    token = page_token(office)
    client.post(
        f"/api/p/{token}/step-in",
        json={"date": GAP_DAY, "role": "interpreter", "language": "so"},
        headers=headers(page_csrf(client, token)),
    ).raise_for_status()
    plan_before = plan_path(office, Month.parse("2026-12")).read_bytes()
    [waiting] = pending_requests(office)
    decline_request(office, waiting.id, who="v01", now=START, lock_wait=0)
    assert read_requests(office) == []
    assert plan_path(office, Month.parse("2026-12")).read_bytes() == plan_before
    assert _log(office)[-1] == ("v01", "volunteer.duty_change_declined")


def test_a_gap_he_cannot_take_is_refused_in_plain_words(office: Path, client: TestClient) -> None:
    set_office(office, "volunteers: {step_in: at_once}")
    token = page_token(office)  # answered no for the 17th
    before = snapshot(office)
    page = client.post(
        f"/p/{token}/step-in",
        data={
            "csrf_token": page_csrf(client, token),
            "date": GAP_DAY,
            "role": "interpreter",
            "language": "so",
            "lang": "en",
        },
        headers={"Origin": "https://testserver"},
    )
    assert page.status_code == 422
    assert "You cannot take this place:" in page.text
    assert 'role="alert"' in page.text
    api = client.post(
        f"/api/p/{token}/step-in",
        json={"date": GAP_DAY, "role": "interpreter", "language": "ar"},
        headers=headers(page_csrf(client, token)),
    )
    assert api.status_code == 422
    assert api.json()["errors"][0]["field"] == "date"
    past = client.post(
        f"/api/p/{token}/step-in?lang=en",
        json={"date": "2026-11-19", "role": "interpreter", "language": "so"},
        headers=headers(page_csrf(client, token)),
    )
    assert past.status_code == 422
    assert "is over" in past.json()["detail"] or "is over" in past.text
    assert snapshot(office) == before


def test_csrf_and_tokens_are_checked(office: Path, client: TestClient) -> None:
    make_somali_free(office)
    set_office(office, "volunteers: {step_in: at_once}")
    token = page_token(office)
    other = page_token(office, "v05")
    before = snapshot(office)
    body = {"date": GAP_DAY, "role": "interpreter", "language": "so"}
    assert client.post(f"/api/p/{token}/step-in", json=body).status_code == 403
    wrong = headers("x" * 64)
    assert client.post(f"/api/p/{token}/step-in", json=body, headers=wrong).status_code == 403
    # The CSRF token of another volunteer's page does not act for this one.
    foreign = headers(page_csrf(client, other))
    assert client.post(f"/api/p/{token}/step-in", json=body, headers=foreign).status_code == 403
    form = {"csrf_token": "nope", **body}
    assert client.post(f"/p/{token}/step-in", data=form).status_code == 403
    assert client.get("/p/not-a-token/step-in").status_code == 404
    assert client.post("/api/p/not-a-token/step-in", json=body).status_code == 404
    assert snapshot(office) == before
