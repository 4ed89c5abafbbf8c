"""The month's appointment requests, for the office lead's Appointments pages and
``/api/months/{month}/appointments``: each request with its case reference, its language
and length in words, its window as dates in words, the wished counsellor by name and
whether (and when) the month's plan schedules it.

The confidential ``note`` of a request is in one model only, :class:`AppointmentDetail`,
which :func:`appointment_page` returns for the request's own page and its own JSON; the
list (:func:`appointment_list`) and everything else leave it out. Adding, changing and
cancelling requests is in :mod:`roster.app.appointment_edits`.

A request is named by its case reference and, when the same case has more than one
request in the month (a follow-up appointment), by its number among them (1, 2, ...), as
the plan numbers them (``A-2026-017#2``). In an address a ``/`` of a case reference is
written ``~`` (:func:`case_slug`).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Literal

from babel import Locale
from pydantic import BaseModel, ConfigDict, Field

from roster.app.appointment_checks import MAX_NOTE, MINUTES
from roster.app.availability import team_of
from roster.app.clock import month_or_next
from roster.app.guard import reading
from roster.domain.errors import RosterError
from roster.domain.languages import language_name
from roster.domain.month import Month
from roster.domain.office_data import Appointment, OfficeData
from roster.folder.load import load_office
from roster.planfile.io import plan_path, read_plan
from roster.planfile.schema import Plan
from roster.wording.catalogue import plural, text
from roster.wording.dates import date_text, skeleton_text, time_text

Status = Literal["scheduled", "unscheduled", "not_planned"]
SLASH = "~"
"""How an address writes the ``/`` of a case reference."""


class AppointmentNotFoundError(LookupError):
    """The month has no request with this case reference (and number)."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Choice(_Model):
    """One option of a choice in a form."""

    value: str
    text: str


class AppointmentItem(_Model):
    """One request, as the list shows it: no note."""

    case: str = Field(description="case reference")
    number: int = Field(ge=1, description="which request of this case in the month: 1, 2...")
    key: str = Field(description="the request's key in the plan, e.g. A-2026-017#1")
    href: str = Field(description="the address of the request's own page")
    language: str = Field(description="language code")
    language_text: str = Field(description="the language in words")
    minutes: int
    minutes_text: str = Field(description="the length in words")
    earliest: dt.date
    latest: dt.date
    window_text: str = Field(description="earliest to latest, in words")
    counsellor: str | None = Field(default=None, description="id of the wished counsellor")
    counsellor_text: str = Field(description="the wished counsellor by name, or 'anyone'")
    status: Status = Field(
        description="scheduled: the plan has it; unscheduled: the plan could not place it; "
        "not_planned: no plan yet, or the plan was made before the request"
    )
    status_text: str = Field(description="the status in words, with the date and time")
    scheduled_date: dt.date | None = None
    scheduled_start: str | None = Field(default=None, description="HH:MM, office time")
    scheduled_end: str | None = Field(default=None, description="HH:MM, office time")
    reasons: list[str] = Field(
        default_factory=list, description="why the plan could not place it, line by line"
    )


class AppointmentDetail(AppointmentItem):
    """One request with its confidential note: only for its own page and its own JSON."""

    note: str | None = Field(default=None, description="confidential note")
    again: bool = Field(description="the same case has another request this month")


class AppointmentList(_Model):
    """Everything the Appointments page and its API list."""

    office: str
    locale: str
    month: str
    month_text: str
    planned: bool = Field(description="the month has a plan")
    appointments: list[AppointmentItem]
    summary: str = Field(description="how many requests, in words")


class AppointmentForm(_Model):
    """What the form of a request offers."""

    month: str
    month_text: str
    first: dt.date = Field(description="the month's first day")
    last: dt.date = Field(description="the month's last day")
    longest: int = Field(description="minutes of the longest appointment hours (0: none)")
    max_minutes: int = Field(description="the longest a request may be, in minutes")
    team_languages: list[Choice] = Field(description="languages spoken in the team")
    languages: list[Choice] = Field(description="every language, by name")
    counsellors: list[Choice] = Field(description="who may keep a case, by name")
    max_note: int = Field(description="characters of a note, at most")


class AppointmentPage(_Model):
    """A request's own page: the request, its note, and the form to change it."""

    appointment: AppointmentDetail
    form: AppointmentForm


def _say(locale: str, key: str, /, **values: object) -> str:
    return text(locale, f"web.{key}", **values)


def case_slug(case: str) -> str:
    """The case reference as a part of an address (``/`` written ``~``)."""
    return case.replace("/", SLASH)


def slug_case(slug: str) -> str:
    """The case reference of an address's part."""
    return slug.replace(SLASH, "/")


def address(month: Month | str, case: str, number: int = 1) -> str:
    """The address of a request's own page."""
    base = f"/appointments/{month}/{case_slug(case)}"
    return base if number == 1 else f"{base}?number={number}"


def file_name(month: Month) -> str:
    """The month's appointments file in the office folder."""
    return f"appointments/{month}.yaml"


def plan_of(folder: Path, month: Month) -> Plan | None:
    """The month's plan, if there is one that can be read."""
    path = plan_path(folder, month)
    if not path.is_file():
        return None
    try:
        plan = read_plan(path)
    except RosterError:
        return None
    return plan if plan.month == str(month) else None


def _reasons(reason: str, data: OfficeData) -> list[str]:
    """The plan's reason, line by line, people by name only: the plan writes a person as
    ``Name (id)``, a page never shows an id."""
    for person in data.volunteers:
        reason = reason.replace(f"{person.name} ({person.id})", person.name)
    return [line.strip() for line in reason.splitlines() if line.strip()]


def _status(
    appointment: Appointment, plan: Plan | None, data: OfficeData
) -> tuple[Status, str, dict[str, object]]:
    locale = data.office.locale
    if plan is not None:
        for placed in plan.appointments:
            if placed.key == appointment.key:
                zone = data.office.zone
                start = time_text(placed.start, "HH:mm", locale, zone)
                end = time_text(placed.end, "HH:mm", locale, zone)
                when = _say(
                    locale,
                    "appointments_scheduled_at",
                    day=skeleton_text(placed.date, "MMMEd", locale),
                    time=_say(locale, "time_span", start=start, end=end),
                )
                facts = {"scheduled_date": placed.date, "scheduled_start": start}
                return "scheduled", when, facts | {"scheduled_end": end}
        for missed in plan.unscheduled:
            if missed.key == appointment.key:
                words = _say(locale, "appointments_unscheduled")
                return "unscheduled", words, {"reasons": _reasons(missed.reason, data)}
    return "not_planned", _say(locale, "appointments_not_planned"), {}


def _fields(
    appointment: Appointment, month: Month, plan: Plan | None, data: OfficeData
) -> dict[str, object]:
    locale = data.office.locale
    request = appointment.request
    people = data.by_id()
    counsellor = people.get(request.counsellor) if request.counsellor else None
    status, status_text, facts = _status(appointment, plan, data)
    return {
        "case": request.case,
        "number": appointment.number,
        "key": appointment.key,
        "href": address(month, request.case, appointment.number),
        "language": request.language,
        "language_text": language_name(request.language, locale, data.office.languages),
        "minutes": request.minutes,
        "minutes_text": plural(locale, "web.appointments_minutes", request.minutes),
        "earliest": request.earliest,
        "latest": request.latest,
        "window_text": _say(
            locale,
            "appointments_window",
            earliest=skeleton_text(request.earliest, "MMMd", locale),
            latest=skeleton_text(request.latest, "MMMd", locale),
        ),
        "counsellor": request.counsellor,
        "counsellor_text": counsellor.name if counsellor else _say(locale, "appointments_anyone"),
        "status": status,
        "status_text": status_text,
        **facts,
    }


def item_of(
    appointment: Appointment, month: Month, plan: Plan | None, data: OfficeData
) -> AppointmentItem:
    """A request as the list shows it."""
    return AppointmentItem.model_validate(_fields(appointment, month, plan, data))


def detail_of(
    appointment: Appointment, month: Month, plan: Plan | None, data: OfficeData
) -> AppointmentDetail:
    """A request with its note, for its own page."""
    again = sum(1 for other in data.appointments_of(month) if other.case == appointment.case) > 1
    fields = _fields(appointment, month, plan, data)
    return AppointmentDetail.model_validate(
        fields | {"note": appointment.request.note, "again": again}
    )


def find(data: OfficeData, month: Month, case: str, number: int = 1) -> tuple[int, Appointment]:
    """The place in the month's file and the request of ``case`` (its ``number``-th);
    :class:`AppointmentNotFoundError` when there is none."""
    for index, appointment in enumerate(data.appointments_of(month)):
        if appointment.case == case and appointment.number == number:
            return index, appointment
    raise AppointmentNotFoundError(case)


def _folded(name: str) -> str:
    """A name as it sorts: without accents, in any case (Ägyptisch beside Afar)."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(char for char in plain if not unicodedata.combining(char)).casefold()


@cache
def _all_languages(locale: str) -> tuple[tuple[str, str], ...]:
    names = Locale.parse(locale).languages
    pairs = {(code.replace("_", "-"), str(name)) for code, name in names.items()}
    return tuple(sorted(pairs, key=lambda pair: (_folded(pair[1]), pair[0])))


def form_of(data: OfficeData, month: Month, keep: str | None = None) -> AppointmentForm:
    """What the form offers for ``month``; ``keep``: a counsellor to offer even if she
    would not be offered any more (the request's own)."""
    locale = data.office.locale
    extra = data.office.languages
    spoken = {code for person in data.volunteers for code in person.languages}
    spoken |= {item.request.language for item in data.appointments_of(month)}
    team_languages = sorted(
        (Choice(value=code, text=language_name(code, locale, extra)) for code in spoken),
        key=lambda choice: (_folded(choice.text), choice.value),
    )
    every = dict(_all_languages(locale))
    every |= {code: language_name(code, locale, extra) for code in extra}
    languages = sorted(
        (Choice(value=code, text=name) for code, name in every.items()),
        key=lambda choice: (_folded(choice.text), choice.value),
    )
    people = [person for person in team_of(data, month) if person.counsels()]
    if keep and keep not in {person.id for person in people}:
        people += [person for person in data.volunteers if person.id == keep]
    counsellors = sorted(
        (Choice(value=person.id, text=person.name) for person in people),
        key=lambda choice: _folded(choice.text),
    )
    longest = max((rule.minutes for rule in data.office.appointment_rules()), default=0)
    return AppointmentForm(
        month=str(month),
        month_text=date_text(month.first, "LLLL yyyy", locale),
        first=month.first,
        last=month.last,
        longest=longest,
        max_minutes=min(MINUTES[1], longest) if longest else MINUTES[1],
        team_languages=team_languages,
        languages=languages,
        counsellors=counsellors,
        max_note=MAX_NOTE,
    )


def list_of(folder: Path, data: OfficeData, month: Month) -> AppointmentList:
    """The month's requests (no notes) from the loaded folder."""
    locale = data.office.locale
    plan = plan_of(folder, month)
    items = [item_of(item, month, plan, data) for item in data.appointments_of(month)]
    return AppointmentList(
        office=data.office.name,
        locale=locale,
        month=str(month),
        month_text=date_text(month.first, "LLLL yyyy", locale),
        planned=plan is not None,
        appointments=items,
        summary=plural(locale, "web.appointments_count", len(items)),
    )


def appointment_list(
    folder: Path, month: Month | str | None = None, *, now: datetime | None = None
) -> AppointmentList:
    """The requests of ``month`` (default: next month), without their notes."""
    folder = Path(folder)
    with reading():
        data = load_office(folder)
        chosen = month_or_next(data.office, month, now)
        return list_of(folder, data, chosen)


def appointment_page(
    folder: Path, month: Month | str, case: str, number: int = 1
) -> AppointmentPage:
    """One request with its note, and the form to change it;
    :class:`AppointmentNotFoundError` when the month has no such request."""
    folder = Path(folder)
    chosen = Month.parse(str(month))
    with reading():
        data = load_office(folder)
        _, appointment = find(data, chosen, case, number)
        plan = plan_of(folder, chosen)
    return AppointmentPage(
        appointment=detail_of(appointment, chosen, plan, data),
        form=form_of(data, chosen, appointment.request.counsellor),
    )


def new_appointment_form(folder: Path, month: Month | str) -> AppointmentForm:
    """What the form of a new request offers."""
    folder = Path(folder)
    with reading():
        data = load_office(folder)
    return form_of(data, Month.parse(str(month)))
