"""Plain-text summaries of an office for `roster check`, `roster calendar` and `roster forecast`.

Every word comes from the catalogue (``summary.*`` in :mod:`roster.wording.summaries`),
dates and numbers from :mod:`roster.wording.dates`.
"""

from __future__ import annotations

import json
from collections import Counter

from roster.domain.forecast import LanguageNeed, month_needs, trends
from roster.domain.languages import language_name
from roster.domain.month import Month
from roster.domain.office_data import FolderNote, OfficeData
from roster.domain.sessions import MonthCalendar, month_calendar
from roster.wording.catalogue import plural, text
from roster.wording.dates import date_text, number_text, skeleton_text, time_text

ROLES = ("counsellor", "interpreter", "lead", "social_worker")
"""The roles counted by `roster check`, in the order shown."""


def _say(locale: str, key: str, /, **values: object) -> str:
    return text(locale, f"summary.{key}", **values)


def note_text(note: FolderNote, locale: str) -> str:
    """A note about a file read by a guess (Windows text) or not read, in plain words."""
    return _say(locale, f"note_{note.kind}", file=note.file)


def check_summary(data: OfficeData, locale: str = "en") -> str:
    """Volunteers per role, languages covered and by how many people, in ``locale``."""
    office = data.office

    def count(number: int, noun: str) -> str:
        return plural(locale, f"summary.{noun}", number)

    lines = [_say(locale, "valid", office=office.name), ""]
    roles: Counter[str] = Counter(role for person in data.volunteers for role in person.roles)
    trainees = sum(1 for person in data.volunteers if person.trainee)
    width = max(15, *(len(_say(locale, f"role_{role}")) for role in ROLES))
    lines.append(_say(locale, "volunteers", count=len(data.volunteers)))
    for role in ROLES:
        word = _say(locale, f"role_{role}")
        extra = " " + count(trainees, "trainees") if role == "counsellor" and trainees else ""
        lines.append(f"  {word:<{width}} {roles.get(role, 0)}{extra}")
    lines.append("")
    lines.append(_say(locale, "speakers"))
    speakers: Counter[str] = Counter()
    for person in data.volunteers:
        for code in person.interpreter_languages():
            if person.interprets() or person.counsels():
                speakers[code] += 1
    needed = (
        {code for rule in office.open_hours_rules() for code in rule.interpreters}
        | {record.language for record in data.visits}
        | {
            appointment.request.language
            for items in data.appointments.values()
            for appointment in items
        }
    )
    for code in sorted(set(speakers) | needed):
        name = language_name(code, locale, office.languages)
        number = speakers.get(code, 0)
        warn = "  " + _say(locale, "no_speaker") if number == 0 else ""
        lines.append(f"  {code:<6} {name:<22} {number}{warn}")
    lines.append("")
    months = sorted(set(data.availability) | set(data.appointments) | set(data.overrides))
    for month in months:
        polled = len({vid for vid, _ in data.availability.get(month, {})})
        overrides = data.overrides_of(month)
        lines.append(
            _say(
                locale,
                "month_inputs",
                month=_month_name(month, locale),
                volunteers=count(polled, "volunteer"),
                requests=count(len(data.appointments_of(month)), "request"),
                overrides=count(len(overrides.assign) + len(overrides.forbid), "override"),
            )
        )
    if data.visits:
        first, last = data.visits[0].date, data.visits[-1].date
        lines.append(
            _say(
                locale,
                "visit_log",
                rows=count(len(data.visits), "row"),
                first=skeleton_text(first, "yMMMd", locale),
                last=skeleton_text(last, "yMMMd", locale),
            )
        )
    if data.notes:
        lines.extend(["", _say(locale, "notes")])
        lines.extend(f"  - {note_text(note, locale)}" for note in data.notes)
    return "\n".join(lines).rstrip()


def _month_name(month: Month, locale: str) -> str:
    return date_text(month.first, "LLLL yyyy", locale)


def calendar_text(calendar: MonthCalendar, locale: str) -> str:
    """The month's sessions and closed dates, one per line, in ``locale`` (de or en)."""

    lines = [_say(locale, "sessions", month=_month_name(calendar.month, locale))]
    days = [skeleton_text(s.date, "MMMEd", locale) for s in calendar.sessions]
    width = max((len(day) for day in days), default=0)
    for day, session in zip(days, calendar.sessions, strict=True):
        lines.append(
            f"  {day:<{width}}  {time_text(session.start, 'HH:mm', locale)}-"
            f"{time_text(session.end, 'HH:mm', locale)}  {session.name}"
        )
    if not calendar.sessions:
        lines.append(f"  {_say(locale, 'none')}")
    if calendar.closed:
        lines.append(_say(locale, "closed"))
        closed_days = [skeleton_text(c.date, "yMMMEd", locale) for c in calendar.closed]
        width = max(len(day) for day in closed_days)
        for day, closed in zip(closed_days, calendar.closed, strict=True):
            lines.append(f"  {day:<{width}}  {closed.reason}")
    meeting = calendar.team_meeting
    if meeting is not None:
        line = _say(
            locale,
            "meeting",
            day=skeleton_text(meeting.date, "MMMEd", locale),
            time=time_text(meeting.start, "HH:mm", locale),
        )
        if meeting.moved_from is not None:
            line += _say(
                locale,
                "moved",
                day=skeleton_text(meeting.moved_from, "MMMd", locale),
                reason=meeting.moved_because or "",
            )
        lines.append(line)
    return "\n".join(lines)


def calendar_json(calendar: MonthCalendar) -> str:
    """The month's sessions and closed dates as JSON (ISO 8601 with UTC offsets)."""
    meeting = calendar.team_meeting
    data: dict[str, object] = {
        "month": str(calendar.month),
        "sessions": [
            {
                "id": s.id,
                "date": s.date.isoformat(),
                "name": s.name,
                "kind": s.kind,
                "start": s.start.isoformat(),
                "end": s.end.isoformat(),
            }
            for s in calendar.sessions
        ],
        "closed": [
            {"date": c.date.isoformat(), "reason": c.reason, "sessions": list(c.sessions)}
            for c in calendar.closed
        ],
        "team_meeting": None
        if meeting is None
        else {
            "date": meeting.date.isoformat(),
            "start": meeting.start.isoformat(),
            "end": meeting.end.isoformat(),
            "moved_from": meeting.moved_from.isoformat() if meeting.moved_from else None,
            "agenda": list(meeting.agenda),
        },
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def _cell(need: LanguageNeed | None, locale: str) -> str:
    if need is None:
        return "-"
    expected = number_text(need.expected_visitors, "#,##0.#", locale)
    return f"{expected} -> {need.interpreters}"


def forecast_text(data: OfficeData, month: Month, locale: str) -> str:
    """Expected visitors and interpreters needed per language and open-hours date."""

    month_name = _month_name(month, locale)
    needs = month_needs(data, month)
    calendar = month_calendar(data.office, month, locale)
    fitted = trends(data, before=month.first)
    lines = []
    if fitted:
        points = max(t.points for t in fitted.values())
        lines.append(_say(locale, "trend_head", points=points, month=month_name))
    else:
        lines.append(_say(locale, "no_log"))
    sessions = [s for s in calendar.sessions if s.kind == "open_hours"]
    if not sessions:
        lines.append(_say(locale, "no_sessions", month=month_name))
        return "\n".join(lines)
    codes = sorted({need.language for items in needs.values() for need in items})
    header = f"{_say(locale, 'language'):<24}" + "".join(
        f"{skeleton_text(s.date, 'MMMd', locale):>12}" for s in sessions
    )
    lines.append(header)
    standing = False
    for code in codes:
        mark = ""
        if fitted and code not in fitted:
            mark, standing = " *", True
        name = f"{code} {language_name(code, locale, data.office.languages)}{mark}"
        row = f"{name[:23]:<24}"
        for session in sessions:
            need = next((n for n in needs[session.id] if n.language == code), None)
            row += f"{_cell(need, locale):>12}"
        lines.append(row)
    lines.append(_say(locale, "cells"))
    if standing:
        lines.append(_say(locale, "standing"))
    if fitted:
        lines.append(_say(locale, "trend"))
        lines.extend(
            f"  {code}: {number_text(t.slope, '+0.00;-0.00', locale)}"
            for code, t in sorted(fitted.items())
        )
    return "\n".join(lines)
