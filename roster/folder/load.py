"""Reading and validating an office folder.

``load_office(folder)`` reads every file of the folder, validates it with the models in
``roster.office``, ``roster.team`` and ``roster.requests``, cross-checks them (ids,
languages, dates) and returns one :class:`OfficeData`. Every problem in every file is
collected and raised together as one :class:`RosterError`; nothing is written.
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from roster.domain.errors import Problem, RosterError, raise_if_any
from roster.domain.files import sha256_of
from roster.domain.month import Month
from roster.domain.office import Office
from roster.domain.office_data import Appointment, FolderNote, OfficeData
from roster.domain.requests import (
    Answer,
    AppointmentFile,
    AppointmentRequest,
    Overrides,
)
from roster.domain.team import Team
from roster.folder.cross_checks import (
    check_appointments,
    check_office_languages,
    check_overrides,
    check_team,
    language_check,
    raw_ids,
)
from roster.folder.messages import problems_from_validation
from roster.folder.month_files import POLL_SUFFIXES, month_files
from roster.folder.poll_csv import read_availability
from roster.folder.poll_xlsx import read_availability_xlsx
from roster.folder.signature import Signature, folder_signature
from roster.folder.visits_csv import read_visits
from roster.folder.yaml_reader import YamlDocument, read_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)
# The keys of an appointments file: the only words of it a message may repeat.
APPOINTMENT_KEYS = frozenset(
    {
        "appointments",
        *(info.alias or name for name, info in AppointmentRequest.model_fields.items()),
    }
)


def _validate(
    model: type[ModelT],
    doc: YamlDocument,
    problems: list[Problem],
    context: dict[str, Any] | None = None,
) -> ModelT | None:
    if doc.data is None:
        problems.append(
            Problem(
                doc.file,
                None,
                "",
                "is empty; fill it in (docs/office-folder.md explains it; roster init writes an example)",
            )
        )
        return None
    if not isinstance(doc.data, dict):
        problems.append(
            Problem(
                doc.file,
                1,
                "",
                "must be a mapping of keys to values at the top; "
                "write key: value lines there, without a leading '- '",
            )
        )
        return None
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, doc, model))
        return None


def _read_model(
    folder: Path,
    name: str,
    model: type[ModelT],
    problems: list[Problem],
    confidential_keys: frozenset[str] | None = None,
    context: dict[str, Any] | None = None,
) -> tuple[ModelT | None, YamlDocument | None]:
    path = folder / name
    if not path.is_file():
        return None, None
    doc, found = read_yaml(path, name, confidential_keys)
    problems.extend(found)
    if found:
        return None, doc
    return _validate(model, doc, problems, context), doc


KEPT = 8
"""How many folders :func:`load_office` keeps read (the web app serves one)."""
_kept: OrderedDict[Path, tuple[Signature, OfficeData]] = OrderedDict()
_kept_lock = threading.Lock()


def load_office(folder: Path) -> OfficeData:
    """Read and validate the office folder; raise :class:`RosterError` with every problem.

    A folder read before whose input files have not changed since (the same
    :func:`~roster.folder.signature.folder_signature`) is not read again: the result is a
    copy of the one kept, so a caller may change it freely. Problems are never kept: a
    folder with errors is read every time."""
    folder = Path(folder)
    key = folder.absolute()
    before = folder_signature(folder) if folder.is_dir() else None
    if before is not None:
        with _kept_lock:
            kept = _kept.get(key)
            if kept is not None and kept[0] == before:
                _kept.move_to_end(key)
                return _copy_for(kept[1], folder)
    data = _read_office(folder)
    after = folder_signature(folder) if before is not None else None
    if before is not None and after == before:
        with _kept_lock:
            _kept[key] = (before, copy.deepcopy(data))
            _kept.move_to_end(key)
            while len(_kept) > KEPT:
                _kept.popitem(last=False)
    return data


def _copy_for(data: OfficeData, folder: Path) -> OfficeData:
    copied = copy.deepcopy(data)
    copied.folder = folder
    return copied


def _read_office(folder: Path) -> OfficeData:
    """:func:`load_office` without keeping anything."""
    if not folder.is_dir():
        raise RosterError(
            f"{folder} is not a folder. Give the path of an office folder (see `roster init`)."
        )
    problems: list[Problem] = [
        Problem(
            required,
            None,
            "",
            f"is missing in {folder}; every office folder needs it: create it "
            "(roster init writes a starter folder; docs/office-folder.md explains it)",
        )
        for required in ("office.yaml", "volunteers.yaml")
        if not (folder / required).is_file()
    ]
    office, office_doc = _read_model(folder, "office.yaml", Office, problems)
    if office is not None and office_doc is not None:
        check_office_languages(office, office_doc, problems)
    knows = language_check(office, office_doc)
    words = {"locale": _locale(office, office_doc)}  # the words of messages that list names
    team, team_doc = _read_model(folder, "volunteers.yaml", Team, problems, context=words)
    if team is not None and team_doc is not None:
        check_team(knows, team, team_doc, problems)
    people = {person.id: person for person in team.volunteers} if team else {}
    known_ids = set(people) if team else raw_ids(team_doc)

    notes: list[FolderNote] = []
    availability: dict[Month, dict[tuple[str, date], Answer]] = {}
    for month, path in month_files(folder, "availability", POLL_SUFFIXES, problems, notes):
        if path.suffix == ".xlsx":
            availability[month] = read_availability_xlsx(month, path, known_ids, problems)
        else:
            availability[month] = read_availability(month, path, known_ids, problems, notes)

    appointments: dict[Month, list[Appointment]] = {}
    for month, path in month_files(folder, "appointments", (".yaml",), problems, notes):
        model, doc = _read_model(
            folder, f"appointments/{path.name}", AppointmentFile, problems, APPOINTMENT_KEYS
        )
        if model is not None and doc is not None:
            appointments[month] = check_appointments(
                month, model, doc, office, knows, people, known_ids, problems
            )

    overrides: dict[Month, Overrides] = {}
    for month, path in month_files(folder, "overrides", (".yaml",), problems, notes):
        model_o, doc_o = _read_model(folder, f"overrides/{path.name}", Overrides, problems)
        if model_o is not None and doc_o is not None:
            check_overrides(month, model_o, doc_o, known_ids, knows, problems)
            overrides[month] = model_o

    visits = (
        read_visits(folder / "visits.csv", knows, problems, notes)
        if (folder / "visits.csv").is_file()
        else []
    )

    raise_if_any(problems, f"The office folder {folder} has errors")
    assert office is not None and team is not None  # noqa: S101 - guaranteed by raise_if_any
    files = {
        str(path.relative_to(folder).as_posix()): sha256_of(path) for path in _input_files(folder)
    }
    return OfficeData(
        folder=folder,
        office=office,
        volunteers=list(team.volunteers),
        availability=availability,
        appointments=appointments,
        visits=visits,
        overrides=overrides,
        files=files,
        notes=sorted(notes, key=lambda note: note.file),
    )


def _locale(office: Office | None, doc: YamlDocument | None) -> str:
    """The office's locale, also from an office.yaml with errors elsewhere (default de)."""
    if office is not None:
        return office.locale
    raw = doc.data.get("locale") if doc is not None and isinstance(doc.data, dict) else None
    return raw if raw in ("de", "en") else "de"


def _input_files(folder: Path) -> Iterable[Path]:
    for name in ("office.yaml", "volunteers.yaml", "visits.csv"):
        if (folder / name).is_file():
            yield folder / name
    for sub in ("availability", "appointments", "overrides"):
        if (folder / sub).is_dir():
            yield from sorted(
                p for p in (folder / sub).iterdir() if p.is_file() and not p.name.startswith(".")
            )
