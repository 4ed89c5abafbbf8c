"""The Appointments pages and their API: the month's requests
(``/appointments/{month}``, ``GET /api/months/{month}/appointments``), a new request
(``/appointments/{month}/new``, ``POST``), a request's own page with its note
(``/appointments/{month}/{case}``, ``GET/PUT/DELETE /api/months/{month}/appointments/
{case}``) and cancelling one (a confirmation page, then ``POST .../cancel``).

Pages and API call the same functions of :mod:`roster.app.appointments` and
:mod:`roster.app.appointment_edits`. A request is addressed by its case reference (a
``/`` in it written ``~``) and, when its case has several requests this month, by
``?number=2``... The note is shown only on the request's own page and in its own JSON;
the list, the list's API and the answers of saving leave it out (every answer is
``Cache-Control: no-store``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from starlette.responses import RedirectResponse, Response

from roster.app.appointment_checks import MAX_NOTE, Draft
from roster.app.appointment_edits import add_appointment, cancel_appointment, change_appointment
from roster.app.appointments import (
    AppointmentDetail,
    AppointmentForm,
    AppointmentItem,
    address,
    appointment_list,
    appointment_page,
    case_slug,
    new_appointment_form,
    slug_case,
)
from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError
from roster.domain.month import Month
from roster.web.deps import LeadDep, SettingsDep
from roster.web.errors import roster_error_fields
from roster.web.pages import office_of, render, words
from roster.web.routers.appointment_api import CasePath, Number, api, or_404
from roster.web.routers.month import MonthPath

pages = APIRouter(include_in_schema=False)
__all__ = ["api", "pages"]

Text = Annotated[str, Form(max_length=200)]


def _draft(
    case: str,
    language: str,
    minutes: str,
    earliest: str,
    latest: str,
    counsellor: str,
    note: str,
    again: str,
) -> Draft:
    return Draft(
        case=case,
        language=language,
        minutes=minutes,
        earliest=earliest,
        latest=latest,
        counsellor=counsellor,
        note=note,
        again=again == "1",
    )


def _values(draft: Draft) -> dict[str, str]:
    """A draft as the form shows it again."""
    return {
        "case": draft.case,
        "language": draft.language,
        "minutes": draft.minutes,
        "earliest": draft.earliest,
        "latest": draft.latest,
        "counsellor": draft.counsellor,
        "note": draft.note,
        "again": "1" if draft.again else "",
    }


def _detail_values(item: AppointmentDetail) -> dict[str, str]:
    return {
        "case": item.case,
        "language": item.language,
        "minutes": str(item.minutes),
        "earliest": item.earliest.isoformat(),
        "latest": item.latest.isoformat(),
        "counsellor": item.counsellor or "",
        "note": item.note or "",
        "again": "1" if item.again else "",
    }


def _problems(request: Request, exc: RosterError) -> tuple[int, str, dict[str, str], list[str]]:
    """Status, message, the problems at their fields and the other problems."""
    if isinstance(exc, FolderBusyError):
        return 409, words(office_of(request).locale)("busy"), {}, []
    fields: dict[str, str] = {}
    others: list[str] = []
    for item in roster_error_fields(exc):
        if item["field"] in _FIELD_NAMES and item["field"] not in fields:
            fields[item["field"]] = item["message"]
        else:
            others.append(item["message"])
    others += [problem.message for problem in exc.problems if not problem.field]
    return 422, exc.message, fields, others


_FIELD_NAMES = frozenset(
    {"case", "language", "minutes", "earliest", "latest", "counsellor", "note", "again"}
)


# --- the list ------------------------------------------------------------------------


@pages.get("/appointments/{month}")
def appointments_page(
    request: Request,
    settings: SettingsDep,
    month: MonthPath,
    done: Annotated[str | None, Query(pattern="^(added|cancelled)$")] = None,
) -> Response:
    """The month's requests."""
    listed = appointment_list(settings.folder, month, now=settings.clock())
    notice = words(listed.locale)(f"appointments_{done}") if done else None
    return render(
        request,
        "appointments.html.j2",
        month=Month.parse(month),
        active="appointments",
        listed=listed,
        notice=notice,
    )


# --- a new request -------------------------------------------------------------------


def _new_page(
    request: Request,
    month: str,
    form: AppointmentForm,
    values: dict[str, str],
    *,
    status: int = 200,
    message: str | None = None,
    errors: dict[str, str] | None = None,
    others: list[str] | None = None,
) -> Response:
    return render(
        request,
        "appointments_new.html.j2",
        status=status,
        month=Month.parse(month),
        active="appointments",
        action=f"/appointments/{month}",
        form=form,
        values=values,
        message=message,
        errors=errors or {},
        others=others or [],
    )


@pages.get("/appointments/{month}/new")
def new_page(request: Request, settings: SettingsDep, month: MonthPath) -> Response:
    """The form of a new request (the window preset to the whole month)."""
    form = new_appointment_form(settings.folder, month)
    values = {"earliest": form.first.isoformat(), "latest": form.last.isoformat()}
    return _new_page(request, month, form, values)


@pages.post("/appointments/{month}")
def add_page(
    request: Request,
    settings: SettingsDep,
    lead: LeadDep,
    month: MonthPath,
    case: Text = "",
    language: Text = "",
    minutes: Text = "",
    earliest: Text = "",
    latest: Text = "",
    counsellor: Text = "",
    note: Annotated[str, Form(max_length=4 * MAX_NOTE)] = "",
    again: Text = "",
) -> Response:
    """Add the request of the form; back to the list."""
    draft = _draft(case, language, minutes, earliest, latest, counsellor, note, again)
    try:
        add_appointment(
            settings.folder,
            month,
            draft,
            who=lead.id,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except RosterError as exc:
        status, message, errors, others = _problems(request, exc)
        form = new_appointment_form(settings.folder, month)
        return _new_page(
            request,
            month,
            form,
            _values(draft),
            status=status,
            message=message,
            errors=errors,
            others=others,
        )
    return RedirectResponse(f"/appointments/{month}?done=added", status_code=303)


# --- one request ---------------------------------------------------------------------


@pages.get("/appointments/{month}/{case}")
def case_page(
    request: Request,
    settings: SettingsDep,
    month: MonthPath,
    case: CasePath,
    number: Number = 1,
    saved: Annotated[int | None, Query(ge=1, le=1)] = None,
) -> Response:
    """A request's own page: its place in the plan, and the form to change it, with its
    note."""
    found = or_404(lambda: appointment_page(settings.folder, month, slug_case(case), number))
    notice = words(office_of(request).locale)("appointments_saved")
    return _case_page(
        request,
        month,
        found.appointment,
        found.form,
        _detail_values(found.appointment),
        notice=notice if saved else None,
    )


def _case_page(
    request: Request,
    month: str,
    item: AppointmentDetail,
    form: AppointmentForm,
    values: dict[str, str],
    *,
    status: int = 200,
    notice: str | None = None,
    message: str | None = None,
    errors: dict[str, str] | None = None,
    others: list[str] | None = None,
) -> Response:
    return render(
        request,
        "appointments_case.html.j2",
        status=status,
        month=Month.parse(month),
        active="appointments",
        item=item,
        form=form,
        values=values,
        action=f"/appointments/{month}/{case_slug(item.case)}"
        + (f"?number={item.number}" if item.number > 1 else ""),
        cancel=f"/appointments/{month}/{case_slug(item.case)}/cancel"
        + (f"?number={item.number}" if item.number > 1 else ""),
        notice=notice,
        message=message,
        errors=errors or {},
        others=others or [],
    )


@pages.post("/appointments/{month}/{case}")
def save_page(
    request: Request,
    settings: SettingsDep,
    lead: LeadDep,
    month: MonthPath,
    case: CasePath,
    number: Number = 1,
    new_case: Annotated[str, Form(alias="case", max_length=200)] = "",
    language: Text = "",
    minutes: Text = "",
    earliest: Text = "",
    latest: Text = "",
    counsellor: Text = "",
    note: Annotated[str, Form(max_length=4 * MAX_NOTE)] = "",
    again: Text = "",
) -> Response:
    """Save the request's form; back to its own page."""
    draft = _draft(new_case, language, minutes, earliest, latest, counsellor, note, again)
    old = slug_case(case)
    try:
        saved = or_404(
            lambda: change_appointment(
                settings.folder,
                month,
                old,
                number,
                draft,
                who=lead.id,
                now=settings.clock(),
                lock_wait=settings.lock_wait,
            )
        )
    except RosterError as exc:
        status, message, errors, others = _problems(request, exc)
        found = or_404(lambda: appointment_page(settings.folder, month, old, number))
        return _case_page(
            request,
            month,
            found.appointment,
            found.form,
            _values(draft),
            status=status,
            message=message,
            errors=errors,
            others=others,
        )
    target = address(month, saved.case, saved.number)
    joiner = "&" if "?" in target else "?"
    return RedirectResponse(f"{target}{joiner}saved=1", status_code=303)


# --- cancelling ----------------------------------------------------------------------


@pages.get("/appointments/{month}/{case}/cancel")
def cancel_page(
    request: Request, settings: SettingsDep, month: MonthPath, case: CasePath, number: Number = 1
) -> Response:
    """Ask before a request is cancelled (no note on this page)."""
    found = or_404(lambda: appointment_page(settings.folder, month, slug_case(case), number))
    item = AppointmentItem.model_validate(found.appointment.model_dump(exclude={"note", "again"}))
    return _cancel_page(request, month, item)


def _cancel_page(
    request: Request, month: str, item: AppointmentItem, *, status: int = 200, message: str = ""
) -> Response:
    suffix = f"?number={item.number}" if item.number > 1 else ""
    return render(
        request,
        "appointments_cancel.html.j2",
        status=status,
        month=Month.parse(month),
        active="appointments",
        item=item,
        action=f"/appointments/{month}/{case_slug(item.case)}/cancel{suffix}",
        message=message,
    )


@pages.post("/appointments/{month}/{case}/cancel")
def cancel_request(
    request: Request,
    settings: SettingsDep,
    lead: LeadDep,
    month: MonthPath,
    case: CasePath,
    number: Number = 1,
) -> Response:
    """Cancel the request (after the confirmation page); back to the list."""
    try:
        or_404(
            lambda: cancel_appointment(
                settings.folder,
                month,
                slug_case(case),
                number,
                who=lead.id,
                now=settings.clock(),
                lock_wait=settings.lock_wait,
            )
        )
    except FolderBusyError:
        found = or_404(lambda: appointment_page(settings.folder, month, slug_case(case), number))
        item = AppointmentItem.model_validate(
            found.appointment.model_dump(exclude={"note", "again"})
        )
        busy = words(office_of(request).locale)("busy")
        return _cancel_page(request, month, item, status=409, message=busy)
    return RedirectResponse(f"/appointments/{month}?done=cancelled", status_code=303)
