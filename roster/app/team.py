"""The team as the office lead's Team page and ``GET /api/team`` show it: who is in the
team and who has left, with roles, languages and levels, usual weekdays, limits,
absences, trainee and e-mail, every text in the office's language; and what the form to
add or change a person offers (:func:`team_form`).

People are named by their name; the short id appears only where a page links to a
person and in the API. A person whose last day with the office (``left``) is before
today is a former volunteer: listed apart, never planned again, their past duties kept.
Saving is :mod:`roster.app.team_save`.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from functools import cache
from pathlib import Path

from babel import Locale
from pydantic import BaseModel, ConfigDict, Field

from roster.app.clock import office_today
from roster.app.guard import reading
from roster.app.team_form import LEVELS, ROLES, VolunteerForm, number_text
from roster.domain.languages import language_name
from roster.domain.office import WEEKDAYS, Office, Weekday
from roster.domain.office_data import OfficeData
from roster.domain.team import Level, Role, Volunteer
from roster.folder.load import load_office
from roster.wording.catalogue import plural, text
from roster.wording.dates import skeleton_text, weekday_name

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class NoSuchVolunteerError(LookupError):
    """Nobody in the team has this id."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True)


class Choice(_Model):
    """One option of a list to choose from: the value sent and the words shown."""

    value: str
    text: str


class LanguageSkill(_Model):
    """A language a person speaks, and how well."""

    code: str = Field(description="language code, e.g. ar or fa-AF")
    name: str = Field(description="the language's name in the office's language")
    level: Level
    level_text: str = Field(description="the level in words")
    text: str = Field(description="name and level, e.g. Arabisch (Muttersprache)")


class AbsenceView(_Model):
    """A period a person is away."""

    from_: date = Field(alias="from", description="first day away")
    to: date = Field(description="last day away (inclusive)")
    text: str = Field(description="the period in words")
    past: bool = Field(description="over before today")


class TeamMember(_Model):
    """One person of the team, as the page shows them."""

    id: str = Field(description="the short id used in plans and files")
    name: str
    email: str | None
    roles: list[Role]
    role_texts: list[str] = Field(description="the roles in words")
    languages: list[LanguageSkill]
    weekdays: list[Weekday]
    weekday_texts: list[str] = Field(description="the usual weekdays in words")
    max_per_month: int = Field(description="days on duty per month, at most")
    max_text: str = Field(description="the limit in words")
    hours_per_month: float | None
    hours_text: str | None = Field(description="the hours budget in words, if any")
    trainee: bool
    absences: list[AbsenceView]
    left: date | None = Field(description="last day with the office, if set")
    left_text: str | None = Field(description="the last day in words")
    active: bool = Field(description="still in the team: no last day, or not before today")


class TeamView(_Model):
    """The team page: who is in the team and who has left."""

    office: str
    locale: str = Field(description="language of the texts: de or en")
    today: date = Field(description="today in the office's time zone")
    active: list[TeamMember] = Field(description="the team, by name")
    former: list[TeamMember] = Field(description="people whose last day is past, by name")
    active_text: str = Field(description="how many are in the team, in words")


class FormChoices(_Model):
    """What the form to add or change a person offers."""

    roles: list[Choice]
    levels: list[Choice] = Field(description="basic, fluent, native in words")
    weekdays: list[Choice] = Field(description="the office's session weekdays first")
    office_languages: list[Choice] = Field(description="the languages the office knows")
    other_languages: list[Choice] = Field(description="every other language, by name")
    language_names: dict[str, str] = Field(description="code -> name, for the rows shown")


class TeamForm(_Model):
    """The form to add a person (``member`` None) or change one."""

    member: TeamMember | None
    values: VolunteerForm = Field(description="what the fields hold")
    choices: FormChoices
    suggested_id: str = Field(description="the next free id, for a new person")
    today: date


def _say(locale: str, key: str, /, **values: object) -> str:
    return text(locale, f"web.team_{key}", **values)


def day_words(day: date, locale: str) -> str:
    """``Do., 31. Dez. 2026``: a date in words, with its weekday."""
    return skeleton_text(day, "yMMMEd", locale)


def _short(day: date, locale: str) -> str:
    return skeleton_text(day, "yMMMd", locale)


def _span(first: date, last: date, locale: str) -> str:
    """``14. Dez. 2026 bis 18. Dez. 2026``, or the one day."""
    if first == last:
        return _short(first, locale)
    return _say(locale, "span", first=_short(first, locale), last=_short(last, locale))


def member_of(person: Volunteer, office: Office, today: date) -> TeamMember:
    """A person as the page and the API show them, in the office's language."""
    locale = office.locale
    languages = []
    for code, level in person.languages.items():
        name = language_name(code, locale, office.languages)
        level_text = _say(locale, f"level_{level}")
        languages.append(
            LanguageSkill(
                code=code,
                name=name,
                level=level,
                level_text=level_text,
                text=_say(locale, "language", language=name, level=level_text),
            )
        )
    hours = person.hours_per_month
    return TeamMember(
        id=person.id,
        name=person.name,
        email=person.email,
        roles=list(person.roles),
        role_texts=[_say(locale, f"role_{role}") for role in person.roles],
        languages=languages,
        weekdays=list(person.weekdays),
        weekday_texts=[
            weekday_name(WEEKDAYS.index(day), locale)
            for day in sorted(person.weekdays, key=WEEKDAYS.index)
        ],
        max_per_month=person.max_per_month,
        max_text=plural(locale, "web.team_max", person.max_per_month),
        hours_per_month=hours,
        hours_text=None
        if hours is None
        else plural(locale, "web.team_hours", hours, hours=number_words(hours, locale)),
        trainee=person.trainee,
        absences=[
            AbsenceView(
                from_=item.from_,
                to=item.to,
                text=_span(item.from_, item.to, locale),
                past=item.to < today,
            )
            for item in person.absences
        ],
        left=person.left,
        left_text=None if person.left is None else day_words(person.left, locale),
        active=person.left is None or person.left >= today,
    )


def number_words(value: float, locale: str) -> str:
    """``12``, ``7,5`` (German) or ``7.5``."""
    written = number_text(value)
    return written.replace(".", ",") if locale == "de" else written


def _by_name(member: TeamMember) -> tuple[str, str]:
    return (member.name.casefold(), member.id)


def _load(folder: Path) -> OfficeData:
    with reading():
        return load_office(Path(folder))


def team_view(data: OfficeData, today: date) -> TeamView:
    """The team of a loaded office folder, as of ``today``."""
    members = [member_of(person, data.office, today) for person in data.volunteers]
    active = sorted((m for m in members if m.active), key=_by_name)
    former = sorted((m for m in members if not m.active), key=_by_name)
    locale = data.office.locale
    return TeamView(
        office=data.office.name,
        locale=locale,
        today=today,
        active=active,
        former=former,
        active_text=plural(locale, "web.team_count", len(active)),
    )


def team_of(folder: Path, *, now: datetime | None = None) -> TeamView:
    """The team: who is in it and who has left, in the office's language, as of today
    in the office's time zone."""
    data = _load(folder)
    return team_view(data, office_today(data.office, now))


def index_of(data: OfficeData, volunteer_id: str) -> int:
    """The place of the person in the team's list; :class:`NoSuchVolunteerError` if
    nobody has the id."""
    for index, person in enumerate(data.volunteers):
        if person.id == volunteer_id:
            return index
    raise NoSuchVolunteerError(volunteer_id)


def volunteer_of(folder: Path, volunteer_id: str, *, now: datetime | None = None) -> TeamMember:
    """One person of the team; :class:`NoSuchVolunteerError` if nobody has the id."""
    data = _load(folder)
    person = data.volunteers[index_of(data, volunteer_id)]
    return member_of(person, data.office, office_today(data.office, now))


def next_free_id(ids: list[str]) -> str:
    """The next id in the team's own numbering: ``v31`` after ``v01`` ... ``v30``."""
    taken = set(ids)
    numbered = [
        (found.group(1), found.group(2))
        for found in (re.fullmatch(r"([A-Za-z_-]*)(\d+)", item) for item in ids)
        if found is not None
    ]
    if not numbered:
        prefix, width, number = "v", 2, 1
    else:
        prefix = Counter(head for head, _ in numbered).most_common(1)[0][0]
        digits = [tail for head, tail in numbered if head == prefix]
        width = max(len(tail) for tail in digits)
        number = max(int(tail) for tail in digits) + 1
    while f"{prefix}{number:0{width}d}" in taken:
        number += 1
    return f"{prefix}{number:0{width}d}"


@cache
def _all_languages(locale: str) -> tuple[tuple[str, str], ...]:
    """Every language Babel names in ``locale``: (code, name), by name."""
    names = Locale.parse(locale).languages
    found = {
        code.replace("_", "-"): str(name)
        for code, name in names.items()
        if LANGUAGE_CODE.match(code.replace("_", "-"))
    }
    return tuple(sorted(found.items(), key=lambda item: (item[1].casefold(), item[0])))


def office_languages(data: OfficeData) -> list[str]:
    """The language codes the office knows of: German, the team's, the open hours' and
    those the office names itself."""
    codes = {"de", *data.office.languages}
    for person in data.volunteers:
        codes.update(person.languages)
    for rule in data.office.open_hours_rules():
        codes.update(rule.interpreters)
    return sorted(codes)


def choices_of(data: OfficeData, shown: list[str]) -> FormChoices:
    """The options of the form, in the office's language; ``shown``: the language codes
    of the rows the form shows."""
    office = data.office
    locale = office.locale
    session_days = {rule.weekday for rule in office.sessions}
    days = sorted(WEEKDAYS, key=lambda day: (day not in session_days, WEEKDAYS.index(day)))
    known = office_languages(data)

    def named(code: str) -> str:
        return language_name(code, locale, office.languages)

    ours = sorted(
        (Choice(value=code, text=named(code)) for code in known),
        key=lambda choice: (choice.text.casefold(), choice.value),
    )
    others = [
        Choice(value=code, text=name)
        for code, name in _all_languages("de" if locale == "de" else "en")
        if code not in known
    ]
    return FormChoices(
        roles=[Choice(value=role, text=_say(locale, f"role_{role}")) for role in ROLES],
        levels=[Choice(value=level, text=_say(locale, f"level_{level}")) for level in LEVELS],
        weekdays=[
            Choice(value=day, text=weekday_name(WEEKDAYS.index(day), locale)) for day in days
        ],
        office_languages=ours,
        other_languages=others,
        language_names={code: named(code) for code in shown},
    )


def team_form(
    folder: Path,
    volunteer_id: str | None = None,
    *,
    values: VolunteerForm | None = None,
    now: datetime | None = None,
) -> TeamForm:
    """The form to add a person (``volunteer_id`` None) or to change one: filled with
    their details, or with ``values`` (what was sent, to show it again with its
    problems). :class:`NoSuchVolunteerError` if nobody has the id."""
    data = _load(folder)
    today = office_today(data.office, now)
    member = None
    ids = [person.id for person in data.volunteers]
    suggested = next_free_id(ids)
    if volunteer_id is None:
        filled = values or VolunteerForm(id=suggested)
    else:
        person = data.volunteers[index_of(data, volunteer_id)]
        member = member_of(person, data.office, today)
        filled = values or VolunteerForm.of(person)
        filled = filled.model_copy(update={"id": person.id})
    filled = filled.compact()
    shown = [row.code for row in filled.languages]
    return TeamForm(
        member=member,
        values=filled,
        choices=choices_of(data, shown),
        suggested_id=suggested,
        today=today,
    )
