"""Rendering the lead's pages: Jinja2 templates in ``templates/web/`` (package data),
filled with the office's words.

Every template gets ``t(key, **values)`` (the catalogue's ``web.*`` texts in the office's
language) and ``tp(key, count, **values)`` (their counted forms), ``office`` (name and
language), ``lead`` (the logged-in lead, or None), ``csrf_token`` (for the hidden field
of every form), ``month`` (the month the header's switcher shows) and ``nav`` (the main
menu). Templates escape every value (autoescape); nothing is marked safe.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from roster.app import office_words
from roster.app.clock import next_month
from roster.app.office import OfficeWords
from roster.domain.month import Month
from roster.web.sessions import Session, current_session, settings_of
from roster.wording.catalogue import plural, text
from roster.wording.dates import date_text

ENV = Environment(
    loader=PackageLoader("templates", "web"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

NAV: tuple[tuple[str, str, bool], ...] = (
    ("month", "/month/{month}", True),
    ("team", "/team", False),
    ("availability", "/availability/{month}", True),
    ("appointments", "/appointments/{month}", True),
    ("plan", "/plan/{month}", True),
    ("publish", "/publish/{month}", True),
    ("notices", "/notices", False),
    ("changes", "/changes", False),
)
"""The main menu: the word (``web.nav_*``), the address, whether it is per month."""


@dataclass(frozen=True)
class NavItem:
    """One entry of the main menu."""

    key: str
    href: str
    label: str
    current: bool


def words(locale: str) -> Callable[..., str]:
    """``t(key, **values)``: a ``web.*`` text in ``locale``."""

    def t(key: str, /, **values: object) -> str:
        return text(locale, f"web.{key}", **values)

    return t


def counted(locale: str) -> Callable[..., str]:
    """``tp(key, count, **values)``: the counted form of a ``web.*`` text."""

    def tp(key: str, count: int, /, **values: object) -> str:
        return plural(locale, f"web.{key}", count, **values)

    return tp


def _csrf(request: Request) -> str:
    session: Session | None = getattr(request.state, "session_new", None) or current_session(
        request
    )
    return session.csrf if session is not None else ""


def office_of(request: Request) -> OfficeWords:
    """The office's name and language, read once per request."""
    found: OfficeWords | None = getattr(request.state, "office", None)
    if found is None:
        found = office_words(settings_of(request).folder)
        request.state.office = found
    return found


def menu(locale: str, month: Month, active: str | None) -> list[NavItem]:
    """The main menu for ``month``, with the current page marked."""
    t = words(locale)
    return [
        NavItem(key, href.format(month=month), t(f"nav_{key}"), key == active)
        for key, href, _ in NAV
    ]


def render(
    request: Request,
    template: str,
    *,
    status: int = 200,
    month: Month | None = None,
    active: str | None = None,
    **context: Any,
) -> HTMLResponse:
    """The page ``template`` in the office's language, with the frame's values."""
    settings = settings_of(request)
    office = office_of(request)
    shown = month or next_month(office.zone, settings.clock())
    page = ENV.get_template(template).render(
        t=words(office.locale),
        tp=counted(office.locale),
        office=office,
        lead=getattr(request.state, "lead", None),
        csrf_token=_csrf(request),
        month=str(shown),
        month_text=date_text(shown.first, "LLLL yyyy", office.locale),
        previous_month=str(shown.previous()),
        next_month=str(shown.next()),
        nav=menu(office.locale, shown, active),
        **context,
    )
    return HTMLResponse(page, status_code=status)
