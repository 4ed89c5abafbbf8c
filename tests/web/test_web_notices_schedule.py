"""The web app's schedule of the e-mails (issue 16): a background task runs the job in a
worker thread shortly after the start, then every N minutes; never two runs at once;
a failing run is logged in plain words and the task goes on; it idles while the office
sends no e-mails; on shutdown it is cancelled and awaited (a run in progress finishes).
The job reads office.yaml afresh on each run. Tests use a fake job and tiny intervals."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Coroutine
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any, TypeVar

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from test_web_notices_smtp import set_mail
from web_office import BASE_URL, START, Clock, login

from roster.app import poll_admin
from roster.app.notify.schedule import ScheduledRun, scheduled_notify
from roster.web import notify_schedule
from roster.web.notify_schedule import NotifySchedule

T = TypeVar("T")

WAIT = 5.0
"""The longest a test waits for the task (it never takes that long unless it is broken)."""


class FakeJob:
    """A job that records its runs and how many ran at once."""

    def __init__(self, outcome: ScheduledRun, *, fail_first: int = 0) -> None:
        self.outcome = outcome
        self.fail_first = fail_first
        self.moments: list[datetime] = []
        self.running = 0
        self.most_at_once = 0
        self.release = threading.Event()
        self.release.set()
        self.started = threading.Event()
        self._lock = threading.Lock()

    def __call__(self, moment: datetime) -> ScheduledRun:
        with self._lock:
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
            self.moments.append(moment)
            calls = len(self.moments)
        self.started.set()
        try:
            self.release.wait(WAIT)
            if calls <= self.fail_first:
                raise ValueError("smtp password hunter2 for someone@example.org")
            return self.outcome
        finally:
            with self._lock:
                self.running -= 1


def run_apart(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run`` in a thread of its own: a browser test in the same process (the
    Playwright sync API keeps an event loop running in the main thread) must not make
    ``asyncio.run`` refuse."""
    result: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(asyncio.run(coroutine))
        except BaseException as exc:
            failure.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return result[0]


async def _until(condition: object, *, seconds: float = WAIT) -> None:
    async def wait() -> None:
        while not condition():  # type: ignore[operator]
            await asyncio.sleep(0.002)

    await asyncio.wait_for(wait(), seconds)


def _schedule(job: FakeJob, clock: Clock, **options: float) -> NotifySchedule:
    values = {"first_delay": 0.0, "seconds_per_minute": 0.001, "idle_seconds": 0.001}
    values.update(options)
    return NotifySchedule(job, clock=clock, **values)


def test_it_runs_after_the_start_then_every_interval() -> None:
    clock = Clock()
    job = FakeJob(ScheduledRun(every_minutes=1, ran=True, sent=2, failed=1))

    async def scenario() -> None:
        schedule = _schedule(job, clock)
        assert schedule.status().running is False
        schedule.start()
        await _until(lambda: len(job.moments) >= 3)
        state = schedule.status()
        assert state.running is True
        assert state.last_run == START
        assert state.last == job.outcome
        assert state.next_run is not None
        await schedule.stop()
        calls = len(job.moments)
        await asyncio.sleep(0.02)
        assert len(job.moments) == calls
        assert schedule.status().running is False
        assert schedule.status().next_run is None

    run_apart(scenario())
    assert job.moments[:3] == [START, START, START]
    assert job.most_at_once == 1


def test_never_two_runs_at_once() -> None:
    job = FakeJob(ScheduledRun(every_minutes=1, ran=True))
    job.release.clear()

    async def scenario() -> None:
        schedule = _schedule(job, Clock(), first_delay=1000.0)
        first = asyncio.ensure_future(schedule.run_once())
        second = asyncio.ensure_future(schedule.run_once())
        await _until(job.started.is_set)
        await asyncio.sleep(0.01)
        assert job.running == 1
        job.release.set()
        await asyncio.gather(first, second)

    run_apart(scenario())
    assert len(job.moments) == 2
    assert job.most_at_once == 1


def test_a_failing_run_is_logged_plainly_and_the_task_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    job = FakeJob(ScheduledRun(every_minutes=1, ran=True, sent=1), fail_first=2)

    async def scenario() -> NotifySchedule:
        schedule = _schedule(job, Clock())
        schedule.start()
        await _until(lambda: schedule.status().last is not None)
        await schedule.stop()
        return schedule

    with caplog.at_level(logging.INFO, logger="roster.web.notify"):
        schedule = run_apart(scenario())
    assert len(job.moments) >= 3
    assert schedule.status().last == job.outcome
    lines = [record.getMessage() for record in caplog.records]
    assert lines[:2] == ["Sending the due e-mails failed (ValueError); next try later."] * 2
    for line in lines:
        assert "hunter2" not in line
        assert "@" not in line


def test_it_idles_while_the_office_sends_no_e_mails() -> None:
    job = FakeJob(ScheduledRun(every_minutes=0, ran=False))

    async def scenario() -> NotifySchedule:
        schedule = _schedule(job, Clock(), seconds_per_minute=1000.0)
        schedule.start()
        await _until(lambda: len(job.moments) >= 3)  # looks again after idle_seconds
        await schedule.stop()
        return schedule

    schedule = run_apart(scenario())
    assert schedule.status().last_run is None
    assert schedule.status().last is None


def test_stop_waits_for_the_run_in_progress() -> None:
    job = FakeJob(ScheduledRun(every_minutes=1, ran=True, sent=1))
    job.release.clear()

    async def scenario() -> None:
        schedule = _schedule(job, Clock())
        schedule.start()
        await _until(job.started.is_set)
        stopping = asyncio.ensure_future(schedule.stop())
        await asyncio.sleep(0.01)
        assert not stopping.done()
        assert job.running == 1
        job.release.set()
        await stopping
        assert job.running == 0

    run_apart(scenario())
    assert len(job.moments) == 1


class Outbox:
    """A sender that keeps the messages (instead of a mail server)."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    def __call__(self, message: EmailMessage) -> None:
        self.messages.append(message)


def test_the_job_reads_office_yaml_on_each_run(office: Path) -> None:
    poll_admin.open_poll(office, "2026-12", "2026-11-25", now=START)
    outbox = Outbox()
    assert scheduled_notify(office, now=START, send=outbox) == ScheduledRun(
        every_minutes=0, ran=False
    )
    set_mail(office, 2525, every_minutes=5)
    first = scheduled_notify(office, now=START, send=outbox)
    assert first == ScheduledRun(every_minutes=5, ran=True, sent=4)
    assert len(outbox.messages) == 4
    assert scheduled_notify(office, now=START, send=outbox) == ScheduledRun(
        every_minutes=5, ran=True
    )
    set_mail(office, 2525, every_minutes=0)
    assert scheduled_notify(office, now=START, send=outbox) == ScheduledRun(
        every_minutes=0, ran=False
    )
    (office / "office.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    broken = scheduled_notify(office, now=START, send=outbox)
    assert broken == ScheduledRun(every_minutes=0, ran=False, folder_problem=True)
    assert len(outbox.messages) == 4


def test_the_app_runs_the_schedule_from_start_to_stop(
    office: Path, web_app: FastAPI, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_mail(office, 2525, every_minutes=10)
    job = FakeJob(ScheduledRun(every_minutes=10, ran=True, sent=3))
    folders: list[Path] = []

    def fake(folder: Path, *, now: datetime) -> ScheduledRun:
        folders.append(folder)
        return job(now)

    monkeypatch.setattr(notify_schedule, "scheduled_notify", fake)
    monkeypatch.setattr(notify_schedule, "FIRST_DELAY_SECONDS", 0.0)
    clock.moment = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    with TestClient(web_app, base_url=BASE_URL) as client:
        assert job.started.wait(WAIT)
        schedule = notify_schedule.schedule_of(web_app)
        assert schedule is not None
        login(client)
        body = client.get("/notices").text
        assert "Die App schickt alle 10 Minuten, was fällig ist." in body
        assert "Zuletzt: Fr., 20. Nov. 2026, 10:30. Dabei gingen 3 Nachrichten raus." in body
        assert "Als Nächstes: Fr., 20. Nov. 2026, 10:40." in body
    assert schedule.status().running is False
    assert folders == [office]
