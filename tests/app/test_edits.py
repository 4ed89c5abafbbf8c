"""Saving edits (roster.app.edits): the folder is checked as it would be, with the same
validation as `roster check`; only a valid folder is written, atomically, under the lock,
with one change-log line. A problem names the folder's own file and field, never the
temporary copy, and leaves every byte as it was."""

from __future__ import annotations

import shutil
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from roster.app.changelog import read_changes
from roster.app.edits import check_as_saved, save_files
from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError, folder_lock

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "velbert"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """A copy of the example office."""
    return Path(shutil.copytree(EXAMPLE, tmp_path / "office"))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith(".roster.lock")
    }


def test_a_valid_change_is_written_and_recorded(office: Path) -> None:
    text = (office / "volunteers.yaml").read_text(encoding="utf-8")
    changed = text.replace("max_per_month: 4", "max_per_month: 5", 1)
    data = save_files(
        office,
        {"volunteers.yaml": changed},
        who="v01",
        key="web.change_password",
        now=NOW,
        lock_wait=0,
    )
    assert (office / "volunteers.yaml").read_text(encoding="utf-8") == changed
    assert data.folder == office
    assert data.volunteers[0].max_per_month == 5
    assert [(change.who, change.key) for change in read_changes(office)] == [
        ("v01", "web.change_password")
    ]


def test_a_change_that_breaks_the_folder_writes_nothing(office: Path) -> None:
    before = _snapshot(office)
    text = (office / "volunteers.yaml").read_text(encoding="utf-8")
    broken = text.replace("max_per_month: 4", "max_per_month: -1", 1)
    with pytest.raises(RosterError) as caught:
        save_files(office, {"volunteers.yaml": broken}, who="v01", key="web.change_password")
    assert caught.value.message == "Nothing was saved. Please correct what is marked."
    problems = caught.value.problems
    assert [(item.file, item.field) for item in problems] == [
        ("volunteers.yaml", "volunteers[0].max_per_month")
    ]
    assert "roster-check-" not in str(caught.value)
    assert _snapshot(office) == before


def test_a_new_month_file_and_a_removed_one(office: Path) -> None:
    poll = "volunteer,2027-01-06\nv01,yes\n"
    save_files(
        office,
        {"availability/2027-01.csv": poll},
        who="v01",
        key="web.change_password",
        now=NOW,
    )
    assert (office / "availability" / "2027-01.csv").read_text(encoding="utf-8") == poll
    save_files(
        office, {"availability/2027-01.csv": None}, who="v01", key="web.change_password", now=NOW
    )
    assert not (office / "availability" / "2027-01.csv").exists()


def test_a_busy_folder_writes_nothing(office: Path) -> None:
    """Another run (here: another thread; the lock is re-entrant within one) holds the
    lock: the save is refused at once and writes nothing."""
    before = _snapshot(office)
    text = (office / "volunteers.yaml").read_text(encoding="utf-8")
    held, release = threading.Event(), threading.Event()

    def other_run() -> None:
        with folder_lock(office, "roster plan"):
            held.set()
            release.wait(10)

    other = threading.Thread(target=other_run)
    other.start()
    try:
        assert held.wait(10)
        with pytest.raises(FolderBusyError):
            save_files(
                office,
                {"volunteers.yaml": text.replace("max_per_month: 4", "max_per_month: 5", 1)},
                who="v01",
                key="web.change_password",
                lock_wait=0,
            )
    finally:
        release.set()
        other.join()
    assert _snapshot(office) == before


@pytest.mark.parametrize("name", ["../escape.yaml", "rotas/2026-12.json", "web/accounts.json"])
def test_only_input_files_can_be_saved(office: Path, name: str) -> None:
    with pytest.raises(ValueError, match="not an input file"):
        check_as_saved(office, {name: b""})


def test_checking_alone_writes_nothing(office: Path) -> None:
    before = _snapshot(office)
    data = check_as_saved(office, {"overrides/2026-12.yaml": b"forbid: []\n"})
    assert data.folder == office
    assert _snapshot(office) == before
