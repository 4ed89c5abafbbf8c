"""The CLI frame of issue 3: help, version, check, init, demo, month parsing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from importlib.metadata import version
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date
from click.testing import CliRunner

from roster.cli import main
from roster.domain.month import Month

Snapshot = Callable[[Path], dict[str, bytes | None]]


def test_help_lists_the_commands(cli: CliRunner) -> None:
    result = cli.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("check", "calendar", "forecast", "init", "demo"):
        assert f"  {command}" in result.stdout
    assert "roster init my-office" in result.stdout


def test_version(cli: CliRunner) -> None:
    result = cli.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"roster, version {version('roster')}"


def test_every_command_has_help_with_an_example(cli: CliRunner) -> None:
    assert len(main.commands) >= 5
    for name in sorted(main.commands):
        result = cli.invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in result.stdout, name
        assert f"roster {name}" in result.stdout.split("Example", 1)[1], name


def test_check_the_example_office(example: Path, cli: CliRunner, snapshot: Snapshot) -> None:
    before = snapshot(example)
    result = cli.invoke(main, ["check", str(example), "--locale", "en"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "IHLA Integrationsbüro im Rathaus Velbert: the folder is valid."
    assert "Volunteers: 30" in lines
    assert "  counsellors     15 (2 trainees)" in lines
    assert "  leads           3" in lines
    assert "  social workers  1" in lines
    languages = {
        line.split()[0]: line for line in lines if line.startswith("  ") and "  " in line[3:]
    }
    for code in ("ar", "fa", "fa-AF", "kmr", "ti", "tr", "ru", "uk", "ps", "so", "fr"):
        assert code in languages, code
        assert "nobody" not in languages[code]
    assert "December 2026: poll answers from 29 people, 12 appointment requests, 0 overrides" in (
        lines
    )
    assert lines[-1] == "Visit log: 132 rows from Sep 10, 2026 to Nov 26, 2026"
    german = cli.invoke(main, ["check", str(example)]).stdout.splitlines()
    assert german[0] == "IHLA Integrationsbüro im Rathaus Velbert: der Ordner ist gültig."
    assert "  Berater:innen        15 (2 in Einarbeitung)" in german
    assert german[-1] == "Besuchsliste: 132 Zeilen vom 10. Sept. 2026 bis 26. Nov. 2026"
    assert snapshot(example) == before


def test_check_as_installed_script(example: Path) -> None:
    script = shutil.which("roster") or str(Path(sys.executable).parent / "roster")
    done = subprocess.run(
        [script, "check", str(example)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "der Ordner ist gültig" in done.stdout
    assert done.stderr == ""


def test_check_warns_about_a_language_nobody_speaks(
    make_office: Callable[..., Path], cli: CliRunner, base_files: dict[str, str]
) -> None:
    office = base_files["office.yaml"].replace("interpreters: {ar: 1}", "interpreters: {ti: 1}")
    folder = make_office({"office.yaml": office})
    result = cli.invoke(main, ["check", str(folder), "--locale", "en"])
    assert result.exit_code == 0
    ti = next(line for line in result.stdout.splitlines() if line.startswith("  ti "))
    assert "Tigrinya" in ti
    assert "0  <- nobody; recruit or plan without it" in ti


def test_check_a_folder_that_does_not_exist(tmp_path: Path, cli: CliRunner) -> None:
    result = cli.invoke(main, ["check", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "is not a folder" in result.stderr
    assert "roster init" in result.stderr


def test_init_writes_a_starter_folder_that_passes_check(tmp_path: Path, cli: CliRunner) -> None:
    target = tmp_path / "my-office"
    result = cli.invoke(main, ["init", str(target), "--locale", "en"])
    assert result.exit_code == 0, result.stderr
    month = str(Month.of(datetime.now(ZoneInfo("Europe/Berlin")).date()).next())
    assert {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()} == {
        "README.txt",
        "office.yaml",
        "volunteers.yaml",
        f"availability/{month}.csv.example",
        f"appointments/{month}.yaml.example",
    }
    assert "# " in (target / "office.yaml").read_text(encoding="utf-8")  # commented
    check = cli.invoke(main, ["check", str(target)])
    assert check.exit_code == 0, check.stderr
    assert "My Advice Office: the folder is valid." in check.stdout
    # the example files are valid too, once renamed as their comment says
    for sub, name in (("availability", f"{month}.csv"), ("appointments", f"{month}.yaml")):
        (target / sub / f"{name}.example").rename(target / sub / name)
    renamed = cli.invoke(main, ["check", str(target)])
    assert renamed.exit_code == 0, renamed.stderr
    heading = format_date(Month.parse(month).first, "LLLL yyyy", locale="en")
    assert f"{heading}: poll answers from 3 people, 1 appointment request, 0 overrides" in (
        renamed.stdout
    )


def test_init_into_an_empty_folder(tmp_path: Path, cli: CliRunner) -> None:
    result = cli.invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0
    assert (tmp_path / "office.yaml").is_file()


def test_init_refuses_a_folder_that_is_not_empty(
    tmp_path: Path, cli: CliRunner, snapshot: Snapshot
) -> None:
    target = tmp_path / "office"
    target.mkdir()
    (target / "office.yaml").write_text("name: Mine\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = cli.invoke(main, ["init", str(target)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert "already exists and is not empty" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("month", ["2026-13", "12/2026", "Dezember", "2026-1"])
def test_a_month_that_does_not_parse(month: str, example: Path, cli: CliRunner) -> None:
    result = cli.invoke(main, ["forecast", str(example), "--month", month])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: '{month}' is not a month. Write it as YEAR-MONTH with two digits, e.g. 2026-12.\n"
    )


def test_month_defaults_to_next_month(example: Path, cli: CliRunner) -> None:
    result = cli.invoke(main, ["calendar", str(example), "--locale", "en"])
    today = datetime.now(ZoneInfo("Europe/Berlin")).date()
    expected = Month.of(today).next()
    assert result.exit_code == 0
    heading = format_date(expected.first, "LLLL yyyy", locale="en")
    assert result.stdout.splitlines()[0] == f"Sessions in {heading}:"


def test_demo_runs_the_main_job_in_a_folder(tmp_path: Path, cli: CliRunner) -> None:
    target = tmp_path / "demo"
    result = cli.invoke(main, ["demo", str(target)])
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith(f"roster demo: das Beispielbüro, Dezember 2026\nOrdner: {target}\n")
    assert "== check ==\nIHLA Integrationsbüro im Rathaus Velbert: der Ordner ist gültig." in text
    assert "== calendar ==\nSprechstunden im Dezember 2026:" in text
    assert "Weihnachtspause" in text
    assert "== forecast ==\nPrognose aus der Besuchsliste" in text
    assert "== plan ==\nDer Dienstplan für Dezember 2026 ist geplant." in text
    for name in ("office.yaml", "volunteers.yaml", "visits.csv", "availability/2026-12.csv"):
        assert (target / name).is_file(), name
