"""The visit log (``visits.csv``): visitors per open-hours date and language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from roster.domain.errors import Problem
from roster.domain.office_data import FolderNote
from roster.domain.requests import MAX_VISITORS, VisitRecord
from roster.domain.values import shown
from roster.folder.cross_checks import KnowsLanguage, unknown_language
from roster.folder.poll_csv import read_csv
from roster.folder.poll_rows import parse_day


def read_visits(
    path: Path, knows: KnowsLanguage, problems: list[Problem], notes: list[FolderNote]
) -> list[VisitRecord]:
    """The visit log's records, sorted by date and language."""
    name = "visits.csv"
    rows = read_csv(path, name, "date,language,visitors", problems, notes)
    if rows is None:
        return []
    header_line, header = rows[0]
    lowered = [cell.lower() for cell in header]
    if sorted(lowered) != ["date", "language", "visitors"]:
        problems.append(
            Problem(
                name,
                header_line,
                "header",
                f"the columns must be date,language,visitors, not {shown(','.join(header))}; "
                "write the header row date,language,visitors",
            )
        )
        return []
    at = {column: lowered.index(column) for column in lowered}
    records: list[VisitRecord] = []
    seen: dict[tuple[date, str], int] = {}
    for line, row in rows[1:]:
        if len(row) != 3:
            problems.append(
                Problem(
                    name,
                    line,
                    "row",
                    f"has {len(row)} cells; each row needs 3: date,language,visitors",
                )
            )
            continue
        day = parse_day(row[at["date"]], None)
        language = row[at["language"]]
        if day is None:
            problems.append(
                Problem(
                    name,
                    line,
                    "date",
                    f"'{shown(row[at['date']])}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-26",
                )
            )
            continue
        text = row[at["visitors"]]
        # ASCII digits only: '²' is a digit to str.isdigit() but no number to int()
        if not (text.isascii() and text.isdigit()):
            problems.append(
                Problem(
                    name,
                    line,
                    "visitors",
                    f"'{shown(text)}' is not a whole number of 0 or more; "
                    "write the number of visitors, e.g. 3",
                )
            )
            continue
        visitors = int(text) if len(text) <= 9 else MAX_VISITORS + 1
        if visitors > MAX_VISITORS:
            problems.append(
                Problem(
                    name,
                    line,
                    "visitors",
                    f"'{shown(text)}' is out of range; write a number of visitors from 0 to "
                    f"{MAX_VISITORS} (the visitors of one language on one day)",
                )
            )
            continue
        if not knows(language):
            problems.append(unknown_language(name, line, "language", language))
            continue
        if (day, language) in seen:
            problems.append(
                Problem(
                    name,
                    line,
                    "date",
                    f"{day} {language} is already counted on line {seen[(day, language)]}; "
                    "add the visitors up in one row and remove the other",
                )
            )
            continue
        seen[(day, language)] = line
        records.append(VisitRecord(date=day, language=language, visitors=visitors))
    return sorted(records, key=lambda r: (r.date, r.language))
