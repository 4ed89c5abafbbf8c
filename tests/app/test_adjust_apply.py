"""Changing a session (roster.app.adjust): each change becomes an override in
overrides/YYYY-MM.yaml (its hand-written comments kept), the month is re-planned under the
same lock, the change is logged, and the last change can be undone byte for byte. A
refused change, or a re-plan that fails, leaves every file as it was."""

from __future__ import annotations

import json
import shutil
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from roster.app import adjust
from roster.app.adjust import put_in, session_view, swap_people, take_out, undo_last
from roster.app.changelog import read_changes
from roster.app.undo import undo_path
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.planfile.io import read_plan

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "velbert"
PLAN = ROOT / "tests" / "data" / "plans" / "velbert-2026-12.json"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
DECEMBER = Month(2026, 12)
THIRD, TENTH = date(2026, 12, 3), date(2026, 12, 10)
COMMENTED = """\
# Decisions of the office lead for December.
assign:
  - {volunteer: v02, date: 2026-12-10, role: lead}   # Karim leads on the 10th
"""


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """The example office with its December plan."""
    folder = Path(shutil.copytree(EXAMPLE, tmp_path / "office"))
    (folder / "rotas").mkdir()
    shutil.copyfile(PLAN, folder / "rotas" / "2026-12.json")
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith(".roster.lock")
    }


def _staff(folder: Path, day: date) -> set[tuple[str, str, str | None]]:
    plan = read_plan(folder / "rotas" / "2026-12.json")
    session = next(s for s in plan.sessions if s.date == day)
    return {(e.volunteer, e.role, e.language) for e in session.staff}


def _gaps(folder: Path, day: date) -> set[tuple[str, str | None]]:
    plan = read_plan(folder / "rotas" / "2026-12.json")
    session = next(s for s in plan.sessions if s.date == day)
    return {(gap.need, gap.language) for gap in session.uncovered}


def test_take_out_then_put_back_into_the_gap(office: Path) -> None:
    overrides = office / "overrides" / "2026-12.yaml"
    overrides.parent.mkdir()
    overrides.write_text(COMMENTED, encoding="utf-8")
    taken = take_out(office, DECEMBER, "2026-12-03", "v16", who="v01", now=NOW, lock_wait=0)
    assert overrides.read_text(encoding="utf-8") == COMMENTED + (
        "forbid:\n  - {volunteer: v16, date: 2026-12-03}\n"
    )
    assert not any(person == "v16" for person, _, _ in _staff(office, THIRD))
    assert ("language", "uk") in _gaps(office, THIRD)
    assert taken.what == "Olena Kovalenko am Do., 3. Dez. herausgenommen"
    third = next(c for c in taken.changes if c.date == THIRD)
    assert [(p.name, p.duty) for p in third.went_out] == [
        ("Olena Kovalenko", "Dolmetschen (Ukrainisch)")
    ]
    assert (third.gaps_before, third.gaps_after) == (1, 2)

    view = session_view(office, DECEMBER, THIRD, now=NOW)
    ukrainian = next(n for n in view.needs if n.language == "uk")
    assert [(c.volunteer, c.duty.key) for c in ukrainian.choice.candidates] == [
        ("v16", "interpreter:uk")
    ]
    assert ukrainian.choice.candidates[0].hint is not None

    back = put_in(
        office, DECEMBER, THIRD, "v16", "interpreter", "uk", who="v01", now=NOW, lock_wait=0
    )
    assert overrides.read_text(encoding="utf-8") == COMMENTED + (
        "  - {volunteer: v16, date: 2026-12-03, role: interpreter, language: uk}\n"
    )
    assert ("v16", "interpreter", "uk") in _staff(office, THIRD)
    assert ("language", "uk") not in _gaps(office, THIRD)
    third = next(c for c in back.changes if c.date == THIRD)
    assert [p.volunteer for p in third.came_in] == ["v16"]
    assert third.gaps_text == "Jetzt fehlt 1 Person (vorher: 2)."
    assert back.can_undo
    lines = [(c.who, c.key, c.params, c.month) for c in read_changes(office)]
    assert lines == [
        (
            "v01",
            "web.adjust_change_taken_out",
            {"name": "Olena Kovalenko", "day": "Do., 3. Dez."},
            "2026-12",
        ),
        (
            "v01",
            "web.adjust_change_put_in",
            {"name": "Olena Kovalenko", "day": "Do., 3. Dez.", "duty": "Dolmetschen (Ukrainisch)"},
            "2026-12",
        ),
    ]


def test_a_swap_is_a_forbid_and_an_assign(office: Path) -> None:
    result = swap_people(office, DECEMBER, TENTH, "v05", "v27", who="v01", now=NOW, lock_wait=0)
    assert (office / "overrides" / "2026-12.yaml").read_text(encoding="utf-8") == (
        "assign:\n  - {volunteer: v27, date: 2026-12-10, role: counsellor}\n"
        "forbid:\n  - {volunteer: v05, date: 2026-12-10}\n"
    )
    staff = _staff(office, TENTH)
    assert ("v27", "counsellor", None) in staff
    assert not any(person == "v05" for person, _, _ in staff)
    assert result.what == "Thomas Weber am Do., 10. Dez. gegen Andreas Vogel getauscht (Beratung)"
    tenth = next(c for c in result.changes if c.date == TENTH)
    assert [p.name for p in tenth.came_in] == ["Andreas Vogel"]
    assert [p.name for p in tenth.went_out] == ["Thomas Weber"]


def test_a_person_the_checker_refuses_changes_nothing(office: Path) -> None:
    before = _snapshot(office)
    with pytest.raises(RosterError) as refused:
        put_in(office, DECEMBER, TENTH, "v16", "interpreter", "ru", who="v01", now=NOW, lock_wait=0)
    assert refused.value.message == (
        "Olena Kovalenko kann nicht eingeteilt werden: hat in der Umfrage für Do., 10. Dez. "
        "mit Nein geantwortet."
    )
    assert [p.field for p in refused.value.problems] == ["volunteer"]
    with pytest.raises(RosterError) as full:
        swap_people(
            office, DECEMBER, TENTH, "v20", "v09", "counsellor", who="v01", now=NOW, lock_wait=0
        )
    assert "so viele Berater:innen, wie sie braucht (4)" in full.value.message
    assert [p.field for p in full.value.problems] == ["in"]
    assert _snapshot(office) == before


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (
            lambda f: put_in(f, DECEMBER, TENTH, "v99", "counsellor", who="v01", now=NOW),
            "volunteer",
        ),
        (
            lambda f: put_in(f, DECEMBER, TENTH, "v16", "interpreter", None, who="v01", now=NOW),
            "language",
        ),
        (
            lambda f: put_in(f, DECEMBER, TENTH, "v16", "interpreter", "xx", who="v01", now=NOW),
            "language",
        ),
        (lambda f: put_in(f, DECEMBER, "2026-12-05", "v16", "lead", who="v01", now=NOW), "date"),
        (lambda f: put_in(f, DECEMBER, "2026-11-05", "v16", "lead", who="v01", now=NOW), "date"),
        (lambda f: put_in(f, DECEMBER, "2026-12-32", "v16", "lead", who="v01", now=NOW), "date"),
        (lambda f: take_out(f, DECEMBER, TENTH, "v01", who="v01", now=NOW), "volunteer"),
        (lambda f: swap_people(f, DECEMBER, TENTH, "v05", "v05", who="v01", now=NOW), "in"),
        (lambda f: swap_people(f, DECEMBER, TENTH, "v01", "v27", who="v01", now=NOW), "out"),
    ],
)
def test_bad_input_is_said_plainly_and_changes_nothing(
    office: Path, call: object, field: str
) -> None:
    before = _snapshot(office)
    assert callable(call)
    with pytest.raises(RosterError) as problem:
        call(office)
    assert [p.field for p in problem.value.problems] == [field]
    assert "v99" not in problem.value.message
    assert _snapshot(office) == before


def test_a_month_without_a_plan_and_a_past_session(office: Path) -> None:
    with pytest.raises(RosterError, match="noch keinen Plan"):
        session_view(office, "2027-01", "2027-01-07", now=NOW)
    later = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
    view = session_view(office, DECEMBER, THIRD, now=later)
    assert not view.editable
    assert view.notice is not None
    assert view.needs == []
    before = _snapshot(office)
    with pytest.raises(RosterError, match="Vergangenheit"):
        take_out(office, DECEMBER, THIRD, "v16", who="v01", now=later, lock_wait=0)
    assert _snapshot(office) == before


@pytest.mark.parametrize("failure", [RuntimeError("solver and checker disagree"), RosterError("x")])
def test_a_failing_replan_leaves_both_files_as_they_were(
    office: Path, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    (office / "overrides").mkdir()
    (office / "overrides" / "2026-12.yaml").write_text(COMMENTED, encoding="utf-8")
    before = _snapshot(office)
    seen: list[bytes] = []

    def broken(*args: object, **kwargs: object) -> object:
        # the overrides are written when the re-plan runs; it fails half-way
        seen.append((office / "overrides" / "2026-12.yaml").read_bytes())
        (office / "rotas" / "2026-12.json").write_text("half a plan", encoding="utf-8")
        raise failure

    monkeypatch.setattr(adjust, "plan_office", broken)
    with pytest.raises(type(failure)) as raised:
        take_out(office, DECEMBER, TENTH, "v05", who="v01", now=NOW, lock_wait=0)
    assert b"v05" in seen[0]
    assert _snapshot(office) == before
    if isinstance(raised.value, RosterError):
        assert raised.value.message == (
            "Mit dieser Änderung lässt sich der Monat nicht planen. Es wurde nichts geändert."
        )


def test_undo_puts_both_files_back_byte_for_byte(office: Path) -> None:
    before = _snapshot(office)
    assert not (office / "overrides").exists()
    swap_people(office, DECEMBER, TENTH, "v05", "v27", who="v01", now=NOW, lock_wait=0)
    record = undo_path(office, DECEMBER)
    assert stat.S_IMODE(record.stat().st_mode) == 0o600
    assert stat.S_IMODE(record.parent.stat().st_mode) == 0o700
    assert "Widerspruch" not in record.read_text(encoding="utf-8")  # no appointment note
    view = session_view(office, DECEMBER, TENTH, now=NOW)
    assert view.last is not None
    assert view.last.can_undo

    undone = undo_last(office, DECEMBER, who="v01", now=NOW, lock_wait=0)
    after = _snapshot(office)
    for name in ("rotas/2026-12.json", *[n for n in before if not n.startswith("web")]):
        assert after.get(name) == before[name], name
    assert not (office / "overrides" / "2026-12.yaml").exists()
    assert undone.what.startswith("Rückgängig gemacht: Thomas Weber am Do., 10. Dez.")
    tenth = next(c for c in undone.changes if c.date == TENTH)
    assert [p.name for p in tenth.came_in] == ["Thomas Weber"]
    assert [p.name for p in tenth.went_out] == ["Andreas Vogel"]
    assert read_changes(office)[-1].key == "web.adjust_change_undone"
    assert read_changes(office)[-1].params == {"day": "Do., 10. Dez."}
    kept = json.loads(record.read_text(encoding="utf-8"))
    assert kept["undone"] is True
    assert kept["plan_before"] is None

    with pytest.raises(RosterError, match="keine Änderung"):
        undo_last(office, DECEMBER, who="v01", now=NOW, lock_wait=0)


def test_undo_refuses_when_the_plan_changed_since(office: Path) -> None:
    take_out(office, DECEMBER, TENTH, "v05", who="v01", now=NOW, lock_wait=0)
    plan = office / "rotas" / "2026-12.json"
    plan.write_bytes(plan.read_bytes() + b"\n")
    before = _snapshot(office)
    assert session_view(office, DECEMBER, TENTH, now=NOW).last.can_undo is False  # type: ignore[union-attr]
    with pytest.raises(RosterError, match="seitdem geändert"):
        undo_last(office, DECEMBER, who="v01", now=NOW, lock_wait=0)
    assert _snapshot(office) == before
