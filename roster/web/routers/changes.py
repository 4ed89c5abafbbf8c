"""The change log: ``/changes`` and ``GET /api/changes``, both from
:func:`roster.app.latest_changes` (newest first, people by name)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from starlette.responses import Response

from roster.app import latest_changes
from roster.web.deps import SettingsDep
from roster.web.pages import render

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/changes", tags=["changes"])


class ChangeOut(BaseModel):
    """One change, in plain words."""

    time: datetime = Field(description="when, in the office's time zone")
    when: str = Field(description="when, in words")
    who: str = Field(description="the name of the person who made it")
    what: str = Field(description="what changed, in words")
    month: str | None = Field(default=None, description="the month it concerns, YYYY-MM")


@pages.get("/changes")
def changes_page(request: Request, settings: SettingsDep) -> Response:
    """The latest changes."""
    return render(
        request, "changes.html.j2", active="changes", changes=latest_changes(settings.folder)
    )


@api.get("")
def changes(
    settings: SettingsDep, limit: Annotated[int, Query(ge=1, le=1000)] = 50
) -> list[ChangeOut]:
    """The latest ``limit`` changes, newest first."""
    return [
        ChangeOut(time=line.time, when=line.when, who=line.who, what=line.what, month=line.month)
        for line in latest_changes(settings.folder, limit)
    ]
