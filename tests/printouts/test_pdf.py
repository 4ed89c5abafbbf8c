"""PDF smoke test: the rota and the door sign of the example month through WeasyPrint;
letters no font has, and the rota's code-and-box units, as WeasyPrint lays them out.

Skipped, saying why, when WeasyPrint cannot be imported (the ``pdf`` extra). The fonts
come from the Debian packages fonts-noto-core and fonts-dejavu-core (docs/printouts.md).
Only two documents are rendered: WeasyPrint is slow.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from roster.cli import main
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.printouts.context import load_input
from roster.printouts.documents import documents
from roster.printouts.door import Door
from roster.printouts.render import (
    PdfRenderer,
    missing_glyphs,
    pdf_skip_reason,
    render_html,
    stylesheet,
)

pypdf = pytest.importorskip("pypdf")
if pdf_skip_reason() is not None:
    pytest.skip(str(pdf_skip_reason()), allow_module_level=True)

A4_LONG, A4_SHORT = 841.89, 595.28


def text_of(reader: Any) -> str:
    pages = reader.pages
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in pages))


def fonts_of(reader: Any) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_rota_and_door_sign_as_pdf(real_plan_folder: Path) -> None:
    source = load_input(load_office(real_plan_folder), Month(2026, 12))
    chosen = {
        doc.name: doc for doc in documents(source) if doc.name.split("-")[0] in ("rota", "door")
    }
    rota_html = render_html("rota.html.j2", chosen["rota-2026-12"].data, source.words)
    door_doc = chosen["door-2026-12"]
    door_html = render_html("door.html.j2", door_doc.data, source.words)
    renderer = PdfRenderer(source.plan.as_of)
    rota = renderer.pdf(rota_html)
    door = renderer.pdf(door_html)

    # Same plan, same bytes.
    assert renderer.pdf(rota_html) == rota
    # WeasyPrint warned about nothing (no missing font, no unknown CSS).
    assert renderer.warnings == []

    reader = pypdf.PdfReader(io.BytesIO(rota))
    assert len(reader.pages) == 1  # a normal month fits on one page
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == (A4_LONG, A4_SHORT)
    text = text_of(reader)
    assert "Dienstplan Dezember 2026" in text
    assert "Weihnachtspause" in text
    assert "Fatima Nouri" in text
    assert reader.metadata["/CreationDate"] == "D:20261125"
    assert reader.metadata["/Title"].startswith("Dienstplan Dezember 2026")

    reader = pypdf.PdfReader(io.BytesIO(door))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == (A4_SHORT, A4_LONG)
    text = text_of(reader)
    sign = door_doc.data
    assert isinstance(sign, Door)
    natives = {lang.native for day in sign.dates for lang in day.languages if lang.native}
    # Arabic and Persian script, Ethiopic (Tigrinya) and Cyrillic are all on the sign.
    assert {"العربية", "فارسی", "ትግርኛ", "Українська"} <= natives
    for native in natives:
        assert unicodedata.normalize("NFKC", native) in text, native
    fonts = fonts_of(reader)
    assert any("Arabic" in font for font in fonts), fonts
    assert any("Ethiopic" in font for font in fonts), fonts


def test_missing_letters_are_caught_and_not_logged(
    caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    """No font has U+E000 (private use): WeasyPrint draws an empty box and warns; the
    renderer keeps the character for the print job's one line and lets no warning out."""
    html = '<html lang="de"><head><meta charset="utf-8"></head><body><p>Kurmancî\ue000</p></body></html>'
    renderer = PdfRenderer(Month(2026, 12).first)
    with missing_glyphs() as lacking:
        renderer.pdf(html)
    assert lacking == renderer.missing == {"\ue000"}
    assert renderer.warnings == []
    assert not [r for r in caplog.records if "notdef" in r.getMessage()]
    assert "notdef" not in capsys.readouterr().err
    renderer.pdf(html)  # outside the block: the renderer still knows, nothing else does
    assert lacking == {"\ue000"}


def _lines_of(html: str) -> list[tuple[str, float, float]]:
    """(class, top, bottom) of the first box of each code and gap span, as laid out."""
    weasyprint = pytest.importorskip("weasyprint")

    def boxes(box: Any) -> Any:
        yield box
        for child in getattr(box, "children", []) or []:
            yield from boxes(child)

    seen: dict[int, tuple[str, float, float]] = {}
    for page in weasyprint.HTML(string=html).render().pages:
        for box in boxes(page._page_box):
            element = getattr(box, "element", None)
            if element is not None and element.get("class") in ("code", "gap"):
                top = box.position_y
                seen.setdefault(id(element), (element.get("class"), top, top + box.margin_height()))
    return list(seen.values())


def test_a_language_code_never_wraps_apart_from_its_missing_box() -> None:
    """In a column far too narrow, each code still shares its line with its "✗ 1 FEHLT"
    box (templates/print.css: ``.rota .language .need``); without that rule they part."""
    units = " · ".join(
        f'<span class="language"><span class="need"><span class="code">{code}</span> '
        '<span class="gap">✗ 1 FEHLT</span></span></span>'
        for code in ("ps", "ru", "so", "ti")
    )
    css = str(stylesheet())
    rule = ".rota .language .need { display: inline-block; white-space: nowrap; }"
    assert rule in css

    def laid_out(sheet: str) -> list[tuple[str, float, float]]:
        body = f'<div class="rota"><p style="width: 14mm">{units}</p></div>'
        html = f'<html><head><meta charset="utf-8"><style>{sheet}</style></head><body>{body}</body></html>'
        found = _lines_of(html)
        assert [kind for kind, _, _ in found] == ["code", "gap"] * 4
        return found

    def together(found: list[tuple[str, float, float]]) -> list[bool]:
        pairs = zip(found[::2], found[1::2], strict=True)
        return [code[1] < gap[2] and gap[1] < code[2] for code, gap in pairs]

    assert together(laid_out(css)) == [True] * 4
    assert not all(together(laid_out(css.replace(rule, ""))))  # without it, some part


def test_roster_print_names_the_languages_whose_letters_are_missing(
    real_plan_folder: Path,
) -> None:
    """The whole print job: Kurmanji's own name gets a letter no font has; the door sign
    shows it; `roster print` ends with one line naming Kurmanji, and no raw warning."""
    office = real_plan_folder / "office.yaml"
    text = office.read_text(encoding="utf-8")
    assert "native: Kurmancî}" in text
    office.write_text(text.replace("native: Kurmancî}", "native: Kurmancî\ue000}"), "utf-8")
    result = CliRunner().invoke(
        main, ["print", str(real_plan_folder), "--month", "2026-12", "--locale", "en"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        "The PDFs lack letters for Kurmanji, because fonts are missing on this computer. "
        "Install them (Debian or Ubuntu) with: sudo apt-get install fonts-noto-core; then "
        "print again."
    )
    assert "notdef" not in result.output and result.stderr == ""
