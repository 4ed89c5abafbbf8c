"""Adding, changing and cancelling the month's appointment requests, for the office
lead's Appointments pages and ``/api/months/{month}/appointments``.

Each function loads the folder under its lock, checks what the lead entered
(:mod:`roster.app.appointment_checks`: problems in the office's language, next to their
field), edits ``appointments/YYYY-MM.yaml`` with ruamel's round trip (comments and the
writing of the other requests stay: :mod:`roster.app.appointment_yaml`) and saves it
through :func:`roster.app.edits.save_files`, which validates the whole folder as it would
be and records the change. The change log says what kind of request changed (its
language and length), never its case reference, never its note.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from roster.app.appointment_checks import FIELDS, Checked, Draft, check_draft
from roster.app.appointment_yaml import append_request, remove_request, update_request
from roster.app.appointments import AppointmentItem, file_name, find, item_of, plan_of
from roster.app.edits import COMMAND, save_files
from roster.app.guard import writing
from roster.domain.errors import Problem, RosterError
from roster.domain.languages import language_name
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office
from roster.folder.yaml_edit import EditableYaml, dump_edited, load_for_edit
from roster.wording.catalogue import plural, text
from roster.wording.dates import date_text


def _say(locale: str, key: str, /, **values: object) -> str:
    return text(locale, f"web.{key}", **values)


def _document(folder: Path, month: Month) -> EditableYaml:
    name = file_name(month)
    path = folder / name
    content = path.read_bytes().decode("utf-8-sig") if path.is_file() else ""
    return load_for_edit(name, content)


def at_own_field(problem: Problem, name: str, index: int, locale: str) -> Problem:
    """A problem of the folder's check at the edited request: at the form's field, in the
    office's words (the check's own message is in English and never says the value)."""
    prefix = f"appointments[{index}]."
    if problem.file != name or not problem.field.startswith(prefix):
        return problem
    key = problem.field.removeprefix(prefix).split(".", 1)[0].split("[", 1)[0]
    if key not in FIELDS:
        return problem
    return Problem(problem.file, None, key, _say(locale, "field_invalid"))


def _save(
    folder: Path,
    data: OfficeData,
    month: Month,
    document: EditableYaml,
    index: int,
    checked: Checked,
    *,
    change: str,
    who: str,
    now: datetime | None,
    lock_wait: float | None,
) -> OfficeData:
    locale = data.office.locale
    name = file_name(month)
    try:
        return save_files(
            folder,
            {name: dump_edited(document)},
            who=who,
            key=f"web.appointments_change_{change}",
            month=month,
            now=now,
            lock_wait=lock_wait,
            locale=locale,
            month_name=date_text(month.first, "LLLL yyyy", locale),
            language=language_name(checked.language, locale, data.office.languages),
            length=plural(locale, "web.appointments_minutes", checked.minutes),
        )
    except RosterError as exc:
        if not exc.problems:
            raise
        problems = [at_own_field(problem, name, index, locale) for problem in exc.problems]
        raise RosterError(exc.message, problems) from None


def _refused(data: OfficeData, problems: list[Problem]) -> RosterError:
    return RosterError(_say(data.office.locale, "not_saved"), problems)


def _item(folder: Path, data: OfficeData, month: Month, index: int) -> AppointmentItem:
    return item_of(data.appointments_of(month)[index], month, plan_of(folder, month), data)


def add_appointment(
    folder: Path,
    month: Month | str,
    draft: Draft,
    *,
    who: str,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> AppointmentItem:
    """Add the request ``draft`` to ``month``; the request as the list shows it.
    :class:`RosterError` with a problem per wrong field, and nothing is written."""
    folder = Path(folder)
    chosen = Month.parse(str(month))
    with writing(folder, COMMAND, wait=lock_wait):
        data = load_office(folder)
        checked, problems = check_draft(draft, data, chosen, file_name(chosen))
        if checked is None:
            raise _refused(data, problems)
        document = _document(folder, chosen)
        index = append_request(document, checked.values())
        saved = _save(
            folder,
            data,
            chosen,
            document,
            index,
            checked,
            change="added",
            who=who,
            now=now,
            lock_wait=lock_wait,
        )
        return _item(folder, saved, chosen, index)


def change_appointment(
    folder: Path,
    month: Month | str,
    case: str,
    number: int,
    draft: Draft,
    *,
    who: str,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> AppointmentItem:
    """Change the request of ``case`` (its ``number``-th in the month) to ``draft``; the
    request as the list shows it. :class:`~roster.app.appointments.AppointmentNotFoundError`
    when there is no such request; :class:`RosterError` with a problem per wrong field,
    and nothing is written."""
    folder = Path(folder)
    chosen = Month.parse(str(month))
    with writing(folder, COMMAND, wait=lock_wait):
        data = load_office(folder)
        index, _ = find(data, chosen, case, number)
        checked, problems = check_draft(draft, data, chosen, file_name(chosen), editing=index)
        if checked is None:
            raise _refused(data, problems)
        document = _document(folder, chosen)
        requests = document.data["appointments"]
        update_request(requests[index], checked.values())
        saved = _save(
            folder,
            data,
            chosen,
            document,
            index,
            checked,
            change="saved",
            who=who,
            now=now,
            lock_wait=lock_wait,
        )
        return _item(folder, saved, chosen, index)


def cancel_appointment(
    folder: Path,
    month: Month | str,
    case: str,
    number: int = 1,
    *,
    who: str,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> None:
    """Remove the request of ``case`` (its ``number``-th in the month) from the month's
    file; :class:`~roster.app.appointments.AppointmentNotFoundError` when there is none."""
    folder = Path(folder)
    chosen = Month.parse(str(month))
    with writing(folder, COMMAND, wait=lock_wait):
        data = load_office(folder)
        index, appointment = find(data, chosen, case, number)
        request = appointment.request
        document = _document(folder, chosen)
        remove_request(document, index)
        checked = Checked(
            case=request.case,
            language=request.language,
            minutes=request.minutes,
            earliest=request.earliest,
            latest=request.latest,
            counsellor=request.counsellor,
            note=None,
        )
        _save(
            folder,
            data,
            chosen,
            document,
            index,
            checked,
            change="cancelled",
            who=who,
            now=now,
            lock_wait=lock_wait,
        )
