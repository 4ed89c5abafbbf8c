"""The team: ``volunteers.yaml``."""

from __future__ import annotations

import difflib
from datetime import date
from functools import cache
from typing import Annotated, Any, Literal

from babel.dates import get_day_names
from pydantic import BeforeValidator, Field, ValidationInfo, model_validator

from roster.domain.office import WEEKDAYS, LanguageCode, Strict, Weekday, invalid
from roster.domain.values import Day, Hours, Name, WholeNumber, shown

Role = Literal["counsellor", "interpreter", "lead", "social_worker"]
Level = Literal["basic", "fluent", "native"]
LEVEL_RANK: dict[str, int] = {"basic": 1, "fluent": 2, "native": 3}


@cache
def day_names() -> dict[str, Weekday]:
    """Every way to write a weekday, folded (``donnerstag``, ``do``, ``thursday``, ``thu``)
    -> the weekday: Babel's German and English names, wide and abbreviated."""
    names: dict[str, Weekday] = {}
    for locale in ("de", "en"):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_day_names(width, context, locale).items():
                    names[_folded(name)] = WEEKDAYS[number]
    return names


def _folded(name: str) -> str:
    return name.strip().casefold().removesuffix(".")


def _written_names(locale: str) -> list[str]:
    """The weekdays as the office writes them: ``Montag`` ... or ``monday`` ..."""
    if locale == "de":
        wide = get_day_names("wide", "format", "de")
        return [str(wide[number]) for number in range(7)]
    return list(WEEKDAYS)


def parse_weekday(value: Any, info: ValidationInfo) -> Any:
    """``Donnerstag``, ``Do``, ``Thursday``, ``thu`` -> ``thursday``; in any case.

    Anything else that is text is an error that lists the weekdays in the office's
    language (the validation context's ``locale``); other values are left for pydantic.
    """
    if not isinstance(value, str):
        return value
    day = day_names().get(_folded(value))
    if day is not None:
        return day
    context = info.context if isinstance(info.context, dict) else {}
    locale = str(context.get("locale", "de"))
    written = _written_names(locale)
    by_fold = {name: name for name in day_names() if len(name) > 3} | {
        _folded(name): name for name in written
    }
    close = difflib.get_close_matches(_folded(value), list(by_fold), n=1, cutoff=0.7)
    hint = f"did you mean '{by_fold[close[0]]}'? " if close else ""
    other = "the English names work too" if locale == "de" else "German names work too"
    raise invalid(
        f"'{shown(value)}' is not a weekday; {hint}write {', '.join(written[:-1])} or "
        f"{written[-1]} ({other})"
    )


DayName = Annotated[Weekday, BeforeValidator(parse_weekday)]
"""A weekday, written in German or English, in full or abbreviated, in any case."""


class Absence(Strict):
    """Days a volunteer cannot come."""

    from_: Day = Field(alias="from", description="first day away")
    to: Day = Field(description="last day away (inclusive)")

    @model_validator(mode="after")
    def _ordered(self) -> Absence:
        if self.to < self.from_:
            raise invalid(
                f"the absence ends ({self.to}) before it starts ({self.from_}); swap from and to",
                "to",
            )
        return self

    def covers(self, day: date) -> bool:
        """Whether ``day`` lies in the absence."""
        return self.from_ <= day <= self.to


class Volunteer(Strict):
    """One person of the team."""

    id: str = Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$",
        description="short id used in plans and files, e.g. v01",
    )
    name: Name = Field(description="name shown to the team")
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+$", description="optional")
    roles: list[Role] = Field(
        min_length=1, description="counsellor, interpreter, lead, social_worker"
    )
    languages: dict[LanguageCode, Level] = Field(
        min_length=1, description="languages spoken, each basic, fluent or native"
    )
    weekdays: list[DayName] = Field(
        default_factory=list, description="days this person can generally come"
    )
    max_per_month: WholeNumber = Field(
        default=4, ge=0, le=31, description="days on duty per month, at most"
    )
    hours_per_month: Hours | None = Field(
        default=None,
        gt=0,
        le=300,
        description="hours budget per month, e.g. the paid social worker",
    )
    trainee: bool = Field(default=False, description="works only beside an experienced counsellor")
    absences: list[Absence] = Field(default_factory=list, description="periods away")
    left: Day | None = Field(
        default=None,
        description="last day with the office; on later days the person is never planned",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Volunteer:
        listed: tuple[tuple[str, list[str]], ...] = (
            ("roles", list(self.roles)),
            ("weekdays", list(self.weekdays)),
        )
        for key, items in listed:
            twice = sorted({item for item in items if items.count(item) > 1})
            if twice:
                raise invalid(f"'{twice[0]}' is listed twice; list it once", key)
        if "interpreter" in self.roles:
            if not self.speaks("de"):
                level = self.languages.get("de")
                raise invalid(
                    f"an interpreter needs German (de) at fluent or better, not "
                    f"{level or 'missing'}; raise the level of de or remove the role interpreter",
                    *(("languages", "de") if level else ("languages",)),
                )
            if not self.interpreter_languages():
                raise invalid(
                    "an interpreter needs one language besides German at fluent or better; "
                    "add it under languages (or raise its level) or remove the role interpreter",
                    "languages",
                )
        if self.trainee and not self.counsels():
            raise invalid(
                "trainee is set but the person is neither counsellor nor social_worker; "
                "add the role counsellor or remove trainee",
                "trainee",
            )
        return self

    def speaks(self, code: str, level: Level = "fluent") -> bool:
        """Whether the person speaks ``code`` at ``level`` or better."""
        have = self.languages.get(code)
        return have is not None and LEVEL_RANK[have] >= LEVEL_RANK[level]

    def counsels(self) -> bool:
        """Whether the person may counsel (counsellor or social worker)."""
        return "counsellor" in self.roles or "social_worker" in self.roles

    def interprets(self) -> bool:
        """Whether the person has the role interpreter."""
        return "interpreter" in self.roles

    def leads(self) -> bool:
        """Whether the person has the role lead."""
        return "lead" in self.roles

    def interpreter_languages(self) -> list[str]:
        """Languages other than German this person can interpret (fluent or better)."""
        return sorted(code for code in self.languages if code != "de" and self.speaks(code))

    def with_office_on(self, day: date) -> bool:
        """Whether the person is still with the office on ``day`` (not after ``left``)."""
        return self.left is None or day <= self.left

    def is_absent(self, day: date) -> bool:
        """Whether ``day`` is in one of the person's absences."""
        return any(absence.covers(day) for absence in self.absences)


class Team(Strict):
    """``volunteers.yaml``."""

    volunteers: list[Volunteer] = Field(min_length=1, description="the team")
