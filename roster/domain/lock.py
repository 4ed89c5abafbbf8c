"""One writer at a time: a lock per office folder, shared by every command that writes.

Every writer (the command line, and the web app of the office) takes
:func:`folder_lock` before it changes anything in an office folder. A second writer
waits up to :data:`LOCK_WAIT_SECONDS` and then stops with a message naming the run that
holds the lock (what it does, since when, its process id). The lock is an operating-system
file lock (the ``filelock`` package) on ``.roster.lock`` in the folder: it is released
when the run ends, however it ends, even when it is killed. Who holds it is written next
to it, in ``.roster.lock.json``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from roster.domain.errors import RosterError
from roster.domain.files import write_atomic

LOCK_WAIT_SECONDS = 10.0
"""How long a second writer waits for the first one before it gives up (documented)."""
LOCK_FILE = ".roster.lock"
HOLDER_FILE = ".roster.lock.json"


class FolderBusyError(RosterError):
    """Another run holds the office folder's lock: nothing was changed; try again later.

    A :class:`RosterError` like any other (the CLI says it and exits with 2); the web app
    answers it with ``409 Conflict`` instead of ``422``."""


def _holder(folder: Path) -> str:
    """Who holds the lock, in plain words, from the holder file (best effort)."""
    try:
        data = json.loads((folder / HOLDER_FILE).read_text(encoding="utf-8"))
        started = datetime.fromisoformat(str(data["started"]))
        return (
            f"'{data['command']}' (started {started:%Y-%m-%d %H:%M:%S}, process {int(data['pid'])})"
        )
    except (OSError, ValueError, KeyError, TypeError):
        return "another run of roster"


@contextmanager
def folder_lock(
    folder: Path,
    command: str,
    *,
    wait: float | None = None,
    now: datetime | None = None,
) -> Iterator[None]:
    """Hold the office folder's writer lock for ``command`` (e.g. ``roster plan``).

    Raises :class:`RosterError` naming the other run when the lock is still taken after
    ``wait`` seconds (default :data:`LOCK_WAIT_SECONDS`). The lock can be taken again by the same process (nested writers).
    """
    wait = LOCK_WAIT_SECONDS if wait is None else wait
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(folder / LOCK_FILE, is_singleton=True)
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise FolderBusyError(
            f"Another run is changing the office folder {folder}: {_holder(folder)}. "
            f"roster waited {wait:g} seconds for it. Wait until it has finished, then run "
            "this again."
        ) from None
    try:
        if lock.lock_counter == 1:
            moment = now or datetime.now().astimezone()
            holder = {"command": command, "started": moment.isoformat(), "pid": os.getpid()}
            with suppress(OSError):  # who holds it is a courtesy; the lock is what counts
                write_atomic(folder / HOLDER_FILE, json.dumps(holder) + "\n")
        yield
    finally:
        lock.release()
