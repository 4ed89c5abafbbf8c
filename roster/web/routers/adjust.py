"""The adjust page: one session of a month's plan, changed by hand.

``/adjust/{month}/{date}`` shows the session's people, its gaps with who can close each
(and, folded away, why the others cannot), the candidates for a function asked for and
for a swap, and the month's last change with its undo. Its forms post to
``/adjust/{month}/{date}/assign``, ``.../remove``, ``.../swap`` and
``/adjust/{month}/undo`` and answer with a redirect back to the page (POST, redirect,
GET), which then shows what changed; a refused change shows the page again with the
reason next to the form.

The API gives the same: ``GET /api/months/{month}/sessions/{date}`` and ``POST
.../assign``, ``.../remove``, ``.../swap``, ``/api/months/{month}/undo``, each change
answering with what changed. Page and API call the same functions of
:mod:`roster.app.adjust`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, TypedDict
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import RedirectResponse, Response

from roster.app import Lead
from roster.app.adjust import put_in, session_view, swap_people, take_out, undo_last
from roster.app.adjust_models import ChangeResult, SessionView
from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError
from roster.domain.month import Month
from roster.web.deps import LeadDep, SettingsDep
from roster.web.errors import roster_error_fields
from roster.web.pages import office_of, render, words
from roster.web.routers.month import MonthPath
from roster.web.settings import WebSettings

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DatePath = Annotated[str, Path(pattern=DATE_PATTERN, description="the session's date, YYYY-MM-DD")]
ID = Annotated[str, Field(min_length=1, max_length=40, description="volunteer id")]
Code = Annotated[str, Field(min_length=1, max_length=20, description="a language code")]
FormText = Annotated[str, Form(max_length=100)]
RoleName = Literal["counsellor", "interpreter", "lead"]

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["adjust"])


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    session: str | None = Field(
        default=None, max_length=40, description="session id, when the date has several"
    )


class AssignBody(_Body):
    """Put a person in."""

    volunteer: ID
    role: RoleName = Field(description="counsellor, interpreter, or lead (lead duty)")
    language: Code | None = Field(
        default=None, description="the language interpreted (needed) or counselled in"
    )


class RemoveBody(_Body):
    """Take a person out."""

    volunteer: ID


class SwapBody(_Body):
    """Swap a person of the session for another."""

    out: ID = Field(description="the person who leaves")
    into: ID = Field(alias="in", description="the person who comes")
    role: RoleName | None = Field(default=None, description="default: the place of out")
    language: Code | None = None


class _Writer(TypedDict):
    who: str
    now: datetime
    lock_wait: float


def _writer(settings: WebSettings, lead: Lead) -> _Writer:
    """Who changes, when, and how long to wait for the folder's lock."""
    return {"who": lead.id, "now": settings.clock(), "lock_wait": settings.lock_wait}


def _view(
    settings: WebSettings,
    month: str,
    date: str,
    session: str | None,
    function: str | None = None,
    swap: str | None = None,
) -> SessionView:
    """The session, with the candidates for ``function`` (``interpreter:ar``) and for a
    swap of ``swap``."""
    role, _, language = (function or "").partition(":")
    return session_view(
        settings.folder,
        month,
        date,
        session=session,
        role=role or None,
        language=language or None,
        swap=swap,
        now=settings.clock(),
    )


def _page(
    request: Request,
    view: SessionView,
    *,
    status: int = 200,
    message: str | None = None,
    failed: str | None = None,
    done: str | None = None,
) -> Response:
    return render(
        request,
        "adjust.html.j2",
        status=status,
        month=Month.parse(view.month),
        active="plan",
        view=view,
        message=message,
        failed=failed,
        done=done if view.last is not None else None,
    )


@pages.get("/adjust/{month}/{date}")
def adjust_page(
    request: Request,
    settings: SettingsDep,
    month: MonthPath,
    date: DatePath,
    session: Annotated[str | None, Query(max_length=40)] = None,
    function: Annotated[str | None, Query(max_length=40)] = None,
    swap: Annotated[str | None, Query(max_length=40)] = None,
    done: Annotated[Literal["change", "undo"] | None, Query()] = None,
) -> Response:
    """The session with its people, gaps, candidates and the last change."""
    return _page(request, _view(settings, month, date, session, function, swap), done=done)


def _refused(
    request: Request,
    settings: SettingsDep,
    month: str,
    date: str,
    exc: RosterError,
    *,
    failed: str,
    session: str | None,
    function: str | None = None,
    swap: str | None = None,
) -> Response:
    """The page again, with the problem next to the form that failed."""
    if isinstance(exc, FolderBusyError):
        status, message = 409, words(office_of(request).locale)("busy")
    else:
        fields = roster_error_fields(exc)
        status, message = 422, fields[0]["message"] if fields else exc.message
    try:
        view = _view(settings, month, date, session, function, swap)
    except RosterError:  # the function or the person to swap is gone: the page as it is
        view = _view(settings, month, date, session)
    return _page(request, view, status=status, message=message, failed=failed)


def _back(month: str, date: str, session: str | None, done: str) -> Response:
    query = urlencode({"done": done, **({"session": session} if session else {})})
    return RedirectResponse(f"/adjust/{month}/{date}?{query}#result", status_code=303)


def _pick(pick: str) -> tuple[str, str, str | None]:
    """``v16:interpreter:uk`` (a candidate's radio button) -> its three parts."""
    volunteer, _, rest = pick.partition(":")
    role, _, language = rest.partition(":")
    return volunteer, role, language or None


@pages.post("/adjust/{month}/{date}/assign")
def adjust_assign(
    request: Request,
    settings: SettingsDep,
    lead: LeadDep,
    month: MonthPath,
    date: DatePath,
    pick: FormText = "",
    form: FormText = "",
    session: FormText = "",
    function: FormText = "",
) -> Response:
    """Put the person picked into the place picked."""
    volunteer, role, language = _pick(pick)
    try:
        put_in(
            settings.folder,
            month,
            date,
            volunteer,
            role,
            language,
            session=session or None,
            **_writer(settings, lead),
        )
    except RosterError as exc:
        return _refused(
            request,
            settings,
            month,
            date,
            exc,
            failed=form,
            session=session or None,
            function=function or None,
        )
    return _back(month, date, session or None, "change")


@pages.post("/adjust/{month}/{date}/remove")
def adjust_remove(
    request: Request,
    settings: SettingsDep,
    lead: LeadDep,
    month: MonthPath,
    date: DatePath,
    volunteer: FormText = "",
    session: FormText = "",
) -> Response:
    """Take the person out of the session."""
    try:
        take_out(
            settings.folder,
            month,
            date,
            volunteer,
            session=session or None,
            **_writer(settings, lead),
        )
    except RosterError as exc:
        return _refused(
            request, settings, month, date, exc, failed="people", session=session or None
        )
    return _back(month, date, session or None, "change")


@pages.post("/adjust/{month}/{date}/swap")
def adjust_swap(
    request: Request,
    settings: SettingsDep,
    lead: LeadDep,
    month: MonthPath,
    date: DatePath,
    out: FormText = "",
    pick: FormText = "",
    session: FormText = "",
) -> Response:
    """Swap the person leaving for the person picked, in the leaving person's place."""
    into, role, language = _pick(pick)
    try:
        swap_people(
            settings.folder,
            month,
            date,
            out,
            into,
            role or None,
            language,
            session=session or None,
            **_writer(settings, lead),
        )
    except RosterError as exc:
        return _refused(
            request,
            settings,
            month,
            date,
            exc,
            failed="swap",
            session=session or None,
            swap=out or None,
        )
    return _back(month, date, session or None, "change")


@pages.post("/adjust/{month}/undo")
def adjust_undo(
    request: Request,
    settings: SettingsDep,
    lead: LeadDep,
    month: MonthPath,
    date: Annotated[str, Form(pattern=DATE_PATTERN)],
    session: FormText = "",
) -> Response:
    """Undo the month's last change; back to the session's page."""
    try:
        undo_last(settings.folder, month, **_writer(settings, lead))
    except RosterError as exc:
        return _refused(request, settings, month, date, exc, failed="undo", session=session or None)
    return _back(month, date, session or None, "undo")


# -- the API ------------------------------------------------------------------------------
SessionsPath = "/months/{month}/sessions/{date}"


@api.get(SessionsPath)
def api_session(
    settings: SettingsDep,
    month: MonthPath,
    date: DatePath,
    session: Annotated[str | None, Query(max_length=40, description="session id")] = None,
    role: Annotated[RoleName | None, Query(description="candidates for this function")] = None,
    language: Annotated[str | None, Query(max_length=20, description="its language")] = None,
    swap: Annotated[
        str | None, Query(max_length=40, description="candidates to swap for this person")
    ] = None,
) -> SessionView:
    """The session: its people, its open needs with the candidates the checker accepts
    (and why each other person cannot), the candidates for ``role`` (and ``language``)
    and for a swap of ``swap``, and the month's last change."""
    return session_view(
        settings.folder,
        month,
        date,
        session=session,
        role=role,
        language=language,
        swap=swap,
        now=settings.clock(),
    )


@api.post(SessionsPath + "/assign")
def api_assign(
    settings: SettingsDep, lead: LeadDep, month: MonthPath, date: DatePath, body: AssignBody
) -> ChangeResult:
    """Put a person in (an ``assign`` override) and re-plan the month; what changed."""
    return put_in(
        settings.folder,
        month,
        date,
        body.volunteer,
        body.role,
        body.language,
        session=body.session,
        **_writer(settings, lead),
    )


@api.post(SessionsPath + "/remove")
def api_remove(
    settings: SettingsDep, lead: LeadDep, month: MonthPath, date: DatePath, body: RemoveBody
) -> ChangeResult:
    """Take a person out (a ``forbid`` override) and re-plan the month; what changed."""
    return take_out(
        settings.folder,
        month,
        date,
        body.volunteer,
        session=body.session,
        **_writer(settings, lead),
    )


@api.post(SessionsPath + "/swap")
def api_swap(
    settings: SettingsDep, lead: LeadDep, month: MonthPath, date: DatePath, body: SwapBody
) -> ChangeResult:
    """Swap ``out`` for ``in`` (both overrides) and re-plan the month; what changed."""
    return swap_people(
        settings.folder,
        month,
        date,
        body.out,
        body.into,
        body.role,
        body.language,
        session=body.session,
        **_writer(settings, lead),
    )


@api.post("/months/{month}/undo")
def api_undo(settings: SettingsDep, lead: LeadDep, month: MonthPath) -> ChangeResult:
    """Undo the month's last change (overrides and plan as before it); what changed back."""
    return undo_last(settings.folder, month, **_writer(settings, lead))
