"""The month's overview: the home page ``/``, ``/month/{YYYY-MM}`` and
``GET /api/months/{month}/overview``, all three from one application function,
:func:`roster.app.month_overview`. This is the pattern every page follows: the page and
its API call the same function; the page renders its result, the API returns it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import RedirectResponse, Response

from roster.app import MonthOverview, month_overview
from roster.domain.month import Month
from roster.web.deps import SettingsDep
from roster.web.pages import render

MONTH_PATTERN = r"^2\d{3}-(0[1-9]|1[0-2])$"
"""A month from 2000-01 to 2999-12 (earlier years have no calendar to show)."""
MonthPath = Annotated[str, Path(pattern=MONTH_PATTERN, description="the month, YYYY-MM")]

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/months", tags=["months"])


def _page(request: Request, overview: MonthOverview) -> Response:
    return render(
        request,
        "month.html.j2",
        month=Month.parse(overview.month),
        active="month",
        overview=overview,
    )


@pages.get("/")
def home(request: Request, settings: SettingsDep) -> Response:
    """The overview of the month to plan next."""
    return _page(request, month_overview(settings.folder, None, now=settings.clock()))


@pages.get("/month")
def choose_month(
    month: Annotated[str, Query(pattern=MONTH_PATTERN, description="the month, YYYY-MM")],
) -> Response:
    """The header's month switcher (a form without JavaScript): to that month's page."""
    return RedirectResponse(f"/month/{month}", status_code=303)


@pages.get("/month/{month}")
def month_page(request: Request, settings: SettingsDep, month: MonthPath) -> Response:
    """The overview of one month."""
    return _page(request, month_overview(settings.folder, month, now=settings.clock()))


@api.get("/{month}/overview")
def overview(settings: SettingsDep, month: MonthPath) -> MonthOverview:
    """The month at a glance: sessions and their staffing, poll answers, closed dates,
    the team meeting and the next step, in the office's language."""
    return month_overview(settings.folder, month, now=settings.clock())
