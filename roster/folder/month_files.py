"""Which files of ``availability/``, ``appointments/`` and ``overrides/`` are data.

- Hidden files, the lock files of spreadsheets (``~$2026-12.xlsx``, ``.~lock...#``),
  folders and ``*.example`` files are never data and are passed over.
- A file with a data extension (``.csv``, ``.xlsx`` in ``availability/``; ``.yaml``,
  ``.yml``) must be named after its month, ``YYYY-MM`` with the folder's extension; one
  that is not is an error.
- ``availability/`` holds one poll per month: both ``2026-12.csv`` and ``2026-12.xlsx``
  is an error that names the one to delete.
- Any other file (``2026-12.ods``, ``notes.txt``) is not read, and a note says so:
  ``roster check`` lists it with what to do, so that no poll is skipped silently.
"""

from __future__ import annotations

import re
from pathlib import Path

from roster.domain.errors import Problem
from roster.domain.month import Month
from roster.domain.office_data import FolderNote, NoteKind

_MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})$")
_DATA_SUFFIXES = (".csv", ".yaml", ".yml")
POLL_SUFFIXES = (".csv", ".xlsx")
"""The files an availability poll is read from, in ``availability/``."""


def _month_of(stem: str) -> Month | None:
    match = _MONTH_FILE.match(stem)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    return Month(int(match.group(1)), int(match.group(2)))


def _passed_over(path: Path) -> bool:
    """Never data: hidden files, spreadsheet lock files, folders, ``*.example``."""
    return path.name.startswith((".", "~")) or path.is_dir() or path.suffix.lower() == ".example"


def month_files(
    folder: Path,
    sub: str,
    suffixes: tuple[str, ...],
    problems: list[Problem],
    notes: list[FolderNote],
) -> list[tuple[Month, Path]]:
    """The month files of ``folder/sub`` with one of ``suffixes``, by month.

    Misnamed data files are problems; files that are not read are notes.
    """
    base = folder / sub
    if not base.is_dir():
        return []
    found: dict[Month, list[Path]] = {}
    for path in sorted(base.iterdir()):
        if _passed_over(path):
            continue
        name = f"{sub}/{path.name}"
        month = _month_of(path.stem)
        suffix = path.suffix.lower()
        if suffix not in (*_DATA_SUFFIXES, *suffixes):
            kind: NoteKind = "not_read" if sub == "availability" else "not_read_yaml"
            notes.append(FolderNote(name, kind, month))
            continue
        if path.suffix not in suffixes or month is None:
            named = " or ".join(f"YYYY-MM{s}" for s in suffixes)
            problems.append(
                Problem(
                    name,
                    None,
                    "",
                    f"is not named like a month; name it {named}, e.g. 2026-12{suffixes[0]}",
                )
            )
            continue
        found.setdefault(month, []).append(path)
    result: list[tuple[Month, Path]] = []
    for month, paths in sorted(found.items()):
        if len(paths) == 1:
            result.append((month, paths[0]))
        else:
            problems.append(_two_polls(sub, month, paths))
    return result


def _two_polls(sub: str, month: Month, paths: list[Path]) -> Problem:
    """Both ``2026-12.csv`` and ``2026-12.xlsx``: which one to delete (the older one)."""
    names = " and ".join(f"{sub}/{path.name}" for path in paths)
    times = sorted((path.stat().st_mtime, path.name) for path in paths)
    if times[0][0] == times[-1][0]:
        todo = "delete the one that is out of date and keep the other"
    else:
        todo = (
            f"delete {sub}/{times[0][1]}, which was saved earlier, and keep "
            f"{sub}/{times[-1][1]} (or the other way round if the newer one is out of date)"
        )
    return Problem(
        f"{sub}/{paths[0].name}",
        None,
        "",
        f"{names} are both the poll of {month}, and roster reads one: {todo}",
    )
