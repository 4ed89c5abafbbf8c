"""Each volunteer's own switches: which kinds of messages they do not want
(``notices/preferences.json``), set on their page (``/p/<token>/messages``).

The file holds ids and kinds only (never a name, an address or a token)::

    {
      "schema": 1,
      "off": {
        "v05": ["reminder", "poll_invitation", "poll_reminder"]
      }
    }

Volunteers in id order, kinds in the order of :data:`roster.app.notify.model.KINDS`, a
volunteer with nothing switched off left out: the same switches always give the same bytes.

A volunteer switches :data:`SWITCHES`: the duty reminder, the change notice, the poll
(invitation and reminder together: one switch), the gap alert; the digest only a lead.
The office's own switches (``notices:`` in office.yaml) come first: what the office does
not send, nobody gets.

The API (stable): :func:`read_preferences` and :meth:`Preferences.off`,
:func:`set_preferences`, :func:`volunteer_switches` (what the volunteer's page shows).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from roster.app.clock import office_today
from roster.app.guard import reading, writing
from roster.app.notify.kinds import switched_on
from roster.app.notify.model import KINDS, Kind
from roster.domain.errors import RosterError
from roster.domain.files import write_atomic
from roster.domain.lock import FolderBusyError
from roster.domain.office_data import OfficeData
from roster.domain.team import Volunteer
from roster.folder.load import load_office
from roster.wording.catalogue import locale_of, text

SCHEMA = 1
"""The version of ``notices/preferences.json``."""
COMMAND = "roster web"
"""Who holds the folder's lock while the switches are saved."""

Switch = Literal["reminder", "change", "poll", "gap_alert", "digest"]
SWITCHES: dict[Switch, tuple[Kind, ...]] = {
    "reminder": ("reminder",),
    "change": ("change",),
    "poll": ("poll_invitation", "poll_reminder"),
    "gap_alert": ("gap_alert",),
    "digest": ("digest",),
}
"""Each switch a person sees, and the kinds of messages it stands for."""
LEAD_ONLY: frozenset[Switch] = frozenset({"digest"})
"""Switches only a lead has (only leads get the digest)."""


class Preferences(BaseModel):
    """``notices/preferences.json``: per volunteer id, the kinds switched off."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_version: Literal[1] = Field(default=1, alias="schema", description="the file's version")
    off_by_volunteer: dict[str, list[Kind]] = Field(
        default_factory=dict,
        alias="off",
        description="volunteer id -> the kinds of messages they switched off",
    )

    def off(self, volunteer: str) -> frozenset[Kind]:
        """The kinds this volunteer switched off."""
        return frozenset(self.off_by_volunteer.get(volunteer, []))


def preferences_path(folder: Path) -> Path:
    """``DIR/notices/preferences.json``."""
    return Path(folder) / "notices" / "preferences.json"


def read_preferences(folder: Path, *, locale: str = "de") -> Preferences:
    """The volunteers' switches (none switched off before the first). A damaged file is
    a plain :class:`RosterError` (in ``locale``); nothing is guessed."""
    path = preferences_path(folder)
    if not path.is_file():
        return Preferences()
    try:
        return Preferences.model_validate(json.loads(path.read_bytes()))
    except (ValueError, ValidationError):
        raise RosterError(text(locale, "web.notices_preferences_damaged")) from None


def preferences_bytes(preferences: Preferences) -> bytes:
    """The file's stable bytes: ids sorted, kinds in their order, empty entries left out."""
    off = {
        volunteer: [kind for kind in KINDS if kind in kinds]
        for volunteer, kinds in sorted(preferences.off_by_volunteer.items())
        if kinds
    }
    stored = {"schema": SCHEMA, "off": off}
    return (json.dumps(stored, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def switches_of(person: Volunteer) -> tuple[Switch, ...]:
    """The switches this person has, in their order (the digest for a lead only)."""
    return tuple(key for key in SWITCHES if key not in LEAD_ONLY or person.leads())


def kinds_of(switches: Iterable[str]) -> frozenset[Kind]:
    """The kinds of messages the switches ``switches`` stand for (unknown ones ignored)."""
    chosen = set(switches)
    return frozenset(kind for key, kinds in SWITCHES.items() if key in chosen for kind in kinds)


def _person(data: OfficeData, volunteer: str, locale: str, now: datetime | None) -> Volunteer:
    person = data.by_id().get(volunteer)
    if person is None or not person.with_office_on(office_today(data.office, now)):
        raise RosterError(text(locale, "volunteer.notices_not_in_team"))
    return person


def _checked(person: Volunteer, off: Iterable[Kind], locale: str) -> frozenset[Kind]:
    """The kinds asked for, checked: known kinds, only the person's own switches, the
    poll's two kinds together."""
    asked = set(off)
    allowed = kinds_of(switches_of(person))
    if not asked <= allowed:
        raise RosterError(text(locale, "volunteer.notices_not_yours"))
    if asked & set(SWITCHES["poll"]):
        asked |= set(SWITCHES["poll"])
    return frozenset(asked)


def _load(folder: Path, locale: str) -> OfficeData:
    try:
        with reading():
            return load_office(folder)
    except RosterError as exc:
        if isinstance(exc, FolderBusyError):
            raise
        raise RosterError(text(locale, "volunteer.notices_folder_problem")) from None


def set_preferences(
    folder: Path,
    volunteer: str,
    off: Iterable[Kind],
    *,
    now: datetime | None = None,
    lock_wait: float | None = None,
    locale: str = "de",
) -> frozenset[Kind]:
    """Switch off exactly the kinds ``off`` for ``volunteer`` (all others on again);
    the kinds now off. Under the folder's lock, written atomically; the other
    volunteers' switches stay as they were.

    :class:`RosterError` in ``locale`` (nothing written) for a person not in the team,
    a kind that is not theirs to switch (the digest of a non-lead), or a damaged file;
    :class:`FolderBusyError` when another run holds the lock longer than ``lock_wait``.
    """
    folder = Path(folder)
    locale = locale_of(locale)
    with writing(folder, COMMAND, wait=lock_wait):
        data = _load(folder, locale)
        person = _person(data, volunteer, locale, now)
        wanted = _checked(person, off, locale)
        current = read_preferences(folder, locale=locale)
        table = {key: list(kinds) for key, kinds in current.off_by_volunteer.items()}
        table[volunteer] = [kind for kind in KINDS if kind in wanted]
        updated = Preferences(off_by_volunteer=table)
        payload = preferences_bytes(updated)
        path = preferences_path(folder)
        if not path.is_file() or path.read_bytes() != payload:
            write_atomic(path, payload, secret=True)
        return updated.off(volunteer)


class SwitchView(BaseModel):
    """One switch on the volunteer's page."""

    model_config = ConfigDict(frozen=True)

    key: Switch = Field(description="reminder, change, poll, gap_alert or digest")
    on: bool = Field(description="whether the volunteer takes these messages")
    office_sends: bool = Field(description="whether the office sends this kind at all")


class VolunteerSwitches(BaseModel):
    """What a volunteer's messages page shows: their own data only."""

    model_config = ConfigDict(frozen=True)

    office: str = Field(description="the office's name")
    locale: str = Field(description="the page's language, de or en")
    mail_on: bool = Field(description="whether the office sends e-mails at all")
    email: str | None = Field(description="the volunteer's own address, or none")
    switches: list[SwitchView] = Field(description="their switches, in order")


def volunteer_switches(
    folder: Path,
    volunteer: str,
    *,
    lang: str | None = None,
    now: datetime | None = None,
) -> VolunteerSwitches:
    """The volunteer's switches and what the office sends, for their own page (in
    ``lang``, default the office's language)."""
    folder = Path(folder)
    first = locale_of(lang) if lang in ("de", "en") else "de"
    data = _load(folder, first)
    locale = locale_of(lang) if lang in ("de", "en") else data.office.locale
    person = _person(data, volunteer, locale, now)
    with reading():
        off = read_preferences(folder, locale=locale).off(volunteer)
    settings = data.office.notices
    switches = [
        SwitchView(
            key=key,
            on=not (set(SWITCHES[key]) & off),
            office_sends=any(switched_on(settings, kind) for kind in SWITCHES[key]),
        )
        for key in switches_of(person)
    ]
    return VolunteerSwitches(
        office=data.office.name,
        locale=locale,
        mail_on=data.office.mail is not None,
        email=person.email,
        switches=switches,
    )
