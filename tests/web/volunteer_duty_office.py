"""What the tests of stepping in and giving back share: the example office made ready
for Abdirahman Farah (v18) to fill the Somali gap on 2026-12-17, his page link and
the page's CSRF token."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from roster.app.page_links import link_page

SOMALI = "v18"
GAP_DAY = "2026-12-17"
"""An open-hours session with a Somali interpreter missing in the example's plan."""
ORIGIN = "https://testserver"


def set_office(office: Path, line: str) -> None:
    """Add a top-level line to office.yaml (e.g. ``volunteers: {step_in: at_once}``)."""
    with (office / "office.yaml").open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def make_somali_free(office: Path) -> None:
    """v18 may take three duties and answers yes for the 17th."""
    team = office / "volunteers.yaml"
    text = team.read_text("utf-8")
    start = text.index("  - id: v18")
    end = text.index("  - id: v19")
    block = text[start:end].replace("max_per_month: 2", "max_per_month: 3")
    team.write_text(text[:start] + block + text[end:], "utf-8")
    poll = office / "availability" / "2026-12.csv"
    lines = poll.read_text("utf-8").splitlines()
    lines = ["v18,maybe,yes,no,,,yes" if line.startswith("v18,") else line for line in lines]
    poll.write_text("\n".join(lines) + "\n", "utf-8")


def page_token(office: Path, volunteer: str = SOMALI) -> str:
    """A page link for ``volunteer``: its token."""
    return link_page(office, volunteer, local=True).url.rsplit("/", 1)[1]


def page_csrf(client: TestClient, token: str) -> str:
    """The CSRF token of the volunteer's page."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(f"/p/{token}/step-in").text)
    if found is None:
        return str(client.get(f"/api/p/{token}").json()["csrf_token"])
    return found.group(1)


def headers(csrf: str) -> dict[str, str]:
    """The headers of an API change."""
    return {"X-CSRF-Token": csrf, "Origin": ORIGIN}


def snapshot(office: Path) -> dict[str, bytes]:
    """Every file of the office folder but the web app's visit records, by path."""
    return {
        str(path.relative_to(office)): path.read_bytes()
        for path in sorted(office.rglob("*"))
        if path.is_file() and path.name not in ("pages.json", "session.key", ".roster.lock.json")
    }
