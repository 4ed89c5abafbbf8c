"""Golden HTML of the example month, printed from the solver's real plan file.

The printed HTML is compared in full with the files in ``golden/``. Normalised: only
roster's version in the ``generator`` tag. After an intended change, regenerate with
``ROSTER_REGENERATE_GOLDEN=1 pytest tests/printouts/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from roster.domain.month import Month
from roster.folder.load import load_office
from roster.printouts import print_month

GOLDEN = Path(__file__).resolve().parent / "golden"
DOCUMENTS = [
    "rota-2026-12",
    "appointments-2026-12-02",
    "agenda-2026-12",
    "door-2026-12",
    "people/v04-2026-12",
]


def normalise(html: str) -> str:
    """Hide roster's version, the one thing that changes without the output changing."""
    return re.sub(r'content="roster [^"]+"', 'content="roster VERSION"', html)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_printout_matches_golden_file(real_plan_folder: Path, html_only: None, name: str) -> None:
    print_month(load_office(real_plan_folder), Month(2026, 12))
    actual = normalise((real_plan_folder / "print" / f"{name}.html").read_text(encoding="utf-8"))
    golden = GOLDEN / f"{name.replace('/', '-')}.html"
    if os.environ.get("ROSTER_REGENERATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing; run with ROSTER_REGENERATE_GOLDEN=1"
    assert actual == golden.read_text(encoding="utf-8")


def test_golden_files_are_real_printouts() -> None:
    """The golden files hold what the documents must show, not an empty page."""
    rota = (GOLDEN / "rota-2026-12.html").read_text(encoding="utf-8")
    assert "Dienstplan Dezember 2026" in rota
    assert "geschlossen: Weihnachtspause" in rota
    door = (GOLDEN / "door-2026-12.html").read_text(encoding="utf-8")
    assert "العربية" in door
    sheet = (GOLDEN / "appointments-2026-12-02.html").read_text(encoding="utf-8")
    assert "Vertraulich" in sheet
