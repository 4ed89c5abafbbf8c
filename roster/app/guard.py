"""What every job does around its work: writers take the office folder's lock, and an
operating-system error (read-only folder, full disk, missing permission) becomes one plain
message instead of a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from roster.domain.disk_errors import disk_problem
from roster.domain.lock import folder_lock


@contextmanager
def writing(folder: Path, command: str, *, wait: float | None = None) -> Iterator[None]:
    """Run a job that changes ``folder``: under its lock, with plain disk errors."""
    try:
        with folder_lock(Path(folder), command, wait=wait):
            yield
    except OSError as exc:
        raise disk_problem(exc) from None


@contextmanager
def reading() -> Iterator[None]:
    """Run a job that only reads: plain disk errors."""
    try:
        yield
    except OSError as exc:
        raise disk_problem(exc) from None
