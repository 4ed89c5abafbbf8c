"""The access log of the feed server: one line per request, no token, nothing unprintable.

A line reads ``method=GET path=/public.ics status=200 bytes=5120 ms=0.8``. The path is
never written as the client sent it, since a private feed's path holds its secret token
(and a mistyped path may hold most of one): ``/public.ics`` is written as it is, any other
``/<name>.ics`` as ``"private feed"``, anything else as ``other``. The method is escaped
(a control character becomes ``\\x07``) and cut short. No client address is logged: behind
the reverse proxy it is always the proxy's, and the proxy keeps its own log.

The fields are also on the log record as ``record.access`` (a dict), for a handler that
writes JSON.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOG = logging.getLogger("calendars.access")
PUBLIC_PATHS = frozenset({"/public.ics"})
PRIVATE_LABEL = "private feed"
OTHER_LABEL = "other"
_FEED_PATH = re.compile(r"^/[^/]*\.ics$")
_METHOD_LENGTH = 16


def feed_path_label(path: str) -> str:
    """What the log says for a request path: never a token, never the raw path."""
    if path in PUBLIC_PATHS:
        return path
    if _FEED_PATH.match(path):
        return PRIVATE_LABEL
    return OTHER_LABEL


def printable(text: str, limit: int = 64) -> str:
    """``text`` cut to ``limit`` characters with every unprintable one (and quote and
    backslash) escaped, so a log line is one line that says what was there."""
    out = []
    for char in text[:limit]:
        if char.isprintable() and char not in '"\\':
            out.append(char)
        elif char in '"\\':
            out.append("\\" + char)
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    if len(text) > limit:
        out.append("...")
    return "".join(out)


def _field(value: str) -> str:
    return f'"{value}"' if (" " in value or not value) else value


def log_request(method: str, label: str, status: int, sent: int, seconds: float) -> None:
    """Write one access line (``label`` is already safe: see :func:`feed_path_label`)."""
    fields = {
        "method": printable(method, _METHOD_LENGTH),
        "path": printable(label),
        "status": status,
        "bytes": sent,
        "ms": round(seconds * 1000, 1),
    }
    LOG.info(
        "method=%s path=%s status=%d bytes=%d ms=%.1f",
        _field(str(fields["method"])),
        _field(str(fields["path"])),
        status,
        sent,
        seconds * 1000,
        extra={"access": fields},
    )


def log_rejected(sent: int) -> None:
    """A request the HTTP parser refused (malformed, no Host, too long): nothing of it is
    logged but the fact."""
    log_request("-", "invalid request", 400, sent, 0.0)


class AccessLog:
    """ASGI middleware: one access line per HTTP request, also when the app fails or the
    client goes away (status 500 then, if no answer was started)."""

    def __init__(self, app: ASGIApp, label: Callable[[str], str] = feed_path_label) -> None:
        self.app = app
        self.label = label

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on, counting the status and the body bytes sent."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        method = str(scope.get("method", "-"))
        answer = {"status": 500, "bytes": 0}

        async def counting(message: Message) -> None:
            if message["type"] == "http.response.start":
                answer["status"] = int(message["status"])
            elif message["type"] == "http.response.body" and method != "HEAD":
                answer["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, counting)
        finally:
            log_request(
                method,
                self.label(str(scope.get("path", ""))),
                answer["status"],
                answer["bytes"],
                time.perf_counter() - started,
            )
