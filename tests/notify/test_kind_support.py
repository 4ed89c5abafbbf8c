"""What the tests of the change notices, poll messages, gap alerts and the leads' digest
share (imported by this unique name): the example office with its December plan copied to
a temporary folder, client notes marked, and a :class:`NotifyContext` built over it."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from roster.app.notify.model import Kind, Notice, NotifyContext
from roster.domain.notice_settings import NoticeSettings
from roster.folder.load import load_office

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "velbert"
PLAN = REPO / "tests" / "data" / "plans" / "velbert-2026-12.json"
MARKER = "CLIENT-NOTE-MARKER-16"
SESSION_10 = "2026-12-10-open-1400"


def office_copy(target: Path, *, locale: str = "de") -> Path:
    """The example office in ``target`` with the December plan, every client note holding
    :data:`MARKER`, in ``locale``."""
    shutil.copytree(EXAMPLE, target)
    (target / "rotas").mkdir()
    shutil.copyfile(PLAN, target / "rotas" / "2026-12.json")
    notes = target / "appointments" / "2026-12.yaml"
    marked = re.sub(r"note:.*", f"note: {MARKER} private", notes.read_text(encoding="utf-8"))
    notes.write_text(marked, encoding="utf-8")
    office = target / "office.yaml"
    text = office.read_text(encoding="utf-8")
    office.write_text(text.replace("locale: de ", f"locale: {locale} ", 1), encoding="utf-8")
    return target


def edit_plan(folder: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Change the December plan file in place (as a re-plan would)."""
    path = folder / "rotas" / "2026-12.json"
    plan = json.loads(path.read_text(encoding="utf-8"))
    change(plan)
    path.write_text(json.dumps(plan, indent=1), encoding="utf-8")


def session_of(plan: dict[str, Any], session_id: str) -> dict[str, Any]:
    """One session of a plan file's data."""
    found: dict[str, Any] = next(s for s in plan["sessions"] if s["id"] == session_id)
    return found


def page(volunteer: str) -> str:
    """A volunteer's page link as the tests hand it out."""
    return f"https://office.example/p/token-{volunteer}"


def context(
    folder: Path,
    today: date,
    *,
    now: datetime | None = None,
    settings: NoticeSettings | None = None,
    off: Iterable[tuple[str, Kind]] = (),
    without_page: Iterable[str] = (),
) -> NotifyContext:
    """A context over ``folder`` on ``today`` (at 08:00 UTC unless ``now``): ``off`` the
    (volunteer, kind) pairs switched off, ``without_page`` those without a page link."""
    switched_off = set(off)
    no_page = set(without_page)
    return NotifyContext(
        folder=folder,
        data=load_office(folder),
        today=today,
        now=now or datetime(today.year, today.month, today.day, 8, 0, tzinfo=UTC),
        settings=settings or NoticeSettings(),
        page_url=lambda volunteer: None if volunteer in no_page else page(volunteer),
        wants=lambda volunteer, kind: (volunteer, kind) not in switched_off,
    )


def assert_no_client_data(notices: Iterable[Notice]) -> None:
    """No marker of a client note (nor the note's words) in any part of any notice."""
    for notice in notices:
        for part in (notice.subject, notice.text, notice.html, notice.key):
            assert MARKER not in part
            assert "private" not in part
        if notice.calendar is not None:
            assert MARKER.encode() not in notice.calendar


def test_the_office_copy_marks_client_notes_and_switches_the_locale(tmp_path: Path) -> None:
    folder = office_copy(tmp_path / "office", locale="en")
    notes = (folder / "appointments" / "2026-12.yaml").read_text(encoding="utf-8")
    original = (EXAMPLE / "appointments" / "2026-12.yaml").read_text(encoding="utf-8")
    assert notes.count(MARKER) == len(re.findall(r"note:", original)) == 12
    ctx = context(folder, date(2026, 12, 1), off=[("v05", "change")], without_page=["v06"])
    assert ctx.data.office.locale == "en"
    assert ctx.now == datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    assert not ctx.wants("v05", "change")
    assert ctx.wants("v05", "gap_alert")
    assert ctx.page_url("v06") is None
    assert ctx.page_url("v05") == "https://office.example/p/token-v05"
