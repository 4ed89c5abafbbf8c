"""`roster print`: the month's printouts, written into ``DIR/print/``.

Every document is rendered in memory first (HTML, and PDF when WeasyPrint is
installed). The month's printouts are one set that changes as a whole
(:mod:`roster.domain.generations`): they are written into ``print/generations/<month>/<n>/``
and made current in one atomic step by the link ``print/<month>``; the names people open
(``print/rota-YYYY-MM.html``, ``print/people/<id>-YYYY-MM.html``...) are links through it.
A run killed at any point or a full disk leaves the previous printouts of the month as they
were, and printouts that this run no longer makes (a date now closed, a volunteer who left,
a PDF when WeasyPrint is gone) leave with the old set, so ``print/`` never mixes two
versions of a month.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from roster.domain.generations import FileSet
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.printouts.agenda import build_agenda
from roster.printouts.context import PrintInput, load_input
from roster.printouts.door import build_door
from roster.printouts.render import PdfRenderer, pdf_skip_reason, render_html
from roster.printouts.rota import build_rota
from roster.printouts.schedules import build_schedules
from roster.printouts.sheets import build_sheets

log = logging.getLogger(__name__)
PRINT_FOLDER = "print"
PEOPLE_FOLDER = "people"
GENERATIONS_FOLDER = "generations"


@dataclass(frozen=True)
class Document:
    """One printout: where it goes (without suffix), its template and its data."""

    name: str
    template: str
    data: Any


def documents(source: PrintInput, links: dict[str, date | None] | None = None) -> list[Document]:
    """Every printout of the month, in the order they are listed."""
    month = str(source.month)
    result = [Document(f"rota-{month}", "rota.html.j2", build_rota(source))]
    result.extend(
        Document(f"appointments-{sheet.day.isoformat()}", "appointments.html.j2", sheet)
        for sheet in build_sheets(source)
    )
    result.append(Document(f"agenda-{month}", "agenda.html.j2", build_agenda(source)))
    result.append(Document(f"door-{month}", "door.html.j2", build_door(source)))
    result.extend(
        Document(f"{PEOPLE_FOLDER}/{sheet.volunteer}-{month}", "schedule.html.j2", sheet)
        for sheet in build_schedules(source, links)
    )
    return result


def render_all(
    source: PrintInput, *, pdf: bool, links: dict[str, date | None] | None = None
) -> dict[str, bytes]:
    """Relative path -> file content of every printout (HTML, and PDF when ``pdf``)."""
    rendered: dict[str, bytes] = {}
    renderer = PdfRenderer(source.plan.as_of) if pdf else None
    for document in documents(source, links):
        html = render_html(document.template, document.data, source.words)
        rendered[f"{document.name}.html"] = html.encode("utf-8")
        if renderer is not None:
            rendered[f"{document.name}.pdf"] = renderer.pdf(html)
    if renderer is not None:
        for warning in renderer.warnings:
            log.warning("WeasyPrint: %s", warning)
    return rendered


def month_files(folder: Path, month: Month) -> FileSet:
    """The printouts of ``month`` as a set that changes as a whole: generations in
    ``print/generations/<month>/<n>/``, the current one named by the link ``print/<month>``."""
    target = folder / PRINT_FOLDER
    return FileSet(
        home=target, pointer_name=str(month), store=target / GENERATIONS_FOLDER / str(month)
    )


def _earlier_layout(month: Month) -> re.Pattern[str]:
    """Files that roster versions before generation folders wrote for ``month``."""
    return re.compile(
        rf"^(rota-{month}|agenda-{month}|door-{month}|appointments-{month}-\d\d"
        rf"|{PEOPLE_FOLDER}/[A-Za-z0-9][A-Za-z0-9_-]{{0,31}}-{month})\.(html|pdf)$"
    )


def print_month(
    data: OfficeData,
    month: Month,
    *,
    locale: str | None = None,
    links: dict[str, date | None] | None = None,
) -> list[Path]:
    """Write the rota, appointment sheets, agenda, door sign and personal schedules of
    ``month`` into ``folder/print/``, as HTML and (with WeasyPrint) PDF.

    ``locale`` is ``de`` or ``en`` (default: the office's). ``links`` (volunteer id -> the
    date their feed link was made, or None) makes each personal schedule say whether the
    person's feed link was made, and when; the link itself is never printed (it is stored
    nowhere).

    Reads the office folder and the plan ``rotas/YYYY-MM.json`` (raises
    :class:`roster.errors.RosterError` when there is none), plus the plans of the three
    months before for the agenda's review. Returns the paths of the month's printouts
    (links into the current set), in order.
    """
    folder = data.folder
    source = load_input(data, month, locale)
    rendered = render_all(source, pdf=pdf_skip_reason() is None, links=links)
    names = list(rendered)
    earlier = _earlier_layout(month)
    # Files of the layout before generations are replaced before the switch: a reader sees
    # the old printouts or none, never some of each.
    month_files(folder, month).replace(
        rendered,
        names,
        legacy=lambda name: earlier.match(name) is not None,
        legacy_first=True,
    )
    target = folder / PRINT_FOLDER
    return [target / name for name in names]
