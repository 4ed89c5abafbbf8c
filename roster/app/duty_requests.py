"""The volunteers' requests waiting for the lead (issue 15): a step-in or a give-back the
office wants confirmed (``volunteers.step_in``/``give_back: ask_lead`` in office.yaml).

They live in ``web/requests.json`` (0600, written atomically). It holds ids, dates and
functions only: no client data, no page token. Read and write it under the folder lock.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from datetime import datetime
from pathlib import Path
from typing import Literal, cast

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from calendars.state import read_state
from roster.app.adjust import put_in, take_out
from roster.app.adjust_models import ChangeResult
from roster.app.adjust_words import Words
from roster.app.changelog import record_change
from roster.app.edits import COMMAND
from roster.app.give_back import fill_gap
from roster.app.guard import reading, writing
from roster.app.places import Place, Role
from roster.app.publishing_web import publish_calendars
from roster.app.web_files import web_folder
from roster.domain.errors import RosterError
from roster.domain.files import write_atomic
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office
from roster.planfile.index import PlanIndex
from roster.planfile.io import plan_path, read_plan
from roster.wording.catalogue import locale_of, text
from roster.wording.explanations import Wording

Kind = Literal["step_in", "give_back"]


class PageWords(Words):
    """The adjust page's words in a language of one's choice (a volunteer's page)."""

    def __init__(self, data: OfficeData, locale: str) -> None:
        self.data = data
        self.locale = locale_of(locale)
        self.names = {person.id: person.name for person in data.volunteers}
        self.wording = Wording.of(locale, data.office, self.names)


class DutyRequest(BaseModel):
    """One request of a volunteer, waiting for the lead."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(description="the request's id")
    kind: Kind = Field(description="step_in or give_back")
    volunteer: str = Field(description="who asks (an id, shown by name)")
    date: dt.date = Field(description="the session's date")
    role: str | None = Field(default=None, description="the function asked for (step_in)")
    language: str | None = Field(default=None, description="its language, if any")
    made: str = Field(description="when it was made, ISO 8601 UTC")


class _Stored(BaseModel):
    model_config = ConfigDict(extra="forbid")

    requests: list[DutyRequest] = Field(default_factory=list)


def requests_path(folder: Path) -> Path:
    """``DIR/web/requests.json``."""
    return web_folder(Path(folder)) / "requests.json"


def read_requests(folder: Path) -> list[DutyRequest]:
    """The requests waiting, oldest first (none without a file)."""
    path = requests_path(folder)
    if not path.is_file():
        return []
    try:
        return _Stored.model_validate(json.loads(path.read_text("utf-8"))).requests
    except (ValueError, ValidationError):
        raise RosterError(f"{path} is damaged; remove it to drop the requests waiting") from None


def write_requests(folder: Path, requests: list[DutyRequest]) -> None:
    """Write the requests waiting (0600). Call it under the folder lock."""
    path = requests_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    stored = _Stored(requests=requests).model_dump(mode="json")
    write_atomic(path, json.dumps(stored, indent=2) + "\n", secret=True)


def new_request_id() -> str:
    """A short random id."""
    return secrets.token_hex(6)


def republish(
    folder: Path, month: Month, *, who: str, now: datetime | None, lock_wait: float | None
) -> bool:
    """Publish the feeds again after an applied change, when they were published before
    (the first publication is the lead's); whether they were. Call it under the lock."""
    with reading():
        published = read_state(folder) is not None
    if published:
        publish_calendars(folder, month, who=who, now=now, lock_wait=lock_wait)
    return published


class RequestLine(BaseModel):
    """A request waiting, in the lead's words."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: Kind
    date: dt.date
    text: str = Field(description="who asks what, in words")


def _line(data: OfficeData, item: DutyRequest, locale: str) -> RequestLine:
    words = PageWords(data, locale)
    name = words.name(item.volunteer)
    day = words.day(item.date)
    if item.kind == "step_in" and item.role is not None:
        role = cast(Role, item.role)
        duty = words.duty(Place(role, item.language)).text
        said = text(locale, "volunteer.duty_request_step_in", name=name, day=day, duty=duty)
    else:
        said = text(locale, "volunteer.duty_request_give_back", name=name, day=day)
    return RequestLine(id=item.id, kind=item.kind, date=item.date, text=said)


def pending_requests(folder: Path, *, month: Month | str | None = None) -> list[RequestLine]:
    """The requests waiting for the lead (of ``month`` only, if given), in the office's
    language: for the lead's overview."""
    folder = Path(folder)
    with reading():
        data = load_office(folder)
        found = read_requests(folder)
    chosen = None if month is None else Month.parse(str(month))
    return [
        _line(data, item, data.office.locale)
        for item in found
        if chosen is None or Month.of(item.date) == chosen
    ]


def _take(folder: Path, request_id: str, locale: str) -> tuple[DutyRequest, list[DutyRequest]]:
    found = read_requests(folder)
    for item in found:
        if item.id == request_id:
            return item, [other for other in found if other.id != request_id]
    raise RosterError(text(locale, "volunteer.duty_request_gone"))


def confirm_request(
    folder: Path,
    request_id: str,
    *,
    who: str,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> ChangeResult | None:
    """The lead confirms a request: a step-in puts the volunteer in, a give-back takes
    them out (each re-planned with stability, :mod:`roster.app.adjust`), the feeds are
    published again (when they were before) and the request is gone. A give-back whose
    gap is already open (``ask_lead``: :mod:`roster.app.give_back`) is filled by planning
    the month again with stability. None when the month has no plan.
    :class:`RosterError` (nothing changed, the request stays) when the checker no
    longer accepts a step-in."""
    folder = Path(folder)
    with writing(folder, COMMAND, wait=lock_wait):
        data = load_office(folder)
        item, rest = _take(folder, request_id, data.office.locale)
        month = Month.of(item.date)
        result: ChangeResult | None
        if item.kind == "step_in":
            result = put_in(
                folder,
                month,
                item.date,
                item.volunteer,
                item.role or "counsellor",
                item.language,
                who=who,
                now=now,
                lock_wait=lock_wait,
            )
        else:
            result = _take_out_if_on_duty(folder, item, who=who, now=now, lock_wait=lock_wait)
            if result is None and plan_path(folder, month).is_file():
                words = PageWords(data, data.office.locale)
                result = fill_gap(
                    data,
                    item.date,
                    words=words,
                    who=who,
                    now=now,
                    lock_wait=lock_wait,
                    name=words.name(item.volunteer),
                    day=words.day(item.date),
                )
        write_requests(folder, rest)
        if result is not None:
            republish(folder, month, who=who, now=now, lock_wait=lock_wait)
        return result


def _take_out_if_on_duty(
    folder: Path, item: DutyRequest, *, who: str, now: datetime | None, lock_wait: float | None
) -> ChangeResult | None:
    plan_file = plan_path(folder, Month.of(item.date))
    if not plan_file.is_file():
        return None
    plan = read_plan(plan_file)
    index = PlanIndex(plan)
    for session in plan.sessions:
        if session.date == item.date and index.works_in(item.volunteer, session.id):
            return take_out(
                folder,
                Month.of(item.date),
                item.date,
                item.volunteer,
                who=who,
                session=session.id,
                now=now,
                lock_wait=lock_wait,
            )
    return None


def decline_request(
    folder: Path,
    request_id: str,
    *,
    who: str,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> None:
    """The lead declines a request: it is gone and recorded. A step-in changes nothing;
    a give-back's absence and its gap stay (the person said they cannot come: planning
    them back in would plan someone who will not be there); the lead fills the gap by
    adjusting, or leaves it open."""
    folder = Path(folder)
    with writing(folder, COMMAND, wait=lock_wait):
        data = load_office(folder)
        item, rest = _take(folder, request_id, data.office.locale)
        write_requests(folder, rest)
        words = PageWords(data, data.office.locale)
        record_change(
            folder,
            who,
            "volunteer.duty_change_declined",
            month=Month.of(item.date),
            now=now,
            lock_wait=lock_wait,
            name=words.name(item.volunteer),
            day=words.day(item.date),
        )
