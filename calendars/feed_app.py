"""The feed server as an ASGI application (Starlette): ``feed_app(folder)``.

`roster serve` runs it with uvicorn (:mod:`roster.app.web_server`); the web pages of later
issues mount on the same application. Paths:

- ``/public.ics``: the public feed;
- ``/<token>.ics``: a private feed; the token's hash is looked up in ``feeds/tokens.json``
  in constant time (:func:`calendars.tokens.find_link`).

An unknown token, a revoked one and any other path get the very same 404 (same body, same
headers). Every request re-reads ``tokens.json`` and the feed file, so a new publication
or a revoked link takes effect without a restart. A feed file is opened through
``feeds/current`` (:func:`calendars.state.feed_files`), which a publication switches in one
step: every answer is a whole file of one publication, old or new. A feed is answered with
``Content-Type: text/calendar; charset=utf-8``, a strong ETag (from the bytes) and
Last-Modified (the file's time); If-None-Match (which wins) or If-Modified-Since gets
``304``; HEAD gets the headers without the body.

Every answer carries the headers of :data:`SECURITY_HEADERS` and a Cache-Control:
``public, no-cache`` for the public feed, ``private, no-cache`` for a private one (a phone
may keep its copy and ask with its ETag, a shared cache may not keep it at all) and
``no-store`` for errors. :class:`calendars.access_log.AccessLog` writes one line per
request, without the token.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

from starlette.applications import Starlette
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from calendars.access_log import AccessLog
from calendars.publish import feeds_dir
from calendars.state import feed_files
from calendars.tokens import find_link, read_tokens
from roster.domain.errors import RosterError

LOG = logging.getLogger("calendars.feed_app")
CALENDAR_TYPE = "text/calendar; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"
NOT_FOUND_BODY = b"Not found.\n"
NOT_ALLOWED_BODY = b"Only GET and HEAD are answered here.\n"
SERVER_ERROR_BODY = b"The server could not answer; its log says why.\n"
PUBLIC_CACHE = "public, no-cache"
PRIVATE_CACHE = "private, no-cache"
ERROR_CACHE = "no-store"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,128}$")

SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    # The answers are calendars and plain text, never HTML: nothing may load, run or frame.
    (
        "Content-Security-Policy",
        "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox",
    ),
    ("X-Frame-Options", "DENY"),
)


class SecurityHeaders:
    """ASGI middleware: :data:`SECURITY_HEADERS` on every answer, and ``Cache-Control:
    no-store`` on any answer that set no Cache-Control of its own."""

    def __init__(
        self, app: ASGIApp, headers: tuple[tuple[str, str], ...] = SECURITY_HEADERS
    ) -> None:
        self.app = app
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; add the headers to the start of the answer."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers:
                    headers[name] = value
                if "cache-control" not in headers:
                    headers["Cache-Control"] = ERROR_CACHE
            await send(message)

        await self.app(scope, receive, with_headers)


def not_found() -> Response:
    """The one 404: the same for an unknown token, a revoked one and any other path."""
    return Response(
        NOT_FOUND_BODY,
        status_code=404,
        media_type=TEXT_TYPE,
        headers={"Cache-Control": ERROR_CACHE},
    )


def server_error() -> Response:
    """A 500 that says nothing about the request."""
    return Response(
        SERVER_ERROR_BODY,
        status_code=500,
        media_type=TEXT_TYPE,
        headers={"Cache-Control": ERROR_CACHE, **dict(SECURITY_HEADERS)},
    )


def is_fresh(headers: Headers, etag: str, mtime: float) -> bool:
    """Whether the client's copy is current (If-None-Match wins over If-Modified-Since)."""
    match = headers.get("if-none-match")
    if match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in match.split(",")}
        return "*" in tags or etag in tags
    since = headers.get("if-modified-since")
    if since is None:
        return False
    try:
        return int(mtime) <= parsedate_to_datetime(since).timestamp()
    except (TypeError, ValueError):
        return False


def feed_response(request: Request, path: Path, cache: str) -> Response:
    """The feed at ``path`` (200 or 304), or the 404 if there is no such file."""
    try:
        with path.open("rb") as handle:  # bytes and time of the same file, even mid-publish
            data = handle.read()
            mtime = os.fstat(handle.fileno()).st_mtime
    except OSError:
        return not_found()
    etag = f'"{hashlib.sha256(data).hexdigest()[:32]}"'
    headers = {
        "ETag": etag,
        "Last-Modified": formatdate(int(mtime), usegmt=True),
        "Cache-Control": cache,
    }
    if is_fresh(request.headers, etag, mtime):
        return Response(status_code=304, headers=headers)
    return Response(data, media_type=CALENDAR_TYPE, headers=headers)


def feed_app(folder: Path) -> Starlette:
    """The ASGI application serving the published feeds of ``folder``."""
    folder = Path(folder)
    if not feeds_dir(folder).is_dir():
        raise RosterError(
            f"There are no feeds in {feeds_dir(folder)} yet. Run `roster publish {folder}` first."
        )

    published = feed_files(folder)

    def public_feed(request: Request) -> Response:
        return feed_response(request, published.member("public.ics"), PUBLIC_CACHE)

    def private_feed(request: Request) -> Response:
        token = str(request.path_params["token"])
        well_formed = _TOKEN.match(token) is not None
        try:
            # The hash is computed and compared for every request, well-formed or not.
            record = find_link(read_tokens(folder), token if well_formed else "")
        except RosterError:
            LOG.error("feeds/tokens.json is damaged; private feeds cannot be served")  # noqa: TRY400 - no traceback needed
            return server_error()
        if record is None or not well_formed:
            return not_found()
        return feed_response(request, published.member(f"private/{record.file}"), PRIVATE_CACHE)

    async def on_not_found(request: Request, exc: Exception) -> Response:
        del request, exc
        return not_found()

    async def on_not_allowed(request: Request, exc: Exception) -> Response:
        del request, exc
        return Response(
            NOT_ALLOWED_BODY,
            status_code=405,
            media_type=TEXT_TYPE,
            headers={"Allow": "GET, HEAD", "Cache-Control": ERROR_CACHE},
        )

    async def on_error(request: Request, exc: Exception) -> Response:
        del request, exc
        return server_error()

    app = Starlette(
        routes=[
            Route("/public.ics", public_feed, methods=["GET", "HEAD"]),
            Route("/{token}.ics", private_feed, methods=["GET", "HEAD"]),
        ],
        middleware=[Middleware(AccessLog), Middleware(SecurityHeaders)],
        exception_handlers={
            404: on_not_found,
            405: on_not_allowed,
            Exception: on_error,
        },
    )
    # No redirect from `/<token>.ics/`: it would repeat the token in a Location header.
    app.router.redirect_slashes = False
    return app
