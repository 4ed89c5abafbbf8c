"""Fixtures of the printout tests: the example office in a temporary folder, and plans.

The golden tests print the real plan of the example office that the solver wrote,
``tests/data/plans/velbert-2026-12.json``. The other tests plan the month they need (a
holiday, a closure, a note with a marker) with ``make_plan``: the greedy baseline
(:func:`solver.baseline.greedy_plan`), which fills the month first come, first served, the
way a person fills a paper rota, keeps every hard rule and needs no CP-SAT search.

Test modules take everything from here as fixtures (never ``from conftest import``:
other test folders have a conftest module of their own).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.schema import Plan
from solver.baseline import greedy_plan

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "velbert"
REAL_PLAN = REPO / "tests" / "data" / "plans" / "velbert-2026-12.json"
GOLDEN = Path(__file__).resolve().parent / "golden"
AS_OF = date(2026, 11, 20)

MakePlan = Callable[..., Plan]


@pytest.fixture
def html_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Printing as without the pdf extra: ``import weasyprint`` fails (and tests stay fast)."""
    monkeypatch.setitem(sys.modules, "weasyprint", None)


@pytest.fixture
def real_plan_folder(tmp_path: Path) -> Path:
    """The example office with the solver's real plan of 2026-12 in ``rotas/``."""
    folder = tmp_path / "velbert"
    shutil.copytree(EXAMPLE, folder)
    (folder / "rotas").mkdir()
    shutil.copyfile(REAL_PLAN, folder / "rotas" / "2026-12.json")
    return folder


@pytest.fixture
def office_folder(tmp_path: Path) -> Path:
    """A copy of the example office (its month is 2026-12)."""
    folder = tmp_path / "velbert"
    shutil.copytree(EXAMPLE, folder)
    return folder


@pytest.fixture
def make_plan() -> MakePlan:
    """``make_plan(folder, "2026-12")``: the greedy plan of the folder's office."""

    def make(folder: Path, month: str = "2026-12", as_of: date = AS_OF) -> Plan:
        return greedy_plan(load_office(folder), Month.parse(month), today=as_of)

    return make
