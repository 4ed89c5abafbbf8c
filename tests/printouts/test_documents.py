# ruff: noqa: RUF001 - the printouts use the en dash of CLDR date ranges
"""The printouts rendered from plans built in memory: locales, closed dates, the
appointment grid, the agenda's history, feed links, stale files and determinism."""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from calendars.tokens import LinkRecord, TokenFile, write_tokens
from roster.app.printing import links_made
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.io import write_plan
from roster.planfile.schema import Plan, PlanAppointment
from roster.printouts import pdf_skip_reason, print_month
from roster.printouts.context import load_input
from roster.printouts.sheets import build_sheets
from roster.wording.catalogue import is_term
from roster.wording.printouts import TEXTS as WORDS

MakePlan = Callable[..., Plan]
DECEMBER = Month(2026, 12)


def read(folder: Path, name: str) -> str:
    return (folder / "print" / f"{name}.html").read_text(encoding="utf-8")


@pytest.fixture
def planned(office_folder: Path, make_plan: MakePlan, html_only: None) -> Path:
    """The example office with a first-come plan of December 2026."""
    write_plan(office_folder, make_plan(office_folder))
    return office_folder


def test_both_locales_have_the_same_words_and_placeholders() -> None:
    def fields(text: str) -> set[str]:
        """The values a template asks for; the terms (``{T_team_meeting}``) the catalogue
        fills in may differ by language."""
        return {
            name for _, name, _, _ in string.Formatter().parse(text) if name and not is_term(name)
        }

    assert WORDS["de"].keys() == WORDS["en"].keys()
    for key, german in WORDS["de"].items():
        assert fields(german) == fields(WORDS["en"][key]), key


def test_german_printouts_use_babel_dates_and_language_names(planned: Path) -> None:
    written = print_month(load_office(planned), DECEMBER)
    names = sorted(p.relative_to(planned / "print").as_posix() for p in written)
    assert "rota-2026-12.html" in names
    assert "agenda-2026-12.html" in names
    assert "door-2026-12.html" in names
    assert [n for n in names if n.startswith("appointments-")] == [
        "appointments-2026-12-02.html",
        "appointments-2026-12-09.html",
        "appointments-2026-12-16.html",
    ]
    assert len([n for n in names if n.startswith("people/")]) == 30
    assert not [n for n in names if n.endswith(".pdf")]  # html_only: no WeasyPrint
    rota = read(planned, "rota-2026-12")
    assert "<h1>Dienstplan Dezember 2026</h1>" in rota
    assert "Do., 3. Dez." in rota
    assert "14:00–16:00 Uhr" in rota
    assert '<span class="code">ar</span> Arabisch' in rota
    door = read(planned, "door-2026-12")
    assert "Donnerstag, 3. Dezember 2026" in door
    assert 'Arabisch · <span class="native" lang="ar" dir="auto">العربية</span>' in door
    agenda = read(planned, "agenda-2026-12")
    assert "Montag, 7. Dezember 2026, 18:00–19:30 Uhr" in agenda
    assert "<li>Fortbildung und Supervision</li>" in agenda


def test_english_printouts(planned: Path) -> None:
    print_month(load_office(planned), DECEMBER, locale="en")
    rota = read(planned, "rota-2026-12")
    assert '<html lang="en">' in rota
    assert "<h1>Rota December 2026</h1>" in rota
    assert "Thu, Dec 3" in rota
    assert re.search(r"2:00\s?–\s?4:00\sPM", rota)  # CLDR puts thin spaces around the dash
    assert '<span class="code">ar</span> Arabic' in rota
    assert "Dezember" not in rota
    assert "Counselling" in rota
    door = read(planned, "door-2026-12")
    assert "Thursday, December 3, 2026" in door
    assert 'Arabic · <span class="native" lang="ar" dir="auto">العربية</span>' in door
    assert "Kurmanji" in door  # the office's own English name for kmr
    schedule = read(planned, "people/v01-2026-12")
    assert "Ask at the office for your personal calendar link" in schedule


def test_unknown_locale_is_a_plain_error(planned: Path) -> None:
    with pytest.raises(RosterError, match="use de or en"):
        print_month(load_office(planned), DECEMBER, locale="fr")


def test_month_with_a_holiday_and_a_closure(
    office_folder: Path, make_plan: MakePlan, html_only: None
) -> None:
    office = office_folder / "office.yaml"
    office.write_text(
        office.read_text(encoding="utf-8").replace(
            "closures:\n",
            "closures:\n  - {from: 2026-05-27, to: 2026-05-27, reason: Betriebsausflug}\n",
        ),
        encoding="utf-8",
    )
    write_plan(office_folder, make_plan(office_folder, "2026-05"))
    written = print_month(load_office(office_folder), Month(2026, 5))
    rota = read(office_folder, "rota-2026-05")
    # Ascension Day (Thursday 14 May) and the office's own closure (Wednesday 27 May).
    assert re.search(
        r"Do\., 14\. Mai</td>\s*<td colspan=\"4\">geschlossen: Christi Himmelfahrt", rota
    )
    assert re.search(r"Mi\., 27\. Mai</td>\s*<td colspan=\"4\">geschlossen: Betriebsausflug", rota)
    assert rota.count('<tr class="open_hours">') == 3  # 7, 21 and 28 May
    door = read(office_folder, "door-2026-05")
    assert "Donnerstag, 14. Mai 2026: Christi Himmelfahrt" in door
    assert "Mittwoch, 27. Mai 2026: Betriebsausflug" in door
    assert "Donnerstag, 14. Mai 2026, 14:00" not in door
    sheets = sorted(p.name for p in written if p.name.startswith("appointments-"))
    assert sheets == [f"appointments-2026-05-{day}.html" for day in ("06", "13", "20")]
    print_month(load_office(office_folder), Month(2026, 5), locale="en")
    assert "closed: Ascension Day" in read(office_folder, "rota-2026-05")


def test_appointment_grid_places_each_appointment_on_its_desk_and_slots(planned: Path) -> None:
    source = load_input(load_office(planned), DECEMBER)
    assert source.plan.appointments
    for sheet in build_sheets(source):
        (session,) = sheet.sessions
        placed = [
            (row_index, desk, cell)
            for row_index, row in enumerate(session.rows)
            for desk, cell in enumerate(row.cells, start=1)
            if not isinstance(cell, str) and cell is not None
        ]
        wanted = [a for a in source.plan.appointments if a.date == sheet.day]
        assert sorted(cell.case for _, _, cell in placed) == sorted(a.case for a in wanted)
        for row_index, desk, cell in placed:
            item = next(a for a in wanted if a.case == cell.case and a.desk == desk)
            minutes = (item.end - item.start).total_seconds() / 60
            assert cell.rowspan == minutes / 30
            assert session.rows[row_index].time == f"{item.start:%H:%M}"
            covered = [session.rows[row_index + n].cells[desk - 1] for n in range(1, cell.rowspan)]
            assert covered == ["covered"] * (cell.rowspan - 1)
        assert not session.off_grid


def test_an_appointment_off_the_slot_grid_is_listed_below_it(planned: Path) -> None:
    source = load_input(load_office(planned), DECEMBER)
    first = source.plan.appointments[0]
    odd = first.model_copy(
        update={
            "key": "X-1#1",
            "case": "X-1",
            "start": first.start + timedelta(minutes=10),
            "end": first.start + timedelta(minutes=40),
            "desk": 1,
        }
    )
    plan = source.plan.model_copy(update={"appointments": [*source.plan.appointments, odd]})
    write_plan(planned, plan)
    sheets = build_sheets(load_input(load_office(planned), DECEMBER))
    sheet = next(s for s in sheets if s.day == first.date)
    assert [cell.case for cell in sheet.sessions[0].off_grid] == ["X-1"]
    print_month(load_office(planned), DECEMBER)
    html = read(planned, f"appointments-{first.date.isoformat()}")
    assert "Weitere Termine" in html
    assert "X-1" in html


def test_agenda_reviews_the_months_before(planned: Path, make_plan: MakePlan) -> None:
    november = make_plan(planned, "2026-11", as_of=date(2026, 10, 20))
    write_plan(planned, november)
    december = load_input(load_office(planned), DECEMBER).plan
    window = december.fairness.model_copy(update={"window": ["2026-10", "2026-11", "2026-12"]})
    write_plan(planned, december.model_copy(update={"fairness": window}))
    print_month(load_office(planned), DECEMBER)
    agenda = read(planned, "agenda-2026-12")
    assert "<h3>Sprechstunden im November 2026</h3>" in agenda
    assert "gibt es keinen Plan" not in agenda
    open_in_november = sum(1 for s in november.sessions if s.kind == "open_hours")
    assert (
        f'<tr><th>Offene Sprechstunden</th><td class="number">{open_in_november}</td></tr>'
        in agenda
    )
    assert '<th class="number">Oktober 2026</th>' in agenda
    assert '<th class="number">November 2026</th>' in agenda
    assert "Spannweite" in agenda
    assert agenda.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 2
    # A person's row: October unknown (no plan), November and December counted.
    load = {entry.volunteer: entry for entry in november.load}
    person = next(p for p in load if load[p].duties)
    name = next(
        v.name for v in load_input(load_office(planned), DECEMBER).data.volunteers if v.id == person
    )
    row = re.search(
        rf"<td>{re.escape(name)}</td>\s*<td class=\"number\">(.*?)</td>\s*<td class=\"number\">(\d+)</td>",
        agenda,
    )
    assert row is not None
    assert row.groups() == ("–", str(load[person].duties))


def test_agenda_without_an_earlier_plan_counts_from_the_calendar(planned: Path) -> None:
    print_month(load_office(planned), DECEMBER)
    agenda = read(planned, "agenda-2026-12")
    assert "Für November 2026 gibt es noch keinen Plan; gezählt nach dem Kalender." in agenda
    assert '<tr><th>Offene Sprechstunden</th><td class="number">4</td></tr>' in agenda


def test_with_links_says_whether_a_link_was_made_and_never_prints_one(planned: Path) -> None:
    record = LinkRecord(
        feed="volunteer:v01",
        sha256="a" * 64,
        file=f"{'b' * 32}.ics",
        created="2026-11-02T09:30:00+00:00",
    )
    write_tokens(planned, TokenFile(links=[record]))
    print_month(load_office(planned), DECEMBER, links=links_made(load_office(planned)))
    made = read(planned, "people/v01-2026-12")
    assert "wurde am 2. November 2026 erstellt" in made
    assert "noch keinen Kalender-Link" in read(planned, "people/v02-2026-12")
    for path in (planned / "print").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "a" * 64 not in text
        assert ".ics" not in text
        assert "http" not in text.replace("http://www.w3.org/2000/svg", "")


def test_same_plan_same_bytes(planned: Path) -> None:
    first = {p: p.read_bytes() for p in print_month(load_office(planned), DECEMBER)}
    second = {p: p.read_bytes() for p in print_month(load_office(planned), DECEMBER)}
    assert first == second


def test_stale_printouts_of_the_month_are_removed_and_others_kept(planned: Path) -> None:
    target = planned / "print"
    (target / "people").mkdir(parents=True)
    stale = [
        target / "appointments-2026-12-30.html",
        target / "rota-2026-12.pdf",
        target / "people" / "v99-2026-12.html",
    ]
    kept = [
        target / "rota-2026-11.html",
        target / "notes.txt",
        target / "people" / "v01-2026-11.pdf",
    ]
    for path in stale + kept:
        path.write_text("old", encoding="utf-8")
    written = print_month(load_office(planned), DECEMBER)
    assert not [path for path in stale if path.exists()]
    assert all(path.read_text(encoding="utf-8") == "old" for path in kept)
    assert all(path.is_file() for path in written)


def test_without_weasyprint_one_line_says_why(html_only: None) -> None:
    reason = pdf_skip_reason()
    assert reason is not None
    assert reason.startswith("PDF skipped: WeasyPrint is not installed")
    assert "\n" not in reason
    # the extra of this checkout, not a package of the index that happens to be called roster
    assert 'pip install -e ".[pdf]"' in reason
    assert "roster[pdf]" not in reason


def test_a_month_without_a_plan_is_a_plain_error(office_folder: Path) -> None:
    with pytest.raises(RosterError, match="Run `roster plan` for that month first"):
        print_month(load_office(office_folder), DECEMBER)
    assert not (office_folder / "print").exists()


def test_people_the_plan_names_but_the_team_lost_still_get_their_duties(planned: Path) -> None:
    source = load_input(load_office(planned), DECEMBER)
    first = source.plan.appointments[0]
    gone = first.model_copy(update={"counsellor": "v99"})
    write_plan(
        planned,
        source.plan.model_copy(update={"appointments": [gone, *source.plan.appointments[1:]]}),
    )
    print_month(load_office(planned), DECEMBER)
    schedule = read(planned, "people/v99-2026-12")
    assert "<h1>v99</h1>" in schedule
    assert isinstance(gone, PlanAppointment)
    assert first.start.strftime("%H:%M") in schedule
