"""The month's availability poll as a grid, for the office lead's Availability page and
``/api/months/{month}/availability``: the team's volunteers (by name) against the dates of
the month's sessions, each cell yes, maybe, no or no answer, or "away" on a day of an
absence (not editable).

:func:`availability_grid` reads it; :func:`save_availability` sets answers (the whole
grid, or one cell) and writes ``availability/YYYY-MM.csv`` through
:func:`roster.app.edits.save_files`, which validates the whole folder first and records
the change ("Availability for December 2026 changed: 3 answers"). A poll kept as an Excel
workbook is replaced by the CSV file in the same save. Every text is in the office's
language; no id is shown as a word.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from roster.app.clock import month_or_next
from roster.app.edits import COMMAND, save_files
from roster.app.guard import reading, writing
from roster.domain.errors import Problem, RosterError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.domain.requests import Answer
from roster.domain.sessions import SessionKind, month_calendar
from roster.domain.team import Volunteer
from roster.folder.load import load_office
from roster.folder.poll_write import poll_csv
from roster.wording.catalogue import plural, plural_form, text
from roster.wording.dates import date_text, skeleton_text

Source = Literal["csv", "xlsx", "none"]
ANSWER_VALUES: tuple[Answer, ...] = ("yes", "maybe", "no")
NO_ANSWER = ""
"""How a form and the API write "no answer" (the API also takes null)."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class PollColumn(_Model):
    """A date of the month with a session: a column of the grid."""

    date: dt.date
    label: str = Field(description="weekday and date in words, e.g. Mi., 2. Dez.")
    weekday: str = Field(description="the weekday in words, e.g. Mittwoch")
    kinds: list[SessionKind] = Field(description="the kinds of session on that date")
    kind_text: str = Field(description="the kinds of session in words")


class PollCell(_Model):
    """One volunteer's answer for one date."""

    date: dt.date
    answer: Answer | None = Field(description="yes, maybe, no, or null: no answer")
    away: bool = Field(description="the person is away that day: the cell cannot be changed")
    text: str = Field(description="the answer (or away) in words")


class PollRow(_Model):
    """One volunteer's answers."""

    volunteer: str = Field(description="the volunteer's id")
    name: str
    answered: bool = Field(description="at least one answer")
    cells: list[PollCell]


class AvailabilityGrid(_Model):
    """Everything the Availability page and its API show."""

    office: str
    locale: str = Field(description="language of the texts: de or en")
    month: str = Field(description="YYYY-MM")
    month_text: str = Field(description="the month in words")
    source: Source = Field(
        description="where the answers are kept: csv, xlsx (an Excel workbook, replaced by "
        "a CSV file on the first save) or none (no poll yet)"
    )
    columns: list[PollColumn]
    rows: list[PollRow]
    summary: str = Field(description="how many have answered, in words")

    def cell(self, volunteer: str, day: dt.date) -> tuple[PollRow, PollCell] | None:
        """The row and cell of ``volunteer`` on ``day``, if the grid has them."""
        for row in self.rows:
            if row.volunteer == volunteer:
                for cell in row.cells:
                    if cell.date == day:
                        return row, cell
        return None


class AvailabilitySaved(_Model):
    """What a save changed, and the grid after it."""

    changed: int = Field(ge=0, description="answers changed (0: nothing was written)")
    grid: AvailabilityGrid


def _say(locale: str, key: str, /, **values: object) -> str:
    return text(locale, f"web.{key}", **values)


def poll_name(month: Month, suffix: str) -> str:
    """The poll's file name in the office folder."""
    return f"availability/{month}{suffix}"


def _source(folder: Path, month: Month) -> Source:
    if (folder / poll_name(month, ".xlsx")).is_file():
        return "xlsx"
    if (folder / poll_name(month, ".csv")).is_file():
        return "csv"
    return "none"


def left_on(person: Volunteer) -> date | None:
    """The person's last day with the office, if they have left (``left``)."""
    return person.left


def team_of(data: OfficeData, month: Month) -> list[Volunteer]:
    """The volunteers of ``month``: the team without those who left before it began."""
    result = []
    for person in data.volunteers:
        left = left_on(person)
        if left is None or left >= month.first:
            result.append(person)
    return result


def is_away(person: Volunteer, day: date) -> bool:
    """Whether the person is away on ``day``: an absence, or after their last day."""
    left = left_on(person)
    return person.is_absent(day) or (left is not None and day > left)


def session_days(data: OfficeData, month: Month) -> dict[date, list[SessionKind]]:
    """The month's session dates (closed dates left out), with their kinds of session."""
    days: dict[date, list[SessionKind]] = {}
    for session in month_calendar(data.office, month, data.office.locale).sessions:
        kinds = days.setdefault(session.date, [])
        if session.kind not in kinds:
            kinds.append(session.kind)
    return dict(sorted(days.items()))


def _answer_text(locale: str, answer: Answer | None, away: bool) -> str:
    if away:
        return _say(locale, "availability_away")
    return _say(locale, f"availability_{answer or 'none'}")


def build_grid(data: OfficeData, month: Month, source: Source) -> AvailabilityGrid:
    """The grid of ``month`` from the loaded folder."""
    locale = data.office.locale
    days = session_days(data, month)
    columns = [
        PollColumn(
            date=day,
            label=skeleton_text(day, "MMMEd", locale),
            weekday=date_text(day, "EEEE", locale),
            kinds=kinds,
            kind_text=" · ".join(_say(locale, f"kind_{kind}") for kind in kinds),
        )
        for day, kinds in days.items()
    ]
    answers = data.availability.get(month, {})
    rows: list[PollRow] = []
    for person in team_of(data, month):
        cells = []
        for day in days:
            answer = answers.get((person.id, day))
            away = is_away(person, day)
            cells.append(
                PollCell(
                    date=day, answer=answer, away=away, text=_answer_text(locale, answer, away)
                )
            )
        answered = any((person.id, day) in answers for day in month.days())
        rows.append(PollRow(volunteer=person.id, name=person.name, answered=answered, cells=cells))
    return AvailabilityGrid(
        office=data.office.name,
        locale=locale,
        month=str(month),
        month_text=date_text(month.first, "LLLL yyyy", locale),
        source=source,
        columns=columns,
        rows=rows,
        summary=_say(
            locale,
            "poll_summary",
            answered=sum(1 for row in rows if row.answered),
            volunteers=len(rows),
        ),
    )


def availability_grid(
    folder: Path, month: Month | str | None = None, *, now: datetime | None = None
) -> AvailabilityGrid:
    """The availability grid of ``month`` (default: next month)."""
    folder = Path(folder)
    with reading():
        data = load_office(folder)
        chosen = month_or_next(data.office, month, now)
        source = _source(folder, chosen)
    return build_grid(data, chosen, source)


def _parse_answer(value: str | None) -> tuple[bool, Answer | None]:
    """(whether it is one of the four answers, the answer)."""
    if value is None or value == NO_ANSWER:
        return True, None
    for answer in ANSWER_VALUES:
        if value == answer:
            return True, answer
    return False, None


def _parse_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _changes(
    data: OfficeData,
    month: Month,
    wanted: Mapping[str, Mapping[str, str | None]],
    file: str,
) -> tuple[dict[tuple[str, date], Answer | None], list[Problem]]:
    """The cells that change, and the problems of ``wanted`` (each with its field:
    ``<volunteer>.<date>``)."""
    locale = data.office.locale
    people = {person.id: person for person in team_of(data, month)}
    days = session_days(data, month)
    current = data.availability.get(month, {})
    changed: dict[tuple[str, date], Answer | None] = {}
    problems: list[Problem] = []
    for volunteer, cells in wanted.items():
        person = people.get(volunteer)
        for written, value in cells.items():
            where = f"{volunteer}.{written}"
            day = _parse_day(written)
            known, answer = _parse_answer(value)
            if person is None:
                message = _say(locale, "availability_unknown_person")
            elif day is None or day not in days:
                message = _say(locale, "availability_not_session")
            elif not known:
                message = _say(locale, "availability_bad_answer")
            elif is_away(person, day) and answer != current.get((volunteer, day)):
                message = _say(locale, "availability_is_away", name=person.name)
            else:
                if answer != current.get((volunteer, day)):
                    changed[(volunteer, day)] = answer
                continue
            problems.append(Problem(file, None, where, message))
    return changed, problems


def poll_files(
    data: OfficeData, month: Month, answers: Mapping[tuple[str, date], Answer]
) -> dict[str, str | None]:
    """The month's poll file holding ``answers`` (volunteer id and date -> answer), for
    :func:`roster.app.edits.save_files`: the CSV in its own layout (rows, columns,
    separator kept), a new one in team order, or, where the poll is a workbook, a CSV
    that replaces it (the workbook removed)."""
    folder = data.folder
    source = _source(folder, month)
    csv_name = poll_name(month, ".csv")
    team = [(person.id, person.name) for person in team_of(data, month)]
    days = list(session_days(data, month))
    if source == "csv":
        return {csv_name: poll_csv(month, answers, team, days, (folder / csv_name).read_bytes())}
    if source == "none":
        return {csv_name: poll_csv(month, answers, team, days)}
    # a workbook's rows keep their order (that of its answers), then the team's
    names = {person.id: person.name for person in data.volunteers}
    order = list(dict.fromkeys(volunteer for volunteer, _ in answers))
    people = [(volunteer, names.get(volunteer, "")) for volunteer in order]
    people += [(pid, name) for pid, name in team if pid not in order]
    return {csv_name: poll_csv(month, answers, people, days), poll_name(month, ".xlsx"): None}


def save_availability(
    folder: Path,
    month: Month | str,
    answers: Mapping[str, Mapping[str, str | None]],
    *,
    who: str,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> AvailabilitySaved:
    """Set the poll answers ``answers`` (volunteer id -> date ``YYYY-MM-DD`` -> ``yes``,
    ``maybe``, ``no``, or empty or None for no answer) of ``month``; a cell left out keeps
    its answer.

    Writes ``availability/YYYY-MM.csv`` (rows and columns of the file kept in their order;
    a workbook of the month is replaced) when an answer changed, and records the change
    for the account ``who``. :class:`RosterError` with a problem per wrong cell (a person
    not in the team, a date without a session, an answer that is none of the four, a
    changed answer on a day the person is away), and nothing is written.
    """
    folder = Path(folder)
    with writing(folder, COMMAND, wait=lock_wait):
        data = load_office(folder)
        chosen = Month.parse(str(month))
        locale = data.office.locale
        source = _source(folder, chosen)
        csv_name = poll_name(chosen, ".csv")
        changed, problems = _changes(data, chosen, answers, csv_name)
        if problems:
            raise RosterError(_say(locale, "not_saved"), problems)
        if not changed:
            return AvailabilitySaved(changed=0, grid=build_grid(data, chosen, source))
        current = dict(data.availability.get(chosen, {}))
        for cell, answer in changed.items():
            if answer is None:
                current.pop(cell, None)
            else:
                current[cell] = answer
        merged = {key: answer for key, answer in current.items() if answer is not None}
        files = poll_files(data, chosen, merged)
        key = "availability_replaced" if source == "xlsx" else "availability_changed"
        count = len(changed)
        saved = save_files(
            folder,
            files,
            who=who,
            key=f"web.{key}_{plural_form(locale, count)}",
            month=chosen,
            now=now,
            lock_wait=lock_wait,
            locale=locale,
            count=count,
            month_name=date_text(chosen.first, "LLLL yyyy", locale),
        )
    return AvailabilitySaved(changed=count, grid=build_grid(saved, chosen, "csv"))


def saved_text(locale: str, changed: int) -> str:
    """The result of a save in words: 3 answers saved, or nothing changed."""
    if changed == 0:
        return _say(locale, "availability_unchanged")
    return plural(locale, "web.availability_saved", changed)
