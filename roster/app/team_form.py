"""What the team page and its API send to add or change a person, and its check in plain
words.

Two shapes of the same input: :class:`VolunteerEntry` (and :class:`NewVolunteer`), the
typed JSON body of the API, and :class:`VolunteerForm`, the HTML form's fields as the
browser sends them (text; rows of languages and absences, empty rows included).
:func:`entry_of` turns a form into an entry; :func:`entry_problems` checks an entry
against the team. Each problem names its field (``name``, ``languages.de``,
``absences[0].to``) and says in the office's language what to do, without a key of the
folder's files: the check that `roster check` would make, asked first in the lead's
words (``roster.folder`` stays the last word: what it still finds is shown as it says
it).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field

from roster.domain.errors import Problem
from roster.domain.office import WEEKDAYS, Weekday
from roster.domain.office_data import OfficeData
from roster.domain.team import LEVEL_RANK, Level, Role, Volunteer
from roster.wording.catalogue import plural, text

ROLES: tuple[Role, ...] = get_args(Role)
LEVELS: tuple[Level, ...] = get_args(Level)
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+$")
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
GERMAN = "de"
MAX_DAYS = 31
MAX_HOURS = 300.0
DEFAULT_MAX = 4
NO_LEVEL = "none"
"""The level a form row chooses to remove its language."""
TEAM_FIELD = "team"
"""The field of a problem that fits no field of the form: shown above the form."""


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class AbsenceEntry(_Input):
    """Days a person is away, both inclusive."""

    from_: date = Field(alias="from", description="first day away, YYYY-MM-DD")
    to: date = Field(description="last day away (inclusive), YYYY-MM-DD")


class VolunteerEntry(_Input):
    """A person's details, as the API takes them (everything but the id, which is fixed
    once given, and the last day, which has its own endpoint)."""

    name: str = Field(max_length=200, description="the name shown to the team")
    email: str | None = Field(default=None, max_length=200, description="e-mail, optional")
    roles: list[Role] = Field(
        description="at least one of counsellor, interpreter, lead, social_worker"
    )
    languages: dict[str, Level] = Field(
        description="language code (e.g. de, ar, fa-AF) -> basic, fluent or native; "
        "an interpreter needs de at fluent or better and one more language at fluent or better"
    )
    weekdays: list[Weekday] = Field(
        default_factory=list, description="days the person can usually come, e.g. thursday"
    )
    max_per_month: int = Field(
        default=DEFAULT_MAX, description="days on duty per month, at most: 0 to 31"
    )
    hours_per_month: float | None = Field(
        default=None, description="hours budget per month (over 0, at most 300), or null"
    )
    trainee: bool = Field(
        default=False, description="counsels only beside an experienced counsellor"
    )
    absences: list[AbsenceEntry] = Field(default_factory=list, description="periods away")


class NewVolunteer(VolunteerEntry):
    """A person to add: the details and the short id used in the files."""

    id: str | None = Field(
        default=None,
        max_length=32,
        description="short id used in plans and files (letters, digits, - and _), e.g. v31; "
        "empty: the next free one",
    )


class LastDay(_Input):
    """The last day of a person with the office."""

    last_day: date | None = Field(
        default=None,
        description="the last day the person can be planned, YYYY-MM-DD; empty: today",
    )


class LanguageRow(BaseModel):
    """One row of the form's languages: a code and a level (``none`` removes it)."""

    code: str = ""
    level: str = ""


class AbsenceRow(BaseModel):
    """One row of the form's absences, as typed."""

    start: str = ""
    end: str = ""


class VolunteerForm(BaseModel):
    """The form's fields as the browser sends them; also what the form shows."""

    id: str = ""
    name: str = ""
    email: str = ""
    roles: list[str] = Field(default_factory=list)
    languages: list[LanguageRow] = Field(default_factory=list)
    weekdays: list[str] = Field(default_factory=list)
    max_per_month: str = str(DEFAULT_MAX)
    hours_per_month: str = ""
    trainee: bool = False
    absences: list[AbsenceRow] = Field(default_factory=list)

    def compact(self) -> VolunteerForm:
        """The form without its empty rows and the languages chosen to be removed."""
        return self.model_copy(
            update={
                "languages": [
                    row
                    for row in self.languages
                    if row.code.strip() and row.level.strip() != NO_LEVEL
                ],
                "absences": [row for row in self.absences if row.start.strip() or row.end.strip()],
            }
        )

    @classmethod
    def of(cls, person: Volunteer) -> VolunteerForm:
        """The form filled with a person's details."""
        hours = person.hours_per_month
        return cls(
            id=person.id,
            name=person.name,
            email=person.email or "",
            roles=list(person.roles),
            languages=[
                LanguageRow(code=code, level=level) for code, level in person.languages.items()
            ],
            weekdays=list(person.weekdays),
            max_per_month=str(person.max_per_month),
            hours_per_month="" if hours is None else number_text(hours),
            trainee=person.trainee,
            absences=[
                AbsenceRow(start=item.from_.isoformat(), end=item.to.isoformat())
                for item in person.absences
            ],
        )


def number_text(value: float) -> str:
    """``12`` for 12.0, ``7.5`` for 7.5."""
    return str(int(value)) if float(value).is_integer() else str(value)


def _say(locale: str, key: str, /, **values: object) -> str:
    return text(locale, f"web.team_{key}", **values)


def problem(field: str, message: str) -> Problem:
    """A problem of the form's field ``field``."""
    return Problem("", None, field, message)


def parse_day(value: str) -> date | None:
    """``2026-12-31`` (as a date field sends it) or ``31.12.2026``; None if neither."""
    written = value.strip()
    try:
        return date.fromisoformat(written)
    except ValueError:
        pass
    found = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", written)
    if found is None:
        return None
    day, month, year = (int(part) for part in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _whole(value: str) -> int | None:
    written = value.strip()
    return int(written) if re.fullmatch(r"[+-]?\d{1,6}", written) else None


def _hours(value: str) -> float | None:
    written = value.strip().replace(",", ".")
    if not re.fullmatch(r"[+-]?\d{1,6}(\.\d{1,4})?", written):
        return None
    return float(written)


def _absences(rows: list[AbsenceRow], locale: str, problems: list[Problem]) -> list[AbsenceEntry]:
    """The absences of the form's rows whose two dates can be read; a problem for each
    date missing or not a date."""
    absences: list[AbsenceEntry] = []
    for index, row in enumerate(rows):
        ends: list[date] = []
        for key, written in (("from", row.start), ("to", row.end)):
            field = f"absences[{index}].{key}"
            day = parse_day(written) if written.strip() else None
            if day is not None:
                ends.append(day)
            elif written.strip():
                problems.append(problem(field, _say(locale, "error_date")))
            else:
                problems.append(problem(field, _say(locale, "error_absence_incomplete")))
        if len(ends) == 2:
            absences.append(AbsenceEntry(from_=ends[0], to=ends[1]))
    return absences


def entry_of(form: VolunteerForm, locale: str) -> tuple[NewVolunteer, list[Problem]]:
    """The entry the form describes (its empty rows left out) and the problems of what
    could not be read: an unknown role, a number or a date that is none. A field that
    cannot be read keeps its default in the entry."""
    form = form.compact()
    problems: list[Problem] = []
    roles: list[Role] = []
    for role in form.roles:
        if role in ROLES:
            roles.append(role)
        else:
            problems.append(problem("roles", _say(locale, "error_role_unknown")))
    weekdays: list[Weekday] = []
    for day in form.weekdays:
        if day in WEEKDAYS:
            weekdays.append(day)
        else:
            problems.append(problem("weekdays", _say(locale, "error_weekday")))
    languages: dict[str, Level] = {}
    for row in form.languages:
        code, level = row.code.strip(), row.level.strip()
        if code in languages:
            # Both rows show the code: the message goes to the languages as a whole.
            problems.append(problem("languages", _say(locale, "error_language_twice")))
        elif level in LEVELS:
            languages[code] = level
        else:
            problems.append(problem(f"languages.{code}", _say(locale, "error_level")))
    max_per_month = _whole(form.max_per_month)
    if max_per_month is None:
        problems.append(problem("max_per_month", _say(locale, "error_max")))
    hours: float | None = None
    if form.hours_per_month.strip():
        hours = _hours(form.hours_per_month)
        if hours is None:
            problems.append(problem("hours_per_month", _say(locale, "error_hours")))
    absences = _absences(form.absences, locale, problems)
    entry = NewVolunteer(
        id=form.id.strip() or None,
        name=form.name,
        email=form.email.strip() or None,
        roles=roles,
        languages=languages,
        weekdays=weekdays,
        max_per_month=DEFAULT_MAX if max_per_month is None else max_per_month,
        hours_per_month=hours,
        trainee=form.trainee,
        absences=absences,
    )
    return entry, problems


EntryT = TypeVar("EntryT", bound=VolunteerEntry)


def tidy(entry: EntryT) -> EntryT:
    """The entry as it is saved: the name and e-mail without spaces around them (an empty
    e-mail is none), each role and weekday once."""
    email = (entry.email or "").strip() or None
    update: dict[str, object] = {
        "name": entry.name.strip(),
        "email": email,
        "roles": list(dict.fromkeys(entry.roles)),
        "weekdays": list(dict.fromkeys(entry.weekdays)),
    }
    if isinstance(entry, NewVolunteer):
        update["id"] = (entry.id or "").strip() or None
    return entry.model_copy(update=update)


def _speaks(languages: dict[str, Level], code: str) -> bool:
    level = languages.get(code)
    return level is not None and LEVEL_RANK[level] >= LEVEL_RANK["fluent"]


def _language_problems(entry: VolunteerEntry, data: OfficeData, locale: str) -> list[Problem]:
    problems: list[Problem] = []
    if not entry.languages:
        problems.append(problem("languages", _say(locale, "error_languages")))
    unknown = _say(locale, "error_language_unknown")
    problems.extend(
        problem(f"languages.{code}", unknown)
        for code in entry.languages
        if not LANGUAGE_PATTERN.match(code) or not data.office.knows_language(code)
    )
    if "interpreter" in entry.roles and entry.languages:
        if not _speaks(entry.languages, GERMAN):
            field = f"languages.{GERMAN}" if GERMAN in entry.languages else "languages"
            problems.append(problem(field, _say(locale, "error_german")))
        elif not any(_speaks(entry.languages, code) for code in entry.languages if code != GERMAN):
            problems.append(problem("languages", _say(locale, "error_interpreter_language")))
    return problems


def _cases_kept(data: OfficeData, volunteer_id: str) -> int:
    """Appointment requests that name the person as the counsellor who keeps the case."""
    return sum(
        1
        for items in data.appointments.values()
        for item in items
        if item.request.counsellor == volunteer_id
    )


def entry_problems(
    entry: VolunteerEntry,
    data: OfficeData,
    locale: str,
    *,
    editing: Volunteer | None = None,
) -> list[Problem]:
    """What is wrong with ``entry`` for the team of ``data``, each problem at its field:
    a new person's id (free, well formed), and every rule `roster check` applies to a
    person (``editing``: the person as they are now, whose id stays)."""
    entry = tidy(entry)
    problems: list[Problem] = []
    if editing is None and isinstance(entry, NewVolunteer) and entry.id is not None:
        holder = next((person for person in data.volunteers if person.id == entry.id), None)
        if not ID_PATTERN.match(entry.id):
            problems.append(problem("id", _say(locale, "error_id")))
        elif holder is not None:
            problems.append(problem("id", _say(locale, "error_id_taken", name=holder.name)))
    if not entry.name.strip():
        problems.append(problem("name", _say(locale, "error_name")))
    if entry.email is not None and not EMAIL_PATTERN.match(entry.email):
        problems.append(problem("email", _say(locale, "error_email")))
    if not entry.roles:
        problems.append(problem("roles", _say(locale, "error_roles")))
    problems += _language_problems(entry, data, locale)
    counsels = "counsellor" in entry.roles or "social_worker" in entry.roles
    if entry.trainee and not counsels:
        problems.append(problem("trainee", _say(locale, "error_trainee")))
    if editing is not None and entry.roles and not counsels:
        kept = _cases_kept(data, editing.id)
        if kept:
            message = plural(locale, "web.team_error_keeps_cases", kept, name=editing.name)
            problems.append(problem("roles", message))
    if not 0 <= entry.max_per_month <= MAX_DAYS:
        problems.append(problem("max_per_month", _say(locale, "error_max")))
    hours = entry.hours_per_month
    if hours is not None and not 0 < hours <= MAX_HOURS:
        problems.append(problem("hours_per_month", _say(locale, "error_hours")))
    for index, absence in enumerate(entry.absences):
        if absence.to < absence.from_:
            problems.append(problem(f"absences[{index}].to", _say(locale, "error_absence_order")))
    return problems


def without_twice(problems: list[Problem]) -> list[Problem]:
    """The problems, each field's first one only (a field shows one message)."""
    seen: set[str] = set()
    kept: list[Problem] = []
    for item in problems:
        if item.field in seen:
            continue
        seen.add(item.field)
        kept.append(item)
    return kept
