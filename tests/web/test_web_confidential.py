"""Confidentiality across the whole web app (issue 14): a marker in every appointment's
note must appear in no answer of any page or API endpoint, except the appointment's own
page and JSON for a logged-in lead (and those are never cached); never in the change log,
never in the server's log.

Every GET route of the app is asked, with every path parameter filled from a table; a
route with a parameter the table does not know fails the test, so a new page cannot slip
past it."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from web_office import ORIGIN, with_markers

from roster.app.page_links import link_page
from roster.app.web_files import changes_path
from roster.web.main import LEAD_ROUTERS, LOGIN_ROUTERS, VOLUNTEER_ROUTERS

MARKER = "CONFIDENTIAL-MARKER"
PARAMETERS: dict[str, list[str]] = {
    "month": ["2026-12", "2027-01"],
    "date": ["2026-12-09", "2026-12-10"],
    "day": ["2026-12-09", "2026-12-10"],
    "case": ["A-2026-011", "A-2026-013"],
    "id": ["v01", "v05"],
    "volunteer": ["v01", "v05"],
    "name": ["rota-2026-12.pdf", "rota-2026-12.html"],
    "token": ["0" * 43],
    "path": ["app.css"],
}
"""Values for each path parameter a route may have."""
OWN_PAGE = "{case}"
"""Routes with this parameter show one appointment, its note included, to the lead."""


def _page_tokens(office: Path) -> list[str]:
    """Live page tokens of volunteers with appointments (for the volunteers' pages)."""
    return [
        link_page(office, volunteer, local=True).url.rsplit("/", 1)[1]
        for volunteer in ("v01", "v08")
    ]


def _addresses(tokens: list[str] | None = None) -> list[tuple[str, str]]:
    """(route path, address) for every GET route of the routers :func:`create_app`
    includes, with its parameters filled in; ``tokens`` are valid page tokens, tried as
    well as an unknown one."""
    found: list[tuple[str, str]] = []
    values = {**PARAMETERS, "token": [*PARAMETERS["token"], *(tokens or [])]}
    routers = (*LOGIN_ROUTERS, *LEAD_ROUTERS, *VOLUNTEER_ROUTERS)
    routes = [route for router in routers for route in router.routes]
    for route in routes:
        if not isinstance(route, APIRoute) or "GET" not in (route.methods or set()):
            continue
        names = re.findall(r"{(\w+)(?::\w+)?}", route.path)
        unknown = [name for name in names if name not in values]
        assert not unknown, f"add values for {unknown} of {route.path} to PARAMETERS"
        addresses = [route.path]
        for name in names:
            addresses = [
                re.sub(r"{" + name + r"(?::\w+)?}", value, address)
                for address in addresses
                for value in values[name]
            ]
        found.extend((route.path, address) for address in addresses)
    return found


@pytest.fixture
def marked(office: Path) -> int:
    """The office's notes carry markers."""
    return with_markers(office, MARKER)


def test_notes_reach_no_answer_but_their_own_page(
    marked: int,
    client: TestClient,
    logged_in: str,
    office: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    assert marked >= 2
    caplog.set_level(logging.DEBUG)
    addresses = _addresses(_page_tokens(office))
    assert len(addresses) >= 5
    own_pages = 0
    for route, address in addresses:
        answer = client.get(address, headers={"Origin": ORIGIN})
        assert answer.status_code < 500, (address, answer.status_code)
        body = answer.content.decode("utf-8", errors="replace")
        if OWN_PAGE in route and MARKER in body:
            own_pages += 1
            assert answer.headers["cache-control"] == "no-store", address
            # Only that appointment's own note: never another one's.
            assert len(set(re.findall(MARKER + r"-\d+", body))) == 1, address
            continue
        assert MARKER not in body, f"a note leaked into {address}"
    if any(OWN_PAGE in route for route, _ in addresses):
        assert own_pages > 0, "no appointment's own page showed its note"
    assert MARKER not in caplog.text
    log = changes_path(office)
    assert not log.exists() or MARKER.encode() not in log.read_bytes()


def test_notes_reach_no_answer_without_a_login(
    marked: int, client: TestClient, office: Path
) -> None:
    assert marked >= 2
    for _, address in _addresses(_page_tokens(office)):
        answer = client.get(address)
        assert MARKER not in answer.content.decode("utf-8", errors="replace"), address
