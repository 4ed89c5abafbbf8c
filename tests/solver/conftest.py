"""Fixtures of the solver tests; the builders live in solver_builders.py."""

from __future__ import annotations

import pytest
from solver_builders import Spec, interpreter, person


@pytest.fixture
def spec() -> Spec:
    """Two counsellors and an Arabic interpreter for one open-hours session."""
    return Spec(people=[person("c1"), person("c2"), interpreter("i1", "ar")])
