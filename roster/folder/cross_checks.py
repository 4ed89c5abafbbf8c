"""Checks across the files of an office folder: languages, ids, appointments and overrides
against the office and the team."""

from __future__ import annotations

from collections.abc import Callable

from roster.domain.errors import Problem
from roster.domain.languages import babel_knows
from roster.domain.month import Month
from roster.domain.office import Office
from roster.domain.office_data import Appointment
from roster.domain.requests import (
    AppointmentFile,
    Assign,
    Forbid,
    Overrides,
)
from roster.domain.team import Team, Volunteer
from roster.domain.values import shown
from roster.folder.yaml_reader import YamlDocument, dotted

KnowsLanguage = Callable[[str], bool]


def unknown_language(
    file: str, line: int | None, field: str, code: str, *, quoted: bool = True
) -> Problem:
    """A language code neither Babel nor ``languages:`` in office.yaml knows.

    ``quoted=False`` in an appointments file: the message does not repeat the code."""
    what = f"'{shown(code)}'" if quoted else "the value"
    return Problem(
        file,
        line,
        field,
        f"{what} is not a language code roster knows; use an ISO 639 code such as ar, fa, "
        "fa-AF, ckb, ti, or name it under languages: in office.yaml, e.g. "
        "kmr: {de: Kurmandschi, en: Kurmanji}",
    )


def check_office_languages(office: Office, doc: YamlDocument, problems: list[Problem]) -> None:
    for index, rule in enumerate(office.sessions):
        if rule.kind != "open_hours":
            continue
        for code in getattr(rule, "interpreters", {}):
            if not office.knows_language(code):
                path = ("sessions", index, "interpreters", code)
                problems.append(
                    unknown_language(
                        doc.file, doc.line_of(path), f"sessions[{index}].interpreters.{code}", code
                    )
                )


def language_check(office: Office | None, doc: YamlDocument | None) -> KnowsLanguage:
    """Whether a language code is known: by the office, or (office.yaml invalid) by Babel
    and the codes named under ``languages:`` in the file, so other files are still checked."""
    if office is not None:
        return office.knows_language
    names = doc.data.get("languages") if doc is not None and isinstance(doc.data, dict) else None
    extra = {str(code) for code in names} if isinstance(names, dict) else set()
    return lambda code: code in extra or babel_knows(code)


def raw_ids(doc: YamlDocument | None) -> set[str] | None:
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


def check_team(
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
                    unknown_language(
                        doc.file, doc.line_of(path), f"volunteers[{index}].languages.{code}", code
                    )
                )


def check_appointments(
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
            problems.append(
                unknown_language(doc.file, *where("language"), request.language, quoted=False)
            )
            ok = False
        if request.earliest not in month or request.latest not in month:
            line, field_ = where("earliest" if request.earliest not in month else "latest")
            problems.append(
                Problem(
                    doc.file,
                    line,
                    field_,
                    f"the window from earliest to latest reaches outside {month}; this file "
                    f"holds requests for {month} only: narrow the window or move the request "
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
                    "the appointment is longer than the longest appointment session "
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
                        "the value is not an id in volunteers.yaml; "
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
                        f"this volunteer ({person.name} in volunteers.yaml) is not a counsellor "
                        "or social worker; write the id of a counsellor, or remove counsellor",
                    )
                )
                ok = False
        if ok:
            counts[request.case] = counts.get(request.case, 0) + 1
            number = counts[request.case]
            result.append(Appointment(f"{request.case}#{number}", request, number))
    return result


def check_overrides(
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
                unknown_language(doc.file, doc.line_of(path), dotted(path), entry.language)
            )
        if known_ids is not None and entry.volunteer not in known_ids:
            problems.append(
                Problem(
                    doc.file,
                    doc.line_of((kind, index, "volunteer")),
                    f"{kind}[{index}].volunteer",
                    f"'{shown(entry.volunteer)}' is not an id in volunteers.yaml; fix the id",
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
