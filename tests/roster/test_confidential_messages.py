"""No message ever quotes an appointments file (issue 11): a marker in every position of an
appointment entry (every value, every key, comments) under every kind of error (syntax,
indentation, unknown keys, wrong types, anchors, aliases, tags, control characters,
encodings, nesting) never reaches what `roster check` prints; the file, the line and the
field still do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from roster.cli import main
from roster.domain.errors import RosterError
from roster.folder.load import load_office

MakeOffice = Callable[..., Path]
MARKER = "Zqxgeheim"
FILE = "appointments/2026-12.yaml"
ENTRY = [
    ("case", "A-1"),
    ("language", "ar"),
    ("minutes", "60"),
    ("earliest", "2026-12-01"),
    ("latest", "2026-12-16"),
    ("counsellor", "v01"),
    ("note", "Rückruf erbeten"),
]
# What the damaged value is: {m} is the marker. Each one is an error in any field.
VALUES = {
    "plain": "{m} {m}",
    "list": "[{m}]",
    "mapping": "{{{m}: 1}}",
    "colon": "{m}: {m}",
    "unclosed quote": '"{m}',
    "unclosed bracket": "[{m}",
    "unclosed brace": "{{{m}",
    "bad escape": '"{m}\\q"',
    "anchor": "&{m} x",
    "alias": "*{m}",
    "tag": "!{m} x",
    "secondary tag": "!!{m} x",
    "verbatim tag": "!<{m}> x",
    "control character": "{m}\x1b",
    "tab": "\t{m}",
    "deep nesting": "[" * 30 + "{m}" + "]" * 30,
    "block scalar header": "|{m}",
    "flow and comment": "[{m} # {m}",
}
# Damage to a whole line: {k} is the key, {v} the value, {m} the marker.
LINES = {
    "unknown key": "    {m}: {v}",
    "key with a space": "    {m} {m}: {v}",
    "key twice": "    {m}: {v}\n    {m}: {v}",
    "alias as key": "    *{m} : {v}",
    "tagged key": "    !{m} {k}: {v}",
    "indented too far": "      {k}: {m}",
    "indented too little": "  {k}: {m}",
    "comment after a syntax error": "    {k}: [{v} # {m}",
    "comment after a wrong value": "    {k}: {{a: 1}} # {m}",
    "comment line before a tab": "    # {m}\n\t{k}: {v}",
    "line without a colon": "    {m}",
    "second document": "---\n{m}: {v}",
    "directive": "%TAG !{m}! tag:example.org,2000:\n    {k}: {v}",
}


def _entry(replace: str, line: str) -> str:
    """The appointment with the line of key ``replace`` replaced by ``line``."""
    rows = [line if key == replace else f"    {key}: {value}" for key, value in ENTRY]
    return "appointments:\n  -\n" + "\n".join(rows) + "\n"


def _cases() -> list[tuple[str, bytes]]:
    cases: list[tuple[str, bytes]] = []
    for key, value in ENTRY:
        for kind, template in VALUES.items():
            damaged = template.format(m=MARKER)
            cases.append((f"{key}: {kind}", _entry(key, f"    {key}: {damaged}").encode()))
        for kind, template in LINES.items():
            line = template.format(k=key, v=value, m=MARKER)
            cases.append((f"{key} line: {kind}", _entry(key, line).encode()))
        # bad encodings: the marker next to a byte that is not UTF-8, or the file in UTF-16
        latin = _entry(key, f"    {key}: {MARKER} Gebühr").encode("latin-1")
        cases.append((f"{key}: latin-1", latin))
        wide = _entry(key, f"    {key}: {MARKER}").encode("utf-16")
        cases.append((f"{key}: UTF-16", wide))
    top = f"appointments:\n  - {MARKER}\n"
    cases.append(("entry that is text", top.encode()))
    cases.append(("top-level key", f"{MARKER}:\n  - case: A-1\n".encode()))
    cases.append(("top-level text", f"{MARKER}\n".encode()))
    cases.append(("comment only", f"# {MARKER}\nappointments: 3\n".encode()))
    return cases


CASES = _cases()
VALID = {"note: plain"}  # any text is a note: the one damage that is no error


@pytest.mark.parametrize(("damage", "content"), CASES, ids=[name for name, _ in CASES])
def test_no_message_quotes_an_appointments_file(
    damage: str, content: bytes, make_office: MakeOffice
) -> None:
    folder = make_office()
    (folder / "appointments").mkdir()
    (folder / FILE).write_bytes(content)
    if damage in VALID:
        assert load_office(folder).appointments
        return
    with pytest.raises(RosterError) as raised:
        load_office(folder)
    problems = raised.value.problems
    assert problems, damage
    assert all(problem.file == FILE for problem in problems), problems
    assert all(problem.message for problem in problems)
    for text in (str(raised.value), repr(raised.value), repr(problems)):
        assert MARKER.lower() not in text.lower(), text
        assert "YAML says" not in text, text


def test_the_cases_cover_every_position_and_kind() -> None:
    """Every key of an appointment under every kind of damage, plus keys and comments."""
    names = {name for name, _ in CASES}
    assert len(CASES) == len(ENTRY) * (len(VALUES) + len(LINES) + 2) + 4
    for key, _ in ENTRY:
        assert {f"{key}: {kind}" for kind in VALUES} <= names
        assert {f"{key} line: {kind}" for kind in LINES} <= names


def test_the_cli_names_file_line_and_field_but_not_the_content(
    make_office: MakeOffice, cli: CliRunner
) -> None:
    folder = make_office()
    (folder / "appointments").mkdir()
    (folder / FILE).write_text(
        _entry("note", f"    note: Widerspruch\n    {MARKER}, Ratenzahlung: x"), encoding="utf-8"
    )
    result = cli.invoke(main, ["check", str(folder)])
    assert result.exit_code == 2
    assert f"  - {FILE}, line 10, appointments[0]: a key on this line" in result.stderr
    assert MARKER not in result.stderr
    assert "Ratenzahlung" not in result.stderr


def test_other_files_still_quote_the_wrong_value(make_office: MakeOffice) -> None:
    """Only appointments files are confidential: elsewhere the value helps the reader."""
    folder = make_office(
        {"overrides/2026-12.yaml": f"forbid:\n  - {{volunteer: {MARKER}, date: 2026-12-03}}\n"}
    )
    with pytest.raises(RosterError) as raised:
        load_office(folder)
    assert f"'{MARKER}' is not an id" in str(raised.value)
