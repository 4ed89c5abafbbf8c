"""Golden files: every feed of the example office for December 2026, compared in full.

Two sets are kept under tests/calendars/golden/:

- ``velbert-2026-12/``: from the solver's plan of the example office,
  tests/data/plans/velbert-2026-12.json (checked when that file is there);
- ``velbert-2026-12-fixture/``: from a plan made by hand rules in feed_plans.example_plan,
  so the feed writer is pinned down whatever the solver does.

Normalisation, as in khal's tests, removes only what may differ without being a change of
the feeds: the roster version inside PRODID. The writer is deterministic (fixed ``now`` and
key, stable order), so everything else, property order included, is compared byte for byte.
To regenerate after an intended change, run:

    ROSTER_REGENERATE_GOLDEN=1 pytest tests/calendars/test_feeds_golden.py

and review the diff of the golden files before committing them.
"""

from __future__ import annotations

import difflib
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from feed_offices import example_office
from feed_plans import REAL_PLAN, example_plan, save

from calendars.publish import publish
from roster import __version__
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.io import read_plan

GOLDEN = Path(__file__).with_name("golden")
NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
KEY = "901d" * 16
REGENERATE = os.environ.get("ROSTER_REGENERATE_GOLDEN") == "1"


def normalise(content: bytes) -> bytes:
    """The feed with the roster version in PRODID replaced by a placeholder."""
    prodid = f"PRODID:-//roster//roster {__version__}//EN\r\n".encode()
    assert content.count(prodid) == 1, "PRODID names roster and its version"
    return content.replace(prodid, b"PRODID:-//roster//roster {version}//EN\r\n")


def feeds_of(folder: Path) -> dict[str, bytes]:
    """Every feed of the folder's December 2026, by a readable name."""
    report = publish(load_office(folder), now=NOW, month=Month(2026, 12), uid_key=KEY)
    names = {
        item.ref.label.replace("volunteer:", "volunteer-") + ".ics": normalise(
            item.path.read_bytes()
        )
        for item in report.feeds
    }
    assert len(names) == len(report.feeds)
    return names


def compare(produced: dict[str, bytes], directory: Path) -> None:
    if REGENERATE:
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.glob("*.ics"):
            if stale.name not in produced:
                stale.unlink()
        for name, content in produced.items():
            (directory / name).write_bytes(content)
    if not directory.is_dir():
        pytest.fail(
            f"no golden files in {directory}; run with ROSTER_REGENERATE_GOLDEN=1 and review them"
        )
    expected = {path.name: path.read_bytes() for path in sorted(directory.glob("*.ics"))}
    assert sorted(produced) == sorted(expected)
    for name, content in sorted(produced.items()):
        if content != expected[name]:
            diff = difflib.unified_diff(
                expected[name].decode().replace("\r\n ", "").splitlines(),
                content.decode().replace("\r\n ", "").splitlines(),
                f"golden/{name}",
                "produced",
                lineterm="",
            )
            pytest.fail(
                f"{name} differs from its golden file (if the change is intended, e.g. a new "
                "plan file, run with ROSTER_REGENERATE_GOLDEN=1 and review the diff):\n"
                + "\n".join(diff)
            )


def test_golden_feeds_of_the_example_office_fixture_plan(tmp_path: Path) -> None:
    folder = example_office(tmp_path / "velbert")
    save(folder, example_plan(folder))
    compare(feeds_of(folder), GOLDEN / "velbert-2026-12-fixture")


@pytest.mark.skipif(
    not REAL_PLAN.is_file(), reason="tests/data/plans/velbert-2026-12.json is not there yet"
)
def test_golden_feeds_of_the_example_office_real_plan(tmp_path: Path) -> None:
    folder = example_office(tmp_path / "velbert")
    save(folder, read_plan(REAL_PLAN))
    compare(feeds_of(folder), GOLDEN / "velbert-2026-12")


def test_golden_files_use_crlf_and_a_placeholder_version() -> None:
    files = sorted(GOLDEN.rglob("*.ics"))
    assert files, "golden files are committed"
    for path in files:
        content = path.read_bytes()
        assert content.startswith(b"BEGIN:VCALENDAR\r\n") and content.endswith(b"END:VCALENDAR\r\n")
        assert b"PRODID:-//roster//roster {version}//EN\r\n" in content
