"""The print step of `roster demo`: print the demo month and say how to open the files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from roster.printouts.documents import PEOPLE_FOLDER, PRINT_FOLDER, print_month
from roster.printouts.render import pdf_skip_reason

if TYPE_CHECKING:
    from roster.demo import DemoReport
    from roster.loading import OfficeData


def _kind(path: Path) -> str:
    if path.parent.name == PEOPLE_FOLDER:
        return "personal schedules"
    return path.name.split("-", 1)[0]


def demo_print(data: OfficeData, report: DemoReport) -> None:
    """Print the demo month into ``DIR/print/`` and add the section, paths and hints."""
    folder, month = data.folder, report.month
    if report.lacks_plan("print", "there is nothing to print yet", "print"):
        return
    written = print_month(folder, month)
    counts: dict[str, int] = {}
    for path in written:
        if path.suffix == ".html":
            counts[_kind(path)] = counts.get(_kind(path), 0) + 1
    lines = ["== print ==", f"Printouts of {month} in {folder / PRINT_FOLDER}:"]
    labels = {
        "rota": "rota (wall, A4 landscape)",
        "appointments": "appointment sheets (desk only)",
        "agenda": "team-meeting agenda",
        "door": "door sign (public, no names)",
        "personal schedules": "personal schedules (people/)",
    }
    lines.extend(f"  {count:>3} {labels.get(kind, kind)}" for kind, count in counts.items())
    skipped = pdf_skip_reason()
    lines.append(skipped or "Each as HTML and PDF.")
    report.sections.append("\n".join(lines))
    report.written.extend(path for path in written if path.parent.name != PEOPLE_FOLDER)
    report.written.append(folder / PRINT_FOLDER / PEOPLE_FOLDER)
    rota = folder / PRINT_FOLDER / f"rota-{month}"
    report.hints.extend(
        [
            f"Open the rota in a browser: {rota}.html"
            + ("" if skipped else f" (print-ready: {rota}.pdf)"),
            f"  e.g. xdg-open {rota}.{'html' if skipped else 'pdf'}   (macOS: open ...)",
            f"Print again after a change: roster print {folder} --month {month}",
        ]
    )
