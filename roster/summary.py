"""Plain-text summaries of an office for `roster check`, `roster calendar` and `roster forecast`."""

from __future__ import annotations

import json
from collections import Counter

from babel.dates import format_date, format_time

from roster.forecast import month_needs, trends
from roster.languages import language_name
from roster.loading import OfficeData
from roster.month import Month
from roster.month_calendar import MonthCalendar, month_calendar

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
        lines.append(
            f"{month}: {polled} poll answers, {len(data.appointments_of(month))} appointment requests, "
            f"{len(data.overrides_of(month).assign) + len(data.overrides_of(month).forbid)} overrides"
        )
    if data.visits:
        first, last = data.visits[0].date, data.visits[-1].date
        lines.append(f"Visit log: {len(data.visits)} rows from {first} to {last}")
    return "\n".join(lines)


def calendar_text(calendar: MonthCalendar, locale: str) -> str:
    """The month's sessions and closed dates, one per line."""
    lines = [f"Sessions in {format_date(calendar.month.first, 'MMMM yyyy', locale=locale)}:"]
    for session in calendar.sessions:
        day = format_date(session.date, "EEE d MMM", locale=locale)
        lines.append(
            f"  {day:<12} {format_time(session.start, 'HH:mm', locale=locale)}-"
            f"{format_time(session.end, 'HH:mm', locale=locale)}  {session.name}"
        )
    if not calendar.sessions:
        lines.append("  (none)")
    if calendar.closed:
        lines.append("Closed:")
        for closed in calendar.closed:
            day = format_date(closed.date, "EEE d MMM yyyy", locale=locale)
            lines.append(f"  {day:<16} {closed.reason}")
    meeting = calendar.team_meeting
    if meeting is not None:
        day = format_date(meeting.date, "EEE d MMM", locale=locale)
        moved = (
            f" (moved from {format_date(meeting.moved_from, 'd MMM', locale=locale)}, closed)"
            if meeting.moved_from
            else ""
        )
        lines.append(
            f"Team meeting: {day} {format_time(meeting.start, 'HH:mm', locale=locale)}{moved}"
        )
    return "\n".join(lines)


def calendar_json(calendar: MonthCalendar) -> str:
    """The month's sessions and closed dates as JSON (ISO 8601 with UTC offsets)."""
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
        "closed": [{"date": c.date.isoformat(), "reason": c.reason} for c in calendar.closed],
        "team_meeting": None
        if calendar.team_meeting is None
        else {
            "date": calendar.team_meeting.date.isoformat(),
            "start": calendar.team_meeting.start.isoformat(),
            "end": calendar.team_meeting.end.isoformat(),
        },
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def forecast_text(data: OfficeData, month: Month, locale: str) -> str:
    """Expected visitors and interpreters needed per language and open-hours date."""
    needs = month_needs(data, month)
    calendar = month_calendar(data.office, month, locale)
    fitted = trends(data, before=month.first)
    lines = []
    if fitted:
        lines.append(
            f"Forecast from visits.csv (linear trend over the last {max(t.points for t in fitted.values())} "
            "open-hours dates):"
        )
    else:
        lines.append(
            "No visit log (visits.csv): the standing interpreter need of office.yaml is used."
        )
    sessions = [s for s in calendar.sessions if s.kind == "open_hours"]
    if not sessions:
        lines.append(f"No open-hours sessions in {month}.")
        return "\n".join(lines)
    codes = sorted({need.language for items in needs.values() for need in items})
    header = f"{'language':<24}" + "".join(
        f"{format_date(s.date, 'd MMM', locale=locale):>12}" for s in sessions
    )
    lines.append(header)
    for code in codes:
        name = f"{code} {language_name(code, locale, data.office.languages)}"
        row = f"{name[:23]:<24}"
        for session in sessions:
            need = next((n for n in needs[session.id] if n.language == code), None)
            cell = "-" if need is None else f"{need.expected_visitors:g} -> {need.interpreters}"
            row += f"{cell:>12}"
        lines.append(row)
    lines.append("Cells: expected visitors -> interpreters needed.")
    trend_lines = [
        f"  {code}: {t.slope:+.2f} visitors per week" for code, t in sorted(fitted.items())
    ]
    if trend_lines:
        lines.append("Trend:")
        lines.extend(trend_lines)
    return "\n".join(lines)
