"""What the office lead entered for an appointment request, and its checks: each problem
in the office's language, next to its field, and never repeating what was entered (a
case reference or a note may hold what must not be repeated).

The checks are those of the folder's own check of an appointments file (the case
reference's form, a known language, 1 to 600 minutes and no longer than the longest
appointment hours, the window in the month and in order, a wished counsellor who may
counsel), plus the web app's own: a case reference already in the month needs the box
"another appointment of this case", and a note has no invisible control characters and
at most :data:`MAX_NOTE` characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from roster.app.availability import team_of
from roster.domain.errors import Problem
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.domain.requests import CASE_PATTERN
from roster.folder.poll_rows import parse_day
from roster.folder.text_files import control_character
from roster.wording.catalogue import plural, text
from roster.wording.dates import date_text

FIELDS = ("case", "language", "minutes", "earliest", "latest", "counsellor", "note", "again")
"""The fields of the form and of the API, in the order they are shown."""
MAX_NOTE = 2000
"""Characters of a note, at most."""
MINUTES = (1, 600)
_CASE = re.compile(CASE_PATTERN)
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_WHOLE = re.compile(r"^[0-9]{1,6}$")


@dataclass(frozen=True)
class Draft:
    """A request as the lead entered it, as text (the form's fields)."""

    case: str = ""
    language: str = ""
    minutes: str = ""
    earliest: str = ""
    latest: str = ""
    counsellor: str = ""
    note: str = field(default="", repr=False)
    """Confidential: never in a message, a log line or the change log."""
    again: bool = False
    """Another appointment of a case that already has a request this month."""

    def cleaned(self) -> Draft:
        """The same draft with spaces trimmed and the note's line ends made plain."""
        note = "\n".join(line.rstrip() for line in self.note.replace("\r\n", "\n").split("\n"))
        return Draft(
            case=self.case.strip(),
            language=self.language.strip(),
            minutes=self.minutes.strip(),
            earliest=self.earliest.strip(),
            latest=self.latest.strip(),
            counsellor=self.counsellor.strip(),
            note=note.strip(),
            again=self.again,
        )


@dataclass(frozen=True)
class Checked:
    """A draft that passed: the values a request is written with."""

    case: str
    language: str
    minutes: int
    earliest: date
    latest: date
    counsellor: str | None
    note: str | None = field(repr=False)

    def values(self) -> dict[str, object]:
        """The request's keys and values (None: the key is left out)."""
        return {
            "case": self.case,
            "language": self.language,
            "minutes": self.minutes,
            "earliest": self.earliest,
            "latest": self.latest,
            "counsellor": self.counsellor,
            "note": self.note,
        }


def _say(locale: str, key: str, /, **values: object) -> str:
    return text(locale, f"web.{key}", **values)


class _Problems:
    """The problems found, at most one per field."""

    def __init__(self, file: str, locale: str) -> None:
        self.file = file
        self.locale = locale
        self.found: dict[str, Problem] = {}

    def add(self, where: str, key: str, /, **values: object) -> None:
        if where not in self.found:
            message = _say(self.locale, key, **values)
            self.found[where] = Problem(self.file, None, where, message)

    def counted(self, where: str, key: str, count: int) -> None:
        if where not in self.found:
            message = plural(self.locale, f"web.{key}", count)
            self.found[where] = Problem(self.file, None, where, message)

    def list(self) -> list[Problem]:
        return [self.found[name] for name in FIELDS if name in self.found]


def _day(value: str, month: Month, where: str, problems: _Problems) -> date | None:
    if not value:
        problems.add(where, "field_missing")
        return None
    day = parse_day(value, month)
    if day is None:
        problems.add(where, "appointments_date_invalid")
        return None
    if day not in month:
        problems.add(where, "appointments_date_month", month=_month_text(month, problems.locale))
        return None
    return day


def _month_text(month: Month, locale: str) -> str:
    return date_text(month.first, "LLLL yyyy", locale)


def _minutes(value: str, data: OfficeData, problems: _Problems) -> int | None:
    if not value:
        problems.add("minutes", "field_missing")
        return None
    if not _WHOLE.match(value):
        problems.add("minutes", "appointments_minutes_invalid")
        return None
    minutes = int(value)
    low, high = MINUTES
    longest = max((rule.minutes for rule in data.office.appointment_rules()), default=0)
    if longest == 0:
        problems.add("minutes", "appointments_no_hours")
        return None
    if minutes < low:
        problems.add("minutes", "appointments_minutes_range", low=low, high=min(high, longest))
        return None
    if minutes > longest:
        problems.counted("minutes", "appointments_minutes_long", longest)
        return None
    if minutes > high:
        problems.add("minutes", "appointments_minutes_range", low=low, high=high)
        return None
    return minutes


def check_draft(
    draft: Draft,
    data: OfficeData,
    month: Month,
    file: str,
    *,
    editing: int | None = None,
) -> tuple[Checked | None, list[Problem]]:
    """The checked values of ``draft`` for ``month``, or the problems (each with its
    field); ``editing``: the index of the request the draft changes (None: a new one)."""
    locale = data.office.locale
    draft = draft.cleaned()
    problems = _Problems(file, locale)
    requests = data.appointments_of(month)
    before = requests[editing].request if editing is not None else None

    if not draft.case:
        problems.add("case", "field_missing")
    elif not _CASE.match(draft.case):
        problems.add("case", "appointments_case_invalid")
    else:
        others = {item.case for index, item in enumerate(requests) if index != editing}
        unchanged = before is not None and before.case == draft.case
        if draft.case in others and not draft.again and not unchanged:
            problems.add("case", "appointments_case_twice")

    if not draft.language:
        problems.add("language", "field_missing")
    elif not _LANGUAGE.match(draft.language) or not data.office.knows_language(draft.language):
        problems.add("language", "appointments_language_invalid")

    minutes = _minutes(draft.minutes, data, problems)
    earliest = _day(draft.earliest, month, "earliest", problems)
    latest = _day(draft.latest, month, "latest", problems)
    if earliest is not None and latest is not None and latest < earliest:
        problems.add("latest", "appointments_date_order")

    counsellor = draft.counsellor or None
    if counsellor is not None:
        allowed = {person.id for person in team_of(data, month) if person.counsels()}
        if before is not None and before.counsellor == counsellor:
            allowed |= {p.id for p in data.volunteers if p.id == counsellor and p.counsels()}
        if counsellor not in allowed:
            problems.add("counsellor", "appointments_counsellor_invalid")

    if len(draft.note) > MAX_NOTE:
        problems.add("note", "appointments_note_long", count=MAX_NOTE)
    elif control_character(draft.note) is not None:
        problems.add("note", "appointments_note_control")

    found = problems.list()
    if found or minutes is None or earliest is None or latest is None:
        return None, found
    checked = Checked(
        case=draft.case,
        language=draft.language,
        minutes=minutes,
        earliest=earliest,
        latest=latest,
        counsellor=counsellor,
        note=draft.note or None,
    )
    return checked, []
