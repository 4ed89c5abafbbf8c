"""The dependencies every route takes (FastAPI ``Depends``): the app's settings, the
logged-in lead, the CSRF check.

:func:`roster.web.create_app` puts :func:`current_lead` and then :func:`require_csrf` on
every router of the lead's pages and API, and :func:`require_csrf` alone on the login
routes: no route can forget them. A route that needs the lead takes ``lead: LeadDep``
(FastAPI runs the dependency once per request).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from roster.app import Lead, lead_of
from roster.web.errors import NotLoggedInError, RefusedError
from roster.web.security import SAFE_METHODS, check_origin, check_token
from roster.web.sessions import current_session, end_session, settings_of, touch_session
from roster.web.settings import WebSettings


def web_settings(request: Request) -> WebSettings:
    """The app's settings and in-memory state."""
    return settings_of(request)


def current_lead(request: Request) -> Lead:
    """The logged-in lead; :class:`NotLoggedInError` without a session, or when her account
    is gone or her password changed since (then the cookie is deleted too)."""
    session = current_session(request)
    if session is None or session.account is None or session.epoch is None:
        raise NotLoggedInError
    lead = lead_of(settings_of(request).folder, session.account, session.epoch)
    if lead is None:
        end_session(request)
        raise NotLoggedInError
    touch_session(request)
    request.state.lead = lead
    return lead


async def require_csrf(request: Request) -> None:
    """For POST, PUT, PATCH and DELETE: refuse (403) a request from another site or
    without its session's token. Safe methods pass."""
    if request.method in SAFE_METHODS:
        return
    if not check_origin(request) or not await check_token(request):
        raise RefusedError(403, "csrf_refused")


SettingsDep = Annotated[WebSettings, Depends(web_settings)]
LeadDep = Annotated[Lead, Depends(current_lead)]
