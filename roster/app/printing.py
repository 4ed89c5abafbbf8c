"""The print job: the month's printouts into ``print/``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from calendars.feed_refs import FeedRef
from calendars.tokens import read_tokens
from roster.app.clock import month_or_next
from roster.app.guard import writing
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office
from roster.printouts.documents import PEOPLE_FOLDER, PRINT_FOLDER
from roster.printouts.documents import print_month as write_printouts
from roster.printouts.glyphs import glyph_problem
from roster.printouts.render import missing_glyphs, pdf_problem
from roster.wording.catalogue import plural, text
from roster.wording.dates import date_text


def pdf_lines(problem: str | None, locale: str) -> list[str]:
    """Why PDFs were not written and how to get them, in ``locale``; none when they were."""
    if problem is None:
        return []
    return [
        text(locale, "command.pdf_skipped", problem=problem),
        text(locale, "command.pdf_install"),
    ]


@dataclass(frozen=True)
class Printed:
    """The printouts written for a month."""

    folder: Path
    month: Month
    written: list[Path]
    pdf_skipped: str | None
    """Why PDFs were not written (WeasyPrint missing or broken), or None."""
    glyphs: str | None = None
    """One line when the PDFs lack letters: the languages affected and the fonts to
    install (:func:`roster.printouts.glyphs.glyph_problem`)."""
    locale: str = "en"
    """The language of :meth:`text`."""

    @property
    def people(self) -> list[Path]:
        """The personal schedules among the files written (HTML and PDF)."""
        return [path for path in self.written if path.parent.name == PEOPLE_FOLDER]

    @property
    def people_count(self) -> int:
        """How many people got a personal schedule (each as HTML and, with PDFs, PDF)."""
        return len({path.stem for path in self.people})

    def text(self) -> str:
        """What `roster print` prints, in the office's language (or the one asked for)."""
        target = self.folder / PRINT_FOLDER
        month = date_text(self.month.first, "LLLL yyyy", self.locale)
        lines = [text(self.locale, "command.printed", month=month)]
        people = set(self.people)
        lines.extend(f"  {path}" for path in self.written if path not in people)
        lines.append(
            "  "
            + plural(
                self.locale, "command.people", self.people_count, folder=target / PEOPLE_FOLDER
            )
        )
        lines.extend(pdf_lines(self.pdf_skipped, self.locale))
        if self.glyphs:
            lines.append(self.glyphs)
        return "\n".join(lines) + "\n"


def links_made(data: OfficeData) -> dict[str, date | None]:
    """Volunteer id -> the date their live feed link was made, or None without one."""
    tokens = read_tokens(data.folder)
    made: dict[str, date | None] = {}
    for person in data.volunteers:
        record = tokens.of_feed(FeedRef("volunteer", person.id).label)
        made[person.id] = date.fromisoformat(record.created[:10]) if record else None
    return made


def print_month(
    folder: Path,
    month: Month | str | None = None,
    *,
    locale: str | None = None,
    with_links: bool = False,
    now: datetime | None = None,
) -> Printed:
    """Write the rota, appointment sheets, agenda, door sign and personal schedules of the
    month into ``print/``; ``with_links`` says on each schedule whether and when the
    person's feed link was made. Letters the PDFs lack (a font not installed) are named
    in one line of the result, by the languages they affect. Printouts and the result's
    text are in ``locale`` (default: the office's)."""
    with writing(Path(folder), "roster print"):
        data = load_office(Path(folder))
        chosen = month_or_next(data.office, month, now)
        links = links_made(data) if with_links else None
        with missing_glyphs() as lacking:
            written = write_printouts(data, chosen, locale=locale, links=links)
        words = locale or data.office.locale
        glyphs = glyph_problem(data, lacking, words)
        return Printed(data.folder, chosen, written, pdf_problem(), glyphs, words)
