"""A long-running `roster check` for the fuzz test (test_bad_input_fuzz.py), one folder per
line of stdin, one JSON result per line of stdout.

Starting `roster` takes about a second (imports), checking a folder a few milliseconds;
so one worker process checks every mutated folder, in-process through click's runner,
under the limits the issue sets per case: its address space may grow by at most
``--megabytes`` (RLIMIT_AS, so an alias bomb ends in a MemoryError here, not in the test
run's memory), and each case is stopped after ``--seconds`` (SIGALRM).
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import sys
import time
import traceback
from pathlib import Path
from types import FrameType

from click.testing import CliRunner

from roster.cli import main


class CaseTimeout(BaseException):
    """Raised by SIGALRM; a BaseException, so nothing in roster can swallow it."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise CaseTimeout


def _address_space() -> int:
    """This process's current virtual memory size in bytes (Linux)."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmSize in /proc/self/status")


def check(runner: CliRunner, folder: str, seconds: int) -> dict[str, object]:
    started = time.monotonic()
    signal.alarm(seconds)
    try:
        result = runner.invoke(main, ["check", folder, "--locale", "en"])
    except CaseTimeout:
        return {"outcome": "timeout", "seconds": time.monotonic() - started}
    finally:
        signal.alarm(0)
    elapsed = time.monotonic() - started
    crash = ""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        crash = "".join(traceback.format_exception(result.exception))
    outcome = "memory" if isinstance(result.exception, MemoryError) else "done"
    return {
        "outcome": outcome,
        "exit": result.exit_code,
        "stdout": result.stdout,
        "stderr": result.stderr,
        "crash": crash,
        "seconds": elapsed,
    }


def _answer(result: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()


def run() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--megabytes", type=int, default=500)
    parser.add_argument("--warm-up", help="a valid folder, checked once before the limit")
    args = parser.parse_args()
    runner = CliRunner()
    # import and cache (Babel's data, holidays) what every check needs, before the limit
    runner.invoke(main, ["check", args.warm_up] if args.warm_up else ["check", "--help"])
    limit = _address_space() + args.megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    signal.signal(signal.SIGALRM, _on_alarm)
    _answer({"outcome": "ready"})
    for line in sys.stdin:
        folder = line.rstrip("\n")
        if folder:
            _answer(check(runner, folder, args.seconds))


if __name__ == "__main__":
    run()
