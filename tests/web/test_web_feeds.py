"""The calendar feeds in the web app (issue 14, section 3): served at the same paths, with
the same answers, as `roster serve`; 404 before the first publication instead of refusing
to start; no login, no session cookie."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient
from web_office import BASE_URL, Clock

from calendars.feed_app import feed_app
from roster.app import link_feed, publish_month
from roster.web import create_app

PUBLISHED_AT = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def test_feeds_answer_404_before_the_first_publication(office: Path, clock: Clock) -> None:
    client = TestClient(create_app(office, now=clock), base_url=BASE_URL)
    for path in ("/public.ics", "/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG.ics"):
        answer = client.get(path)
        assert answer.status_code == 404
        assert answer.content == b"Not found.\n"
        assert answer.headers["content-type"] == "text/plain; charset=utf-8"


def test_the_web_app_serves_the_feeds_as_roster_serve_does(office: Path, clock: Clock) -> None:
    web = TestClient(create_app(office, now=clock), base_url=BASE_URL)
    assert web.get("/public.ics").status_code == 404
    publish_month(office, "2026-12", now=PUBLISHED_AT)
    link = link_feed(office, "v02", now=PUBLISHED_AT, local=True)
    token_path = "/" + link.url.rsplit("/", 1)[1]
    assert token_path.endswith(".ics")
    served = TestClient(feed_app(office), base_url=BASE_URL)
    for path in ("/public.ics", token_path, "/unknown-token.ics"):
        ours, theirs = web.get(path), served.get(path)
        assert ours.status_code == theirs.status_code, path
        assert ours.content == theirs.content, path
        for header in ("content-type", "etag", "cache-control", "content-security-policy"):
            assert ours.headers.get(header) == theirs.headers.get(header), (path, header)
        assert "set-cookie" not in ours.headers
    assert web.get("/public.ics").status_code == 200
    assert web.get(token_path).text.startswith("BEGIN:VCALENDAR")
    assert web.get(token_path).headers["cache-control"] == "private, no-cache"
    assert web.post(token_path).status_code == 405
