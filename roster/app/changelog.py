"""The change log: ``web/changes.jsonl`` (0600), one JSON line per change made in the web
app, appended and never rewritten.

Each line holds when (aware, in the office's time zone), who (the account's user name),
what (a catalogue key and the values that fill it) and the month it concerns, if any. The
values are whole numbers or short words such as a date; never client data (a name, an
appointment's note), never a password or a token: whoever records a change passes only
what the sentence needs. Logins are not changes and are not logged.

A line is appended under the folder lock, written in one ``write`` and synced to disk
(``fsync``) before the change counts as recorded. A line left half-written by a crash is
skipped when the log is read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from roster.app.guard import reading, writing
from roster.app.web_files import changes_path, web_folder
from roster.domain.errors import RosterError
from roster.domain.files import SECRET_MODE, fsync_folder, secret_folder
from roster.domain.month import Month
from roster.domain.office import Office
from roster.folder.load import load_office
from roster.wording.catalogue import CATALOGUE, text
from roster.wording.dates import skeleton_text, time_text

MAX_VALUE = 100
"""A value in a change line has at most this many characters."""
DEFAULT_ZONE = "Europe/Berlin"


class Change(BaseModel):
    """One line of the change log."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    time: datetime = Field(description="when, timezone-aware, in the office's zone")
    who: str = Field(description="user name of the account that made the change")
    key: str = Field(description="catalogue key of the sentence that says what changed")
    params: dict[str, str | int] = Field(
        default_factory=dict, description="the values the sentence is filled with"
    )
    month: str | None = Field(default=None, description="the month it concerns, YYYY-MM")


@dataclass(frozen=True)
class ChangeLine:
    """A change in plain words, as the change log page shows it."""

    time: datetime
    when: str
    """The time in the office's words: ``3. Dez. 2026, 14:05``."""
    who: str
    """The name of the person who made it."""
    what: str
    month: str | None


def _zone(folder: Path) -> tuple[ZoneInfo, Office | None]:
    try:
        with reading():
            office = load_office(folder).office
    except RosterError:
        return ZoneInfo(DEFAULT_ZONE), None
    return office.zone, office


def record_change(
    folder: Path,
    who: str,
    key: str,
    /,
    *,
    month: Month | str | None = None,
    now: datetime | None = None,
    lock_wait: float | None = None,
    **params: str | int,
) -> Change:
    """Append one change to the change log, under the folder lock, synced to disk.

    ``key`` is a catalogue key (``web.*``) whose sentence ``params`` fill; a key the
    catalogue lacks or a value that is not a number or a short text is a programming
    error (``ValueError``), caught by the tests. Call it inside the ``writing(...)`` of
    the change itself (the lock is re-entrant), after the change is written.
    """
    folder = Path(folder)
    if key not in CATALOGUE["en"]:
        raise ValueError(f"no catalogue key {key!r}")
    for name, value in params.items():
        if (
            isinstance(value, bool)
            or not isinstance(value, int | str)
            or len(str(value)) > MAX_VALUE
        ):
            raise ValueError(f"change value {name!r} must be a number or a short text")
    zone, _ = _zone(folder)
    moment = (now or datetime.now(zone)).astimezone(zone)
    chosen = str(Month.parse(str(month))) if month is not None else None
    change = Change(time=moment, who=who, key=key, params=dict(params), month=chosen)
    line = (change.model_dump_json() + "\n").encode("utf-8")
    path = changes_path(folder)
    with writing(folder, "roster web", wait=lock_wait):
        secret_folder(web_folder(folder))
        created = not path.exists()
        handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, SECRET_MODE)
        try:
            os.write(handle, line)
            os.fsync(handle)
        finally:
            os.close(handle)
        if created:
            fsync_folder(path.parent)
    return change


def read_changes(folder: Path) -> list[Change]:
    """Every readable change, oldest first (a damaged line is skipped)."""
    path = changes_path(Path(folder))
    with reading():
        if not path.is_file():
            return []
        raw = path.read_bytes()
    changes: list[Change] = []
    for line in raw.splitlines():
        try:
            changes.append(Change.model_validate_json(line))
        except ValidationError:
            continue
    return changes


def _what(change: Change, locale: str) -> str:
    try:
        return text(locale, change.key, **change.params)
    except (KeyError, IndexError, ValueError):
        return text(locale, "web.change_unknown")


def latest_changes(folder: Path, count: int = 50, *, locale: str | None = None) -> list[ChangeLine]:
    """The latest ``count`` changes, newest first, in plain words: when, who (by name),
    what."""
    folder = Path(folder)
    zone, office = _zone(folder)
    words = locale or (office.locale if office is not None else "de")
    names: dict[str, str] = {}
    if office is not None:
        with reading():
            names = {person.id: person.name for person in load_office(folder).volunteers}
    lines: list[ChangeLine] = []
    for change in reversed(read_changes(folder)[-count:] if count > 0 else []):
        moment = change.time.astimezone(zone)
        lines.append(
            ChangeLine(
                time=moment,
                when=when_text(moment, words),
                who=names.get(change.who, change.who),
                what=_what(change, words),
                month=change.month,
            )
        )
    return lines


def when_text(moment: datetime, locale: str) -> str:
    """``Do., 3. Dez. 2026, 14:05``: a moment on its own wall clock, in words."""
    day = skeleton_text(moment.date(), "yMMMEd", locale)
    return f"{day}, {time_text(moment.time(), 'HH:mm', locale)}"
