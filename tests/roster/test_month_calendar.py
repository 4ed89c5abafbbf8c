"""The month's calendar: session rules minus NRW holidays and closures, across DST."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from roster.cli import main
from roster.domain.month import Month
from roster.domain.office import WEEKDAYS, Office
from roster.domain.sessions import closed_reason, month_calendar, session_id

OPEN_HOURS: dict[str, Any] = {
    "name": "Offene Sprechstunde",
    "kind": "open_hours",
    "weekday": "thursday",
    "start": "14:00",
    "end": "16:00",
    "counsellors": {"min": 2, "max": 4},
}
APPOINTMENTS: dict[str, Any] = {
    "name": "Terminsprechstunde",
    "kind": "appointments",
    "weekday": "wednesday",
    "start": "13:00",
    "end": "15:30",
}


def office(**changes: Any) -> Office:
    data: dict[str, Any] = {"name": "Test", "sessions": [OPEN_HOURS, APPOINTMENTS]}
    data.update(changes)
    return Office.model_validate(data)


def open_days(calendar_office: Office, month: str, locale: str = "en") -> list[date]:
    result = month_calendar(calendar_office, Month.parse(month), locale)
    return [s.date for s in result.sessions if s.kind == "open_hours"]


def test_may_2026_has_no_session_on_ascension_day() -> None:
    result = month_calendar(office(), Month(2026, 5), "en")
    thursdays = [s.date for s in result.sessions if s.kind == "open_hours"]
    assert thursdays == [date(2026, 5, 7), date(2026, 5, 21), date(2026, 5, 28)]
    assert [(c.date, c.reason) for c in result.closed] == [(date(2026, 5, 14), "Ascension Day")]
    assert result.closed[0].sessions == ("Offene Sprechstunde",)
    # Labour Day (Friday 1 May) and Whit Monday (25 May) close no session: not listed
    german = month_calendar(office(), Month(2026, 5), "de")
    assert german.closed[0].reason == "Christi Himmelfahrt"


def test_june_2026_has_no_session_on_corpus_christi() -> None:
    result = month_calendar(office(), Month(2026, 6), "de")
    assert date(2026, 6, 4) not in [s.date for s in result.sessions]
    assert open_days(office(), "2026-06") == [date(2026, 6, d) for d in (11, 18, 25)]
    assert [(c.date, c.reason) for c in result.closed] == [(date(2026, 6, 4), "Fronleichnam")]


def test_january_2026_starts_with_a_closed_thursday() -> None:
    result = month_calendar(office(), Month(2026, 1), "en")
    assert date(2026, 1, 1).weekday() == 3  # a Thursday
    assert open_days(office(), "2026-01") == [date(2026, 1, d) for d in (8, 15, 22, 29)]
    assert [(c.date, c.reason) for c in result.closed] == [(date(2026, 1, 1), "New Year's Day")]
    appointments = [s.date for s in result.sessions if s.kind == "appointments"]
    assert appointments == [date(2026, 1, d) for d in (7, 14, 21, 28)]


def test_a_closure_across_the_year_end_closes_days_in_both_months() -> None:
    saturday = {**OPEN_HOURS, "name": "Samstagscafé", "weekday": "saturday"}
    christmas = office(
        sessions=[OPEN_HOURS, APPOINTMENTS, saturday],
        closures=[{"from": "2026-12-21", "to": "2027-01-03", "reason": "Weihnachtspause"}],
    )
    december = month_calendar(christmas, Month(2026, 12), "de")
    assert [(c.date.day, c.reason) for c in december.closed] == [
        (23, "Weihnachtspause"),
        (24, "Weihnachtspause"),
        (26, "Weihnachtspause"),  # the closure's reason wins over the holiday's
        (30, "Weihnachtspause"),
        (31, "Weihnachtspause"),
    ]
    assert max(s.date for s in december.sessions) == date(2026, 12, 19)
    january = month_calendar(christmas, Month(2027, 1), "de")
    assert [(c.date, c.reason) for c in january.closed] == [(date(2027, 1, 2), "Weihnachtspause")]
    assert min(s.date for s in january.sessions) == date(2027, 1, 6)


def test_the_example_office_closes_for_christmas(example: Path) -> None:
    from roster.folder.load import load_office  # noqa: PLC0415 - only this test needs the folder

    data = load_office(example)
    december = month_calendar(data.office, Month(2026, 12), "de")
    assert [c.date.day for c in december.closed] == [23, 24, 30, 31]
    assert {c.reason for c in december.closed} == {"Weihnachtspause"}


def test_october_2026_offsets_follow_the_dst_change() -> None:
    result = month_calendar(office(), Month(2026, 10), "en")
    by_date = {s.date: s for s in result.sessions if s.kind == "open_hours"}
    before, after = by_date[date(2026, 10, 22)], by_date[date(2026, 10, 29)]
    assert before.start.isoformat() == "2026-10-22T14:00:00+02:00"
    assert after.start.isoformat() == "2026-10-29T14:00:00+01:00"
    assert after.end.isoformat() == "2026-10-29T16:00:00+01:00"
    assert before.start.astimezone(UTC).time() == time(12, 0)
    assert after.start.astimezone(UTC).time() == time(13, 0)
    assert before.minutes == after.minutes == 120
    assert all(s.start.utcoffset() == timedelta(hours=2) for s in result.sessions[:7])


def test_march_2026_offsets_follow_the_dst_change() -> None:
    march = month_calendar(office(), Month(2026, 3), "en")
    offsets = {s.date: s.start.utcoffset() for s in march.sessions if s.kind == "open_hours"}
    assert offsets[date(2026, 3, 26)] == timedelta(hours=1)  # DST starts on 29 March
    april = month_calendar(office(), Month(2026, 4), "en")
    assert april.sessions[0].start.isoformat() == "2026-04-01T13:00:00+02:00"


def test_since_and_until_limit_a_session() -> None:
    limited = {**OPEN_HOURS, "since": "2026-05-15", "until": "2026-05-27"}
    result = month_calendar(office(sessions=[limited]), Month(2026, 5), "en")
    assert [s.date for s in result.sessions] == [date(2026, 5, 21)]
    assert result.closed == []  # 14 May is before `since`: not a closed session
    assert month_calendar(office(sessions=[limited]), Month(2026, 4), "en").sessions == []


def test_session_ids_are_stable_and_sessions_sorted() -> None:
    result = month_calendar(office(), Month(2026, 12), "en")
    assert result.sessions[0].id == "2026-12-02-appt-1300"
    assert result.session("2026-12-03-open-1400").name == "Offene Sprechstunde"
    assert [s.start for s in result.sessions] == sorted(s.start for s in result.sessions)
    assert session_id(date(2026, 12, 3), "open_hours", time(14, 0)) == "2026-12-03-open-1400"


MEETING = {"weekday": "monday", "week": "first", "start": "18:00", "minutes": 90}


def test_team_meeting_first_and_last_week() -> None:
    first = month_calendar(office(team_meeting=MEETING), Month(2026, 12), "en").team_meeting
    assert first is not None
    assert first.date == date(2026, 12, 7)
    assert first.start.isoformat() == "2026-12-07T18:00:00+01:00"
    assert first.end.isoformat() == "2026-12-07T19:30:00+01:00"
    assert first.moved_from is None
    last = {**MEETING, "week": "last", "agenda": ["Begrüßung", "Dienstplan"]}
    meeting = month_calendar(office(team_meeting=last), Month(2026, 11), "en").team_meeting
    assert meeting is not None
    assert meeting.date == date(2026, 11, 30)
    assert meeting.agenda == ("Begrüßung", "Dienstplan")


def test_team_meeting_moves_when_the_office_is_closed() -> None:
    # 6 April 2026 is Easter Monday: the first-Monday meeting moves a week later
    april = month_calendar(office(team_meeting=MEETING), Month(2026, 4), "en").team_meeting
    assert april is not None
    assert (april.date, april.moved_from, april.moved_because) == (
        date(2026, 4, 13),
        date(2026, 4, 6),
        "Easter Monday",
    )
    # 25 May 2026 is Whit Monday, the last Monday of May: the meeting moves a week earlier
    last = {**MEETING, "week": "last"}
    may = month_calendar(office(team_meeting=last), Month(2026, 5), "en").team_meeting
    assert may is not None
    assert (may.date, may.moved_from) == (date(2026, 5, 18), date(2026, 5, 25))
    # a closure of the whole month leaves no day for a meeting
    closed = office(
        team_meeting=MEETING,
        closures=[{"from": "2026-08-01", "to": "2026-08-31", "reason": "Sommerpause"}],
    )
    assert month_calendar(closed, Month(2026, 8), "en").team_meeting is None
    assert month_calendar(office(), Month(2026, 8), "en").team_meeting is None


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    year=st.integers(min_value=2024, max_value=2030),
    number=st.integers(min_value=1, max_value=12),
    weekday=st.sampled_from(WEEKDAYS),
)
def test_every_rule_day_is_a_session_or_closed(year: int, number: int, weekday: str) -> None:
    rule = {**OPEN_HOURS, "weekday": weekday}
    test_office = office(
        sessions=[rule],
        closures=[{"from": f"{year}-07-20", "to": f"{year}-08-09", "reason": "Sommerpause"}],
    )
    month = Month(year, number)
    result = month_calendar(test_office, month, "en")
    rule_days = [d for d in month.days() if WEEKDAYS[d.weekday()] == weekday]
    sessions = {s.date for s in result.sessions}
    closed = {c.date for c in result.closed}
    assert sessions | closed == set(rule_days)
    assert not sessions & closed
    for day in closed:
        assert closed_reason(test_office, day, "en")
    for session in result.sessions:
        local = session.start.astimezone(test_office.zone)
        assert (local.hour, local.minute) == (14, 0)
        assert session.end - session.start == timedelta(hours=2)


def test_calendar_json_output(example: Path, cli: CliRunner) -> None:
    result = cli.invoke(
        main, ["calendar", str(example), "--month", "2026-05", "--json", "--locale", "en"]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["month"] == "2026-05"
    assert data["closed"] == [
        {"date": "2026-05-14", "reason": "Ascension Day", "sessions": ["Offene Sprechstunde"]}
    ]
    first = data["sessions"][0]
    assert first == {
        "id": "2026-05-06-appt-1300",
        "date": "2026-05-06",
        "name": "Terminsprechstunde",
        "kind": "appointments",
        "start": "2026-05-06T13:00:00+02:00",
        "end": "2026-05-06T15:30:00+02:00",
    }
    assert "2026-05-14" not in {s["date"] for s in data["sessions"]}
    for session in data["sessions"]:
        assert datetime.fromisoformat(session["start"]).utcoffset() == timedelta(hours=2)
        assert session["kind"] in ("open_hours", "appointments")
    assert data["team_meeting"]["date"] == "2026-05-04"
    assert data["team_meeting"]["start"] == "2026-05-04T18:00:00+02:00"


def test_calendar_json_in_october_has_both_offsets(example: Path, cli: CliRunner) -> None:
    result = cli.invoke(main, ["calendar", str(example), "--month", "2026-10", "--json"])
    starts = {s["date"]: s["start"] for s in json.loads(result.stdout)["sessions"]}
    assert starts["2026-10-22"] == "2026-10-22T14:00:00+02:00"
    assert starts["2026-10-28"] == "2026-10-28T13:00:00+01:00"
    assert starts["2026-10-29"] == "2026-10-29T14:00:00+01:00"


def test_calendar_text_output(example: Path, cli: CliRunner) -> None:
    english = cli.invoke(main, ["calendar", str(example), "--month", "2026-05", "--locale", "en"])
    assert english.exit_code == 0
    lines = english.stdout.splitlines()
    assert lines[0] == "Sessions in May 2026:"
    assert "  Thu, May 7   14:00-16:00  Offene Sprechstunde" in lines
    assert not any(line.startswith("  Thu, May 14 ") for line in lines)
    closed_at = lines.index("Closed:")
    assert lines[closed_at + 1] == "  Thu, May 14, 2026  Ascension Day"
    assert lines[-1] == "Team meeting: Mon, May 4 18:00"
    german = cli.invoke(main, ["calendar", str(example), "--month", "2026-04"])
    assert german.stdout.splitlines()[0] == "Sprechstunden im April 2026:"
    assert german.stdout.splitlines()[-1] == (
        "Teamsitzung: Mo., 13. Apr. 18:00 Uhr (verschoben vom 6. Apr.: Ostermontag)"
    )


def test_calendar_with_a_month_that_does_not_parse(example: Path, cli: CliRunner) -> None:
    result = cli.invoke(main, ["calendar", str(example), "--month", "Mai 2026"])
    assert result.exit_code == 2
    assert "'Mai 2026' is not a month" in result.stderr
    assert "e.g. 2026-12" in result.stderr
    assert "Traceback" not in result.stderr
