"""The lead opens and closes the month's poll on the volunteers' pages: the forms
``/poll/{month}/open`` and ``/poll/{month}/close`` of the Availability page, and the API
``/api/months/{month}/poll`` (its state), ``.../poll/open``, ``.../poll/close``. Each
calls :mod:`roster.app.poll_admin`, as `roster poll open/close` does."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from starlette.responses import RedirectResponse, Response

from roster.app.availability import availability_grid
from roster.app.poll_admin import PollStatus, close_poll, open_poll, poll_status
from roster.domain.errors import RosterError
from roster.web.deps import LeadDep, SettingsDep
from roster.web.errors import failure
from roster.web.routers.availability import availability_response
from roster.web.routers.month import MonthPath

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["availability"])


@pages.post("/poll/{month}/open")
async def poll_open_page(
    request: Request, settings: SettingsDep, lead: LeadDep, month: MonthPath
) -> Response:
    """Open the month's poll, or give it a new last day (the form's ``until``)."""
    form = await request.form()
    until = form.get("until", "")
    try:
        open_poll(
            settings.folder,
            month,
            until if isinstance(until, str) else "",
            now=settings.clock(),
            who=lead.id,
            lock_wait=settings.lock_wait,
        )
    except RosterError as exc:
        return _poll_failed(request, settings, month, exc)
    return RedirectResponse(f"/availability/{month}?poll=opened", status_code=303)


@pages.post("/poll/{month}/close")
def poll_close_page(
    request: Request, settings: SettingsDep, lead: LeadDep, month: MonthPath
) -> Response:
    """Close the month's poll (the answers stay)."""
    try:
        close_poll(
            settings.folder, month, now=settings.clock(), who=lead.id, lock_wait=settings.lock_wait
        )
    except RosterError as exc:
        return _poll_failed(request, settings, month, exc)
    return RedirectResponse(f"/availability/{month}?poll=closed", status_code=303)


def _poll_failed(request: Request, settings: SettingsDep, month: str, exc: RosterError) -> Response:
    """The page again, the problem next to the poll's last day (409 when busy)."""
    grid = availability_grid(settings.folder, month, now=settings.clock())
    status, message = failure(request, exc)
    return availability_response(request, grid, status=status, poll_error=message)


class PollIn(BaseModel):
    """The last day of a poll."""

    until: dt.date = Field(description="the last day volunteers can answer, YYYY-MM-DD")


@api.get("/months/{month}/poll")
def get_poll(settings: SettingsDep, month: MonthPath) -> PollStatus:
    """The state of the month's poll on the volunteers' pages."""
    return poll_status(settings.folder, month, now=settings.clock())


@api.post("/months/{month}/poll/open")
def post_poll_open(
    settings: SettingsDep, lead: LeadDep, month: MonthPath, body: PollIn
) -> PollStatus:
    """Open the month's poll until ``until`` (again: a new last day). 422 for a day in the
    past or a month without sessions."""
    open_poll(
        settings.folder,
        month,
        body.until,
        now=settings.clock(),
        who=lead.id,
        lock_wait=settings.lock_wait,
    )
    return poll_status(settings.folder, month, now=settings.clock())


@api.post("/months/{month}/poll/close")
def post_poll_close(settings: SettingsDep, lead: LeadDep, month: MonthPath) -> PollStatus:
    """Close the month's poll now (the answers stay). 422 when it was never opened."""
    close_poll(
        settings.folder, month, now=settings.clock(), who=lead.id, lock_wait=settings.lock_wait
    )
    return poll_status(settings.folder, month, now=settings.clock())
