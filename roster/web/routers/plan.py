"""The plan page: ``/plan/{month}`` (the month's plan, or the progress of its planning),
``POST /plan/{month}`` (plan it, in the background), ``POST /plan/{month}/cancel``,
``/plan/{month}/progress`` (the progress alone, which htmx polls every second), and the
API: ``POST /api/months/{month}/plan`` (start, 202), ``GET`` and ``DELETE
/api/months/{month}/plan/job`` (progress, cancel), ``GET /api/months/{month}/plan``.

Planning runs in a process of its own (:mod:`roster.app.plan_jobs`), never in a
request's thread; the page and the API call the same application functions. Without
JavaScript the page reloads itself every two seconds while the planning runs.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Body, Form, Path, Request
from pydantic import BaseModel, Field
from starlette.responses import RedirectResponse, Response

from roster.app.plan_jobs import (
    PlanJob,
    PlanningRunningError,
    cancel_planning,
    planning_job,
    start_planning,
)
from roster.app.plan_view import PlanView, plan_page
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.web.deps import LeadDep, SettingsDep
from roster.web.errors import RefusedError, answer, roster_error_fields
from roster.web.pages import render

PLAN_MONTH = r"^2\d{3}-(0[1-9]|1[0-2])$"
"""A month of the years 2000 to 2999 (every date of it exists, and its neighbours)."""
MonthPath = Annotated[str, Path(pattern=PLAN_MONTH, description="the month, YYYY-MM")]

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["plan"])


class StartPlanning(BaseModel):
    """Planning a month."""

    thoroughness: Literal["quick", "thorough"] = Field(
        default="quick", description="quick: at most 10 seconds; thorough: at most 60 seconds"
    )


def _page(
    request: Request,
    view: PlanView,
    *,
    status: int = 200,
    message: str | None = None,
    errors: dict[str, str] | None = None,
    thoroughness: str = "quick",
) -> Response:
    return render(
        request,
        "plan.html.j2",
        status=status,
        month=Month.parse(view.month),
        active="plan",
        view=view,
        running=view.job is not None and view.job.state == "running",
        message=message,
        errors=errors or {},
        thoroughness=thoroughness,
    )


@pages.get("/plan/{month}")
def plan_month_page(request: Request, settings: SettingsDep, month: MonthPath) -> Response:
    """The month's plan, or how its planning goes."""
    return _page(request, plan_page(settings.folder, month, now=settings.clock()))


@pages.post("/plan/{month}")
def plan_start(
    request: Request,
    settings: SettingsDep,
    lead: LeadDep,
    month: MonthPath,
    thoroughness: Annotated[str, Form(max_length=20)] = "quick",
) -> Response:
    """Start planning the month; back to the page, which shows the progress."""
    try:
        start_planning(
            settings.folder,
            month,
            who=lead.id,
            clock=settings.clock,
            thoroughness=thoroughness,
            lock_wait=settings.lock_wait,
        )
    except PlanningRunningError as exc:
        view = plan_page(settings.folder, month, now=settings.clock())
        return _page(request, view, status=409, message=exc.message)
    except RosterError as exc:
        fields = {item["field"]: item["message"] for item in roster_error_fields(exc)}
        if "thoroughness" not in fields:
            raise
        view = plan_page(settings.folder, month, now=settings.clock())
        return _page(request, view, status=422, message=exc.message, errors=fields)
    return RedirectResponse(f"/plan/{month}", status_code=303)


@pages.post("/plan/{month}/cancel")
def plan_cancel(settings: SettingsDep, month: MonthPath) -> Response:
    """Cancel the month's planning; back to the page."""
    cancel_planning(settings.folder, month)
    return RedirectResponse(f"/plan/{month}", status_code=303)


@pages.get("/plan/{month}/progress")
def plan_progress(request: Request, settings: SettingsDep, month: MonthPath) -> Response:
    """The progress part of the page alone. Once the planning has ended it asks htmx to
    reload the whole page (``HX-Refresh``), which then shows the plan."""
    job = planning_job(settings.folder, month)
    fragment = render(request, "plan_progress.html.j2", month=Month.parse(month), job=job)
    if job is None or job.state != "running":
        fragment.headers["HX-Refresh"] = "true"
    return fragment


@api.post("/months/{month}/plan", status_code=202, response_model=PlanJob)
def api_start(
    request: Request,
    response: Response,
    settings: SettingsDep,
    lead: LeadDep,
    month: MonthPath,
    body: Annotated[StartPlanning | None, Body()] = None,
) -> PlanJob | Response:
    """Start planning the month in the background (202); follow it at
    ``/api/months/{month}/plan/job``. 409 while a planning of the office runs; 422 when
    the office folder has problems (listed in ``errors``)."""
    chosen = body or StartPlanning()
    try:
        job = start_planning(
            settings.folder,
            month,
            who=lead.id,
            clock=settings.clock,
            thoroughness=chosen.thoroughness,
            lock_wait=settings.lock_wait,
        )
    except PlanningRunningError as exc:
        return answer(request, 409, exc.message)
    response.headers["Location"] = f"/api/months/{month}/plan/job"
    return job


@api.get("/months/{month}/plan/job")
def api_job(settings: SettingsDep, month: MonthPath) -> PlanJob:
    """The month's planning job: running (seconds so far, best penalty, bound) or how it
    ended. 404 when none was started for the month (or a later one for another month)."""
    job = planning_job(settings.folder, month)
    if job is None:
        raise RefusedError(404, "plan_no_job")
    return job


@api.delete("/months/{month}/plan/job")
def api_cancel(settings: SettingsDep, month: MonthPath) -> PlanJob:
    """Cancel the month's planning: the plan stays as it was (state ``cancelled``). A
    job that has already ended is returned as it is; 404 when there is none."""
    job = cancel_planning(settings.folder, month)
    if job is None:
        raise RefusedError(404, "plan_no_job")
    return job


@api.get("/months/{month}/plan")
def api_plan(settings: SettingsDep, month: MonthPath) -> PlanView:
    """The month's plan: each session with its people by name and what they do, the
    gaps with why nobody took them, the appointments left out with their reasons, the
    fairness figure and the duties per person; and the month's planning job."""
    return plan_page(settings.folder, month, now=settings.clock())
