"""Undo of the adjust page's last change of a month: ``web/undo/YYYY-MM.json`` (0600).

Each change of a session (put in, take out, swap) keeps what it replaced: the month's
overrides file (its text, or that there was none) and plan file, and a fingerprint
(SHA-256) of both as the change left them. :func:`undo_last` puts both back as a set,
under the folder lock; when either file changed since (a re-plan, an edit by hand), it
refuses in plain words, so an undo never throws away later work. Only the last change
of a month can be undone, once; the record then keeps what the undo changed back, for
the page to show.

The record holds volunteer ids, dates and the plan file (which never holds client
data); it lives in ``web/``, readable by the office's user only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from roster.app.adjust_models import ChangeResult, LastChange
from roster.app.adjust_words import Words
from roster.app.changelog import record_change
from roster.app.edits import COMMAND, check_as_saved
from roster.app.guard import reading, writing
from roster.app.override_file import overrides_name
from roster.app.plan_diff import SessionDiff, StaffLine, plan_diff
from roster.app.web_files import web_folder
from roster.domain.errors import RosterError
from roster.domain.files import keep_secret, remove_path, secret_folder, write_atomic
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.io import plan_path
from roster.planfile.schema import Plan
from roster.wording.catalogue import text

UNDO_FOLDER = "undo"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LineRecord(_Record):
    """A person's function in a session (see :class:`roster.app.plan_diff.StaffLine`)."""

    volunteer: str
    role: str
    language: str | None = None
    lead: bool = False


class DiffRecord(_Record):
    """What changed in one session (see :class:`roster.app.plan_diff.SessionDiff`)."""

    session: str
    date: dt.date
    name: str
    came_in: list[LineRecord] = Field(default_factory=list)
    went_out: list[LineRecord] = Field(default_factory=list)
    gaps_before: int = 0
    gaps_after: int = 0

    @classmethod
    def of(cls, diff: SessionDiff) -> DiffRecord:
        """The record of a session's change."""
        return cls(
            session=diff.session,
            date=diff.date,
            name=diff.name,
            came_in=[LineRecord(**vars(line)) for line in diff.came_in],
            went_out=[LineRecord(**vars(line)) for line in diff.went_out],
            gaps_before=diff.gaps_before,
            gaps_after=diff.gaps_after,
        )

    def diff(self) -> SessionDiff:
        """The session's change."""
        return SessionDiff(
            session=self.session,
            date=self.date,
            name=self.name,
            came_in=tuple(StaffLine(**line.model_dump()) for line in self.came_in),
            went_out=tuple(StaffLine(**line.model_dump()) for line in self.went_out),
            gaps_before=self.gaps_before,
            gaps_after=self.gaps_after,
        )


class UndoRecord(_Record):
    """The last change of a month made on the adjust page."""

    month: str
    date: dt.date = Field(description="the date of the session changed")
    key: str = Field(description="the change log's key of the change")
    params: dict[str, str | int] = Field(default_factory=dict)
    undone: bool = False
    overrides_before: str | None = Field(default=None, description="None: there was no file")
    plan_before: str | None = None
    overrides_after: str | None = Field(
        default=None, description="SHA-256 of the overrides file the change left (None: none)"
    )
    plan_after: str | None = Field(default=None, description="SHA-256 of the plan it left")
    changes: list[DiffRecord] = Field(
        default_factory=list, description="what the change (or its undo) changed"
    )


def undo_path(folder: Path, month: Month) -> Path:
    """``DIR/web/undo/YYYY-MM.json``."""
    return web_folder(folder) / UNDO_FOLDER / f"{month}.json"


def fingerprint(content: bytes | None) -> str | None:
    """SHA-256 of a file's bytes; None for no file."""
    return None if content is None else hashlib.sha256(content).hexdigest()


def file_bytes(path: Path) -> bytes | None:
    """A file's bytes, or None when it is not there."""
    return path.read_bytes() if path.is_file() else None


def read_record(folder: Path, month: Month) -> UndoRecord | None:
    """The month's undo record; None without one (or when it is damaged)."""
    path = undo_path(folder, month)
    if not path.is_file():
        return None
    keep_secret(path)
    try:
        return UndoRecord.model_validate_json(path.read_bytes())
    except ValidationError:
        return None


def write_record(folder: Path, month: Month, record: UndoRecord | None) -> None:
    """Store the month's undo record (0600; None removes it). Under the folder lock."""
    path = undo_path(folder, month)
    if record is None:
        remove_path(path)
        return
    secret_folder(web_folder(folder))
    secret_folder(path.parent)
    write_atomic(path, record.model_dump_json(indent=1) + "\n", secret=True)


def restore(path: Path, content: bytes | None) -> None:
    """Put a file back as it was: its bytes, or no file."""
    if content is None:
        remove_path(path)
    else:
        write_atomic(path, content)


def still_as_left(folder: Path, month: Month, record: UndoRecord) -> bool:
    """Whether the change can be undone: not undone yet, and the month's overrides and
    plan files are exactly as the change left them."""
    if record.undone or record.plan_after is None:
        return False
    overrides = file_bytes(folder / overrides_name(month))
    plan = file_bytes(plan_path(folder, month))
    return fingerprint(overrides) == record.overrides_after and fingerprint(plan) == (
        record.plan_after
    )


def last_change(folder: Path, month: Month, words: Words) -> LastChange | None:
    """The month's last change in words, and whether it can be undone."""
    record = read_record(folder, month)
    if record is None:
        return None
    return LastChange(
        what=change_text(words, record),
        date=record.date,
        undone=record.undone,
        can_undo=still_as_left(folder, month, record),
        changes=[words.session_change(item.diff()) for item in record.changes],
    )


def change_text(words: Words, record: UndoRecord) -> str:
    """The recorded change in words."""
    try:
        return text(words.locale, record.key, **record.params)
    except (KeyError, IndexError, ValueError):
        return words.t("change_unknown")


def _plan(content: bytes | str | None) -> Plan | None:
    if content is None:
        return None
    try:
        return Plan.model_validate_json(content)
    except ValidationError:
        return None


def undo_last(
    folder: Path,
    month: Month | str,
    *,
    who: str,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> ChangeResult:
    """Undo the month's last change: the overrides and plan files as they were before
    it, both under one lock, with a line in the change log. :class:`RosterError` when
    there is nothing to undo or the files changed since."""
    folder = Path(folder)
    chosen = Month.parse(str(month))
    with writing(folder, COMMAND, wait=lock_wait), reading():
        words = Words(load_office(folder))
        record = read_record(folder, chosen)
        if record is None or record.undone:
            raise RosterError(words.t("adjust_nothing_to_undo"))
        if not still_as_left(folder, chosen, record):
            raise RosterError(words.t("adjust_undo_changed"))
        name = overrides_name(chosen)
        overrides_path, plan_file = folder / name, plan_path(folder, chosen)
        before = record.overrides_before
        check_as_saved(
            folder,
            {name: None if before is None else before.encode("utf-8")},
            locale=words.locale,
        )
        now_overrides, now_plan = file_bytes(overrides_path), file_bytes(plan_file)
        old_plan = None if record.plan_before is None else record.plan_before.encode("utf-8")
        old_overrides = None if before is None else before.encode("utf-8")
        try:
            restore(plan_file, old_plan)
            restore(overrides_path, old_overrides)
            diff = plan_diff(_plan(now_plan), _plan(old_plan))
            write_record(
                folder,
                chosen,
                UndoRecord(
                    month=record.month,
                    date=record.date,
                    key=record.key,
                    params=record.params,
                    undone=True,
                    changes=[DiffRecord.of(item) for item in diff],
                ),
            )
            record_change(
                folder,
                who,
                "web.adjust_change_undone",
                month=chosen,
                now=now,
                lock_wait=lock_wait,
                day=words.day(record.date),
            )
        except BaseException:
            restore(plan_file, now_plan)
            restore(overrides_path, now_overrides)
            write_record(folder, chosen, record)
            raise
    return ChangeResult(
        month=str(chosen),
        date=record.date,
        what=words.t("adjust_undone", what=change_text(words, record)),
        changes=[words.session_change(item) for item in diff],
        can_undo=False,
    )
