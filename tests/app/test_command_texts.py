"""What the commands print for the example office, in German and in English, compared in
full with the golden files in ``golden/`` (the office folder's path written as ``DIR``);
and the counts they print mean what they say (issue 12, sections 1 and 2).

After an intended change of the words, regenerate with
``ROSTER_REGENERATE_GOLDEN=1 pytest tests/app/test_command_texts.py`` and review the diff.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from roster.app.plan_texts import plan_numbers
from roster.app.planning import explain_month, plan_month
from roster.app.printing import Printed
from roster.app.summaries import check_summary
from roster.cli import main
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.printouts.render import pdf_problem

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "velbert"
GOLDEN = Path(__file__).resolve().parent / "golden"
REGENERATE = os.environ.get("ROSTER_REGENERATE_GOLDEN") == "1"
MONTH = "2026-12"
COMMANDS: dict[str, list[str]] = {
    "check": ["check", "DIR"],
    "calendar": ["calendar", "DIR", "--month", MONTH],
    "forecast": ["forecast", "DIR", "--month", MONTH],
    "plan": ["plan", "DIR", "--month", MONTH, "--today", "2026-11-25", "--quiet"],
    "explain": ["explain", "DIR", "--month", MONTH],
    "verify": ["verify", "DIR", "--month", MONTH],
    "print": ["print", "DIR", "--month", MONTH],
}
"""Each command whose words are pinned down, in the order they run on one folder."""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    """What each command prints, per locale, on a copy of the example office."""
    folder = tmp_path_factory.mktemp("velbert") / "office"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("rotas", "print", "feeds"))
    found: dict[tuple[str, str], str] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, "weasyprint", None)  # HTML only, whatever is installed
        problem = pdf_problem()
        assert problem
        for name, args in COMMANDS.items():
            for locale in ("de", "en"):
                argv = [str(folder) if arg == "DIR" else arg for arg in args]
                result = CliRunner().invoke(main, [*argv, "--locale", locale])
                assert result.exit_code == 0, (name, locale, result.output)
                shown = result.stdout.replace(str(folder), "DIR")
                found[name, locale] = shown.replace(problem, "WHY")
    return found


def compare(actual: str, golden: Path) -> None:
    """Fail with a unified diff when ``actual`` differs from its golden file."""
    if REGENERATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    if not golden.is_file():
        pytest.fail(f"{golden} is missing; run with ROSTER_REGENERATE_GOLDEN=1 and review it")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), golden.name, "printed", lineterm=""
        )
        pytest.fail(f"{golden.name} differs from its golden file:\n" + "\n".join(diff))


@pytest.mark.parametrize("locale", ["de", "en"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_command_output_matches_golden_file(
    outputs: dict[tuple[str, str], str], name: str, locale: str
) -> None:
    compare(outputs[name, locale], GOLDEN / f"{name}.{locale}.txt")


def test_one_language_per_locale(outputs: dict[tuple[str, str], str]) -> None:
    """A German office reads German from every command, an English one English."""
    german = "\n".join(text for (_, locale), text in outputs.items() if locale == "de")
    english = "\n".join(text for (_, locale), text in outputs.items() if locale == "en")
    for word in ("the ", " and ", " missing", "Reasons", "people considered", "valid"):
        assert word not in german, word
    for word in (" der ", " und ", " fehlen", "Gründe", "in Frage kamen", "gültig"):
        assert word not in english, word


def test_the_office_locale_is_the_default(tmp_path: Path) -> None:
    folder = tmp_path / "office"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("rotas", "print", "feeds"))
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.stdout.startswith("IHLA Integrationsbüro im Rathaus Velbert: der Ordner ist")


def test_appointment_hours_without_requests_are_counted_apart(tmp_path: Path) -> None:
    """January 2027 has no appointment requests: its appointment hours need nobody, so the
    summary counts the sessions that need someone and lists the others by date, and
    `roster explain` names them."""
    folder = tmp_path / "office"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("rotas", "print", "feeds"))
    planned = plan_month(folder, Month(2027, 1), today=date(2026, 12, 20), locale="en")
    numbers = plan_numbers(planned.plan)
    wednesdays = [s for s in planned.plan.sessions if s.kind == "appointments"]
    assert wednesdays and numbers.unrequested == len(wednesdays)
    assert numbers.appointment_hours == 0
    assert numbers.needed == numbers.open_hours == len(planned.plan.sessions) - len(wednesdays)
    lines = planned.text().splitlines()
    staffed = next(line for line in lines if "sessions staffed:" in line)
    assert staffed.endswith(
        f"{numbers.staffed} of {numbers.needed} that need someone "
        f"({numbers.open_hours} open hours, 0 appointment hours)"
    )
    unrequested = next(line for line in lines if "no appointments requested:" in line)
    assert unrequested.split(": ", 1)[1] == ", ".join(
        f"Wed {s.date.day} Jan (Terminsprechstunde)" for s in wednesdays
    )
    explained = explain_month(folder, Month(2027, 1), locale="de").splitlines()
    start = explained.index("Terminsprechstunden ohne Anfragen")
    assert explained[start + 1 :] == [
        f"  {line}"
        for line in (
            f"Mi., {s.date.day}. Jan., Terminsprechstunde 13:00-15:30: keine Termine angefragt"
            for s in wednesdays
        )
    ]


def test_print_counts_people_not_files(tmp_path: Path) -> None:
    people = tmp_path / "print" / "people"
    written = [tmp_path / "print" / "rota-2026-12.html", tmp_path / "print" / "rota-2026-12.pdf"]
    for pid in ("v01", "v02", "v03"):
        written += [people / f"{pid}-2026-12.html", people / f"{pid}-2026-12.pdf"]
    printed = Printed(tmp_path, Month(2026, 12), written, None, None, "de")
    assert printed.people_count == 3
    assert f"  persönliche Dienstpläne für 3 Personen: {people}" in printed.text().splitlines()
    one = Printed(tmp_path, Month(2026, 12), written[:4], None, None, "en")
    assert f"  personal schedules for 1 person: {people}" in one.text().splitlines()


@pytest.mark.parametrize(
    ("trainees", "locale", "shown"),
    [
        (1, "en", "(1 trainee)"),
        (2, "en", "(2 trainees)"),
        (1, "de", "(1 in Einarbeitung)"),
        (2, "de", "(2 in Einarbeitung)"),
    ],
)
def test_check_counts_trainees_in_the_plural_of_the_locale(
    tmp_path: Path, trainees: int, locale: str, shown: str
) -> None:
    folder = tmp_path / "office"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("rotas", "print", "feeds"))
    team = folder / "volunteers.yaml"
    text = team.read_text(encoding="utf-8")
    assert text.count("    trainee: true\n") == 2
    if trainees == 1:
        team.write_text(text.replace("    trainee: true\n", "", 1), encoding="utf-8")
    summary = check_summary(load_office(folder), locale)
    counsellors = next(line for line in summary.splitlines() if re.search(r"\(\d+ ", line))
    assert counsellors.endswith(f" {shown}")
