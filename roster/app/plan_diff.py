"""What changed between two plans of a month, session by session: who came in, who went
out, and how many people each session still misses.

A pure function of the two plans (:func:`plan_diff`), used by the adjust page after a
change and after its undo; the words (names, dates, functions) are made elsewhere
(:mod:`roster.app.adjust_words`). People are compared by their function in the session:
someone who only changes function (counselling -> counselling in French) went out with
the old one and came in with the new one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from roster.planfile.schema import Plan, PlanSession, StaffEntry


@dataclass(frozen=True, order=True)
class StaffLine:
    """One person's function in a session, as the plan lists it."""

    volunteer: str
    role: str
    """``counsellor`` or ``interpreter``."""
    language: str | None = None
    lead: bool = False

    @classmethod
    def of(cls, entry: StaffEntry) -> StaffLine:
        """The line of a plan's staff entry."""
        return cls(entry.volunteer, entry.role, entry.language, entry.lead)


@dataclass(frozen=True)
class SessionDiff:
    """What changed in one session."""

    session: str
    date: dt.date
    name: str
    came_in: tuple[StaffLine, ...] = ()
    went_out: tuple[StaffLine, ...] = ()
    gaps_before: int = 0
    """People missing in the session before the change (all needs together)."""
    gaps_after: int = 0

    @property
    def changed(self) -> bool:
        """Whether anybody came or went, or the gaps changed."""
        return bool(self.came_in or self.went_out) or self.gaps_before != self.gaps_after


def _gaps(session: PlanSession | None) -> int:
    return 0 if session is None else sum(gap.missing for gap in session.uncovered)


def _staff(session: PlanSession | None) -> Counter[StaffLine]:
    return Counter() if session is None else Counter(StaffLine.of(e) for e in session.staff)


def _sorted(lines: Counter[StaffLine]) -> tuple[StaffLine, ...]:
    return tuple(sorted(lines.elements()))


def plan_diff(before: Plan | None, after: Plan | None) -> list[SessionDiff]:
    """The sessions whose people or gaps differ between ``before`` and ``after`` (either
    may be missing: no plan), in date order; unchanged sessions are left out."""
    old = {s.id: s for s in before.sessions} if before is not None else {}
    new = {s.id: s for s in after.sessions} if after is not None else {}
    found: list[SessionDiff] = []
    for session_id in sorted(old.keys() | new.keys()):
        was, now = old.get(session_id), new.get(session_id)
        shown = now or old[session_id]  # the id comes from one of the two plans
        staff_before, staff_after = _staff(was), _staff(now)
        diff = SessionDiff(
            session=session_id,
            date=shown.date,
            name=shown.name,
            came_in=_sorted(staff_after - staff_before),
            went_out=_sorted(staff_before - staff_after),
            gaps_before=_gaps(was),
            gaps_after=_gaps(now),
        )
        if diff.changed:
            found.append(diff)
    return sorted(found, key=lambda d: (d.date, d.session))
