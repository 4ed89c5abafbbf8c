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
from roster.printouts.render import missing_glyphs, pdf_skip_reason


@dataclass(frozen=True)
class Printed:
    """The printouts written for a month."""

    folder: Path
    month: Month
    written: list[Path]
    pdf_skipped: str | None
    glyphs: str | None = None
    """One line when the PDFs lack letters: the languages affected and the fonts to
    install (:func:`roster.printouts.glyphs.glyph_problem`)."""

    @property
    def people(self) -> list[Path]:
        """The personal schedules among the files written."""
        return [path for path in self.written if path.parent.name == PEOPLE_FOLDER]

    def text(self) -> str:
        """What `roster print` prints."""
        target = self.folder / PRINT_FOLDER
        lines = [f"Wrote {len(self.written)} files to {target}:"]
        people = set(self.people)
        lines.extend(f"  {path}" for path in self.written if path not in people)
        lines.append(f"  {len(people)} personal schedules in {target / PEOPLE_FOLDER}")
        if self.pdf_skipped:
            lines.append(self.pdf_skipped)
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
    in one line of the result, by the languages they affect."""
    with writing(Path(folder), "roster print"):
        data = load_office(Path(folder))
        chosen = month_or_next(data.office, month, now)
        links = links_made(data) if with_links else None
        with missing_glyphs() as lacking:
            written = write_printouts(data, chosen, locale=locale, links=links)
        glyphs = glyph_problem(data, lacking, locale or data.office.locale)
        return Printed(data.folder, chosen, written, pdf_skip_reason(), glyphs)
