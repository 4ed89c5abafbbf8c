"""The volunteers' own pages, behind their personal links (``/p/<token>``), and their API.

These routes take no lead's login: each checks its page token itself
(:mod:`roster.web.volunteer_deps`, issue 15): an unknown or revoked token gets the 404 of
any unknown address. A change (making a new calendar link) needs the page's own CSRF
token. Each operation calls one application function; the page and its API call the same.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel, Field
from starlette.responses import HTMLResponse

from roster.app.volunteer_calendar import CalendarLink, new_calendar_link
from roster.app.volunteer_page import VolunteerPage, volunteer_page
from roster.web.pages import ENV
from roster.web.sessions import settings_of
from roster.web.volunteer_deps import VisitorDep, check_page_csrf, page_csrf
from roster.wording.catalogue import text

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/p", tags=["volunteer"])
# The volunteers' API is in the OpenAPI document too; it needs a page token in the path
# instead of the lead's login.

LANGUAGES = (("de", "Deutsch"), ("en", "English"))
"""The language switch: each language named in itself."""


class PageOut(BaseModel):
    """A volunteer's page, and the token their changes must carry."""

    page: VolunteerPage
    csrf_token: str = Field(description="send it as the X-CSRF-Token header of a change")


def _render(template: str, locale: str, **context: Any) -> HTMLResponse:
    def t(key: str, /, **values: object) -> str:
        return text(locale, f"volunteer.{key}", **values)

    def tw(key: str, /, **values: object) -> str:
        return text(locale, f"web.{key}", **values)

    page = ENV.get_template(template).render(
        t=t, tw=tw, locale=locale, languages=LANGUAGES, **context
    )
    return HTMLResponse(page)


def _lang(value: str | None) -> str | None:
    return value if value in ("de", "en") else None


@pages.get("/p/{token}")
def page(
    request: Request, token: str, visitor: VisitorDep, lang: str | None = None
) -> HTMLResponse:
    """The volunteer's page: their duties, the team meeting, what is open, their calendar."""
    settings = settings_of(request)
    found = volunteer_page(
        settings.folder,
        visitor.volunteer,
        lang=_lang(lang),
        now=settings.clock(),
        lock_wait=settings.lock_wait,
    )
    return _render(
        "volunteer.html.j2",
        found.locale,
        page=found,
        token=token,
        csrf_token=page_csrf(settings, visitor),
    )


@pages.post("/p/{token}/calendar")
async def calendar(
    request: Request, token: str, visitor: VisitorDep, lang: str | None = Form(None)
) -> HTMLResponse:
    """Make a new calendar link (the old one stops working) and show it once."""
    await check_page_csrf(request, visitor)
    settings = settings_of(request)
    chosen = _lang(lang)
    link = new_calendar_link(
        settings.folder,
        visitor.volunteer,
        lang=chosen,
        now=settings.clock(),
        lock_wait=settings.lock_wait,
    )
    return _render("volunteer_calendar.html.j2", link.locale, link=link, token=token)


@api.get("/{token}")
def page_api(request: Request, visitor: VisitorDep, lang: str | None = None) -> PageOut:
    """The volunteer's page as data, with the CSRF token for changes."""
    settings = settings_of(request)
    found = volunteer_page(
        settings.folder,
        visitor.volunteer,
        lang=_lang(lang),
        now=settings.clock(),
        lock_wait=settings.lock_wait,
    )
    return PageOut(page=found, csrf_token=page_csrf(settings, visitor))


@api.post("/{token}/calendar")
async def calendar_api(
    request: Request, visitor: VisitorDep, lang: str | None = None
) -> CalendarLink:
    """A new calendar link, shown once (header ``X-CSRF-Token``: the page's token)."""
    await check_page_csrf(request, visitor)
    settings = settings_of(request)
    return new_calendar_link(
        settings.folder,
        visitor.volunteer,
        lang=_lang(lang),
        now=settings.clock(),
        lock_wait=settings.lock_wait,
    )
