"""The office leads' accounts for the web app: ``web/accounts.json`` (0600).

Each volunteer with the role ``lead`` may have one account; its user name is the
volunteer's id. The file holds an argon2id hash of each password (argon2-cffi's
defaults, RFC 9106's second recommended profile), never the password itself. Checking a
login costs the same for an unknown user name as for a known one: a dummy hash is
checked instead, so the time taken does not tell which user names exist.

Each account has an *epoch*: a short fingerprint of its hash that a session carries.
Changing the password changes the epoch, which ends every other session of the account.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from roster.app.changelog import record_change
from roster.app.clock import office_now
from roster.app.guard import reading, writing
from roster.app.web_files import accounts_path, web_folder
from roster.domain.errors import Problem, RosterError, first_validation_problem
from roster.domain.files import keep_secret, secret_folder, write_atomic
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office
from roster.wording.catalogue import text

ACCOUNTS_SCHEMA = 1
MIN_PASSWORD = 10
"""A password has at least this many characters."""
MAX_PASSWORD = 1024
"""... and at most this many (a longer one is refused before it is hashed)."""
DEFAULT_LOCK_WAIT = 3.0
"""Seconds a web request waits for the folder lock before it answers "try again"."""

AskPassword = Callable[[str], str]
"""Asks the person for a password, hidden, with the given prompt; returns what was typed."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Account(_Model):
    """One office lead's account."""

    id: str = Field(description="the volunteer's id, which is the user name")
    hash: str = Field(description="argon2id hash of the password (PHC string)")
    created: str = Field(description="when the password was set, ISO 8601 in the office's zone")


class AccountFile(_Model):
    """``web/accounts.json``."""

    schema_: int = Field(default=ACCOUNTS_SCHEMA, alias="schema")
    accounts: list[Account] = Field(default_factory=list)

    def to_json(self) -> str:
        """Stable JSON, sorted by user name."""
        data = self.model_dump(mode="json", by_alias=True)
        return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"

    def of(self, account_id: str) -> Account | None:
        """The account with this user name, if any."""
        for account in self.accounts:
            if account.id == account_id:
                return account
        return None

    def with_account(self, account: Account) -> AccountFile:
        """A copy with ``account`` added or replacing the one of the same id."""
        kept = [item for item in self.accounts if item.id != account.id]
        return AccountFile(accounts=sorted([*kept, account], key=lambda item: item.id))


@dataclass(frozen=True)
class Lead:
    """A logged-in office lead, as the web app knows her."""

    id: str
    """The user name (the volunteer's id)."""
    name: str
    """The volunteer's name, shown instead of the id."""
    epoch: str
    """Fingerprint of the current password hash; a session of an older one is over."""


@dataclass(frozen=True)
class AccountAdded:
    """What `roster web adduser` did."""

    account_id: str
    name: str
    replaced: bool
    locale: str

    def text(self) -> str:
        """The lines to print, in the office's language."""
        key = "web.adduser_replaced" if self.replaced else "web.adduser_done"
        return text(self.locale, key, name=self.name, user=self.account_id) + "\n"


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    """A hash checked for unknown user names, so they cost as much time as known ones."""
    return _hasher().hash("not a password of anyone, only for timing")


def epoch_of(account: Account) -> str:
    """A 16-hex-digit fingerprint of the account's hash."""
    return hashlib.sha256(account.hash.encode("utf-8")).hexdigest()[:16]


def read_accounts(folder: Path) -> AccountFile:
    """The accounts (none before the first `roster web adduser`)."""
    path = accounts_path(folder)
    if not path.is_file():
        return AccountFile()
    keep_secret(path)
    try:
        return AccountFile.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        raise RosterError(
            f"{path.as_posix()} is damaged ({first_validation_problem(exc)}). Restore it from "
            "a backup, or delete it and make the accounts again with `roster web adduser`."
        ) from None


def _write_accounts(folder: Path, accounts: AccountFile) -> None:
    secret_folder(web_folder(folder))
    write_atomic(accounts_path(folder), accounts.to_json(), secret=True)


def _lead(data: OfficeData, volunteer_id: str, locale: str) -> str:
    """The name of the lead with this id; a plain error for anybody else."""
    people = data.by_id()
    person = people.get(volunteer_id)
    if person is None:
        raise RosterError(text(locale, "web.adduser_unknown", user=volunteer_id))
    if not person.leads():
        raise RosterError(text(locale, "web.adduser_not_lead", name=person.name))
    return person.name


def password_problem(password: str, locale: str, field: str) -> Problem | None:
    """Why ``password`` cannot be a password (too short, too long), or None."""
    if len(password) < MIN_PASSWORD:
        message = text(locale, "web.password_short", count=MIN_PASSWORD)
    elif len(password) > MAX_PASSWORD:
        message = text(locale, "web.password_long", count=MAX_PASSWORD)
    else:
        return None
    return Problem(file="", line=None, field=field, message=message)


def _password_from(
    name: str, locale: str, password_file: Path | None, ask_password: AskPassword | None
) -> str:
    if password_file is not None:
        try:
            lines = Path(password_file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            raise RosterError(text(locale, "web.password_file_unreadable")) from None
        return lines[0] if lines else ""
    if ask_password is None:
        raise RosterError(text(locale, "web.password_missing"))
    first = ask_password(text(locale, "web.password_prompt", name=name))
    again = ask_password(text(locale, "web.password_again"))
    if first != again:
        raise RosterError(text(locale, "web.password_differs"))
    return first


def add_account(
    folder: Path,
    volunteer_id: str,
    *,
    password_file: Path | None = None,
    ask_password: AskPassword | None = None,
    now: datetime | None = None,
) -> AccountAdded:
    """Give the office lead ``volunteer_id`` an account (or a new password): the password
    comes from the first line of ``password_file`` or is asked twice; at least
    :data:`MIN_PASSWORD` characters. Refuses anybody who is not a lead, in plain words."""
    folder = Path(folder)
    with reading():
        data = load_office(folder)
    locale = data.office.locale
    name = _lead(data, volunteer_id, locale)
    password = _password_from(name, locale, password_file, ask_password)
    problem = password_problem(password, locale, "password")
    if problem is not None:
        raise RosterError(problem.message)
    hashed = _hasher().hash(password)
    with writing(folder, "roster web adduser"):
        accounts = read_accounts(folder)
        replaced = accounts.of(volunteer_id) is not None
        created = office_now(data.office, now).isoformat(timespec="seconds")
        account = Account(id=volunteer_id, hash=hashed, created=created)
        _write_accounts(folder, accounts.with_account(account))
    return AccountAdded(account_id=volunteer_id, name=name, replaced=replaced, locale=locale)


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher().verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _name_of(folder: Path, account_id: str) -> str:
    """The lead's name from volunteers.yaml; the user name while the folder has errors
    (so that the lead can still log in and put them right)."""
    try:
        with reading():
            people = load_office(folder).by_id()
    except RosterError:
        return account_id
    person = people.get(account_id)
    return person.name if person is not None else account_id


def check_login(folder: Path, account_id: str, password: str) -> Lead | None:
    """The lead whose user name and password these are, or None (the same work, and the
    same answer, for an unknown user name as for a wrong password)."""
    folder = Path(folder)
    with reading():
        account = read_accounts(folder).of(account_id.strip())
    if len(password) > MAX_PASSWORD:
        password = password[:MAX_PASSWORD]
    if account is None:
        _verify(_dummy_hash(), password)
        return None
    if not _verify(account.hash, password):
        return None
    return Lead(id=account.id, name=_name_of(folder, account.id), epoch=epoch_of(account))


def lead_of(folder: Path, account_id: str, epoch: str) -> Lead | None:
    """The lead of a session: her account must still exist with the same password."""
    folder = Path(folder)
    with reading():
        account = read_accounts(folder).of(account_id)
    if account is None or epoch_of(account) != epoch:
        return None
    return Lead(id=account.id, name=_name_of(folder, account.id), epoch=epoch)


def change_password(
    folder: Path,
    account_id: str,
    current: str,
    new: str,
    *,
    now: datetime | None = None,
    lock_wait: float = DEFAULT_LOCK_WAIT,
) -> Lead:
    """Set a new password for the logged-in lead after checking the current one; writes
    ``web/accounts.json`` and the change log under the folder lock. Every other session of
    the account ends. Problems name the form field they belong to."""
    folder = Path(folder)
    with reading():
        data = load_office(folder)
    locale = data.office.locale
    with writing(folder, "roster web", wait=lock_wait):
        accounts = read_accounts(folder)
        account = accounts.of(account_id)
        problems: list[Problem] = []
        if account is None or not _verify(account.hash, current[:MAX_PASSWORD]):
            problems.append(
                Problem("", None, "current_password", text(locale, "web.password_wrong"))
            )
        problem = password_problem(new, locale, "new_password")
        if problem is not None:
            problems.append(problem)
        if problems:
            raise RosterError(text(locale, "web.not_saved"), problems)
        created = office_now(data.office, now).isoformat(timespec="seconds")
        changed = Account(id=account_id, hash=_hasher().hash(new), created=created)
        _write_accounts(folder, accounts.with_account(changed))
        record_change(folder, account_id, "web.change_password", now=now)
    return Lead(id=account_id, name=_name_of(folder, account_id), epoch=epoch_of(changed))
