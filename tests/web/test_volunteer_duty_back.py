"""Giving a duty back from the volunteer's own page (issue 15, item 4): Thomas Weber
(v05) cannot come on Thursday 10 December; re-planned at once or left to the lead."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from volunteer_duty_office import headers, page_csrf, page_token, set_office, snapshot
from web_office import START

from roster.app.duty_requests import confirm_request, pending_requests, read_requests
from roster.app.feeds import link_feed, publish_month
from roster.app.web_files import changes_path
from roster.domain.month import Month
from roster.planfile.io import plan_path, read_plan
from roster.planfile.schema import Plan, PlanSession

DAY = "2026-12-10"
WHO = "v05"
OVERRIDES = "overrides/2026-12.yaml"
ORIGIN = {"Origin": "https://testserver"}


def _session(office: Path, day: str = DAY) -> PlanSession:
    plan = read_plan(plan_path(office, Month.parse("2026-12")))
    return next(s for s in plan.sessions if s.date.isoformat() == day)


def _log(office: Path) -> list[tuple[str, str]]:
    lines = changes_path(office).read_text("utf-8").splitlines()
    return [(item["who"], item["key"]) for item in map(json.loads, lines)]


def test_the_question_comes_first(office: Path, client: TestClient) -> None:
    token = page_token(office, WHO)
    page = client.get(f"/p/{token}/give-back?date={DAY}")
    assert page.status_code == 200
    assert "Kommen Sie am Donnerstag, 10. Dezember 2026 wirklich nicht?" in page.text
    assert f'<input type="hidden" name="date" value="{DAY}">' in page.text
    assert "Nein, ich komme" in page.text
    assert not (office / OVERRIDES).exists()
    assert client.get(f"/p/{token}/give-back?date=soon").status_code == 422


def test_replan_takes_him_out_and_publishes_again(office: Path, client: TestClient) -> None:
    set_office(office, "volunteers: {give_back: replan}")
    publish_month(office, "2026-12", now=START)
    feed = link_feed(office, WHO, local=True, now=START).url.rsplit("/", 1)[1]
    assert "20261210" in client.get(f"/{feed}").text
    token = page_token(office, WHO)
    answer = client.post(
        f"/p/{token}/give-back",
        data={"csrf_token": page_csrf(client, token), "date": DAY, "lang": "en"},
        headers=ORIGIN,
        follow_redirects=False,
    )
    assert answer.status_code == 303
    done = client.get(answer.headers["location"])
    assert "You are no longer planned for Thursday, December 10, 2026." in done.text
    assert WHO not in {entry.volunteer for entry in _session(office).staff}
    assert "{volunteer: v05, date: 2026-12-10}" in (office / OVERRIDES).read_text("utf-8")
    assert "20261210" not in client.get(f"/{feed}").text
    assert _log(office) == [(WHO, "web.adjust_change_taken_out"), (WHO, "web.publish_done")]
    assert read_requests(office) == []


def test_ask_lead_writes_the_absence_takes_him_out_and_waits(
    office: Path, client: TestClient
) -> None:
    (office / "overrides").mkdir()
    (office / OVERRIDES).write_text(
        "# Hand-written: keep this comment.\nforbid:\n  - {volunteer: v02, date: 2026-12-17}  "
        "# on holiday\n",
        "utf-8",
    )
    plan_before = plan_path(office, Month.parse("2026-12")).read_bytes()
    token = page_token(office, WHO)
    answer = client.post(
        f"/api/p/{token}/give-back?lang=en",
        json={"date": DAY},
        headers=headers(page_csrf(client, token)),
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["applied"] is False
    assert "The lead will look for someone else." in answer.json()["message"]
    text = (office / OVERRIDES).read_text("utf-8")
    assert text.startswith("# Hand-written: keep this comment.\n")
    assert "{volunteer: v02, date: 2026-12-17}  # on holiday" in text
    assert "{volunteer: v05, date: 2026-12-10}" in text
    # He is out of the plan at once (the place needs nobody else: no gap); the rest stays.
    after = read_plan(plan_path(office, Month.parse("2026-12")))
    before = Plan.model_validate_json(plan_before)
    assert [s for s in after.sessions if s.date.isoformat() != DAY] == [
        s for s in before.sessions if s.date.isoformat() != DAY
    ]
    assert WHO not in {entry.volunteer for entry in _session(office).staff}
    [waiting] = pending_requests(office)
    assert waiting.text == "Thomas Weber kann am Do., 10. Dez. nicht kommen"
    assert _log(office) == [(WHO, "volunteer.duty_change_gave_back")]
    again = client.post(
        f"/api/p/{token}/give-back", json={"date": DAY}, headers=headers(page_csrf(client, token))
    )
    assert again.status_code == 422
    assert confirm_request(office, waiting.id, who="v01", now=START, lock_wait=0) is not None
    assert WHO not in {entry.volunteer for entry in _session(office).staff}
    assert read_requests(office) == []
    assert _log(office)[-1] == ("v01", "volunteer.duty_change_gap_filled")


def test_refused_in_plain_words_nothing_written(office: Path, client: TestClient) -> None:
    set_office(office, "volunteers: {give_back: replan}")
    token = page_token(office, WHO)
    before = snapshot(office)
    csrf = page_csrf(client, token)
    cases = {
        "2026-12-17": "You have no duty on Thursday, December 17, 2026.",
        "2026-11-19": "Thursday, November 19, 2026 is over.",
        "soon": "That date is not valid.",
    }
    for day, message in cases.items():
        answer = client.post(
            f"/p/{token}/give-back",
            data={"csrf_token": csrf, "date": day, "lang": "en"},
            headers=ORIGIN,
        )
        assert answer.status_code == 422, day
        assert message in answer.text
    api = client.post(
        f"/api/p/{token}/give-back?lang=en",
        json={"date": "2026-12-17"},
        headers=headers(csrf),
    )
    assert api.status_code == 422
    assert api.json()["errors"] == [
        {"field": "date", "message": "You have no duty on Thursday, December 17, 2026."}
    ]
    assert snapshot(office) == before


def test_nobody_gives_back_for_someone_else(office: Path, client: TestClient) -> None:
    set_office(office, "volunteers: {give_back: replan}")
    other = page_token(office, "v09")  # not on duty on the 10th
    token = page_token(office, WHO)
    before = snapshot(office)
    answer = client.post(
        f"/api/p/{other}/give-back", json={"date": DAY}, headers=headers(page_csrf(client, other))
    )
    assert answer.status_code == 422
    foreign = headers(page_csrf(client, other))
    assert (
        client.post(f"/api/p/{token}/give-back", json={"date": DAY}, headers=foreign).status_code
        == 403
    )
    assert client.post(f"/api/p/{token}/give-back", json={"date": DAY}).status_code == 403
    form = {"csrf_token": "nope", "date": DAY}
    assert client.post(f"/p/{token}/give-back", data=form, headers=ORIGIN).status_code == 403
    assert client.post("/p/not-a-token/give-back", data=form).status_code == 404
    assert snapshot(office) == before
    assert WHO in {entry.volunteer for entry in _session(office).staff}
