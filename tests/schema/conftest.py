"""Fixtures of the API's schema test: the web app over a fresh copy of the example office
for each operation, and a client logged in to it. What the test module imports lives in
``schema_office.py``."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from schema_office import CHEAP_HASHER, logged_in, make_office, web_app
from schemathesis.python.asgi import ASGIClient
from schemathesis.transport import requests as schemathesis_requests

from roster.app import accounts
from roster.app.plan_jobs import stop_all_jobs


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hash and check passwords with the cheap hasher (and a dummy hash of its cost)."""
    monkeypatch.setattr(accounts, "_hasher", lambda: CHEAP_HASHER)
    dummy = CHEAP_HASHER.hash("dummy")
    monkeypatch.setattr(accounts, "_dummy_hash", lambda: dummy)


@pytest.fixture(autouse=True)
def no_connection_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let schemathesis send through ``requests`` beside urllib3-future.

    caldav needs niquests, whose urllib3-future takes the place of urllib3; its pool
    manager's ``pools`` has no ``keys()``, which schemathesis calls to count open
    connections (to resend a request a server dropped before answering). The app is called
    in-process: no connection is ever opened or dropped, so the count is 0.
    """
    monkeypatch.setattr(schemathesis_requests, "_count_opened_connections", lambda _session: 0)


@pytest.fixture(scope="module")
def template_office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example office with the lead's account, made once (copied for each operation)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", lambda: CHEAP_HASHER)
        return make_office(tmp_path_factory.mktemp("template") / "office")


@pytest.fixture
def api_app(template_office: Path, tmp_path: Path) -> Iterator[FastAPI]:
    """The web app over a fresh copy of the example office; a planning job a request
    started is stopped afterwards (it would plan on in a process of its own)."""
    folder = tmp_path / "office"
    shutil.copytree(template_office, folder)
    yield web_app(folder)
    stop_all_jobs()


@pytest.fixture
def api_client(api_app: FastAPI) -> Iterator[tuple[ASGIClient, str]]:
    """A client logged in as the lead, and its CSRF token."""
    client, token = logged_in(api_app)
    with client:
        yield client, token
