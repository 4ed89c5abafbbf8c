"""Appointment sheets: for the office desk, a grid of desks by time slot per day.

A sheet carries case references, languages and the people working each appointment;
never an appointment ``note`` or any client data (the plan does not hold them).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from roster.domain.office import WEEKDAYS, AppointmentsRule
from roster.planfile.schema import PlanAppointment, PlanSession
from roster.printouts.context import Page, PrintInput, appointments_of, session_people

DEFAULT_SLOT_MINUTES = 30


@dataclass(frozen=True)
class AppointmentCell:
    """One appointment in the grid (or in the list below it)."""

    time: str
    case: str
    language: str
    counsellor: str
    second_counsellor: str | None
    interpreter: str | None
    rowspan: int = 1
    desk: int = 1


@dataclass(frozen=True)
class GridRow:
    """One time slot: per desk an appointment starting here, ``None`` for free, or
    ``"covered"`` where an earlier appointment still runs."""

    time: str
    cells: list[AppointmentCell | str | None]


@dataclass(frozen=True)
class SheetSession:
    """One appointment session of the day."""

    name: str
    time: str
    desks: list[int]
    rows: list[GridRow]
    off_grid: list[AppointmentCell] = field(default_factory=list)
    staff: list[str] = field(default_factory=list)
    count: int = 0


@dataclass(frozen=True)
class Sheet:
    """Template data of ``appointments.html.j2``."""

    page: Page
    day: date
    sessions: list[SheetSession]


def _rule_for(source: PrintInput, session: PlanSession) -> AppointmentsRule | None:
    local = session.start.astimezone(source.data.office.zone)
    for rule in source.data.office.appointment_rules():
        if rule.weekday == WEEKDAYS[session.date.weekday()] and rule.start == local.time().replace(
            tzinfo=None
        ):
            return rule
    return None


def _cell(source: PrintInput, item: PlanAppointment, rowspan: int) -> AppointmentCell:
    fmt = source.fmt
    return AppointmentCell(
        time=fmt.span(item.start, item.end),
        case=item.case,
        language=f"{fmt.language(item.language)} ({item.language})",
        counsellor=source.name(item.counsellor),
        second_counsellor=source.name(item.second_counsellor) if item.second_counsellor else None,
        interpreter=source.name(item.interpreter) if item.interpreter else None,
        rowspan=rowspan,
        desk=item.desk,
    )


def _sheet_session(source: PrintInput, session: PlanSession) -> SheetSession:
    rule = _rule_for(source, session)
    items = appointments_of(source.plan, session)
    slot = rule.slot_minutes if rule else DEFAULT_SLOT_MINUTES
    desks = max([rule.desks if rule else 1, *(item.desk for item in items)])
    minutes = (session.end - session.start).total_seconds() / 60
    count = max(1, math.ceil(minutes / slot))
    grid: list[list[AppointmentCell | str | None]] = [[None] * desks for _ in range(count)]
    off_grid: list[AppointmentCell] = []
    for item in items:
        offset = (item.start - session.start).total_seconds() / 60
        length = (item.end - item.start).total_seconds() / 60
        first = int(offset // slot)
        span = max(1, math.ceil(length / slot))
        fits = (
            offset % slot == 0
            and first >= 0
            and first + span <= count
            and all(grid[first + n][item.desk - 1] is None for n in range(span))
        )
        if not fits:
            off_grid.append(_cell(source, item, 1))
            continue
        grid[first][item.desk - 1] = _cell(source, item, span)
        for n in range(1, span):
            grid[first + n][item.desk - 1] = "covered"
    rows = [
        GridRow(
            time=source.fmt.time(session.start + timedelta(minutes=slot * index)),
            cells=cells,
        )
        for index, cells in enumerate(grid)
    ]
    staff = sorted({source.name(entry.volunteer) for entry in session_people(source.plan, session)})
    return SheetSession(
        name=session.name,
        time=source.fmt.span(session.start, session.end),
        desks=list(range(1, desks + 1)),
        rows=rows,
        off_grid=off_grid,
        staff=staff,
        count=len(items),
    )


def build_sheets(source: PrintInput) -> list[Sheet]:
    """One sheet per date with an appointment session, in date order."""
    by_day: dict[date, list[PlanSession]] = {}
    for session in sorted(source.plan.sessions, key=lambda s: (s.start, s.id)):
        if session.kind == "appointments":
            by_day.setdefault(session.date, []).append(session)
    sheets = []
    for day, sessions in sorted(by_day.items()):
        title = source.words("sheet_title", date=source.fmt.day_medium(day))
        sheets.append(
            Sheet(
                page=source.page(title, source.fmt.day_full(day)),
                day=day,
                sessions=[_sheet_session(source, session) for session in sessions],
            )
        )
    return sheets
