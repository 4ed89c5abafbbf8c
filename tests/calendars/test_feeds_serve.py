"""`roster serve`: content type, ETag and Last-Modified with 304, HEAD, one 404 for unknown
and revoked links, re-reading without restart, security headers, an access log without
tokens (issue 5, 4, 11); and the real uvicorn server on 127.0.0.1: keep-alive, 400 for a
malformed request or HTTP/1.1 without Host, timeouts, no traceback for a client that goes
away."""

from __future__ import annotations

import logging
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import timedelta
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

import pytest
import uvicorn
from conftest import ServeFolder, publish_october
from feed_offices import LATER, NOW
from feed_plans import october_plan, open_id, save, staff
from icalendar import Calendar

from calendars.access_log import feed_path_label, log_request, printable
from calendars.feed_app import SECURITY_HEADERS, feed_app
from calendars.feed_refs import FeedRef
from calendars.links import link_feed, revoke_feed
from calendars.publish import PublishReport
from roster.app.web_server import ServerLimits, listen, make_server
from roster.domain.errors import RosterError
from roster.folder.load import load_office

ACCESS = "calendars.access"


def token_path(url: str) -> str:
    return "/" + url.rsplit("/", 1)[1]


def without_date(headers: Mapping[str, str]) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items() if k.lower() != "date"}


def access_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == ACCESS]


def test_feed_answers_with_calendar_headers(
    published: PublishReport, serve_folder: ServeFolder
) -> None:
    server = serve_folder(published.folder)
    url = link_feed(load_office(published.folder), FeedRef("volunteer", "v02"), NOW).url
    for path, feed, cache in (
        (token_path(url), FeedRef("volunteer", "v02"), "private, no-cache"),
        ("/public.ics", FeedRef("public"), "public, no-cache"),
    ):
        answer = server.get(path)
        assert answer.status == 200
        assert answer.headers["Content-Type"] == "text/calendar; charset=utf-8"
        assert answer.body == published.feed(feed).path.read_bytes()
        assert int(answer.headers["Content-Length"]) == len(answer.body)
        assert answer.headers["ETag"].startswith('"') and answer.headers["ETag"].endswith('"')
        parsedate_to_datetime(answer.headers["Last-Modified"])
        assert answer.headers["Cache-Control"] == cache
        assert Calendar.from_ical(answer.body).walk("VEVENT")


def test_conditional_requests_get_304(published: PublishReport, serve_folder: ServeFolder) -> None:
    server = serve_folder(published.folder)
    first = server.get("/public.ics")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    by_tag = server.get("/public.ics", headers={"If-None-Match": etag})
    assert (by_tag.status, by_tag.body) == (304, b"")
    assert by_tag.headers["ETag"] == etag
    assert by_tag.headers["Cache-Control"] == "public, no-cache"
    assert server.get("/public.ics", headers={"If-None-Match": f'"x", W/{etag}'}).status == 304
    by_date = server.get("/public.ics", headers={"If-Modified-Since": modified})
    assert by_date.status == 304
    stale_tag = server.get(
        "/public.ics", headers={"If-None-Match": '"other"', "If-Modified-Since": modified}
    )
    assert stale_tag.status == 200  # If-None-Match wins over If-Modified-Since
    mtime = published.feed(FeedRef("public")).path.stat().st_mtime
    older = server.get(
        "/public.ics", headers={"If-Modified-Since": formatdate(mtime - 3600, usegmt=True)}
    )
    assert older.status == 200 and older.body == first.body
    garbled = server.get("/public.ics", headers={"If-Modified-Since": "yesterday"})
    assert garbled.status == 200
    head = server.get("/public.ics", method="HEAD", headers={"If-None-Match": etag})
    assert head.status == 304


def test_head_has_the_headers_and_no_body(
    published: PublishReport, serve_folder: ServeFolder
) -> None:
    server = serve_folder(published.folder)
    get = server.get("/public.ics")
    head = server.get("/public.ics", method="HEAD")
    assert head.status == 200 and head.body == b""
    for name in ("Content-Type", "Content-Length", "ETag", "Last-Modified", "Cache-Control"):
        assert head.headers[name] == get.headers[name]


def test_unknown_and_revoked_links_get_the_same_404(
    published: PublishReport, serve_folder: ServeFolder
) -> None:
    folder = published.folder
    server = serve_folder(folder)
    old = link_feed(load_office(folder), FeedRef("volunteer", "v03"), NOW).url
    assert server.get(token_path(old)).status == 200
    new = revoke_feed(load_office(folder), FeedRef("volunteer", "v03"), NOW).new
    assert new is not None and new.url != old
    revoked = server.get(token_path(old))
    unknown = server.get("/" + "A" * 43 + ".ics")
    odd = server.get("/../state.json")
    others = [
        server.get(path)
        for path in ("/tokens.json", "/private/x.ics", "/", token_path(new.url) + "/", "/a%00b.ics")
    ]
    for answer in (revoked, unknown, odd, *others):
        assert answer.status == 404
        assert answer.body == revoked.body == b"Not found.\n"
        assert without_date(answer.headers) == without_date(revoked.headers)
    assert revoked.headers["Cache-Control"] == "no-store"
    assert server.get(token_path(new.url)).status == 200
    head = server.get(token_path(old), method="HEAD")
    assert (head.status, head.body) == (404, b"")


def test_republished_feeds_are_served_without_restart(
    office: Path, serve_folder: ServeFolder
) -> None:
    publish_october(office)
    server = serve_folder(office)
    url = link_feed(load_office(office), FeedRef("volunteer", "v04"), NOW).url
    before = server.get(token_path(url))
    plan = october_plan(office)
    sessions = [
        s.model_copy(update={"staff": [*s.staff, staff("v04")]})
        if s.id == open_id("2026-10-15")
        else s
        for s in plan.sessions
    ]
    save(office, plan.model_copy(update={"sessions": sessions}))
    publish_october(office, now=LATER)
    after = server.get(token_path(url), headers={"If-None-Match": before.headers["ETag"]})
    assert after.status == 200
    assert after.headers["ETag"] != before.headers["ETag"]
    assert b"20261015T140000" in after.body and b"20261015T140000" not in before.body


def test_every_answer_has_the_security_headers(
    published: PublishReport, serve_folder: ServeFolder, caplog: pytest.LogCaptureFixture
) -> None:
    folder = published.folder
    server = serve_folder(folder)
    url = link_feed(load_office(folder), FeedRef("team"), NOW).url
    ok = server.get(token_path(url))
    answers = {
        200: ok,
        304: server.get("/public.ics", headers={"If-None-Match": "*"}),
        404: server.get("/nothing"),
        405: server.get(token_path(url), method="DELETE"),
    }
    (folder / "feeds" / "tokens.json").write_text("{ damaged", encoding="utf-8")
    answers[500] = server.get(token_path(url))
    assert server.get("/public.ics").status == 200  # the public feed needs no tokens.json
    for status, answer in answers.items():
        assert answer.status == status
        for name, value in SECURITY_HEADERS:
            assert answer.headers[name] == value, (status, name)
        assert "default-src 'none'" in answer.headers["Content-Security-Policy"]
        assert "Cache-Control" in answer.headers
        assert "Server" not in answer.headers
    assert answers[405].headers["Allow"] == "GET, HEAD"
    assert answers[500].body == b"The server could not answer; its log says why.\n"
    assert any("tokens.json is damaged" in r.getMessage() for r in caplog.records)
    assert not any(record.exc_info for record in caplog.records)


def test_access_log_has_one_line_per_request_and_no_token(
    published: PublishReport, serve_folder: ServeFolder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=ACCESS)
    server = serve_folder(published.folder)
    url = link_feed(load_office(published.folder), FeedRef("team"), NOW).url
    token = token_path(url)[1:-4]
    body = server.get(token_path(url)).body
    server.get(token_path(url)[:-5] + "x.ics")
    server.get("/" + token, method="HEAD")
    lines = access_lines(caplog)
    assert len(lines) == 3
    assert lines[0].startswith(f'method=GET path="private feed" status=200 bytes={len(body)} ms=')
    assert lines[1].startswith('method=GET path="private feed" status=404 bytes=11 ms=')
    assert lines[2].startswith("method=HEAD path=other status=404 bytes=0 ms=")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "public" not in logged and token not in logged and token[:10] not in logged
    assert caplog.records[0].access["status"] == 200  # type: ignore[attr-defined]


def test_log_lines_hold_nothing_unprintable(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=ACCESS)
    assert (
        printable('GE\x07T\r\n\x1b[31m\u202e"x\\') == 'GE\\x07T\\x0d\\x0a\\x1b[31m\\u202e\\"x\\\\'
    )
    assert printable("A" * 100, 8) == "AAAAAAAA..."
    log_request("BR\x00EW\nFAKE line now", "private feed", 405, 0, 0.0012)
    (line,) = access_lines(caplog)
    assert (
        line == 'method="BR\\x00EW\\x0aFAKE line ..." path="private feed" status=405 bytes=0 ms=1.2'
    )
    assert line.isprintable()
    assert feed_path_label("/public.ics") == "/public.ics"
    assert feed_path_label("/s3cr3t.ics") == "private feed"
    assert feed_path_label("/s3cr3t.ics.bak") == feed_path_label("/s3cr3t") == "other"


def test_serving_needs_published_feeds(tmp_path: Path) -> None:
    with pytest.raises(RosterError, match="roster publish"):
        feed_app(tmp_path)


def test_last_modified_stays_when_nothing_changed(office: Path) -> None:
    first = publish_october(office)
    path = first.feed(FeedRef("public")).path
    stamp = path.stat().st_mtime_ns
    publish_october(office, now=NOW + timedelta(days=1))
    assert path.stat().st_mtime_ns == stamp


# -- the real server: uvicorn on 127.0.0.1 ----------------------------------------------------


def read_answer(conn: socket.socket, *, head: bool = False) -> tuple[int, dict[str, str], bytes]:
    """One HTTP answer from ``conn``: status, headers (lower-case names), body."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            raise ConnectionError(f"closed after {data!r}")
        data += chunk
    top, rest = data.split(b"\r\n\r\n", 1)
    status_line, *lines = top.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines)}
    length = 0 if head else int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        rest += chunk
    return int(status_line.split()[1]), headers, rest


def closed_by_server(conn: socket.socket) -> bool:
    """Whether the server closes ``conn`` (reading what it still sends) within 5 s."""
    try:
        while conn.recv(65536):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True
    return True


@dataclass
class Live:
    """A running uvicorn server with the feed application."""

    port: int
    published: PublishReport
    server: uvicorn.Server

    def nodelay(self) -> list[int]:
        """TCP_NODELAY of each open connection, as the server's side of it has it."""
        sockets = [
            conn.transport.get_extra_info("socket") for conn in self.server.server_state.connections
        ]
        return [sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) for sock in sockets]


@pytest.fixture
def live(published: PublishReport) -> Iterator[Live]:
    """The feed application on uvicorn, on a free port of 127.0.0.1, with short timeouts."""
    sock = listen("127.0.0.1", 0)
    port = sock.getsockname()[1]
    server = make_server(feed_app(published.folder), ServerLimits(keep_alive=1, header_timeout=0.5))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 5
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)
    assert server.started
    yield Live(port, published, server)
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()
    assert not thread.is_alive()


def test_real_server_keeps_alive_and_refuses_bad_requests(
    live: Live, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    port, published = live.port, live.published
    url = link_feed(load_office(published.folder), FeedRef("team"), NOW).url
    token = token_path(url)[1:-4]
    expected = published.feed(FeedRef("team")).path.read_bytes()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        for _ in range(3):  # one connection, three answers
            conn.sendall(f"GET /{token}.ics HTTP/1.1\r\nHost: feeds\r\n\r\n".encode())
            status, headers, body = read_answer(conn)
            assert (status, body) == (200, expected)
            assert headers["x-frame-options"] == "DENY" and "server" not in headers
        assert live.nodelay() == [1]  # no 40 ms wait between an answer's headers and body
        conn.sendall(b"HEAD /public.ics HTTP/1.1\r\nHost: feeds\r\n\r\n")
        assert read_answer(conn, head=True)[0] == 200
        assert closed_by_server(conn)  # idle: closed by the keep-alive or header timeout
    refused = {
        "no Host": f"GET /{token}.ics HTTP/1.1\r\n\r\n",
        "no version": f"GET /{token}.ics\r\n\r\n",
        "junk line": f"GET /{token}.ics HTTP/1.1 extra\r\nHost: feeds\r\n\r\n",
        "control bytes": f"G\x07ET\x1b /{token}.ics HTTP/1.1\r\nHost: feeds\r\n\r\n",
    }
    for why, request in refused.items():
        with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
            conn.sendall(request.encode())
            status, _, body = read_answer(conn)
            assert status == 400, why
            assert token.encode() not in body
            assert closed_by_server(conn), why
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert token not in logged and token[:10] not in logged
    assert "\x07" not in logged and "\x1b" not in logged
    lines = access_lines(caplog)
    assert lines.count('method=- path="invalid request" status=400 bytes=30 ms=0.0') == 4
    assert sum('path="private feed" status=200' in line for line in lines) == 3
    assert not any(record.exc_info for record in caplog.records)


def test_real_server_closes_slow_and_vanishing_clients(
    live: Live, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    port = live.port
    silent = socket.create_connection(("127.0.0.1", port), timeout=5)
    slow = socket.create_connection(("127.0.0.1", port), timeout=5)
    slow.sendall(b"GET /public.ics HTTP/1.1\r\nHost: feeds\r\n")  # and never the blank line
    for _ in range(5):  # clients that ask and go away at once (RST), mid-answer
        gone = socket.create_connection(("127.0.0.1", port), timeout=5)
        gone.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        gone.sendall(b"GET /public.ics HTTP/1.1\r\nHost: feeds\r\n\r\n")
        gone.close()
    with silent, slow:
        assert closed_by_server(silent) and closed_by_server(slow)  # the header timeout
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        conn.sendall(b"GET /public.ics HTTP/1.1\r\nHost: feeds\r\nConnection: close\r\n\r\n")
        assert read_answer(conn)[0] == 200
    assert not any(record.exc_info for record in caplog.records)
    assert not any(record.levelno >= logging.ERROR for record in caplog.records)


def test_real_server_needs_a_free_port() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(RosterError, match=f"Cannot listen on 127.0.0.1:{port}"):
            listen("127.0.0.1", port)


def test_roster_serve_runs_until_ctrl_c(published: PublishReport) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    roster = Path(sys.executable).with_name("roster")  # the installed command
    command = [str(roster), "serve", str(published.folder), "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/public.ics" in banner
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
                    conn.sendall(b"GET /public.ics HTTP/1.0\r\n\r\n")
                    assert read_answer(conn)[0] == 200
                    break
            except ConnectionRefusedError:
                assert time.monotonic() < deadline
                time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert process.returncode == 0
    assert out.strip() == "Stopped."
    assert "method=GET path=/public.ics status=200" in err
    assert "Traceback" not in err
