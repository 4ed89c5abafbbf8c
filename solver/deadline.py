"""A share of the time limit for one step before the search (the relaxations)."""

from __future__ import annotations

import time
from typing import Any


class Deadline:
    """``seconds`` from now (None: no limit): for building a linear program and then
    solving it in the time that is left of it."""

    def __init__(self, seconds: float | None) -> None:
        self._end = None if seconds is None else time.perf_counter() + seconds

    def passed(self) -> bool:
        """Whether the time is up."""
        return self._end is not None and time.perf_counter() >= self._end

    def limit(self, solver: Any) -> bool:
        """Give a ``pywraplp`` solver the time that is left; False when none is."""
        if self._end is None:
            return True
        left = self._end - time.perf_counter()
        if left <= 0:
            return False
        solver.SetTimeLimit(max(1, round(left * 1000)))
        return True
