"""The validated office: everything in an office folder, as one object.

Built by :func:`roster.folder.load.load_office`; every engine and the application take it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from roster.domain.month import Month
from roster.domain.office import Office
from roster.domain.requests import Answer, AppointmentRequest, Overrides, VisitRecord
from roster.domain.team import Volunteer


@dataclass(frozen=True)
class Appointment:
    """A request as the planner sees it: with a key unique in its month."""

    key: str
    request: AppointmentRequest
    number: int

    @property
    def case(self) -> str:
        """The case reference."""
        return self.request.case


NoteKind = Literal["windows_text", "not_read", "not_read_yaml"]
"""What a note says: ``windows_text``, a CSV file read as Windows text (cp1252), not UTF-8;
``not_read``, a file in ``availability/`` that is not a poll roster reads (``.ods``,
``.numbers``, ``.txt``...); ``not_read_yaml``, such a file in ``appointments/`` or
``overrides/``."""


@dataclass(frozen=True)
class FolderNote:
    """Something the office lead should know about a file that is no error: a guess made
    while reading it, or a file that was not read. ``roster check`` lists the notes and
    ``roster plan`` those of the month it plans; their words live in the catalogue."""

    file: str
    kind: NoteKind
    month: Month | None = None
    """The month the file is named after, if it is."""


@dataclass
class OfficeData:
    """Everything in an office folder, validated."""

    folder: Path
    office: Office
    volunteers: list[Volunteer]
    availability: dict[Month, dict[tuple[str, date], Answer]] = field(default_factory=dict)
    appointments: dict[Month, list[Appointment]] = field(default_factory=dict)
    visits: list[VisitRecord] = field(default_factory=list)
    overrides: dict[Month, Overrides] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    notes: list[FolderNote] = field(default_factory=list)

    def notes_of(self, month: Month) -> list[FolderNote]:
        """The notes that concern planning ``month``: its own files' and those of files of
        no month (``visits.csv`` read as Windows text, an unread ``availability/notes.ods``)."""
        return [note for note in self.notes if note.month in (None, month)]

    def volunteer(self, volunteer_id: str) -> Volunteer:
        """The volunteer with this id."""
        for person in self.volunteers:
            if person.id == volunteer_id:
                return person
        raise KeyError(volunteer_id)

    def by_id(self) -> dict[str, Volunteer]:
        """Volunteers by id."""
        return {person.id: person for person in self.volunteers}

    def answer(self, volunteer_id: str, day: date) -> Answer | None:
        """The person's poll answer for ``day``, or None without an answer."""
        return self.availability.get(Month.of(day), {}).get((volunteer_id, day))

    def appointments_of(self, month: Month) -> list[Appointment]:
        """The month's appointment requests."""
        return self.appointments.get(month, [])

    def overrides_of(self, month: Month) -> Overrides:
        """The month's overrides (empty when there is no file)."""
        return self.overrides.get(month, Overrides())

    def digest_files(self, month: Month) -> dict[str, str]:
        """SHA-256 of the files that shape the plan of ``month``."""
        keep = {"office.yaml", "volunteers.yaml", "visits.csv"}
        monthly = {
            f"availability/{month}.csv",
            f"availability/{month}.xlsx",
            f"appointments/{month}.yaml",
            f"overrides/{month}.yaml",
        }
        return {
            name: digest
            for name, digest in sorted(self.files.items())
            if name in keep or name in monthly
        }


def today_in(office: Office, now: datetime | None = None) -> date:
    """Today's date in the office's time zone."""
    return (now or datetime.now(office.zone)).astimezone(office.zone).date()
