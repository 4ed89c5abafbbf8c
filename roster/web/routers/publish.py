"""Publish and print: ``/publish/{month}`` and its API, from
:mod:`roster.app.publishing_web` (the page, the calendars), :mod:`roster.app.publishing_files`
(the printouts) and :mod:`roster.app.handout` (the volunteers' calendar links).

Publishing, printing and revoking a link are forms that post and redirect (303) back to
the page; what they did is kept for the redirect's page in a note (in memory, for this
session, a few minutes). "Make a handout" is the exception: its answer *is* the handout
sheet, with the person's page link and its QR code (:func:`roster.app.page_links.page_sheet`):
the live link rebuilt, or a new one for a person without a link that can be shown again,
so a reload shows the same link. Revoking a calendar link first asks to confirm. The API
still makes calendar links (``POST /api/volunteers/{id}/link``).

Printouts are downloaded by a name from the list of the month's printouts, never by a
path from the request.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from roster.app.handout import (
    Handout,
    LinkList,
    Revoked,
    UnknownVolunteerError,
    link_of,
    make_handout,
    revoke_link,
    volunteer_links,
)
from roster.app.page_links import PageSheet, page_sheet
from roster.app.publishing_files import PrintList, make_printouts, print_file, print_files
from roster.app.publishing_web import PublishResult, publish_calendars, publish_page
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.web.deps import LeadDep, SettingsDep
from roster.web.errors import error_page, failure, problem
from roster.web.pages import office_of, render, words
from roster.web.routers.month import MonthPath
from roster.web.sessions import current_session
from roster.web.settings import WebSettings

VOLUNTEER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"
VolunteerPath = Annotated[str, Path(pattern=VOLUNTEER_PATTERN, description="the volunteer's id")]
FileName = Annotated[str, Path(max_length=120, description="a name from the list of printouts")]
NOTE_SECONDS = 600
"""How long the page remembers what the last publishing, printing or revoking did."""
MAX_NOTES = 200
_NOTES_LOCK = threading.Lock()

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["publish"])


class LinkRequest(BaseModel):
    """Making a volunteer's calendar link."""

    replace: bool = Field(
        default=False,
        description="the person has a link already: make a new one, the old one stops working",
    )


@dataclass(frozen=True)
class Note:
    """What a form did, for the page it redirects to."""

    session: str
    until: float
    published: PublishResult | None = None
    printed: PrintList | None = None
    revoked: Revoked | None = None


def _notes(request: Request) -> dict[str, Note]:
    """The notes of this app (in memory; the routes run in several threads)."""
    notes: dict[str, Note] | None = getattr(request.app.state, "publish_notes", None)
    if notes is None:
        notes = {}
        request.app.state.publish_notes = notes
    return notes


def _keep(request: Request, settings: WebSettings, note: Note) -> str:
    """Keep ``note`` for the page the form redirects to: the key to find it by."""
    key = secrets.token_urlsafe(12)
    now = settings.seconds()
    with _NOTES_LOCK:
        notes = _notes(request)
        for old in [old for old, kept in notes.items() if kept.until < now]:
            del notes[old]
        for old in list(notes)[: max(0, len(notes) - MAX_NOTES + 1)]:
            del notes[old]
        notes[key] = note
    return key


def _note(request: Request, settings: WebSettings, key: str | None) -> Note | None:
    """The note ``key`` if it belongs to this session and is still fresh."""
    with _NOTES_LOCK:
        kept = _notes(request).get(key or "")
    if kept is None or kept.session != _session_id(request) or kept.until < settings.seconds():
        return None
    return kept


def _session_id(request: Request) -> str:
    session = current_session(request)
    return session.sid if session is not None else ""


def _done(
    request: Request,
    settings: WebSettings,
    month: str,
    anchor: str,
    *,
    published: PublishResult | None = None,
    printed: PrintList | None = None,
    revoked: Revoked | None = None,
) -> Response:
    """Redirect to the page, with a note of what was done."""
    until = settings.seconds() + NOTE_SECONDS
    note = Note(_session_id(request), until, published, printed, revoked)
    key = _keep(request, settings, note)
    return RedirectResponse(f"/publish/{month}?note={key}#{anchor}", status_code=303)


def _page(
    request: Request,
    settings: WebSettings,
    month: str,
    *,
    status: int = 200,
    error: str | None = None,
    note: Note | None = None,
) -> Response:
    page = publish_page(settings.folder, month, now=settings.clock())
    return render(
        request,
        "publish.html.j2",
        status=status,
        month=Month.parse(month),
        active="publish",
        page=page,
        error=error,
        published=note.published if note else None,
        printed=note.printed if note else None,
        revoked=note.revoked if note else None,
    )


def _failed(request: Request, settings: WebSettings, month: str, exc: RosterError) -> Response:
    status, message = failure(request, exc)
    return _page(request, settings, month, status=status, error=message)


def _unknown(request: Request, exc: UnknownVolunteerError) -> Response:
    return error_page(request, 404, exc.message)


def _sheet(request: Request, month: str, sheet: PageSheet) -> Response:
    return render(
        request, "handout.html.j2", month=Month.parse(month), active="publish", sheet=sheet
    )


@pages.get("/publish/{month}")
def publish_view(
    request: Request,
    settings: SettingsDep,
    month: MonthPath,
    note: Annotated[str | None, Query(max_length=64)] = None,
) -> Response:
    """The page: the calendars, the printouts and the calendar links of the month."""
    return _page(request, settings, month, note=_note(request, settings, note))


@pages.post("/publish/{month}/publish")
def publish_form(
    request: Request, settings: SettingsDep, lead: LeadDep, month: MonthPath
) -> Response:
    """Publish the calendars; back to the page with what changed."""
    try:
        result = publish_calendars(
            settings.folder, month, who=lead.id, now=settings.clock(), lock_wait=settings.lock_wait
        )
    except RosterError as exc:
        return _failed(request, settings, month, exc)
    return _done(request, settings, month, "calendars", published=result)


@pages.post("/publish/{month}/print")
def print_form(
    request: Request, settings: SettingsDep, lead: LeadDep, month: MonthPath
) -> Response:
    """Make the printouts; back to the page with their list."""
    try:
        printed = make_printouts(
            settings.folder, month, who=lead.id, now=settings.clock(), lock_wait=settings.lock_wait
        )
    except RosterError as exc:
        return _failed(request, settings, month, exc)
    return _done(request, settings, month, "printouts", printed=printed)


@pages.get("/publish/{month}/files/{name}")
def download(settings: SettingsDep, month: MonthPath, name: FileName) -> Response:
    """One printout of the month's list, as an attachment (PDF or HTML, as it was made)."""
    found = print_file(settings.folder, month, name)
    if found is None:
        raise HTTPException(404)
    return Response(
        found.content,
        media_type=found.media_type,
        headers={"Content-Disposition": f'attachment; filename="{found.name}"'},
    )


@pages.post("/publish/{month}/handout/{volunteer}")
def handout_form(
    request: Request,
    settings: SettingsDep,
    lead: LeadDep,
    month: MonthPath,
    volunteer: VolunteerPath,
) -> Response:
    """The handout sheet: the person's page link and its QR code. Their live link is shown
    again (nothing is written); a person without a link that can be shown again gets a new
    one."""
    try:
        sheet = page_sheet(
            settings.folder,
            volunteer,
            who=lead.id,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except UnknownVolunteerError as exc:
        return _unknown(request, exc)
    except RosterError as exc:
        return _failed(request, settings, month, exc)
    return _sheet(request, month, sheet)


def _confirm(
    request: Request,
    month: str,
    action: str,
    volunteer: str,
    name: str,
    day: str | None,
) -> Response:
    """The question before a link is revoked."""
    t = words(office_of(request).locale)
    return render(
        request,
        "publish_confirm.html.j2",
        month=Month.parse(month),
        active="publish",
        action=action,
        volunteer=volunteer,
        title=t(f"publish_confirm_{action}_title", name=name),
        question=t(f"publish_confirm_{action}", name=name, day=day or ""),
        button=t(f"publish_confirm_{action}_button"),
    )


@pages.post("/publish/{month}/revoke/{volunteer}")
def revoke_form(
    request: Request,
    settings: SettingsDep,
    lead: LeadDep,
    month: MonthPath,
    volunteer: VolunteerPath,
    confirm: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    """Revoke a person's link after a question; back to the page."""
    try:
        if confirm != "yes":
            link = link_of(settings.folder, volunteer)
            return _confirm(request, month, "revoke", link.id, link.name, link.since_text)
        revoked = revoke_link(
            settings.folder,
            volunteer,
            who=lead.id,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except UnknownVolunteerError as exc:
        return _unknown(request, exc)
    except RosterError as exc:
        return _failed(request, settings, month, exc)
    return _done(request, settings, month, "links", revoked=revoked)


@api.post("/months/{month}/publish")
def api_publish(settings: SettingsDep, lead: LeadDep, month: MonthPath) -> PublishResult:
    """Publish the calendars: what changed in the volunteers' calendars (new, changed,
    cancelled duties, and duties that went to someone else), all and per person."""
    return publish_calendars(
        settings.folder, month, who=lead.id, now=settings.clock(), lock_wait=settings.lock_wait
    )


@api.post("/months/{month}/print")
def api_print(settings: SettingsDep, lead: LeadDep, month: MonthPath) -> PrintList:
    """Make the month's printouts: their list."""
    return make_printouts(
        settings.folder, month, who=lead.id, now=settings.clock(), lock_wait=settings.lock_wait
    )


@api.get("/months/{month}/print")
def api_printouts(settings: SettingsDep, month: MonthPath) -> PrintList:
    """The month's printouts (each downloaded from its ``url``, a page, not JSON)."""
    return print_files(settings.folder, month)


@api.get("/volunteers/links")
def api_links(settings: SettingsDep) -> LinkList:
    """Who has a calendar link and since when (never a link), and whether links can be made."""
    return volunteer_links(settings.folder)


@api.post("/volunteers/{volunteer}/link", response_model=Handout)
def api_link(
    settings: SettingsDep,
    lead: LeadDep,
    volunteer: VolunteerPath,
    body: LinkRequest | None = None,
) -> Response | Handout:
    """Make the person's calendar link and return it, once: it is stored nowhere. Someone
    with a link gets a new one only with ``replace`` (the old one then stops working)."""
    try:
        return make_handout(
            settings.folder,
            volunteer,
            who=lead.id,
            replace=body.replace if body else False,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except UnknownVolunteerError as exc:
        return _api_unknown(exc)


@api.delete("/volunteers/{volunteer}/link", response_model=Revoked)
def api_revoke(
    settings: SettingsDep, lead: LeadDep, volunteer: VolunteerPath
) -> Response | Revoked:
    """Revoke the person's calendar link: it stops working at once; no new one is made."""
    try:
        return revoke_link(
            settings.folder,
            volunteer,
            who=lead.id,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except UnknownVolunteerError as exc:
        return _api_unknown(exc)


def _api_unknown(exc: UnknownVolunteerError) -> Response:
    return problem(404, exc.message, exc.message)
