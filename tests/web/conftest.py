"""Fixtures of the web app's tests: the example office (with the December 2026 plan and
an account for the lead v01) copied to a temporary folder, a clock moved by hand, and the
web app behind FastAPI's TestClient over HTTPS. What test modules import lives in
``web_office.py`` (never ``from conftest import``: other test folders have a conftest of
their own)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_office import BASE_URL, CHEAP_HASHER, LEAD, PASSWORD, START, Clock, copy_office, login

from roster.app import accounts, add_account
from roster.web import create_app


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hash and check passwords with the cheap hasher (and a dummy hash of its cost)."""
    monkeypatch.setattr(accounts, "_hasher", lambda: CHEAP_HASHER)
    dummy = CHEAP_HASHER.hash("dummy")
    monkeypatch.setattr(accounts, "_dummy_hash", lambda: dummy)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """The example office with its December plan and an account for the lead v01."""
    folder = copy_office(tmp_path / "office")
    secret = tmp_path / "password.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    add_account(folder, LEAD, password_file=secret, now=START)
    return folder


@pytest.fixture
def clock() -> Clock:
    """The app's clock."""
    return Clock()


@pytest.fixture
def web_app(office: Path, clock: Clock) -> FastAPI:
    """The web app of the office, waiting for no lock."""
    return create_app(office, now=clock, lock_wait=0)


@pytest.fixture
def client(web_app: FastAPI) -> Iterator[TestClient]:
    """The web app, asked over HTTPS."""
    with TestClient(web_app, base_url=BASE_URL) as test_client:
        yield test_client


@pytest.fixture
def logged_in(client: TestClient) -> str:
    """Log the client in as the lead v01: the session's CSRF token."""
    return login(client)
