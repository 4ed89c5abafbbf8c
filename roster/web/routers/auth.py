"""Logging in and out: the login page and ``POST /login``, ``POST /logout``; for the API
``GET /api/session`` (the CSRF token to log in with), ``POST /api/session`` (log in)
and ``DELETE /api/session`` (log out).

A login is slowed down per browser address and per user name
(:mod:`roster.web.throttle`): too many failures answer 429 "Too many attempts; try again
in N seconds" without checking the password. An unknown user name and a wrong password
get the very same answer. Logging in starts a new session (new id, new CSRF token).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from pydantic import BaseModel, Field
from starlette.responses import RedirectResponse, Response

from roster.app import Lead, check_login
from roster.web.deps import LeadDep, SettingsDep, current_lead
from roster.web.errors import NotLoggedInError, RefusedError
from roster.web.pages import office_of, render
from roster.web.sessions import Session, current_session, end_session, start_session
from roster.web.settings import WebSettings

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/session", tags=["session"])
api_logout = APIRouter(prefix="/api/session", tags=["session"])


class Credentials(BaseModel):
    """What logging in takes."""

    account: str = Field(max_length=200, description="the user name")
    password: str = Field(max_length=4096, description="the password")


class SessionInfo(BaseModel):
    """The session: whether a lead is logged in, and the token for changing requests."""

    logged_in: bool
    name: str | None = Field(default=None, description="the logged-in lead's name")
    csrf_token: str = Field(description="send it as the X-CSRF-Token header")


def _keys(settings: WebSettings, request: Request, account: str) -> tuple[str, str]:
    user = account.strip().lower()[:200]
    return f"address:{settings.client_address(request)}", f"account:{user}"


def _log_in(settings: WebSettings, request: Request, account: str, password: str) -> Lead:
    """The lead these credentials belong to; :class:`RefusedError` (429 or 401) otherwise."""
    keys = _keys(settings, request, account)
    wait = settings.throttle.wait(*keys)
    if wait:
        raise RefusedError(429, "login_throttled", count=wait, headers={"Retry-After": str(wait)})
    lead = check_login(settings.folder, account, password)
    if lead is None:
        settings.throttle.failed(*keys)
        raise RefusedError(401, "login_failed")
    settings.throttle.succeeded(*keys)
    start_session(request, Session.new(settings.seconds(), lead.id, lead.epoch))
    return lead


def _safe_next(target: str | None) -> str:
    """A page of this app to go to after logging in: a path, never another site."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


def _ensure_session(request: Request, settings: WebSettings) -> Session:
    """The request's session, or a new one (before logging in) for its CSRF token."""
    session = current_session(request)
    if session is None:
        session = start_session(request, Session.new(settings.seconds()))
    return session


@pages.get("/login")
def login_page(request: Request, settings: SettingsDep, next: str | None = None) -> Response:
    """The login form."""
    session = current_session(request)
    if session is not None and session.account is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    _ensure_session(request, settings)
    bye = request.query_params.get("bye") == "1"
    return render(
        request, "login.html.j2", next=_safe_next(next), message=None, account="", bye=bye
    )


@pages.post("/login")
def login_form(
    request: Request,
    settings: SettingsDep,
    account: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=4096)] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Log in from the form: to the page asked for, or the form again with the message."""
    try:
        _log_in(settings, request, account, password)
    except RefusedError as refused:
        message = refused.message(office_of(request).locale)
        page = render(
            request,
            "login.html.j2",
            status=refused.status,
            next=_safe_next(next),
            message=message,
            account=account,
            bye=False,
        )
        page.headers.update(refused.headers)
        return page
    return RedirectResponse(_safe_next(next), status_code=303)


@pages.post("/logout")
def logout_form(request: Request, lead: LeadDep) -> Response:
    """Log out; the login page says so."""
    del lead
    end_session(request)
    return RedirectResponse("/login?bye=1", status_code=303)


@api.get("")
def session_info(request: Request, settings: SettingsDep) -> SessionInfo:
    """Whether a lead is logged in, and the CSRF token to send with ``POST /api/session``
    (a session for it is started if there is none)."""
    session = _ensure_session(request, settings)
    if session.account is not None:
        try:
            lead = current_lead(request)
        except NotLoggedInError:  # an ended session is simply not logged in
            return SessionInfo(logged_in=False, csrf_token=session.csrf)
        return SessionInfo(logged_in=True, name=lead.name, csrf_token=session.csrf)
    return SessionInfo(logged_in=False, csrf_token=session.csrf)


@api.post("")
def log_in(request: Request, settings: SettingsDep, credentials: Credentials) -> SessionInfo:
    """Log in; the answer holds the new session's CSRF token."""
    lead = _log_in(settings, request, credentials.account, credentials.password)
    new: Session = request.state.session_new
    return SessionInfo(logged_in=True, name=lead.name, csrf_token=new.csrf)


@api_logout.delete("", status_code=204, dependencies=[Depends(current_lead)])
def log_out(request: Request) -> Response:
    """Log out: the session ends and its cookie is deleted."""
    end_session(request)
    return Response(status_code=204)
