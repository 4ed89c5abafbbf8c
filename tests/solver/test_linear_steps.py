"""The steps before the search, indexed so that they grow about linearly with the team
(issue 13, section 3), give what the plain scans gave: the model's appointment candidates
(:class:`solver.candidates.CandidateIndex` against
:func:`solver.variables.appointment_candidates`) and the starting plan's reasons, written
afterwards (:func:`solver.plan_build.explained`) or at once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from roster.domain.month import Month
from roster.folder.load import load_office
from solver.candidates import CandidateIndex
from solver.guided_start import greedy_of
from solver.month_input import MonthInput, month_input
from solver.plan_build import explained
from solver.relaxation import relax_open_hours
from solver.variables import appointment_candidates

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "velbert"


@pytest.fixture(scope="module")
def inp() -> MonthInput:
    return month_input(load_office(EXAMPLE), Month(2026, 12), as_of=date(2026, 11, 20))


@pytest.mark.parametrize("limit", [1, 3, 24])
def test_the_candidate_index_chooses_as_the_per_option_ranking(inp: MonthInput, limit: int) -> None:
    start = greedy_of(inp, relax_open_hours(inp).guide)
    index = CandidateIndex(inp, start)
    for item in inp.appointments:
        for option in inp.options(item.key):
            day = inp.session(option.session).date
            plain = appointment_candidates(inp, item, day, inp.present_on(day), start, limit)
            indexed = index.candidates(item, day, limit)
            assert [[p.id for p in group] for group in indexed] == [
                [p.id for p in group] for group in plain
            ]


def test_reasons_written_afterwards_read_as_those_written_at_once(inp: MonthInput) -> None:
    guide = relax_open_hours(inp).guide
    at_once = greedy_of(inp, guide)
    later = greedy_of(inp, guide, explain=False)
    assert later.unscheduled and not any(u.reason for u in later.unscheduled)
    assert later.score == at_once.score
    facts = {"solver": at_once.solver}
    assert (
        explained(inp, later).model_copy(update=facts).to_json()
        == at_once.model_copy(update=facts).to_json()
    )
