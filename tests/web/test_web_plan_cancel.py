"""Planning in the background (issue 14, page 5): while a long planning runs, the page
shows its progress and reloads itself, a second start is refused (409) in plain words,
and cancelling terminates the planning process: the folder's lock is free again and the
plan from before is byte for byte the same. When another run holds the folder's lock,
the planning ends as busy and changes nothing.

The long planning is that of a generated office of 66 volunteers
(``benchmarks/generate.py medium --volunteers 66``): its search finds a first plan within
seconds and does not finish within a minute."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_office import BASE_URL, ORIGIN, PASSWORD, REPO, START, Clock, login

from roster.app import add_account, plan_month
from roster.app.plan_jobs import planning_job, process_of, stop_all_jobs
from roster.app.plan_worker import work
from roster.app.web_files import changes_path
from roster.domain.lock import folder_lock
from roster.web import create_app

MONTH = "2027-03"
RUNNING = "March 2027 is being planned right now. Wait until it has finished, or cancel it."
BUSY = "Gerade speichert jemand anderes; versuchen Sie es gleich noch einmal."


@pytest.fixture(autouse=True)
def no_job_left() -> Iterator[None]:
    """No planning process outlives its test."""
    yield
    stop_all_jobs()


@pytest.fixture
def medium(tmp_path: Path) -> Path:
    """A generated office of 66 volunteers (in English), planned once (quickly) for
    March 2027, with an account for its lead p0001."""
    folder = tmp_path / "medium"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "generate.py"),
            "medium",
            str(folder),
            "--volunteers",
            "66",
        ],
        check=True,
        capture_output=True,
    )
    plan_month(folder, MONTH, today="2026-11-20", time_limit=1.0)
    secret = tmp_path / "password.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    add_account(folder, "p0001", password_file=secret, now=START)
    return folder


def job_of(client: TestClient, month: str) -> dict[str, object]:
    job: dict[str, object] = client.get(f"/api/months/{month}/plan/job").json()
    return job


def test_a_running_planning_shows_progress_refuses_a_second_start_and_can_be_cancelled(
    medium: Path,
) -> None:
    plan_file = medium / "rotas" / f"{MONTH}.json"
    before = plan_file.read_bytes()
    app = create_app(medium, now=Clock(), lock_wait=0)
    with TestClient(app, base_url=BASE_URL) as client:
        token = login(client, "p0001")
        headers = {"X-CSRF-Token": token, "Origin": ORIGIN}
        started = client.post(
            f"/api/months/{MONTH}/plan", json={"thoroughness": "thorough"}, headers=headers
        )
        assert started.status_code == 202, started.text
        assert started.json()["time_limit"] == 60.0
        process = process_of(medium)
        assert process is not None

        # At first it gets ready; one planning per office at a time, whatever the month.
        fragment = client.get(f"/plan/{MONTH}/progress")
        assert "Getting ready: reading the team, the answers and the requests." in fragment.text
        again = client.post(f"/api/months/{MONTH}/plan", json={}, headers=headers)
        assert again.status_code == 409
        assert again.headers["content-type"] == "application/problem+json"
        assert again.json()["detail"] == RUNNING
        other = client.post("/api/months/2027-04/plan", headers=headers)
        assert other.status_code == 409
        assert other.json()["detail"] == RUNNING

        # The progress: the best plan so far and the bound, in words.
        deadline = time.monotonic() + 30
        while (job := job_of(client, MONTH))["penalty"] is None:
            assert job["state"] == "running", job
            assert time.monotonic() < deadline, "no progress from the planning"
            time.sleep(0.2)
        assert job["state"] == "running"
        assert isinstance(job["penalty"], float)
        assert isinstance(job["bound"], float)
        assert job["bound"] <= job["penalty"]
        assert str(job["progress_text"]).startswith("Best plan so far: penalty ")
        assert " so far (at most 60 seconds)." in str(job["seconds_text"])
        page = client.get(f"/plan/{MONTH}").text
        assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
        assert f'hx-get="/plan/{MONTH}/progress" hx-trigger="every 1s"' in page
        assert "Best plan so far: penalty " in page
        assert f'<form method="post" action="/plan/{MONTH}/cancel">' in page
        assert ">Cancel</button>" in page
        assert f'action="/plan/{MONTH}"' not in page  # no start form while it runs
        fragment = client.get(f"/plan/{MONTH}/progress")
        assert "hx-refresh" not in fragment.headers
        assert 'hx-trigger="every 1s"' in fragment.text
        assert "<html" not in fragment.text
        view = client.get(f"/api/months/{MONTH}/plan").json()
        assert (view["planned"], view["result"]) == (True, None)  # it is about to change
        assert view["job"]["state"] == "running"
        # The form says so too, and so does the page of another month.
        form = client.post(f"/plan/{MONTH}", data={"csrf_token": token, "thoroughness": "quick"})
        assert form.status_code == 409
        assert RUNNING in form.text
        elsewhere = client.get("/plan/2027-04").text
        assert "March 2027 is being planned right now." in elsewhere
        assert f'href="/plan/{MONTH}"' in elsewhere

        # Cancelling from the page: the process is terminated, nothing has changed.
        cancelled = client.post(
            f"/plan/{MONTH}/cancel", data={"csrf_token": token}, follow_redirects=False
        )
        assert cancelled.status_code == 303
        assert cancelled.headers["location"] == f"/plan/{MONTH}"
        assert not process.is_alive()
        assert process.exitcode is not None
        assert process.exitcode < 0  # ended by a signal
        job = job_of(client, MONTH)
        assert job["state"] == "cancelled"
        assert job["state_text"] == "Planning was cancelled. The plan is as it was before."
        assert plan_file.read_bytes() == before
        with folder_lock(medium, "test", wait=0):
            pass
        assert not changes_path(medium).exists()
        assert "Planning was cancelled." in client.get(f"/plan/{MONTH}").text
        # Cancelling again changes nothing; the API says how the job ended.
        assert (
            client.delete(f"/api/months/{MONTH}/plan/job", headers=headers).json()["state"]
            == "cancelled"
        )

        # A new planning may start now, and the API cancels it at once.
        restarted = client.post(
            f"/api/months/{MONTH}/plan", json={"thoroughness": "thorough"}, headers=headers
        )
        assert restarted.status_code == 202
        second = process_of(medium)
        assert second is not None
        assert second is not process
        stopped = client.delete(f"/api/months/{MONTH}/plan/job", headers=headers)
        assert stopped.status_code == 200
        assert stopped.json()["state"] == "cancelled"
        assert not second.is_alive()
        assert plan_file.read_bytes() == before
        with folder_lock(medium, "test", wait=0):
            pass
        assert not changes_path(medium).exists()


def test_a_planning_ends_as_busy_while_another_run_holds_the_lock(
    client: TestClient, logged_in: str, office: Path
) -> None:
    plan_file = office / "rotas" / "2026-12.json"
    before = plan_file.read_bytes()
    with folder_lock(office, "roster plan"):
        started = client.post(
            "/plan/2026-12",
            data={"csrf_token": logged_in, "thoroughness": "quick"},
            follow_redirects=False,
        )
        assert started.status_code == 303
        assert started.headers["location"] == "/plan/2026-12"
        deadline = time.monotonic() + 40
        while (job := planning_job(office, "2026-12")) is not None and job.state == "running":
            assert time.monotonic() < deadline, "the planning did not end"
            time.sleep(0.1)
    assert job is not None
    assert job.state == "busy"
    assert job.state_text == (
        "Nicht geplant: Gerade speichert jemand anderes; versuchen Sie es gleich noch einmal."
    )
    assert job.message == BUSY
    assert plan_file.read_bytes() == before
    assert not changes_path(office).exists()
    page = client.get("/plan/2026-12").text
    assert job.state_text in page
    assert 'class="message error" role="status"' in page


def test_a_planning_that_cannot_be_made_says_why_and_changes_nothing(office: Path) -> None:
    """The planning process's own work, run here (a second process costs seconds): a plan
    file that is not one makes it answer with the plain message; nothing is written."""
    plan_file = office / "rotas" / "2026-12.json"
    plan_file.write_text("{ not a plan", encoding="utf-8")
    before = plan_file.read_bytes()
    receiving, sending = multiprocessing.Pipe(duplex=False)
    work(sending, str(office), "2026-12", date(2026, 11, 20), START, 1.0, 0.0)
    answer = receiving.recv()
    assert answer[0] == "failed"
    assert "is not a plan file" in answer[1]
    assert answer[2] == []
    with pytest.raises(EOFError):
        receiving.recv()  # the work closed its end
    assert plan_file.read_bytes() == before
    assert not changes_path(office).exists()
