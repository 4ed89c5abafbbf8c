"""Access to the volunteers' own pages: their page token instead of a lead's login.

:func:`page_visitor` (a FastAPI dependency on every route of
:mod:`roster.web.routers.volunteer`) finds the volunteer whose live page link the path's
``token`` is. An unknown, revoked or former volunteer's token gets exactly the 404 of
any unknown address. Guessing is throttled: failed lookups count per client address as
failed logins do (:class:`roster.web.throttle.LoginThrottle`: after five, 2, 4, 8 ...
seconds between tries, 429 with ``Retry-After``), and each token may open at most
:data:`TOKEN_REQUESTS` pages a minute. No token reaches a log line or the throttle's keys
(a token is known there by a prefix of its hash only).

A change (POST) needs :func:`check_page_csrf`: the browser must not say the request comes
from another site (:func:`roster.web.security.check_origin`), and it must carry the
page's CSRF token (form field ``csrf_token`` or header ``X-CSRF-Token``): the
HMAC-SHA256 of the page token's hash with the app's session key.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from starlette.exceptions import HTTPException

from roster.app.page_links import volunteer_of_token
from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError
from roster.domain.tokens import token_hash
from roster.web.errors import RefusedError
from roster.web.security import TOKEN_FIELD, TOKEN_HEADER, check_origin
from roster.web.sessions import settings_of
from roster.web.settings import WebSettings
from roster.web.throttle import LoginThrottle

TOKEN_REQUESTS = 60
"""How many requests one page token may make per :data:`WINDOW_SECONDS`."""
WINDOW_SECONDS = 60.0
MAX_TOKENS = 10_000


@dataclass(frozen=True)
class Visitor:
    """The volunteer whose page is asked for."""

    volunteer: str
    token_hash: str
    """SHA-256 of the page token (the token itself is kept nowhere)."""


class PageGuard:
    """The in-memory state of the page access of one web app: failed lookups per
    address, and recent requests per token."""

    def __init__(self, settings: WebSettings) -> None:
        self.failures = LoginThrottle(settings.seconds)
        self._seconds = settings.seconds
        self._recent: dict[str, list[float]] = {}

    def token_wait(self, key: str) -> int:
        """Seconds until the token may make another request (0: now); counts this one."""
        now = self._seconds()
        recent = [moment for moment in self._recent.pop(key, []) if now - moment < WINDOW_SECONDS]
        while len(self._recent) >= MAX_TOKENS:
            del self._recent[next(iter(self._recent))]
        if len(recent) >= TOKEN_REQUESTS:
            self._recent[key] = recent
            return max(1, math.ceil(recent[0] + WINDOW_SECONDS - now))
        self._recent[key] = [*recent, now]
        return 0


def page_guard(request: Request) -> PageGuard:
    """The app's page guard (made on first use)."""
    state = request.app.state
    guard: PageGuard | None = getattr(state, "volunteer_guard", None)
    if guard is None:
        guard = PageGuard(settings_of(request))
        state.volunteer_guard = guard
    return guard


def _too_many(wait: int) -> RefusedError:
    return RefusedError(429, "login_throttled", count=wait, headers={"Retry-After": str(wait)})


def page_visitor(request: Request, token: str) -> Visitor:
    """The volunteer of the page token ``token``; the 404 of an unknown address for an
    unknown or revoked token; 429 when this address failed too often, or this token asks
    too often."""
    settings = settings_of(request)
    guard = page_guard(request)
    address = f"address:{settings.client_address(request)}"
    wait = guard.failures.wait(address)
    if wait:
        raise _too_many(wait)
    hashed = token_hash(token)
    try:
        volunteer = volunteer_of_token(settings.folder, token, now=settings.clock())
    except FolderBusyError:
        raise
    except RosterError:
        # The office's files have a problem for the lead to put right: a volunteer sees a
        # plain sentence, never the problems (they name files and the folder's path).
        raise RefusedError(503, "page_unavailable") from None
    if volunteer is None:
        guard.failures.failed(address)
        raise HTTPException(404)
    wait = guard.token_wait(f"token:{hashed[:16]}")
    if wait:
        raise _too_many(wait)
    return Visitor(volunteer, hashed)


def page_csrf(settings: WebSettings, visitor: Visitor) -> str:
    """The CSRF token of a volunteer's page: HMAC-SHA256 of the page token's hash."""
    key = settings.session_key.encode("utf-8")
    return hmac.new(key, visitor.token_hash.encode("ascii"), hashlib.sha256).hexdigest()


async def check_page_csrf(request: Request, visitor: Visitor) -> None:
    """Refuse (403) a change from another site or without the page's CSRF token."""
    sent = request.headers.get(TOKEN_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        value = (await request.form()).get(TOKEN_FIELD)
        sent = value if isinstance(value, str) else None
    wanted = page_csrf(settings_of(request), visitor)
    if (
        not check_origin(request)
        or not sent
        or not hmac.compare_digest(sent.encode("utf-8"), wanted.encode("utf-8"))
    ):
        raise RefusedError(403, "csrf_refused")


VisitorDep = Annotated[Visitor, Depends(page_visitor)]
