"""Writing the availability poll as CSV (``availability/YYYY-MM.csv``), in the format
:mod:`roster.folder.poll_csv` reads: a header ``volunteer,<dates...>`` and one row per
volunteer, each cell ``yes``, ``maybe``, ``no`` or empty (no answer).

A poll a person may also keep by hand (or export from a spreadsheet) keeps its shape: its
separator (comma or semicolon), its line ends, a leading BOM, the header's first cell and
how its dates are written (``03.12.``), a ``name`` column, the order of its rows and
columns, and every answer whose meaning did not change as it was written (``ja`` stays
``ja``). New dates become columns in date order (at the end, if the file's dates are not
in order); new people get a row at the end, in the order given.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from roster.domain.month import Month
from roster.domain.requests import ANSWERS, Answer
from roster.folder.poll_rows import ID_HEADERS, NAME_HEADER, parse_day

HEADER = "volunteer"
"""The first header cell of a new poll."""


@dataclass(frozen=True)
class Column:
    """One column after the ids: a date, the names beside the ids, or another column kept
    as it is."""

    header: str
    day: date | None = None
    names: bool = False
    source: int | None = None
    """The column's place in the rows of the file it was read from (None: a new one)."""


@dataclass
class PollLayout:
    """How a poll file is written, and its rows (cells as text, padded to the header)."""

    first: str = HEADER
    columns: list[Column] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    delimiter: str = ","
    newline: str = "\n"
    bom: bool = False


def _decode(data: bytes) -> tuple[str, bool]:
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8-sig"), bom
    except UnicodeDecodeError:
        # what the folder's check accepted: a CSV file saved by Excel as Windows text
        return data.decode("cp1252", errors="replace"), False


def read_layout(data: bytes, month: Month) -> PollLayout:
    """The layout and rows of an existing poll file (which the folder's check accepted)."""
    text, bom = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    newline = "\r\n" if "\r\n" in text else "\n"
    rows = [
        [cell.strip() for cell in row]
        for row in csv.reader(io.StringIO(text), delimiter=delimiter)
        if any(cell.strip() for cell in row)
    ]
    if not rows:
        return PollLayout(delimiter=delimiter, newline=newline, bom=bom)
    header, body = rows[0], rows[1:]
    first = header[0] if header[0].lower() in ID_HEADERS else HEADER
    columns: list[Column] = []
    for index, cell in enumerate(header[1:], start=1):
        if index == 1 and cell.lower() == NAME_HEADER:
            columns.append(Column(cell, names=True, source=index))
        else:
            columns.append(Column(cell, parse_day(cell, month), source=index))
    width = len(columns) + 1
    padded = [row + [""] * (width - len(row)) for row in body]
    return PollLayout(first, columns, padded, delimiter, newline, bom)


def _cell(old: str, new: Answer | None) -> str:
    """The cell for ``new``: the old text when it means the same, else the plain word."""
    if new is None:
        return ""
    return old if ANSWERS.get(old.lower()) == new else new


def _with_days(columns: list[Column], days: Sequence[date]) -> list[Column]:
    """The columns with a column for each of ``days`` they lack: in date order when the
    file's dates are in order, else at the end."""
    have = [column.day for column in columns if column.day is not None]
    new = sorted(set(days) - set(have))
    if not new:
        return list(columns)
    if have != sorted(have):
        return [*columns, *(Column(day.isoformat(), day) for day in new)]
    result: list[Column] = []
    waiting = list(new)
    for column in columns:
        while column.day is not None and waiting and waiting[0] < column.day:
            day = waiting.pop(0)
            result.append(Column(day.isoformat(), day))
        result.append(column)
    result.extend(Column(day.isoformat(), day) for day in waiting)
    return result


def poll_csv(
    month: Month,
    answers: Mapping[tuple[str, date], Answer],
    people: Sequence[tuple[str, str]],
    days: Sequence[date],
    existing: bytes | None = None,
) -> str:
    """The text of ``availability/<month>.csv`` holding ``answers``.

    ``people`` (id, name) each get a row (after the rows of ``existing``, the current
    file, in the order given); ``days`` each get a column. A row of ``existing`` for
    someone not in ``people`` stays, with its answers from ``answers``; an answer of an
    id without a row gets one, so that no answer is lost.
    """
    layout = read_layout(existing, month) if existing is not None else PollLayout()
    wanted = {*days, *(day for _, day in answers if day in month)}
    columns = _with_days(layout.columns, sorted(wanted))
    names = dict(people)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=layout.delimiter, lineterminator=layout.newline)
    writer.writerow([layout.first, *(column.header for column in columns)])
    written: set[str] = set()

    def row_of(volunteer: str, old: list[str] | None) -> list[str]:
        cells = [volunteer]
        for column in columns:
            index = column.source
            before = old[index] if old is not None and index is not None else ""
            if column.names:
                cells.append(before or names.get(volunteer, ""))
            elif column.day is None:
                cells.append(before)
            else:
                cells.append(_cell(before, answers.get((volunteer, column.day))))
        return cells

    for row in layout.rows:
        volunteer = row[0]
        writer.writerow(row_of(volunteer, row))
        written.add(volunteer)
    extra = [volunteer for volunteer, _ in answers if volunteer not in names]
    for volunteer in [*(person for person, _ in people), *extra]:
        if volunteer not in written:
            writer.writerow(row_of(volunteer, None))
            written.add(volunteer)
    text = out.getvalue()
    return "\ufeff" + text if layout.bom else text
