"""Operating-system errors (a read-only folder, a full disk, a missing permission) as plain
messages: :func:`disk_problem` turns an ``OSError`` into the project's one error type."""

from __future__ import annotations

import errno
from pathlib import Path

from roster.domain.errors import RosterError

_WHAT_TO_DO = {
    errno.EROFS: (
        "is on a read-only disk or folder",
        "copy the office folder to a place you can write to, or ask whoever manages the "
        "computer to make it writable",
    ),
    errno.ENOSPC: (
        "could not be written: the disk is full",
        "free some space on the disk (delete or move old files), then run it again; "
        "nothing was changed",
    ),
    errno.EDQUOT: (
        "could not be written: your disk quota is used up",
        "free some space in your quota, then run it again; nothing was changed",
    ),
    errno.EACCES: (
        "may not be read or written by this user",
        "give your user permission to change the office folder, or run roster as the user "
        "who owns it",
    ),
    errno.EPERM: (
        "may not be changed by this user",
        "give your user permission to change the office folder, or run roster as the user "
        "who owns it",
    ),
    errno.EISDIR: (
        "is a folder where roster needs a file",
        "rename or remove that folder, then run it again",
    ),
    errno.ENOTDIR: (
        "is a file where roster needs a folder",
        "rename or remove that file, then run it again",
    ),
    errno.ENAMETOOLONG: (
        "has a name that is too long for this disk",
        "move the office folder to a shorter path",
    ),
}


def disk_problem(exc: OSError) -> RosterError:
    """The plain message for ``exc``: the path, what went wrong and what to do."""
    path = exc.filename if exc.filename is not None else None
    where = f"{Path(str(path))}" if path is not None else "A file of the office folder"
    what, todo = _WHAT_TO_DO.get(
        exc.errno or 0,
        (
            f"could not be read or written ({exc.strerror or 'operating-system error'})",
            "check that the disk is connected and working, then run it again",
        ),
    )
    return RosterError(f"{where} {what}. What to do: {todo}.")
