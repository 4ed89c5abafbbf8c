"""The web app sends what is due on a schedule (issue 16): a background task of the app's
lifespan runs the application's job (:func:`roster.app.notify.schedule.scheduled_notify`)
in a worker thread (``asyncio.to_thread``), first shortly after the start, then every ``notices.every_minutes``
minutes of office.yaml.

The job reads the office folder afresh on each run: when office.yaml loses its ``mail:``
or sets ``every_minutes: 0`` the task idles (it looks again every
:data:`IDLE_SECONDS`), and starts sending again when they come back. Never two runs at
once (one task, and a lock around each run); "Send now" on the lead's page and `roster
notify` from cron meet the office folder's lock instead. On shutdown the task is
cancelled and awaited: a run already sending finishes first (its sent-log is written),
no new one starts.

The last run's time and its summary stay in memory for the lead's page
(:meth:`NotifySchedule.status`). A failed run is logged in plain words (its kind of
failure only: never a message, an address, a secret or client data) and never ends the
task.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

from fastapi import FastAPI

from roster.app.notify.schedule import ScheduledRun, ScheduleState, scheduled_notify
from roster.web.settings import Clock, WebSettings

LOG = logging.getLogger("roster.web.notify")
FIRST_DELAY_SECONDS = 30.0
"""The first run waits this long after the start (the app is up and answering first)."""
SECONDS_PER_MINUTE = 60.0
"""How long a minute of ``every_minutes`` is (tests make it tiny)."""
IDLE_SECONDS = 60.0
"""While the office sends no e-mails, look at office.yaml again this often."""

Job = Callable[[datetime], ScheduledRun]
"""The job: one run at the moment given; what it did."""


class NotifySchedule:
    """The background task that runs ``job`` on a schedule; see the module's text."""

    def __init__(
        self,
        job: Job,
        *,
        clock: Clock,
        first_delay: float = FIRST_DELAY_SECONDS,
        seconds_per_minute: float = SECONDS_PER_MINUTE,
        idle_seconds: float = IDLE_SECONDS,
    ) -> None:
        self._job = job
        self._clock = clock
        self._first_delay = first_delay
        self._minute = seconds_per_minute
        self._idle = idle_seconds
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._every = 0
        self._last_run: datetime | None = None
        self._last: ScheduledRun | None = None
        self._next_run: datetime | None = None

    def start(self) -> None:
        """Start the task (in the running event loop); a second start does nothing."""
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(
                self._loop(), name="roster-notify-schedule"
            )

    async def stop(self) -> None:
        """Cancel the task and wait until it has ended (a run in progress finishes)."""
        task, self._task = self._task, None
        self._next_run = None
        if task is None:
            return
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    def status(self) -> ScheduleState:
        """The schedule as the lead's page shows it."""
        running = self._task is not None and not self._task.done()
        return ScheduleState(
            running=running,
            last_run=self._last_run,
            next_run=self._next_run if running else None,
            last=self._last,
        )

    async def run_once(self) -> ScheduledRun | None:
        """One run of the job in a worker thread, never two at once; None when it
        failed (logged)."""
        async with self._lock:
            moment = self._clock()
            running = asyncio.ensure_future(asyncio.to_thread(self._job, moment))
            try:
                outcome = await asyncio.shield(running)
            except asyncio.CancelledError:
                # Shutting down: the run in progress finishes (its sent-log is written).
                await asyncio.wait([running])
                if not running.cancelled():
                    running.exception()  # its outcome is not needed any more
                raise
            except Exception as exc:  # the task must outlive any failure
                LOG.error(  # noqa: TRY400 -- no traceback: its messages may hold addresses
                    "Sending the due e-mails failed (%s); next try later.", type(exc).__name__
                )
                return None
            self._every = outcome.every_minutes
            if outcome.ran:
                self._last_run = moment
                self._last = outcome
            if outcome.folder_problem:
                LOG.warning("The office folder has problems: no e-mails sent; next try later.")
            elif outcome.busy:
                LOG.info("Another run is sending e-mails: this run did nothing.")
            elif outcome.problem is not None:
                LOG.warning("Sending the due e-mails stopped; the messages page says why.")
            elif outcome.failed or outcome.gave_up:
                LOG.warning(
                    "E-mails not sent: %d (tried again next run), given up: %d.",
                    outcome.failed,
                    outcome.gave_up,
                )
            return outcome

    def _wait_after(self, outcome: ScheduledRun | None) -> float:
        every = self._every if outcome is None else outcome.every_minutes
        return every * self._minute if every > 0 else self._idle

    async def _loop(self) -> None:
        delay = self._first_delay
        while True:
            self._next_run = self._clock() + timedelta(seconds=delay)
            await asyncio.sleep(delay)
            delay = self._wait_after(await self.run_once())


def start_schedule(app: FastAPI) -> NotifySchedule:
    """Make the app's schedule (``app.state.notify_schedule``) and start it: for the
    app's lifespan. Its job is :func:`scheduled_notify` on the app's office folder."""
    settings: WebSettings = app.state.web
    job: Job = partial(_job, settings.folder)
    schedule = NotifySchedule(
        job,
        clock=settings.clock,
        first_delay=FIRST_DELAY_SECONDS,
        seconds_per_minute=SECONDS_PER_MINUTE,
        idle_seconds=IDLE_SECONDS,
    )
    app.state.notify_schedule = schedule
    schedule.start()
    return schedule


def _job(folder: Path, moment: datetime) -> ScheduledRun:
    return scheduled_notify(folder, now=moment)


def schedule_of(app: FastAPI) -> NotifySchedule | None:
    """The app's schedule, None when the app was not started with its lifespan."""
    found: NotifySchedule | None = getattr(app.state, "notify_schedule", None)
    return found
