"""The volunteers' own pages: stepping into a gap and giving a duty back (issue 15).

No lead's login: each route checks the volunteer's page token
(:mod:`roster.web.volunteer_deps`), and a change its page's CSRF token. The page and its
API call the same application function (:mod:`roster.app.volunteer_duties`). A change
made through a form ends with a redirect to a page that says what happened
(POST-redirect-GET); a refusal shows the page again with the reason (422), nothing
written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel, Field
from starlette.responses import HTMLResponse, RedirectResponse, Response

from roster.app.volunteer_duties import (
    DutyOutcome,
    StepInPage,
    give_back,
    step_in,
    step_in_page,
)
from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError
from roster.web.pages import ENV
from roster.web.sessions import settings_of
from roster.web.volunteer_deps import Visitor, VisitorDep, check_page_csrf, page_csrf
from roster.wording.catalogue import text
from roster.wording.dates import date_text

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/p", tags=["volunteer"])

LANGUAGES = (("de", "Deutsch"), ("en", "English"))
DONE = ("stepped_in", "step_in_asked", "given_back", "given_back_waiting")
"""What a redirect after a change may report."""


class StepInIn(BaseModel):
    """A step-in: the gap's date and the place, as the step-in page lists them."""

    date: dt.date
    role: str = Field(description="counsellor, interpreter or lead")
    language: str | None = None


class GiveBackIn(BaseModel):
    """A give-back: the date of the volunteer's duty."""

    date: dt.date


def _lang(value: str | None) -> str | None:
    return value if value in ("de", "en") else None


def _render(template: str, locale: str, status: int = 200, **context: Any) -> HTMLResponse:
    def t(key: str, /, **values: object) -> str:
        return text(locale, f"volunteer.{key}", **values)

    page = ENV.get_template(template).render(t=t, locale=locale, languages=LANGUAGES, **context)
    return HTMLResponse(page, status_code=status)


def _step_in_view(
    request: Request,
    token: str,
    visitor: Visitor,
    lang: str | None,
    *,
    status: int = 200,
    done: str | None = None,
    day: str | None = None,
    problem: str | None = None,
) -> HTMLResponse:
    settings = settings_of(request)
    found = step_in_page(settings.folder, visitor.volunteer, lang=lang, now=settings.clock())
    done = _done_text(found.locale, done, _day(day))
    return _render(
        "volunteer_duty.html.j2",
        found.locale,
        status,
        page=found,
        token=token,
        csrf_token=page_csrf(settings, visitor),
        done=done,
        problem=problem,
    )


def _day(value: str | None) -> dt.date | None:
    try:
        return None if value is None else dt.date.fromisoformat(value)
    except ValueError:
        return None


def _done_text(locale: str, done: str | None, day: dt.date | None) -> str | None:
    """What a change did, after the redirect (from the address: no data of the change)."""
    if done not in DONE or day is None:
        return None
    return text(locale, f"volunteer.duty_done_{done}", day=date_text(day, "full", locale))


@pages.get("/p/{token}/step-in")
def step_in_form(
    request: Request,
    token: str,
    visitor: VisitorDep,
    lang: str | None = None,
    done: str | None = None,
    date: str | None = None,
) -> HTMLResponse:
    """The open places the volunteer can take, each with an "I can step in" button; after
    a change, what it did."""
    return _step_in_view(request, token, visitor, _lang(lang), done=done, day=date)


def _again(page: str, lang: str | None, done: str, day: str) -> RedirectResponse:
    query = f"?done={done}&date={day}" + (f"&lang={lang}" if lang else "")
    return RedirectResponse(f"{page}{query}", status_code=303)


def _failed(exc: RosterError) -> str:
    if isinstance(exc, FolderBusyError):
        raise exc
    return exc.message


@pages.post("/p/{token}/step-in")
async def step_in_post(
    request: Request,
    token: str,
    visitor: VisitorDep,
    date: str = Form(""),
    role: str = Form(""),
    language: str | None = Form(None),
    lang: str | None = Form(None),
) -> Response:
    """Step into a gap (the page's form); back to the step-in page, which says what
    happened."""
    await check_page_csrf(request, visitor)
    settings = settings_of(request)
    chosen = _lang(lang)
    try:
        outcome = step_in(
            settings.folder,
            visitor.volunteer,
            date,
            role,
            language,
            lang=chosen,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except RosterError as exc:
        return _step_in_view(request, token, visitor, chosen, status=422, problem=_failed(exc))
    done = "stepped_in" if outcome.applied else "step_in_asked"
    return _again(f"/p/{token}/step-in", chosen, done, outcome.date.isoformat())


@pages.get("/p/{token}/give-back")
def give_back_form(
    request: Request,
    token: str,
    visitor: VisitorDep,
    date: str = "",
    lang: str | None = None,
    done: str | None = None,
) -> HTMLResponse:
    """The question before a give-back ("Do you really not come on ...?"); after it,
    what it did."""
    return _give_back_view(request, token, visitor, date, _lang(lang), done=done)


def _give_back_view(
    request: Request,
    token: str,
    visitor: Visitor,
    date: str,
    lang: str | None,
    *,
    status: int = 200,
    done: str | None = None,
    problem: str | None = None,
) -> HTMLResponse:
    settings = settings_of(request)
    found = step_in_page(settings.folder, visitor.volunteer, lang=lang, now=settings.clock())
    locale = found.locale
    day = _day(date)
    if day is None and problem is None:
        status, problem = 422, text(locale, "volunteer.duty_bad_date")
    return _render(
        "volunteer_duty_give_back.html.j2",
        locale,
        status,
        page=found,
        token=token,
        csrf_token=page_csrf(settings, visitor),
        date=None if day is None else day.isoformat(),
        day=None if day is None else date_text(day, "full", locale),
        replan=found.give_back_replans,
        done=_done_text(locale, done, day),
        problem=problem,
    )


@pages.post("/p/{token}/give-back")
async def give_back_post(
    request: Request,
    token: str,
    visitor: VisitorDep,
    date: str = Form(""),
    lang: str | None = Form(None),
) -> Response:
    """Give the duty on ``date`` back (the confirmation's form); then a page that says what
    happened."""
    await check_page_csrf(request, visitor)
    settings = settings_of(request)
    chosen = _lang(lang)
    try:
        outcome = give_back(
            settings.folder,
            visitor.volunteer,
            date,
            lang=chosen,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except RosterError as exc:
        return _give_back_view(
            request, token, visitor, date, chosen, status=422, problem=_failed(exc)
        )
    done = "given_back" if outcome.applied else "given_back_waiting"
    return _again(f"/p/{token}/give-back", chosen, done, outcome.date.isoformat())


@api.get("/{token}/step-in")
def step_in_api(request: Request, visitor: VisitorDep, lang: str | None = None) -> StepInPage:
    """The open places the volunteer can take, and their requests waiting."""
    settings = settings_of(request)
    return step_in_page(settings.folder, visitor.volunteer, lang=_lang(lang), now=settings.clock())


@api.post("/{token}/step-in")
async def step_in_post_api(
    request: Request, visitor: VisitorDep, body: StepInIn, lang: str | None = None
) -> DutyOutcome:
    """Step into a gap (header ``X-CSRF-Token``: the page's token); 422 with the reason
    when the checker does not accept it."""
    await check_page_csrf(request, visitor)
    settings = settings_of(request)
    return step_in(
        settings.folder,
        visitor.volunteer,
        body.date,
        body.role,
        body.language,
        lang=_lang(lang),
        now=settings.clock(),
        lock_wait=settings.lock_wait,
    )


@api.post("/{token}/give-back")
async def give_back_post_api(
    request: Request, visitor: VisitorDep, body: GiveBackIn, lang: str | None = None
) -> DutyOutcome:
    """Give a duty back (header ``X-CSRF-Token``: the page's token); 422 with the reason
    for a past date or a date that is not the volunteer's duty."""
    await check_page_csrf(request, visitor)
    settings = settings_of(request)
    return give_back(
        settings.folder,
        visitor.volunteer,
        body.date,
        lang=_lang(lang),
        now=settings.clock(),
        lock_wait=settings.lock_wait,
    )
