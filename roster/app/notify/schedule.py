"""The job the web app's schedule runs (:mod:`roster.web.notify_schedule`): office.yaml
read afresh, then :func:`roster.app.notify.run.notify` when the office sends e-mails and
the schedule is on (``mail:`` and ``notices.every_minutes`` above 0), nothing otherwise.

Its :class:`ScheduledRun` is a plain summary (counts and the interval), kept in memory
for the lead's page: no name, no address, no subject, no body.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from roster.app.guard import reading
from roster.app.notify.run import notify
from roster.app.notify.smtp import Sender
from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError
from roster.folder.load import load_office


class ScheduledRun(BaseModel):
    """What one scheduled run did."""

    model_config = ConfigDict(frozen=True)

    every_minutes: int = Field(
        description="the office's interval now; 0: the schedule idles (no mail: or "
        "every_minutes: 0)"
    )
    ran: bool = Field(description="whether it tried to send (False: idle)")
    sent: int = Field(default=0, description="messages sent")
    failed: int = Field(default=0, description="messages not sent; tried again next run")
    gave_up: int = Field(default=0, description="messages given up after the last attempt")
    busy: bool = Field(default=False, description="another run was sending: nothing done")
    problem: str | None = Field(
        default=None, description="why the run stopped, in plain words (for the lead)"
    )
    folder_problem: bool = Field(
        default=False, description="the office folder has problems: nothing was done"
    )


class ScheduleState(BaseModel):
    """The schedule as the lead's page shows it."""

    model_config = ConfigDict(frozen=True)

    running: bool = Field(description="whether the app's background task runs")
    last_run: datetime | None = Field(
        default=None, description="when it last tried to send (None: not yet)"
    )
    next_run: datetime | None = Field(default=None, description="when it looks next")
    last: ScheduledRun | None = Field(default=None, description="the last run's summary")


def schedule_interval(folder: Path) -> int:
    """Every how many minutes the web app sends (0: it does not: no ``mail:`` or
    ``every_minutes: 0``). A folder with problems: :class:`RosterError`."""
    with reading():
        office = load_office(Path(folder)).office
    return office.notices.every_minutes if office.mail is not None else 0


def scheduled_notify(folder: Path, *, now: datetime, send: Sender | None = None) -> ScheduledRun:
    """One run of the schedule at ``now``: send what is due when the office sends
    e-mails and the schedule is on; a summary. Never raises a :class:`RosterError`: a
    problem (the folder, the password, the sent-log) is the summary's ``problem``."""
    folder = Path(folder)
    try:
        every = schedule_interval(folder)
    except RosterError:
        # The folder's problems may quote any file: the lead's pages show them in full.
        return ScheduledRun(every_minutes=0, ran=False, folder_problem=True)
    if every == 0:
        return ScheduledRun(every_minutes=0, ran=False)
    try:
        report = notify(folder, now=now, send=send)
    except FolderBusyError as exc:
        return ScheduledRun(every_minutes=every, ran=True, busy=True, problem=exc.message)
    except RosterError as exc:
        return ScheduledRun(every_minutes=every, ran=True, problem=exc.message)
    return ScheduledRun(
        every_minutes=every,
        ran=True,
        sent=len(report.sent),
        failed=len(report.failed),
        gave_up=len(report.gave_up),
        busy=report.busy,
    )
