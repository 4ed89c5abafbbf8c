"""The volunteers' requests that wait for a lead (issue 15: a step-in or a give-back when
the office asks the lead first): confirm or decline, from the month's overview
(``POST /requests/{id}/confirm`` and ``/decline``, back to the month) and in the API
(``GET /api/months/{month}/requests``, ``POST /api/requests/{id}/confirm`` and
``/decline``). Each calls one function of :mod:`roster.app.duty_requests`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path
from starlette.responses import RedirectResponse, Response

from roster.app.adjust_models import ChangeResult
from roster.app.duty_requests import (
    RequestLine,
    confirm_request,
    decline_request,
    pending_requests,
)
from roster.web.deps import LeadDep, SettingsDep
from roster.web.routers.month import MONTH_PATTERN, MonthPath

RequestPath = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,64}$", description="the request's id")]

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["requests"])


def _back(month: str) -> Response:
    return RedirectResponse(f"/month/{month}", status_code=303)


@pages.post("/requests/{request_id}/confirm")
def confirm_page(
    settings: SettingsDep,
    lead: LeadDep,
    request_id: RequestPath,
    month: Annotated[str, Form(pattern=MONTH_PATTERN)],
) -> Response:
    """Confirm a volunteer's request; back to the month's overview."""
    confirm_request(
        settings.folder, request_id, who=lead.id, now=settings.clock(), lock_wait=settings.lock_wait
    )
    return _back(month)


@pages.post("/requests/{request_id}/decline")
def decline_page(
    settings: SettingsDep,
    lead: LeadDep,
    request_id: RequestPath,
    month: Annotated[str, Form(pattern=MONTH_PATTERN)],
) -> Response:
    """Decline a volunteer's request; back to the month's overview."""
    decline_request(
        settings.folder, request_id, who=lead.id, now=settings.clock(), lock_wait=settings.lock_wait
    )
    return _back(month)


@api.get("/months/{month}/requests")
def requests_api(settings: SettingsDep, month: MonthPath) -> list[RequestLine]:
    """The month's requests waiting for a lead, in words."""
    return pending_requests(settings.folder, month=month)


@api.post("/requests/{request_id}/confirm")
def confirm_api(
    settings: SettingsDep, lead: LeadDep, request_id: RequestPath
) -> ChangeResult | None:
    """Confirm a request: a step-in is put in, a give-back's open place filled (the month
    is planned again with stability); what changed, if the plan changed."""
    return confirm_request(
        settings.folder, request_id, who=lead.id, now=settings.clock(), lock_wait=settings.lock_wait
    )


@api.post("/requests/{request_id}/decline", status_code=204)
def decline_api(settings: SettingsDep, lead: LeadDep, request_id: RequestPath) -> Response:
    """Decline a request (a give-back's absence and its open place stay: the lead plans)."""
    decline_request(
        settings.folder, request_id, who=lead.id, now=settings.clock(), lock_wait=settings.lock_wait
    )
    return Response(status_code=204)
