"""Thirty volunteers answer the poll at the same moment while the lead plans the month
(issue 15, item 1): the real app on uvicorn (127.0.0.1, a free port), each saving request
waiting for the folder lock. Afterwards every answer is in the poll file exactly, nothing
else changed, the plan is complete and the change log has one poll line per volunteer."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2
import pytest
from live_server import LiveServer
from test_volunteer_poll import ALL_SIX, POLL, open_poll
from web_office import LEAD, PASSWORD, START

from roster.app import plan_jobs
from roster.app.page_links import link_page
from roster.app.plan_jobs import stop_all_jobs
from roster.app.web_files import changes_path
from roster.domain.month import Month
from roster.planfile.io import plan_path, read_plan

ROTATION = ("yes", "maybe", "no")
DECEMBER = Month(2026, 12)
VOLUNTEERS = 30


@pytest.fixture(autouse=True)
def short_planning(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A quick planning of two seconds keeps the test bounded."""
    monkeypatch.setitem(plan_jobs.TIME_LIMITS, "quick", 2.0)
    yield
    stop_all_jobs()


def rows(office: Path) -> dict[str, dict[str, str]]:
    """The poll file: volunteer -> date -> answer as written."""
    reader = csv.DictReader(io.StringIO((office / POLL).read_text(encoding="utf-8")))
    return {line["volunteer"]: line for line in reader}


def wanted_answers(index: int, poll: dict[str, object], before: dict[str, str]) -> dict[str, str]:
    """For every date the volunteer is not away, an answer unlike the one saved."""
    answers: dict[str, str] = {}
    dates = poll["dates"]
    assert isinstance(dates, list)
    for position, item in enumerate(dates):
        if item["away"]:
            continue
        choices = [ROTATION[(index + position + step) % 3] for step in range(3)]
        answers[item["date"]] = next(value for value in choices if value != before[item["date"]])
    return answers


def answer(url: str, token: str, index: int, before: dict[str, str]) -> dict[str, str]:
    """One volunteer: read the poll, send their answers; what they sent."""
    with httpx2.Client(base_url=url, timeout=40) as client:
        found = client.get(f"/api/p/{token}/poll/2026-12").json()
        answers = wanted_answers(index, found["poll"], before)
        saved = client.put(
            f"/api/p/{token}/poll/2026-12",
            json={"answers": answers},
            headers={"X-CSRF-Token": found["csrf_token"], "Origin": url},
        )
        assert saved.status_code == 200, saved.text
        assert saved.json()["saved"] == len(answers)
    return answers


def test_thirty_volunteers_answer_at_once_while_the_lead_plans(office: Path) -> None:
    people = [f"v{number:02d}" for number in range(1, VOLUNTEERS + 1)]
    tokens = {
        person: link_page(office, person, local=True).url.rsplit("/", 1)[1] for person in people
    }
    open_poll(office)
    before = rows(office)
    plan_before = plan_path(office, DECEMBER).read_bytes()
    with (
        LiveServer(office, clock=lambda: START, lock_wait=30) as server,
        httpx2.Client(base_url=server.url) as lead,
    ):
        csrf_token = lead.get("/api/session").json()["csrf_token"]
        logged = lead.post(
            "/api/session",
            json={"account": LEAD, "password": PASSWORD},
            headers={"X-CSRF-Token": csrf_token, "Origin": server.url},
        )
        assert logged.status_code == 200, logged.text
        csrf_token = logged.json()["csrf_token"]
        started = lead.post(
            "/api/months/2026-12/plan",
            json={"thoroughness": "quick"},
            headers={"X-CSRF-Token": csrf_token, "Origin": server.url},
        )
        assert started.status_code == 202, started.text
        with ThreadPoolExecutor(max_workers=VOLUNTEERS) as pool:
            futures = {
                person: pool.submit(answer, server.url, tokens[person], index, before[person])
                for index, person in enumerate(people)
            }
            sent = {person: future.result(timeout=40) for person, future in futures.items()}
        deadline = time.monotonic() + 15
        job = lead.get("/api/months/2026-12/plan/job").json()
        while job["state"] == "running" and time.monotonic() < deadline:
            time.sleep(0.1)
            job = lead.get("/api/months/2026-12/plan/job").json()
        assert job["state"] == "done", job

    after = rows(office)
    assert set(after) == set(before)
    for person in people:
        expected = dict(before[person]) | sent[person]
        assert after[person] == expected, person
    plan = read_plan(plan_path(office, DECEMBER))
    assert plan_path(office, DECEMBER).read_bytes() != plan_before
    assert {session.date.isoformat() for session in plan.sessions} == set(ALL_SIX)
    lines = [json.loads(line) for line in changes_path(office).read_text().splitlines()]
    poll_lines = [line for line in lines if line["key"].startswith("volunteer.poll_answered")]
    assert sorted(line["who"] for line in poll_lines) == people
    for line in poll_lines:
        assert line["params"]["count"] == len(sent[line["who"]])
    assert [line["key"] for line in lines].count("web.plan_done") == 1
