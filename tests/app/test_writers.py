"""Every writer takes the office folder's lock, writes secrets privately, cleans up after
killed runs and turns disk errors into plain messages (issue 11, sections 2, 3, 5, 6)."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from filelock import FileLock

from roster import app
from roster.cli import main
from roster.domain import lock
from roster.domain.errors import RosterError
from roster.domain.lock import folder_lock

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "velbert"
PLAN = ROOT / "tests" / "data" / "plans" / "velbert-2026-12.json"


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """The example office with its December plan, as a real office folder."""
    folder = tmp_path / "office"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("rotas", "feeds", "print"))
    (folder / "rotas").mkdir()
    shutil.copy(PLAN, folder / "rotas" / "2026-12.json")
    return folder


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


# -- one writer at a time -------------------------------------------------------------------


@pytest.fixture
def held(office: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holds the office's lock, as a running `roster plan` would."""
    code = (
        "import sys, time; from pathlib import Path; from roster.domain.lock import folder_lock\n"
        "with folder_lock(Path(sys.argv[1]), 'roster plan'):\n"
        "    print('held', flush=True); time.sleep(60)\n"
    )
    other = subprocess.Popen(
        [sys.executable, "-c", code, str(office)], stdout=subprocess.PIPE, text=True
    )
    assert other.stdout is not None and other.stdout.readline().strip() == "held"
    yield other
    other.kill()
    other.wait()


def test_a_second_writer_waits_then_names_the_other_run(
    office: Path, held: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock, "LOCK_WAIT_SECONDS", 0.3)
    before = sorted(p.relative_to(office) for p in office.rglob("*"))
    result = CliRunner().invoke(main, ["publish", str(office), "--month", "2026-12"])
    assert result.exit_code == 2
    assert "Another run is changing the office folder" in result.stderr
    assert "'roster plan'" in result.stderr and f"process {held.pid}" in result.stderr
    assert "waited 0.3 seconds" in result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.relative_to(office) for p in office.rglob("*")) == before


def test_a_killed_writer_leaves_the_lock_free(
    office: Path, held: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lock, "LOCK_WAIT_SECONDS", 5.0)
    held.kill()
    held.wait()
    report = app.publish_month(office, "2026-12")
    assert report.written


def test_two_writers_in_one_process_take_turns(office: Path) -> None:
    order: list[str] = []
    inside = threading.Event()

    def first() -> None:
        with folder_lock(office, "roster print"):
            order.append("first in")
            inside.set()
            time.sleep(0.4)
            order.append("first out")

    thread = threading.Thread(target=first)
    thread.start()
    inside.wait(5)
    with folder_lock(office, "roster plan", wait=5):
        order.append("second in")
    thread.join()
    assert order == ["first in", "first out", "second in"]


# -- operating-system errors ----------------------------------------------------------------


def test_a_full_disk_is_a_plain_message_and_nothing_is_written(
    office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    plan_before = (office / "rotas" / "2026-12.json").read_bytes()
    result = CliRunner().invoke(
        main, ["plan", str(office), "--month", "2026-12", "--today", "2026-11-25", "--fresh"]
    )
    assert result.exit_code == 2, result.output
    assert "the disk is full" in result.stderr and "2026-12.json" in result.stderr
    assert "Traceback" not in result.output
    assert (office / "rotas" / "2026-12.json").read_bytes() == plan_before
    assert not list((office / "rotas").glob(".*.tmp"))


def test_a_read_only_folder_is_a_plain_message(
    office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(self: object, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(office / ".roster.lock"))

    monkeypatch.setattr(FileLock, "acquire", read_only)
    result = CliRunner().invoke(main, ["print", str(office), "--month", "2026-12"])
    assert result.exit_code == 2
    assert "is on a read-only disk or folder" in result.stderr
    assert str(office) in result.stderr
    assert "Traceback" not in result.output


def test_a_folder_where_the_plan_file_belongs_is_a_plain_message(office: Path) -> None:
    target = office / "rotas" / "2027-01.json"
    target.mkdir()
    result = CliRunner().invoke(
        main, ["plan", str(office), "--month", "2027-01", "--today", "2026-12-20", "--quiet"]
    )
    assert result.exit_code == 2, result.output
    assert "2027-01.json" in result.stderr
    assert "folder" in result.stderr and "Traceback" not in result.output
    assert target.is_dir()


# -- secrets are private on disk ------------------------------------------------------------


def test_secrets_are_0600_and_public_outputs_stay_readable(
    office: Path, umask_022: None, tmp_path: Path
) -> None:
    app.publish_month(office, "2026-12")
    png = tmp_path / "v02.png"
    app.link_feed(office, "v02", png=png, local=True)  # the example office has no base_url
    feeds = office / "feeds"
    assert _mode(feeds / "state.json") == 0o600
    assert _mode(feeds / "tokens.json") == 0o600
    assert _mode(png) == 0o600
    assert _mode(feeds / "private") == 0o700
    private = sorted((feeds / "private").glob("*.ics"))
    assert private and all(_mode(path) == 0o600 for path in private)
    assert _mode(feeds / "public.ics") == 0o644
    assert _mode(office / "rotas" / "2026-12.json") == 0o644


def test_secrets_left_readable_by_an_older_version_are_made_private(
    office: Path, umask_022: None
) -> None:
    app.publish_month(office, "2026-12")
    feeds = office / "feeds"
    for path in [feeds / "state.json", *(feeds / "private").glob("*.ics")]:
        path.chmod(0o644)
    app.publish_month(office, "2026-12")
    assert _mode(feeds / "state.json") == 0o600
    assert all(_mode(path) == 0o600 for path in (feeds / "private").glob("*.ics"))


def test_leftover_temp_files_of_killed_runs_are_removed(office: Path) -> None:
    app.publish_month(office, "2026-12")
    private = office / "feeds" / "private"
    leftover = private / ".abc.ics.x1y2.tmp"
    leftover.write_text("BEGIN:VCALENDAR\nSUMMARY:private schedule\n", encoding="utf-8")
    state_leftover = office / "feeds" / ".state.json.k3.tmp"
    state_leftover.write_text("{}", encoding="utf-8")
    app.publish_month(office, "2026-12")
    assert not leftover.exists() and not state_leftover.exists()


# -- the demo never overwrites an office ----------------------------------------------------


def test_the_demo_refuses_a_real_office(office: Path) -> None:
    before = {p: p.read_bytes() for p in office.rglob("*") if p.is_file()}
    result = CliRunner().invoke(main, ["demo", str(office)])
    assert result.exit_code == 2
    assert "was not made by the demo" in result.stderr
    assert "roster demo roster-demo" in result.stderr
    assert {p: p.read_bytes() for p in office.rglob("*") if p.is_file()} == before


def test_the_demo_refuses_a_file(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(RosterError, match="is a file, not a folder"):
        app.run_demo(target)
    assert target.read_text(encoding="utf-8") == "mine"


# The demo running again in its own folder: tests/app/test_demo_web.py (with its account).
