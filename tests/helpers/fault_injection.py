"""Fault injection for the tests of whole-set writes (feeds and printouts): count the file
operations of a run, kill it at the n-th, or make the n-th that needs space fail with a
full disk. Shared by tests/calendars and tests/printouts (``pythonpath`` in pyproject.toml
puts tests/helpers on the import path)."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class Killed(BaseException):
    """The process dies at this file operation: no handler of the code under test catches
    it, and every later operation (of a cleanup handler) dies too."""


OPERATIONS = ("mkdir", "chmod", "fsync", "link", "symlink", "replace", "rename", "unlink", "rmdir")
WRITES = ("mkdir", "fsync", "link", "symlink")


@contextmanager
def file_operations(
    *, kill_at: int | None = None, full_at: int | None = None
) -> Iterator[list[str]]:
    """Count the file operations (the names in :data:`OPERATIONS`) into the list yielded.

    ``kill_at``: the n-th operation and every later one raise :class:`Killed`. ``full_at``:
    the n-th of the operations that need disk space (:data:`WRITES`) fails with ENOSPC.
    ``fsync`` does nothing here: a killed process loses nothing the disk had been given.
    """
    done: list[str] = []
    writes: list[str] = []
    originals: dict[str, Callable[..., Any]] = {name: getattr(os, name) for name in OPERATIONS}

    def wrapped(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def operation(*args: Any, **kwargs: Any) -> Any:
            done.append(name)
            if kill_at is not None and len(done) >= kill_at:
                raise Killed(f"killed at {name}, operation {len(done)}")
            if name in WRITES:
                writes.append(name)
                if len(writes) == full_at:
                    paths = [arg for arg in args if isinstance(arg, str | os.PathLike)]
                    where = os.fspath(paths[-1]) if paths else None
                    raise OSError(errno.ENOSPC, "No space left on device", where)
            return None if name == "fsync" else original(*args, **kwargs)

        return operation

    for name, original in originals.items():
        setattr(os, name, wrapped(name, original))
    try:
        yield done
    finally:
        for name, original in originals.items():
            setattr(os, name, original)
