"""Fixtures of the roster tests: tiny office folders, folder snapshots, the CLI runner.

Test modules take everything from here as fixtures (never ``from conftest import``:
other test folders have a conftest module of their own).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[2]

# The base office of the malformed corpus (tests/data/bad): every case is this office
# with one defect. Open hours on Thursday, appointment hours on Wednesday.
OFFICE_YAML = """\
name: Test Office
sessions:
  - name: Open hours
    kind: open_hours
    weekday: thursday
    start: "14:00"
    end: "16:00"
    counsellors: {min: 1, max: 2}
    interpreters: {ar: 1}
  - name: Appointments
    kind: appointments
    weekday: wednesday
    start: "13:00"
    end: "15:00"
    slot_minutes: 30
"""
VOLUNTEERS_YAML = """\
volunteers:
  - id: v01
    name: Anna Beispiel
    roles: [lead, counsellor]
    languages: {de: native}
  - id: v02
    name: Bilal Muster
    roles: [interpreter]
    languages: {de: fluent, ar: native}
"""

MakeOffice = Callable[..., Path]


@pytest.fixture
def make_office(tmp_path: Path) -> MakeOffice:
    """Write the base office plus ``files`` (name -> text; None removes a base file)."""
    counter = iter(range(1000))

    def make(files: dict[str, str | None] | None = None, name: str = "") -> Path:
        folder = tmp_path / (name or f"office{next(counter)}")
        content: dict[str, str | None] = {
            "office.yaml": OFFICE_YAML,
            "volunteers.yaml": VOLUNTEERS_YAML,
            **(files or {}),
        }
        folder.mkdir(parents=True)
        for relative, text in content.items():
            if text is None:
                continue
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return folder

    return make


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() if path.is_file() else None
        for path in sorted(folder.rglob("*"))
    }


@pytest.fixture
def snapshot() -> Callable[[Path], dict[str, bytes | None]]:
    """Every file (with its bytes) and folder (None) below a folder, to compare later."""
    return _snapshot


@pytest.fixture
def example() -> Path:
    """The example office of the repository (read only: copy it before writing)."""
    return REPO / "examples" / "velbert"


@pytest.fixture
def base_files() -> dict[str, str]:
    """The base office of the corpus: office.yaml and volunteers.yaml."""
    return {"office.yaml": OFFICE_YAML, "volunteers.yaml": VOLUNTEERS_YAML}


@pytest.fixture
def cli() -> CliRunner:
    """Click's runner; stdout and stderr are kept apart (click >= 8.2)."""
    return CliRunner()
