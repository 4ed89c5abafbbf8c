"""What the API's schema test shares (imported by this unique name): the example office
with an account for its lead, the web app over it, its OpenAPI document, and a logged-in
client that calls the app in-process."""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from fastapi import FastAPI
from schemathesis.python.asgi import ASGIClient

from roster.app import add_account
from roster.web import create_app

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "velbert"
PLAN = REPO / "tests" / "data" / "plans" / "velbert-2026-12.json"
LEAD = "v01"
PASSWORD = "correct horse battery"
START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
BASE_URL = "https://testserver"

CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
"""argon2id with a small cost: the test logs in once per operation."""


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document the app serves at ``/api/openapi.json`` (it is the same for
    every office: made from an app over an empty folder, thrown away)."""
    with tempfile.TemporaryDirectory() as folder:
        document: dict[str, Any] = create_app(Path(folder)).openapi()
    return document


def make_office(target: Path) -> Path:
    """The example office with its December plan and an account for the lead v01."""
    shutil.copytree(EXAMPLE, target)
    (target / "rotas").mkdir()
    shutil.copyfile(PLAN, target / "rotas" / "2026-12.json")
    secret = target.parent / f"{target.name}-password.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    add_account(target, LEAD, password_file=secret, now=START)
    return target


def web_app(folder: Path) -> FastAPI:
    """The web app of ``folder``: its clock stands still, it waits for no lock."""
    return create_app(folder, now=lambda: START, lock_wait=0)


def logged_in(app: FastAPI) -> tuple[ASGIClient, str]:
    """A client of ``app`` (in-process, over HTTPS) logged in as the lead, and its
    session's CSRF token."""
    asgi: Any = app  # an ASGI app; schemathesis types its own, narrower signature
    client = ASGIClient(asgi, base_url=BASE_URL)
    token = client.get("/api/session").json()["csrf_token"]
    answer = client.post(
        "/api/session",
        json={"account": LEAD, "password": PASSWORD},
        headers={"X-CSRF-Token": token},
    )
    assert answer.status_code == 200, answer.text
    new: str = answer.json()["csrf_token"]
    return client, new
