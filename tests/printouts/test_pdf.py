"""PDF smoke test: the rota and the door sign of the example month through WeasyPrint.

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

from roster.domain.month import Month
from roster.folder.load import load_office
from roster.printouts.context import load_input
from roster.printouts.documents import documents
from roster.printouts.door import Door
from roster.printouts.render import PdfRenderer, pdf_skip_reason, render_html

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
