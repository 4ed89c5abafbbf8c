"""One volunteer's link never reads or changes another's data (issue 15, security): every
operation of the volunteers' API in the OpenAPI document is tried with Abdirahman
Farah's link (v18) and his own CSRF token, with bodies that name another volunteer's
dates; no answer holds another volunteer's name, and the other's poll answers, duties
and requests stay as they were. A new operation fails the test until it is listed."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from volunteer_duty_office import make_somali_free, page_token, set_office
from web_office import ORIGIN, START

from roster.app.duty_requests import read_requests
from roster.app.poll_admin import open_poll
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.io import plan_path, read_plan

ME = "v18"
OTHER = "v05"
"""Thomas Weber: on duty on 10 December in the example's plan (v18 is not)."""
OTHER_DAY = "2026-12-10"
MONTH = "2026-12"
BODIES: dict[tuple[str, str], list[dict[str, Any] | None]] = {
    ("get", "/api/p/{token}"): [None],
    ("post", "/api/p/{token}/calendar"): [None],
    ("get", "/api/p/{token}/poll/{month}"): [None],
    ("put", "/api/p/{token}/poll/{month}"): [
        {"answers": {OTHER_DAY: "no"}},
        {"answers": {OTHER: {OTHER_DAY: "no"}}},
        {"volunteer": OTHER, "answers": {OTHER_DAY: "no"}},
    ],
    ("get", "/api/p/{token}/step-in"): [None],
    ("post", "/api/p/{token}/step-in"): [
        {"date": OTHER_DAY, "role": "counsellor", "language": None, "volunteer": OTHER},
    ],
    ("post", "/api/p/{token}/give-back"): [
        {"date": OTHER_DAY},
        {"date": OTHER_DAY, "volunteer": OTHER},
    ],
    ("get", "/api/p/{token}/messages"): [None],
    ("put", "/api/p/{token}/messages"): [
        {"switches": {"reminder": False}},
        {"volunteer": OTHER, "switches": {"reminder": False}},
    ],
}
"""Each operation of the volunteers' API, with the bodies it is tried with."""


def _state(office: Path) -> tuple[str, set[str], int]:
    """The other volunteer's poll row, his duties in the plan, the requests waiting."""
    poll = (office / "availability" / f"{MONTH}.csv").read_text("utf-8")
    row = next(line for line in poll.splitlines() if line.startswith(f"{OTHER},"))
    plan = read_plan(plan_path(office, Month.parse(MONTH)))
    duties = {
        session.date.isoformat()
        for session in plan.sessions
        for entry in session.staff
        if entry.volunteer == OTHER
    }
    return row, duties, len(read_requests(office))


def test_a_link_reaches_its_own_volunteer_only(
    office: Path, client: TestClient, web_app: FastAPI
) -> None:
    make_somali_free(office)
    set_office(office, "volunteers: {step_in: at_once, give_back: replan}")
    open_poll(office, MONTH, date(2026, 11, 30), now=START)
    token = page_token(office, ME)
    csrf = client.get(f"/api/p/{token}").json()["csrf_token"]
    others = {p.name for p in load_office(office).volunteers if p.id != ME}
    before = _state(office)
    operations = {
        (method, path)
        for path, found in web_app.openapi()["paths"].items()
        if path.startswith("/api/p/")
        for method in found
    }
    assert operations == set(BODIES), "list every operation of the volunteers' API in BODIES"
    for (method, path), bodies in BODIES.items():
        address = path.replace("{token}", token).replace("{month}", MONTH)
        for body in bodies:
            answer = client.request(
                method.upper(),
                address,
                json=body,
                headers={"X-CSRF-Token": csrf, "Origin": ORIGIN},
            )
            assert answer.status_code < 500, (method, path, answer.text)
            named = sorted(name for name in others if name in answer.text)
            assert not named, (method, path, named)
            assert _state(office) == before, (method, path, body)


@pytest.mark.parametrize("method", ["get", "put"])
def test_another_volunteers_csrf_token_is_refused(
    office: Path, client: TestClient, method: str
) -> None:
    open_poll(office, MONTH, date(2026, 11, 30), now=START)
    mine, theirs = page_token(office, ME), page_token(office, OTHER)
    their_csrf = client.get(f"/api/p/{theirs}").json()["csrf_token"]
    before = _state(office)
    answer = client.request(
        method.upper(),
        f"/api/p/{mine}/poll/{MONTH}",
        json={"answers": {OTHER_DAY: "no"}} if method == "put" else None,
        headers={"X-CSRF-Token": their_csrf, "Origin": ORIGIN},
    )
    assert answer.status_code == (200 if method == "get" else 403)
    assert _state(office) == before
