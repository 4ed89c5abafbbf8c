"""Golden HTML of the example month, printed from the solver's real plan file.

The printed HTML is compared in full with the files in ``golden/``, normalised in two
ways: roster's version in the ``generator`` tag is hidden, and the print stylesheet that
every printout inlines (templates/print.css) is replaced by a marker, so the golden files
hold the documents and not five copies of the stylesheet. That the printouts inline
exactly templates/print.css is tested on its own, for every printed file. A difference
fails with a unified diff. After an intended change, regenerate with
``ROSTER_REGENERATE_GOLDEN=1 pytest tests/printouts/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

from roster.domain.month import Month
from roster.folder.load import load_office
from roster.printouts import print_month

GOLDEN = Path(__file__).resolve().parent / "golden"
STYLESHEET = Path(__file__).resolve().parents[2] / "templates" / "print.css"
MARKER = "/* templates/print.css is inlined here (see test_golden.py) */"
REGENERATE = os.environ.get("ROSTER_REGENERATE_GOLDEN") == "1"
DOCUMENTS = [
    "rota-2026-12",
    "appointments-2026-12-02",
    "agenda-2026-12",
    "door-2026-12",
    "people/v04-2026-12",
]


def _inlined() -> str:
    """The stylesheet as a printout inlines it: the file's text, stripped, on its own lines."""
    return "<style>\n" + STYLESHEET.read_text(encoding="utf-8").strip() + "\n"


def without_stylesheet(html: str) -> str:
    """The document with the inlined templates/print.css replaced by :data:`MARKER`; the
    rest of the ``<style>`` block (the page size of the document) stays."""
    if html.count(_inlined()) != 1:
        pytest.fail(
            "the printout does not inline templates/print.css exactly once at the top of its "
            "<style> block (see test_printouts_inline_exactly_the_print_stylesheet)"
        )
    return html.replace(_inlined(), f"<style>\n{MARKER}\n")


def normalise(html: str) -> str:
    """Hide roster's version, the one thing that changes without the output changing, and
    the inlined stylesheet, which is tested on its own."""
    html = re.sub(r'content="roster [^"]+"', 'content="roster VERSION"', html)
    return without_stylesheet(html)


def compare(actual: str, golden: Path, *, regenerate: bool = REGENERATE) -> None:
    """Fail with a unified diff when the normalised printout differs from its golden file."""
    if regenerate:
        golden.write_text(actual, encoding="utf-8")
    if not golden.is_file():
        pytest.fail(f"{golden} is missing; run with ROSTER_REGENERATE_GOLDEN=1 and review it")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(),
            actual.splitlines(),
            f"golden/{golden.name}",
            "printed",
            lineterm="",
        )
        pytest.fail(
            f"{golden.name} differs from its golden file (if the change is intended, run with "
            "ROSTER_REGENERATE_GOLDEN=1 and review the diff):\n" + "\n".join(diff)
        )


@pytest.mark.parametrize("name", DOCUMENTS)
def test_printout_matches_golden_file(real_plan_folder: Path, html_only: None, name: str) -> None:
    print_month(load_office(real_plan_folder), Month(2026, 12))
    actual = normalise((real_plan_folder / "print" / f"{name}.html").read_text(encoding="utf-8"))
    compare(actual, GOLDEN / f"{name.replace('/', '-')}.html")


def test_printouts_inline_exactly_the_print_stylesheet(
    real_plan_folder: Path, html_only: None
) -> None:
    """Each printed HTML file stands alone: one ``<style>`` block holding the whole of
    templates/print.css, then the page size of that document, and nothing else."""
    print_month(load_office(real_plan_folder), Month(2026, 12))
    printed = sorted((real_plan_folder / "print").rglob("*.html"))
    assert len(printed) >= len(DOCUMENTS)
    css = STYLESHEET.read_text(encoding="utf-8").strip()
    assert len(css) > 1000 and "@page" in css
    for path in printed:
        html = path.read_text(encoding="utf-8")
        blocks = re.findall(r"<style>\n(.*?)</style>", html, flags=re.DOTALL)
        assert html.count("<style") == 1 and len(blocks) == 1, path.name
        assert re.fullmatch(
            re.escape(css) + r"\n@page \{ size: A4 (portrait|landscape); \}\n", blocks[0]
        ), f"{path.name} does not inline exactly templates/print.css"


def test_golden_files_hold_the_marker_not_the_stylesheet() -> None:
    css = STYLESHEET.read_text(encoding="utf-8").strip()
    for name in DOCUMENTS:
        golden = (GOLDEN / f"{name.replace('/', '-')}.html").read_text(encoding="utf-8")
        assert golden.count(f"<style>\n{MARKER}\n@page {{ size: A4 ") == 1, name
        assert css.splitlines()[0] not in golden, name


def test_a_changed_word_fails_the_comparison_with_a_diff(tmp_path: Path) -> None:
    golden = GOLDEN / "rota-2026-12.html"
    printed = golden.read_text(encoding="utf-8").replace(
        "Dienstplan Dezember 2026", "Dienstplan Dezember 2027"
    )
    assert printed != golden.read_text(encoding="utf-8")
    copy = tmp_path / golden.name
    copy.write_bytes(golden.read_bytes())
    with pytest.raises(pytest.fail.Exception) as failed:
        compare(printed, copy, regenerate=False)
    message = str(failed.value)
    assert "--- golden/rota-2026-12.html" in message
    assert "-<title>Dienstplan Dezember 2026" in message
    assert "+<title>Dienstplan Dezember 2027" in message
    assert "+<h1>Dienstplan Dezember 2027</h1>" in message
    assert "Weihnachtspause" not in message  # only the changed lines and their context
    compare(golden.read_text(encoding="utf-8"), copy, regenerate=False)  # the same text passes


def test_golden_files_are_real_printouts() -> None:
    """The golden files hold what the documents must show, not an empty page."""
    rota = (GOLDEN / "rota-2026-12.html").read_text(encoding="utf-8")
    assert "Dienstplan Dezember 2026" in rota
    assert "geschlossen: Weihnachtspause" in rota
    door = (GOLDEN / "door-2026-12.html").read_text(encoding="utf-8")
    assert "العربية" in door
    sheet = (GOLDEN / "appointments-2026-12-02.html").read_text(encoding="utf-8")
    assert "Vertraulich" in sheet
