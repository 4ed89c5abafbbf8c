"""Writing files so that nothing is lost, and fingerprinting the files read."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

PUBLIC_MODE = 0o644
SECRET_MODE = 0o600
SECRET_FOLDER_MODE = 0o700


def secret_folder(path: Path) -> Path:
    """Make ``path`` a folder that only the office's user can open (0700); return it."""
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(SECRET_FOLDER_MODE)
    return path


def write_atomic(path: Path, data: bytes | str, *, secret: bool = False) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    A reader sees either the old file or the new one, never half of either; a crash
    leaves the old file as it was. A ``secret`` file (the feed key, tokens, private feeds,
    QR codes of links) is readable by the office's user only (0600) from the first byte;
    other files are readable by everyone (0644).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(SECRET_MODE if secret else PUBLIC_MODE)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.filename is None:
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def keep_secret(path: Path) -> None:
    """Make an existing secret file readable by the office's user only (0600)."""
    if path.is_file() and path.stat().st_mode & 0o777 != SECRET_MODE:
        path.chmod(SECRET_MODE)


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files that killed runs of :func:`write_atomic` left in
    ``folder`` (not below it); return them. Call it only under the folder lock."""
    if not folder.is_dir():
        return []
    found = sorted(path for path in folder.glob(".*.tmp") if path.is_file())
    for path in found:
        path.unlink(missing_ok=True)
    return found


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
