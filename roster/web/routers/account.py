"""The lead's own account: ``/account`` (change password) and
``PUT /api/account/password``. Both call :func:`roster.app.change_password`, which
checks the current password, writes under the folder lock and records the change; the
page shows a problem next to its field, the API returns it in ``errors``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from pydantic import BaseModel, Field
from starlette.responses import RedirectResponse, Response

from roster.app import change_password
from roster.app.accounts import MIN_PASSWORD
from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError
from roster.web.deps import LeadDep, SettingsDep
from roster.web.errors import roster_error_fields
from roster.web.pages import office_of, render, words
from roster.web.sessions import Session, start_session

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/account", tags=["account"])


class NewPassword(BaseModel):
    """Changing the password."""

    current_password: str = Field(max_length=4096, description="the password now")
    new_password: str = Field(max_length=4096, description="the new password")


def _form(
    request: Request, *, status: int = 200, message: str | None = None, **fields: str
) -> Response:
    return render(
        request,
        "account.html.j2",
        status=status,
        message=message,
        errors=fields,
        changed=request.query_params.get("changed") == "1",
        min_password=MIN_PASSWORD,
    )


@pages.get("/account")
def account_page(request: Request, lead: LeadDep) -> Response:
    """The form to change the password."""
    del lead
    return _form(request)


@pages.post("/account/password")
def account_password(
    request: Request,
    settings: SettingsDep,
    lead: LeadDep,
    current_password: Annotated[str, Form(max_length=4096)] = "",
    new_password: Annotated[str, Form(max_length=4096)] = "",
) -> Response:
    """Change the password from the form; the form again with the problems otherwise."""
    try:
        changed = change_password(
            settings.folder,
            lead.id,
            current_password,
            new_password,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    except FolderBusyError:
        return _form(request, status=409, message=words(office_of(request).locale)("busy"))
    except RosterError as exc:
        errors = {item["field"]: item["message"] for item in roster_error_fields(exc)}
        return _form(request, status=422, message=exc.message, **errors)
    start_session(request, Session.new(settings.seconds(), changed.id, changed.epoch))
    return RedirectResponse("/account?changed=1", status_code=303)


@api.put("/password", status_code=204)
def api_password(
    request: Request, settings: SettingsDep, lead: LeadDep, body: NewPassword
) -> Response:
    """Change the password. The session goes on with a new cookie (and a new CSRF
    token: ask ``GET /api/session``); every other session of the account ends."""
    changed = change_password(
        settings.folder,
        lead.id,
        body.current_password,
        body.new_password,
        now=settings.clock(),
        lock_wait=settings.lock_wait,
    )
    start_session(request, Session.new(settings.seconds(), changed.id, changed.epoch))
    return Response(status_code=204)
