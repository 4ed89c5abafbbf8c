"""The availability poll as an Excel workbook (``availability/YYYY-MM.xlsx``).

The first sheet is read (openpyxl, values only: a formula counts with the value Excel
saved for it) and turned into the same rows as a CSV file, so the same rules apply
(:mod:`roster.folder.poll_rows`); messages name the sheet and the cell. A date cell in
the header is its date; a number is read as Excel shows it (``12`` for the id 12).

A workbook is a zip archive of XML files: before it is opened, its size and what it
unpacks to are checked, so a damaged or hostile file cannot fill the memory. A sheet
far larger than a poll is refused, and so is a cell holding an invisible control
character.
"""

from __future__ import annotations

import warnings
import zipfile
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import load_workbook

from roster.domain.errors import Problem
from roster.domain.month import Month
from roster.domain.requests import Answer
from roster.domain.values import shown
from roster.folder.poll_rows import PollRows, column_letter, read_poll
from roster.folder.text_files import control_character, too_large

MAX_UNPACKED = 20_000_000
"""Bytes a workbook may unpack to, at most (a poll of 500 people unpacks to about 1 MB)."""
MAX_ROWS = 2000
"""Rows of a poll sheet, at most."""
MAX_COLUMNS = 200
"""Columns of a poll sheet, at most."""
_SAVE_AGAIN = (
    "open it in Excel (or LibreOffice) and save it again as Excel workbook (.xlsx), or as CSV"
)


def _text(value: object) -> str:
    """A cell's value as the poll's text: a date as YYYY-MM-DD, a whole number without
    decimals, a time as HH:MM, true and false as Excel shows them."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _unpacks_too_large(path: Path, name: str, problems: list[Problem]) -> bool:
    """Whether the workbook is no zip archive or unpacks to too much (problem added)."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        problems.append(
            Problem(
                name,
                None,
                "",
                "cannot be read as an Excel workbook (.xlsx): it may be damaged, protected "
                f"with a password or an old .xls file renamed; {_SAVE_AGAIN}",
            )
        )
        return True
    if unpacked > MAX_UNPACKED:
        problems.append(
            Problem(
                name,
                None,
                "",
                f"unpacks to {unpacked // 1_000_000:,} MB; a poll is much smaller: make sure "
                "it is the right file, or copy the poll into a new workbook",
            )
        )
        return True
    return False


def _sheet_rows(
    path: Path, name: str, problems: list[Problem]
) -> tuple[str, list[tuple[int, list[str]]]] | None:
    """The first sheet's title and its non-empty rows, or None with the problems found."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles it does not know
        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds of error for a damaged file
            problems.append(
                Problem(name, None, "", f"cannot be read as an Excel workbook; {_SAVE_AGAIN}")
            )
            return None
        try:
            if not workbook.worksheets:
                problems.append(
                    Problem(name, None, "", "has no sheet; put the poll on the first sheet")
                )
                return None
            sheet = workbook.worksheets[0]
            title = str(sheet.title)
            rows: list[tuple[int, list[str]]] = []
            sheet.reset_dimensions()  # the size the file claims may be wrong: read the rows
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [_text(value) for value in values]
                while cells and not cells[-1]:
                    cells.pop()  # formatted but empty cells
                if not cells:
                    continue
                if number > MAX_ROWS or len(cells) > MAX_COLUMNS:
                    far = f"{column_letter(len(cells))}{number}"
                    problems.append(
                        Problem(
                            name,
                            None,
                            f"sheet {shown(title)}, cell {far}",
                            f"the sheet reaches cell {far}; a poll has at most {MAX_ROWS} "
                            f"rows and {MAX_COLUMNS} columns: delete what is below and right "
                            "of the poll",
                        )
                    )
                    return None
                rows.append((number, cells))
        except Exception:  # a damaged sheet fails while it is read
            problems.append(
                Problem(name, None, "", f"cannot be read as an Excel workbook; {_SAVE_AGAIN}")
            )
            return None
        finally:
            workbook.close()
    return title, rows


def _control_characters(poll: PollRows, problems: list[Problem]) -> bool:
    """Add a problem for each cell with an invisible control character; whether any."""
    found = False
    for number, cells in poll.rows:
        for column, cell in enumerate(cells, start=1):
            what = control_character(cell)
            if what is not None:
                found = True
                problems.append(
                    poll.problem(
                        number,
                        column,
                        "",
                        f"the cell holds an invisible control character ({what}); retype the cell",
                    )
                )
    return found


def read_availability_xlsx(
    month: Month, path: Path, known: set[str] | None, problems: list[Problem]
) -> dict[tuple[str, date], Answer]:
    """The answers of ``availability/YYYY-MM.xlsx``; ``known`` ids as for a CSV poll."""
    name = f"availability/{path.name}"
    if too_large(path, name, problems) or _unpacks_too_large(path, name, problems):
        return {}
    read = _sheet_rows(path, name, problems)
    if read is None:
        return {}
    title, rows = read
    if not rows:
        problems.append(
            Problem(
                name,
                None,
                f"sheet {shown(title)}",
                f"is empty; the first sheet needs the poll, with a header row such as "
                f"volunteer, {month.first}, ...",
            )
        )
        return {}
    poll = PollRows(name, rows, sheet=title)
    if _control_characters(poll, problems):
        return {}
    return read_poll(poll, month, known, problems)
