"""`roster demo` runs again in the folder it made, and ends with how to open the web app:
on the first run the example's first lead gets an account whose password is shown once
and works; later runs show no password and say how to set a new one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from roster import app
from roster.app import accounts, check_login
from roster.app.demo import DEMO_MARKER

CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cheap hasher: the test checks the account, not the cost of its hash."""
    monkeypatch.setattr(accounts, "_hasher", lambda: CHEAP)
    dummy = CHEAP.hash("dummy")
    monkeypatch.setattr(accounts, "_dummy_hash", lambda: dummy)


def test_the_demo_runs_again_and_gives_the_lead_a_working_password_once(
    tmp_path: Path,
) -> None:
    target = tmp_path / "demo"
    report = app.run_demo(target, locale="en")
    assert (target / DEMO_MARKER).is_file()
    assert (target / "rotas" / f"{report.month}.json").is_file()
    first = report.text()
    assert f"roster web {target}" in first
    found = re.search(r"log in as v01 \(Birgit Sommer\) with the password (\S+) ", first)
    assert found is not None, first
    password = found.group(1)
    assert len(password) >= accounts.MIN_PASSWORD
    lead = check_login(target, "v01", password)
    assert lead is not None
    assert lead.name == "Birgit Sommer"
    assert check_login(target, "v01", password + "x") is None

    again = app.run_demo(target, locale="en")
    assert again.month == report.month
    second = again.text()
    assert password not in second
    assert "already has an account" in second
    assert f"roster web adduser {target} v01" in second
    assert check_login(target, "v01", password) is not None
