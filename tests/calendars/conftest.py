"""Fixtures of the feed tests: a small office with an October plan, the feed application
behind a test client, and a real Radicale CalDAV server in a subprocess."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from feed_offices import KEY, NOW, write_office
from feed_plans import october_plan, save
from starlette.testclient import TestClient

from calendars.feed_app import feed_app
from calendars.publish import PublishReport, publish
from roster.domain.month import Month
from roster.folder.load import load_office


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """A small office folder with the October 2026 plan in rotas/."""
    folder = write_office(tmp_path / "office")
    save(folder, october_plan(folder))
    return folder


def publish_october(folder: Path, now: object = NOW) -> PublishReport:
    """Publish the window around October 2026 with the fixed key."""
    assert hasattr(now, "tzinfo")
    return publish(load_office(folder), now=now, month=Month(2026, 10), uid_key=KEY)  # type: ignore[arg-type]


@pytest.fixture
def published(office: Path) -> PublishReport:
    """The office's feeds, published once."""
    return publish_october(office)


@dataclass
class Answer:
    """An HTTP answer."""

    status: int
    headers: Mapping[str, str]  # names in any case, as HTTP reads them
    body: bytes


@dataclass
class RunningServer:
    """The feed application of a folder, asked through Starlette's TestClient."""

    client: TestClient

    def get(self, path: str, method: str = "GET", headers: dict[str, str] | None = None) -> Answer:
        """Ask the application; 4xx and 5xx answers are returned, not raised."""
        response = self.client.request(method, path, headers=headers or {})
        return Answer(response.status_code, response.headers, response.content)


ServeFolder = Callable[[Path], RunningServer]
"""Starts the feed application of a folder (the ``serve_folder`` fixture)."""


@pytest.fixture
def serve_folder() -> Iterator[ServeFolder]:
    """The feed application of a folder behind a TestClient; closed after the test."""
    running: list[TestClient] = []

    def start(folder: Path) -> RunningServer:
        client = TestClient(feed_app(folder), base_url="http://127.0.0.1:8080")
        running.append(client)
        return RunningServer(client)

    yield start
    for client in running:
        client.close()


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Radicale server (no auth, temporary storage) on a free port: its URL."""
    storage = tmp_path_factory.mktemp("radicale")
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "radicale",
        "--auth-type",
        "none",
        "--auth-delay",
        "0",
        "--rights-type",
        "owner_only",
        "--storage-filesystem-folder",
        str(storage / "collections"),
        "--hosts",
        f"127.0.0.1:{port}",
        "--logging-level",
        "warning",
    ]
    log = (storage / "radicale.log").open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 20
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                log.close()
                pytest.fail(f"Radicale did not start: {(storage / 'radicale.log').read_text()}")
            time.sleep(0.05)
    yield url
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


def icaljs_dir() -> Path | None:
    """Where the npm package ical.js is installed: $ROSTER_ICALJS_DIR or a default place."""
    candidates = [os.environ.get("ROSTER_ICALJS_DIR", ""), "/tmp/icaljs", "node_modules"]  # noqa: S108
    for candidate in filter(None, candidates):
        base = Path(candidate)
        for module in (base / "node_modules" / "ical.js", base / "ical.js", base):
            if (module / "package.json").is_file() and module.name == "ical.js":
                return module
    return None


@pytest.fixture(scope="session")
def icaljs() -> tuple[str, Path]:
    """``node`` and the ical.js package, or a skip that says how to get them."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed; ical.js (Mozilla's parser) needs Node.js")
    module = icaljs_dir()
    if module is None:
        pytest.skip(
            "the npm package ical.js was not found; install it with "
            "`npm install --prefix /tmp/icaljs ical.js` or set ROSTER_ICALJS_DIR to its prefix"
        )
    return node, module
