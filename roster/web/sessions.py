"""Sessions: a signed cookie, ``roster_session``, that the browser sends back.

The cookie holds a :class:`Session`: a random session id, the session's CSRF token, the
user name and password epoch of the logged-in lead (none before logging in) and the time
of the last request. It is signed with the office's ``web/session.key`` (itsdangerous,
HMAC-SHA1 over the JSON): a changed cookie is no cookie. It is ``HttpOnly``,
``SameSite=Lax``, ``Path=/``, ``Secure`` when the browser talks HTTPS, and lives
:data:`~roster.web.settings.IDLE_SECONDS` after the last request. A session whose last
request lies longer back, that began more than a day ago, or that was logged out (its id is kept in memory until it would
have expired anyway), is over. Logging in makes a new session (new id, new token), so a
session id planted before the login is worth nothing.

:class:`SessionMiddleware` reads the cookie of every request into
``request.state.session`` and writes the cookie back when a route asked for it
(:func:`start_session`, :func:`end_session`) or when a lead's session is renewed.
The cookie's value never reaches a log line.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from http.cookies import SimpleCookie
from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.requests import HTTPConnection, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from roster.web.settings import REFRESH_SECONDS, WebSettings

COOKIE = "roster_session"
LIFETIME_SECONDS = 24 * 60 * 60
"""A session ends a day after the login even when it is used every hour."""
SALT = "roster.web.session"


@dataclass(frozen=True)
class Session:
    """What the session cookie holds."""

    sid: str
    """Random id of the session (for logging out)."""
    csrf: str
    """The token every changing request must carry."""
    account: str | None
    """User name of the logged-in lead; None before logging in."""
    epoch: str | None
    """Fingerprint of the lead's password hash at login."""
    seen: float
    """Unix time of the last request."""
    began: float
    """Unix time the session began (the login): it ends :data:`LIFETIME_SECONDS` later,
    however busy it is."""

    @classmethod
    def new(cls, seen: float, account: str | None = None, epoch: str | None = None) -> Session:
        """A fresh session with a new id and token, beginning now (``seen``)."""
        return cls(secrets.token_urlsafe(16), secrets.token_urlsafe(32), account, epoch, seen, seen)


def _serializer(settings: WebSettings) -> URLSafeSerializer:
    return URLSafeSerializer(settings.session_key, salt=SALT)


def encode(settings: WebSettings, session: Session) -> str:
    """The signed cookie value of ``session``."""
    data = {"s": session.sid, "c": session.csrf, "a": session.account, "e": session.epoch}
    return str(_serializer(settings).dumps({**data, "t": session.seen, "b": session.began}))


def decode(settings: WebSettings, value: str | None) -> Session | None:
    """The session of a cookie value, or None (unsigned, damaged, idle too long, logged out)."""
    if not value:
        return None
    try:
        data: Any = _serializer(settings).loads(value)
        session = Session(
            sid=str(data["s"]),
            csrf=str(data["c"]),
            account=None if data["a"] is None else str(data["a"]),
            epoch=None if data["e"] is None else str(data["e"]),
            seen=float(data["t"]),
            began=float(data["b"]),
        )
    except (BadSignature, KeyError, TypeError, ValueError):
        return None
    now = settings.seconds()
    if (
        now - session.seen > settings.idle_seconds
        or now - session.began > LIFETIME_SECONDS
        or session.sid in settings.revoked
    ):
        return None
    return session


def settings_of(connection: HTTPConnection) -> WebSettings:
    """The app's settings (``app.state.web``)."""
    settings: WebSettings = connection.app.state.web
    return settings


def current_session(request: Request) -> Session | None:
    """The request's session, if its cookie is good."""
    session: Session | None = request.state.session
    return session


def start_session(request: Request, session: Session) -> Session:
    """Send ``session``'s cookie with the answer; the old session (if any) is over."""
    old = current_session(request)
    if old is not None and old.sid != session.sid:
        _revoke(settings_of(request), old)
    request.state.session_new = session
    return session


def end_session(request: Request) -> None:
    """Log out: the session is over, and its cookie is deleted with the answer."""
    old = current_session(request)
    if old is not None:
        _revoke(settings_of(request), old)
    request.state.session_end = True


def touch_session(request: Request) -> None:
    """A lead's request: renew the cookie if its last renewal is a while ago."""
    request.state.session_touch = True


def _revoke(settings: WebSettings, session: Session) -> None:
    now = settings.seconds()
    for sid, until in list(settings.revoked.items()):
        if until < now:
            del settings.revoked[sid]
    settings.revoked[session.sid] = max(now, session.seen) + settings.idle_seconds


def _cookie(settings: WebSettings, connection: HTTPConnection, value: str, max_age: int) -> str:
    cookie: SimpleCookie = SimpleCookie()
    cookie[COOKIE] = value
    morsel = cookie[COOKIE]
    morsel["path"] = "/"
    morsel["httponly"] = True
    morsel["samesite"] = "Lax"
    morsel["max-age"] = max_age
    if settings.is_https(connection):
        morsel["secure"] = True
    return morsel.OutputString()


class SessionMiddleware:
    """Reads the session cookie into ``request.state.session``; writes it back."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Decode the cookie; add ``Set-Cookie`` to the answer when the session changed."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        settings = settings_of(connection)
        session = decode(settings, connection.cookies.get(COOKIE))
        state = scope.setdefault("state", {})
        state["session"] = session

        async def with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                header = self._set_cookie(settings, connection, state, session)
                if header is not None:
                    message.setdefault("headers", [])
                    message["headers"] = [
                        *message["headers"],
                        (b"set-cookie", header.encode("latin-1")),
                    ]
            await send(message)

        await self.app(scope, receive, with_cookie)

    @staticmethod
    def _set_cookie(
        settings: WebSettings,
        connection: HTTPConnection,
        state: dict[str, Any],
        session: Session | None,
    ) -> str | None:
        if state.get("session_end"):
            return _cookie(settings, connection, "", 0)
        new: Session | None = state.get("session_new")
        if new is not None:
            return _cookie(settings, connection, encode(settings, new), settings.idle_seconds)
        if state.get("session_touch") and session is not None:
            now = settings.seconds()
            if now - session.seen >= REFRESH_SECONDS:
                renewed = replace(session, seen=now)
                return _cookie(
                    settings, connection, encode(settings, renewed), settings.idle_seconds
                )
        return None
