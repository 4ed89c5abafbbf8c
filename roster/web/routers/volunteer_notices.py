"""A volunteer's own e-mail switches (issue 16), behind their personal link. No lead's
login: each route checks the volunteer's page token (:mod:`roster.web.volunteer_deps`);
an unknown or revoked token gets the 404 of any unknown address.

``GET /p/{token}/messages`` shows whether the office sends e-mails, the address the office
has for them (only theirs) and one yes/no switch per kind of message;
``POST /p/{token}/messages`` saves a plain form (one radio group ``s.<switch>`` per
switch, ``on`` or ``off``; a switch left out keeps its value) and redirects back to the
page ("Saved."). The API ``GET``/``PUT /api/p/{token}/messages`` does the same with JSON.
Both call :mod:`roster.app.notify.preferences`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request
from pydantic import BaseModel, Field
from starlette.responses import HTMLResponse, RedirectResponse, Response

from roster.app.notify.preferences import (
    SWITCHES,
    Switch,
    VolunteerSwitches,
    kinds_of,
    set_preferences,
    volunteer_switches,
)
from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError
from roster.web.pages import ENV
from roster.web.sessions import settings_of
from roster.web.settings import WebSettings
from roster.web.volunteer_deps import Visitor, VisitorDep, check_page_csrf, page_csrf
from roster.wording.catalogue import text

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/p", tags=["volunteer"])

FIELD_PREFIX = "s."
"""The form field of a switch: ``s.<switch>`` with ``on`` or ``off``."""
LANGUAGES = (("de", "Deutsch"), ("en", "English"))
"""The language switch: each language named in itself."""
LangQuery = Annotated[str | None, Query(max_length=5)]


class SwitchesOut(BaseModel):
    """The volunteer's switches, and the token their changes must carry."""

    switches: VolunteerSwitches
    csrf_token: str = Field(description="send it as the X-CSRF-Token header of a change")


class SwitchesIn(BaseModel):
    """The switches to set: switch -> on (true) or off (false); one left out keeps its
    value."""

    switches: dict[Switch, bool] = Field(
        description="reminder, change, poll, gap_alert (digest: leads only) -> on or off"
    )


def _lang(value: str | None) -> str | None:
    return value if value in ("de", "en") else None


def _view(settings: WebSettings, visitor: Visitor, lang: str | None) -> VolunteerSwitches:
    return volunteer_switches(
        settings.folder, visitor.volunteer, lang=_lang(lang), now=settings.clock()
    )


def _page(
    token: str,
    view: VolunteerSwitches,
    csrf_token: str,
    *,
    status: int = 200,
    saved: bool = False,
    message: str | None = None,
) -> Response:
    locale = view.locale

    def t(key: str, /, **values: object) -> str:
        return text(locale, f"volunteer.{key}", **values)

    page = ENV.get_template("volunteer_notices.html.j2").render(
        t=t,
        locale=locale,
        languages=LANGUAGES,
        view=view,
        token=token,
        csrf_token=csrf_token,
        saved=saved,
        message=message,
    )
    return HTMLResponse(page, status_code=status)


def _save(
    settings: WebSettings,
    visitor: Visitor,
    view: VolunteerSwitches,
    chosen: Mapping[str, bool],
) -> None:
    """Set the switches ``chosen`` (the others keep their value); RosterError as
    :func:`set_preferences` raises it."""
    own: dict[str, bool] = {item.key: item.on for item in view.switches}
    if not set(chosen) <= set(own):
        raise RosterError(text(view.locale, "volunteer.notices_not_yours"))
    merged = {**own, **chosen}
    off = kinds_of(key for key, on in merged.items() if not on)
    set_preferences(
        settings.folder,
        visitor.volunteer,
        sorted(off),
        now=settings.clock(),
        lock_wait=settings.lock_wait,
        locale=view.locale,
    )


def _chosen(form: Any, locale: str) -> dict[str, bool]:
    chosen: dict[str, bool] = {}
    for name, value in form.multi_items():
        if not name.startswith(FIELD_PREFIX):
            continue
        key = name.removeprefix(FIELD_PREFIX)
        if key not in SWITCHES or value not in ("on", "off"):
            raise RosterError(text(locale, "volunteer.notices_bad_choice"))
        chosen[key] = value == "on"
    return chosen


@pages.get("/p/{token}/messages")
def messages_page(
    request: Request,
    token: str,
    visitor: VisitorDep,
    lang: LangQuery = None,
    saved: Annotated[int | None, Query(ge=0, le=1)] = None,
) -> Response:
    """The volunteer's e-mail switches."""
    settings = settings_of(request)
    view = _view(settings, visitor, lang)
    return _page(token, view, page_csrf(settings, visitor), saved=bool(saved))


@pages.post("/p/{token}/messages")
async def messages_save(request: Request, token: str, visitor: VisitorDep) -> Response:
    """Save the form's switches; back to the page (303) with "Saved."."""
    await check_page_csrf(request, visitor)
    settings = settings_of(request)
    form = await request.form()
    lang = _lang(str(form.get("lang") or "")) or None
    view = _view(settings, visitor, lang)
    csrf = page_csrf(settings, visitor)
    try:
        _save(settings, visitor, view, _chosen(form, view.locale))
    except FolderBusyError:
        return _page(token, view, csrf, status=409, message=text(view.locale, "web.busy"))
    except RosterError as exc:
        return _page(token, view, csrf, status=422, message=exc.message)
    target = f"/p/{token}/messages?saved=1"
    if lang:
        target += f"&lang={lang}"
    return RedirectResponse(target, status_code=303)


@api.get("/{token}/messages")
def messages_api(request: Request, visitor: VisitorDep, lang: LangQuery = None) -> SwitchesOut:
    """The volunteer's switches, and the CSRF token."""
    settings = settings_of(request)
    view = _view(settings, visitor, lang)
    return SwitchesOut(switches=view, csrf_token=page_csrf(settings, visitor))


@api.put("/{token}/messages")
async def messages_api_save(
    request: Request,
    visitor: VisitorDep,
    body: Annotated[SwitchesIn, Body()],
    lang: LangQuery = None,
) -> VolunteerSwitches:
    """Set the switches (header ``X-CSRF-Token``: the page's token); the switches now.
    422 for a switch that is not theirs (the digest of a non-lead), nothing written."""
    await check_page_csrf(request, visitor)
    settings = settings_of(request)
    view = _view(settings, visitor, lang)
    _save(settings, visitor, view, {str(key): on for key, on in body.switches.items()})
    return _view(settings, visitor, lang)
