"""The feed jobs: publish the month's feeds, hand out and revoke secret feed links, serve."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from starlette.types import ASGIApp, Receive, Scope, Send

from calendars.caldav_sync import target_from_options
from calendars.feed_app import SECURITY_HEADERS, feed_app, not_found
from calendars.links import IssuedLink, RevokedLink, feed_ref
from calendars.links import link_feed as issue_link
from calendars.links import revoke_feed as revoke_link
from calendars.publish import PublishReport, feeds_dir, publish
from roster.app.clock import office_now
from roster.app.guard import writing
from roster.app.web_server import listen, run_server, url_of
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.folder.load import load_office


def publish_month(
    folder: Path,
    month: Month | str | None = None,
    *,
    now: datetime | None = None,
    caldav_url: str | None = None,
    caldav_user: str | None = None,
    environ: Mapping[str, str] | None = None,
    ask_password: Callable[[str], str] | None = None,
    uid_key: str | None = None,
) -> PublishReport:
    """Publish the feeds of the planned months around ``month`` (default: this month).

    With ``caldav_url`` and ``caldav_user`` each volunteer's events also go to a CalDAV
    server; the password comes from ``environ`` (``ROSTER_CALDAV_PASSWORD``) or
    ``ask_password``.
    """
    target = target_from_options(
        caldav_url,
        caldav_user,
        os.environ if environ is None else environ,
        ask_password or _no_password,
    )
    with writing(Path(folder), "roster publish"):
        data = load_office(Path(folder))
        chosen = Month.parse(month) if isinstance(month, str) else month
        return publish(
            data, now=office_now(data.office, now), month=chosen, caldav=target, uid_key=uid_key
        )


def _no_password(prompt: str) -> str:
    raise RosterError(
        f"{prompt}: no password was given. Set the environment variable "
        "ROSTER_CALDAV_PASSWORD to the CalDAV password and publish again."
    )


def link_feed(
    folder: Path,
    volunteer_id: str | None = None,
    *,
    team: bool = False,
    gaps: bool = False,
    png: Path | None = None,
    now: datetime | None = None,
    local: bool = False,
) -> IssuedLink:
    """Make a feed's secret link (shown once) and, with ``png``, its QR code.

    The link starts with ``feeds.base_url`` of office.yaml; without it no link is made
    (it would work only on this computer) unless ``local`` asks for such a link.
    """
    ref = feed_ref(volunteer_id, team=team, gaps=gaps)
    with writing(Path(folder), "roster feeds link"):
        data = load_office(Path(folder))
        return issue_link(data, ref, office_now(data.office, now), png=png, local=local)


def revoke_feed(
    folder: Path,
    volunteer_id: str | None = None,
    *,
    team: bool = False,
    gaps: bool = False,
    reissue: bool = True,
    png: Path | None = None,
    now: datetime | None = None,
    local: bool = False,
) -> RevokedLink:
    """Make a feed's link fail at once; with ``reissue``, make a new one (which needs
    ``feeds.base_url`` or ``local``, as for :func:`link_feed`)."""
    ref = feed_ref(volunteer_id, team=team, gaps=gaps)
    with writing(Path(folder), "roster feeds revoke"):
        data = load_office(Path(folder))
        moment = office_now(data.office, now)
        return revoke_link(data, ref, moment, reissue=reissue, png=png, local=local)


def serve_feeds(
    folder: Path, host: str, port: int, announce: Callable[[str], None] = print
) -> None:
    """Serve the published feeds of ``folder`` over HTTP until interrupted (Ctrl-C).

    The feed application (:func:`calendars.feed_app.feed_app`) runs on uvicorn with the
    limits of :class:`roster.app.web_server.ServerLimits`.
    """
    folder = Path(folder)
    app = feed_app(folder)
    sock = listen(host, port)
    url = url_of(sock)
    announce(
        f"Serving the feeds of {folder} at {url}/ - public feed: {url}/public.ics; "
        f"private feeds at /<token>.ics (links from `roster feeds link {folder} ID`). "
        "Ctrl-C stops."
    )
    run_server(app, sock)
    announce("Stopped.")


class FeedsWhenPublished:
    """The feed application of ``folder`` once there are feeds: before the first
    publication every request gets the feed server's 404, and the app is built on the
    first request after it (the web app mounts this, so it starts before any
    publication; `roster serve` still refuses to start without feeds)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._app: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer with the feed application, or its 404 while there are no feeds."""
        if self._app is None and feeds_dir(self.folder).is_dir():
            self._app = feed_app(self.folder)
        if self._app is None:
            response = not_found()
            response.headers.update(dict(SECURITY_HEADERS))
            await response(scope, receive, send)
            return
        await self._app(scope, receive, send)


def feeds_for_web(folder: Path) -> FeedsWhenPublished:
    """The published feeds of ``folder`` as an ASGI application for the web app, served
    at the same paths as `roster serve` serves them (``/public.ics``, ``/<token>.ics``)."""
    return FeedsWhenPublished(folder)
