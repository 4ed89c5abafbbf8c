"""Two writers at once, for real (issue 14): `roster plan` runs as its own process on the
office folder while the web app saves. The app is told to wait (409, nothing written)
when it may not wait; when it may, it waits for the plan and then saves. Afterwards both
results are there: the plan the command line wrote and the web app's change."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient
from web_office import BASE_URL, ORIGIN, PASSWORD, Clock, login

from roster.app.web_files import accounts_path
from roster.planfile.io import read_plan
from roster.web import create_app

NEW = "another long secret"
HOLDER = ".roster.lock.json"


def _start_plan(office: Path) -> subprocess.Popen[bytes]:
    """`roster plan` from scratch with a time limit long enough to overlap the saves."""
    (office / "rotas" / "2026-12.json").unlink()
    command = [
        sys.executable,
        "-c",
        "from roster.cli import main; main()",
        "plan",
        str(office),
        "--month",
        "2026-12",
        "--today",
        "2026-11-20",
        "--time-limit",
        "4",
        "--quiet",
    ]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_holder(office: Path, process: subprocess.Popen[bytes]) -> None:
    """Until the command line holds the folder's lock (its holder file names it)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        holder = office / HOLDER
        if holder.is_file():
            data = json.loads(holder.read_text(encoding="utf-8"))
            if data.get("pid") == process.pid:
                return
        assert process.poll() is None, "roster plan ended before it took the lock"
        time.sleep(0.05)
    raise AssertionError("roster plan did not take the lock")


def test_the_command_line_and_the_app_write_at_once(office: Path, clock: Clock) -> None:
    impatient = create_app(office, now=clock, lock_wait=0)
    patient = create_app(office, now=clock, lock_wait=60)
    before = accounts_path(office).read_bytes()
    plan = _start_plan(office)
    try:
        _wait_for_holder(office, plan)
        with TestClient(impatient, base_url=BASE_URL) as client:
            token = login(client)
            refused = client.put(
                "/api/account/password",
                json={"current_password": PASSWORD, "new_password": NEW},
                headers={"X-CSRF-Token": token, "Origin": ORIGIN},
            )
        assert refused.status_code == 409
        assert refused.json()["type"] == "urn:roster:problem:busy"
        assert accounts_path(office).read_bytes() == before
        assert plan.poll() is None, "the plan should still be running"
        with TestClient(patient, base_url=BASE_URL) as client:
            token = login(client)
            saved = client.put(
                "/api/account/password",
                json={"current_password": PASSWORD, "new_password": NEW},
                headers={"X-CSRF-Token": token, "Origin": ORIGIN},
            )
        assert saved.status_code == 204
    finally:
        _, errors = plan.communicate(timeout=120)
    assert plan.returncode == 0, errors.decode()
    assert read_plan(office / "rotas" / "2026-12.json").month == "2026-12"
    assert accounts_path(office).read_bytes() != before
