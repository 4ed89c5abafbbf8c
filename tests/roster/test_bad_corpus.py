"""The malformed corpus: every folder in tests/data/bad is the base office (conftest.py)
with one defect. `roster check` must exit 2, name the file, the line and the field, say
in plain words what to do, print no traceback and write nothing."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus_input_cases import INPUT_CASES
from corpus_office_inputs import OFFICE_INPUT_CASES

from roster.cli import main
from roster.domain.errors import RosterError
from roster.folder.load import load_office

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"

# (file, line, field, a plain hint the message must contain); line None and field ""
# only where the file as a whole is wrong (missing, empty, misnamed, not YAML).
Expected = tuple[str, int | None, str, str]
CASES: dict[str, list[Expected]] = {
    # office.yaml
    "unknown-key-top": [("office.yaml", 2, "timezon", "did you mean 'timezone'?")],
    "unknown-key-session": [
        (
            "office.yaml",
            10,
            "sessions[0].visitors_per_interpretr",
            "did you mean 'visitors_per_interpreter'?",
        )
    ],
    "bad-weekday": [("office.yaml", 5, "sessions[0].weekday", "did you mean 'thursday'?")],
    "time-not-hhmm": [("office.yaml", 6, "sessions[0].start", 'write it as HH:MM, e.g. "14:00"')],
    "time-out-of-range": [("office.yaml", 7, "sessions[0].end", "'25:00' is not a time of day")],
    "end-before-start": [("office.yaml", 14, "sessions[1].end", "make end later than start")],
    "window-shorter-than-slot": [
        ("office.yaml", 14, "sessions[1].end", "cannot hold one slot of 30 minutes")
    ],
    "closure-reversed": [("office.yaml", 3, "closures[0].to", "swap from and to")],
    "unknown-language-session": [
        ("office.yaml", 9, "sessions[0].interpreters.qq", "'qq' is not a language code")
    ],
    "language-name-as-key": [
        ("office.yaml", 9, "sessions[0].interpreters.Arabic", "did you mean 'ar'?")
    ],
    "interpreters-negative": [
        ("office.yaml", 9, "sessions[0].interpreters.ar", "write a number at least 0")
    ],
    "bad-session-kind": [
        ("office.yaml", 4, "sessions[0].kind", "write open_hours or appointments")
    ],
    "missing-kind": [("office.yaml", 3, "sessions[0].kind", "add kind: open_hours")],
    "bad-timezone": [("office.yaml", 2, "timezone", "use an IANA name such as Europe/Berlin")],
    "bad-holiday-region": [("office.yaml", 2, "holidays", "e.g. DE-NW")],
    "missing-required-key": [
        ("office.yaml", 3, "sessions[0].counsellors", "the key 'counsellors' is missing; add it")
    ],
    "team-meeting-bad-week": [
        ("office.yaml", 18, "team_meeting.week", "write first, second, third, fourth or last")
    ],
    "counsellor-max-below-min": [
        ("office.yaml", 8, "sessions[0].counsellors.max", "make max at least min")
    ],
    "duplicate-session": [
        ("office.yaml", 19, "sessions[2].start", "give the two different days or times")
    ],
    "language-name-bad-key": [("office.yaml", 3, "languages.kmr.fr", "under de, en or native")],
    "invalid-yaml-syntax": [("office.yaml", 9, "", "a { ... } is not closed; close it with }")],
    "yaml-tab-indent": [("office.yaml", 7, "", "indent with spaces only")],
    "not-a-mapping": [("office.yaml", 1, "", "must be a mapping of keys to values")],
    "missing-office-yaml": [("office.yaml", None, "", "every office folder needs it")],
    # volunteers.yaml
    "missing-volunteers-yaml": [("volunteers.yaml", None, "", "every office folder needs it")],
    "empty-file": [("volunteers.yaml", None, "", "is empty; fill it in")],
    "unknown-key-nested": [
        ("volunteers.yaml", 6, "volunteers[0].max_per_mont", "did you mean 'max_per_month'?")
    ],
    "duplicate-ids": [("volunteers.yaml", 6, "volunteers[1].id", "give each person their own id")],
    "duplicate-yaml-key": [("volunteers.yaml", 8, "volunteers[1].name", "is given twice")],
    "unknown-language-volunteer": [
        ("volunteers.yaml", 5, "volunteers[0].languages.qq", "name it under languages:")
    ],
    "language-code-malformed": [
        ("volunteers.yaml", 5, "volunteers[0].languages.English", "did you mean 'en'?")
    ],
    "language-code-underscore": [
        ("volunteers.yaml", 9, "volunteers[1].languages.fa_AF", "did you mean 'fa-AF'?")
    ],
    "bad-level": [("volunteers.yaml", 9, "volunteers[1].languages.ar", "basic, fluent or native")],
    "bad-role": [("volunteers.yaml", 4, "volunteers[0].roles[1]", "did you mean 'counsellor'?")],
    "role-listed-twice": [("volunteers.yaml", 4, "volunteers[0].roles", "list it once")],
    "absence-reversed": [
        ("volunteers.yaml", 11, "volunteers[1].absences[0].to", "swap from and to")
    ],
    "bad-date": [("volunteers.yaml", 11, "volunteers[1].absences[0].to", "YYYY-MM-DD")],
    "interpreter-without-german": [
        ("volunteers.yaml", 9, "volunteers[1].languages.de", "German (de) at fluent or better")
    ],
    "interpreter-without-second-language": [
        ("volunteers.yaml", 9, "volunteers[1].languages", "one language besides German")
    ],
    "trainee-not-counsellor": [
        ("volunteers.yaml", 10, "volunteers[1].trainee", "add the role counsellor or remove")
    ],
    "not-a-number": [("volunteers.yaml", 6, "volunteers[0].max_per_month", "whole number")],
    "volunteers-not-a-list": [("volunteers.yaml", 1, "volunteers", "is not a list")],
    # availability/
    "availability-unknown-volunteer": [
        ("availability/2026-12.csv", 4, "volunteer", "'v99' is not an id in volunteers.yaml")
    ],
    "availability-other-month": [
        ("availability/2026-12.csv", 1, "column 4 '2027-01-07'", "availability/2027-01.csv")
    ],
    "availability-not-a-date": [
        ("availability/2026-12.csv", 1, "column 4 'Thursday'", "'Thursday' is not a date")
    ],
    "availability-bad-cell": [
        ("availability/2026-12.csv", 3, "2026-12-03 (v02)", "write yes, maybe or no")
    ],
    "availability-first-column": [
        ("availability/2026-12.csv", 1, "column 1", "the first column must be 'volunteer'")
    ],
    "availability-duplicate-row": [
        ("availability/2026-12.csv", 4, "volunteer", "keep one row per person")
    ],
    "availability-empty-file": [("availability/2026-12.csv", None, "", "needs a header row")],
    "availability-wrong-file-name": [
        ("availability/december.csv", None, "", "name it YYYY-MM.csv")
    ],
    # appointments/
    "unknown-language-appointment": [
        # nothing of an appointments file is quoted back, not even a wrong code
        (
            "appointments/2026-12.yaml",
            3,
            "appointments[0].language",
            "the value is not a language code roster knows",
        )
    ],
    "appointment-window-reversed": [
        ("appointments/2026-12.yaml", 6, "appointments[0].latest", "is before earliest")
    ],
    "appointment-longer-than-session": [
        ("appointments/2026-12.yaml", 4, "appointments[0].minutes", "longest appointment session")
    ],
    "appointment-outside-month": [
        ("appointments/2026-12.yaml", 6, "appointments[0].latest", "reaches outside 2026-12")
    ],
    "appointment-counsellor-unknown": [
        (
            "appointments/2026-12.yaml",
            7,
            "appointments[0].counsellor",
            "the value is not an id in volunteers.yaml",
        )
    ],
    "appointment-counsellor-not-counsellor": [
        ("appointments/2026-12.yaml", 7, "appointments[0].counsellor", "not a counsellor")
    ],
    "appointment-client-name-as-case": [
        ("appointments/2026-12.yaml", 2, "appointments[0].case", "never a client's name")
    ],
    "appointment-note-not-text": [
        ("appointments/2026-12.yaml", 7, "appointments[0].note", "is not text")
    ],
    # visits.csv
    "visits-bad-header": [("visits.csv", 1, "header", "date,language,visitors")],
    "visits-negative": [("visits.csv", 3, "visitors", "whole number of 0 or more")],
    "visits-not-a-number": [("visits.csv", 3, "visitors", "'many' is not a whole number")],
    "visits-duplicate-row": [("visits.csv", 4, "date", "already counted on line 3")],
    "visits-bad-date": [("visits.csv", 3, "date", "'12/11/2026' is not a date")],
    "visits-wrong-cell-count": [("visits.csv", 3, "row", "each row needs 3")],
    "unknown-language-visits": [("visits.csv", 3, "language", "'qq' is not a language code")],
    # overrides/
    "overrides-unknown-volunteer": [
        ("overrides/2026-12.yaml", 2, "assign[0].volunteer", "'v09' is not an id")
    ],
    "overrides-date-outside-month": [
        ("overrides/2026-12.yaml", 2, "forbid[0].date", "overrides/2027-01.yaml")
    ],
    # several errors in several files: all at once, sorted by file and line
    "several-errors": [
        ("appointments/2026-12.yaml", 3, "appointments[0].language", "not a language code"),
        ("availability/2026-12.csv", 3, "2026-12-03 (v02)", "'perhaps' is not an answer"),
        ("availability/2026-12.csv", 4, "volunteer", "'v99' is not an id"),
        ("office.yaml", 5, "sessions[0].weekday", "did you mean 'thursday'?"),
        ("visits.csv", 3, "visitors", "'-4'"),
        ("volunteers.yaml", 6, "volunteers[0].max_per_mont", "did you mean 'max_per_month'?"),
        ("volunteers.yaml", 10, "volunteers[1].languages.ar", "basic, fluent or native"),
    ],
}
CASES.update(INPUT_CASES)  # issue 11: crashes, hangs, misreadings, quoted client data
CASES.update(OFFICE_INPUT_CASES)  # issue 12: Excel polls, German weekdays, an open quote
# Cases run as a real subprocess of the installed `roster` script as well.
SUBPROCESS_CASES = [
    "several-errors",
    "invalid-yaml-syntax",
    "missing-office-yaml",
    "bad-date",
    "language-code-malformed",
    "availability-bad-cell",
    "availability-xlsx-bad-cell",
    "control-nul",
    "yaml-alias-bomb",
    "yaml-deep-flow-nesting",
    "visits-4301-digits",
]
Snapshot = Callable[[Path], dict[str, bytes | None]]


def _prefix(file: str, line: int | None, field: str) -> str:
    where = file + (f", line {line}" if line is not None else "") + (f", {field}" if field else "")
    return f"  - {where}: "


def _assert_reported(stderr: str, expected: list[Expected]) -> None:
    """Every expected problem is reported, in this order, and nothing else."""
    assert "Traceback" not in stderr
    assert stderr.startswith("Error: The office folder ")
    count = len(expected)
    assert f"has errors ({count} problem{'s' if count > 1 else ''}):" in stderr.splitlines()[0]
    reported = [line for line in stderr.splitlines() if line.startswith("  - ")]
    assert len(reported) == count, stderr
    for line, (file, number, field, hint) in zip(reported, expected, strict=True):
        assert line.startswith(_prefix(file, number, field)), (line, file, number, field)
        assert hint in line, (line, hint)


def _copy_case(case: str, tmp_path: Path) -> Path:
    folder = tmp_path / case
    shutil.copytree(BAD / case, folder)
    return folder


def test_corpus_and_table_agree() -> None:
    on_disk = sorted(path.name for path in BAD.iterdir() if path.is_dir())
    assert on_disk == sorted(CASES)
    assert len(on_disk) >= 30


def test_base_office_of_the_corpus_is_valid(
    make_office: Callable[..., Path], cli: CliRunner
) -> None:
    """The defects are the only problems: the base office with every file passes."""
    folder = make_office(
        {
            "availability/2026-12.csv": "volunteer,2026-12-02,2026-12-03\nv01,yes,no\nv02,,maybe\n",
            "appointments/2026-12.yaml": (
                "appointments:\n  - case: A-1\n    language: ar\n    minutes: 60\n"
                "    earliest: 2026-12-01\n    latest: 2026-12-16\n    counsellor: v01\n"
            ),
            "visits.csv": "date,language,visitors\n2026-11-05,ar,3\n2026-11-12,ar,4\n",
            "overrides/2026-12.yaml": "forbid:\n  - {volunteer: v01, date: 2026-12-03}\n",
        }
    )
    result = cli.invoke(main, ["check", str(folder), "--locale", "en"])
    assert result.exit_code == 0, result.stderr
    assert "Test Office: the folder is valid." in result.stdout


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_reports_the_defect(
    case: str, tmp_path: Path, cli: CliRunner, snapshot: Snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_case(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    result = cli.invoke(main, ["check", str(folder)])
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert isinstance(result.exception, SystemExit)  # not an uncaught error
    assert result.stdout == ""
    _assert_reported(result.stderr, CASES[case])
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("case", sorted(CASES))
def test_load_office_raises_every_problem_sorted(case: str) -> None:
    with pytest.raises(RosterError) as raised:
        load_office(BAD / case)
    problems = raised.value.problems
    assert problems == sorted(problems)
    assert [(p.file, p.line, p.field) for p in problems] == [
        (file, line, field) for file, line, field, _ in CASES[case]
    ]
    for problem in problems:
        # every message says what to do, not only what is wrong
        assert any(
            word in problem.message
            for word in (
                "write",
                "add",
                "remove",
                "use",
                "swap",
                "keep",
                "fix",
                "give",
                "make",
                "name",
                "move",
                "list",
                "raise",
                "indent",
                "fill",
                "correct",
                "narrow",
                "split",
                "line it up",
                "needs",
                "save",
                "put",
            )
        ), problem.message


@pytest.mark.parametrize("case", SUBPROCESS_CASES)
def test_installed_script_exits_2_without_traceback(
    case: str, tmp_path: Path, snapshot: Snapshot
) -> None:
    script = shutil.which("roster") or str(Path(sys.executable).parent / "roster")
    folder = _copy_case(case, tmp_path)
    before = snapshot(tmp_path)
    done = subprocess.run(
        [script, "check", str(folder)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    _assert_reported(done.stderr, CASES[case])
    assert snapshot(tmp_path) == before


SCHEMA_WORDS = {"appointments", "case", "language", "minutes", "earliest", "latest", "counsellor"}


def _client_words(case: str) -> set[str]:
    """The words (4 letters or more) of a case's appointments file that are not its keys."""
    path = BAD / case / "appointments" / "2026-12.yaml"
    text = path.read_bytes().decode("utf-8", "replace") if path.is_file() else ""
    return set(re.findall(r"[^\W\d_]{4,}", text)) - SCHEMA_WORDS - {"note"}


@pytest.mark.parametrize("case", sorted(case for case in CASES if _client_words(case)))
def test_no_word_of_an_appointments_file_is_quoted(case: str, cli: CliRunner) -> None:
    """Whatever is wrong, the messages name file, line and field, never the content."""
    result = cli.invoke(main, ["check", str(BAD / case)])
    assert result.exit_code == 2
    assert "appointments/2026-12.yaml" in result.stderr
    assert "YAML says" not in result.stderr  # PyYAML's words may quote the file
    assert not [word for word in _client_words(case) if word in result.stderr], result.stderr


def test_several_errors_are_sorted_by_file_then_line(cli: CliRunner) -> None:
    result = cli.invoke(main, ["check", str(BAD / "several-errors")])
    reported = [line for line in result.stderr.splitlines() if line.startswith("  - ")]
    files = [line[4:].split(",")[0] for line in reported]
    assert files == sorted(files)
    assert len(set(files)) == 5  # five files, each with its problems
