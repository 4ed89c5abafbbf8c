"""Fuzzing `roster check` with damaged copies of the example office (issue 11, section 1).

Hypothesis mutates examples/velbert (a copy): byte flips, control characters, deleted and
duplicated lines, huge and odd numbers, anchors, aliases and tags, deep nesting, other
encodings. Whatever the damage, `roster check` exits 0, or exits 2 with problems that name
a file of the folder; never a traceback, never longer than 10 s or more than 500 MB for a
case (check_worker.py enforces both, in a process of its own), and never a word of a
client's note or a case reference in what it prints.

The budget is small in the normal test run (ROSTER_FUZZ_EXAMPLES, default 40, a few
seconds) and the cases are the same in every run; raise it for a longer search, with
ROSTER_FUZZ_RANDOM=1 for new cases in each run, e.g.
ROSTER_FUZZ_EXAMPLES=1000 ROSTER_FUZZ_RANDOM=1 pytest tests/roster/test_bad_input_fuzz.py
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "velbert"
WORKER = Path(__file__).with_name("check_worker.py")
EXAMPLES = int(os.environ.get("ROSTER_FUZZ_EXAMPLES", "40"))
RANDOM = os.environ.get("ROSTER_FUZZ_RANDOM", "") not in ("", "0")
SECONDS = 10
MEGABYTES = 500
FILES = [
    "office.yaml",
    "volunteers.yaml",
    "appointments/2026-12.yaml",
    "availability/2026-12.csv",
    "visits.csv",
]
CONTROL = ["\x00", "\x1b", "\x7f", "\x07", "\x0c", "\x08", "\ufffe"]
NUMBERS = [
    "1" + "0" * 12,
    "9" * 4301,
    "-1",
    "²",
    "1.0e+400",
    ".nan",
    "true",
    "16.5",
    "0x1F",
    "1_000",
    "0",
]
TIMES = ["14.00", "14:00", "1400", "50400", "16.5", "2pm", "14:00:00", "24:00", "true", "[]"]
YAML_SPECIAL = [
    "&a ",
    "*a",
    "\nrec: &r [*r]\n",
    "!Eilig ",
    "!!python/object/apply:os.system ['true'] ",
    "!!binary ",
    "!!set ",
    "%TAG ! tag:example.org,2000:\n",
    "---\n",
    "? ",
    ": ",
    "{",
    "[",
    '"',
    "'",
    "\t",
    "#",
    "|",
    "<<: ",
    '"\\q',
    "- ",
]
ENCODINGS = ["utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252", "utf-8-sig"]
BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(i)}: &{chr(i)} [{', '.join([f'*{chr(i - 1)}'] * 9)}]\n" for i in range(98, 106)
)  # 396 bytes: 9**9 items once expanded
Mutation = tuple[str, int, float, int]


def _confidential_words() -> set[str]:
    """Words of the example's notes and its case references: never in any output."""
    text = (EXAMPLE / "appointments" / "2026-12.yaml").read_text(encoding="utf-8")
    others = " ".join(
        (EXAMPLE / name).read_text(encoding="utf-8") for name in FILES if "appointments" not in name
    )
    notes = " ".join(re.findall(r"note: (.*)", text))
    words = {word for word in re.findall(r"\w{6,}", notes) if word not in others}
    return words | set(re.findall(r"case: (\S+)", text))


SECRET = _confidential_words()


def _at(data: bytes, where: float) -> int:
    return min(len(data), int(where * len(data)))


def mutate(data: bytes, kind: str, where: float, choice: int) -> bytes:
    """One kind of damage, at ``where`` (0..1 of the file), ``choice`` picking a variant."""
    at = _at(data, where)
    lines = data.split(b"\n")
    line = min(len(lines) - 1, int(where * len(lines)))
    if kind == "flip":
        return data[:at] + bytes([choice % 256]) + data[at + 1 :]
    if kind == "control":
        return data[:at] + CONTROL[choice % len(CONTROL)].encode() + data[at:]
    if kind == "delete_line":
        return b"\n".join(lines[:line] + lines[line + 1 :])
    if kind == "duplicate_line":
        return b"\n".join(lines[: line + 1] + lines[line:])
    if kind == "number":  # the next number that is a value: 'key: 60' or a CSV row's last cell
        number = NUMBERS[choice % len(NUMBERS)].encode()
        rest = re.sub(rb"(?<=: )\d+|(?<=,)\d+(?=\r?\n)", lambda _: number, data[at:], count=1)
        return data[:at] + rest
    if kind == "time":  # the next time of day, "14:00", written another way
        clock = TIMES[choice % len(TIMES)].encode()
        return data[:at] + re.sub(rb'"\d\d:\d\d"', lambda _: clock, data[at:], count=1)
    if kind == "yaml":
        return data[:at] + YAML_SPECIAL[choice % len(YAML_SPECIAL)].encode() + data[at:]
    if kind == "bomb":
        return data + b"\n" + BOMB.encode()
    if kind == "deep":  # a line 'deep: [[[...]]]' before line number ``line``
        depth = (30, 500, 5000)[choice % 3]
        nested = b"deep: " + b"[" * depth + b"]" * depth
        return b"\n".join([*lines[:line], nested, *lines[line:]])
    if kind == "encoding":
        text = data.decode("utf-8", "replace")
        return text.encode(ENCODINGS[choice % len(ENCODINGS)], "replace")
    if kind == "truncate":
        return data[:at]
    raise AssertionError(kind)


KINDS = [
    "flip",
    "control",
    "delete_line",
    "duplicate_line",
    "number",
    "time",
    "yaml",
    "bomb",
    "deep",
    "encoding",
    "truncate",
]
mutations = st.lists(
    st.tuples(
        st.sampled_from(KINDS),
        st.integers(0, len(FILES) - 1),
        st.floats(0, 1),
        st.integers(0, 255),
    ),
    min_size=1,
    max_size=3,
)


class Worker:
    """check_worker.py, restarted when a case kills it or runs over time."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[str] | None = None

    def _start(self) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                f"--seconds={SECONDS}",
                f"--megabytes={MEGABYTES}",
                f"--warm-up={EXAMPLE}",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._read(process, 120) == {"outcome": "ready"}
        return process

    @staticmethod
    def _read(process: subprocess.Popen[str], timeout: float) -> dict[str, Any] | None:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], timeout)
        line = process.stdout.readline() if ready else ""
        return json.loads(line) if line else None

    def check(self, folder: Path) -> dict[str, Any]:
        if self.process is None or self.process.poll() is not None:
            self.process = self._start()
        assert self.process.stdin is not None
        self.process.stdin.write(f"{folder}\n")
        self.process.stdin.flush()
        result = self._read(self.process, SECONDS + 10)
        if result is None:  # the worker hangs in C code, or died
            self.close()
            return {"outcome": "worker lost"}
        return result

    def close(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    running = Worker()
    yield running
    running.close()


def assert_plain_outcome(result: dict[str, Any]) -> None:
    """Exit 0, or exit 2 naming a file of the folder in every problem; within the limits."""
    assert result["outcome"] == "done", result
    assert result["crash"] == "", result["crash"]
    assert result["seconds"] < SECONDS
    output = result["stdout"] + result["stderr"]
    assert "Traceback" not in output
    assert not [word for word in SECRET if word in output], output
    if result["exit"] == 0:
        assert "the folder is valid" in result["stdout"]
        return
    assert result["exit"] == 2, result
    assert result["stdout"] == ""
    assert result["stderr"].startswith("Error: The office folder ")
    problems = [line for line in result["stderr"].splitlines() if line.startswith("  - ")]
    assert problems, result["stderr"]
    for line in problems:
        assert any(line.startswith((f"  - {name},", f"  - {name}:")) for name in FILES), line


def damaged_copy(base: Path, edits: list[Mutation]) -> Path:
    folder = base / "office"
    shutil.copytree(EXAMPLE, folder)
    for kind, file_index, where, choice in edits:
        path = folder / FILES[file_index]
        path.write_bytes(mutate(path.read_bytes(), kind, where, choice))
    return folder


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not RANDOM,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=mutations)
# the damage measured on main before the fix (issue 11): each one crashed, hung or blew up
@example(edits=[("control", 0, 0.5, 0)])  # NUL
@example(edits=[("control", 2, 0.5, 1)])  # escape, in the appointments file
@example(edits=[("control", 1, 0.3, 2)])  # delete
@example(edits=[("bomb", 0, 0.0, 0)])  # an alias bomb
@example(edits=[("yaml", 0, 1.0, 2)])  # rec: &r [*r]
@example(edits=[("deep", 0, 1.0, 1)])  # 500 levels
@example(edits=[("number", 4, 0.5, 3)])  # visitors: ²
@example(edits=[("number", 4, 0.5, 1)])  # visitors: 4,301 digits
@example(edits=[("time", 0, 0.0, 0)])  # start: 14.00
@example(edits=[("time", 0, 0.0, 4)])  # start: 16.5
@example(edits=[("time", 0, 0.0, 3)])  # start: 50400
@example(edits=[("encoding", 1, 0.0, 1)])  # UTF-16, no BOM (non-ASCII: a plain error before)
def test_damaged_example_office_gives_a_plain_answer(
    worker: Worker, tmp_path_factory: pytest.TempPathFactory, edits: list[Mutation]
) -> None:
    folder = damaged_copy(tmp_path_factory.mktemp("fuzz"), edits)
    assert_plain_outcome(worker.check(folder))
    shutil.rmtree(folder.parent)


def test_the_worker_reports_a_crash_a_hang_and_a_memory_blow_up(
    worker: Worker, tmp_path: Path
) -> None:
    """The fuzz test can fail: the worker's limits and crash reports work."""
    result = worker.check(tmp_path / "missing")
    assert result["outcome"] == "done"
    assert result["exit"] == 2  # a missing folder is a plain error
    script = (
        "import sys, runpy; sys.argv = [sys.argv[1], '--seconds=1', '--megabytes=50']; "
        "import roster.app.office as office; "
        "office.load_office = lambda folder: [0] * 100_000_000 if 'memory' in str(folder) "
        "else (__import__('time').sleep(5) if 'slow' in str(folder) else 1 / 0); "
        "runpy.run_path(sys.argv[0], run_name='__main__')"
    )
    process = subprocess.run(
        [sys.executable, "-c", script, str(WORKER)],
        input=f"{tmp_path / 'crash'}\n{tmp_path / 'slow'}\n{tmp_path / 'memory'}\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    outcomes = [json.loads(line) for line in process.stdout.splitlines()]
    assert [o["outcome"] for o in outcomes] == ["ready", "done", "timeout", "memory"], outcomes
    assert "ZeroDivisionError" in outcomes[1]["crash"]
    with pytest.raises(AssertionError):
        assert_plain_outcome(outcomes[1])
