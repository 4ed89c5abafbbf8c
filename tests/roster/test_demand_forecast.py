"""The demand forecast: a linear trend over the visit log, interpreters per language."""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from roster.cli import main
from roster.domain.forecast import (
    MIN_POINTS,
    WINDOW,
    fit_trend,
    interpreters_for,
    month_needs,
    trends,
)
from roster.domain.month import Month
from roster.domain.office import Office
from roster.domain.office_data import OfficeData
from roster.domain.requests import VisitRecord
from roster.domain.team import Volunteer

FIRST = date(2026, 9, 3)  # a Thursday; weekly open hours from here on


def thursday(week: int) -> date:
    return FIRST + timedelta(weeks=week)


def office_data(
    visits: list[VisitRecord], interpreters: dict[str, int] | None = None
) -> OfficeData:
    rule: dict[str, Any] = {
        "name": "Open hours",
        "kind": "open_hours",
        "weekday": "thursday",
        "start": "14:00",
        "end": "16:00",
        "counsellors": {"min": 1, "max": 2},
        "interpreters": interpreters if interpreters is not None else {"ar": 1, "fa": 2},
        "visitors_per_interpreter": 4,
    }
    office = Office.model_validate({"name": "Test", "sessions": [rule]})
    person = Volunteer.model_validate(
        {"id": "v01", "name": "A", "roles": ["counsellor"], "languages": {"de": "native"}}
    )
    return OfficeData(folder=Path(), office=office, volunteers=[person], visits=visits)


def linear_log(
    weeks: int, language: str = "ar", level: int = 2, slope: int = 1
) -> list[VisitRecord]:
    return [
        VisitRecord(date=thursday(week), language=language, visitors=level + slope * week)
        for week in range(weeks)
    ]


def test_a_rising_series_is_extrapolated_not_averaged() -> None:
    data = office_data(linear_log(10))  # 2, 3, ..., 11 visitors on ten Thursdays
    fitted = trends(data)["ar"]
    assert fitted.slope == pytest.approx(1.0)
    assert fitted.level == pytest.approx(2.0)
    # 3 December 2026 is 13 weeks after 3 September: 2 + 13 = 15, not the mean 6.5
    assert fitted.at(date(2026, 12, 3)) == pytest.approx(15.0)
    needs = month_needs(data, Month(2026, 12))
    ar = {sid: next(n for n in items if n.language == "ar") for sid, items in needs.items()}
    assert ar["2026-12-03-open-1400"].expected_visitors == 15.0
    assert ar["2026-12-03-open-1400"].interpreters == 4  # ceil(15 / 4)
    assert ar["2026-12-10-open-1400"].expected_visitors == 16.0
    assert ar["2026-12-24-open-1400"].expected_visitors == 18.0


def test_only_the_last_window_of_dates_counts() -> None:
    old = [VisitRecord(date=thursday(week), language="ar", visitors=100) for week in range(8)]
    recent = [
        VisitRecord(date=thursday(8 + week), language="ar", visitors=3 + 2 * week)
        for week in range(WINDOW)
    ]
    fitted = trends(office_data(old + recent))["ar"]
    assert fitted.points == WINDOW
    assert fitted.slope == pytest.approx(2.0)
    assert fitted.at(thursday(8 + WINDOW)) == pytest.approx(3 + 2 * WINDOW)


def test_short_series_use_the_mean() -> None:
    assert MIN_POINTS == 3
    two = fit_trend([(thursday(0), 4.0), (thursday(1), 8.0)])
    assert (two.slope, two.at(date(2027, 6, 1))) == (0.0, 6.0)
    one = fit_trend([(thursday(0), 5.0)])
    assert one.at(thursday(30)) == 5.0
    assert fit_trend([]).at(thursday(3)) == 0.0


def test_forecasts_are_never_negative() -> None:
    falling = [
        VisitRecord(date=thursday(week), language="ar", visitors=10 - 2 * week) for week in range(6)
    ]
    data = office_data(falling)
    fitted = trends(data)["ar"]
    assert fitted.slope == pytest.approx(-2.0)
    assert fitted.at(thursday(20)) == 0.0
    for items in month_needs(data, Month(2026, 12)).values():
        ar = next(n for n in items if n.language == "ar")
        assert (ar.expected_visitors, ar.interpreters) == (0.0, 0)


@pytest.mark.parametrize(
    ("expected", "per", "needed"),
    [
        (0.0, 4, 0),
        (0.4, 4, 0),  # fewer than half a visitor: nobody
        (0.5, 4, 1),  # half a visitor or more: one interpreter
        (4.0, 4, 1),
        (4.1, 4, 2),
        (8.0, 4, 2),
        (7.0, 3, 3),
        (12.04, 4, 3),  # rounded to one decimal first: 12.0
    ],
)
def test_interpreters_needed(expected: float, per: int, needed: int) -> None:
    assert interpreters_for(expected, per) == needed


def test_languages_missing_from_the_log_keep_their_standing_need() -> None:
    data = office_data(linear_log(10), interpreters={"ar": 1, "fa": 2})
    needs = month_needs(data, Month(2026, 12))
    for items in needs.values():
        by_language = {n.language: n for n in items}
        assert by_language["fa"].interpreters == 2
        assert by_language["fa"].expected_visitors == 8.0  # 2 x visitors_per_interpreter
        assert by_language["ar"].interpreters >= 4  # the forecast replaces the standing 1


def test_without_a_log_every_language_keeps_its_standing_need() -> None:
    needs = month_needs(office_data([]), Month(2026, 12))
    assert len(needs) == 5  # five Thursdays in December 2026
    for items in needs.values():
        assert [(n.language, n.interpreters, n.expected_visitors) for n in items] == [
            ("ar", 1, 4.0),
            ("fa", 2, 8.0),
        ]


def test_a_date_without_a_row_for_a_language_counts_as_zero() -> None:
    log = [*linear_log(6), VisitRecord(date=thursday(0), language="ti", visitors=6)]
    fitted = trends(office_data(log))["ti"]
    assert fitted.points == 6
    assert fitted.slope < 0  # 6, 0, 0, 0, 0, 0 is falling


def test_only_rows_before_the_month_are_used() -> None:
    log = [
        *linear_log(10),
        VisitRecord(date=date(2026, 12, 3), language="ar", visitors=500),
    ]
    before = trends(office_data(log), before=Month(2026, 12).first)
    assert before["ar"].points == 10
    assert before["ar"].at(date(2026, 12, 3)) == pytest.approx(15.0)


def test_closed_dates_get_no_need() -> None:
    needs = month_needs(office_data(linear_log(10)), Month(2026, 5))
    assert "2026-05-14-open-1400" not in needs  # Ascension Day
    assert sorted(needs) == ["2026-05-07-open-1400", "2026-05-21-open-1400", "2026-05-28-open-1400"]


@settings(max_examples=50, deadline=None, derandomize=True)
@given(
    level=st.integers(min_value=0, max_value=40),
    slope=st.integers(min_value=-3, max_value=5),
    points=st.integers(min_value=MIN_POINTS, max_value=20),
)
def test_exact_lines_are_recovered(level: int, slope: int, points: int) -> None:
    series = [(thursday(week), float(level + slope * week)) for week in range(points)]
    fitted = fit_trend(series)
    used = min(points, WINDOW)
    start = points - used
    assert fitted.slope == pytest.approx(slope, abs=1e-9)
    assert fitted.level == pytest.approx(level + slope * start, abs=1e-9)
    assert fitted.origin == thursday(start)
    later = thursday(points + 4)
    assert fitted.at(later) == pytest.approx(max(0.0, level + slope * (points + 4)), abs=1e-9)


@settings(max_examples=50, deadline=None, derandomize=True)
@given(st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=20))
def test_forecast_is_never_negative_and_needs_follow_it(values: list[int]) -> None:
    fitted = fit_trend([(thursday(week), float(v)) for week, v in enumerate(values)])
    for ahead in (1, 5, 30):
        expected = fitted.at(thursday(len(values) + ahead))
        assert expected >= 0
        needed = interpreters_for(round(expected, 1), 4)
        assert needed == (0 if round(expected, 1) < 0.5 else math.ceil(round(expected, 1) / 4))


VISITS_CSV = "date,language,visitors\n" + "".join(
    f"{thursday(week)},ar,{2 + week}\n" for week in range(10)
)


def test_forecast_command_prints_the_table(
    make_office: Any, cli: CliRunner, base_files: dict[str, str]
) -> None:
    office = base_files["office.yaml"].replace("{ar: 1}", "{ar: 1, fa: 2}")
    folder = make_office({"visits.csv": VISITS_CSV, "office.yaml": office})
    result = cli.invoke(main, ["forecast", str(folder), "--month", "2026-12", "--locale", "en"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Forecast from the visit log (trend over the last 10 days of open hours before "
        "December 2026):"
    )
    assert " ".join(lines[1].split()) == "language Dec 3 Dec 10 Dec 17 Dec 24 Dec 31"
    ar = next(line for line in lines if line.startswith("ar Arabic"))
    assert " ".join(ar.split()[2:]) == "15 -> 4 16 -> 4 17 -> 5 18 -> 5 19 -> 5"
    fa = next(line for line in lines if line.startswith("fa Persian *"))
    assert " ".join(fa.split()[3:]) == " ".join(["8 -> 2"] * 5)  # the standing need
    assert "* no visits recorded in this language: the usual need set for the office." in lines
    assert lines[-2:] == ["Trend (visitors per week):", "  ar: +1.00"]


def test_forecast_command_without_a_log(make_office: Any, cli: CliRunner) -> None:
    folder = make_office()
    result = cli.invoke(main, ["forecast", str(folder), "--month", "2026-12", "--locale", "en"])
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "No visits recorded yet: the usual interpreter need set for the office is used."
    )
    ar = next(line for line in result.stdout.splitlines() if line.startswith("ar Arabic"))
    assert ar.split()[2:5] == ["4", "->", "1"]  # standing need 1 = 4 expected visitors


def test_forecast_command_on_the_example_office(example: Path, cli: CliRunner) -> None:
    result = cli.invoke(main, ["forecast", str(example), "--month", "2026-12"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Prognose aus der Besuchsliste (Trend der letzten 12 Tage mit offener Sprechstunde vor "
        "Dezember 2026):"
    )
    assert lines[1].split()[1:] == ["3.", "Dez.", "10.", "Dez.", "17.", "Dez."]  # 24, 31 closed
    rows = {line.split()[0]: line for line in lines[2:] if "->" in line}
    assert {"ar", "fa", "fa-AF", "ti", "uk"} <= set(rows)
    # Arabic rises in the example's log: the forecast rises from date to date
    expected = [float(cell.replace(",", ".")) for cell in rows["ar"].split()[2::3]]
    assert expected == sorted(expected)
    assert expected[0] < expected[-1]
