"""`roster plan`, `roster verify` and `roster explain`: thin commands, plain messages,
exit codes 0 (clean), 1 (violations, verify only) and 2 (bad input)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from solver_builders import Spec, person

from roster.app.demo import DemoReport, demo_plan
from roster.cli import main
from roster.domain.month import Month
from roster.folder.load import load_office

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "velbert"
GOLDEN = Path(__file__).resolve().parents[1] / "data" / "plans" / "velbert-2026-12.json"


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    spec = Spec(people=[person("c1"), person("c2", trainee=True)])
    return spec.write(tmp_path / "office")


@pytest.fixture
def planned_example(tmp_path: Path) -> Path:
    folder = tmp_path / "velbert"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("rotas"))
    (folder / "rotas").mkdir()
    shutil.copy(GOLDEN, folder / "rotas" / "2026-12.json")
    return folder


def test_plan_writes_the_plan_and_shows_progress(tiny: Path) -> None:
    args = ["plan", str(tiny), "--month", "2027-02", "--today", "2027-01-20", "--time-limit", "3"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "The rota for February 2027 is planned." in lines
    assert f"  File: {tiny / 'rotas' / '2027-02.json'}" in lines
    assert "  search:                 proven the best plan" in lines
    progress = result.stderr.splitlines()
    assert progress and all(
        " s  penalty " in line and "(best possible " in line for line in progress
    )
    german = CliRunner().invoke(main, [*args, "--fresh", "--locale", "de"])
    assert "Der Dienstplan für Februar 2027 ist geplant." in german.stdout
    assert " s  Strafpunkte " in german.stderr and "(bestenfalls " in german.stderr
    quiet = CliRunner().invoke(main, [*args, "--quiet", "--fresh"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert json.loads((tiny / "rotas" / "2027-02.json").read_text())["schema"] == 1


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--time-limit", "0"], "--time-limit"),
        (["--today", "tomorrow"], "--today 'tomorrow' is not a date"),
        (["--month", "2027-2"], "is not a month"),
    ],
)
def test_plan_rejects_bad_options(tiny: Path, extra: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["plan", str(tiny), "--month", "2027-02", *extra])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tiny / "rotas").exists()


def test_an_impossible_override_is_bad_input(tmp_path: Path) -> None:
    spec = Spec(
        people=[person("c1", absences=[{"from": "2027-02-01", "to": "2027-02-28"}])],
        overrides={"assign": [{"volunteer": "c1", "date": "2027-02-04", "role": "counsellor"}]},
    )
    folder = spec.write(tmp_path / "office")
    result = CliRunner().invoke(main, ["plan", str(folder), "--month", "2027-02", "--quiet"])
    assert result.exit_code == 2
    assert "breaks the hard rule availability" in result.stderr
    assert "Traceback" not in result.output
    assert not (folder / "rotas").exists()


def test_verify_exit_codes(planned_example: Path) -> None:
    args = ["verify", str(planned_example), "--month", "2026-12"]
    clean = CliRunner().invoke(main, args)
    assert clean.exit_code == 0, clean.output
    assert clean.stdout == (
        "Der Dienstplan für Dezember 2026 hält jede Regel ein, die gelten muss, und seine "
        "Zahlen stimmen (Strafpunkte: 143.090).\n"
    )
    path = planned_example / "rotas" / "2026-12.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    thursday = next(s for s in data["sessions"] if s["date"] == "2026-12-10")
    thursday["staff"].append(
        {
            "volunteer": "v13",
            "role": "interpreter",
            "language": "ti",
            "lead": False,
            "trainee": False,
        }
    )
    path.write_text(json.dumps(data), encoding="utf-8")
    broken = CliRunner().invoke(main, args)
    assert broken.exit_code == 1
    lines = broken.stdout.splitlines()
    assert lines[0] == f"Im Dienstplan für Dezember 2026 gibt es {len(lines) - 1} Fehler:"
    assert (
        "  - Do., 10. Dez.: Yonas Tesfay (v13) ist für Dolmetschen (Tigrinya) eingeteilt, aber "
        "ist 7.-20. Dez. abwesend [Verfügbarkeit]"
    ) in lines
    english = CliRunner().invoke(main, [*args, "--locale", "en"])
    assert english.exit_code == 1
    assert english.stdout.splitlines()[0] == (
        f"The rota for December 2026 has {len(lines) - 1} problems:"
    )
    assert (
        "  - Thu 10 Dec: Yonas Tesfay (v13) is planned for interpreting Tigrinya but is absent "
        "7-20 Dec [availability]"
    ) in english.stdout.splitlines()
    path.unlink()
    missing = CliRunner().invoke(main, args)
    assert missing.exit_code == 2
    assert "There is no plan" in missing.stderr


def test_explain_prints_reasons_by_date(planned_example: Path) -> None:
    args = ["explain", str(planned_example), "--month", "2026-12"]
    result = CliRunner().invoke(main, [*args, "--locale", "en"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[2] == "Thu 3 Dec, Offene Sprechstunde 14:00-16:00"
    assert "Tigrinya on Thu 10 Dec: only Yonas Tesfay (v13) speaks Tigrinya well enough" in (
        result.stdout
    )
    assert "Appointments not scheduled" in lines
    german = CliRunner().invoke(main, args).stdout.splitlines()
    assert german[2] == "Do., 3. Dez., Offene Sprechstunde 14:00-16:00"
    assert "Nicht eingeplante Termine" in german


def test_every_command_has_an_example() -> None:
    for command in ("plan", "verify", "explain"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.stdout and f"roster {command} examples/velbert" in result.stdout


def test_the_demo_step_plans_the_month_without_past_sessions(planned_example: Path) -> None:
    (planned_example / "rotas" / "2026-12.json").unlink()
    data = load_office(planned_example)
    report = DemoReport(planned_example, Month(2026, 12))
    demo_plan(data, report)
    assert report.sections[0].startswith("== plan ==\nThe rota for December 2026 is planned.")
    assert report.written == [planned_example / "rotas" / "2026-12.json"]
    plan = json.loads(report.written[0].read_text(encoding="utf-8"))
    assert plan["as_of"] == "2026-11-30"
    assert plan["solver"]["status"] == "optimal"


def test_an_unreadable_plan_is_replaced_only_with_fresh(tiny: Path) -> None:
    (tiny / "rotas").mkdir()
    broken = tiny / "rotas" / "2027-02.json"
    broken.write_text("{not json", encoding="utf-8")
    args = ["plan", str(tiny), "--month", "2027-02", "--today", "2027-01-20", "--quiet"]
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 2
    assert "plan with --fresh" in refused.stderr
    assert broken.read_text(encoding="utf-8") == "{not json"
    replaced = CliRunner().invoke(main, [*args, "--fresh"])
    assert replaced.exit_code == 0
    assert json.loads(broken.read_text(encoding="utf-8"))["month"] == "2027-02"
