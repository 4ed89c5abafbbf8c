"""What the office folder's input files hold, without parsing them: for each file that
`load_office` reads (and each file of the month folders), its name and a hash of its
bytes. Two equal signatures mean the same input: reading and hashing the files takes a
small part of the time that parsing and validating them takes.

:func:`roster.folder.load.load_office` keeps the last folders it read, keyed by this
signature, so that the web app, which reads the folder for every page, parses and
validates the files only after they changed. Hashing the contents (not comparing file
times) makes this right whatever the file system's clock: a file changed twice within
the same tick of it is still seen to change.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

FILES = ("office.yaml", "volunteers.yaml", "visits.csv")
FOLDERS = ("availability", "appointments", "overrides")

Signature = tuple[tuple[str, str], ...]


def _digest(path: Path) -> str | None:
    """The hash of a file's bytes; None for no file (or one that cannot be read)."""
    try:
        if not path.is_file():
            return None
        data = path.read_bytes()
    except OSError:
        return None
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def folder_signature(folder: Path) -> Signature | None:
    """The signature of the folder's input files; None when a month folder cannot be
    listed (then nothing is kept)."""
    entries: list[tuple[str, str]] = []
    for name in FILES:
        digest = _digest(folder / name)
        if digest is not None:
            entries.append((name, digest))
    for sub in FOLDERS:
        path = folder / sub
        if not path.exists():
            continue
        try:
            names = sorted(entry.name for entry in path.iterdir())
        except OSError:
            return None
        entries.append((sub + "/", ""))
        entries.extend((f"{sub}/{name}", _digest(path / name) or "-") for name in names)
    return tuple(entries)
