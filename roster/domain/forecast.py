"""Expected visitors per language, and the interpreters they need.

Method (docs/forecast.md): for each language in ``visits.csv``, take the last
``WINDOW`` open-hours dates of the log (a date with rows for other languages but none
for this one counts as 0 visitors) and fit a straight line, visitors = a + b * weeks,
by ordinary least squares. The forecast for a date is the line's value there, never
below 0. A rising series thus gives rising forecasts, not its mean. With fewer than
``MIN_POINTS`` dates the mean is used. Interpreters needed = ceil(expected /
visitors_per_interpreter), and none when fewer than half a visitor is expected.
Languages without any row in the log keep the standing ``interpreters`` need of the
session, with expected visitors = need x visitors_per_interpreter.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from roster.domain.month import Month
from roster.domain.office import OpenHoursRule
from roster.domain.office_data import OfficeData
from roster.domain.sessions import SessionOccurrence, month_calendar

WINDOW = 12
MIN_POINTS = 3


class LanguageNeed(BaseModel):
    """Interpreting need for one language in one open-hours session."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: str
    interpreters: int = Field(ge=0, description="interpreters needed (forecast or standing)")
    expected_visitors: float = Field(ge=0, description="forecast visitors of this language")


@dataclass(frozen=True)
class Trend:
    """A fitted line: visitors = level + slope * (weeks since ``origin``)."""

    origin: date
    level: float
    slope: float
    points: int

    def at(self, day: date) -> float:
        """Forecast visitors on ``day``, never negative."""
        weeks = (day - self.origin).days / 7
        return max(0.0, self.level + self.slope * weeks)


def fit_trend(series: list[tuple[date, float]]) -> Trend:
    """Least-squares line through ``(date, visitors)``; the mean when too short."""
    series = sorted(series)[-WINDOW:]
    if not series:
        return Trend(date(1970, 1, 1), 0.0, 0.0, 0)
    origin = series[0][0]
    xs = [(day - origin).days / 7 for day, _ in series]
    ys = [value for _, value in series]
    mean_x = sum(xs) / len(xs)
    mean_y = sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if len(series) < MIN_POINTS or spread == 0:
        return Trend(origin, mean_y, 0.0, len(series))
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    return Trend(origin, mean_y - slope * mean_x, slope, len(series))


def trends(data: OfficeData, before: date | None = None) -> dict[str, Trend]:
    """A fitted trend per language in the visit log (rows before ``before`` only)."""
    rows = [r for r in data.visits if before is None or r.date < before]
    dates = sorted({r.date for r in rows})
    counts = {(r.date, r.language): r.visitors for r in rows}
    languages = sorted({r.language for r in rows})
    return {
        language: fit_trend([(day, float(counts.get((day, language), 0))) for day in dates])
        for language in languages
    }


def interpreters_for(expected: float, per_interpreter: int) -> int:
    """Interpreters needed for ``expected`` visitors."""
    if expected < 0.5:
        return 0
    return math.ceil(round(expected, 1) / per_interpreter)


def language_needs(
    data: OfficeData, session: SessionOccurrence, fitted: dict[str, Trend]
) -> list[LanguageNeed]:
    """The interpreting need of one open-hours session, language by language."""
    rule = data.office.sessions[session.rule_index]
    assert isinstance(rule, OpenHoursRule)  # noqa: S101 - open-hours sessions come from open-hours rules
    needs: dict[str, LanguageNeed] = {}
    for language, trend in fitted.items():
        expected = round(trend.at(session.date), 1)
        needs[language] = LanguageNeed(
            language=language,
            interpreters=interpreters_for(expected, rule.visitors_per_interpreter),
            expected_visitors=expected,
        )
    for language, count in rule.interpreters.items():
        if language not in needs:
            needs[language] = LanguageNeed(
                language=language,
                interpreters=count,
                expected_visitors=float(count * rule.visitors_per_interpreter),
            )
    return [needs[code] for code in sorted(needs)]


def month_needs(data: OfficeData, month: Month) -> dict[str, list[LanguageNeed]]:
    """Language needs of every open-hours session of ``month``, by session id."""
    fitted = trends(data, before=month.first)
    calendar = month_calendar(data.office, month)
    return {
        session.id: language_needs(data, session, fitted)
        for session in calendar.sessions
        if session.kind == "open_hours"
    }
