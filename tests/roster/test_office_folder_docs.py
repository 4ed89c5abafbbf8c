"""docs/office-folder.md documents every key the office folder's models accept."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from roster.domain.office import (
    AppointmentsRule,
    Closure,
    CounsellorNeed,
    Office,
    OpenHoursRule,
    TeamMeeting,
)
from roster.domain.requests import AppointmentFile, AppointmentRequest, Assign, Forbid, Overrides
from roster.domain.team import Absence, Team, Volunteer

DOC = Path(__file__).resolve().parents[2] / "docs" / "office-folder.md"
MODELS: list[type[BaseModel]] = [
    Office,
    Closure,
    OpenHoursRule,
    AppointmentsRule,
    CounsellorNeed,
    TeamMeeting,
    Team,
    Volunteer,
    Absence,
    AppointmentFile,
    AppointmentRequest,
    Overrides,
    Assign,
    Forbid,
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_key_is_documented(model: type[BaseModel]) -> None:
    text = DOC.read_text(encoding="utf-8")
    for name, info in model.model_fields.items():
        key = info.alias or name
        assert f"`{key}`" in text, f"{model.__name__}.{key} is not in docs/office-folder.md"


def test_every_file_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for heading in (
        "## office.yaml",
        "## volunteers.yaml",
        "## availability/YYYY-MM.csv",
        "## appointments/YYYY-MM.yaml",
        "## overrides/YYYY-MM.yaml",
        "## visits.csv",
        "## Language codes",
        "## Error messages",
    ):
        assert heading in text
