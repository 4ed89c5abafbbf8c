"""A name is one line: a line break in a name could break an e-mail header (issue 16)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from roster.domain.errors import RosterError
from roster.folder.load import load_office


@pytest.mark.parametrize("escaped", ["\\r\\nBcc: x@example.org", "\\n", "\\t", "\\x7f", "\\x00"])
def test_a_name_with_a_control_character_is_refused(
    example: Path, tmp_path: Path, escaped: str
) -> None:
    folder = tmp_path / "office"
    shutil.copytree(example, folder)
    team = folder / "volunteers.yaml"
    text = team.read_text(encoding="utf-8")
    assert "name: Birgit Sommer\n" in text
    team.write_text(
        text.replace("name: Birgit Sommer\n", f'name: "Birgit{escaped} Sommer"\n', 1),
        encoding="utf-8",
    )
    with pytest.raises(RosterError) as raised:
        load_office(folder)
    [problem] = raised.value.problems
    assert (problem.file, problem.field) == ("volunteers.yaml", "volunteers[0].name")
    assert "is not a name on one line (without line breaks or other control characters)" in (
        problem.message
    )


def test_a_name_with_letters_of_any_script_is_read(example: Path, tmp_path: Path) -> None:
    folder = tmp_path / "office"
    shutil.copytree(example, folder)
    team = folder / "volunteers.yaml"
    text = team.read_text(encoding="utf-8")
    team.write_text(text.replace("name: Birgit Sommer\n", "name: Юлия Ковалёва حسن\n", 1))
    assert load_office(folder).volunteers[0].name == "Юлия Ковалёва حسن"
