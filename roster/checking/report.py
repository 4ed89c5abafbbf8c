"""What the checker finds: violations in plain words, and the penalties recomputed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from roster.planfile.schema import Penalty, Plan, Score
from roster.wording.explanations import day_text


@dataclass(frozen=True, order=True)
class Finding:
    """What a check found, before it is named: the date (None for the whole month) and
    the plain-words message. The check's name becomes the violation's rule."""

    day: date | None
    message: str


@dataclass(frozen=True, order=True)
class Violation:
    """A hard rule the plan breaks, in plain words."""

    day: date | None
    rule: str
    message: str

    def __str__(self) -> str:
        where = f"{day_text(self.day)}: " if self.day else ""
        return f"{where}{self.message} [{self.rule}]"


@dataclass
class CheckReport:
    """What the checker found: violations, and the penalties recomputed from the plan."""

    plan: Plan
    violations: list[Violation] = field(default_factory=list)
    penalties: list[Penalty] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the plan keeps every hard rule and reports its numbers truly."""
        return not self.violations

    @property
    def total(self) -> float:
        """The recomputed score."""
        return sum(p.value for p in self.penalties)

    @property
    def score(self) -> Score:
        """The recomputed score as the plan file holds it."""
        return Score(total=self.total, penalties=self.penalties)


def in_order(violations: list[Violation]) -> list[Violation]:
    """Each violation once, by date (month-wide ones first), rule and message."""
    return sorted(set(violations), key=lambda v: (v.day or date.min, v.rule, v.message))
