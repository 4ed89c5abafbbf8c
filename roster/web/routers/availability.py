"""The Availability page ``/availability/{month}`` and its API
``/api/months/{month}/availability``: the month's poll as a grid of volunteers and
session dates, editable by the lead.

All of them call :mod:`roster.app.availability`: :func:`availability_grid` to show it,
:func:`save_availability` to change it. Without JavaScript the page's form saves the
whole grid (POST, then a redirect back to the page); with htmx, changing one cell posts
that cell alone to ``/availability/{month}/{volunteer}/{date}``, which answers the cell,
updated. The form fields of the cells are named ``a.<volunteer>.<date>``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field
from starlette.datastructures import FormData
from starlette.responses import RedirectResponse, Response

from roster.app.availability import (
    AvailabilityGrid,
    AvailabilitySaved,
    PollCell,
    PollRow,
    availability_grid,
    save_availability,
    saved_text,
)
from roster.app.poll_admin import poll_status
from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError
from roster.domain.month import Month
from roster.domain.requests import Answer
from roster.web.deps import LeadDep, SettingsDep
from roster.web.errors import failure, roster_error_fields
from roster.web.pages import office_of, render, words
from roster.web.routers.month import MonthPath
from roster.web.sessions import settings_of

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["availability"])

FIELD_PREFIX = "a."
"""The form field of a cell: ``a.<volunteer>.<date>``."""
VolunteerPath = Annotated[str, Path(max_length=64, description="the volunteer's id")]
DatePath = Annotated[str, Path(max_length=32, description="the date, YYYY-MM-DD")]
AnswerText = Annotated[str | None, Field(max_length=32)]


class CellIn(BaseModel):
    """One answer."""

    answer: AnswerText = Field(
        default=None, description="yes, maybe, no, or null (or empty) for no answer"
    )


class CellOut(BaseModel):
    """One cell after saving."""

    volunteer: str
    name: str
    date: dt.date
    answer: Answer | None
    away: bool
    text: str = Field(description="the answer in words")
    changed: int = Field(ge=0, le=1, description="1 if the answer changed")


def field_name(volunteer: str, day: str) -> str:
    """The form field of one cell."""
    return f"{FIELD_PREFIX}{volunteer}.{day}"


def _cells_of(form: FormData) -> dict[str, dict[str, str | None]]:
    """The cells of a submitted grid: volunteer -> date -> answer."""
    cells: dict[str, dict[str, str | None]] = {}
    for name, value in form.multi_items():
        if not name.startswith(FIELD_PREFIX) or not isinstance(value, str):
            continue
        volunteer, _, day = name.removeprefix(FIELD_PREFIX).rpartition(".")
        cells.setdefault(volunteer, {})[day] = value
    return cells


def _chosen(cells: Mapping[str, Mapping[str, str | None]]) -> dict[str, str]:
    """The answers the lead chose, by field name: shown again when the save failed."""
    return {
        field_name(volunteer, day): value or ""
        for volunteer, row in cells.items()
        for day, value in row.items()
    }


def availability_response(
    request: Request,
    grid: AvailabilityGrid,
    *,
    status: int = 200,
    notice: str | None = None,
    message: str | None = None,
    errors: Mapping[str, str] | None = None,
    chosen: Mapping[str, str] | None = None,
    poll_error: str | None = None,
) -> Response:
    settings = settings_of(request)
    return render(
        request,
        "availability.html.j2",
        status=status,
        month=Month.parse(grid.month),
        active="availability",
        grid=grid,
        poll=poll_status(settings.folder, grid.month, now=settings.clock()),
        poll_error=poll_error,
        notice=notice,
        message=message,
        errors=dict(errors or {}),
        chosen=dict(chosen or {}),
        saved_cell=None,
    )


def _failed(
    request: Request,
    settings: SettingsDep,
    month: str,
    exc: RosterError,
    cells: Mapping[str, Mapping[str, str | None]],
) -> Response:
    """The page again after a failed save: the message, the problems at their cells, the
    lead's choices kept."""
    grid = availability_grid(settings.folder, month, now=settings.clock())
    status, message = failure(request, exc)
    errors = {FIELD_PREFIX + item["field"]: item["message"] for item in roster_error_fields(exc)}
    return availability_response(
        request, grid, status=status, message=message, errors=errors, chosen=_chosen(cells)
    )


@pages.get("/availability/{month}")
def availability_page(
    request: Request,
    settings: SettingsDep,
    month: MonthPath,
    saved: Annotated[int | None, Query(ge=0, le=100_000)] = None,
    poll: Annotated[str | None, Query(pattern="^(opened|closed)$")] = None,
) -> Response:
    """The month's availability grid, with the state of its poll."""
    grid = availability_grid(settings.folder, month, now=settings.clock())
    notice = None if saved is None else saved_text(grid.locale, saved)
    if poll is not None:
        notice = poll_status(settings.folder, month, now=settings.clock()).text
    return availability_response(request, grid, notice=notice)


@pages.post("/availability/{month}")
async def availability_save(
    request: Request, settings: SettingsDep, lead: LeadDep, month: MonthPath
) -> Response:
    """Save the whole grid (the page's form); back to the page."""
    cells = _cells_of(await request.form())
    try:
        result = save_availability(
            settings.folder,
            month,
            cells,
            who=lead.id,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except RosterError as exc:
        return _failed(request, settings, month, exc, cells)
    return RedirectResponse(f"/availability/{month}?saved={result.changed}", status_code=303)


def _cell_fragment(
    request: Request,
    grid: AvailabilityGrid,
    volunteer: str,
    day: str,
    *,
    error: str | None = None,
) -> Response:
    """One cell of the grid (for htmx), or the whole page when the grid lacks it."""
    found = _find(grid, volunteer, day)
    if found is None:
        return availability_response(request, grid, status=422, message=error)
    row, cell, label = found
    name = field_name(volunteer, day)
    return render(
        request,
        "availability_cell_fragment.html.j2",
        month=Month.parse(grid.month),
        grid=grid,
        row=row,
        cell=cell,
        label=label,
        errors={name: error} if error else {},
        chosen={},
        saved_cell=None if error else name,
    )


def _find(grid: AvailabilityGrid, volunteer: str, day: str) -> tuple[PollRow, PollCell, str] | None:
    """The row, the cell and the column's label of ``volunteer`` on ``day``."""
    try:
        wanted = dt.date.fromisoformat(day)
    except ValueError:
        return None
    found = grid.cell(volunteer, wanted)
    if found is None:
        return None
    label = next(column.label for column in grid.columns if column.date == wanted)
    return found[0], found[1], label


@pages.post("/availability/{month}/{volunteer}/{date}")
async def availability_cell(
    request: Request,
    settings: SettingsDep,
    lead: LeadDep,
    month: MonthPath,
    volunteer: VolunteerPath,
    date: DatePath,
) -> Response:
    """Save one cell (htmx: answers the cell; without htmx: back to the page)."""
    form = await request.form()
    value = form.get(field_name(volunteer, date), form.get("answer", ""))
    answer = value if isinstance(value, str) else ""
    htmx = request.headers.get("hx-request") == "true"
    try:
        result = save_availability(
            settings.folder,
            month,
            {volunteer: {date: answer}},
            who=lead.id,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except RosterError as exc:
        if not htmx:
            return _failed(request, settings, month, exc, {volunteer: {date: answer}})
        # htmx swaps only successful answers: the cell says what went wrong instead, and
        # shows the answer that is saved
        grid = availability_grid(settings.folder, month, now=settings.clock())
        fields = roster_error_fields(exc)
        if isinstance(exc, FolderBusyError):
            error = words(office_of(request).locale)("busy")
        else:
            error = fields[0]["message"] if fields else exc.message
        return _cell_fragment(request, grid, volunteer, date, error=error)
    if not htmx:
        return RedirectResponse(f"/availability/{month}?saved={result.changed}", status_code=303)
    return _cell_fragment(request, result.grid, volunteer, date)


@api.get("/months/{month}/availability")
def get_availability(settings: SettingsDep, month: MonthPath) -> AvailabilityGrid:
    """The month's availability grid: the session dates as columns, the team's volunteers
    as rows, each cell's answer (null: no answer) and whether the person is away."""
    return availability_grid(settings.folder, month, now=settings.clock())


@api.put("/months/{month}/availability")
def put_availability(
    settings: SettingsDep,
    lead: LeadDep,
    month: MonthPath,
    body: dict[str, dict[str, AnswerText]],
) -> AvailabilitySaved:
    """Set answers: ``{volunteer id: {YYYY-MM-DD: yes | maybe | no | null}}``. A cell left
    out keeps its answer. 422 with a problem per wrong cell (field
    ``<volunteer>.<date>``), and nothing is saved."""
    return save_availability(
        settings.folder,
        month,
        body,
        who=lead.id,
        now=settings.clock(),
        lock_wait=settings.lock_wait,
    )


@api.put("/months/{month}/availability/{volunteer}/{date}")
def put_cell(
    settings: SettingsDep,
    lead: LeadDep,
    month: MonthPath,
    volunteer: VolunteerPath,
    date: DatePath,
    body: CellIn,
) -> CellOut:
    """Set one answer (null: no answer)."""
    result = save_availability(
        settings.folder,
        month,
        {volunteer: {date: body.answer}},
        who=lead.id,
        now=settings.clock(),
        lock_wait=settings.lock_wait,
    )
    found = _find(result.grid, volunteer, date)
    if found is None:  # the save checked the cell: only a change of the team meanwhile
        raise HTTPException(status_code=404)
    row, cell, _ = found
    return CellOut(
        volunteer=volunteer,
        name=row.name,
        date=cell.date,
        answer=cell.answer,
        away=cell.away,
        text=cell.text,
        changed=result.changed,
    )
