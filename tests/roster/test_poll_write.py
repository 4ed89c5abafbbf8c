"""Writing the availability poll as CSV (:mod:`roster.folder.poll_write`): what it writes
reads back identically through :mod:`roster.folder.poll_csv`, an unchanged poll is
written back byte for byte, and a poll kept by hand keeps its shape (separator, line
ends, BOM, name column, dates as written, answers as written, row and column order)."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roster.domain.errors import Problem
from roster.domain.month import Month
from roster.domain.office_data import FolderNote
from roster.domain.requests import Answer
from roster.folder.poll_csv import read_availability
from roster.folder.poll_write import poll_csv

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "velbert" / "availability" / "2026-12.csv"
DECEMBER = Month(2026, 12)
DAYS = [date(2026, 12, day) for day in (2, 3, 9, 10, 16, 17)]
PEOPLE = [(f"v{number:02d}", f"Person {number}") for number in range(1, 31)]


def read_back(tmp_path: Path, content: str | bytes) -> dict[tuple[str, date], Answer]:
    """The answers of ``content`` as `roster` reads a poll file; no problem allowed."""
    path = tmp_path / "2026-12.csv"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    problems: list[Problem] = []
    notes: list[FolderNote] = []
    answers = read_availability(DECEMBER, path, {pid for pid, _ in PEOPLE}, problems, notes)
    assert problems == []
    return answers


def test_an_unchanged_poll_is_written_back_byte_for_byte(tmp_path: Path) -> None:
    original = EXAMPLE.read_bytes()
    answers = read_back(tmp_path, original)
    assert len(answers) > 100
    written = poll_csv(DECEMBER, answers, PEOPLE, DAYS, original)
    assert written.encode("utf-8") == original


def test_a_changed_answer_changes_its_cell_only(tmp_path: Path) -> None:
    original = EXAMPLE.read_bytes()
    answers = read_back(tmp_path, original)
    answers[("v05", date(2026, 12, 2))] = "maybe"
    del answers[("v01", date(2026, 12, 3))]
    written = poll_csv(DECEMBER, answers, PEOPLE, DAYS, original)
    before = original.decode("utf-8").splitlines()
    after = written.splitlines()
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert changed == [
        ("v01,yes,yes,yes,no,yes,yes", "v01,yes,,yes,no,yes,yes"),
        ("v05,,,,,no,yes", "v05,maybe,,,,no,yes"),
    ]
    assert read_back(tmp_path, written) == answers


def test_a_new_poll_has_a_row_per_person_and_a_column_per_date(tmp_path: Path) -> None:
    answers: dict[tuple[str, date], Answer] = {
        ("v02", date(2026, 12, 3)): "yes",
        ("v01", date(2026, 12, 9)): "no",
    }
    written = poll_csv(DECEMBER, answers, PEOPLE[:3], DAYS)
    assert written == (
        "volunteer,2026-12-02,2026-12-03,2026-12-09,2026-12-10,2026-12-16,2026-12-17\n"
        "v01,,,no,,,\n"
        "v02,,yes,,,,\n"
        "v03,,,,,,\n"
    )
    assert read_back(tmp_path, written) == answers


def test_a_poll_kept_by_hand_keeps_its_shape(tmp_path: Path) -> None:
    """Semicolons, Windows line ends, a BOM, a name column, German dates, ja/nein, a
    row of someone no longer in the team: all stay; a new date goes in date order, a new
    person at the end, with the name column filled in."""
    text = (
        "Volunteer;Name;02.12.;03.12.2026;10.12.\r\n"
        "v02;Karim;ja;Nein;\r\n"
        "v01;Birgit;;vielleicht;J\r\n"
        "v99;Gone;ja;;\r\n"
    )
    original = codecs.BOM_UTF8 + text.encode("utf-8")
    path = tmp_path / "2026-12.csv"
    path.write_bytes(original)
    problems: list[Problem] = []
    answers = read_availability(DECEMBER, path, None, problems, [])
    assert problems == []
    answers[("v02", date(2026, 12, 3))] = "maybe"  # nein -> maybe
    answers[("v03", date(2026, 12, 9))] = "yes"  # a new person, a new date
    people = [("v01", "Birgit Sommer"), ("v02", "Karim Mansour"), ("v03", "Heike Brandt")]
    written = poll_csv(DECEMBER, answers, people, [date(2026, 12, 2)], original)
    assert written == (
        "\ufeffVolunteer;Name;02.12.;03.12.2026;2026-12-09;10.12.\r\n"
        "v02;Karim;ja;maybe;;\r\n"
        "v01;Birgit;;vielleicht;;J\r\n"
        "v99;Gone;ja;;;\r\n"
        "v03;Heike Brandt;;;yes;\r\n"
    )
    path.write_bytes(written.encode("utf-8"))
    assert read_availability(DECEMBER, path, None, problems, []) == answers
    assert problems == []


def test_windows_text_is_written_as_utf8_and_reads_the_same(tmp_path: Path) -> None:
    text = "volunteer;name;2026-12-03\r\nv01;Jürgen Groß;ja\r\n"
    original = text.encode("cp1252")
    path = tmp_path / "2026-12.csv"
    path.write_bytes(original)
    notes: list[FolderNote] = []
    answers = read_availability(DECEMBER, path, None, [], notes)
    assert [note.kind for note in notes] == ["windows_text"]
    written = poll_csv(DECEMBER, answers, [("v01", "Jürgen Groß")], [], original)
    assert written == text
    path.write_bytes(written.encode("utf-8"))
    notes.clear()
    assert read_availability(DECEMBER, path, None, [], notes) == answers
    assert notes == []


def test_dates_out_of_order_get_new_dates_at_the_end() -> None:
    original = b"volunteer,2026-12-10,2026-12-03\nv01,yes,no\n"
    answers: dict[tuple[str, date], Answer] = {
        ("v01", date(2026, 12, 10)): "yes",
        ("v01", date(2026, 12, 3)): "no",
    }
    written = poll_csv(DECEMBER, answers, PEOPLE[:1], [date(2026, 12, 2)], original)
    assert written == "volunteer,2026-12-10,2026-12-03,2026-12-02\nv01,yes,no,\n"


ANSWER = st.sampled_from(["yes", "maybe", "no", None])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(grid=st.lists(st.lists(ANSWER, min_size=6, max_size=6), min_size=1, max_size=8))
def test_whatever_is_written_reads_back_identically(
    tmp_path: Path, grid: list[list[Answer | None]]
) -> None:
    answers: dict[tuple[str, date], Answer] = {
        (PEOPLE[row][0], DAYS[column]): answer
        for row, answers_of_row in enumerate(grid)
        for column, answer in enumerate(answers_of_row)
        if answer is not None
    }
    people = PEOPLE[: len(grid)]
    fresh = poll_csv(DECEMBER, answers, people, DAYS)
    assert read_back(tmp_path, fresh) == answers
    again = poll_csv(DECEMBER, answers, people, DAYS, fresh.encode("utf-8"))
    assert again == fresh
