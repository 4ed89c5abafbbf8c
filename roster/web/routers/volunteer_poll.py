"""The volunteers' own pages: the month's poll (issue 15). No lead's login: each route
checks the volunteer's page token (roster.web.volunteer_deps).

``GET /p/{token}/poll`` shows the dates of the open poll (or of ``?month=``) with the
volunteer's saved answers; ``POST /p/{token}/poll`` saves a plain form (one radio group
``d.<date>`` per date) and redirects back to the page ("Saved: 6 dates"). The API
``GET``/``PUT /api/p/{token}/poll/{month}`` does the same with JSON. Both call
:mod:`roster.app.polls`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query, Request
from pydantic import BaseModel, Field
from starlette.responses import HTMLResponse, RedirectResponse, Response

from roster.app.polls import (
    PollAnswered,
    PollClosedError,
    VolunteerPoll,
    answer_poll,
    volunteer_poll,
)
from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError
from roster.web.errors import problem, roster_error_fields
from roster.web.pages import ENV
from roster.web.sessions import settings_of
from roster.web.volunteer_deps import VisitorDep, check_page_csrf, page_csrf
from roster.wording.catalogue import plural, text

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/p", tags=["volunteer"])

MONTH_PATTERN = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
FIELD_PREFIX = "d."
"""The form field of a date: ``d.<YYYY-MM-DD>``."""
MonthQuery = Annotated[str | None, Query(max_length=7, pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
MonthPath = Annotated[str, Path(max_length=7, pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
LangQuery = Annotated[str | None, Query(max_length=5)]


class PollOut(BaseModel):
    """The volunteer's poll, and the token their changes must carry."""

    poll: VolunteerPoll
    csrf_token: str = Field(description="send it as the X-CSRF-Token header of a change")


class AnswersIn(BaseModel):
    """The volunteer's answers: date -> yes, maybe or no (a date left out keeps its
    answer)."""

    answers: dict[
        Annotated[str, Field(max_length=10)], Annotated[str | None, Field(max_length=8)]
    ] = Field(max_length=31, description="date YYYY-MM-DD -> yes, maybe or no")


LANGUAGES = (("de", "Deutsch"), ("en", "English"))
"""The language switch: each language named in itself."""


def _lang(value: str | None) -> str | None:
    return value if value in ("de", "en") else None


def _page(
    token: str,
    poll: VolunteerPoll,
    csrf_token: str,
    *,
    status: int = 200,
    notice: str | None = None,
    message: str | None = None,
    errors: Mapping[str, str] | None = None,
    chosen: Mapping[str, str] | None = None,
) -> Response:
    locale = poll.locale

    def t(key: str, /, **values: object) -> str:
        return text(locale, f"volunteer.{key}", **values)

    page = ENV.get_template("volunteer_poll.html.j2").render(
        t=t,
        locale=locale,
        languages=LANGUAGES,
        poll=poll,
        token=token,
        csrf_token=csrf_token,
        prefix=FIELD_PREFIX,
        notice=notice,
        message=message,
        errors=dict(errors or {}),
        chosen=dict(chosen or {}),
    )
    return HTMLResponse(page, status_code=status)


def _answers_of(form: Any) -> dict[str, str | None]:
    answers: dict[str, str | None] = {}
    for name, value in form.multi_items():
        if name.startswith(FIELD_PREFIX) and isinstance(value, str):
            answers[name.removeprefix(FIELD_PREFIX)] = value
    return answers


@pages.get("/p/{token}/poll")
def poll_page(
    request: Request,
    token: str,
    visitor: VisitorDep,
    month: MonthQuery = None,
    lang: LangQuery = None,
    saved: Annotated[int | None, Query(ge=0, le=100)] = None,
) -> Response:
    """The month's poll with the volunteer's saved answers."""
    settings = settings_of(request)
    poll = volunteer_poll(
        settings.folder, visitor.volunteer, month, lang=_lang(lang), now=settings.clock()
    )
    notice = None if saved is None else plural(poll.locale, "volunteer.poll_saved", saved)
    return _page(token, poll, page_csrf(settings, visitor), notice=notice)


@pages.post("/p/{token}/poll")
async def poll_save(request: Request, token: str, visitor: VisitorDep) -> Response:
    """Save the form's answers; back to the page (303) with how many dates were saved."""
    await check_page_csrf(request, visitor)
    settings = settings_of(request)
    form = await request.form()
    month = form.get("month")
    lang = _lang(str(form.get("lang") or "")) or None
    answers = _answers_of(form)
    csrf = page_csrf(settings, visitor)
    if not isinstance(month, str) or not MONTH_PATTERN.fullmatch(month):
        month = None
    try:
        if month is None:
            raise PollClosedError("")
        done = answer_poll(
            settings.folder,
            visitor.volunteer,
            month,
            answers,
            lang=lang,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except RosterError as exc:
        poll = volunteer_poll(
            settings.folder, visitor.volunteer, month, lang=lang, now=settings.clock()
        )
        chosen = {k: v or "" for k, v in answers.items()}
        if isinstance(exc, PollClosedError):
            return _page(token, poll, csrf, status=409, message=poll.status)
        if isinstance(exc, FolderBusyError):
            busy = text(poll.locale, "web.busy")
            return _page(token, poll, csrf, status=409, message=busy, chosen=chosen)
        errors = {item["field"]: item["message"] for item in roster_error_fields(exc)}
        return _page(
            token, poll, csrf, status=422, message=exc.message, errors=errors, chosen=chosen
        )
    target = f"/p/{token}/poll?month={month}&saved={done.saved}"
    if lang:
        target += f"&lang={lang}"
    return RedirectResponse(target, status_code=303)


@api.get("/{token}/poll/{month}")
def poll_api(
    request: Request, visitor: VisitorDep, month: MonthPath, lang: LangQuery = None
) -> PollOut:
    """The month's poll with the volunteer's saved answers, and the CSRF token."""
    settings = settings_of(request)
    poll = volunteer_poll(
        settings.folder, visitor.volunteer, month, lang=_lang(lang), now=settings.clock()
    )
    return PollOut(poll=poll, csrf_token=page_csrf(settings, visitor))


@api.put("/{token}/poll/{month}", response_model=PollAnswered)
async def poll_api_save(
    request: Request,
    visitor: VisitorDep,
    month: MonthPath,
    body: Annotated[AnswersIn, Body()],
    lang: LangQuery = None,
) -> PollAnswered | Response:
    """Save the volunteer's answers (header ``X-CSRF-Token``: the page's token). 409
    after the deadline or when the poll is closed; 422 with a problem per wrong date
    (field: the date), nothing written."""
    await check_page_csrf(request, visitor)
    settings = settings_of(request)
    try:
        return answer_poll(
            settings.folder,
            visitor.volunteer,
            month,
            body.answers,
            lang=_lang(lang),
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except PollClosedError as exc:
        return problem(409, exc.message, exc.message)
