"""The planning process of the web app (:mod:`roster.app.plan_jobs` starts it): plan one
month under the office folder's lock and tell the web app how it goes, over a pipe.

The messages are tuples of plain values:

- ``("progress", seconds, penalty, bound)`` for each better plan found;
- then one outcome: ``("done", gaps, unscheduled)`` (the plan is written: people missing,
  appointments not scheduled), ``("busy",)`` (another run held the lock),
  ``("failed", message, problems)`` (a :class:`RosterError`: its plain message and its
  problems, one line each) or ``("error", kind)`` (any other failure: only the name of
  its type, as its text may hold client data).
"""

from __future__ import annotations

import signal
from datetime import date, datetime
from multiprocessing.connection import Connection
from pathlib import Path

from roster.app.guard import writing
from roster.app.planning import plan_month
from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError

COMMAND = "roster web (planning)"
"""The name the folder lock shows to another run waiting for it."""


def work(
    pipe: Connection,
    folder: str,
    month: str,
    today: date,
    now: datetime,
    time_limit: float,
    lock_wait: float,
) -> None:
    """Plan ``month`` of the office in ``folder`` (planning date ``today``, at most
    ``time_limit`` seconds) under the folder's lock, waiting at most ``lock_wait``
    seconds for it; send progress and the outcome over ``pipe``, then close it."""

    def progress(seconds: float, objective: float, bound: float) -> None:
        pipe.send(("progress", float(seconds), float(objective), float(bound)))

    try:
        with writing(Path(folder), COMMAND, wait=lock_wait):
            planned = plan_month(
                Path(folder), month, today=today, now=now, time_limit=time_limit, progress=progress
            )
    except FolderBusyError:
        pipe.send(("busy",))
    except RosterError as exc:
        pipe.send(("failed", exc.message, [str(problem) for problem in exc.problems]))
    except Exception as exc:
        # Every failure ends the job with an answer: only its kind (its text may hold client data).
        pipe.send(("error", type(exc).__name__))
    else:
        plan = planned.plan
        gaps = sum(gap.missing for session in plan.sessions for gap in session.uncovered)
        pipe.send(("done", gaps, len(plan.unscheduled)))
    finally:
        pipe.close()


def run(
    pipe: Connection,
    folder: str,
    month: str,
    today: date,
    now: datetime,
    time_limit: float,
    lock_wait: float,
) -> None:
    """The planning process's entry: :func:`work`, deaf to Ctrl-C (pressed in the web
    app's terminal it reaches this process too; the web app ends it when it stops)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    work(pipe, folder, month, today, now, time_limit, lock_wait)
