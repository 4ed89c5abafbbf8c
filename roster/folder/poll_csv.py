"""CSV files: the availability poll as CSV (``availability/YYYY-MM.csv``) and the rows
``visits.csv`` is read from.

A CSV file is UTF-8 (with or without a BOM) or, as Excel on a German Windows saves it,
Windows text (cp1252), which a note then tells (:mod:`roster.folder.text_files`); comma
or semicolon separated, whichever the header row uses more."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from roster.domain.errors import Problem
from roster.domain.month import Month
from roster.domain.office_data import FolderNote
from roster.domain.requests import Answer
from roster.folder.poll_rows import PollRows, read_poll
from roster.folder.text_files import read_spreadsheet_text


def read_csv(
    path: Path,
    name: str,
    header: str,
    problems: list[Problem],
    notes: list[FolderNote],
    month: Month | None = None,
) -> list[tuple[int, list[str]]] | None:
    """The non-empty rows with their line numbers; ``header`` is an example for messages.

    A file read as Windows text adds a note (about ``month``, the month of the file).
    """
    text, windows = read_spreadsheet_text(path, name, problems)
    if text is None:
        return None
    if windows:
        notes.append(FolderNote(name, "windows_text", month))
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            cells = [cell.strip() for cell in row]
            while cells and not cells[-1]:
                cells.pop()  # spreadsheets pad rows with empty cells
            if cells:
                rows.append((reader.line_num, cells))
    except csv.Error as exc:
        problems.append(
            Problem(
                name,
                reader.line_num,
                "",
                f"is not valid CSV ({exc}); save it again from the spreadsheet as CSV, "
                "comma or semicolon separated",
            )
        )
        return None
    if not rows:
        problems.append(
            Problem(name, None, "", f"is empty; it needs a header row such as {header}")
        )
        return None
    return rows


def read_availability(
    month: Month,
    path: Path,
    known: set[str] | None,
    problems: list[Problem],
    notes: list[FolderNote],
) -> dict[tuple[str, date], Answer]:
    """The answers of ``availability/YYYY-MM.csv``; ``known`` ids (None: volunteers.yaml
    unreadable, ids unchecked)."""
    name = f"availability/{path.name}"
    rows = read_csv(path, name, f"volunteer,{month.first},...", problems, notes, month)
    if rows is None:
        return {}
    return read_poll(PollRows(name, rows), month, known, problems)
