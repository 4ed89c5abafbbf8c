"""Confidentiality of the Availability and Appointments pages (issue 14): a marker in
every appointment's note and in the free text of the appointments file (its comments)
appears in no answer of these pages and their API, except a request's own page and its
own JSON for the logged-in lead (its own note only, never cached); never in the change
log, never in the log, never in a problem's message."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from web_office import headers

from roster.app.web_files import changes_path
from roster.domain.month import Month
from roster.folder.load import load_office

MARKER = "SECRET-MARKER"
FILE = "appointments/2026-12.yaml"


def body(answer: Response) -> str:
    return answer.content.decode("utf-8", errors="replace")


@pytest.fixture
def marked(office: Path) -> int:
    """Markers in every note (numbered) and in the file's comments; how many notes."""
    path = office / FILE
    lines: list[str] = [f"# {MARKER}-comment: a remark about no case"]
    count = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("note:"):
            count += 1
            lines.append(re.sub(r"note:.*", f"note: {MARKER}-{count} private", line))
            continue
        if line.strip().startswith("- case:"):
            lines.append(f"  # {MARKER}-comment before a request")
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    load_office(office)
    return count


def own_note(answer: Response, number: int) -> None:
    """The answer is a request's own page or JSON: its note, no other, never cached."""
    text = body(answer)
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "no-store"
    assert set(re.findall(MARKER + r"-\w+", text)) == {f"{MARKER}-{number}"}


def no_marker(answer: Response) -> None:
    assert MARKER not in body(answer), answer.request.url


def without_note_field(answer: Response) -> str:
    """A page without the text of its note field (the lead's own entry, shown back)."""
    return re.sub(r'<textarea id="note".*?</textarea>', "", body(answer), flags=re.S)


def test_notes_stay_on_their_own_pages(
    marked: int,
    client: TestClient,
    logged_in: str,
    office: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    assert marked == 12
    token = headers(logged_in)
    for path in (
        "/availability/2026-12",
        "/api/months/2026-12/availability",
        "/appointments/2026-12",
        "/appointments/2026-12/new",
        "/api/months/2026-12/appointments",
        "/changes",
        "/api/changes",
        "/month/2026-12",
    ):
        no_marker(client.get(path))
    requests = load_office(office).appointments_of(Month(2026, 12))
    for number, item in enumerate(requests, start=1):
        query = f"?number={item.number}" if item.number > 1 else ""
        own_note(client.get(f"/appointments/2026-12/{item.case}{query}"), number)
        own_note(client.get(f"/api/months/2026-12/appointments/{item.case}{query}"), number)
        no_marker(client.get(f"/appointments/2026-12/{item.case}/cancel{query}"))

    # saving: answers without notes, problems without what was entered
    good = {
        "case": "B-1",
        "language": "ar",
        "minutes": 30,
        "earliest": "2026-12-02",
        "latest": "2026-12-09",
        "note": f"{MARKER}-new",
    }
    added = client.post("/api/months/2026-12/appointments", json=good, headers=token)
    assert added.status_code == 201
    no_marker(added)
    refused = client.post(
        "/api/months/2026-12/appointments", json=good | {"minutes": 999}, headers=token
    )
    assert refused.status_code == 422
    no_marker(refused)
    changed = client.put(
        "/api/months/2026-12/appointments/B-1", json=good | {"minutes": 60}, headers=token
    )
    assert changed.status_code == 200
    no_marker(changed)
    form = {name: str(value) for name, value in good.items()} | {"csrf_token": logged_in}
    page = client.post("/appointments/2026-12", data=form | {"case": "B 2"})
    assert page.status_code == 422
    assert MARKER not in without_note_field(page)  # her own entry, shown back to her only
    page = client.post(
        "/appointments/2026-12/A-2026-011",
        data=form | {"case": "A-2026-011", "note": f"{MARKER}-1 private", "minutes": "0"},
    )
    assert page.status_code == 422
    assert MARKER not in without_note_field(page)
    saved = client.post(
        "/appointments/2026-12/A-2026-011",
        data=form | {"case": "A-2026-011", "note": f"{MARKER}-1 changed"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    no_marker(saved)
    no_marker(client.delete("/api/months/2026-12/appointments/B-1", headers=token))
    cancelled = client.post(
        "/appointments/2026-12/A-2026-012/cancel", data={"csrf_token": logged_in}
    )
    no_marker(cancelled)
    no_marker(
        client.put(
            "/api/months/2026-12/availability/v05/2026-12-02",
            json={"answer": "yes"},
            headers=token,
        )
    )
    no_marker(client.get("/changes"))
    no_marker(client.get("/api/changes"))

    log = changes_path(office).read_bytes()
    assert MARKER.encode() not in log
    assert b"A-2026-011" not in log  # no case reference either
    assert b"B-1" not in log
    assert len(log.splitlines()) == 6
    assert MARKER not in caplog.text
    # the comments of the file are still there, the changed note too
    text = (office / FILE).read_text(encoding="utf-8")
    assert f"# {MARKER}-comment: a remark about no case" in text
    assert f"note: {MARKER}-1 changed" in text


def test_nothing_without_a_login(marked: int, client: TestClient) -> None:
    assert marked == 12
    for path in (
        "/appointments/2026-12/A-2026-011",
        "/api/months/2026-12/appointments/A-2026-011",
        "/api/months/2026-12/appointments",
        "/appointments/2026-12",
    ):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code in (303, 401)
        no_marker(answer)
