"""The web app's own files in the office folder, all in ``web/`` (a folder only the
office's user can open, 0700, beside ``feeds/``):

- ``web/accounts.json`` (0600): the office leads' accounts, each with an argon2 hash of
  its password, never the password (:mod:`roster.app.accounts`);
- ``web/session.key`` (0600): the secret that signs the session cookies, made on the
  first start of the web app; deleting it logs everyone out;
- ``web/changes.jsonl`` (0600): the change log, one JSON line per change made in the web
  app (:mod:`roster.app.changelog`).
"""

from __future__ import annotations

import secrets
from pathlib import Path

from roster.app.guard import reading, writing
from roster.domain.errors import RosterError
from roster.domain.files import keep_secret, secret_folder, write_atomic

WEB_FOLDER = "web"
SESSION_KEY_BYTES = 32
"""256 random bits sign the session cookies."""


def web_folder(folder: Path) -> Path:
    """``DIR/web``: where the web app keeps its files."""
    return Path(folder) / WEB_FOLDER


def accounts_path(folder: Path) -> Path:
    """``DIR/web/accounts.json``."""
    return web_folder(folder) / "accounts.json"


def session_key_path(folder: Path) -> Path:
    """``DIR/web/session.key``."""
    return web_folder(folder) / "session.key"


def changes_path(folder: Path) -> Path:
    """``DIR/web/changes.jsonl``."""
    return web_folder(folder) / "changes.jsonl"


def _read_key(path: Path) -> str | None:
    if not path.is_file():
        return None
    keep_secret(path)
    value = path.read_text(encoding="ascii", errors="replace").strip()
    if len(value) != 2 * SESSION_KEY_BYTES or any(c not in "0123456789abcdef" for c in value):
        raise RosterError(
            f"{path.as_posix()} is damaged. Delete it and start the web app again "
            "(everyone then logs in again)."
        )
    return value


def session_key(folder: Path) -> str:
    """The secret that signs the session cookies (64 hex digits): read from
    ``web/session.key``, or made and stored there (0600, under the folder lock) on the
    first start."""
    path = session_key_path(folder)
    with reading():
        found = _read_key(path)
    if found is not None:
        return found
    with writing(Path(folder), "roster web"):
        found = _read_key(path)  # another start may have made it meanwhile
        if found is not None:
            return found
        secret_folder(web_folder(folder))
        key = secrets.token_hex(SESSION_KEY_BYTES)
        write_atomic(path, key + "\n", secret=True)
        return key
