"""The sent-log ``notices/sent.json``: every message the office sent, or tried to send,
by its stable key (:attr:`roster.app.notify.model.Notice.key`).

It holds keys, kinds, volunteer ids, counts, times (UTC) and a reason code: never an
address, a name, a token or a body::

    {
      "schema": 1,
      "entries": {
        "reminder/v05/2026-12-10/open_hours-1400-interpreter-ar": {
          "kind": "reminder",
          "volunteer": "v05",
          "status": "sent",
          "attempts": 1,
          "first_attempt": "2026-12-08T06:00:00+00:00",
          "last_attempt": "2026-12-08T06:00:00+00:00",
          "error": null,
          "permanent": false
        }
      }
    }

``status`` is ``sent``, ``failed`` (tried ``attempts`` times; tried again on the next run
until :data:`MAX_ATTEMPTS`) or ``no_address`` (the volunteer had no e-mail address: the
lead was told once; sent as soon as the person has one). ``error`` is one of the reason
codes of :mod:`roster.app.notify.smtp` (``recipient``, ``message``, ``connect``,
``timeout``, ``login``, ``tls``, ``other``).

Every change is written atomically (a temporary file renamed over the old one), under the
office folder's lock, after each message: a run killed while sending loses at most the
record of the one message in flight (which may then be sent once more), never more.
Entries whose last attempt is older than :data:`KEEP_DAYS` are pruned.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from roster.app.guard import writing
from roster.app.notify.model import Kind
from roster.domain.errors import RosterError
from roster.domain.files import write_atomic
from roster.wording.catalogue import text

SCHEMA = 1
"""The version of ``notices/sent.json``."""
MAX_ATTEMPTS = 5
"""A message that failed this many times is given up (and reported so)."""
KEEP_DAYS = 400
"""Entries whose last attempt is older than this are pruned."""
COMMAND = "roster notify"
"""Who holds the folder's lock while the sent-log is written."""

Status = Literal["sent", "failed", "no_address"]


class Entry(BaseModel):
    """What happened to one message."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Kind = Field(description="the kind of message")
    volunteer: str = Field(description="the recipient's id")
    status: Status = Field(description="sent, failed or no_address")
    attempts: int = Field(ge=0, description="how often sending was tried")
    first_attempt: datetime = Field(description="the first attempt, UTC")
    last_attempt: datetime = Field(description="the last attempt, UTC")
    error: str | None = Field(default=None, description="the last failure's reason code")
    permanent: bool = Field(default=False, description="the server refused for good (a 5xx answer)")


class SentLog(BaseModel):
    """``notices/sent.json``: per notice key, what happened."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_version: Literal[1] = Field(default=1, alias="schema", description="the version")
    entries: dict[str, Entry] = Field(default_factory=dict, description="notice key -> entry")

    def done(self, key: str) -> bool:
        """Whether the message needs nothing more: sent, or given up."""
        entry = self.entries.get(key)
        if entry is None:
            return False
        return entry.status == "sent" or (
            entry.status == "failed" and entry.attempts >= MAX_ATTEMPTS
        )


def log_path(folder: Path) -> Path:
    """``DIR/notices/sent.json``."""
    return Path(folder) / "notices" / "sent.json"


def read_log(folder: Path, *, locale: str = "de") -> SentLog:
    """The sent-log (empty before the first run). A damaged file is a plain
    :class:`RosterError` in ``locale`` saying what to do; nothing is guessed."""
    path = log_path(folder)
    if not path.is_file():
        return SentLog()
    try:
        return SentLog.model_validate(json.loads(path.read_bytes()))
    except (ValueError, ValidationError):
        raise RosterError(text(locale, "notify.log_damaged")) from None


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def log_bytes(log: SentLog) -> bytes:
    """The file's stable bytes: keys sorted, times in UTC to the second."""
    entries = {
        key: {
            "kind": entry.kind,
            "volunteer": entry.volunteer,
            "status": entry.status,
            "attempts": entry.attempts,
            "first_attempt": _utc(entry.first_attempt),
            "last_attempt": _utc(entry.last_attempt),
            "error": entry.error,
            "permanent": entry.permanent,
        }
        for key, entry in sorted(log.entries.items())
    }
    stored = {"schema": SCHEMA, "entries": entries}
    return (json.dumps(stored, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def pruned(log: SentLog, now: datetime) -> SentLog:
    """The log without entries whose last attempt is older than :data:`KEEP_DAYS`."""
    oldest = now - timedelta(days=KEEP_DAYS)
    kept = {key: entry for key, entry in log.entries.items() if entry.last_attempt >= oldest}
    return SentLog(entries=kept)


def updated(
    log: SentLog,
    key: str,
    *,
    kind: Kind,
    volunteer: str,
    status: Status,
    now: datetime,
    error: str | None = None,
    permanent: bool = False,
) -> SentLog:
    """The log with the outcome of one attempt at ``key`` (``no_address`` is no attempt)."""
    before = log.entries.get(key)
    tried = 0 if status == "no_address" else 1
    attempts = (before.attempts if before else 0) + tried
    entry = Entry(
        kind=kind,
        volunteer=volunteer,
        status=status,
        attempts=attempts,
        first_attempt=before.first_attempt if before else now,
        last_attempt=now,
        error=error,
        permanent=permanent,
    )
    return SentLog(entries={**log.entries, key: entry})


def record(
    folder: Path,
    key: str,
    *,
    kind: Kind,
    volunteer: str,
    status: Status,
    now: datetime,
    error: str | None = None,
    permanent: bool = False,
    locale: str = "de",
) -> SentLog:
    """Record one outcome: under the folder's lock, the log read again, updated, pruned
    and written atomically (0600). The log as written."""
    folder = Path(folder)
    with writing(folder, COMMAND):
        log = read_log(folder, locale=locale)
        log = updated(
            log,
            key,
            kind=kind,
            volunteer=volunteer,
            status=status,
            now=now,
            error=error,
            permanent=permanent,
        )
        log = pruned(log, now)
        write_atomic(log_path(folder), log_bytes(log), secret=True)
        return log
