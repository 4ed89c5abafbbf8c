"""A give-back that waits for the lead (``give_back: ask_lead``, issue 15) shows the gap
at once: Abdirahman Farah (v18), the only Somali interpreter on Thursday 10 December,
cannot come. He leaves the plan, his place becomes a gap (nothing else moves), the lead's
overview and the published gaps feed show it, his own feed loses the duty, and the
request waits: the lead confirms (plans again) or declines (the gap stays)."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from volunteer_duty_office import headers, page_csrf, page_token, set_office
from web_office import START

from roster.app.duty_requests import (
    confirm_request,
    decline_request,
    pending_requests,
    read_requests,
)
from roster.app.feeds import link_feed, publish_month
from roster.app.planning import verify_month
from roster.app.web_files import changes_path
from roster.domain.month import Month
from roster.planfile.io import plan_path, read_plan
from roster.planfile.schema import Plan

DAY = "2026-12-10"
SESSION = "2026-12-10-open-1400"
WHO = "v18"
MONTH = Month.parse("2026-12")
REASON = "Von der Person im Dienst abgegeben. Die Leitung hat noch niemand anderes eingeplant."


def _plan(office: Path) -> Plan:
    return read_plan(plan_path(office, MONTH))


def _others(plan: Plan) -> dict[str, str]:
    return {s.id: s.model_dump_json() for s in plan.sessions if s.id != SESSION}


def _feed(office: Path, **which: object) -> str:
    return link_feed(office, local=True, now=START, **which).url.rsplit("/", 1)[1]  # type: ignore[arg-type]


def _give_back(office: Path, client: TestClient) -> dict[str, object]:
    token = page_token(office, WHO)
    answer = client.post(
        f"/api/p/{token}/give-back?lang=en",
        json={"date": DAY},
        headers=headers(page_csrf(client, token)),
    )
    assert answer.status_code == 200, answer.text
    body: dict[str, object] = answer.json()
    return body


def _events_on(feed: str, day: str = DAY.replace("-", "")) -> list[str]:
    return [block for block in feed.split("BEGIN:VEVENT")[1:] if f":{day}T" in block]


def test_the_gap_shows_at_once_and_nothing_else_moves(
    office: Path, client: TestClient, logged_in: str
) -> None:
    set_office(office, "volunteers: {give_back: ask_lead}")
    publish_month(office, "2026-12", now=START)
    own, gaps = _feed(office, volunteer_id=WHO), _feed(office, gaps=True)
    assert _events_on(client.get(f"/{own}").text)
    assert not any("Somali" in event for event in _events_on(client.get(f"/{gaps}").text))
    overview = client.get("/api/months/2026-12/overview").json()
    before_gaps = {s["id"]: s["gaps"] for s in overview["sessions"]}
    assert before_gaps[SESSION] == 2
    before = _plan(office)
    body = _give_back(office, client)
    assert body["applied"] is False
    assert body["published"] is True
    assert body["message"] == (
        "Noted: you cannot come on Thursday, December 10, 2026. You are no longer planned for "
        "it. The lead will look for someone else."
    )
    after = _plan(office)
    # He is out; his place is a gap with its reason; every other session is as it was.
    session = next(s for s in after.sessions if s.id == SESSION)
    old = next(s for s in before.sessions if s.id == SESSION)
    assert [e for e in old.staff if e.volunteer != WHO] == session.staff
    assert WHO in {e.volunteer for e in old.staff}
    assert [(u.need, u.language, u.missing, u.reason) for u in session.uncovered] == sorted(
        [(u.need, u.language, u.missing, u.reason) for u in old.uncovered]
        + [("language", "so", 1, REASON)],
        key=lambda gap: str(gap[1]),
    )
    assert _others(after) == _others(before)
    assert after.appointments == before.appointments
    assert after.unscheduled == before.unscheduled
    assert after.input_digest == before.input_digest
    duties = {item.volunteer: item.duties for item in after.load}
    assert duties == {item.volunteer: item.duties - (item.volunteer == WHO) for item in before.load}
    # The plan says what it is now: its penalty is the new score, no longer the best proven.
    assert before.solver is not None and after.solver is not None
    assert after.score.total > before.score.total
    assert after.solver.objective == after.score.total
    assert after.solver.status == "feasible"
    assert after.solver.bound == before.solver.bound < after.solver.objective
    assert verify_month(office, MONTH).report.ok
    # The lead's overview and the gaps feed show it; his own feed no longer has the duty.
    overview = client.get("/api/months/2026-12/overview").json()
    by_id = {s["id"]: s for s in overview["sessions"]}
    assert by_id[SESSION]["gaps"] == 3
    assert "1 Dolmetscher:in für Somali" in by_id[SESSION]["needs"]
    assert {k: s["gaps"] for k, s in by_id.items() if k != SESSION} == {
        k: v for k, v in before_gaps.items() if k != SESSION
    }
    assert "Somali" in client.get("/month/2026-12").text
    assert any("Somali" in event for event in _events_on(client.get(f"/{gaps}").text))
    assert not _events_on(client.get(f"/{own}").text)
    # The request waits for the lead.
    [waiting] = pending_requests(office)
    assert waiting.text == "Abdirahman Farah kann am Do., 10. Dez. nicht kommen"
    keys = [
        json.loads(line)["key"] for line in changes_path(office).read_text("utf-8").splitlines()
    ]
    assert keys[-2:] == ["volunteer.duty_change_gave_back", "web.publish_done"]


def test_the_lead_confirms_and_the_month_is_planned_again(office: Path, client: TestClient) -> None:
    set_office(office, "volunteers: {give_back: ask_lead}")
    _give_back(office, client)
    [waiting] = pending_requests(office)
    result = confirm_request(office, waiting.id, who="v01", now=START, lock_wait=0)
    assert result is not None
    assert result.what == "Neu geplant: Abdirahman Farah kann am Do., 10. Dez. nicht kommen"
    assert result.can_undo is False
    assert read_requests(office) == []
    session = next(s for s in _plan(office).sessions if s.id == SESSION)
    assert WHO not in {e.volunteer for e in session.staff}
    assert all(u.reason != REASON for u in session.uncovered)
    assert verify_month(office, MONTH).report.ok
    last = json.loads(changes_path(office).read_text("utf-8").splitlines()[-1])
    assert (last["who"], last["key"]) == ("v01", "volunteer.duty_change_gap_filled")


def test_the_lead_declines_and_the_gap_stays(office: Path, client: TestClient) -> None:
    set_office(office, "volunteers: {give_back: ask_lead}")
    _give_back(office, client)
    plan = plan_path(office, MONTH).read_bytes()
    [waiting] = pending_requests(office)
    decline_request(office, waiting.id, who="v01", now=START, lock_wait=0)
    assert read_requests(office) == []
    assert plan_path(office, MONTH).read_bytes() == plan
    assert "{volunteer: v18, date: 2026-12-10}" in (
        office / "overrides" / "2026-12.yaml"
    ).read_text("utf-8")
