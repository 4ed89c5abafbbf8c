"""Confidentiality: no appointment note reaches any printout, the door sign names nobody."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from roster.app.printing import links_made
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.io import write_plan
from roster.planfile.schema import Plan
from roster.printouts import print_month

MakePlan = Callable[..., Plan]
MARKER = "NOTE-MARKER"


def mark_every_note(folder: Path) -> list[str]:
    """Give every appointment request a note with a unique marker; return the markers."""
    path = folder / "appointments" / "2026-12.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    markers = []
    for number, request in enumerate(data["appointments"]):
        marker = f"{MARKER}-{number:02d}"
        request["note"] = f"{marker} Frau Mustermann, geboren 1.1.1980, Aktenzeichen {marker}"
        markers.append(marker)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return markers


def printed_text(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((folder / "print").rglob("*.html"))
    }


@pytest.mark.parametrize("plan_source", ["solver", "first-come"])
@pytest.mark.parametrize("locale", ["de", "en"])
def test_no_note_in_any_printout_and_no_name_on_the_door(
    real_plan_folder: Path,
    make_plan: MakePlan,
    html_only: None,
    plan_source: str,
    locale: str,
) -> None:
    markers = mark_every_note(real_plan_folder)
    notes = [a.request.note for a in load_office(real_plan_folder).appointments_of(Month(2026, 12))]
    assert len(notes) == len(markers) and all(notes)  # the loader read every marked note
    if plan_source == "first-come":
        write_plan(real_plan_folder, make_plan(real_plan_folder))
    print_month(
        load_office(real_plan_folder),
        Month(2026, 12),
        locale=locale,
        links=links_made(load_office(real_plan_folder)),
    )
    texts = printed_text(real_plan_folder)
    assert len(texts) > 30
    for name, text in texts.items():
        assert MARKER not in text, name
        assert "Mustermann" not in text, name
    door = next(text for name, text in texts.items() if "/door-" in name)
    for person in load_office(real_plan_folder).volunteers:
        assert person.name not in door
        for part in person.name.split():
            assert not re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", door), part
        assert not re.search(rf"\b{re.escape(person.id)}\b", door)
    sheets = [text for name, text in texts.items() if "/appointments-" in name]
    assert any("A-2026-" in text for text in sheets)  # the desk's sheets do carry case refs
