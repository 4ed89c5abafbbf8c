"""The web app of the office lead: :func:`create_app` builds one ASGI application
(FastAPI) for an office folder.

It serves the lead's pages (server-rendered, Jinja2, working without JavaScript; htmx
where it helps), the JSON API under ``/api/`` (its OpenAPI document at
``/api/openapi.json``, for logged-in leads), the static files under ``/static/`` and the
calendar feeds at the very paths `roster serve` serves them (``/public.ics``,
``/<token>.ics``; 404 until the first publication). Every router of the lead's pages and
API requires a logged-in lead and the CSRF check (:mod:`roster.web.deps`); answers carry
the headers of :mod:`roster.web.security`; errors become plain answers
(:mod:`roster.web.errors`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.responses import JSONResponse
from starlette.routing import Route

from roster.app import feeds_for_web, session_key
from roster.app.plan_jobs import stop_all_jobs
from roster.web.deps import current_lead, require_csrf
from roster.web.errors import CatchAll, install_handlers
from roster.web.notify_schedule import start_schedule
from roster.web.routers import (
    account,
    adjust,
    appointments,
    auth,
    availability,
    changes,
    month,
    notices,
    plan,
    poll,
    publish,
    requests,
    team,
    volunteer,
    volunteer_duty,
    volunteer_notices,
    volunteer_poll,
)
from roster.web.security import SecurityHeaders
from roster.web.sessions import SessionMiddleware
from roster.web.settings import LOCK_WAIT_SECONDS, Clock, WebSettings

STATIC = Path(__file__).resolve().parent / "static"
LOGIN_ROUTERS: tuple[APIRouter, ...] = (auth.pages, auth.api)
"""The routers of logging in: the CSRF check, no login needed."""
LEAD_ROUTERS: tuple[APIRouter, ...] = (
    auth.api_logout,
    month.pages,
    month.api,
    account.pages,
    account.api,
    changes.pages,
    changes.api,
    team.pages,
    team.api,
    availability.pages,
    availability.api,
    poll.pages,
    poll.api,
    appointments.pages,
    appointments.api,
    plan.pages,
    plan.api,
    adjust.pages,
    adjust.api,
    publish.pages,
    publish.api,
    requests.pages,
    requests.api,
    notices.pages,
    notices.api,
)
"""The routers of the lead's pages and API: a logged-in lead, then the CSRF check. A new
area adds its ``pages`` and ``api`` here."""
VOLUNTEER_ROUTERS: tuple[APIRouter, ...] = (
    volunteer.pages,
    volunteer.api,
    volunteer_poll.pages,
    volunteer_poll.api,
    volunteer_duty.pages,
    volunteer_duty.api,
    volunteer_notices.pages,
    volunteer_notices.api,
)
"""The routers of the volunteers' own pages: no lead's login; each route checks the
volunteer's page token (and, for changes, its own CSRF check) itself."""


def _real_time() -> datetime:
    return datetime.now(UTC)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """When the app stops, planning jobs still running are cancelled (their processes
    end; the plans they would have written are not written). The schedule of the e-mails
    runs from the start to the stop (:mod:`roster.web.notify_schedule`)."""
    schedule = start_schedule(app)
    try:
        yield
    finally:
        await schedule.stop()
        stop_all_jobs()


def create_app(
    folder: Path,
    *,
    now: Clock | None = None,
    behind_proxy: bool = False,
    lock_wait: float = LOCK_WAIT_SECONDS,
) -> FastAPI:
    """The web app of the office folder ``folder``.

    ``now`` is the clock (default: the real time); ``behind_proxy`` trusts
    ``X-Forwarded-Proto`` and ``X-Forwarded-For`` (set it only behind a reverse proxy
    that sets them); ``lock_wait`` is how long a saving request waits for another run.
    The session secret is made on the first start (``web/session.key``).
    """
    folder = Path(folder)
    settings = WebSettings(
        folder=folder,
        clock=now or _real_time,
        session_key=session_key(folder),
        behind_proxy=behind_proxy,
        lock_wait=lock_wait,
    )
    app = FastAPI(
        title="roster: the office lead's web app",
        version="1",
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.web = settings
    install_handlers(app)

    login = [Depends(require_csrf)]
    lead = [Depends(current_lead), Depends(require_csrf)]
    for router in LOGIN_ROUTERS:
        app.include_router(router, dependencies=login)
    for router in LEAD_ROUTERS:
        app.include_router(router, dependencies=lead)
    for router in VOLUNTEER_ROUTERS:
        app.include_router(router)

    @app.get("/api/openapi.json", include_in_schema=False, dependencies=lead)
    def openapi() -> JSONResponse:
        """The OpenAPI document of the API."""
        document: dict[str, Any] = app.openapi()
        return JSONResponse(document)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    feeds = feeds_for_web(folder)
    app.router.routes.append(Route("/public.ics", feeds))
    app.router.routes.append(Route("/{token}.ics", feeds))

    # The last one added is the outermost: headers on every answer, then the 500 answer
    # for any failure, then the session cookie.
    app.add_middleware(SessionMiddleware)
    app.add_middleware(CatchAll)
    app.add_middleware(SecurityHeaders)
    return app
