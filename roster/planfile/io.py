"""Reading and writing plan files: ``rotas/YYYY-MM.json``, written atomically."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from roster.domain.errors import RosterError, first_validation_problem
from roster.domain.files import write_atomic
from roster.domain.month import Month
from roster.planfile.schema import SCHEMA_VERSION, Plan


def plan_path(folder: Path, month: Month) -> Path:
    """Where the plan of ``month`` lives."""
    return folder / "rotas" / f"{month}.json"


def write_plan(folder: Path, plan: Plan) -> Path:
    """Write the plan atomically into ``rotas/``; return its path."""
    path = plan_path(folder, Month.parse(plan.month))
    write_atomic(path, plan.to_json())
    return path


def read_plan(path: Path) -> Plan:
    """Read a plan file; raise :class:`RosterError` if it is not one."""
    name = path.as_posix()
    if not path.is_file():
        raise RosterError(f"There is no plan at {name}. Run `roster plan` for that month first.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RosterError(f"{name} is not a plan file ({exc}). Plan the month again.") from None
    if isinstance(data, dict) and data.get("schema") != SCHEMA_VERSION:
        raise RosterError(
            f"{name} has schema {data.get('schema')!r}; this roster reads schema {SCHEMA_VERSION}. "
            "Plan the month again with this version."
        )
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        raise RosterError(
            f"{name} is not a valid plan file ({first_validation_problem(exc)}). Plan the month again."
        ) from None


def plans_in(folder: Path) -> list[Plan]:
    """Every plan in ``folder/rotas``, oldest month first."""
    base = folder / "rotas"
    if not base.is_dir():
        return []
    return [read_plan(path) for path in sorted(base.glob("[0-9][0-9][0-9][0-9]-[0-9][0-9].json"))]
