"""Planning a month in the background, for the web app: one job per office folder.

:func:`start_planning` starts :func:`roster.app.planning.plan_month` in a process of its
own (``multiprocessing``, the ``spawn`` start method: never in a request's thread, never
a fork of a server with threads). The process sends each better plan it finds (seconds,
penalty, bound) and then its outcome over a pipe: ``done`` with the plan's numbers,
``busy`` (another run holds the folder's lock), ``failed`` (a :class:`RosterError`:
its plain message) or ``error`` (anything else: only the kind of error, never its text).
A thread of the web app's process (the watcher) reads the pipe into the job's record
and, when the plan is written, records the change (``web.plan_done``) in the change log:
the planning process needs no session and writes no change line itself.

The records live in this module's memory, keyed by the office folder's resolved path
(so one office has one job at a time, however many apps serve it in this process);
the latest job of a folder stays until the next one starts. :func:`cancel_planning`
terminates the process: the folder's lock is released by the operating system, and the
plan file, written atomically, is either the old one or the new one, never half of
each.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from roster.app.changelog import record_change
from roster.app.clock import office_today
from roster.app.guard import reading
from roster.app.plan_texts import month_name, whole
from roster.app.plan_worker import run
from roster.domain.errors import Problem, RosterError
from roster.domain.lock import LOCK_WAIT_SECONDS
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.wording.catalogue import plural, text

LOG = logging.getLogger(__name__)
TIME_LIMITS: dict[str, float] = {"quick": 10.0, "thorough": 60.0}
"""The time limits the lead may choose, in seconds."""
STOP_SECONDS = 5.0
"""How long a cancelled planning process may take to end before it is killed."""

JobState = Literal["running", "done", "failed", "busy", "cancelled"]
Clock = Callable[[], datetime]
_CONTEXT = multiprocessing.get_context("spawn")


class PlanJob(BaseModel):
    """A planning job as the lead sees it; its texts in the office's language."""

    model_config = ConfigDict(frozen=True)

    month: str = Field(description="the month being planned, YYYY-MM")
    month_text: str = Field(description="the month in words, e.g. Dezember 2026")
    state: JobState = Field(
        description="running; done: the plan is written; failed: the plan could not be "
        "made (message says why); busy: someone else was saving; cancelled: stopped, "
        "nothing changed"
    )
    state_text: str = Field(description="the state in words")
    started: datetime = Field(description="when the planning started, in the office's time zone")
    seconds: float = Field(ge=0, description="seconds since the start (running) or taken")
    seconds_text: str = Field(description="the seconds in words")
    thoroughness: Literal["quick", "thorough"]
    time_limit: float = Field(description="at most this many seconds of search")
    penalty: float | None = Field(default=None, description="penalty of the best plan so far")
    bound: float | None = Field(default=None, description="no plan can have a lower penalty")
    progress_text: str = Field(description="the best plan so far, in words")
    message: str | None = Field(default=None, description="why the plan could not be made")
    problems: list[str] = Field(default_factory=list, description="what is wrong, one a line")
    gaps: int | None = Field(default=None, description="done: people missing, all needs")
    unscheduled: int | None = Field(default=None, description="done: appointments not scheduled")


class PlanningRunningError(RosterError):
    """A planning job of the office is still running: no second one starts."""

    def __init__(self, message: str, job: PlanJob) -> None:
        super().__init__(message)
        self.job = job


@dataclass
class _Job:
    """The record of one planning job (mutable; guarded by :data:`_LOCK`)."""

    folder: Path
    month: Month
    locale: str
    who: str
    clock: Clock
    started: datetime
    thoroughness: Literal["quick", "thorough"]
    time_limit: float
    process: BaseProcess
    pipe: Connection
    began: float = field(default_factory=time.monotonic)
    ended: float | None = None
    state: JobState = "running"
    penalty: float | None = None
    bound: float | None = None
    message: str | None = None
    problems: tuple[str, ...] = ()
    gaps: int | None = None
    unscheduled: int | None = None
    cancelling: bool = False
    watcher: threading.Thread | None = None


_LOCK = threading.Lock()
_JOBS: dict[str, _Job] = {}


def _key(folder: Path) -> str:
    return str(Path(folder).resolve())


def _say(locale: str, key: str, /, **values: object) -> str:
    return text(locale, f"web.{key}", **values)


def _public(job: _Job) -> PlanJob:
    """The job's record as the lead sees it (call under :data:`_LOCK`)."""
    locale = job.locale
    seconds = (job.ended or time.monotonic()) - job.began
    limit = whole(job.time_limit, locale)
    if job.penalty is None or job.bound is None:
        progress = _say(locale, "plan_preparing")
    else:
        progress = _say(
            locale,
            "plan_progress",
            penalty=whole(job.penalty, locale),
            bound=whole(job.bound, locale),
        )
    month = month_name(job.month, locale)
    if job.state == "done":
        state_text = _say(
            locale,
            "plan_finished",
            month=month,
            gaps=plural(locale, "web.plan_people_missing", job.gaps or 0),
            unscheduled=plural(locale, "web.plan_unscheduled", job.unscheduled or 0),
        )
    else:
        state_text = _say(locale, f"plan_{job.state}")
    return PlanJob(
        month=str(job.month),
        month_text=month,
        state=job.state,
        state_text=state_text,
        started=job.started,
        seconds=round(max(0.0, seconds), 1),
        seconds_text=plural(locale, "web.plan_elapsed", int(seconds), limit=limit)
        if job.state == "running"
        else plural(locale, "web.plan_took", max(1, round(seconds))),
        thoroughness=job.thoroughness,
        time_limit=job.time_limit,
        penalty=job.penalty,
        bound=job.bound,
        progress_text=progress,
        message=job.message,
        problems=list(job.problems),
        gaps=job.gaps,
        unscheduled=job.unscheduled,
    )


def time_limit_of(thoroughness: str, locale: str) -> float:
    """The seconds of ``quick`` or ``thorough``; :class:`RosterError` (on the field
    ``thoroughness``) for anything else."""
    if thoroughness not in TIME_LIMITS:
        message = _say(locale, "plan_choose")
        raise RosterError(message, [Problem("", None, "thoroughness", message)])
    return TIME_LIMITS[thoroughness]


def _refuse_second(folder: Path, *, locked: bool = False) -> None:
    """:class:`PlanningRunningError` if a planning job of the office runs (``locked``:
    the caller holds :data:`_LOCK`)."""
    if not locked:
        with _LOCK:
            _refuse_second(folder, locked=True)
        return
    current = _JOBS.get(_key(folder))
    if current is not None and current.state == "running":
        locale = current.locale
        message = _say(locale, "plan_running_already", month=month_name(current.month, locale))
        raise PlanningRunningError(message, _public(current))


def start_planning(
    folder: Path,
    month: Month | str,
    *,
    who: str,
    clock: Clock,
    thoroughness: str = "quick",
    lock_wait: float | None = None,
) -> PlanJob:
    """Start planning ``month`` of the office in ``folder`` in the background, for the
    lead ``who`` (her account's user name, for the change log); ``clock`` gives the time
    now (today, in the office's zone, is the planning date). The folder must be valid
    (:class:`RosterError` with its problems otherwise, and nothing starts);
    :class:`PlanningRunningError` while a planning job of the office runs."""
    folder = Path(folder)
    _refuse_second(folder)  # before reading the folder: a running job answers at once
    with reading():
        office = load_office(folder).office
    limit = time_limit_of(thoroughness, office.locale)
    chosen = Month.parse(str(month))
    now = clock()
    today = office_today(office, now)
    with _LOCK:
        _refuse_second(folder, locked=True)
        wait = LOCK_WAIT_SECONDS if lock_wait is None else lock_wait
        receiving, sending = _CONTEXT.Pipe(duplex=False)
        process = _CONTEXT.Process(
            target=run,
            args=(sending, str(folder), str(chosen), today, now, limit, wait),
            name=f"roster-plan-{chosen}",
            daemon=True,
        )
        process.start()
        sending.close()  # the process holds the sending end: when it ends, the pipe ends
        job = _Job(
            folder=folder,
            month=chosen,
            locale=office.locale,
            who=who,
            clock=clock,
            started=now.astimezone(office.zone),
            thoroughness="thorough" if thoroughness == "thorough" else "quick",
            time_limit=limit,
            process=process,
            pipe=receiving,
        )
        job.watcher = threading.Thread(
            target=_watch, args=(job,), name=f"roster-plan-watch-{chosen}", daemon=True
        )
        _JOBS[_key(folder)] = job
        job.watcher.start()
        return _public(job)


def planning_job(folder: Path, month: Month | str) -> PlanJob | None:
    """The office's latest planning job if it is for ``month``; None otherwise."""
    chosen = Month.parse(str(month))
    with _LOCK:
        job = _JOBS.get(_key(Path(folder)))
        return _public(job) if job is not None and job.month == chosen else None


def running_job(folder: Path) -> PlanJob | None:
    """The office's planning job while it runs, whatever its month."""
    with _LOCK:
        job = _JOBS.get(_key(Path(folder)))
        return _public(job) if job is not None and job.state == "running" else None


def cancel_planning(folder: Path, month: Month | str) -> PlanJob | None:
    """Stop the planning of ``month``: its process is terminated (killed if it does not
    end within :data:`STOP_SECONDS`) and the job ends as cancelled; the plan file is
    untouched. A job that has already ended is returned as it is; None when the office's
    latest job is not for ``month``."""
    chosen = Month.parse(str(month))
    with _LOCK:
        job = _JOBS.get(_key(Path(folder)))
        if job is None or job.month != chosen:
            return None
        if job.state != "running":
            return _public(job)
        job.cancelling = True
    _stop(job)
    with _LOCK:
        return _public(job)


def stop_all_jobs() -> None:
    """Cancel every running planning job of this process (the web app's shutdown, tests)."""
    with _LOCK:
        running = [job for job in _JOBS.values() if job.state == "running"]
        for job in running:
            job.cancelling = True
    for job in running:
        _stop(job)


def process_of(folder: Path) -> BaseProcess | None:
    """The process of the office's latest planning job (for tests and diagnostics)."""
    with _LOCK:
        job = _JOBS.get(_key(Path(folder)))
        return None if job is None else job.process


def _stop(job: _Job) -> None:
    """Terminate the job's process and wait until the watcher has closed the job."""
    job.process.terminate()
    watcher = job.watcher
    if watcher is None:
        return
    watcher.join(STOP_SECONDS)
    if watcher.is_alive():
        job.process.kill()
        watcher.join(STOP_SECONDS)


# -- the watcher, in a thread of the web app's process ---------------------------------


def _watch(job: _Job) -> None:
    """Read the planning process's messages into the job until the pipe ends; then close
    the job (the only place its process is joined)."""
    outcome: tuple[Any, ...] | None = None
    while True:
        try:
            message: tuple[Any, ...] = job.pipe.recv()
        except (EOFError, OSError):
            break
        if message[0] == "progress":
            with _LOCK:
                job.penalty, job.bound = float(message[2]), float(message[3])
        else:
            outcome = message
    job.pipe.close()
    job.process.join(STOP_SECONDS)
    if job.process.is_alive():
        job.process.kill()
        job.process.join()
    _finish(job, outcome)


def _finish(job: _Job, outcome: tuple[Any, ...] | None) -> None:
    kind = outcome[0] if outcome is not None else None
    locale = job.locale
    state: JobState
    message: str | None = None
    problems: tuple[str, ...] = ()
    gaps = unscheduled = None
    if outcome is not None and kind == "done":
        state, gaps, unscheduled = "done", int(outcome[1]), int(outcome[2])
        _record(job, gaps, unscheduled)
    elif kind == "busy":
        state, message = "busy", _say(locale, "busy")
    elif outcome is not None and kind == "failed":
        state, message, problems = "failed", str(outcome[1]), tuple(outcome[2])
    elif outcome is not None and kind == "error":
        state, message = "failed", _say(locale, "plan_broke")
        LOG.error("planning %s stopped: %s", job.month, outcome[1])
    elif job.cancelling:
        state = "cancelled"
    else:
        state, message = "failed", _say(locale, "plan_broke")
        LOG.error("planning %s ended without an answer (%s)", job.month, job.process.exitcode)
    with _LOCK:
        job.state, job.message, job.problems = state, message, problems
        job.gaps, job.unscheduled = gaps, unscheduled
        job.ended = time.monotonic()


def _record(job: _Job, gaps: int, unscheduled: int) -> None:
    """The change log's line of a written plan (the watcher may wait for the lock)."""
    try:
        record_change(
            job.folder,
            job.who,
            "web.plan_done",
            month=job.month,
            now=job.clock(),
            lock_wait=LOCK_WAIT_SECONDS,
            month_name=month_name(job.month, job.locale),
            gaps=gaps,
            unscheduled=unscheduled,
        )
    except RosterError as exc:
        LOG.warning(
            "the change log line of planning %s was not written: %s", job.month, type(exc).__name__
        )
