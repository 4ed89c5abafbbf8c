"""The lead's messages page (issue 16): ``/notices`` and ``GET /api/notices``, both from
:func:`roster.app.notify.messages_view.messages_view`; "Send now" as a plain form
(``POST /notices/send``, back to the page with the result) and as ``POST
/api/notices/send``, both from :func:`roster.app.notify.messages_view.send_now`.

A logged-in lead and the CSRF check, as every lead's router (:mod:`roster.web.main`).
Another run sending at that moment (the schedule, `roster notify` from cron): 409 and
nothing sent.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import RedirectResponse, Response

from roster.app.notify.messages_view import MessagesView, messages_view, send_now
from roster.app.notify.run import NotifyReport
from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError
from roster.web.deps import SettingsDep
from roster.web.errors import problem
from roster.web.notify_schedule import schedule_of
from roster.web.pages import office_of, render
from roster.web.settings import WebSettings
from roster.wording.catalogue import plural, text

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/notices", tags=["notices"])
Count = Annotated[int | None, Query(ge=0, le=100_000)]


def _view(request: Request, settings: WebSettings) -> MessagesView:
    schedule = schedule_of(request.app)
    state = schedule.status() if schedule is not None else None
    return messages_view(settings.folder, now=settings.clock(), schedule=state)


def _page(
    request: Request,
    settings: SettingsDep,
    *,
    status: int = 200,
    result: list[str] | None = None,
    error: str | None = None,
) -> Response:
    return render(
        request,
        "notices.html.j2",
        status=status,
        active="notices",
        view=_view(request, settings),
        result=result or [],
        error=error,
    )


def _result(locale: str, sent: int, failed: int) -> list[str]:
    lines: list[str] = []
    if sent:
        lines.append(plural(locale, "web.notices_result_sent", sent))
    if failed:
        lines.append(plural(locale, "web.notices_result_failed", failed))
    return lines or [text(locale, "web.notices_result_nothing")]


@pages.get("/notices")
def notices_page(
    request: Request, settings: SettingsDep, sent: Count = None, failed: Count = None
) -> Response:
    """The messages page; after "Send now", its result."""
    result = None
    if sent is not None or failed is not None:
        result = _result(office_of(request).locale, sent or 0, failed or 0)
    return _page(request, settings, result=result)


@pages.post("/notices/send")
def send_form(request: Request, settings: SettingsDep) -> Response:
    """Send what is due now; back to the page (303) with how many went out."""
    try:
        report = send_now(settings.folder, now=settings.clock())
    except FolderBusyError:
        busy = text(office_of(request).locale, "web.notices_busy")
        return _page(request, settings, status=409, error=busy)
    except RosterError as exc:
        return _page(request, settings, status=422, error=exc.message)
    failed = len(report.failed) + len(report.gave_up)
    return RedirectResponse(f"/notices?sent={len(report.sent)}&failed={failed}", status_code=303)


@api.get("")
def notices(request: Request, settings: SettingsDep) -> MessagesView:
    """Whether e-mail is set up, the schedule, what is due now (names and subjects),
    who has no e-mail address, what was sent lately and what was not, in the office's
    language."""
    return _view(request, settings)


@api.post("/send", response_model=NotifyReport)
def send(request: Request, settings: SettingsDep) -> NotifyReport | Response:
    """Send what is due now: what was sent, what failed and why (names and subjects).
    409 when another run is sending; 422 when e-mail is not set up."""
    try:
        return send_now(settings.folder, now=settings.clock())
    except FolderBusyError:
        busy = text(office_of(request).locale, "web.notices_busy")
        return problem(409, busy, busy)
