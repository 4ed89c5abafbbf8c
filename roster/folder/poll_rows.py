"""The availability poll's rows, wherever they come from (a CSV file or an Excel sheet):
one row per volunteer, one column per date, answers yes / maybe / no.

The rules are the same for both; only the place a message names differs: a CSV file's
line and column (``line 4, 2026-12-03 (v02)``), an Excel sheet's cell
(``sheet Tabelle1, cell C4 (2026-12-03, v02)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from roster.domain.errors import Problem
from roster.domain.month import Month
from roster.domain.requests import ANSWERS, Answer
from roster.domain.values import shown

_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})?$")
ID_HEADERS = ("volunteer", "id")
"""The header of the first column (any case)."""
NAME_HEADER = "name"
"""The header of an optional second column of names (any case), which is not read."""


def parse_day(text: str, month: Month | None) -> date | None:
    """``2026-12-03``, ``03.12.2026`` or (with ``month``) ``03.12.`` as a date, or None."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    match = _GERMAN_DATE.match(text)
    if match:
        year = int(match.group(3)) if match.group(3) else (month.year if month else 0)
        try:
            return date(year, int(match.group(2)), int(match.group(1)))
        except ValueError:
            return None
    return None


def column_letter(column: int) -> str:
    """1 -> ``A``, 27 -> ``AA``: the column as a spreadsheet names it."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class PollRows:
    """The non-empty rows of a poll, each with its number: a CSV file's line, or a sheet's
    row. Cells are text, from the first column on; trailing empty cells are dropped."""

    file: str
    rows: list[tuple[int, list[str]]]
    sheet: str | None = None
    """The sheet of an Excel workbook; None for a CSV file."""

    def at(self, row: int, column: int, field: str, detail: str = "") -> tuple[int | None, str]:
        """The line and field of a problem: ``field`` in a CSV file, the cell (and
        ``detail``) in a sheet."""
        if self.sheet is None:
            return row, field
        cell = f"sheet {shown(self.sheet)}, cell {column_letter(column)}{row}"
        return None, f"{cell} {detail}" if detail else cell

    def problem(self, row: int, column: int, field: str, message: str, detail: str = "") -> Problem:
        """A problem at a cell."""
        line, where = self.at(row, column, field, detail)
        return Problem(self.file, line, where, message)


def _columns(poll: PollRows, month: Month, problems: list[Problem]) -> list[date | None]:
    """The date of each column after the first (None: not a date, or the name column)."""
    header_line, header = poll.rows[0]
    suffix = poll.file.rsplit(".", 1)[-1]
    columns: list[date | None] = []
    for index, cell in enumerate(header[1:], start=2):
        day = parse_day(cell, month)
        quoted = f"'{shown(cell)}'"
        if index == 2 and cell.lower() == NAME_HEADER:
            columns.append(None)  # names beside the ids: the id decides
            continue
        if not cell:
            message = "has no date in the header row; write its date there or delete the column"
            problems.append(poll.problem(header_line, index, f"column {index}", message))
        elif day is None:
            message = (
                f"{quoted} is not a date; write the dates of {month} as YYYY-MM-DD "
                f"(e.g. {month.first}) or DD.MM.YYYY"
            )
            problems.append(
                poll.problem(header_line, index, f"column {index} {quoted}", message, quoted)
            )
        elif day not in month:
            message = (
                f"{day} is not in {month}: this file is the poll of {month} only; "
                f"move the column to availability/{Month.of(day)}.{suffix}"
            )
            problems.append(
                poll.problem(header_line, index, f"column {index} '{cell}'", message, quoted)
            )
        elif day in columns:
            message = "this date has two columns; keep one"
            problems.append(
                poll.problem(header_line, index, f"column {index} '{cell}'", message, quoted)
            )
        else:
            columns.append(day)
            continue
        columns.append(None)
    return columns


def read_poll(
    poll: PollRows, month: Month, known: set[str] | None, problems: list[Problem]
) -> dict[tuple[str, date], Answer]:
    """The poll's answers; ``known`` ids (None: volunteers.yaml unreadable, ids unchecked)."""
    header_line, header = poll.rows[0]
    if not header or header[0].lower() not in ID_HEADERS:
        first = shown(header[0]) if header else ""
        message = (
            f"the first column must be 'volunteer' (the volunteer ids), not '{first}'; "
            "write volunteer as the first cell of the header row"
        )
        problems.append(poll.problem(header_line, 1, "column 1", message))
        return {}
    columns = _columns(poll, month, problems)
    answers: dict[tuple[str, date], Answer] = {}
    seen: set[str] = set()
    for line, row in poll.rows[1:]:
        volunteer = row[0]
        message = ""
        if not volunteer:
            message = "the first cell is empty; write the volunteer's id"
        elif known is not None and volunteer not in known:
            message = (
                f"'{shown(volunteer)}' is not an id in volunteers.yaml; fix the id or add "
                "the person"
            )
        elif volunteer in seen:
            message = f"'{shown(volunteer)}' has a second row; keep one row per person"
        if message:
            problems.append(poll.problem(line, 1, "volunteer", message))
            continue
        seen.add(volunteer)
        if len(row) > len(header):
            message = (
                "this row has more cells than the header has columns; "
                "remove the extra cells or add their dates to the header"
            )
            column = len(header) + 1
            problems.append(poll.problem(line, column, f"column {column}", message))
        for index, cell in enumerate(row[1:], start=2):
            day = columns[index - 2] if index - 2 < len(columns) else None
            if not cell or day is None:
                continue
            answer = ANSWERS.get(cell.lower())
            if answer is None:
                message = (
                    f"'{shown(cell)}' is not an answer; write yes, maybe or no (or ja, "
                    "vielleicht, nein), or leave it empty"
                )
                field = f"{header[index - 1]} ({volunteer})"
                detail = f"({day}, {shown(volunteer)})"
                problems.append(poll.problem(line, index, field, message, detail))
                continue
            answers[(volunteer, day)] = answer
    return answers
