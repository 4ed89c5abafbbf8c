"""Round-trip editing of hand-written YAML (roster.folder.yaml_edit): comments, order,
flow style and the file's own indentation survive; only the edited value changes."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from roster.domain.errors import RosterError
from roster.folder.yaml_edit import (
    Indent,
    detect_indent,
    dump_edited,
    flow_list,
    flow_map,
    load_for_edit,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "velbert"

FLUSH_LEFT = """\
# the team, lists flush left
volunteers:
- id: v01   # the first
  name: Anna
  roles: [lead, counsellor]
  languages: {de: native}
- id: v02
  name: 'Bea'
  roles: [counsellor]
  languages: {de: native}
"""


def _changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]


@pytest.mark.parametrize("name", ["volunteers.yaml", "office.yaml", "appointments/2026-12.yaml"])
def test_an_untouched_file_comes_back_byte_for_byte(name: str) -> None:
    text = (EXAMPLE / name).read_text(encoding="utf-8")
    assert dump_edited(load_for_edit(name, text)) == text


def test_one_value_changes_one_line() -> None:
    text = (EXAMPLE / "volunteers.yaml").read_text(encoding="utf-8")
    document = load_for_edit("volunteers.yaml", text)
    document.data["volunteers"][1]["max_per_month"] = 5
    assert _changed_lines(text, dump_edited(document)) == [
        "-    max_per_month: 3",
        "+    max_per_month: 5",
    ]


def test_a_flush_left_file_stays_flush_left_with_its_comments() -> None:
    assert detect_indent(FLUSH_LEFT) == Indent(mapping=2, sequence=2, offset=0)
    document = load_for_edit("volunteers.yaml", FLUSH_LEFT)
    document.data["volunteers"].append(
        {
            "id": "v03",
            "name": "Cem",
            "roles": flow_list(["interpreter"]),
            "languages": flow_map({"de": "fluent", "tr": "native"}),
        }
    )
    after = dump_edited(document)
    assert after.startswith(FLUSH_LEFT)
    assert after[len(FLUSH_LEFT) :] == (
        "- id: v03\n  name: Cem\n  roles: [interpreter]\n  languages: {de: fluent, tr: native}\n"
    )


def test_the_usual_indentation_is_read_off_the_example() -> None:
    text = (EXAMPLE / "volunteers.yaml").read_text(encoding="utf-8")
    assert detect_indent(text) == Indent(mapping=2, sequence=4, offset=2)


def test_an_empty_file_is_an_empty_mapping() -> None:
    document = load_for_edit("overrides/2026-12.yaml", "")
    document.data["assign"] = []
    assert dump_edited(document) == "assign: []\n"


def test_a_file_ruamel_cannot_read_is_a_plain_error() -> None:
    with pytest.raises(RosterError) as caught:
        load_for_edit("volunteers.yaml", "volunteers: [unclosed\n")
    assert [problem.file for problem in caught.value.problems] == ["volunteers.yaml"]
