"""The printouts of the page *Publish and print*: making them, listing them in plain words,
and handing one out for download.

Printing is :func:`roster.app.printing.print_month` with the dates the calendar links were
made, the very job of `roster print --with-links`, run under the folder lock with the web
app's wait and recorded in the change log. The list names each printout in the office's
words ("Door sign", "Personal schedule: Birgit Sommer") and gives it a plain file name
(``schedule-birgit-sommer-2026-12.pdf``: no id). It is made from the month's current set
of printouts (``print/<month>``); a printout is downloaded by a name from that list, never
by a path from the request.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from roster.app.changelog import record_change
from roster.app.guard import reading, writing
from roster.app.printing import print_month
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office
from roster.planfile.io import plan_path, read_plan
from roster.planfile.schema import Plan
from roster.printouts.documents import month_files
from roster.printouts.render import pdf_problem
from roster.wording.catalogue import text
from roster.wording.dates import date_text, skeleton_text

COMMAND = "roster web"
"""The name the folder lock shows to another run waiting for it."""
MEDIA_TYPES = {"pdf": "application/pdf", "html": "text/html; charset=utf-8"}
_PRINTOUT = re.compile(
    r"^(?:(?P<document>rota|agenda|door)-(?P<month>\d{4}-\d{2})"
    r"|appointments-(?P<day>\d{4}-\d{2}-\d{2})"
    r"|people/(?P<person>[A-Za-z0-9][A-Za-z0-9_-]{0,31})-(?P<person_month>\d{4}-\d{2}))"
    r"\.(?P<kind>html|pdf)$"
)
"""The printouts `roster print` makes of a month, by their path in its set."""
_LATIN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "\u0131": "i"})
"""Letters a file name spells out (German umlauts; the Turkish dotless i)."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class PrintFile(_Model):
    """One printout file to download."""

    name: str = Field(description="its name for downloading")
    label: str = Field(description="what it is, in words, with its kind")
    kind: Literal["pdf", "html"]
    kind_text: str = Field(description="its kind in words: PDF, web page")
    media_type: str
    url: str = Field(description="where to download it")


class PrintDocument(_Model):
    """One printout (its PDF and its web page)."""

    label: str
    files: list[PrintFile]


class PrintList(_Model):
    """The month's printouts."""

    month: str = Field(description="YYYY-MM")
    month_text: str
    planned: bool = Field(description="the month has a plan (printouts can be made)")
    pdf: bool = Field(description="PDF files can be made on this computer")
    html_only: str | None = Field(
        default=None, description="without PDF: that the printouts are web pages, in words"
    )
    glyphs: str | None = Field(
        default=None, description="letters the PDFs lack, in words (only right after printing)"
    )
    documents: list[PrintDocument]


@dataclass(frozen=True)
class Download:
    """A printout's bytes, its kind and its name for the browser."""

    name: str
    media_type: str
    content: bytes


def say(locale: str, key: str, /, **values: object) -> str:
    """The ``web.*`` text ``key`` in ``locale``."""
    return text(locale, f"web.{key}", **values)


def month_words(month: Month, locale: str) -> str:
    """``Dezember 2026``: the month in words."""
    return date_text(month.first, "LLLL yyyy", locale)


def plan_of(folder: Path, month: Month) -> Plan | None:
    """The month's plan, or None when it is not planned."""
    path = plan_path(folder, month)
    if not path.is_file():
        return None
    plan = read_plan(path)
    return plan if plan.month == str(month) else None


def not_planned(data: OfficeData, month: Month) -> RosterError:
    """The error of a month that must be planned first."""
    locale = data.office.locale
    return RosterError(say(locale, "publish_not_planned", month=month_words(month, locale)))


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name.casefold().translate(_LATIN))
    return re.sub(r"[^a-z0-9]+", "-", plain.encode("ascii", "ignore").decode()).strip("-")


def _schedule_names(data: OfficeData, month: Month) -> dict[str, str]:
    """Volunteer id -> the name of their schedule's file: ``schedule-birgit-sommer-2026-12``
    (the id only where two names give the same file name)."""
    slugs = {person.id: _slug(person.name) or "person" for person in data.volunteers}
    taken = list(slugs.values())
    return {
        vid: f"schedule-{slug}-{month}"
        if taken.count(slug) == 1
        else f"schedule-{slug}-{vid}-{month}"
        for vid, slug in slugs.items()
    }


@dataclass(frozen=True)
class _Printout:
    """One file of the month's printouts: where it is, its name for downloading, its label,
    its kind, the document it belongs to and its place in the list."""

    path: Path
    name: str
    label: str
    kind: Literal["pdf", "html"]
    document: str
    rank: tuple[int, str]


def _describe(
    match: re.Match[str], data: OfficeData, month: Month, schedules: dict[str, str]
) -> tuple[tuple[int, str], str, str] | None:
    """Place in the list, label and download name (without suffix) of a printout of
    ``month``; None for another month's."""
    locale = data.office.locale
    if match["document"]:
        if match["month"] != str(month):
            return None
        rank = {"rota": 0, "agenda": 2, "door": 3}[match["document"]]
        stem = f"{match['document']}-{month}"
        return (rank, ""), say(locale, f"publish_file_{match['document']}"), stem
    if match["day"]:
        day = date.fromisoformat(match["day"])
        if Month.of(day) != month:
            return None
        label = say(
            locale, "publish_file_appointments", day=skeleton_text(day, "MMMMEEEEd", locale)
        )
        return (1, match["day"]), label, f"appointments-{match['day']}"
    if match["person_month"] != str(month):
        return None
    person = data.by_id().get(match["person"])
    if person is None:
        gone = say(locale, "publish_file_schedule_gone")
        return (5, match["person"]), gone, f"schedule-{match['person']}-{month}"
    label = say(locale, "publish_file_schedule", name=person.name)
    return (4, person.name.casefold()), label, schedules[person.id]


def _printouts(data: OfficeData, month: Month) -> list[_Printout]:
    """The month's current printouts that `roster print` makes, in the page's order (each
    document's PDF before its web page)."""
    generation = month_files(data.folder, month).current()
    if generation is None or not generation.is_dir():
        return []
    schedules = _schedule_names(data, month)
    found: list[_Printout] = []
    for path in generation.rglob("*"):
        relative = path.relative_to(generation).as_posix()
        match = _PRINTOUT.match(relative)
        if match is None or path.is_symlink() or not path.is_file():
            continue
        described = _describe(match, data, month, schedules)
        if described is None:
            continue
        rank, label, stem = described
        kind: Literal["pdf", "html"] = "pdf" if match["kind"] == "pdf" else "html"
        document = relative.rsplit(".", 1)[0]
        found.append(_Printout(path, f"{stem}.{kind}", label, kind, document, rank))
    return sorted(found, key=lambda item: (item.rank, item.document, item.kind != "pdf"))


def print_list(data: OfficeData, month: Month, glyphs: str | None = None) -> PrintList:
    """The month's printouts in plain words, grouped by document; ``glyphs`` is the line
    about letters the PDFs lack, right after printing."""
    locale = data.office.locale
    pdf = pdf_problem() is None
    documents: dict[str, tuple[str, list[PrintFile]]] = {}
    for item in _printouts(data, month):
        kind = say(locale, f"publish_kind_{item.kind}")
        documents.setdefault(item.document, (item.label, []))[1].append(
            PrintFile(
                name=item.name,
                label=say(locale, "publish_download", label=item.label, kind=kind),
                kind=item.kind,
                kind_text=kind,
                media_type=MEDIA_TYPES[item.kind],
                url=f"/publish/{month}/files/{item.name}",
            )
        )
    return PrintList(
        month=str(month),
        month_text=month_words(month, locale),
        planned=plan_of(data.folder, month) is not None,
        pdf=pdf,
        html_only=None
        if pdf
        else say(locale, "publish_html_only") + " " + say(locale, "publish_html_only_why"),
        glyphs=glyphs,
        documents=[PrintDocument(label=label, files=files) for label, files in documents.values()],
    )


def print_files(folder: Path, month: Month | str) -> PrintList:
    """The month's printouts to download (``GET /api/months/{month}/print``)."""
    with reading():
        data = load_office(Path(folder))
        return print_list(data, Month.parse(str(month)))


def make_printouts(
    folder: Path,
    month: Month | str,
    *,
    who: str,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> PrintList:
    """Make the month's printouts (as `roster print --with-links` does) and list them; a
    month without a plan: :class:`RosterError` and nothing made."""
    folder = Path(folder)
    chosen = Month.parse(str(month))
    with writing(folder, COMMAND, wait=lock_wait):
        data = load_office(folder)
        if plan_of(folder, chosen) is None:
            raise not_planned(data, chosen)
        printed = print_month(folder, chosen, with_links=True, now=now)
        record_change(
            folder,
            who,
            "web.publish_printed_change",
            month=chosen,
            now=now,
            lock_wait=lock_wait,
            month_name=month_words(chosen, data.office.locale),
        )
        return print_list(data, chosen, printed.glyphs)


def print_file(folder: Path, month: Month | str, name: str) -> Download | None:
    """The printout ``name`` of the month's list, or None when the list has no such name."""
    with reading():
        data = load_office(Path(folder))
        for item in _printouts(data, Month.parse(str(month))):
            if item.name == name:
                return Download(item.name, MEDIA_TYPES[item.kind], item.path.read_bytes())
    return None
