"""`roster init`: a starter folder in the office's language, its examples for the month
`roster plan` plans by default, a README that stands alone (issue 12, section 4)."""

from __future__ import annotations

from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner

from roster.app import check_folder, init_office
from roster.cli import main
from roster.domain.month import Month
from roster.domain.sessions import month_calendar
from roster.folder.load import load_office
from roster.folder.starter import STARTER_LOCALES, STARTER_ZONE, starter_files

DECEMBER = Month(2026, 12)
# 23:30 UTC on 30 November is 00:30 on 1 December in Berlin: next month there is January.
LATE_NOVEMBER = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)


def names(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def use_examples(folder: Path) -> None:
    """Rename the example files as the README says: without .example."""
    for path in list(folder.rglob("*.example")):
        path.rename(path.with_suffix(""))


def test_both_starters_hold_the_same_files() -> None:
    root = files("roster") / "starter"

    def listing(locale: str) -> set[str]:
        return set(starter_files(locale, DECEMBER))

    assert set(STARTER_LOCALES) == {"de", "en"}
    assert {item.name for item in root.iterdir() if item.is_dir()} >= {"de", "en"}
    assert (
        listing("de")
        == listing("en")
        == {
            "README.txt",
            "office.yaml",
            "volunteers.yaml",
            "availability/2026-12.csv.example",
            "appointments/2026-12.yaml.example",
        }
    )


def test_the_examples_are_for_next_month_in_the_office_time_zone(tmp_path: Path) -> None:
    text = init_office(tmp_path / "office", now=LATE_NOVEMBER)
    assert STARTER_ZONE.key == "Europe/Berlin"
    assert names(tmp_path / "office") == {
        "README.txt",
        "office.yaml",
        "volunteers.yaml",
        "availability/2027-01.csv.example",
        "appointments/2027-01.yaml.example",
    }
    assert f"Ein Startordner für ein Büro (Deutsch) ist angelegt: {tmp_path / 'office'}" in text
    assert "Die Beispiel-Umfrage und die Beispiel-Terminanfragen sind für Januar 2027" in text
    assert f"prüfen Sie sie dann: roster check {tmp_path / 'office'}" in text
    english = init_office(tmp_path / "en", locale="en", now=LATE_NOVEMBER)
    assert f"A starter office folder (English) is ready: {tmp_path / 'en'}" in english
    assert "The example poll and appointment requests are for January 2027 (next month)" in (
        english
    )
    assert f"then check them: roster check {tmp_path / 'en'}" in english


def test_the_german_starter_speaks_german(tmp_path: Path) -> None:
    folder = tmp_path / "buero"
    init_office(folder, now=LATE_NOVEMBER)
    office = (folder / "office.yaml").read_text(encoding="utf-8")
    assert office.startswith("# office.yaml: die Regeln Ihres Büros.")
    assert "locale: de " in office and "name: Meine Beratungsstelle " in office
    assert "reason: Weihnachtspause" in office
    team = (folder / "volunteers.yaml").read_text(encoding="utf-8")
    assert "name: Erika Mustermann" in team and "# volunteers.yaml: Ihr Team." in team
    poll = (folder / "availability" / "2027-01.csv.example").read_text(encoding="utf-8")
    # the first appointment and open-hours dates after New Year, in the German way
    assert poll == "volunteer,06.01.2027,07.01.2027\nv01,ja,vielleicht\nv02,,ja\nv03,nein,ja\n"
    requests = (folder / "appointments" / "2027-01.yaml.example").read_text(encoding="utf-8")
    assert requests.startswith(
        "# Terminwünsche für Januar 2027. Benennen Sie die Datei in 2027-01.yaml um"
    )
    assert "earliest: 2027-01-01" in requests and "latest: 2027-01-31" in requests


def test_the_english_starter_speaks_english(tmp_path: Path) -> None:
    folder = tmp_path / "office"
    init_office(folder, locale="en", now=LATE_NOVEMBER)
    office = (folder / "office.yaml").read_text(encoding="utf-8")
    assert office.startswith("# office.yaml: the rules of your office.")
    assert "locale: en " in office and "name: My Advice Office " in office
    assert "name: Jane Example" in (folder / "volunteers.yaml").read_text(encoding="utf-8")
    poll = (folder / "availability" / "2027-01.csv.example").read_text(encoding="utf-8")
    assert poll == "volunteer,2027-01-06,2027-01-07\nv01,yes,maybe\nv02,,yes\nv03,no,yes\n"
    requests = (folder / "appointments" / "2027-01.yaml.example").read_text(encoding="utf-8")
    assert requests.startswith("# Appointment requests for January 2027. Rename the file")


@pytest.mark.parametrize("locale", ["de", "en"])
def test_the_readme_stands_alone(tmp_path: Path, locale: str) -> None:
    folder = tmp_path / locale
    init_office(folder, locale=locale, now=datetime(2026, 11, 5, tzinfo=UTC))
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    for file in ("office.yaml", "volunteers.yaml", "availability/", "appointments/", "visits.csv"):
        assert file in readme, file
    for command in (
        "roster check .",
        "roster plan . --month 2026-12",
        "roster explain . --month 2026-12",
        "roster publish .",
        "roster print . --month 2026-12",
        "roster feeds link . v01",
        "roster --help",
    ):
        assert command in readme, command
    assert "availability/2026-12.csv.example" in readme
    assert ("Dezember 2026" if locale == "de" else "December 2026") in readme
    assert "feeds: base_url" in readme
    heading = "Ihr Büro-Ordner für roster" if locale == "de" else "Your office folder for roster"
    assert readme.startswith(heading)
    assert "see docs/office-folder.md of roster" not in readme  # the old pointer, alone


@pytest.mark.parametrize("locale", ["de", "en"])
def test_base_url_and_contact_are_there_to_fill_in(tmp_path: Path, locale: str) -> None:
    folder = tmp_path / locale
    init_office(folder, locale=locale, now=LATE_NOVEMBER)
    path = folder / "office.yaml"
    office = path.read_text(encoding="utf-8")
    assert load_office(folder).office.feeds.base_url is None
    assert load_office(folder).office.contact is None
    example = "dienstplan.beispiel.de" if locale == "de" else "rota.example.org"
    assert f'  # base_url: "https://{example}"\n' in office
    explained = "öffentliche Adresse" if locale == "de" else "public address"
    assert explained in office
    filled = office.replace(
        f'  # base_url: "https://{example}"', f'  base_url: "https://{example}"'
    )
    filled = filled.replace("# contact: {", "contact: {")
    path.write_text(filled, encoding="utf-8")
    reread = load_office(folder).office
    assert reread.feeds.base_url == f"https://{example}"
    assert reread.contact is not None and reread.contact.phone == "02051 12345"


@pytest.mark.parametrize("locale", ["de", "en"])
def test_check_passes_on_a_fresh_starter(tmp_path: Path, locale: str) -> None:
    folder = tmp_path / "office"
    init_office(folder, locale=locale, now=LATE_NOVEMBER)
    name = "Meine Beratungsstelle" if locale == "de" else "My Advice Office"
    assert load_office(folder).office.timezone == STARTER_ZONE.key  # "next month" agrees
    valid = "der Ordner ist gültig" if locale == "de" else "the folder is valid"
    assert check_folder(folder).startswith(f"{name}: {valid}.")
    use_examples(folder)
    summary = check_folder(folder, locale="en")
    assert "January 2027: poll answers from 3 people, 1 appointment request, 0 overrides" in (
        summary
    )


@pytest.mark.parametrize("locale", ["de", "en"])
def test_the_examples_are_valid_in_every_month(tmp_path: Path, locale: str) -> None:
    """Whatever next month is, its poll asks for session dates (no holiday, no closure,
    before the example's absence) and the whole starter passes the check."""
    for number in range(24):
        month = Month(2026 + number // 12, number % 12 + 1)
        folder = tmp_path / f"{locale}-{month}"
        for relative, text in starter_files(locale, month).items():
            path = folder / relative.removesuffix(".example")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        data = load_office(folder)
        sessions = {s.date: s.kind for s in month_calendar(data.office, month).sessions}
        asked = sorted(day for _, day in data.availability[month])
        assert {sessions.get(day) for day in asked} == {"appointments", "open_hours"}, month
        (absence,) = next(p for p in data.volunteers if p.id == "v03").absences
        assert max(asked) < absence.from_, month
        assert len(data.appointments[month]) == 1, month


def test_the_cli_writes_german_by_default_and_english_when_asked(tmp_path: Path) -> None:
    runner = CliRunner()
    german = runner.invoke(main, ["init", str(tmp_path / "de")])
    assert german.exit_code == 0, german.stderr
    assert "locale: de " in (tmp_path / "de" / "office.yaml").read_text(encoding="utf-8")
    english = runner.invoke(main, ["init", str(tmp_path / "en"), "--locale", "en"])
    assert english.exit_code == 0, english.stderr
    assert "locale: en " in (tmp_path / "en" / "office.yaml").read_text(encoding="utf-8")
    other = runner.invoke(main, ["init", str(tmp_path / "fr"), "--locale", "fr"])
    assert other.exit_code == 2 and not (tmp_path / "fr").exists()
