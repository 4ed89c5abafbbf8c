"""docs/office-folder.md documents every key the office folder's models accept."""

from __future__ import annotations

import types
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import pytest
from pydantic import BaseModel

from roster.domain.notice_settings import Alarm, MailSettings, NoticeSettings
from roster.domain.office import (
    AppointmentsRule,
    Closure,
    Contact,
    CounsellorNeed,
    FeedSettings,
    Office,
    OpenHoursRule,
    Priorities,
    TeamMeeting,
)
from roster.domain.office_settings import VolunteerSettings
from roster.domain.requests import (
    AppointmentFile,
    AppointmentRequest,
    Assign,
    Forbid,
    Overrides,
    VisitRecord,
)
from roster.domain.team import Absence, Team, Volunteer

DOC = Path(__file__).resolve().parents[2] / "docs" / "office-folder.md"
MODELS: list[type[BaseModel]] = [
    Office,
    Closure,
    OpenHoursRule,
    AppointmentsRule,
    CounsellorNeed,
    TeamMeeting,
    Contact,
    VolunteerSettings,
    MailSettings,
    NoticeSettings,
    Alarm,
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


def _bounds(items: list[Any]) -> tuple[Any, Any]:
    """The lower (ge or gt) and upper (le) bound among pydantic's constraint objects."""
    low = high = None
    for item in items:
        nested = getattr(item, "metadata", None)
        if isinstance(nested, list):
            low, high = (low, high) if low is not None or high is not None else _bounds(nested)
        low = low if low is not None else getattr(item, "ge", getattr(item, "gt", None))
        high = high if high is not None else getattr(item, "le", None)
    return low, high


def _plain(kind: Any) -> tuple[Any, list[Any]]:
    """``Annotated[int, ...]`` -> ``(int, [its constraints])``."""
    if get_origin(kind) is Annotated:
        return get_args(kind)[0], list(get_args(kind)[1:])
    return kind, []


def _numbers(model: type[BaseModel]) -> list[tuple[str, Any, Any]]:
    """Every number of ``model``, with its bounds: (key, low, high)."""
    found = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        kinds = [info.annotation]
        if get_origin(info.annotation) in (Union, types.UnionType):
            kinds = [arg for arg in get_args(info.annotation) if arg is not type(None)]
        for kind in kinds:
            plain, constraints = _plain(kind)
            if plain in (int, float):
                found.append((key, *_bounds([*info.metadata, *constraints])))
            elif get_origin(plain) is dict:
                value, constraints = _plain(get_args(plain)[1])
                if value in (int, float):
                    found.append((key, *_bounds(constraints)))
    return found


NUMBER_MODELS: list[type[BaseModel]] = [*MODELS, FeedSettings, Priorities, VisitRecord]
NUMBERS = [(model.__name__, *number) for model in NUMBER_MODELS for number in _numbers(model)]


def test_every_number_of_the_folder_is_found() -> None:
    keys = {key for _, key, _, _ in NUMBERS}
    assert {"min", "max", "leads", "interpreters", "visitors_per_interpreter"} <= keys
    assert {"slot_minutes", "desks", "minutes", "max_per_month", "hours_per_month"} <= keys
    assert {"months_back", "months_ahead", "fairness", "language", "visitors"} <= keys
    assert len(NUMBERS) == 33  # 25 + mail port, five of notices, two of an alarm


@pytest.mark.parametrize(("model", "key", "low", "high"), NUMBERS)
def test_every_number_has_a_documented_range(model: str, key: str, low: Any, high: Any) -> None:
    """Checked at load time (both bounds declared) and written in docs/office-folder.md."""
    assert low is not None, f"{model}.{key} has no lower bound"
    assert high is not None, f"{model}.{key} has no upper bound"
    rows = [line for line in DOC.read_text(encoding="utf-8").splitlines() if f"`{key}`" in line]
    assert any(f"{low} to {high}" in row or f"over {low}, at most {high}" in row for row in rows), (
        f"{model}.{key}: no line of docs/office-folder.md gives its range {low} to {high}"
    )
