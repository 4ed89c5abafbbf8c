"""The API of the month's appointment requests: ``/api/months/{month}/appointments``
(the list, no notes; ``POST`` adds one) and ``/api/months/{month}/appointments/{case}``
(``GET`` one request with its confidential note, ``PUT`` changes it, ``DELETE`` cancels
it). The same functions as the pages (:mod:`roster.web.routers.appointments`) behind
each; a ``/`` of a case reference is written ``~`` in the address, a later request of the
same case is ``?number=2``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import APIRouter, HTTPException, Path, Query
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from roster.app.appointment_checks import MAX_NOTE, Draft
from roster.app.appointment_edits import add_appointment, cancel_appointment, change_appointment
from roster.app.appointments import (
    AppointmentDetail,
    AppointmentItem,
    AppointmentList,
    AppointmentNotFoundError,
    appointment_list,
    appointment_page,
    slug_case,
)
from roster.web.deps import LeadDep, SettingsDep
from roster.web.routers.month import MonthPath

api = APIRouter(prefix="/api", tags=["appointments"])

CasePath = Annotated[
    str, Path(max_length=100, description="the case reference, a / in it written ~")
]
Number = Annotated[
    int, Query(ge=1, le=999, description="which request of the case this month: 1, 2...")
]
T = TypeVar("T")


class AppointmentIn(BaseModel):
    """A request as a program sends it."""

    model_config = ConfigDict(extra="forbid")

    case: str = Field(max_length=100, description="case reference, never a client's name")
    language: str = Field(max_length=40, description="language code, e.g. ar, fa-AF")
    minutes: int = Field(description="length, 1 to 600, at most the longest appointment hours")
    earliest: dt.date = Field(description="first possible date, in the month")
    latest: dt.date = Field(description="last possible date, in the month")
    counsellor: str | None = Field(
        default=None, max_length=64, description="id of the counsellor who keeps the case"
    )
    note: str | None = Field(default=None, max_length=4 * MAX_NOTE, description="confidential")
    again: bool = Field(
        default=False, description="another appointment of a case that already has a request"
    )

    def draft(self) -> Draft:
        """The request as the form would have sent it."""
        return Draft(
            case=self.case,
            language=self.language,
            minutes=str(self.minutes),
            earliest=self.earliest.isoformat(),
            latest=self.latest.isoformat(),
            counsellor=self.counsellor or "",
            note=self.note or "",
            again=self.again,
        )


def or_404(call: Callable[[], T]) -> T:
    """The result of ``call``; 404 (a plain answer) when the request it names does not
    exist."""
    try:
        return call()
    except AppointmentNotFoundError:
        raise HTTPException(status_code=404) from None


@api.get("/months/{month}/appointments")
def list_appointments(settings: SettingsDep, month: MonthPath) -> AppointmentList:
    """The month's requests: case reference, language, length, window, wished counsellor
    and whether the month's plan schedules each. No notes."""
    return appointment_list(settings.folder, month, now=settings.clock())


@api.post("/months/{month}/appointments", status_code=201)
def post_appointment(
    settings: SettingsDep, lead: LeadDep, month: MonthPath, body: AppointmentIn
) -> AppointmentItem:
    """Add a request; the request as the list shows it (no note). 422 with a problem per
    wrong field, and nothing is saved."""
    return add_appointment(
        settings.folder,
        month,
        body.draft(),
        who=lead.id,
        now=settings.clock(),
        lock_wait=settings.lock_wait,
    )


@api.get("/months/{month}/appointments/{case}")
def get_appointment(
    settings: SettingsDep, month: MonthPath, case: CasePath, number: Number = 1
) -> AppointmentDetail:
    """One request, with its confidential note (never cached)."""
    found = or_404(lambda: appointment_page(settings.folder, month, slug_case(case), number))
    return found.appointment


@api.put("/months/{month}/appointments/{case}")
def put_appointment(
    settings: SettingsDep,
    lead: LeadDep,
    month: MonthPath,
    case: CasePath,
    body: AppointmentIn,
    number: Number = 1,
) -> AppointmentItem:
    """Change a request (all its fields: a field left out is removed, if it may be); the
    request as the list shows it (no note)."""
    return or_404(
        lambda: change_appointment(
            settings.folder,
            month,
            slug_case(case),
            number,
            body.draft(),
            who=lead.id,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    )


@api.delete("/months/{month}/appointments/{case}", status_code=204)
def delete_appointment(
    settings: SettingsDep, lead: LeadDep, month: MonthPath, case: CasePath, number: Number = 1
) -> Response:
    """Cancel a request: it is removed from the month."""
    or_404(
        lambda: cancel_appointment(
            settings.folder,
            month,
            slug_case(case),
            number,
            who=lead.id,
            now=settings.clock(),
            lock_wait=settings.lock_wait,
        )
    )
    return Response(status_code=204)
