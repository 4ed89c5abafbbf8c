"""The availability poll as the office has it (issue 12, section 3): an Excel workbook, a
CSV file from Excel on a German Windows (cp1252, semicolons), a name column beside the
ids; one poll per month; files roster does not read are named, never skipped silently.

The Excel and Windows polls of the example office give the same plan as its UTF-8 CSV,
byte for byte, except for the digest of the files read.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from roster.app.planning import plan_month
from roster.cli import main
from roster.domain.errors import Problem, RosterError
from roster.domain.files import sha256_of
from roster.domain.month import Month
from roster.domain.office_data import FolderNote
from roster.folder.load import load_office
from roster.folder.text_files import read_spreadsheet_text

MakeOffice = Callable[..., Path]
GOLDEN = Path(__file__).resolve().parents[1] / "data" / "plans" / "velbert-2026-12.json"
DECEMBER = Month(2026, 12)
TODAY = date(2026, 11, 25)  # the golden plan's --today
EXCEL_DAY = datetime.fromisoformat  # a date cell: what openpyxl reads and writes
WINDOWS_NOTE = "availability/2026-12.csv was read as Windows text (cp1252), not UTF-8"


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(RosterError) as raised:
        load_office(folder)
    return raised.value.problems


def write_book(path: Path, rows: list[list[object]], title: str = "Tabelle1") -> Path:
    """An Excel workbook with ``rows`` on its first sheet."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _example_rows(example: Path) -> list[list[str]]:
    text = (example / "availability" / "2026-12.csv").read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text)))


def _copy(example: Path, folder: Path) -> Path:
    shutil.copytree(example, folder, ignore=shutil.ignore_patterns("rotas"))
    return folder


def _as_excel(example: Path, folder: Path) -> Path:
    """The example office with its poll as Excel: real date cells, a Name column."""
    rows = _example_rows(example)
    header: list[object] = ["volunteer", "Name"]
    header += [datetime.fromisoformat(day) for day in rows[0][1:]]
    body: list[list[object]] = [[row[0], f"Person {row[0]}", *row[1:]] for row in rows[1:]]
    (folder / "availability" / "2026-12.csv").unlink()
    write_book(folder / "availability" / "2026-12.xlsx", [header, *body])
    return folder


def _as_windows_csv(example: Path, folder: Path) -> Path:
    """The example office with its poll as German Excel saves CSV: cp1252, semicolons,
    DD.MM.YYYY, CRLF, and names with umlauts beside the ids."""
    rows = _example_rows(example)
    header = ["Volunteer", "Name"]
    header += [date.fromisoformat(day).strftime("%d.%m.%Y") for day in rows[0][1:]]
    body = [[row[0], f"Jürgen Weiß {row[0]}", *row[1:]] for row in rows[1:]]
    text = "".join(";".join(row) + "\r\n" for row in [header, *body])
    (folder / "availability" / "2026-12.csv").write_bytes(text.encode("cp1252"))
    return folder


@pytest.mark.parametrize("convert", [_as_excel, _as_windows_csv], ids=["xlsx", "cp1252"])
def test_the_same_poll_in_another_form_gives_the_same_plan(
    convert: Callable[[Path, Path], Path], example: Path, tmp_path: Path
) -> None:
    folder = convert(example, _copy(example, tmp_path / "office"))
    assert load_office(folder).availability == load_office(example).availability
    planned = plan_month(folder, DECEMBER, today=TODAY)
    poll = next(folder.glob("availability/2026-12.*"))
    name = f"availability/{poll.name}"
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    written = json.loads(planned.path.read_text(encoding="utf-8"))
    # the plan names the poll it read, with the digest of the poll's own bytes ...
    others = {key: value for key, value in golden["inputs"].items() if "availability" not in key}
    assert written["inputs"] == {**others, name: sha256_of(poll)}
    assert written["input_digest"] != golden["input_digest"]
    # ... and apart from that it is the golden plan, byte for byte
    assert _dumped(written) == planned.path.read_text(encoding="utf-8")
    same_digest = {**written, "input_digest": golden["input_digest"], "inputs": golden["inputs"]}
    assert _dumped(same_digest) == GOLDEN.read_text(encoding="utf-8")
    assert planned.polled
    if poll.suffix == ".xlsx":
        assert planned.notes == ()
    else:  # the example office speaks German
        assert planned.notes == (
            "availability/2026-12.csv wurde als Windows-Text (cp1252) gelesen, nicht als "
            "UTF-8; sehen Buchstaben wie ä oder ß falsch aus, speichern Sie die Datei als "
            "CSV UTF-8.",
        )
        assert planned.text().startswith(
            planned.notes[0] + "\nDer Dienstplan für Dezember 2026 ist geplant.\n"
        )


def _dumped(plan: dict[str, object]) -> str:
    """A plan file's text, written as :meth:`Plan.to_json` writes it."""
    return json.dumps(plan, indent=2, ensure_ascii=False) + "\n"


def test_check_says_which_encoding_it_assumed(
    example: Path, tmp_path: Path, cli: CliRunner
) -> None:
    folder = _as_windows_csv(example, _copy(example, tmp_path / "office"))
    result = cli.invoke(main, ["check", str(folder), "--locale", "en"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Notes:" in lines
    assert any(line.startswith(f"  - {WINDOWS_NOTE}; ") for line in lines), lines
    assert load_office(folder).notes == [
        FolderNote("availability/2026-12.csv", "windows_text", DECEMBER)
    ]


def test_excel_header_dates_as_date_cells_or_text(make_office: MakeOffice) -> None:
    folder = make_office()
    write_book(
        folder / "availability" / "2026-12.xlsx",
        [
            ["Volunteer", "name", EXCEL_DAY("2026-12-02"), "03.12.2026", "09.12.", "2026-12-10"],
            ["v01", "Anna Beispiel", "ja", "Vielleicht", None, "no"],
            [12, None, "NEIN"],  # an id Excel holds as a number is its text
            [],
            ["v02", "Bilal Muster", "yes"],
        ],
    )
    (folder / "volunteers.yaml").write_text(
        (folder / "volunteers.yaml").read_text(encoding="utf-8").replace("id: v01", "id: '12'")
        + "  - id: v01\n    name: Anna\n    roles: [counsellor]\n    languages: {de: native}\n",
        encoding="utf-8",
    )
    data = load_office(folder)
    assert data.availability[DECEMBER] == {
        ("v01", date(2026, 12, 2)): "yes",
        ("v01", date(2026, 12, 3)): "maybe",
        ("v01", date(2026, 12, 10)): "no",
        ("12", date(2026, 12, 2)): "no",
        ("v02", date(2026, 12, 2)): "yes",
    }
    assert data.notes == []
    assert "availability/2026-12.xlsx" in data.digest_files(DECEMBER)


def test_excel_problems_name_the_sheet_and_the_cell(make_office: MakeOffice) -> None:
    folder = make_office()
    write_book(
        folder / "availability" / "2026-12.xlsx",
        [
            ["volunteer", EXCEL_DAY("2026-12-02"), "Thursday", EXCEL_DAY("2027-01-07")],
            ["v01", "yes", "no"],
            ["v99", "yes"],
            ["v02", "perhaps", None, None, "extra"],
            ["v01", "yes"],
        ],
        title="Umfrage",
    )
    found = [(p.file, p.line, p.field, p.message) for p in problems_of(folder)]
    assert all(file == "availability/2026-12.xlsx" and line is None for file, line, *_ in found)
    assert [field for _, _, field, _ in found] == sorted(
        [
            "sheet Umfrage, cell C1 'Thursday'",
            "sheet Umfrage, cell D1 '2027-01-07'",
            "sheet Umfrage, cell A3",
            "sheet Umfrage, cell B4 (2026-12-02, v02)",
            "sheet Umfrage, cell E4",
            "sheet Umfrage, cell A5",
        ]
    )
    messages = {field: message for _, _, field, message in found}
    assert (
        "move the column to availability/2027-01.xlsx"
        in messages["sheet Umfrage, cell D1 '2027-01-07'"]
    )
    assert "'v99' is not an id in volunteers.yaml" in messages["sheet Umfrage, cell A3"]
    assert "has a second row" in messages["sheet Umfrage, cell A5"]
    # an invisible character in a cell is refused before anything else is read
    write_book(
        folder / "availability" / "2026-12.xlsx", [["volunteer", "2026-12-02"], ["v01", "ye\x7fs"]]
    )
    assert [(p.field, p.message) for p in problems_of(folder)] == [
        (
            "sheet Tabelle1, cell B2",
            "the cell holds an invisible control character (U+007F, delete); retype the cell",
        )
    ]


@pytest.mark.parametrize(
    ("rows", "field", "words"),
    [
        ([], "sheet Tabelle1", "is empty; the first sheet needs the poll"),
        ([["volunteer"], *[[]] * 2500, ["v01"]], "sheet Tabelle1, cell A2502", "at most 2000 rows"),
        ([["volunteer", *["2026-12-02"] * 300]], "sheet Tabelle1, cell KO1", "200 columns"),
    ],
)
def test_an_empty_or_huge_sheet(
    rows: list[list[object]], field: str, words: str, make_office: MakeOffice
) -> None:
    folder = make_office()
    write_book(folder / "availability" / "2026-12.xlsx", rows)
    [problem] = problems_of(folder)
    assert (problem.file, problem.line, problem.field) == ("availability/2026-12.xlsx", None, field)
    assert words in problem.message


def test_a_workbook_that_unpacks_to_too_much_is_not_opened(
    make_office: MakeOffice, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_office()
    write_book(folder / "availability" / "2026-12.xlsx", [["volunteer", "2026-12-02"]])
    monkeypatch.setattr("roster.folder.poll_xlsx.MAX_UNPACKED", 1000)
    [problem] = problems_of(folder)
    assert "unpacks to 0 MB; a poll is much smaller" in problem.message


def test_a_name_column_after_the_ids_is_not_read(make_office: MakeOffice) -> None:
    poll = "volunteer,Name,2026-12-02,2026-12-03\nv01,Anna Beispiel,yes,no\nv02,,maybe,\n"
    data = load_office(make_office({"availability/2026-12.csv": poll}))
    assert data.availability[DECEMBER] == {
        ("v01", date(2026, 12, 2)): "yes",
        ("v01", date(2026, 12, 3)): "no",
        ("v02", date(2026, 12, 2)): "maybe",
    }


def test_a_poll_in_two_files_says_which_to_delete(make_office: MakeOffice) -> None:
    folder = make_office({"availability/2026-12.csv": "volunteer,2026-12-02\nv01,yes\n"})
    xlsx = write_book(folder / "availability" / "2026-12.xlsx", [["volunteer"], ["v01"]])
    csv_file = folder / "availability" / "2026-12.csv"
    os.utime(csv_file, (1_700_000_000, 1_700_000_000))
    os.utime(xlsx, (1_800_000_000, 1_800_000_000))
    [problem] = problems_of(folder)
    assert (problem.file, problem.line) == ("availability/2026-12.csv", None)
    assert problem.message == (
        "availability/2026-12.csv and availability/2026-12.xlsx are both the poll of 2026-12, "
        "and roster reads one: delete availability/2026-12.csv, which was saved earlier, and "
        "keep availability/2026-12.xlsx (or the other way round if the newer one is out of date)"
    )
    os.utime(csv_file, (1_900_000_000, 1_900_000_000))
    [problem] = problems_of(folder)
    assert "delete availability/2026-12.xlsx, which was saved earlier" in problem.message


def test_files_roster_does_not_read_are_named_in_check(
    make_office: MakeOffice, cli: CliRunner
) -> None:
    folder = make_office(
        {
            "availability/2027-01.ods": "a LibreOffice poll\n",
            "availability/Umfrage.numbers": "a Numbers poll\n",
            "availability/notes.txt": "call Anna\n",
            "availability/2026-12.csv.example": "not,a,poll\n",
            "appointments/2026-12.xlsx": "requests as a spreadsheet\n",
            "overrides/todo.txt": "ask Bilal\n",
            "README.txt": "my office\n",
        }
    )
    notes = load_office(folder).notes
    assert [(note.file, note.kind, note.month) for note in notes] == [
        ("appointments/2026-12.xlsx", "not_read_yaml", DECEMBER),
        ("availability/2027-01.ods", "not_read", Month(2027, 1)),
        ("availability/Umfrage.numbers", "not_read", None),
        ("availability/notes.txt", "not_read", None),
        ("overrides/todo.txt", "not_read_yaml", None),
    ]
    result = cli.invoke(main, ["check", str(folder), "--locale", "en"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[lines.index("Notes:") + 2] == (
        "  - availability/2027-01.ods is not read: roster reads a poll from YYYY-MM.xlsx "
        "(Excel) or YYYY-MM.csv; save it as one of them, or move the file out of availability/."
    )
    assert sum(1 for line in lines if line.startswith("  - ")) == 5
    assert "example" not in result.stdout and "README" not in result.stdout


def test_an_excel_file_not_named_like_a_month(make_office: MakeOffice) -> None:
    folder = make_office()
    write_book(folder / "availability" / "Umfrage Dezember.xlsx", [["volunteer"]])
    [problem] = problems_of(folder)
    assert problem.file == "availability/Umfrage Dezember.xlsx"
    assert "name it YYYY-MM.csv or YYYY-MM.xlsx, e.g. 2026-12.csv" in problem.message


@pytest.mark.parametrize(
    ("data", "text", "windows", "error"),
    [
        ("grüß;ä\n".encode(), "grüß;ä\n", False, None),
        (b"\xef\xbb\xbfgr\xc3\xbc\xc3\x9f\n", "grüß\n", False, None),  # UTF-8 with a BOM
        ("Jürgen;Weiß €\n".encode("cp1252"), "Jürgen;Weiß €\n", True, None),
        # UTF-8 with one damaged byte is no Windows text: the line is named
        (b"gr\xc3\xbc\xc3\x9f\nWei\xdf\n", None, False, (2, "is not UTF-8 text")),
        (b"ok\nbad \x81 byte\n", None, False, (2, "is not UTF-8 text")),  # no cp1252 character
        ("a;b\nc\x1bd\n".encode("cp1252") + b"\xe4\n", None, False, (2, "control character")),
    ],
)
def test_the_encoding_rule_of_csv_files(
    data: bytes,
    text: str | None,
    windows: bool,
    error: tuple[int, str] | None,
    tmp_path: Path,
) -> None:
    path = tmp_path / "poll.csv"
    path.write_bytes(data)
    problems: list[Problem] = []
    assert read_spreadsheet_text(path, "poll.csv", problems) == (text, windows)
    if error is None:
        assert problems == []
    else:
        [problem] = problems
        assert problem.line == error[0]
        assert error[1] in problem.message
