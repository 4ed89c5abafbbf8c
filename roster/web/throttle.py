"""Slowing down password guessing: failed logins per browser address and per user name,
in memory.

The first :data:`FREE_FAILURES` failures of a key cost nothing. After that, each further
attempt must wait ``2**k`` seconds after the last failure (2, 4, 8, ... seconds), at most
:data:`MAX_WAIT_SECONDS`; an attempt within the wait is refused without checking the
password (``429``), and does not count as a failure. A successful login clears the
address and the user name. Keys not seen for a day are forgotten; at most
:data:`MAX_KEYS` are kept (the oldest go first), so the memory stays small.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

FREE_FAILURES = 5
MAX_WAIT_SECONDS = 15 * 60
FORGET_SECONDS = 24 * 60 * 60
MAX_KEYS = 10_000


@dataclass
class _Record:
    failures: int
    last: float


class LoginThrottle:
    """Counts failed logins per key (``address:...``, ``account:...``)."""

    def __init__(self, seconds: Callable[[], float]) -> None:
        self._seconds = seconds
        self._records: dict[str, _Record] = {}

    @staticmethod
    def delay(failures: int) -> int:
        """Seconds to wait after ``failures`` failures: 0, then 2, 4, 8 ... (capped)."""
        if failures < FREE_FAILURES:
            return 0
        return min(int(2 ** (failures - FREE_FAILURES + 1)), MAX_WAIT_SECONDS)

    def wait(self, *keys: str) -> int:
        """Whole seconds until a login with these keys may be tried (0: now)."""
        now = self._seconds()
        longest = 0.0
        for key in keys:
            record = self._records.get(key)
            if record is not None:
                longest = max(longest, record.last + self.delay(record.failures) - now)
        return math.ceil(longest) if longest > 0 else 0

    def failed(self, *keys: str) -> None:
        """A login with these keys failed."""
        now = self._seconds()
        self._forget(now)
        for key in keys:
            record = self._records.pop(key, None) or _Record(0, now)
            self._records[key] = _Record(record.failures + 1, now)

    def succeeded(self, *keys: str) -> None:
        """A login with these keys succeeded: their failures are forgotten."""
        for key in keys:
            self._records.pop(key, None)

    def _forget(self, now: float) -> None:
        stale = [key for key, record in self._records.items() if now - record.last > FORGET_SECONDS]
        for key in stale:
            del self._records[key]
        while len(self._records) >= MAX_KEYS:
            del self._records[next(iter(self._records))]
