"""What the web app's tests share (test modules import it by this unique name, never
``from conftest import``): the example office and its lead, a clock moved by hand, the
cheap password hasher, and logging in."""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from roster.app.web_files import changes_path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "velbert"
PLAN = REPO / "tests" / "data" / "plans" / "velbert-2026-12.json"
PASSWORD = "correct horse battery"
LEAD = "v01"
LEAD_NAME = "Birgit Sommer"
START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
BASE_URL = "https://testserver"
ORIGIN = "https://testserver"

CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
"""argon2id with a small cost: the tests check what a login does, not what it costs (the
real cost, 64 MiB and three passes, takes about half a second on CI's two cores)."""


class Clock:
    """A clock that moves only when the test moves it."""

    def __init__(self, start: datetime = START) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        """Move the clock on."""
        self.moment += timedelta(seconds=seconds)


def copy_office(target: Path, *, with_plan: bool = True) -> Path:
    """The example office in ``target``, with the December plan in rotas/."""
    shutil.copytree(EXAMPLE, target)
    if with_plan:
        (target / "rotas").mkdir()
        shutil.copyfile(PLAN, target / "rotas" / "2026-12.json")
    return target


def csrf_of(page: str) -> str:
    """The CSRF token in a page's hidden field."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found is not None, "no CSRF token in the page"
    return found.group(1)


def login(client: TestClient, account: str = LEAD, password: str = PASSWORD) -> str:
    """Log in through the API; the new session's CSRF token."""
    token = client.get("/api/session").json()["csrf_token"]
    answer = client.post(
        "/api/session",
        json={"account": account, "password": password},
        headers={"X-CSRF-Token": token, "Origin": ORIGIN},
    )
    assert answer.status_code == 200, answer.text
    new: str = answer.json()["csrf_token"]
    return new


def headers(token: str) -> dict[str, str]:
    """The headers of a changing API request: the CSRF token, from the app's own origin."""
    return {"X-CSRF-Token": token, "Origin": ORIGIN}


def changes(office: Path) -> list[dict[str, Any]]:
    """The change log's lines, oldest first (none before the first change)."""
    path = changes_path(office)
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def with_markers(office: Path, marker: str) -> int:
    """A numbered marker (``<marker>-1 private``, ...) in every appointment note of the
    office, to look for in every answer, message and log; how many notes there are."""
    count = 0
    for path in sorted((office / "appointments").glob("*.yaml")):
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("note:"):
                count += 1
                lines.append(re.sub(r"note:.*", f"note: {marker}-{count} private", line))
            else:
                lines.append(line)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count
