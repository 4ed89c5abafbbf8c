"""Reading and validating an office folder.

``load_office(folder)`` reads every file of the folder, validates it with the models in
``roster.office``, ``roster.team`` and ``roster.requests``, cross-checks them (ids,
languages, dates) and returns one :class:`OfficeData`. Every problem in every file is
collected and raised together as one :class:`RosterError`; nothing is written.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from roster.errors import Problem, RosterError, raise_if_any
from roster.files import sha256_of
from roster.languages import babel_knows
from roster.month import Month
from roster.office import Office
from roster.plain_errors import problems_from_validation
from roster.requests import (
    ANSWERS,
    Answer,
    AppointmentFile,
    AppointmentRequest,
    Assign,
    Forbid,
    Overrides,
    VisitRecord,
)
from roster.team import Team, Volunteer
from roster.yaml_source import YamlDocument, dotted, read_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)
KnowsLanguage = Callable[[str], bool]
_MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})$")
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})?$")


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
            f"appointments/{month}.yaml",
            f"overrides/{month}.yaml",
        }
        return {
            name: digest
            for name, digest in sorted(self.files.items())
            if name in keep or name in monthly
        }


def _validate(model: type[ModelT], doc: YamlDocument, problems: list[Problem]) -> ModelT | None:
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
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(problems_from_validation(exc, doc, model))
        return None


def _read_model(
    folder: Path, name: str, model: type[ModelT], problems: list[Problem]
) -> tuple[ModelT | None, YamlDocument | None]:
    path = folder / name
    if not path.is_file():
        return None, None
    doc, found = read_yaml(path, name)
    problems.extend(found)
    if found:
        return None, doc
    return _validate(model, doc, problems), doc


def _month_files(
    folder: Path, sub: str, suffix: str, problems: list[Problem]
) -> list[tuple[Month, Path]]:
    base = folder / sub
    if not base.is_dir():
        return []
    result: list[tuple[Month, Path]] = []
    for path in sorted(base.iterdir()):
        if path.name.startswith((".", "~")) or path.is_dir():
            continue  # hidden files and the lock files of spreadsheets
        if path.suffix.lower() not in (".csv", ".yaml", ".yml"):
            continue  # notes, backups and *.example files are not data
        match = _MONTH_FILE.match(path.stem)
        if path.suffix != suffix or not match or not 1 <= int(match.group(2)) <= 12:
            problems.append(
                Problem(
                    f"{sub}/{path.name}",
                    None,
                    "",
                    f"is not named like a month; name it YYYY-MM{suffix}, e.g. 2026-12{suffix}",
                )
            )
            continue
        result.append((Month(int(match.group(1)), int(match.group(2))), path))
    return result


def _read_csv(
    path: Path, name: str, header: str, problems: list[Problem]
) -> list[tuple[int, list[str]]] | None:
    """The non-empty rows with their line numbers; ``header`` is an example for messages."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(
            Problem(name, None, "", f"is not UTF-8 text ({exc.reason}); save it as UTF-8")
        )
        return None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            cells = [cell.strip() for cell in row]
            while cells and not cells[-1]:
                cells.pop()  # spreadsheets pad rows with empty cells
            if cells:
                rows.append((reader.line_num, cells))
    except csv.Error as exc:
        problems.append(
            Problem(
                name,
                reader.line_num,
                "",
                f"is not valid CSV ({exc}); save it again from the spreadsheet as CSV, "
                "comma or semicolon separated",
            )
        )
        return None
    if not rows:
        problems.append(
            Problem(name, None, "", f"is empty; it needs a header row such as {header}")
        )
        return None
    return rows


def _parse_day(text: str, month: Month | None) -> date | None:
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    match = _GERMAN_DATE.match(text)
    if match:
        year = int(match.group(3)) if match.group(3) else (month.year if month else 0)
        try:
            return date(year, int(match.group(2)), int(match.group(1)))
        except ValueError:
            return None
    return None


def _read_availability(
    month: Month, path: Path, known: set[str] | None, problems: list[Problem]
) -> dict[tuple[str, date], Answer]:
    """The poll's answers; ``known`` ids (None: volunteers.yaml unreadable, ids unchecked)."""
    name = f"availability/{path.name}"
    rows = _read_csv(path, name, f"volunteer,{month.first},...", problems)
    if rows is None:
        return {}
    header_line, header = rows[0]
    if not header or header[0].lower() not in ("volunteer", "id"):
        problems.append(
            Problem(
                name,
                header_line,
                "column 1",
                f"the first column must be 'volunteer' (the volunteer ids), not '{header[0] if header else ''}'; "
                "write volunteer as the first cell of the header row",
            )
        )
        return {}
    columns: list[date | None] = []
    for index, cell in enumerate(header[1:], start=2):
        day = _parse_day(cell, month)
        if not cell:
            problems.append(
                Problem(
                    name,
                    header_line,
                    f"column {index}",
                    "has no date in the header row; write its date there or delete the column",
                )
            )
            columns.append(None)
        elif day is None:
            problems.append(
                Problem(
                    name,
                    header_line,
                    f"column {index} '{cell}'",
                    f"'{cell}' is not a date; write the dates of {month} as YYYY-MM-DD "
                    f"(e.g. {month.first}) or DD.MM.YYYY",
                )
            )
            columns.append(None)
        elif day not in month:
            problems.append(
                Problem(
                    name,
                    header_line,
                    f"column {index} '{cell}'",
                    f"{day} is not in {month}: this file is the poll of {month} only; "
                    f"move the column to availability/{Month.of(day)}.csv",
                )
            )
            columns.append(None)
        elif day in columns:
            problems.append(
                Problem(
                    name,
                    header_line,
                    f"column {index} '{cell}'",
                    "this date has two columns; keep one",
                )
            )
            columns.append(None)
        else:
            columns.append(day)
    answers: dict[tuple[str, date], Answer] = {}
    seen: set[str] = set()
    for line, row in rows[1:]:
        volunteer = row[0]
        if not volunteer:
            problems.append(
                Problem(
                    name, line, "volunteer", "the first cell is empty; write the volunteer's id"
                )
            )
            continue
        if known is not None and volunteer not in known:
            problems.append(
                Problem(
                    name,
                    line,
                    "volunteer",
                    f"'{volunteer}' is not an id in volunteers.yaml; fix the id or add the person",
                )
            )
            continue
        if volunteer in seen:
            problems.append(
                Problem(
                    name,
                    line,
                    "volunteer",
                    f"'{volunteer}' has a second row; keep one row per person",
                )
            )
            continue
        seen.add(volunteer)
        if len(row) > len(header):
            problems.append(
                Problem(
                    name,
                    line,
                    f"column {len(header) + 1}",
                    "this row has more cells than the header has columns; "
                    "remove the extra cells or add their dates to the header",
                )
            )
        for index, cell in enumerate(row[1:], start=2):
            day = columns[index - 2] if index - 2 < len(columns) else None
            if not cell or day is None:
                continue
            answer = ANSWERS.get(cell.lower())
            if answer is None:
                problems.append(
                    Problem(
                        name,
                        line,
                        f"{header[index - 1]} ({volunteer})",
                        f"'{cell}' is not an answer; write yes, maybe or no (or ja, vielleicht, nein), or leave it empty",
                    )
                )
                continue
            answers[(volunteer, day)] = answer
    return answers


def _read_visits(path: Path, knows: KnowsLanguage, problems: list[Problem]) -> list[VisitRecord]:
    name = "visits.csv"
    rows = _read_csv(path, name, "date,language,visitors", problems)
    if rows is None:
        return []
    header_line, header = rows[0]
    lowered = [cell.lower() for cell in header]
    if sorted(lowered) != ["date", "language", "visitors"]:
        problems.append(
            Problem(
                name,
                header_line,
                "header",
                f"the columns must be date,language,visitors, not {','.join(header)}; "
                "write the header row date,language,visitors",
            )
        )
        return []
    at = {column: lowered.index(column) for column in lowered}
    records: list[VisitRecord] = []
    seen: dict[tuple[date, str], int] = {}
    for line, row in rows[1:]:
        if len(row) != 3:
            problems.append(
                Problem(
                    name,
                    line,
                    "row",
                    f"has {len(row)} cells; each row needs 3: date,language,visitors",
                )
            )
            continue
        day = _parse_day(row[at["date"]], None)
        language = row[at["language"]]
        if day is None:
            problems.append(
                Problem(
                    name,
                    line,
                    "date",
                    f"'{row[at['date']]}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-26",
                )
            )
            continue
        text = row[at["visitors"]]
        visitors = int(text) if text.isdigit() else -1
        if visitors < 0:
            problems.append(
                Problem(
                    name,
                    line,
                    "visitors",
                    f"'{row[at['visitors']]}' is not a whole number of 0 or more; "
                    "write the number of visitors, e.g. 3",
                )
            )
            continue
        if not knows(language):
            problems.append(_unknown_language(name, line, "language", language))
            continue
        if (day, language) in seen:
            problems.append(
                Problem(
                    name,
                    line,
                    "date",
                    f"{day} {language} is already counted on line {seen[(day, language)]}; "
                    "add the visitors up in one row and remove the other",
                )
            )
            continue
        seen[(day, language)] = line
        records.append(VisitRecord(date=day, language=language, visitors=visitors))
    return sorted(records, key=lambda r: (r.date, r.language))


def _unknown_language(file: str, line: int | None, field: str, code: str) -> Problem:
    return Problem(
        file,
        line,
        field,
        f"'{code}' is not a language code roster knows; use an ISO 639 code such as ar, fa, fa-AF, "
        "ckb, ti, or name it under languages: in office.yaml, e.g. kmr: {de: Kurmandschi, en: Kurmanji}",
    )


def _check_office_languages(office: Office, doc: YamlDocument, problems: list[Problem]) -> None:
    for index, rule in enumerate(office.sessions):
        if rule.kind != "open_hours":
            continue
        for code in getattr(rule, "interpreters", {}):
            if not office.knows_language(code):
                path = ("sessions", index, "interpreters", code)
                problems.append(
                    _unknown_language(
                        doc.file, doc.line_of(path), f"sessions[{index}].interpreters.{code}", code
                    )
                )


def _language_check(office: Office | None, doc: YamlDocument | None) -> KnowsLanguage:
    """Whether a language code is known: by the office, or (office.yaml invalid) by Babel
    and the codes named under ``languages:`` in the file, so other files are still checked."""
    if office is not None:
        return office.knows_language
    names = doc.data.get("languages") if doc is not None and isinstance(doc.data, dict) else None
    extra = {str(code) for code in names} if isinstance(names, dict) else set()
    return lambda code: code in extra or babel_knows(code)


def _raw_ids(doc: YamlDocument | None) -> set[str] | None:
    """The ids in a volunteers.yaml that did not validate, to check the other files against;
    None when the file is missing or not readable at all."""
    if doc is None or not isinstance(doc.data, dict):
        return None
    people = doc.data.get("volunteers")
    if not isinstance(people, list):
        return None
    return {
        str(person["id"])
        for person in people
        if isinstance(person, dict) and isinstance(person.get("id"), str | int)
    }


def _check_team(
    knows: KnowsLanguage, team: Team, doc: YamlDocument, problems: list[Problem]
) -> None:
    seen: dict[str, int] = {}
    for index, person in enumerate(team.volunteers):
        if person.id in seen:
            problems.append(
                Problem(
                    doc.file,
                    doc.line_of(("volunteers", index, "id")),
                    f"volunteers[{index}].id",
                    f"the id '{person.id}' is already used by volunteers[{seen[person.id]}]; give each person their own id",
                )
            )
        else:
            seen[person.id] = index
        for code in person.languages:
            if not knows(code):
                path = ("volunteers", index, "languages", code)
                problems.append(
                    _unknown_language(
                        doc.file, doc.line_of(path), f"volunteers[{index}].languages.{code}", code
                    )
                )


def _check_appointments(
    month: Month,
    requests: AppointmentFile,
    doc: YamlDocument,
    office: Office | None,
    knows: KnowsLanguage,
    people: dict[str, Volunteer],
    known_ids: set[str] | None,
    problems: list[Problem],
) -> list[Appointment]:
    longest = (
        max((rule.minutes for rule in office.appointment_rules()), default=0) if office else None
    )
    result: list[Appointment] = []
    counts: dict[str, int] = {}
    for index, request in enumerate(requests.appointments):

        def where(key: str, i: int = index) -> tuple[int | None, str]:
            return doc.line_of(("appointments", i, key)), f"appointments[{i}].{key}"

        ok = True
        if not knows(request.language):
            problems.append(_unknown_language(doc.file, *where("language"), request.language))
            ok = False
        if request.earliest not in month or request.latest not in month:
            line, field_ = where("earliest" if request.earliest not in month else "latest")
            problems.append(
                Problem(
                    doc.file,
                    line,
                    field_,
                    f"the window {request.earliest}..{request.latest} reaches outside {month}; "
                    f"this file holds requests for {month} only: narrow the window or move the request "
                    "to the file of its month",
                )
            )
            ok = False
        if longest is not None and request.minutes > longest:
            line, field_ = where("minutes")
            if longest == 0:
                message = "there are no appointment sessions in office.yaml; add a session with kind: appointments"
            else:
                message = (
                    f"{request.minutes} minutes is longer than the longest appointment session "
                    f"({longest} minutes); split the appointment or lengthen the session"
                )
            problems.append(Problem(doc.file, line, field_, message))
            ok = False
        if request.counsellor is not None:
            person = people.get(request.counsellor)
            line, field_ = where("counsellor")
            if known_ids is not None and request.counsellor not in known_ids:
                problems.append(
                    Problem(
                        doc.file,
                        line,
                        field_,
                        f"'{request.counsellor}' is not an id in volunteers.yaml; "
                        "write the id of the counsellor who keeps the case",
                    )
                )
                ok = False
            elif person is not None and not person.counsels():
                problems.append(
                    Problem(
                        doc.file,
                        line,
                        field_,
                        f"{person.id} ({person.name}) is not a counsellor or social worker; "
                        "write the id of a counsellor, or remove counsellor",
                    )
                )
                ok = False
        if ok:
            counts[request.case] = counts.get(request.case, 0) + 1
            number = counts[request.case]
            result.append(Appointment(f"{request.case}#{number}", request, number))
    return result


def _check_overrides(
    month: Month,
    overrides: Overrides,
    doc: YamlDocument,
    known_ids: set[str] | None,
    knows: KnowsLanguage,
    problems: list[Problem],
) -> None:
    rows: list[tuple[str, int, Assign | Forbid]] = [
        *(("assign", index, entry) for index, entry in enumerate(overrides.assign)),
        *(("forbid", index, entry) for index, entry in enumerate(overrides.forbid)),
    ]
    for kind, index, entry in rows:
        if isinstance(entry, Assign) and entry.language and not knows(entry.language):
            path = (kind, index, "language")
            problems.append(
                _unknown_language(doc.file, doc.line_of(path), dotted(path), entry.language)
            )
        if known_ids is not None and entry.volunteer not in known_ids:
            problems.append(
                Problem(
                    doc.file,
                    doc.line_of((kind, index, "volunteer")),
                    f"{kind}[{index}].volunteer",
                    f"'{entry.volunteer}' is not an id in volunteers.yaml; fix the id",
                )
            )
        if entry.date not in month:
            problems.append(
                Problem(
                    doc.file,
                    doc.line_of((kind, index, "date")),
                    f"{kind}[{index}].date",
                    f"{entry.date} is not in {month}: this file holds overrides for {month} only; "
                    f"move the entry to overrides/{Month.of(entry.date)}.yaml",
                )
            )


def load_office(folder: Path) -> OfficeData:
    """Read and validate the office folder; raise :class:`RosterError` with every problem."""
    folder = Path(folder)
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
        _check_office_languages(office, office_doc, problems)
    knows = _language_check(office, office_doc)
    team, team_doc = _read_model(folder, "volunteers.yaml", Team, problems)
    if team is not None and team_doc is not None:
        _check_team(knows, team, team_doc, problems)
    people = {person.id: person for person in team.volunteers} if team else {}
    known_ids = set(people) if team else _raw_ids(team_doc)

    availability: dict[Month, dict[tuple[str, date], Answer]] = {}
    for month, path in _month_files(folder, "availability", ".csv", problems):
        availability[month] = _read_availability(month, path, known_ids, problems)

    appointments: dict[Month, list[Appointment]] = {}
    for month, path in _month_files(folder, "appointments", ".yaml", problems):
        model, doc = _read_model(folder, f"appointments/{path.name}", AppointmentFile, problems)
        if model is not None and doc is not None:
            appointments[month] = _check_appointments(
                month, model, doc, office, knows, people, known_ids, problems
            )

    overrides: dict[Month, Overrides] = {}
    for month, path in _month_files(folder, "overrides", ".yaml", problems):
        model_o, doc_o = _read_model(folder, f"overrides/{path.name}", Overrides, problems)
        if model_o is not None and doc_o is not None:
            _check_overrides(month, model_o, doc_o, known_ids, knows, problems)
            overrides[month] = model_o

    visits = (
        _read_visits(folder / "visits.csv", knows, problems)
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
    )


def _input_files(folder: Path) -> Iterable[Path]:
    for name in ("office.yaml", "volunteers.yaml", "visits.csv"):
        if (folder / name).is_file():
            yield folder / name
    for sub in ("availability", "appointments", "overrides"):
        if (folder / sub).is_dir():
            yield from sorted(
                p for p in (folder / sub).iterdir() if p.is_file() and not p.name.startswith(".")
            )


def today_in(office: Office, now: datetime | None = None) -> date:
    """Today's date in the office's time zone."""
    return (now or datetime.now(office.zone)).astimezone(office.zone).date()
