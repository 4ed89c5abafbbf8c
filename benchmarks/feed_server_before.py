"""The feed server `roster serve` had before issue 11 (``calendars/serve.py`` at commit
73b38e3), kept unchanged for ``benchmarks/feed_server.py`` to measure side by side with
the uvicorn server: the standard library's ThreadingHTTPServer, one thread per
connection, no timeout, listen backlog 5.

    python benchmarks/feed_server_before.py DIR PORT    # serve DIR's feeds until Ctrl-C
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from calendars.publish import feeds_dir, public_path
from calendars.tokens import find_link, read_tokens
from roster.domain.errors import RosterError

LOG = logging.getLogger("calendars.serve")  # the old name
PUBLIC = "/public.ics"
_PRIVATE = re.compile(r"^/([A-Za-z0-9_-]{1,128})\.ics$")
NOT_FOUND_BODY = b"Not found.\n"
CALENDAR_TYPE = "text/calendar; charset=utf-8"


class FeedServer(ThreadingHTTPServer):
    """Serves the feeds of one office folder."""

    daemon_threads = True

    def __init__(self, folder: Path, address: tuple[str, int]) -> None:
        self.folder = folder
        super().__init__(address, FeedHandler)

    @property
    def url(self) -> str:
        """``http://host:port`` the server listens on."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


class FeedHandler(BaseHTTPRequestHandler):
    """GET and HEAD of feeds; everything else is refused without echoing the request."""

    server: FeedServer
    server_version = "roster"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    label = "-"

    def version_string(self) -> str:
        """The Server header: the program, without versions."""
        return self.server_version

    def handle_one_request(self) -> None:
        """Forget the previous request's feed kind (a connection may carry several)."""
        self.label = "-"
        super().handle_one_request()

    def do_GET(self) -> None:
        """A feed, a 304 or the one 404."""
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        """Like GET, without the body."""
        self._answer(with_body=False)

    def _resolve(self) -> Path | None:
        path = urlsplit(self.path).path
        if path == PUBLIC:
            self.label = "public.ics"
            return public_path(self.server.folder)
        self.label = "private feed"
        match = _PRIVATE.match(path)
        # The hash is computed and compared for every request, well-formed or not.
        record = find_link(read_tokens(self.server.folder), match.group(1) if match else "")
        if record is None or match is None:
            return None
        return feeds_dir(self.server.folder) / "private" / record.file

    def _answer(self, *, with_body: bool) -> None:
        try:
            path = self._resolve()
        except RosterError:
            LOG.error(  # noqa: TRY400 - the traceback would add nothing
                "feeds/tokens.json is damaged; private feeds cannot be served"
            )
            self.send_error(HTTPStatus.INTERNAL_SERVER_ERROR)
            return
        try:
            data = path.read_bytes() if path is not None else None
            mtime = path.stat().st_mtime if path is not None else 0.0
        except OSError:
            data = None
        if data is None:
            self._not_found(with_body=with_body)
            return
        etag = f'"{hashlib.sha256(data).hexdigest()[:32]}"'
        status = HTTPStatus.NOT_MODIFIED if self._fresh(etag, mtime) else HTTPStatus.OK
        self.send_response(status)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", formatdate(int(mtime), usegmt=True))
        self.send_header(
            "Cache-Control",
            "public, no-cache" if self.label == "public.ics" else "private, no-cache",
        )
        if status == HTTPStatus.OK:
            self.send_header("Content-Type", CALENDAR_TYPE)
            self.send_header("Content-Length", str(len(data)))
        self._common_headers()
        self.end_headers()
        if status == HTTPStatus.OK and with_body:
            self.wfile.write(data)

    def _fresh(self, etag: str, mtime: float) -> bool:
        """Whether the client's copy is current (If-None-Match wins over If-Modified-Since)."""
        match = self.headers.get("If-None-Match")
        if match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in match.split(",")}
            return "*" in tags or etag in tags
        since = self.headers.get("If-Modified-Since")
        if since is None:
            return False
        try:
            return int(mtime) <= parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False

    def _not_found(self, *, with_body: bool) -> None:
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(NOT_FOUND_BODY)))
        self.send_header("Cache-Control", "no-store")
        self._common_headers()
        self.end_headers()
        if with_body:
            self.wfile.write(NOT_FOUND_BODY)

    def _common_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """An error page that never repeats the request (it may hold a token)."""
        del message, explain
        super().send_error(code)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """One line per answer, naming the feed kind, never the path."""
        del size
        LOG.info('%s "%s %s" %s', self.address_string(), self.command or "-", self.label, int(code))

    def log_message(self, format: str, *args: object) -> None:
        """Other messages of the base class (timeouts, errors); their texts hold no path."""
        LOG.warning("%s %s", self.address_string(), format % args)


def make_server(folder: Path, host: str = "127.0.0.1", port: int = 8080) -> FeedServer:
    """A server for the feeds of ``folder`` (port 0 picks a free port)."""
    folder = Path(folder)
    if not feeds_dir(folder).is_dir():
        raise RosterError(
            f"There are no feeds in {feeds_dir(folder)} yet. Run `roster publish {folder}` first."
        )
    try:
        return FeedServer(folder, (host, port))
    except OSError as exc:
        raise RosterError(
            f"Cannot listen on {host}:{port} ({exc.strerror}). "
            "Choose another --port, or stop the program that uses it."
        ) from None


def serve(folder: Path, host: str, port: int, announce: Callable[[str], None] = print) -> None:
    """Serve the feeds of ``folder`` until interrupted (Ctrl-C)."""
    server = make_server(folder, host, port)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    LOG.setLevel(logging.INFO)
    announce(
        f"Serving the feeds of {folder} at {server.url}/ - public feed: {server.url}/public.ics; "
        "private feeds at /<token>.ics (links from `roster feeds link`). Ctrl-C stops."
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        announce("Stopped.")
    finally:
        server.server_close()


if __name__ == "__main__":
    import sys

    serve(Path(sys.argv[1]), "127.0.0.1", int(sys.argv[2]))
