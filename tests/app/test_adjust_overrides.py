"""The adjust page's decisions in overrides/YYYY-MM.yaml (roster.app.override_file): a
round-trip edit that keeps what a person wrote by hand, and the same newest-wins rule as
the overrides the checker judges (roster.app.places.overrides_after)."""

from __future__ import annotations

from datetime import date

import pytest
from ruamel.yaml import YAML

from roster.app.override_file import edited_overrides
from roster.app.places import overrides_after
from roster.domain.month import Month
from roster.domain.requests import Assign, Forbid, Overrides

DECEMBER = Month(2026, 12)
TENTH = date(2026, 12, 10)
HAND_WRITTEN = """\
# Decisions of the office lead for December.
assign:
  - {volunteer: v02, date: 2026-12-10, role: lead}   # Karim leads on the 10th
  - {volunteer: v07, date: 2026-12-10, role: counsellor}

forbid:
  # Olena is away that afternoon
  - {volunteer: v16, date: 2026-12-17}
  - {volunteer: v05, date: 2026-12-10}
"""


def _overrides(text: str) -> Overrides:
    return Overrides.model_validate(YAML(typ="safe").load(text) or {})


def test_a_new_file_gets_the_entry() -> None:
    assign = Assign(volunteer="v07", date=TENTH, role="interpreter", language="ar")
    assert edited_overrides(None, DECEMBER, assign=assign) == (
        "assign:\n  - {volunteer: v07, date: 2026-12-10, role: interpreter, language: ar}\n"
    )
    assert edited_overrides("", DECEMBER, forbid=Forbid(volunteer="v07", date=TENTH)) == (
        "forbid:\n  - {volunteer: v07, date: 2026-12-10}\n"
    )


def test_comments_order_and_layout_survive_a_change() -> None:
    assign = Assign(volunteer="v09", date=date(2026, 12, 3), role="counsellor")
    edited = edited_overrides(HAND_WRITTEN, DECEMBER, assign=assign)
    assert edited == HAND_WRITTEN.replace(
        "  - {volunteer: v07, date: 2026-12-10, role: counsellor}\n",
        "  - {volunteer: v07, date: 2026-12-10, role: counsellor}\n"
        "  - {volunteer: v09, date: 2026-12-03, role: counsellor}\n",
    )


def test_putting_in_lifts_the_persons_forbid_of_that_date() -> None:
    assign = Assign(volunteer="v05", date=TENTH, role="counsellor")
    edited = edited_overrides(HAND_WRITTEN, DECEMBER, assign=assign)
    assert "{volunteer: v05, date: 2026-12-10}" not in edited
    assert "  - {volunteer: v05, date: 2026-12-10, role: counsellor}\n" in edited
    assert "# Olena is away that afternoon" in edited
    assert "{volunteer: v16, date: 2026-12-17}" in edited


def test_taking_out_drops_the_persons_assign_of_that_date_once() -> None:
    forbid = Forbid(volunteer="v07", date=TENTH)
    edited = edited_overrides(HAND_WRITTEN, DECEMBER, forbid=forbid)
    assert "v07, date: 2026-12-10, role" not in edited
    assert edited.count("{volunteer: v07, date: 2026-12-10}") == 1
    assert edited_overrides(edited, DECEMBER, forbid=forbid) == edited


def test_a_swap_writes_no_yaml_anchors() -> None:
    edited = edited_overrides(
        None,
        DECEMBER,
        forbid=Forbid(volunteer="v05", date=TENTH),
        assign=Assign(volunteer="v27", date=TENTH, role="counsellor"),
    )
    assert "&" not in edited
    assert "*" not in edited
    assert _overrides(edited) == Overrides(
        assign=[Assign(volunteer="v27", date=TENTH, role="counsellor")],
        forbid=[Forbid(volunteer="v05", date=TENTH)],
    )


@pytest.mark.parametrize(
    ("assign", "forbid"),
    [
        (Assign(volunteer="v05", date=TENTH, role="counsellor"), None),
        (Assign(volunteer="v02", date=TENTH, role="counsellor", language="ar"), None),
        (None, Forbid(volunteer="v02", date=TENTH)),
        (None, Forbid(volunteer="v16", date=date(2026, 12, 17))),
        (
            Assign(volunteer="v16", date=date(2026, 12, 17), role="interpreter", language="uk"),
            Forbid(volunteer="v07", date=TENTH),
        ),
    ],
)
def test_the_file_says_what_the_checker_is_told(
    assign: Assign | None, forbid: Forbid | None
) -> None:
    edited = edited_overrides(HAND_WRITTEN, DECEMBER, assign=assign, forbid=forbid)
    expected = overrides_after(_overrides(HAND_WRITTEN), forbid=forbid)
    expected = overrides_after(expected, assign=assign)
    found = _overrides(edited)
    assert sorted(found.assign, key=repr) == sorted(expected.assign, key=repr)
    assert sorted(found.forbid, key=repr) == sorted(expected.forbid, key=repr)
