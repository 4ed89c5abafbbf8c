"""What the checker finds: violations as codes with their data, worded in either locale,
and the penalties recomputed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from roster.domain.office_data import OfficeData
from roster.planfile.schema import Penalty, Plan, Score
from roster.wording.explanations import Wording


@dataclass(frozen=True)
class Said:
    """What a check says: a message id (``check.overlap``, or a reason code such as
    ``absent``) and its data: ids, dates, numbers, language codes, nested :class:`Said`."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict, hash=False, compare=False)


def said(code: str, /, **params: object) -> Said:
    """``said("overlap", volunteer="c1", first=..., second=...)`` for ``check.overlap``;
    a reason code of the catalogue (``absent``) stays as it is."""
    return Said(code if code in REASON_CODES else f"check.{code}", params)


REASON_CODES = frozenset(
    {"absent", "left", "answered_no", "no_answer", "excluded", "no_session_on"}
)
"""The reasons why a person cannot come, which the checker words as the planner does."""


@dataclass(frozen=True, order=True)
class Finding:
    """What a check found, before it is named: the date (None for the whole month) and
    what it says. The check's name becomes the violation's rule."""

    day: date | None
    said: Said = field(compare=False)


def wording(data: OfficeData, locale: str) -> Wording:
    """The checker's words in ``locale``, naming the team's people and languages."""
    return Wording.of(locale, data.office, {p.id: p.name for p in data.volunteers})


@dataclass(frozen=True, order=True)
class Violation:
    """A hard rule the plan breaks, in plain words (``message`` is English; :meth:`text`
    words it in any locale)."""

    day: date | None
    rule: str
    message: str
    said: Said = field(default=Said(""), compare=False, repr=False)

    @classmethod
    def of(cls, finding: Finding, rule: str, english: Wording) -> Violation:
        """A finding of the check ``rule``, its message worded in English."""
        return cls(finding.day, rule, english.render(finding.said), finding.said)

    def __str__(self) -> str:
        where = f"{Wording('en').day(self.day)}: " if self.day else ""
        return f"{where}{self.message} [{self.rule}]"

    def text(self, locale: str, data: OfficeData) -> str:
        """The violation in ``locale``: the date, what the plan does, the rule broken."""
        words = wording(data, locale)
        message = words.render(self.said) if self.said.code else self.message
        where = words.sentence("check.where", day=self.day) if self.day else ""
        rule = words.sentence(f"check.rule_{self.rule}")
        return words.sentence("check.violation", where=where, message=message, rule=rule)


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
