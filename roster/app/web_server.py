"""Runs an ASGI application with uvicorn, with the limits a small public server needs.

`roster serve` runs the feed application (:func:`calendars.feed_app.feed_app`) with it;
`roster web` runs the office lead's web app (:mod:`roster.web`) on it too. What it promises
(docs/feeds.md, "What the server promises"):

- HTTP/1.1 parsed by h11, which refuses a malformed request, a request line without an
  HTTP version and an HTTP/1.1 request without Host with ``400`` and closes the
  connection; the access log then says ``invalid request`` and nothing of what was sent;
- a kept-alive connection is closed after :attr:`ServerLimits.keep_alive` idle seconds;
  a client must send a whole request head within :attr:`ServerLimits.header_timeout`
  seconds of connecting or of the previous answer, or the connection is closed (uvicorn
  has no such timeout of its own: :class:`GuardedH11Protocol` adds it);
- from :attr:`ServerLimits.max_connections` open connections on, requests get ``503``;
  the listen backlog is :attr:`ServerLimits.backlog`;
- every connection has TCP_NODELAY, so a kept-alive GET does not wait 40 ms for a delayed
  ACK between the answer's headers and its body;
- uvicorn's own access log is off (it would write the path, that is the token); a client
  that goes away mid-answer leaves no traceback; no Server header.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import sys
from dataclasses import dataclass
from typing import Any

import uvicorn
from starlette.types import ASGIApp
from uvicorn.protocols.http.h11_impl import H11Protocol

from calendars.access_log import LOG as ACCESS_LOG
from calendars.access_log import log_rejected
from roster.domain.errors import RosterError

if sys.platform != "win32":
    import resource


@dataclass(frozen=True)
class ServerLimits:
    """Timeouts and limits of the server."""

    keep_alive: int = 5
    """Seconds an idle kept-alive connection stays open after an answer."""
    header_timeout: float = 10.0
    """Seconds a client has to send a whole request head (after connecting or an answer)."""
    max_connections: int = 1000
    """Open connections from which on requests are answered ``503 Service Unavailable``."""
    backlog: int = 2048
    """Connections the kernel queues before the server accepts them."""
    graceful_shutdown: int = 5
    """Seconds Ctrl-C waits for answers in progress."""


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for the request head and an access line for
    every request h11 refuses."""

    header_timeout: float = ServerLimits.header_timeout
    _head_deadline: asyncio.TimerHandle | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # uvicorn writes its access line (with the path, that is the token) whenever the
        # "uvicorn.access" logger has a handler, whatever `access_log` says: never here.
        self.access_log = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        """A new connection: no Nagle delay; the first request head must come in time."""
        super().connection_made(transport)  # type: ignore[arg-type]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            # Headers and body go out in two writes; with Nagle's algorithm the body would
            # wait for the client's delayed ACK of the headers (40 ms on Linux).
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._arm_deadline()

    def data_received(self, data: bytes) -> None:
        """Bytes in: once they complete a request head, the deadline is off."""
        cycle = self.cycle
        super().data_received(data)
        if self.cycle is not cycle:
            self._disarm_deadline()

    def on_response_complete(self) -> None:
        """An answer is out: the next request head must come in time."""
        cycle = self.cycle
        super().on_response_complete()
        if self.cycle is cycle and not self.transport.is_closing():
            self._arm_deadline()
        else:
            self._disarm_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        """The connection is gone: no deadline left."""
        self._disarm_deadline()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        """h11 refused the request: log the fact (and nothing of the request), answer 400."""
        log_rejected(len(msg.encode("ascii", "replace")))
        self._disarm_deadline()
        super().send_400_response(msg)

    def _arm_deadline(self) -> None:
        self._disarm_deadline()
        self._head_deadline = self.loop.call_later(self.header_timeout, self._too_slow)

    def _disarm_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _too_slow(self) -> None:
        self._head_deadline = None
        if not self.transport.is_closing():
            self.transport.close()


def guarded_protocol(header_timeout: float) -> type[GuardedH11Protocol]:
    """:class:`GuardedH11Protocol` with its own header timeout."""
    return type("GuardedH11", (GuardedH11Protocol,), {"header_timeout": header_timeout})


def listen(host: str, port: int, backlog: int = ServerLimits.backlog) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0 picks a free port).

    It is made with ``IPPROTO_TCP`` (not 0, as :func:`socket.create_server` makes it): asyncio
    sets TCP_NODELAY only on connections of such a socket.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(backlog)
    except OSError as exc:
        sock.close()
        reason = exc.strerror or str(exc)
        raise RosterError(
            f"Cannot listen on {host}:{port} ({reason}). "
            "Choose another --port or --host, or stop the program that uses it."
        ) from None
    return sock


def url_of(sock: socket.socket) -> str:
    """``http://host:port`` of a listening socket."""
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in str(host) else f"http://{host}:{port}"


def make_server(app: ASGIApp, limits: ServerLimits | None = None) -> uvicorn.Server:
    """A uvicorn server for ``app`` with ``limits`` (that leaves logging as it is)."""
    limits = limits or ServerLimits()
    config = uvicorn.Config(
        app,
        http=guarded_protocol(limits.header_timeout),
        ws="none",
        lifespan="auto",
        log_config=None,
        access_log=False,
        server_header=False,
        proxy_headers=False,
        timeout_keep_alive=limits.keep_alive,
        limit_concurrency=limits.max_connections,
        backlog=limits.backlog,
        timeout_graceful_shutdown=limits.graceful_shutdown,
    )
    return uvicorn.Server(config)


def _allow_open_files(wanted: int) -> None:
    """Raise the soft limit of open files to ``wanted`` where the hard limit allows it
    (systemd's default soft limit, 1024, is about the connection limit)."""
    if sys.platform == "win32":
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft >= wanted:
        return
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if target > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))


def run_server(app: ASGIApp, sock: socket.socket, limits: ServerLimits | None = None) -> None:
    """Serve ``app`` on ``sock`` until Ctrl-C (or SIGTERM); log to stderr if nothing else
    set up logging. Closes ``sock``."""
    limits = limits or ServerLimits()
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    ACCESS_LOG.setLevel(logging.INFO)
    logging.getLogger("uvicorn.error").setLevel(logging.WARNING)
    _allow_open_files(limits.max_connections + 256)
    server = make_server(app, limits)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass  # uvicorn stopped gracefully, then passed the Ctrl-C on
    finally:
        sock.close()
