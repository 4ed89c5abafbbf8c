"""The change log (issue 14, section 11): appended under the folder lock, one JSON line per
change (aware time in the office's zone, who, a catalogue key and its values, the month),
read back newest first in plain words with names; a changed password is logged, a login
is not."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_office import LEAD_NAME, ORIGIN, PASSWORD

from roster.app import latest_changes, record_change
from roster.app.changelog import read_changes
from roster.app.web_files import changes_path

MOMENT = datetime(2026, 12, 3, 13, 5, tzinfo=UTC)


def test_changes_are_appended_and_read_newest_first(office: Path) -> None:
    record_change(office, "v01", "web.change_password", now=MOMENT)
    record_change(office, "v02", "web.change_password", month="2026-12", now=MOMENT)
    path = changes_path(office)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first == {
        "time": "2026-12-03T14:05:00+01:00",
        "who": "v01",
        "key": "web.change_password",
        "params": {},
        "month": None,
    }
    assert json.loads(lines[1])["month"] == "2026-12"
    newest = latest_changes(office, 1)
    assert len(newest) == 1
    assert newest[0].who == "Karim Mansour"
    assert newest[0].what == "Passwort geändert."
    assert newest[0].when == "Do., 3. Dez. 2026, 14:05"
    assert [line.who for line in latest_changes(office)] == ["Karim Mansour", LEAD_NAME]


def test_a_half_written_line_is_skipped_and_later_lines_still_count(office: Path) -> None:
    record_change(office, "v01", "web.change_password", now=MOMENT)
    with changes_path(office).open("ab") as handle:
        handle.write(b'{"time": "2026-12-03T14:0')  # a crash in the middle of a line
    with changes_path(office).open("ab") as handle:
        handle.write(b"\n")
    record_change(office, "v02", "web.change_password", now=MOMENT)
    assert [change.who for change in read_changes(office)] == ["v01", "v02"]


def test_a_change_needs_a_catalogue_key_and_plain_values(office: Path) -> None:
    with pytest.raises(ValueError, match="no catalogue key"):
        record_change(office, "v01", "web.no_such_sentence")
    with pytest.raises(ValueError, match="number or a short text"):
        record_change(office, "v01", "web.change_password", note="x" * 101)
    assert not changes_path(office).exists()


def test_a_password_change_is_logged_and_a_login_is_not(
    client: TestClient, logged_in: str, office: Path
) -> None:
    assert not changes_path(office).exists()
    answer = client.put(
        "/api/account/password",
        json={"current_password": PASSWORD, "new_password": "another long secret"},
        headers={"X-CSRF-Token": logged_in, "Origin": ORIGIN},
    )
    assert answer.status_code == 204
    [change] = read_changes(office)
    assert (change.who, change.key) == ("v01", "web.change_password")
    logged = changes_path(office).read_text(encoding="utf-8")
    assert PASSWORD not in logged
    assert "another long secret" not in logged
    page = client.get("/changes")
    assert page.status_code == 200
    assert LEAD_NAME in page.text
    assert "Passwort geändert." in page.text
    api = client.get("/api/changes").json()
    assert [(item["who"], item["what"]) for item in api] == [(LEAD_NAME, "Passwort geändert.")]
