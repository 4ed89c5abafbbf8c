"""The headers every answer carries, and the checks every changing request passes.

:class:`SecurityHeaders` adds to every answer: ``Content-Security-Policy`` (everything
from this app only: no inline script or style, no frames, forms post here only),
``X-Frame-Options: DENY``, ``Referrer-Policy: no-referrer``,
``X-Content-Type-Options: nosniff``, and ``Cache-Control: no-store`` (nothing of the
office is kept in a browser's or a proxy's cache). An answer that set its own headers
keeps them: the calendar feeds keep theirs (``no-cache`` and their stricter policy).

:func:`check_origin` and :func:`check_token` are the two halves of the CSRF protection
that :func:`roster.web.deps.require_csrf` applies to every POST, PUT, PATCH and DELETE:
the browser must not say the request comes from another site (``Sec-Fetch-Site:
cross-site``, or an ``Origin`` that is not this app's), and the request must carry the
session's token (form field ``csrf_token`` or header ``X-CSRF-Token``).
"""

from __future__ import annotations

import hmac

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from roster.web.sessions import current_session, settings_of

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
    ("Cache-Control", "no-store"),
)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TOKEN_FIELD = "csrf_token"  # noqa: S105 - the name of a form field, not a secret
TOKEN_HEADER = "x-csrf-token"  # noqa: S105 - the name of a header, not a secret


class SecurityHeaders:
    """ASGI middleware: :data:`HEADERS` on every answer that has not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; add the missing headers to the start of the answer."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS:
                    if name.lower() not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, with_headers)


def check_origin(request: Request) -> bool:
    """Whether the browser says the request comes from this app (or says nothing).

    ``Sec-Fetch-Site``, which a page cannot forge, decides when the browser sends it:
    ``same-origin`` (or ``none``: typed or bookmarked) passes, anything else is refused.
    Only without it is ``Origin`` compared with the app's own address. The pages send
    ``Referrer-Policy: no-referrer``, with which browsers send a form's ``Origin`` as
    ``null``, so ``Origin`` alone cannot tell the app's own forms from others."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site.strip().lower() in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return origin.rstrip("/").lower() == settings_of(request).origin(request).lower()


async def check_token(request: Request) -> bool:
    """Whether the request carries its session's CSRF token (header or form field)."""
    session = current_session(request)
    if session is None:
        return False
    sent = request.headers.get(TOKEN_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        value = (await request.form()).get(TOKEN_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent:
        return False
    return hmac.compare_digest(sent.encode("utf-8"), session.csrf.encode("utf-8"))
