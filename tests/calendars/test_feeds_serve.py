"""`roster serve`: content type, ETag and Last-Modified with 304, HEAD, one 404 for unknown
and revoked links, re-reading without restart, and no token in any log line (issue 5, 4)."""

from __future__ import annotations

import logging
import socket
from datetime import timedelta
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

import pytest
from conftest import publish_october
from feed_builders import LATER, NOW, october_plan, open_id, save, staff
from icalendar import Calendar

from calendars.events import FeedRef
from calendars.links import link_feed, revoke_feed
from calendars.publish import PublishReport
from calendars.serve import make_server
from roster.domain.errors import RosterError
from roster.folder.load import load_office


def token_path(url: str) -> str:
    return "/" + url.rsplit("/", 1)[1]


def test_feed_answers_with_calendar_headers(published: PublishReport, serve_folder) -> None:  # type: ignore[no-untyped-def]
    server = serve_folder(published.folder)
    url = link_feed(load_office(published.folder), FeedRef("volunteer", "v02"), NOW).url
    for path, feed in (
        (token_path(url), FeedRef("volunteer", "v02")),
        ("/public.ics", FeedRef("public")),
    ):
        answer = server.get(path)
        assert answer.status == 200
        assert answer.headers["Content-Type"] == "text/calendar; charset=utf-8"
        assert answer.body == published.feed(feed).path.read_bytes()
        assert int(answer.headers["Content-Length"]) == len(answer.body)
        assert answer.headers["ETag"].startswith('"') and answer.headers["ETag"].endswith('"')
        parsedate_to_datetime(answer.headers["Last-Modified"])
        assert Calendar.from_ical(answer.body).walk("VEVENT")


def test_conditional_requests_get_304(published: PublishReport, serve_folder) -> None:  # type: ignore[no-untyped-def]
    server = serve_folder(published.folder)
    first = server.get("/public.ics")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    by_tag = server.get("/public.ics", headers={"If-None-Match": etag})
    assert (by_tag.status, by_tag.body) == (304, b"")
    assert by_tag.headers["ETag"] == etag
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
    head = server.get("/public.ics", method="HEAD", headers={"If-None-Match": etag})
    assert head.status == 304


def test_head_has_the_headers_and_no_body(published: PublishReport, serve_folder) -> None:  # type: ignore[no-untyped-def]
    server = serve_folder(published.folder)
    get = server.get("/public.ics")
    head = server.get("/public.ics", method="HEAD")
    assert head.status == 200 and head.body == b""
    for name in ("Content-Type", "Content-Length", "ETag", "Last-Modified"):
        assert head.headers[name] == get.headers[name]


def test_unknown_and_revoked_links_get_the_same_404(published: PublishReport, serve_folder) -> None:  # type: ignore[no-untyped-def]
    folder = published.folder
    server = serve_folder(folder)
    old = link_feed(load_office(folder), FeedRef("volunteer", "v03"), NOW).url
    assert server.get(token_path(old)).status == 200
    new = revoke_feed(load_office(folder), FeedRef("volunteer", "v03"), NOW).new
    assert new is not None and new.url != old
    revoked = server.get(token_path(old))
    unknown = server.get("/" + "A" * 43 + ".ics")
    odd = server.get("/../state.json")
    for answer in (revoked, unknown, odd, server.get("/tokens.json"), server.get("/private/x.ics")):
        assert answer.status == 404
        assert answer.body == revoked.body == b"Not found.\n"
        same = {k: v for k, v in answer.headers.items() if k != "Date"}
        assert same == {k: v for k, v in revoked.headers.items() if k != "Date"}
    assert server.get(token_path(new.url)).status == 200
    head = server.get(token_path(old), method="HEAD")
    assert (head.status, head.body) == (404, b"")


def test_republished_feeds_are_served_without_restart(office: Path, serve_folder) -> None:  # type: ignore[no-untyped-def]
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


def test_no_token_in_logs_and_error_pages(
    published: PublishReport, serve_folder, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO, logger="calendars.serve")
    server = serve_folder(published.folder)
    url = link_feed(load_office(published.folder), FeedRef("team"), NOW).url
    token = token_path(url)[1:-4]
    assert server.get(token_path(url)).status == 200
    assert server.get(token_path(url)[:-5] + "x.ics").status == 404
    # A malformed request line with the token in it: 400, and the token is not echoed.
    host, port = server.server.server_address[:2]
    with socket.create_connection((str(host), port), timeout=5) as raw:
        raw.sendall(f"GET /{token}.ics HTTP/1.1 extra\r\n\r\n".encode())
        reply = b""
        while chunk := raw.recv(65536):
            reply += chunk
    assert b"400" in reply  # an HTTP/0.9-style error page: the line was not HTTP/1.x
    assert token.encode() not in reply
    assert server.get("/" + token + ".ics", method="DELETE").status in (405, 501)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "private feed" in logged and "400" in logged and "public" not in logged
    assert token not in logged
    assert token[:10] not in logged


def test_serving_needs_published_feeds(tmp_path: Path) -> None:
    with pytest.raises(RosterError, match="roster publish"):
        make_server(tmp_path, "127.0.0.1", 0)


def test_last_modified_stays_when_nothing_changed(office: Path) -> None:
    first = publish_october(office)
    path = first.feed(FeedRef("public")).path
    stamp = path.stat().st_mtime_ns
    publish_october(office, now=NOW + timedelta(days=1))
    assert path.stat().st_mtime_ns == stamp
