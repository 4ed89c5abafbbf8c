"""Saving the office lead's edits to the office folder: validated as a whole, under the
folder lock, atomically, recorded in the change log.

Every page that changes an input file of the folder (the team, a month's poll, its
appointments, its overrides) ends in :func:`save_files`. It takes the new contents of
one or more files, checks the folder *as it would be* with exactly the same validation as
`roster check` (a copy of the folder's input files in a temporary folder, loaded by
:func:`roster.folder.load.load_office`), and only when that finds nothing wrong writes the
files, each atomically, and appends one line to the change log, all under the folder
lock. A problem raises :class:`RosterError` with every problem found (file, line and
field each), and nothing is written.

The message of that error is the app's plain "nothing was saved" sentence; the problems
name the folder's own files (``volunteers.yaml``), never the temporary copy.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from roster.app.changelog import record_change
from roster.app.guard import reading, writing
from roster.domain.errors import RosterError
from roster.domain.files import remove_path, write_atomic
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office
from roster.wording.catalogue import text

INPUT_FILES = ("office.yaml", "volunteers.yaml", "visits.csv")
INPUT_FOLDERS = ("availability", "appointments", "overrides")
"""What `roster check` reads: the files of the folder and the folders of month files."""
COMMAND = "roster web"
"""The name the folder lock shows to another run waiting for it."""


def _check_name(name: str) -> None:
    parts = Path(name).parts
    if not parts or parts[0] not in (*INPUT_FILES, *INPUT_FOLDERS) or ".." in parts:
        raise ValueError(f"{name!r} is not an input file of the office folder")
    if parts[0] in INPUT_FOLDERS and len(parts) != 2:
        raise ValueError(f"{name!r} is not a month file of the office folder")


def _copy_inputs(folder: Path, shadow: Path) -> None:
    for name in INPUT_FILES:
        if (folder / name).is_file():
            shutil.copyfile(folder / name, shadow / name)
    for sub in INPUT_FOLDERS:
        if (folder / sub).is_dir():
            (shadow / sub).mkdir()
            for path in sorted((folder / sub).iterdir()):
                if path.is_file():
                    shutil.copyfile(path, shadow / sub / path.name)


def check_as_saved(
    folder: Path, changes: Mapping[str, bytes | None], *, locale: str = "en"
) -> OfficeData:
    """The folder loaded as it would be with ``changes`` (file name -> new bytes, or None
    to remove the file); :class:`RosterError` with every problem if it would not be
    valid. Writes nothing to ``folder``."""
    for name in changes:
        _check_name(name)
    with tempfile.TemporaryDirectory(prefix="roster-check-") as scratch:
        shadow = Path(scratch) / "office"
        shadow.mkdir()
        _copy_inputs(folder, shadow)
        for name, content in changes.items():
            target = shadow / name
            if content is None:
                target.unlink(missing_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        try:
            data = load_office(shadow)
        except RosterError as exc:
            raise RosterError(text(locale, "web.not_saved"), exc.problems) from None
    # The data's folder is the real one: nothing keeps the temporary copy's path.
    data.folder = folder
    return data


def save_files(
    folder: Path,
    changes: Mapping[str, bytes | str | None],
    *,
    who: str,
    key: str,
    month: Month | str | None = None,
    now: datetime | None = None,
    lock_wait: float | None = None,
    locale: str = "en",
    **params: str | int,
) -> OfficeData:
    """Write ``changes`` (file name -> new contents, None to remove) into the office
    folder if the folder stays valid with them, and record the change ``key`` (a
    catalogue key filled with ``params``) for the account ``who``. Returns the folder as
    loaded after the change. :class:`RosterError` (nothing written) when the folder
    would have problems, or when another run holds the lock longer than ``lock_wait``."""
    folder = Path(folder)
    encoded = {
        name: content.encode("utf-8") if isinstance(content, str) else content
        for name, content in changes.items()
    }
    with writing(folder, COMMAND, wait=lock_wait), reading():
        data = check_as_saved(folder, encoded, locale=locale)
        for name, content in encoded.items():
            target = folder / name
            if content is None:
                if target.exists():
                    remove_path(target)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, content)
        record_change(folder, who, key, month=month, now=now, lock_wait=lock_wait, **params)
    return data
