"""A look at a volunteer's page writes only when something changed (issue 15): the first
visit and a visit whose duties differ are recorded; a second look at the same duties
leaves ``web/pages.json`` as it was and takes no lock."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_office import Clock

from roster.app import volunteer_page
from roster.app.page_links import link_page
from roster.app.page_tokens import pages_path


def _token(office: Path) -> str:
    return link_page(office, "v05", local=True).url.rsplit("/", 1)[1]


def _visit(office: Path) -> dict[str, object]:
    [visit] = json.loads(pages_path(office).read_text("utf-8"))["visits"]
    found: dict[str, object] = visit
    return found


def test_a_second_look_writes_nothing_and_takes_no_lock(
    office: Path, client: TestClient, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = _token(office)
    assert client.get(f"/p/{token}").status_code == 200
    first = pages_path(office).read_bytes()
    assert _visit(office)["duties"]
    taken: list[str] = []

    @contextmanager
    def no_lock(folder: Path, command: str, *, wait: float | None = None) -> Iterator[None]:
        taken.append(command)
        yield

    monkeypatch.setattr(volunteer_page, "writing", no_lock)
    clock.advance(3600)
    assert client.get(f"/p/{token}").status_code == 200
    assert client.get(f"/p/{token}?lang=en").status_code == 200
    assert pages_path(office).read_bytes() == first
    assert taken == []


def test_a_look_at_changed_duties_is_recorded(office: Path, client: TestClient) -> None:
    token = _token(office)
    client.get(f"/p/{token}")
    seen = _visit(office)
    duties = seen["duties"]
    assert isinstance(duties, list) and duties
    stored = json.loads(pages_path(office).read_text("utf-8"))
    stored["visits"][0]["duties"] = duties[1:]
    pages_path(office).write_text(json.dumps(stored), "utf-8")
    page = client.get(f"/p/{token}?lang=en").text
    assert "New: " in page
    assert _visit(office)["duties"] == duties
    again = client.get(f"/p/{token}?lang=en").text
    assert "New: " not in again
    assert "Nothing changed." in again
