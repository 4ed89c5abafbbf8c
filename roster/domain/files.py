"""Writing files so that nothing is lost, and fingerprinting the files read."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
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
    """Remove the temporary files (and temporary links of :func:`symlink_atomic`) that
    killed runs left in ``folder`` (not below it); return them. Call it only under the
    folder lock."""
    if not folder.is_dir() or folder.is_symlink():
        return []
    found = sorted(path for path in folder.glob(".*.tmp") if path.is_symlink() or path.is_file())
    for path in found:
        path.unlink(missing_ok=True)
    return found


def remove_path(path: Path) -> None:
    """Remove a file, a link or a whole folder (without following links), if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def symlink_atomic(link: Path, target: str) -> None:
    """Make ``link`` a symbolic link to ``target`` (a relative path) in one step.

    The new link is made under a temporary name and renamed over ``link``: whoever opens
    ``link`` meanwhile follows the old link or the new one, never none. ``link`` may be a
    link or a file, not a folder (the rename fails with ``EISDIR``).
    """
    tmp = link.parent / f".{link.name}.{os.getpid()}.tmp"
    tmp.unlink(missing_ok=True)
    try:
        tmp.symlink_to(target)
        tmp.replace(link)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(link)) from exc


def carry_over(source: Path, target: Path) -> None:
    """Put the unchanged file ``source`` at ``target`` too, keeping its bytes, mode and
    modification time: a hard link where the disk allows one, else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):
            raise OSError(exc.errno, exc.strerror, str(target)) from exc
        info = source.stat()
        write_atomic(target, source.read_bytes(), secret=info.st_mode & 0o777 == SECRET_MODE)
        os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))


def fsync_folder(folder: Path) -> None:
    """Make the names in ``folder`` durable (best effort where a disk cannot sync folders)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF, errno.ENOTSUP):
            raise OSError(exc.errno, exc.strerror, str(folder)) from exc
    finally:
        os.close(handle)


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
