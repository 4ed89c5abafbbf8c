"""The agenda's visitors per language: the visits recorded and the forecast, or, without
recorded visits, the usual interpreter need the plan used (never figures that look like
data but are not)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup

from roster.domain.forecast import month_needs, trends
from roster.planfile.schema import Plan
from roster.printouts.charts import SeriesRow, visitors_chart
from roster.printouts.context import PrintInput
from roster.wording.formats import NONE

VISIT_WEEKS = 12
RECENT_WEEKS = 4


@dataclass(frozen=True)
class VisitorRow:
    """One language in the visitors table."""

    language: str
    recent: str
    trend: str
    expected: str
    expected_next: str


@dataclass(frozen=True)
class StandingRow:
    """Without recorded visits: one language and the interpreters its open hours need."""

    language: str
    interpreters: str


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _expected_this_month(plan: Plan) -> dict[str, list[float]]:
    expected: dict[str, list[float]] = defaultdict(list)
    for session in plan.sessions:
        if session.needs is None:
            continue
        for need in session.needs.languages:
            expected[need.language].append(need.expected_visitors)
    return expected


def visitors(source: PrintInput) -> tuple[list[str], list[VisitorRow], Markup | None]:
    words, fmt = source.words, source.fmt
    month, following = source.month, source.month.next()
    before = [r for r in source.data.visits if r.date < month.first]
    log_dates = sorted({r.date for r in before})[-VISIT_WEEKS:]
    counts = {(r.date, r.language): float(r.visitors) for r in before}
    fitted = trends(source.data, before=month.first)
    this_month = _expected_this_month(source.plan)
    next_month: dict[str, list[float]] = defaultdict(list)
    for needs in month_needs(source.data, following).values():
        for need in needs:
            next_month[need.language].append(need.expected_visitors)
    codes = sorted(set(fitted) | set(this_month))
    recent_dates = log_dates[-RECENT_WEEKS:]

    def shown(values: list[float]) -> str:
        mean = _mean(values)
        return NONE if mean is None else fmt.number(mean, 1)

    def rank(code: str) -> tuple[float, str]:
        return (-(_mean(this_month.get(code, [])) or 0.0), fmt.language(code))

    rows = [
        VisitorRow(
            language=f"{fmt.language(code)} ({code})",
            recent=fmt.number(sum(counts.get((d, code), 0.0) for d in recent_dates))
            if recent_dates
            else NONE,
            trend=fmt.signed(fitted[code].slope) if code in fitted else NONE,
            expected=shown(this_month.get(code, [])),
            expected_next=shown(next_month.get(code, [])),
        )
        for code in sorted(codes, key=rank)
    ]
    columns = [
        words("visitors_weeks", count=len(recent_dates)),
        words("trend_per_week"),
        f"{words('forecast_for', month=fmt.month(month))}, {words('per_session')}",
        f"{words('forecast_for', month=fmt.month(following))}, {words('per_session')}",
    ]
    chart = None
    if log_dates:
        sessions = sorted(
            (s for s in source.plan.sessions if s.needs is not None), key=lambda s: s.start
        )
        series = []
        for code in sorted(codes, key=rank):
            expected = {
                s.id: n.expected_visitors
                for s in sessions
                for n in (s.needs.languages if s.needs else [])
                if n.language == code
            }
            series.append(
                SeriesRow(
                    label=fmt.language(code),
                    counted=[counts.get((d, code), 0.0) for d in log_dates],
                    expected=[expected.get(s.id, 0.0) for s in sessions],
                )
            )
        chart = visitors_chart(
            series,
            [fmt.day_numeric(d) for d in log_dates],
            [fmt.day_numeric(s.date) for s in sessions],
            words("chart_visitors", month=fmt.month(month)),
            (words("chart_visitors_log"), words("chart_visitors_forecast")),
        )
    return columns, rows, chart


def standing(source: PrintInput) -> list[StandingRow]:
    """The interpreters each language's open hours need in the plan, without visits."""
    fmt = source.fmt
    needed: dict[str, set[int]] = defaultdict(set)
    for session in source.plan.sessions:
        for need in session.needs.languages if session.needs else []:
            needed[need.language].add(need.interpreters)
    rows = []
    for code in sorted(needed, key=fmt.language):
        low, high = min(needed[code]), max(needed[code])
        shown = str(low) if low == high else f"{low}{NONE}{high}"
        rows.append(StandingRow(f"{fmt.language(code)} ({code})", shown))
    return rows
