"""Loading an office folder: line numbers, YAML strictness, CSV dialects, confidentiality."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roster.cli import main
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office

MakeOffice = Callable[..., Path]


def problems_of(folder: Path) -> list[tuple[str, int | None, str, str]]:
    with pytest.raises(RosterError) as raised:
        load_office(folder)
    return [(p.file, p.line, p.field, p.message) for p in raised.value.problems]


def test_the_example_office_loads(example: Path) -> None:
    data = load_office(example)
    assert len(data.volunteers) == 30
    assert len({person.id for person in data.volunteers}) == 30
    assert sum(1 for person in data.volunteers if person.trainee) == 2
    assert sum(1 for person in data.volunteers if person.leads()) == 3
    assert list(data.availability) == [Month(2026, 12)]
    assert len(data.appointments_of(Month(2026, 12))) == 12
    assert data.visits == sorted(data.visits, key=lambda r: (r.date, r.language))
    assert set(data.digest_files(Month(2026, 12))) == {
        "office.yaml",
        "volunteers.yaml",
        "visits.csv",
        "availability/2026-12.csv",
        "appointments/2026-12.yaml",
    }


def test_all_errors_of_a_file_at_once_with_their_lines(make_office: MakeOffice) -> None:
    volunteers = """\
volunteers:
  - id: v01
    name: Anna
    roles: [lead, counsellor]
    languages: {de: native}
    weekdays: [monday, thursdy]
  - id: v02
    name: Bilal
    roles: [interpreter]
    languages:
      de: fluent
      ar: nativ
    max_per_month: -1
    absences:
      - from: 2026-12-20
        to: 2026-12-10
  - id: v01
    name: Chris
    roles: [counsellor]
    languages: {de: native}
"""
    found = problems_of(make_office({"volunteers.yaml": volunteers}))
    assert [(file, line, field) for file, line, field, _ in found] == [
        ("volunteers.yaml", 6, "volunteers[0].weekdays[1]"),
        ("volunteers.yaml", 12, "volunteers[1].languages.ar"),
        ("volunteers.yaml", 13, "volunteers[1].max_per_month"),
        ("volunteers.yaml", 16, "volunteers[1].absences[0].to"),
    ]
    # the duplicate id is a cross-check, made once the file is valid otherwise
    fixed = volunteers.replace("thursdy", "thursday").replace("nativ\n", "native\n")
    fixed = fixed.replace("max_per_month: -1", "max_per_month: 1").replace(
        "to: 2026-12-10", "to: 2026-12-24"
    )
    again = problems_of(make_office({"volunteers.yaml": fixed}))
    assert [(line, field) for _, line, field, _ in again] == [(17, "volunteers[2].id")]


def test_yaml_no_and_on_stay_strings(make_office: MakeOffice, base_files: dict[str, str]) -> None:
    volunteers = (
        base_files["volunteers.yaml"]
        .replace("{de: native}", "{de: native, no: fluent}")
        .replace("name: Anna Beispiel", "name: on")
    )
    data = load_office(make_office({"volunteers.yaml": volunteers}))
    anna = data.volunteer("v01")
    assert anna.languages == {"de": "native", "no": "fluent"}  # Norwegian, not False
    assert anna.name == "on"


def test_unquoted_times_and_numeric_ids(
    make_office: MakeOffice, base_files: dict[str, str]
) -> None:
    office = (
        base_files["office.yaml"]
        .replace('start: "14:00"', "start: 14:00")
        .replace('end: "16:00"', "end: 16:30")
    )
    volunteers = base_files["volunteers.yaml"].replace("id: v01", "id: 12")
    data = load_office(make_office({"office.yaml": office, "volunteers.yaml": volunteers}))
    rule = data.office.sessions[0]
    assert (rule.start, rule.end) == (time(14, 0), time(16, 30))
    assert data.volunteer("12").name == "Anna Beispiel"


def test_duplicate_keys_at_any_depth(make_office: MakeOffice, base_files: dict[str, str]) -> None:
    office = (
        base_files["office.yaml"]
        .replace("name: Test Office\n", "name: Test Office\nname: Other Office\n")
        .replace("    kind: appointments\n", "    kind: appointments\n    kind: appointments\n")
    )
    found = problems_of(make_office({"office.yaml": office}))
    assert [(line, field) for _, line, field, _ in found] == [(2, "name"), (13, "sessions[1].kind")]
    assert all("is given twice; keep one of them" in message for *_, message in found)


def test_csv_with_semicolons_bom_and_german_words(make_office: MakeOffice) -> None:
    poll = "\ufeffvolunteer;02.12.2026;03.12.;2026-12-09\r\nv01;ja;Vielleicht;nein\r\nv02;;JA;\r\n"
    visits = "\ufeffdate;language;visitors\r\n05.11.2026;ar;3\r\n2026-11-12;ar;4\r\n"
    data = load_office(make_office({"availability/2026-12.csv": poll, "visits.csv": visits}))
    assert data.availability[Month(2026, 12)] == {
        ("v01", date(2026, 12, 2)): "yes",
        ("v01", date(2026, 12, 3)): "maybe",
        ("v01", date(2026, 12, 9)): "no",
        ("v02", date(2026, 12, 3)): "yes",
    }
    assert data.answer("v02", date(2026, 12, 2)) is None  # empty cell: no answer
    assert [(r.date, r.visitors) for r in data.visits] == [
        (date(2026, 11, 5), 3),
        (date(2026, 11, 12), 4),
    ]


def test_csv_line_numbers_count_blank_lines(make_office: MakeOffice) -> None:
    poll = "volunteer,2026-12-02\n\nv01,yes\n\nv02,sometimes\n"
    found = problems_of(make_office({"availability/2026-12.csv": poll}))
    assert [(line, field) for _, line, field, _ in found] == [(5, "2026-12-02 (v02)")]


def test_other_files_are_checked_when_volunteers_yaml_is_invalid(
    make_office: MakeOffice, base_files: dict[str, str]
) -> None:
    volunteers = base_files["volunteers.yaml"].replace("ar: native", "ar: perfect")
    poll = "volunteer,2026-12-02\nv01,yes\nv03,yes\nv02,nope\n"
    found = problems_of(
        make_office({"volunteers.yaml": volunteers, "availability/2026-12.csv": poll})
    )
    assert [(file, line) for file, line, _, _ in found] == [
        ("availability/2026-12.csv", 3),  # v03 is no id, even in an invalid volunteers.yaml
        ("availability/2026-12.csv", 4),  # 'nope' is no answer
        ("volunteers.yaml", 9),
    ]


def test_language_codes_named_in_an_invalid_office_yaml_still_count(
    make_office: MakeOffice, base_files: dict[str, str]
) -> None:
    office = base_files["office.yaml"].replace(
        "name: Test Office\n", "name: Test Office\nlanguages: {kmr: {en: Kurmanji}}\nlocale: fr\n"
    )
    volunteers = base_files["volunteers.yaml"].replace("{de: native}", "{de: native, kmr: fluent}")
    found = problems_of(make_office({"office.yaml": office, "volunteers.yaml": volunteers}))
    assert [(file, field) for file, _, field, _ in found] == [("office.yaml", "locale")]


def test_same_case_twice_gets_two_keys(make_office: MakeOffice) -> None:
    requests = """\
appointments:
  - {case: A-1, language: ar, minutes: 30, earliest: 2026-12-01, latest: 2026-12-31}
  - {case: A-1, language: ar, minutes: 60, earliest: 2026-12-01, latest: 2026-12-31}
"""
    data = load_office(make_office({"appointments/2026-12.yaml": requests}))
    assert [a.key for a in data.appointments_of(Month(2026, 12))] == ["A-1#1", "A-1#2"]


def test_files_that_are_not_data_are_ignored(make_office: MakeOffice) -> None:
    data = load_office(
        make_office(
            {
                "availability/2026-12.csv.example": "not,a,poll\n",
                "availability/notes.txt": "call Anna\n",
                "availability/.~lock.2026-12.csv#": "lock\n",
                "availability/~$2026-12.csv": "owner file\n",
                "README.txt": "my office\n",
            }
        )
    )
    assert data.availability == {}


CLIENT_NOTE = "Frau Geheim wohnt in der Musterstraße 7"


def _with_note(requests: str) -> dict[str, str | None]:
    return {"appointments/2026-12.yaml": requests}


@pytest.mark.parametrize(
    "requests",
    [
        # a wrong language, a reversed window, a typo'd key and a note that is no text
        "appointments:\n"
        f"  - {{case: A-1, language: qq, minutes: 60, earliest: 2026-12-01, latest: 2026-12-16, note: {CLIENT_NOTE}}}\n"
        f"  - {{case: A-2, language: ar, minutes: 60, earliest: 2026-12-16, latest: 2026-12-01, note: {CLIENT_NOTE}}}\n"
        f"  - {{case: A-3, language: ar, minutes: 60, earliest: 2026-12-01, latest: 2026-12-16, notes: {CLIENT_NOTE}}}\n"
        f"  - {{case: A-4, language: ar, minutes: 60, earliest: 2026-12-01, latest: 2026-12-16, note: [{CLIENT_NOTE}]}}\n"
        f"  - {{case: A-5, language: ar, minutes: 60, earliest: 2026-12-01, latest: 2027-01-16, note: {CLIENT_NOTE}}}\n",
        # the client's name typed as the case reference
        f"appointments:\n  - {{case: {CLIENT_NOTE}, language: ar, minutes: 60, earliest: 2026-12-01, latest: 2026-12-16}}\n",
        # a whole appointment that is not a mapping
        f"appointments:\n  - {CLIENT_NOTE}\n",
    ],
)
def test_notes_never_appear_in_error_messages(
    requests: str, make_office: MakeOffice, cli: CliRunner
) -> None:
    folder = make_office(_with_note(requests))
    with pytest.raises(RosterError) as raised:
        load_office(folder)
    assert raised.value.problems
    assert "Geheim" not in str(raised.value)
    assert "Geheim" not in repr(raised.value)
    result = cli.invoke(main, ["check", str(folder)])
    assert result.exit_code == 2
    assert "Geheim" not in result.stdout + result.stderr


def test_notes_never_appear_in_a_repr(make_office: MakeOffice, cli: CliRunner) -> None:
    requests = (
        "appointments:\n  - case: A-1\n    language: ar\n    minutes: 60\n"
        f"    earliest: 2026-12-01\n    latest: 2026-12-16\n    note: {CLIENT_NOTE}\n"
    )
    folder = make_office(_with_note(requests))
    data = load_office(folder)
    appointment = data.appointments_of(Month(2026, 12))[0]
    assert appointment.request.note == CLIENT_NOTE  # the planner may read it, nobody shows it
    for text in (
        repr(data),
        str(data),
        repr(appointment),
        str(appointment.request),
        repr(data.appointments),
    ):
        assert "Geheim" not in text
    assert isinstance(data, OfficeData)
    for command in (
        ["check"],
        ["calendar", "--month", "2026-12"],
        ["forecast", "--month", "2026-12"],
    ):
        result = cli.invoke(main, [command[0], str(folder), *command[1:]])
        assert result.exit_code == 0
        assert "Geheim" not in result.stdout


def test_spreadsheet_padding_is_ignored(make_office: MakeOffice) -> None:
    poll = "volunteer,2026-12-02,2026-12-03,,\nv01,yes,no,,\nv02,,maybe,,\n,,,,\n"
    visits = "date,language,visitors,\n2026-11-05,ar,3,\n"
    data = load_office(make_office({"availability/2026-12.csv": poll, "visits.csv": visits}))
    assert len(data.availability[Month(2026, 12)]) == 3
    assert len(data.visits) == 1


def test_a_column_without_a_date(make_office: MakeOffice) -> None:
    poll = "volunteer,2026-12-02,,2026-12-03\nv01,yes,yes,no\nv02,yes,,yes\nv03,yes,yes,yes,yes\n"
    found = problems_of(make_office({"availability/2026-12.csv": poll}))
    assert [(line, field) for _, line, field, _ in found] == [
        (1, "column 3"),
        (4, "volunteer"),  # v03 is no id
    ]
    assert "has no date in the header row" in found[0][3]
    rows = "volunteer,2026-12-02\nv01,yes,no\n"
    extra = problems_of(make_office({"availability/2026-12.csv": rows}))
    assert [(line, field) for _, line, field, _ in extra] == [(2, "column 3")]
    assert "more cells than the header has columns" in extra[0][3]


DAMAGE = [
    ":",
    "- ",
    "{",
    "}",
    "[",
    "'",
    '"',
    "\t",
    "\n",
    "#",
    "*a",
    "&a",
    "!!python/object:os.system",
    "null",
    "no",
    "2026-02-30",
    "12:00",
    "-1",
    "é",
    ",",
    "@",
    "|",
    "---",
    "  ",
    "x",
]


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    name=st.sampled_from(["office.yaml", "volunteers.yaml"]),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from(DAMAGE), st.integers(0, 6)),
        min_size=1,
        max_size=5,
    ),
)
def test_damaged_files_give_plain_errors_never_a_crash(
    tmp_path_factory: pytest.TempPathFactory,
    base_files: dict[str, str],
    name: str,
    edits: list[tuple[float, str, int]],
) -> None:
    text = base_files[name]
    for where, insert, cut in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut :]
    folder = tmp_path_factory.mktemp("damaged")
    for file, content in {**base_files, name: text}.items():
        (folder / file).write_text(content, encoding="utf-8")
    try:
        load_office(folder)
    except RosterError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file in ("office.yaml", "volunteers.yaml")
            assert problem.message
            assert "[key]" not in problem.field
            assert "Input should" not in problem.message


def test_override_languages_are_checked(make_office: MakeOffice) -> None:
    overrides = "assign:\n  - {volunteer: v02, date: 2026-12-03, role: interpreter, language: qq}\n"
    found = problems_of(make_office({"overrides/2026-12.yaml": overrides}))
    assert [(file, line, field) for file, line, field, _ in found] == [
        ("overrides/2026-12.yaml", 2, "assign[0].language")
    ]
    assert "'qq' is not a language code" in found[0][3]
