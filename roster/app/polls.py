"""The month's poll for the volunteers (issue 15): which months are open and until when,
and each volunteer answering it on their own page.

The lead's decision is kept in ``web/polls.json`` (0600, in the 0700 ``web/`` folder,
written atomically under the folder lock): one entry per month opened, with its last day
(``until``, inclusive, in the office's time zone) and whether it was closed early. It is
the web app's state, not an input of planning: `roster check` and `roster plan` ignore it.

A volunteer's answers go into the month's poll file, ``availability/YYYY-MM.csv`` (the
file the lead's grid edits and `roster plan` reads), through
:func:`roster.app.edits.save_files`: the whole folder validated as it would be, written
atomically under the folder lock, and one change-log line for the volunteer ("answered
the poll for December 2026: 6 dates"; the log shows their name). Dates on which the
volunteer is away (an absence, after ``left``) are shown as away and not asked.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from roster.app.availability import is_away, poll_files, session_days
from roster.app.clock import office_today
from roster.app.edits import COMMAND, save_files
from roster.app.guard import reading, writing
from roster.app.web_files import web_folder
from roster.domain.errors import Problem, RosterError
from roster.domain.files import secret_folder, write_atomic
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.domain.requests import Answer
from roster.domain.sessions import month_calendar
from roster.folder.load import load_office
from roster.wording.catalogue import locale_of, plural, plural_form, text
from roster.wording.dates import date_text, skeleton_text
from roster.wording.formats import Formatter

POLLS_SCHEMA = 1
ANSWERS: tuple[Answer, ...] = ("yes", "maybe", "no")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def say(locale: str, key: str, /, **values: object) -> str:
    """A ``volunteer.*`` text in ``locale``."""
    return text(locale, f"volunteer.{key}", **values)


# -- the lead's decision: web/polls.json ----------------------------------------------------


class PollEntry(_Model):
    """One month's poll as the lead opened it."""

    month: str = Field(description="YYYY-MM")
    until: dt.date = Field(description="the last day answers are taken (inclusive)")
    closed: bool = Field(default=False, description="closed early by the lead")

    def open_on(self, today: date) -> bool:
        """Whether answers are taken on ``today``."""
        return not self.closed and today <= self.until


class PollsFile(_Model):
    """``web/polls.json``."""

    schema_: int = Field(default=POLLS_SCHEMA, alias="schema")
    polls: list[PollEntry] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def of(self, month: Month) -> PollEntry | None:
        """The entry of ``month``, if it was ever opened."""
        return next((entry for entry in self.polls if entry.month == str(month)), None)

    def current(self, today: date) -> PollEntry | None:
        """The poll a volunteer sees first: the earliest open one, else the latest."""
        ordered = sorted(self.polls, key=lambda entry: entry.month)
        opened = [entry for entry in ordered if entry.open_on(today)]
        return opened[0] if opened else (ordered[-1] if ordered else None)


def polls_path(folder: Path) -> Path:
    """``DIR/web/polls.json``."""
    return web_folder(folder) / "polls.json"


def read_polls(folder: Path) -> PollsFile:
    """The polls opened (an empty list when none ever was)."""
    path = polls_path(Path(folder))
    with reading():
        if not path.is_file():
            return PollsFile()
        raw = path.read_bytes()
    try:
        return PollsFile.model_validate(json.loads(raw))
    except (ValueError, ValidationError):
        raise RosterError(
            f"{path.as_posix()} is damaged. Delete it and open the poll again."
        ) from None


def write_polls(folder: Path, polls: PollsFile) -> None:
    """Write ``web/polls.json`` atomically (0600); call it under the folder lock."""
    secret_folder(web_folder(folder))
    data = polls.model_dump(mode="json", by_alias=True)
    write_atomic(polls_path(folder), json.dumps(data, indent=1, sort_keys=True) + "\n", secret=True)


def day_text(locale: str, day: date) -> str:
    """A day in words: ``Friday, November 20, 2026``."""
    return date_text(day, "full", locale)


# -- the volunteer's view --------------------------------------------------------------------


class PollDate(_Model):
    """One date of the poll, in words, with the volunteer's answer."""

    date: dt.date
    day: str = Field(description="weekday and date in words")
    time: str = Field(description="from and to, in words")
    kind: str = Field(description="the kind of session in words")
    away: bool = Field(description="the volunteer is away that day: not asked")
    answer: Answer | None = Field(description="yes, maybe, no, or null: no answer yet")
    answer_text: str = Field(description="the answer (or away) in words")


class VolunteerPoll(_Model):
    """A volunteer's view of a month's poll, in the page's language."""

    office: str
    name: str = Field(description="the volunteer's name")
    locale: str = Field(description="de or en")
    month: str | None = Field(description="YYYY-MM; null when no poll was ever opened")
    month_text: str
    open: bool = Field(description="answers are taken now")
    until: dt.date | None = Field(description="the last day answers are taken")
    status: str = Field(description="open until when, or why not, in words")
    dates: list[PollDate]


class PollAnswered(_Model):
    """What saving the answers did, and the poll after it."""

    saved: int = Field(ge=0, description="how many dates were answered")
    message: str
    poll: VolunteerPoll


class PollClosedError(RosterError):
    """The poll takes no answers now: after its deadline, closed, or never opened."""


def month_text(locale: str, month: Month) -> str:
    """A month in words: ``December 2026``."""
    return skeleton_text(month.first, "yMMMM", locale)


def _status(locale: str, entry: PollEntry | None, today: date) -> str:
    if entry is None:
        return say(locale, "poll_none")
    if entry.open_on(today):
        return say(locale, "poll_open_until", day=day_text(locale, entry.until))
    if entry.closed:
        return say(locale, "poll_closed")
    return say(locale, "poll_too_late", day=day_text(locale, entry.until))


def _view(
    data: OfficeData, volunteer: str, month: Month | None, locale: str, today: date
) -> VolunteerPoll:
    person = data.by_id()[volunteer]
    polls = read_polls(data.folder)
    entry = polls.of(month) if month is not None else polls.current(today)
    chosen = month or (Month.parse(entry.month) if entry is not None else None)
    dates: list[PollDate] = []
    if chosen is not None:
        fmt = Formatter(locale, data.office.zone, dict(data.office.languages))
        answers = data.availability.get(chosen, {})
        sessions = month_calendar(data.office, chosen, data.office.locale).sessions
        for day, kinds in session_days(data, chosen).items():
            on_day = sorted((s for s in sessions if s.date == day), key=lambda s: s.start)
            away = is_away(person, day)
            answer = answers.get((volunteer, day))
            dates.append(
                PollDate(
                    date=day,
                    day=fmt.day_full(day),
                    time=" · ".join(fmt.span(s.start, s.end) for s in on_day),
                    kind=" · ".join(say(locale, f"kind_{kind}") for kind in kinds),
                    away=away,
                    answer=None if away else answer,
                    answer_text=say(locale, f"poll_answer_{'away' if away else answer or 'none'}"),
                )
            )
    return VolunteerPoll(
        office=data.office.name,
        name=person.name,
        locale=locale,
        month=str(chosen) if chosen is not None else None,
        month_text=month_text(locale, chosen) if chosen is not None else "",
        open=entry is not None and entry.open_on(today),
        until=entry.until if entry is not None else None,
        status=_status(locale, entry, today),
        dates=dates,
    )


def _load(folder: Path, lang: str | None) -> OfficeData:
    """The office folder; a folder with problems gives the volunteer a plain sentence
    only (its problems may quote any file's content)."""
    try:
        with reading():
            return load_office(folder)
    except RosterError as exc:
        if type(exc) is not RosterError:
            raise
        raise RosterError(say(locale_of(lang or "de"), "poll_folder_problem")) from None


def _locale(data: OfficeData, lang: str | None) -> str:
    return locale_of(lang) if lang in ("de", "en") else data.office.locale


def volunteer_poll(
    folder: Path,
    volunteer: str,
    month: Month | str | None = None,
    *,
    lang: str | None = None,
    now: datetime | None = None,
) -> VolunteerPoll:
    """The poll of ``month`` (default: the open poll's month) as ``volunteer`` sees it:
    the dates in words, their saved answers, whether answers are taken now."""
    data = _load(Path(folder), lang)
    chosen = Month.parse(str(month)) if month is not None else None
    return _view(data, volunteer, chosen, _locale(data, lang), office_today(data.office, now))


def _checked(
    data: OfficeData, volunteer: str, month: Month, answers: Mapping[str, str | None], locale: str
) -> tuple[dict[date, Answer], list[Problem]]:
    """The answers given (date -> answer), and a problem per wrong one (field: the date)."""
    person = data.by_id()[volunteer]
    days = session_days(data, month)
    given: dict[date, Answer] = {}
    problems: list[Problem] = []
    for written, value in answers.items():
        if value is None or value == "":
            continue
        try:
            day: date | None = date.fromisoformat(written)
        except ValueError:
            day = None
        if day is None or day not in days:
            message = say(locale, "poll_not_a_date")
        elif value not in ANSWERS:
            message = say(locale, "poll_bad_answer")
        elif is_away(person, day):
            message = say(locale, "poll_away_day")
        else:
            given[day] = ANSWERS[ANSWERS.index(value)]
            continue
        problems.append(Problem("", None, written, message))
    return given, problems


def answer_poll(
    folder: Path,
    volunteer: str,
    month: Month | str,
    answers: Mapping[str, str | None],
    *,
    lang: str | None = None,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> PollAnswered:
    """Save ``volunteer``'s answers (date ``YYYY-MM-DD`` -> yes, maybe or no; a date left
    out or empty keeps its answer) to the poll of ``month``.

    :class:`PollClosedError` when the poll takes no answers now; :class:`RosterError`
    with a problem per wrong date (field: the date) and nothing written; a folder that
    would not be valid gives a plain sentence only (the volunteer sees no file's
    problems)."""
    folder = Path(folder)
    chosen = Month.parse(str(month))
    with writing(folder, COMMAND, wait=lock_wait):
        data = _load(folder, lang)
        locale = _locale(data, lang)
        today = office_today(data.office, now)
        entry = read_polls(folder).of(chosen)
        if entry is None or not entry.open_on(today):
            raise PollClosedError(_status(locale, entry, today))
        given, problems = _checked(data, volunteer, chosen, answers, locale)
        if problems:
            raise RosterError(say(locale, "poll_not_saved"), problems)
        current = dict(data.availability.get(chosen, {}))
        changed = {day: a for day, a in given.items() if current.get((volunteer, day)) != a}
        if changed:
            _write(data, volunteer, chosen, (current, changed, len(given)), locale, now, lock_wait)
            data = load_office(folder)
    view = _view(data, volunteer, chosen, locale, today)
    message = plural(locale, "volunteer.poll_saved", len(given))
    return PollAnswered(saved=len(given), message=message, poll=view)


def _write(
    data: OfficeData,
    volunteer: str,
    month: Month,
    change: tuple[dict[tuple[str, date], Answer], Mapping[date, Answer], int],
    locale: str,
    now: datetime | None,
    lock_wait: float | None,
) -> None:
    """Write the poll file with the changed answers (the folder lock is held); the change
    line counts the dates answered."""
    current, changed, count = change
    folder = data.folder
    office_locale = data.office.locale
    for day, answer in changed.items():
        current[(volunteer, day)] = answer
    try:
        save_files(
            folder,
            poll_files(data, month, current),
            who=volunteer,
            key=f"volunteer.poll_answered_{plural_form(office_locale, count)}",
            month=month,
            now=now,
            lock_wait=lock_wait,
            locale=office_locale,
            count=count,
            month_name=month_text(office_locale, month),
        )
    except RosterError as exc:
        if type(exc) is not RosterError:
            raise  # the folder is busy: the caller's plain "try again"
        raise RosterError(say(locale, "poll_folder_problem")) from None
