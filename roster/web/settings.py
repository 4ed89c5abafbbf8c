"""What one running web app knows: its office folder, its clock, whether it sits behind a
reverse proxy, and its in-memory state (revoked sessions, the login throttle).

:func:`roster.web.create_app` makes one :class:`WebSettings` and keeps it in
``app.state.web``; the dependencies of :mod:`roster.web.deps` hand it to the routes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from starlette.requests import HTTPConnection

from roster.web.throttle import LoginThrottle

Clock = Callable[[], datetime]
"""The time now, timezone-aware (tests pass a clock they move by hand)."""

IDLE_SECONDS = 12 * 60 * 60
"""A session ends after this many seconds without a request (12 hours)."""
REFRESH_SECONDS = 60
"""A session's cookie is renewed (its idle time restarted) at most this often."""
LOCK_WAIT_SECONDS = 3.0
"""How long a saving request waits for another run to finish before it answers 409."""


@dataclass
class WebSettings:
    """The settings and in-memory state of one web app."""

    folder: Path
    """The office folder."""
    clock: Clock
    session_key: str
    """Signs the session cookies (``web/session.key``)."""
    behind_proxy: bool = False
    """Trust ``X-Forwarded-Proto`` and ``X-Forwarded-For`` (only behind a reverse proxy
    that sets them, such as Caddy)."""
    lock_wait: float = LOCK_WAIT_SECONDS
    idle_seconds: int = IDLE_SECONDS
    throttle: LoginThrottle = field(init=False)
    revoked: dict[str, float] = field(default_factory=dict)
    """Ids of sessions logged out, with the time their cookie would expire anyway."""

    def __post_init__(self) -> None:
        self.throttle = LoginThrottle(lambda: self.clock().timestamp())

    def seconds(self) -> float:
        """The clock as Unix seconds."""
        return self.clock().timestamp()

    def is_https(self, connection: HTTPConnection) -> bool:
        """Whether the browser talks to the app over HTTPS (as the proxy says, behind one)."""
        if self.behind_proxy:
            forwarded = connection.headers.get("x-forwarded-proto", "")
            if forwarded:
                return forwarded.split(",")[0].strip().lower() == "https"
        return connection.url.scheme == "https"

    def client_address(self, connection: HTTPConnection) -> str:
        """The browser's address: the last hop of ``X-Forwarded-For`` behind a proxy."""
        if self.behind_proxy:
            forwarded = connection.headers.get("x-forwarded-for", "")
            hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
            if hops:
                return hops[-1]
        return connection.client.host if connection.client else "unknown"

    def origin(self, connection: HTTPConnection) -> str:
        """``https://host:port`` as the browser sees this app, to compare ``Origin`` with."""
        scheme = "https" if self.is_https(connection) else "http"
        return f"{scheme}://{connection.headers.get('host', '')}"
