"""Plain messages from pydantic and YAML errors: located keys, hints, no internals."""

from __future__ import annotations

from pathlib import Path

import pytest

from roster.domain.errors import Problem
from roster.domain.office import Office
from roster.domain.requests import AppointmentFile
from roster.domain.team import Team
from roster.folder.load import _validate
from roster.folder.messages import allowed_keys, language_suggestion
from roster.folder.yaml_reader import read_yaml


def problems(
    tmp_path: Path, text: str, model: type[Office | Team | AppointmentFile]
) -> list[Problem]:
    """Parse ``text`` as the file of ``model`` and validate it through the loader's path."""
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    doc, found = read_yaml(path, "file.yaml")
    if not found:
        _validate(model, doc, found)
    return found


OFFICE_HEAD = "name: X\nsessions:\n  - {name: A, kind: open_hours, weekday: monday, start: '9:00', end: '11:00', counsellors: {min: 1, max: 1}}\n"


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        (
            "volunteers:\n  - id: v1\n    name: A\n    roles: [counsellor]\n    languages: {Deutsch: native}\n",
            5,
            "volunteers[0].languages.Deutsch",
            "'Deutsch' is not a language code; did you mean 'de'?",
        ),
        (
            "volunteers:\n  - id: v1\n    name: A\n    roles: [counsellor]\n    languages: {de: native}\n"
            "    absences:\n      - {form: 2026-12-01, to: 2026-12-02}\n",
            7,
            "volunteers[0].absences[0].form",
            "unknown key 'form'; did you mean 'from'? remove it or fix its spelling. Allowed here: from, to.",
        ),
        (
            "volunteers:\n  - id: v 1\n    name: A\n    roles: [counsellor]\n    languages: {de: native}\n",
            2,
            "volunteers[0].id",
            "'v 1' is not a short id of letters, digits, - or _ (e.g. v01)",
        ),
        (
            "volunteers:\n  - id: v1\n    roles: [counsellor]\n    languages: {de: native}\n",
            2,
            "volunteers[0].name",
            "the key 'name' is missing; add it (name shown to the team)",
        ),
        (
            "volunteers:\n  - id: v1\n    name:\n    roles: [counsellor]\n    languages: {de: native}\n",
            3,
            "volunteers[0].name",
            "an empty value is not text",
        ),
        (
            "volunteers:\n  - id: v1\n    name: A\n    roles: []\n    languages: {de: native}\n",
            4,
            "volunteers[0].roles",
            "must not be empty; give at least one entry",
        ),
        (
            "volunteers:\n  - id: v1\n    name: A\n    roles: [counsellor]\n    languages: {de: native}\n"
            "    hours_per_month: 7.5\n    max_per_month: 2.5\n",
            7,
            "volunteers[0].max_per_month",
            "'2.5' is not a whole number; write e.g. 4, without decimals",
        ),
    ],
)
def test_team_messages(tmp_path: Path, text: str, line: int, field: str, words: str) -> None:
    found = problems(tmp_path, text, Team)
    if field.endswith(".form"):  # the typo also leaves 'from' missing
        assert [(p.line, p.field) for p in sorted(found)] == [
            (line, field),
            (line, field[:-4] + "from"),
        ]
        found = sorted(found)
    assert [(p.line, p.field) for p in found][:1] == [(line, field)]
    assert len(found) == (2 if field.endswith(".form") else 1)
    assert words in found[0].message
    assert "[key]" not in found[0].field + found[0].message


@pytest.mark.parametrize(
    ("extra", "line", "field", "words"),
    [
        (
            "team_meeting: {weekday: monday, start: '18:00', minuts: 90}\n",
            4,
            "team_meeting.minuts",
            "did you mean 'minutes'? remove it or fix its spelling. Allowed here: weekday, week, start, minutes, agenda.",
        ),
        ("locale: fr\n", 4, "locale", "'fr' is not allowed here; write de or en"),
        ("closures:\n  - {from: 2026-12-01, to: 2026-12-02}\n", 5, "closures[0].reason", "add it"),
        (
            "closures:\n  - {from: 2026-12-01 10:00, to: 2026-12-02, reason: x}\n",
            5,
            "closures[0].from",
            "the date only",
        ),
        (
            "priorities: {language: lots}\n",
            4,
            "priorities.language",
            "'lots' is not a whole number",
        ),
    ],
)
def test_office_messages(tmp_path: Path, extra: str, line: int, field: str, words: str) -> None:
    found = problems(tmp_path, OFFICE_HEAD + extra, Office)
    assert [(p.line, p.field) for p in found] == [(line, field)]
    assert words in found[0].message


def test_allowed_keys_follow_the_session_kind() -> None:
    open_keys = allowed_keys(Office, ("sessions", 0, "open_hours", "x"))
    appointment_keys = allowed_keys(Office, ("sessions", 0, "appointments", "x"))
    assert "visitors_per_interpreter" in open_keys
    assert "visitors_per_interpreter" not in appointment_keys
    assert "slot_minutes" in appointment_keys
    assert allowed_keys(Team, ("volunteers", 3, "absences", 0, "x")) == ["from", "to"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Arabic", "ar"),
        ("arabisch", "ar"),
        ("Farsi", "fa"),
        ("Dari", "fa-AF"),
        ("Tigrinya", "ti"),
        ("Ukrainisch", "uk"),
        ("AR", "ar"),
        ("fa_AF", "fa-AF"),
        ("fa-af", "fa-AF"),
        ("Klingonisch-ish", None),
    ],
)
def test_language_suggestions(text: str, code: str | None) -> None:
    assert language_suggestion(text) == code


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("name: X\n\tlocation: Y\n", 2, "indent with spaces only"),
        ("name: Büro: Velbert\n", 1, "put a value that holds ': ' in quotes"),
        ("name: X\nsessions: [a, b\n", 3, "a [ ... ] is not closed"),
        # a quote left open is blamed on its line, not where YAML gave up
        ("name: 'X\n", 1, "a quote (\" or ') opens on this line and is not closed"),
        ('name: "Amina\nlocation: Velbert\n', 1, "opens on this line and is not closed"),
        (
            'volunteers:\n  - id: v01\n    name: "Amina\n    roles: [lead]\n  - id: v02\n'
            '    name: "Bilal"\n    roles: [lead]\n',
            3,
            "opens on this line and is not closed",
        ),
        ("name: X\n  location: Y\n", 2, "put a value that holds ': ' in quotes"),
        ("name: X\nlocation\nlocale: de\n", 3, "add the ':' after the key"),
    ],
)
def test_yaml_syntax_messages(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "office.yaml"
    path.write_text(text, encoding="utf-8")
    _, found = read_yaml(path, "office.yaml")
    assert len(found) == 1
    assert found[0].line == line, found[0]
    assert found[0].message.startswith("is not valid YAML: ")
    assert words in found[0].message
    assert "YAML says: " in found[0].message


def test_yaml_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "office.yaml"
    path.write_bytes("name: Büro\n".encode("latin-1"))
    _, found = read_yaml(path, "office.yaml")
    assert [p.message for p in found] == [
        "is not UTF-8 text (invalid start byte); save it as UTF-8"
    ]


def test_impossible_dates_reach_the_model_as_text(tmp_path: Path) -> None:
    path = tmp_path / "office.yaml"
    path.write_text("closures:\n  - {from: 2026-02-30, to: 2026-03-01}\n", encoding="utf-8")
    doc, found = read_yaml(path, "office.yaml")
    assert found == []
    assert doc.data["closures"][0]["from"] == "2026-02-30"
    assert doc.line_of(("closures", 0, "from")) == 2


def test_numeric_keys_are_names_not_positions(tmp_path: Path) -> None:
    text = "volunteers:\n  - id: v1\n    name: A\n    roles: [lead]\n    languages: {de: native}\n    5: x\n"
    found = problems(tmp_path, text, Team)
    assert [(p.line, p.field) for p in found] == [(6, "volunteers[0].5")]
    assert found[0].message.startswith("unknown key '5'; remove it or fix its spelling.")


def test_a_bad_byte_is_located_even_after_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "office.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: X\nlocation: B\xfcro\n")
    _, found = read_yaml(path, "office.yaml")
    assert [(p.line, p.message) for p in found] == [
        (2, "is not UTF-8 text (invalid start byte); save it as UTF-8")
    ]


def test_control_characters_are_listed_per_line_up_to_ten(tmp_path: Path) -> None:
    path = tmp_path / "office.yaml"
    path.write_text("".join(f"k{i}: a\x1bb\n" for i in range(15)), encoding="utf-8")
    _, found = read_yaml(path, "office.yaml")
    assert [p.line for p in found] == [*range(1, 11), 11]
    assert found[0].message.startswith("the line holds an invisible control character (U+001B")
    assert "at column 6;" in found[0].message
    assert found[-1].message.startswith("5 more lines from here hold invisible control")


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        ("name: !!str 12\n", True),
        ("name: ! x\n", True),
        ("name: !!int 12\n", False),
        ("name: !!timestamp 2026-12-01\n", False),
        ("a: &x 1\n", False),
        ("<<: {a: 1}\n", True),  # no alias: an unknown key '<<' for the models
    ],
)
def test_only_plain_tags_are_allowed(tmp_path: Path, text: str, allowed: bool) -> None:
    path = tmp_path / "office.yaml"
    path.write_text(text, encoding="utf-8")
    doc, found = read_yaml(path, "office.yaml")
    assert (found == []) is allowed, found
    if text.startswith("name: !!str"):
        assert doc.data == {"name": "12"}


def test_nesting_is_limited_before_composing(tmp_path: Path) -> None:
    path = tmp_path / "office.yaml"
    # the top mapping is the first level: 19 lists below it are fine, 20 mappings are not
    path.write_text("a: " + "[" * 19 + "]" * 19 + "\nb: " + "{x: " * 20 + "1" + "}" * 20 + "\n")
    _, found = read_yaml(path, "office.yaml")
    assert [(p.line, p.field) for p in found] == [(2, "")]
    assert "nested more than 20 levels deep" in found[0].message


def test_numbers_keep_their_source_text(tmp_path: Path) -> None:
    path = tmp_path / "office.yaml"
    path.write_text("start: 14.00\nend: 14:00\nn: 1_000\n", encoding="utf-8")
    doc, found = read_yaml(path, "office.yaml")
    assert found == []
    assert doc.data == {"start": 14.0, "end": "14:00", "n": 1000}
    assert (doc.text_of(("start",)), doc.text_of(("end",)), doc.text_of(("n",))) == (
        "14.00",
        None,  # text already
        "1_000",
    )


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("14.00", 'write "14:00"'),
        ("9.30", 'write "09:30"'),
        ("1400", 'write "14:00"'),
        ("14h30", 'write "14:30"'),
        ("14", 'write "14:00"'),
        ("16.5", 'write it as HH:MM, e.g. "14:00"'),
        ("50400", 'write it as HH:MM, e.g. "14:00"'),
        ("24.00", 'write it as HH:MM, e.g. "14:00"'),
        ("2pm", 'write it as HH:MM, e.g. "14:00"'),
    ],
)
def test_times_are_never_guessed(tmp_path: Path, written: str, hint: str) -> None:
    text = OFFICE_HEAD.replace("start: '9:00'", f"start: {written}")
    found = problems(tmp_path, text, Office)
    assert [(p.line, p.field) for p in found] == [(3, "sessions[0].start")]
    assert found[0].message == f"'{written}' is not a time of day; {hint}"


def test_long_values_are_shortened_in_messages(tmp_path: Path) -> None:
    found = problems(tmp_path, OFFICE_HEAD + f"locale: {'x' * 5000}\n", Office)
    assert [p.field for p in found] == ["locale"]
    assert f"'{'x' * 37}...' is not allowed here" in found[0].message
    assert len(found[0].message) < 200
