"""The printouts of a month change as a whole (issue 11, section 4): they are written into
a generation folder and made current in one step, so a print killed at any file operation
leaves the old complete set or the new complete set, never some of each; the next print
completes it and leaves nothing behind; a full disk leaves the old set and says so."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fault_injection import WRITES, Killed, file_operations

from roster import app
from roster.app import printing
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office
from roster.printouts import documents
from roster.printouts.context import load_input
from roster.printouts.documents import month_files, print_month

DECEMBER = Month(2026, 12)
DROPPED = "2026-12-16-appt-1300"
Files = dict[str, bytes]


def in_set(folder: Path) -> Files:
    """The month's current set, read through the link ``print/2026-12``."""
    current = folder / "print" / str(DECEMBER)
    if not current.is_dir():
        return {}
    return {
        path.relative_to(current).as_posix(): path.read_bytes()
        for path in sorted(current.rglob("*"))
        if path.is_file()
    }


def as_opened(folder: Path) -> Files:
    """The month's printouts a person opens in ``print/`` and ``print/people/``."""
    target = folder / "print"
    found = {}
    for place in (target, target / "people"):
        for path in sorted(place.glob(f"*{DECEMBER}*")):
            if path.is_file() and path.name != str(DECEMBER):
                found[path.relative_to(target).as_posix()] = path.read_bytes()
    return found


def names(folder: Path) -> list[str]:
    """Every name of the month in ``print/`` and ``print/people/``, readable or not."""
    target = folder / "print"
    return sorted(
        path.relative_to(target).as_posix()
        for place in (target, target / "people")
        for path in place.glob(f"*{DECEMBER}*")
        if path.name != str(DECEMBER)
    )


def leftovers(folder: Path) -> list[Path]:
    """Temporary files, and generations other than the current and the previous one."""
    files = month_files(folder, DECEMBER)
    found = sorted(files.home.rglob(".*.tmp"))
    current = files.current()
    if files.store.is_dir() and current is not None:
        numbers = sorted(int(path.name) for path in files.store.iterdir())
        found.extend(files.store / str(n) for n in numbers if n < int(current.name) - 1)
    return found


@pytest.fixture
def versions(real_plan_folder: Path, html_only: None) -> tuple[Files, Files]:
    """What printing December gives: the real plan in German, then in English without the
    appointment hours of 16 December (one sheet fewer). Three personal schedules stand for
    all thirty, so that every file operation of a print can be a kill point quickly."""
    full = documents.render_all(
        load_input(load_office(real_plan_folder), DECEMBER, "de"), pdf=False
    )
    plan_file = real_plan_folder / "rotas" / "2026-12.json"
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    plan["sessions"] = [item for item in plan["sessions"] if item["id"] != DROPPED]
    plan["appointments"] = [item for item in plan["appointments"] if item["session"] != DROPPED]
    plan_file.write_text(json.dumps(plan), encoding="utf-8")
    fewer = documents.render_all(
        load_input(load_office(real_plan_folder), DECEMBER, "en"), pdf=False
    )
    assert "appointments-2026-12-16.html" in set(full) - set(fewer)
    people = sorted(name for name in full if name.startswith("people/"))[:3]

    def some(rendering: Files) -> Files:
        return {k: v for k, v in rendering.items() if not k.startswith("people/") or k in people}

    return some(full), some(fewer)


def _print(data: OfficeData, rendering: Files, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Print December with ``rendering`` as what the documents render to (rendering is
    the same every time; the test is about writing)."""
    monkeypatch.setattr(documents, "render_all", lambda *_, **__: rendering)
    return print_month(data, DECEMBER)


def _reset(folder: Path, copy: Path) -> None:
    shutil.rmtree(folder / "print")
    shutil.copytree(copy, folder / "print", symlinks=True)


def test_a_print_killed_at_any_file_operation_leaves_one_whole_set(
    real_plan_folder: Path,
    versions: tuple[Files, Files],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    folder = real_plan_folder
    data = load_office(folder)
    target = folder / "print"
    target.mkdir()
    (target / "notes.txt").write_text("the office's own", encoding="utf-8")
    (target / "rota-2026-11.html").write_text("November", encoding="utf-8")
    for step, (old, new) in enumerate([versions, versions[::-1]]):
        _print(data, old, monkeypatch)
        copy = shutil.copytree(target, tmp_path / f"print-{step}", symlinks=True)
        with file_operations() as done:
            _print(data, new, monkeypatch)
        outcomes = {"old": 0, "new": 0}
        for point in range(1, len(done) + 1):
            where = f"step {step}, killed at file operation {point} of {len(done)}"
            _reset(folder, copy)
            with pytest.raises(Killed), file_operations(kill_at=point):
                _print(data, new, monkeypatch)
            seen = in_set(folder)
            assert seen in (old, new), where
            assert as_opened(folder) == seen, where  # whatever a person opens: that set
            outcomes["new" if seen == new else "old"] += 1
            _print(data, new, monkeypatch)  # the next run
            assert in_set(folder) == new and as_opened(folder) == new, where
            assert names(folder) == sorted(new), where
            assert leftovers(folder) == [], where
            assert (target / "notes.txt").read_text(encoding="utf-8") == "the office's own"
            assert (target / "rota-2026-11.html").read_text(encoding="utf-8") == "November"
        assert outcomes["old"] > 0 and outcomes["new"] > 0, outcomes


def test_a_print_killed_while_taking_over_the_earlier_layout_never_mixes(
    real_plan_folder: Path,
    versions: tuple[Files, Files],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Printouts written before generations (real files in print/) are replaced before
    the switch: a person sees old printouts or none, then the new ones; never some of each."""
    folder = real_plan_folder
    data = load_office(folder)
    old, new = versions
    target = folder / "print"
    for name, content in old.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(content)
    copy = shutil.copytree(target, tmp_path / "earlier", symlinks=True)
    with file_operations() as done:
        _print(data, new, monkeypatch)
    for point in range(1, len(done) + 1):
        where = f"killed at file operation {point} of {len(done)}"
        _reset(folder, copy)
        with pytest.raises(Killed), file_operations(kill_at=point):
            _print(data, new, monkeypatch)
        seen, opened = in_set(folder), as_opened(folder)
        assert seen in ({}, new), where
        assert opened.items() <= old.items() or opened.items() <= new.items(), where
        if seen:
            assert opened == new, where
        _print(data, new, monkeypatch)
        assert in_set(folder) == as_opened(folder) == new and names(folder) == sorted(new), where
        assert leftovers(folder) == [], where


def test_a_full_disk_leaves_the_previous_printouts_and_says_so(
    real_plan_folder: Path,
    versions: tuple[Files, Files],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    folder = real_plan_folder
    data = load_office(folder)
    old, new = versions
    monkeypatch.setattr(printing, "load_office", lambda _: data)
    _print(data, old, monkeypatch)
    copy = shutil.copytree(folder / "print", tmp_path / "before", symlinks=True)
    monkeypatch.setattr(documents, "render_all", lambda *_, **__: new)
    with file_operations() as done:
        app.print_month(folder, "2026-12")
    writes = sum(1 for name in done if name in WRITES)
    refused = 0
    for point in range(1, writes + 1):
        where = f"disk full at write {point} of {writes}"
        _reset(folder, copy)
        try:
            with file_operations(full_at=point):
                app.print_month(folder, "2026-12")
        except RosterError as exc:
            refused += 1
            assert "the disk is full" in str(exc) and str(exc).startswith(str(folder)), where
            assert in_set(folder) == as_opened(folder) == old, where
        else:  # only a folder that was there already, or tidying up after the switch
            assert in_set(folder) == as_opened(folder) == new, where
        assert leftovers(folder) == [], where
    assert refused >= len(set(new.items()) - set(old.items()))
