"""Changing the team from the web app: add a person, change their details, set the last
day of a person who leaves, and take them back. One function per change, behind both
the Team page and its API.

Each loads the office folder under its lock, checks the input in the lead's words
(:mod:`roster.app.team_form`), edits ``volunteers.yaml`` as a person would by hand
(:mod:`roster.app.team_yaml`: comments, order and the look of everything else stay)
and saves it through :func:`roster.app.edits.save_files`, which checks the whole folder
as `roster check` does, writes atomically and records the change (the person's name,
nothing else of them). A problem raises :class:`RosterError` whose problems name the
form's fields; nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from roster.app.clock import office_today
from roster.app.edits import COMMAND, save_files
from roster.app.guard import reading, writing
from roster.app.team import (
    NoSuchVolunteerError,
    TeamMember,
    day_words,
    index_of,
    member_of,
    next_free_id,
)
from roster.app.team_form import (
    TEAM_FIELD,
    LastDay,
    NewVolunteer,
    VolunteerEntry,
    VolunteerForm,
    entry_of,
    entry_problems,
    parse_day,
    problem,
    tidy,
    without_twice,
)
from roster.app.team_yaml import (
    KEY_ORDER,
    absences_list,
    append_item,
    drop_key,
    like,
    new_entry,
    set_key,
    short_list,
    short_map,
)
from roster.domain.errors import Problem, RosterError
from roster.domain.lock import FolderBusyError
from roster.domain.office import WEEKDAYS
from roster.domain.office_data import OfficeData
from roster.domain.team import Volunteer
from roster.folder.load import load_office
from roster.folder.yaml_edit import EditableYaml, dump_edited, load_for_edit
from roster.wording.catalogue import text

TEAM_FILE = "volunteers.yaml"
FORM_FIELDS = frozenset(KEY_ORDER) - {"left"}
"""The fields of the form (and of the API's body) a problem can be shown next to."""
PERSON_FIELD = re.compile(r"^volunteers\[(\d+)\](?:\.(.+))?$")
NAME_LENGTH = 100
"""A name in the change log has at most this many characters."""


def _not_saved(locale: str, problems: list[Problem]) -> RosterError:
    return RosterError(text(locale, "web.not_saved"), without_twice(problems))


def _form_field(field: str) -> str | None:
    """``max_per_month``, ``languages.de``, ``absences[0].to``: a field of the form;
    ``left``: the last day's; None for any other."""
    if field == "left":
        return "last_day"
    head = re.split(r"[.\[]", field, maxsplit=1)[0]
    return field if head in FORM_FIELDS else None


def _check_problems(exc: RosterError, index: int, names: list[str], locale: str) -> list[Problem]:
    """The problems `roster check` found, at the form's fields where they fit (the
    person's own), above the form otherwise (named after the person they concern)."""
    mapped: list[Problem] = []
    for item in exc.problems:
        found = PERSON_FIELD.match(item.field) if item.file == TEAM_FILE else None
        if found is not None and int(found.group(1)) == index:
            field = _form_field(found.group(2) or "")
            mapped.append(problem(field or TEAM_FIELD, item.message))
        elif found is not None and int(found.group(1)) < len(names):
            owner = names[int(found.group(1))]
            message = text(locale, "web.team_error_top", name=owner, message=item.message)
            mapped.append(problem(TEAM_FIELD, message))
        else:
            mapped.append(problem(TEAM_FIELD, item.message))
    return mapped


def _raw_names(document: EditableYaml) -> list[str]:
    people = document.data.get("volunteers") if isinstance(document.data, dict) else None
    if not isinstance(people, list):
        return []
    return [str(person.get("name", "")) if isinstance(person, dict) else "" for person in people]


def _hours(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _ordered(old: list[str], new: list[str]) -> list[str]:
    """``new`` with the entries kept from ``old`` in their old order, the others after."""
    return [item for item in old if item in new] + [item for item in new if item not in old]


def _written(entry: VolunteerEntry) -> dict[str, Any]:
    """A new entry's keys and values, in the file's words (defaults left out but the
    limit of days, which a person reading the file looks for)."""
    values: dict[str, Any] = {"name": entry.name}
    if entry.email:
        values["email"] = entry.email
    values["roles"] = short_list(list(entry.roles))
    values["languages"] = short_map(dict(entry.languages))
    if entry.weekdays:
        values["weekdays"] = short_list(sorted(entry.weekdays, key=WEEKDAYS.index))
    values["max_per_month"] = entry.max_per_month
    if entry.hours_per_month is not None:
        values["hours_per_month"] = _hours(entry.hours_per_month)
    if entry.trainee:
        values["trainee"] = True
    if entry.absences:
        values["absences"] = absences_list([(item.from_, item.to) for item in entry.absences])
    return values


def _update(raw: CommentedMap, person: Volunteer, entry: VolunteerEntry) -> None:
    """Change in ``raw`` what differs between the person as they are and ``entry``;
    what is the same stays as it is written (``Donnerstag`` stays ``Donnerstag``)."""
    if entry.name != person.name:
        set_key(raw, "name", entry.name)
    if entry.email != person.email:
        if entry.email is None:
            drop_key(raw, "email")
        else:
            set_key(raw, "email", entry.email)
    if set(entry.roles) != set(person.roles):
        set_key(raw, "roles", short_list(_ordered(list(person.roles), list(entry.roles))))
    if dict(entry.languages) != dict(person.languages):
        codes = _ordered(list(person.languages), list(entry.languages))
        set_key(raw, "languages", short_map({code: entry.languages[code] for code in codes}))
    if set(entry.weekdays) != set(person.weekdays):
        if entry.weekdays:
            days = sorted(entry.weekdays, key=WEEKDAYS.index)
            set_key(raw, "weekdays", like(raw.get("weekdays"), short_list(days)))
        else:
            drop_key(raw, "weekdays")
    if entry.max_per_month != person.max_per_month:
        set_key(raw, "max_per_month", entry.max_per_month)
    if entry.hours_per_month != person.hours_per_month:
        if entry.hours_per_month is None:
            drop_key(raw, "hours_per_month")
        else:
            set_key(raw, "hours_per_month", _hours(entry.hours_per_month))
    if entry.trainee != person.trainee:
        if entry.trainee:
            set_key(raw, "trainee", entry.trainee)
        else:
            drop_key(raw, "trainee")
    spans = [(item.from_, item.to) for item in entry.absences]
    if spans != [(item.from_, item.to) for item in person.absences]:
        if spans:
            set_key(raw, "absences", absences_list(spans, raw.get("absences")))
        else:
            drop_key(raw, "absences")


def _entry(
    given: VolunteerEntry | VolunteerForm, locale: str
) -> tuple[NewVolunteer, list[Problem]]:
    """The typed entry (a form read first: its problems too)."""
    if isinstance(given, VolunteerForm):
        return entry_of(given, locale)
    if isinstance(given, NewVolunteer):
        return given, []
    return NewVolunteer.model_validate(given.model_dump(by_alias=True)), []


@dataclass(frozen=True)
class Done:
    """What an edit of the loaded file did: the person's place in the list, the change
    log's key (``web.team_change_<key>``), the person's name and the day it names."""

    index: int
    key: str
    name: str
    day: str | None = None


Edit = Callable[[OfficeData, EditableYaml, str], Done]
"""An edit of the loaded file (the office, the file, the office's language)."""


def _change(
    folder: Path,
    edit: Edit,
    *,
    who: str,
    now: datetime | None,
    lock_wait: float | None,
) -> TeamMember:
    """Load the folder under its lock, edit ``volunteers.yaml`` and save it: the person
    as they are afterwards."""
    folder = Path(folder)
    with writing(folder, COMMAND, wait=lock_wait), reading():
        data = load_office(folder)
        locale = data.office.locale
        document = load_for_edit(TEAM_FILE, (folder / TEAM_FILE).read_text(encoding="utf-8"))
        done = edit(data, document, locale)
        changes = {TEAM_FILE: dump_edited(document)}
        key = f"web.team_change_{done.key}"
        name = _logged_name(done.name)
        save = partial(save_files, folder, changes, who=who, key=key, now=now, lock_wait=lock_wait)
        try:
            if done.day is None:
                saved = save(locale=locale, name=name)
            else:
                saved = save(locale=locale, name=name, day=done.day)
        except FolderBusyError:
            raise
        except RosterError as exc:
            found = _check_problems(exc, done.index, _raw_names(document), locale)
            raise _not_saved(locale, found) from None
    person = saved.volunteers[done.index]
    return member_of(person, saved.office, office_today(saved.office, now))


def _logged_name(name: str) -> str:
    """The name as the change log keeps it: one line, at most 100 characters."""
    flat = " ".join(name.split())
    return flat if len(flat) <= NAME_LENGTH else flat[: NAME_LENGTH - 3] + "..."


def add_volunteer(
    folder: Path,
    given: NewVolunteer | VolunteerForm,
    *,
    who: str,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> TeamMember:
    """Add a person to the team (without an id: the next free one) and record "Added
    <name> to the team"."""

    def edit(data: OfficeData, document: EditableYaml, locale: str) -> Done:
        entry, problems = _entry(given, locale)
        entry = tidy(entry)
        new_id = entry.id or next_free_id([person.id for person in data.volunteers])
        entry = entry.model_copy(update={"id": new_id})
        problems += entry_problems(entry, data, locale)
        if problems:
            raise _not_saved(locale, problems)
        people = document.data["volunteers"]
        append_item(people, new_entry({"id": new_id, **_written(entry)}))
        return Done(len(data.volunteers), "added", entry.name)

    return _change(folder, edit, who=who, now=now, lock_wait=lock_wait)


def _raw_entry(
    data: OfficeData, document: EditableYaml, volunteer_id: str
) -> tuple[int, CommentedMap]:
    index = index_of(data, volunteer_id)
    people = document.data["volunteers"]
    raw = people[index] if isinstance(people, CommentedSeq) and index < len(people) else None
    if not isinstance(raw, CommentedMap) or str(raw.get("id")) != volunteer_id:
        raise NoSuchVolunteerError(volunteer_id)
    return index, raw


def edit_volunteer(
    folder: Path,
    volunteer_id: str,
    given: VolunteerEntry | VolunteerForm,
    *,
    who: str,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> TeamMember:
    """Change a person's details (not the id, not the last day) and record "Changed the
    details of <name>". :class:`NoSuchVolunteerError` if nobody has the id."""

    def edit(data: OfficeData, document: EditableYaml, locale: str) -> Done:
        index, raw = _raw_entry(data, document, volunteer_id)
        person = data.volunteers[index]
        read, problems = _entry(given, locale)
        entry = tidy(VolunteerEntry.model_validate(read.model_dump(exclude={"id"}, by_alias=True)))
        problems += entry_problems(entry, data, locale, editing=person)
        if problems:
            raise _not_saved(locale, problems)
        _update(raw, person, entry)
        return Done(index, "edited", entry.name)

    return _change(folder, edit, who=who, now=now, lock_wait=lock_wait)


def leave_team(
    folder: Path,
    volunteer_id: str,
    last_day: LastDay | date | str | None = None,
    *,
    who: str,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> TeamMember:
    """Set the last day of a person with the office (default: today in the office's
    zone): after it they are never planned; they stay in the file, so past plans keep
    their duties. A date as text may be ``2026-12-31`` or ``31.12.2026``."""

    def edit(data: OfficeData, document: EditableYaml, locale: str) -> Done:
        index, raw = _raw_entry(data, document, volunteer_id)
        person = data.volunteers[index]
        day = _last_day(last_day, locale) or office_today(data.office, now)
        set_key(raw, "left", day)
        return Done(index, "left", person.name, day_words(day, locale))

    return _change(folder, edit, who=who, now=now, lock_wait=lock_wait)


def _last_day(value: LastDay | date | str | None, locale: str) -> date | None:
    if isinstance(value, LastDay):
        return value.last_day
    if value is None or isinstance(value, date):
        return value
    if not value.strip():
        return None
    day = parse_day(value)
    if day is None:
        problems = [problem("last_day", text(locale, "web.team_error_date"))]
        raise _not_saved(locale, problems)
    return day


def return_to_team(
    folder: Path,
    volunteer_id: str,
    *,
    who: str,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> TeamMember:
    """Take a person back into the team: their last day is removed, and they can be
    planned again."""

    def edit(data: OfficeData, document: EditableYaml, locale: str) -> Done:
        del locale
        index, raw = _raw_entry(data, document, volunteer_id)
        drop_key(raw, "left")
        return Done(index, "returned", data.volunteers[index].name)

    return _change(folder, edit, who=who, now=now, lock_wait=lock_wait)
