"""The size limit of an office file: a city's team file is read, a runaway file is not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from roster.domain.errors import RosterError
from roster.folder.load import load_office
from roster.folder.text_files import MAX_BYTES


def _padded(example: Path, tmp_path: Path, size: int) -> Path:
    """A copy of the example office whose volunteers.yaml is ``size`` bytes (a comment)."""
    folder = tmp_path / "office"
    shutil.copytree(example, folder)
    team = folder / "volunteers.yaml"
    text = team.read_bytes()
    team.write_bytes(text + b"#" + b"x" * (size - len(text) - 2) + b"\n")
    assert team.stat().st_size == size
    return folder


def test_a_file_of_the_limit_is_read(example: Path, tmp_path: Path) -> None:
    # a city office of 10,000 volunteers has a team file of 1.6 MB
    data = load_office(_padded(example, tmp_path, MAX_BYTES))
    assert len(data.volunteers) == 30


def test_a_file_over_the_limit_is_refused_plainly(example: Path, tmp_path: Path) -> None:
    with pytest.raises(RosterError) as raised:
        load_office(_padded(example, tmp_path, MAX_BYTES + 1))
    [problem] = raised.value.problems
    assert problem.file == "volunteers.yaml"
    assert problem.message == (
        "is 5,000 kB large; an office file is much smaller (at most 5,000 kB): make sure "
        "it is the right file, or split it"
    )
