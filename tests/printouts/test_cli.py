"""`roster print` and the print step of `roster demo`."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from roster.app.demo import DemoReport, demo_print
from roster.cli import main
from roster.domain.month import Month
from roster.folder.load import load_office


def test_print_command_lists_what_it_wrote(real_plan_folder: Path, html_only: None) -> None:
    result = CliRunner().invoke(
        main, ["print", str(real_plan_folder), "--month", "2026-12", "--locale", "en"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Printouts for December 2026:"
    assert f"  {real_plan_folder / 'print' / 'rota-2026-12.html'}" in lines
    assert f"  {real_plan_folder / 'print' / 'door-2026-12.html'}" in lines
    assert f"  personal schedules for 30 people: {real_plan_folder / 'print' / 'people'}" in lines
    assert lines[-2].startswith("PDF skipped: WeasyPrint is not installed")
    assert lines[-1] == 'For PDFs, in the folder of the roster checkout: pip install -e ".[pdf]"'
    rota = (real_plan_folder / "print" / "rota-2026-12.html").read_text(encoding="utf-8")
    assert "Rota December 2026" in rota


def test_print_without_a_plan_exits_2_with_a_plain_message(office_folder: Path) -> None:
    result = CliRunner().invoke(main, ["print", str(office_folder), "--month", "2026-11"])
    assert result.exit_code == 2
    assert "There is no plan at" in result.output
    assert "roster plan" in result.output
    assert "Traceback" not in result.output


def test_print_with_a_bad_month_exits_2(office_folder: Path) -> None:
    result = CliRunner().invoke(main, ["print", str(office_folder), "--month", "12/2026"])
    assert result.exit_code == 2
    assert "is not a month" in result.output


def test_demo_step_prints_the_month_and_says_how_to_open_it(
    real_plan_folder: Path, html_only: None
) -> None:
    data = load_office(real_plan_folder)
    report = DemoReport(real_plan_folder, Month(2026, 12))
    demo_print(data, report)
    (section,) = report.sections
    assert section.startswith("== print ==")
    assert "    1 rota (wall, A4 landscape)" in section
    assert "    3 appointment sheets (desk only)" in section
    assert "   30 personal schedules" in section.splitlines()
    assert "PDF skipped" in section
    folder = real_plan_folder / "print"
    assert folder / "rota-2026-12.html" in report.written
    assert folder / "agenda-2026-12.html" in report.written
    assert folder / "door-2026-12.html" in report.written
    assert folder / "people" in report.written
    assert all(path.exists() for path in report.written)
    assert any("rota-2026-12.html" in hint for hint in report.hints)


def test_demo_step_without_a_plan_says_what_to_run(office_folder: Path) -> None:
    report = DemoReport(office_folder, Month(2026, 12))
    demo_print(load_office(office_folder), report)
    assert report.sections[0].splitlines()[1:] == [
        "There is no plan for December 2026 yet, so there is nothing to print yet.",
        f"First: roster plan {office_folder} --month 2026-12",
        f"Then: roster print {office_folder} --month 2026-12",
    ]
    assert not report.written
    assert not (office_folder / "print").exists()
