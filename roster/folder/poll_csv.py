"""The availability poll as CSV (``availability/YYYY-MM.csv``): one row per volunteer, one
column per date, answers yes / maybe / no."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from roster.domain.errors import Problem
from roster.domain.month import Month
from roster.domain.requests import (
    ANSWERS,
    Answer,
)
from roster.domain.values import shown
from roster.folder.text_files import read_text

_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})?$")


def read_csv(
    path: Path, name: str, header: str, problems: list[Problem]
) -> list[tuple[int, list[str]]] | None:
    """The non-empty rows with their line numbers; ``header`` is an example for messages."""
    text = read_text(path, name, problems)
    if text is None:
        return None
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


def parse_day(text: str, month: Month | None) -> date | None:
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


def read_availability(
    month: Month, path: Path, known: set[str] | None, problems: list[Problem]
) -> dict[tuple[str, date], Answer]:
    """The poll's answers; ``known`` ids (None: volunteers.yaml unreadable, ids unchecked)."""
    name = f"availability/{path.name}"
    rows = read_csv(path, name, f"volunteer,{month.first},...", problems)
    if rows is None:
        return {}
    header_line, header = rows[0]
    if not header or header[0].lower() not in ("volunteer", "id"):
        problems.append(
            Problem(
                name,
                header_line,
                "column 1",
                f"the first column must be 'volunteer' (the volunteer ids), not '{shown(header[0]) if header else ''}'; "
                "write volunteer as the first cell of the header row",
            )
        )
        return {}
    columns: list[date | None] = []
    for index, cell in enumerate(header[1:], start=2):
        day = parse_day(cell, month)
        if not cell:
            problems.append(
                Problem(
                    name,
                    header_line,
                    f"column {index}",
                    "has no date in the header row; write its date there or delete the column",
                )
            )
            columns.append(None)
        elif day is None:
            problems.append(
                Problem(
                    name,
                    header_line,
                    f"column {index} '{shown(cell)}'",
                    f"'{shown(cell)}' is not a date; write the dates of {month} as YYYY-MM-DD "
                    f"(e.g. {month.first}) or DD.MM.YYYY",
                )
            )
            columns.append(None)
        elif day not in month:
            problems.append(
                Problem(
                    name,
                    header_line,
                    f"column {index} '{cell}'",
                    f"{day} is not in {month}: this file is the poll of {month} only; "
                    f"move the column to availability/{Month.of(day)}.csv",
                )
            )
            columns.append(None)
        elif day in columns:
            problems.append(
                Problem(
                    name,
                    header_line,
                    f"column {index} '{cell}'",
                    "this date has two columns; keep one",
                )
            )
            columns.append(None)
        else:
            columns.append(day)
    answers: dict[tuple[str, date], Answer] = {}
    seen: set[str] = set()
    for line, row in rows[1:]:
        volunteer = row[0]
        if not volunteer:
            problems.append(
                Problem(
                    name, line, "volunteer", "the first cell is empty; write the volunteer's id"
                )
            )
            continue
        if known is not None and volunteer not in known:
            problems.append(
                Problem(
                    name,
                    line,
                    "volunteer",
                    f"'{shown(volunteer)}' is not an id in volunteers.yaml; fix the id or add the person",
                )
            )
            continue
        if volunteer in seen:
            problems.append(
                Problem(
                    name,
                    line,
                    "volunteer",
                    f"'{shown(volunteer)}' has a second row; keep one row per person",
                )
            )
            continue
        seen.add(volunteer)
        if len(row) > len(header):
            problems.append(
                Problem(
                    name,
                    line,
                    f"column {len(header) + 1}",
                    "this row has more cells than the header has columns; "
                    "remove the extra cells or add their dates to the header",
                )
            )
        for index, cell in enumerate(row[1:], start=2):
            day = columns[index - 2] if index - 2 < len(columns) else None
            if not cell or day is None:
                continue
            answer = ANSWERS.get(cell.lower())
            if answer is None:
                problems.append(
                    Problem(
                        name,
                        line,
                        f"{header[index - 1]} ({volunteer})",
                        f"'{shown(cell)}' is not an answer; write yes, maybe or no (or ja, vielleicht, nein), or leave it empty",
                    )
                )
                continue
            answers[(volunteer, day)] = answer
    return answers
