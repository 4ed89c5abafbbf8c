"""`load_office` keeps the folders it read: the same input is parsed once, any change of
an input file's bytes (even one of the same size within the same tick of the file
system's clock), a new or removed month file, is read again; a folder with problems is
never kept; each caller gets its own copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.folder import load

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "velbert"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders actually read (parsed and validated)."""
    seen: list[Path] = []
    real = load._read_office

    def counted(folder: Path) -> OfficeData:
        seen.append(folder)
        return real(folder)

    monkeypatch.setattr(load, "_read_office", counted)
    return seen


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """A copy of the example office."""
    return Path(shutil.copytree(EXAMPLE, tmp_path / "office"))


def test_the_same_files_are_read_once_and_each_caller_gets_a_copy(
    office: Path, reads: list[Path]
) -> None:
    first = load.load_office(office)
    first.volunteers.clear()
    second = load.load_office(office)
    assert len(reads) == 1
    assert second.volunteers
    assert second.folder == office
    assert second == load._read_office(office)


def test_a_change_of_the_same_size_is_read_again(office: Path, reads: list[Path]) -> None:
    team = office / "volunteers.yaml"
    text = team.read_text(encoding="utf-8")
    assert load.load_office(office).volunteers[0].max_per_month == 4
    team.write_text(text.replace("max_per_month: 4", "max_per_month: 5", 1), encoding="utf-8")
    assert load.load_office(office).volunteers[0].max_per_month == 5
    assert len(reads) == 2


def test_a_new_and_a_removed_month_file_are_read_again(office: Path, reads: list[Path]) -> None:
    load.load_office(office)
    added = office / "overrides" / "2026-12.yaml"
    added.parent.mkdir(exist_ok=True)
    added.write_text("forbid:\n  - {volunteer: v05, date: 2026-12-03}\n", encoding="utf-8")
    assert load.load_office(office).overrides_of(Month.parse("2026-12")).forbid
    added.unlink()
    assert not load.load_office(office).overrides_of(Month.parse("2026-12")).forbid
    assert len(reads) == 3


def test_a_folder_with_problems_is_read_every_time(office: Path, reads: list[Path]) -> None:
    team = office / "volunteers.yaml"
    team.write_text(
        team.read_text(encoding="utf-8").replace("max_per_month: 4", "max_per_month: -1", 1),
        encoding="utf-8",
    )
    for _ in range(2):
        with pytest.raises(RosterError):
            load.load_office(office)
    assert len(reads) == 2
