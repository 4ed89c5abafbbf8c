"""The checker stays independent of the solver: no module of roster.checking imports it
(read from their source), and the checker's rules are the model's, named alike."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import roster.checking
from roster.checking import HARD_RULES, MODEL_RESTRICTIONS, PENALTIES
from solver.families import HARD, SOFT
from solver.rules import HARD_RULES as MODEL_HARD_RULES
from solver.rules import SOFT_NAMES

PACKAGE = Path(roster.checking.__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))
ALLOWED = ("roster.checking", "roster.domain", "roster.planfile", "roster.wording", "pydantic")


def imported(path: Path) -> list[str]:
    """Every module a source file imports (relative imports resolved in the package)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(["roster", "checking", *([base] if base else [])])
            found.append(base)
            found.extend(f"{base}.{alias.name}" for alias in node.names if node.level)
    return found


def test_the_package_has_the_modules_the_test_reads() -> None:
    names = {path.stem for path in MODULES}
    assert {"__init__", "report", "people", "month_needs", "hard_rules", "penalties"} <= names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_module_of_the_checker_imports_the_solver(path: Path) -> None:
    modules = imported(path)
    assert modules, f"{path.name} imports nothing: the test would not see an import"
    assert [m for m in modules if m == "solver" or m.startswith("solver.")] == []
    assert [m for m in modules if "ortools" in m] == []
    foreign = [
        m
        for m in modules
        if m.split(".")[0] not in sys.stdlib_module_names
        and not any(m == a or m.startswith(a + ".") for a in ALLOWED)
    ]
    assert foreign == [], f"{path.name} imports {foreign}"


def test_the_import_reader_sees_a_solver_import(tmp_path: Path) -> None:
    """The reader above is no check that cannot fail."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\nfrom solver.availability import can_counsel\n"
        "def f():\n    import solver.figures\n",
        encoding="utf-8",
    )
    assert imported(sample) == ["os", "solver.availability", "solver.figures"]


def test_checking_a_plan_loads_no_solver_module() -> None:
    probe = (
        "import sys; import roster.checking; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('solver', 'ortools')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "[]"


def test_the_registry_has_every_hard_rule_of_the_model_but_its_own_restrictions() -> None:
    assert set(MODEL_RESTRICTIONS) <= set(MODEL_HARD_RULES)
    assert list(HARD_RULES) == [name for name in MODEL_HARD_RULES if name not in MODEL_RESTRICTIONS]
    assert [family.name for family in HARD] == list(MODEL_HARD_RULES)
    for name, explanation in MODEL_RESTRICTIONS.items():
        assert explanation and "\n" not in explanation, name
    for name, check in HARD_RULES.items():
        assert check.__doc__, f"the check of {name} says what it checks"


def test_the_penalties_are_the_model_soft_rules_in_their_order() -> None:
    assert tuple(PENALTIES) == SOFT_NAMES
    assert [family.name for family in SOFT] == list(SOFT_NAMES)
