"""Plain-text summaries of an office for `roster check`, `roster calendar` and `roster forecast`."""

from __future__ import annotations

import json
from collections import Counter

from babel.dates import format_date, format_skeleton, format_time
from babel.numbers import format_decimal

from roster.domain.forecast import LanguageNeed, month_needs, trends
from roster.domain.languages import language_name
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.domain.sessions import MonthCalendar, month_calendar

ROLE_WORDS = {
    "counsellor": "counsellors",
    "interpreter": "interpreters",
    "lead": "leads",
    "social_worker": "social workers",
}


def check_summary(data: OfficeData) -> str:
    """Volunteers per role, languages covered and by how many people."""
    office = data.office
    lines = [f"{office.name}: the folder is valid.", ""]
    roles: Counter[str] = Counter(role for person in data.volunteers for role in person.roles)
    trainees = sum(1 for person in data.volunteers if person.trainee)
    lines.append(f"Volunteers: {len(data.volunteers)}")
    for role, word in ROLE_WORDS.items():
        extra = f" ({trainees} trainees)" if role == "counsellor" and trainees else ""
        lines.append(f"  {word:<15} {roles.get(role, 0)}{extra}")
    lines.append("")
    lines.append("Languages (people who can interpret or counsel in them, fluent or better):")
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
        name = language_name(code, "en", office.languages)
        count = speakers.get(code, 0)
        warn = "  <- nobody; recruit or plan without it" if count == 0 else ""
        lines.append(f"  {code:<6} {name:<22} {count}{warn}")
    lines.append("")
    months = sorted(set(data.availability) | set(data.appointments) | set(data.overrides))
    for month in months:
        polled = len({vid for vid, _ in data.availability.get(month, {})})
        overrides = data.overrides_of(month)
        lines.append(
            f"{month}: poll answers from {_count(polled, 'volunteer')}, "
            f"{_count(len(data.appointments_of(month)), 'appointment request')}, "
            f"{_count(len(overrides.assign) + len(overrides.forbid), 'override')}"
        )
    if data.visits:
        first, last = data.visits[0].date, data.visits[-1].date
        lines.append(f"Visit log: {_count(len(data.visits), 'row')} from {first} to {last}")
    return "\n".join(lines).rstrip()


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "sessions": "Sessions in {month}:",
        "none": "(none)",
        "closed": "Closed:",
        "meeting": "Team meeting: {day} {time}",
        "moved": " (moved from {day}: {reason})",
        "trend_head": (
            "Forecast from visits.csv (linear trend over the last {points} open-hours dates "
            "before {month}):"
        ),
        "no_log": "No visit log (visits.csv): the standing interpreter need of office.yaml is used.",
        "no_sessions": "No open-hours sessions in {month}.",
        "language": "language",
        "cells": "Cells: expected visitors -> interpreters needed.",
        "standing": "* not in visits.csv: the standing need of office.yaml.",
        "trend": "Trend (visitors per week):",
    },
    "de": {
        "sessions": "Sprechstunden im {month}:",
        "none": "(keine)",
        "closed": "Geschlossen:",
        "meeting": "Teamsitzung: {day} {time} Uhr",
        "moved": " (verschoben vom {day}: {reason})",
        "trend_head": (
            "Prognose aus visits.csv (linearer Trend der letzten {points} offenen Sprechstunden "
            "vor {month}):"
        ),
        "no_log": (
            "Kein Besuchsprotokoll (visits.csv): es gilt der feste Dolmetschbedarf aus office.yaml."
        ),
        "no_sessions": "Keine offene Sprechstunde im {month}.",
        "language": "Sprache",
        "cells": "Zellen: erwartete Besucher -> benötigte Dolmetscher.",
        "standing": "* nicht in visits.csv: der feste Bedarf aus office.yaml.",
        "trend": "Trend (Besucher pro Woche):",
    },
}


def _words(locale: str) -> dict[str, str]:
    return _WORDS.get(locale, _WORDS["en"])


def _month_name(month: Month, locale: str) -> str:
    return format_date(month.first, "LLLL yyyy", locale=locale)


def calendar_text(calendar: MonthCalendar, locale: str) -> str:
    """The month's sessions and closed dates, one per line, in ``locale`` (de or en)."""
    words = _words(locale)
    lines = [words["sessions"].format(month=_month_name(calendar.month, locale))]
    days = [format_skeleton("MMMEd", s.date, locale=locale) for s in calendar.sessions]
    width = max((len(day) for day in days), default=0)
    for day, session in zip(days, calendar.sessions, strict=True):
        lines.append(
            f"  {day:<{width}}  {format_time(session.start, 'HH:mm', locale=locale)}-"
            f"{format_time(session.end, 'HH:mm', locale=locale)}  {session.name}"
        )
    if not calendar.sessions:
        lines.append(f"  {words['none']}")
    if calendar.closed:
        lines.append(words["closed"])
        closed_days = [format_skeleton("yMMMEd", c.date, locale=locale) for c in calendar.closed]
        width = max(len(day) for day in closed_days)
        for day, closed in zip(closed_days, calendar.closed, strict=True):
            lines.append(f"  {day:<{width}}  {closed.reason}")
    meeting = calendar.team_meeting
    if meeting is not None:
        line = words["meeting"].format(
            day=format_skeleton("MMMEd", meeting.date, locale=locale),
            time=format_time(meeting.start, "HH:mm", locale=locale),
        )
        if meeting.moved_from is not None:
            line += words["moved"].format(
                day=format_skeleton("MMMd", meeting.moved_from, locale=locale),
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
    expected = format_decimal(need.expected_visitors, format="#,##0.#", locale=locale)
    return f"{expected} -> {need.interpreters}"


def forecast_text(data: OfficeData, month: Month, locale: str) -> str:
    """Expected visitors and interpreters needed per language and open-hours date."""
    words = _words(locale)
    month_name = _month_name(month, locale)
    needs = month_needs(data, month)
    calendar = month_calendar(data.office, month, locale)
    fitted = trends(data, before=month.first)
    lines = []
    if fitted:
        points = max(t.points for t in fitted.values())
        lines.append(words["trend_head"].format(points=points, month=month_name))
    else:
        lines.append(words["no_log"])
    sessions = [s for s in calendar.sessions if s.kind == "open_hours"]
    if not sessions:
        lines.append(words["no_sessions"].format(month=month_name))
        return "\n".join(lines)
    codes = sorted({need.language for items in needs.values() for need in items})
    header = f"{words['language']:<24}" + "".join(
        f"{format_skeleton('MMMd', s.date, locale=locale):>12}" for s in sessions
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
    lines.append(words["cells"])
    if standing:
        lines.append(words["standing"])
    if fitted:
        lines.append(words["trend"])
        lines.extend(
            f"  {code}: {format_decimal(t.slope, format='+0.00;-0.00', locale=locale)}"
            for code, t in sorted(fitted.items())
        )
    return "\n".join(lines)
