"""Weekdays as the office writes them (German or English, in full or short, any case),
and the line `roster plan` starts with when nobody took part in the month's poll."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from roster.app.planning import plan_month
from roster.cli import main
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office import WEEKDAYS
from roster.domain.team import day_names
from roster.folder.load import load_office

MakeOffice = Callable[..., Path]
VOLUNTEER = """\
volunteers:
  - id: v01
    name: Anna Beispiel
    roles: [lead, counsellor]
    languages: {de: native}
    weekdays: [%s]
"""


def _weekdays_of(make_office: MakeOffice, written: str, locale: str = "de") -> list[str]:
    folder = make_office({"volunteers.yaml": VOLUNTEER % written})
    if locale != "de":
        office = (folder / "office.yaml").read_text(encoding="utf-8")
        (folder / "office.yaml").write_text(f"locale: {locale}\n{office}", encoding="utf-8")
    return list(load_office(folder).volunteers[0].weekdays)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Donnerstag, mittwoch, FREITAG", ["thursday", "wednesday", "friday"]),
        ("Do, Mi., so", ["thursday", "wednesday", "sunday"]),
        ("Thursday, thursDAY", None),  # the same day twice is still an error
        ("Thu, wed, MONDAY, Sa", ["thursday", "wednesday", "monday", "saturday"]),
        ("tuesday", ["tuesday"]),
    ],
)
def test_weekdays_in_german_or_english(
    written: str, read: list[str] | None, make_office: MakeOffice
) -> None:
    if read is not None:
        assert _weekdays_of(make_office, written) == read
        return
    with pytest.raises(RosterError) as raised:
        _weekdays_of(make_office, written)
    [problem] = raised.value.problems
    assert (problem.field, problem.message) == (
        "volunteers[0].weekdays",
        "'thursday' is listed twice; list it once",
    )


def test_every_weekday_has_its_babel_names() -> None:
    names = day_names()
    for number, (german, english) in enumerate(
        zip(
            ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"],
            ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
            strict=True,
        )
    ):
        assert names[german] == names[english] == names[german[:2]] == WEEKDAYS[number]
        assert names[english[:3]] == WEEKDAYS[number]


@pytest.mark.parametrize(
    ("locale", "written", "message"),
    [
        (
            "de",
            "Donerstag",
            "'Donerstag' is not a weekday; did you mean 'Donnerstag'? write Montag, Dienstag, "
            "Mittwoch, Donnerstag, Freitag, Samstag or Sonntag (the English names work too)",
        ),
        (
            "de",
            "thursdy",
            "'thursdy' is not a weekday; did you mean 'thursday'? write Montag, Dienstag, "
            "Mittwoch, Donnerstag, Freitag, Samstag or Sonntag (the English names work too)",
        ),
        (
            "en",
            "Thrusday",
            "'Thrusday' is not a weekday; did you mean 'thursday'? write monday, tuesday, "
            "wednesday, thursday, friday, saturday or sunday (German names work too)",
        ),
        (
            "en",
            "weekends",
            "'weekends' is not a weekday; write monday, tuesday, wednesday, thursday, "
            "friday, saturday or sunday (German names work too)",
        ),
    ],
)
def test_an_unknown_weekday_lists_the_words_of_the_office(
    locale: str, written: str, message: str, make_office: MakeOffice
) -> None:
    with pytest.raises(RosterError) as raised:
        _weekdays_of(make_office, f"monday, {written}", locale)
    [problem] = raised.value.problems
    assert (problem.file, problem.line, problem.field) == (
        "volunteers.yaml",
        6,
        "volunteers[0].weekdays[1]",
    )
    assert problem.message == message


NO_POLL = {
    "de": (
        "Für Januar 2027 hat niemand an der Umfrage teilgenommen: geplant nach den "
        "Wochentagen, an denen die Personen sonst kommen."
    ),
    "en": (
        "Nobody took part in the poll for January 2027: planned from the weekdays each "
        "person usually comes."
    ),
}


@pytest.mark.parametrize("locale", ["de", "en"])
def test_planning_without_a_poll_says_so_first(
    locale: str, make_office: MakeOffice, cli: CliRunner
) -> None:
    folder = make_office({"volunteers.yaml": VOLUNTEER % "Donnerstag"})
    office = (folder / "office.yaml").read_text(encoding="utf-8")
    (folder / "office.yaml").write_text(f"locale: {locale}\n{office}", encoding="utf-8")
    planned = plan_month(folder, Month(2027, 1), today=date(2026, 12, 20))
    assert not planned.polled
    assert planned.notes == (NO_POLL[locale],)
    assert planned.text().splitlines()[0] == NO_POLL[locale]
    # the usual weekday decides: Anna counsels on the open-hours Thursdays of January
    staffed = {
        s.date for s in planned.plan.sessions for entry in s.staff if entry.volunteer == "v01"
    }
    assert staffed and {day.weekday() for day in staffed} == {3}
    args = ["plan", str(folder), "--month", "2027-01", "--today", "2026-12-20", "--quiet"]
    result = cli.invoke(main, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == NO_POLL[locale]


def test_a_poll_without_answers_is_no_poll_and_unread_files_of_the_month_are_named(
    make_office: MakeOffice,
) -> None:
    folder = make_office(
        {
            "volunteers.yaml": VOLUNTEER % "thursday",
            "availability/2027-01.csv": "volunteer,2027-01-07\nv01,\n",
            "availability/2027-02.ods": "February's poll, not read\n",
            "availability/2027-01.numbers": "January's poll, not read\n",
        }
    )
    planned = plan_month(folder, Month(2027, 1), today=date(2026, 12, 20))
    assert planned.notes[0] == NO_POLL["de"]
    assert planned.notes[1:] == (
        "availability/2027-01.numbers wird nicht gelesen: roster liest eine Umfrage aus "
        "JJJJ-MM.xlsx (Excel) oder JJJJ-MM.csv; speichern Sie sie in einem dieser Formate, "
        "oder verschieben Sie die Datei aus availability/.",
    )
