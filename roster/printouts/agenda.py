"""The team-meeting agenda: when and where, the items from office.yaml, and a review
the team can discuss (last month, visitors and forecast, gaps and why, fairness,
who offered no date, where interpreters are needed most), with two SVG charts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from markupsafe import Markup

from roster.domain.month import Month
from roster.domain.sessions import month_calendar
from roster.planfile.schema import Plan
from roster.printouts.charts import StackRow, duties_chart
from roster.printouts.context import Page, PrintInput
from roster.printouts.visitors import StandingRow, VisitorRow, standing, visitors
from roster.wording.formats import NONE


@dataclass(frozen=True)
class LastMonth:
    """What happened in the month before."""

    title: str
    note: str | None
    figures: list[tuple[str, str]]


@dataclass(frozen=True)
class GapRow:
    """Something the plan could not cover, and why: one line, or for an appointment one
    line per date considered, the blocking fact first."""

    date: str
    what: str
    why: list[str]


@dataclass(frozen=True)
class DutyRow:
    """One person's duties over the fairness window."""

    name: str
    months: list[str]
    total: int
    offered: str
    rate: str


@dataclass(frozen=True)
class NeededRow:
    """A language ranked by unmet demand."""

    language: str
    missing: int
    visitors: str
    unscheduled: int
    team: int


@dataclass(frozen=True)
class Agenda:
    """Template data of ``agenda.html.j2``."""

    page: Page
    month: str
    when: str | None
    place: str
    moved: str | None
    items: list[str]
    last_month: LastMonth
    visitor_columns: list[str]
    visitors: list[VisitorRow]
    visitors_chart: Markup | None
    standing: list[StandingRow]
    """Without recorded visits, the usual need the plan used, instead of ``visitors``."""
    gaps: list[GapRow]
    duty_months: list[str]
    duties: list[DutyRow]
    spread: str
    duties_chart: Markup | None
    no_offer: list[str]
    needed: list[NeededRow] = field(default_factory=list)


def _last_month(source: PrintInput) -> LastMonth:
    words, fmt = source.words, source.fmt
    previous = source.month.previous()
    plan = source.previous_plan()
    visitors = [r.visitors for r in source.data.visits if r.date in previous]
    if plan is not None:
        open_count = sum(1 for s in plan.sessions if s.kind == "open_hours")
        appt_count = sum(1 for s in plan.sessions if s.kind == "appointments")
        appointments = str(len(plan.appointments))
        closed = len(plan.closed)
        note = None
    else:
        calendar = month_calendar(source.data.office, previous, source.locale)
        open_count = sum(1 for s in calendar.sessions if s.kind == "open_hours")
        appt_count = sum(1 for s in calendar.sessions if s.kind == "appointments")
        appointments = NONE
        closed = len(calendar.closed)
        note = words("no_plan_for", month=fmt.month(previous))
    figures = [
        (words("open_sessions"), str(open_count)),
        (words("appointment_sessions"), str(appt_count)),
        (words("appointments"), appointments),
        (words("visitors_logged"), str(sum(visitors)) if visitors else NONE),
        (words("closed_dates"), str(closed)),
    ]
    return LastMonth(words("last_month", month=fmt.month(previous)), note, figures)


def _gaps(source: PrintInput) -> list[GapRow]:
    words, fmt = source.words, source.fmt
    rows = []
    for session in sorted(source.plan.sessions, key=lambda s: (s.start, s.id)):
        for gap in session.uncovered:
            if gap.need == "counsellors":
                what = words("missing_counsellors", count=gap.missing)
            elif gap.need == "lead":
                what = words("missing_lead", count=gap.missing)
            else:
                language = f"{fmt.language(gap.language or '')} ({gap.language})"
                what = f"{words('col_interpreters')} " + words(
                    "missing_language", language=language, count=gap.missing
                )
            rows.append(GapRow(fmt.day_short(session.date), what, _lines(source, gap.reason)))
    for item in source.plan.unscheduled:
        what = words(
            "unscheduled",
            language=fmt.language(item.language),
            minutes=item.minutes,
            earliest=fmt.day_short(item.earliest),
            latest=fmt.day_short(item.latest),
        )
        reason = item.reason
        for prefix in (f"{item.key}:", f"{item.case}:"):
            reason = reason.removeprefix(prefix).strip()
        rows.append(GapRow("", what, _lines(source, reason)))
    return rows


def _lines(source: PrintInput, reason: str) -> list[str]:
    """A planner's reason for the team, line by line."""
    return [source.plain_reason(line) for line in reason.splitlines() if line.strip()]


def _duty_count(plan: Plan, volunteer: str) -> int:
    for load in plan.load:
        if load.volunteer == volunteer:
            return load.duties
    days = {s.date for s in plan.sessions if any(e.volunteer == volunteer for e in s.staff)}
    days |= {
        a.date
        for a in plan.appointments
        if volunteer in (a.counsellor, a.second_counsellor, a.interpreter)
    }
    return len(days)


def _duties(source: PrintInput) -> tuple[list[str], list[DutyRow], str, Markup | None]:
    words, fmt = source.words, source.fmt
    window = [Month.parse(m) for m in source.plan.fairness.window] or [source.month]
    if source.month not in window:
        window.append(source.month)
    by_month = {p.month: p for p in [*source.history, source.plan]}
    loads = {load.volunteer: load for load in source.plan.load}
    people = {person.id: person.name for person in source.data.volunteers}
    for volunteer in loads:
        people.setdefault(volunteer, volunteer)
    rows: list[DutyRow] = []
    stacks: list[StackRow] = []
    for volunteer, name in sorted(people.items(), key=lambda item: (item[1], item[0])):
        counts: list[int | None] = []
        for month in window:
            plan = by_month.get(str(month))
            counts.append(None if plan is None else _duty_count(plan, volunteer))
        load = loads.get(volunteer)
        total = load.window_duties if load else sum(c or 0 for c in counts)
        offered = load.window_offered if load else 0
        rows.append(
            DutyRow(
                name=name,
                months=[NONE if c is None else str(c) for c in counts],
                total=total,
                offered=str(offered) if load else NONE,
                rate=fmt.number(total / offered, 2) if offered else NONE,
            )
        )
        if any(counts):
            stacks.append(StackRow(name, [c or 0 for c in counts]))
    labels = [fmt.month(m) for m in window]
    spread = words(
        "spread",
        months=labels[0] if len(labels) == 1 else f"{labels[0]} {NONE} {labels[-1]}",
        value=fmt.number(source.plan.fairness.spread, 2),
    )
    chart = duties_chart(stacks, labels, words("chart_duties")) if stacks else None
    return labels, rows, spread, chart


def _no_offer(source: PrintInput) -> list[str]:
    offered = {load.volunteer: load.offered for load in source.plan.load}
    return sorted(
        person.name
        for person in source.data.volunteers
        if offered.get(person.id, 0) == 0 and person.with_office_on(source.month.first)
    )


def _needed(source: PrintInput) -> list[NeededRow]:
    fmt = source.fmt
    missing: dict[str, int] = defaultdict(int)
    visitors: dict[str, float] = defaultdict(float)
    unscheduled: dict[str, int] = defaultdict(int)
    for session in source.plan.sessions:
        needs = {n.language: n for n in (session.needs.languages if session.needs else [])}
        for gap in session.uncovered:
            if gap.need != "language" or gap.language is None:
                continue
            missing[gap.language] += gap.missing
            need = needs.get(gap.language)
            if need is not None:
                share = gap.missing / need.interpreters if need.interpreters else 1.0
                visitors[gap.language] += need.expected_visitors * min(1.0, share)
    for item in source.plan.unscheduled:
        unscheduled[item.language] += 1
    codes = set(missing) | set(unscheduled)

    def rank(code: str) -> tuple[float, int, int, str]:
        return (-visitors[code], -missing[code], -unscheduled[code], fmt.language(code))

    return [
        NeededRow(
            language=f"{fmt.language(code)} ({code})",
            missing=missing[code],
            visitors=fmt.number(visitors[code], 1),
            unscheduled=unscheduled[code],
            team=sum(
                1
                for person in source.data.volunteers
                if person.interprets()
                and code in person.interpreter_languages()
                and person.with_office_on(source.month.first)
            ),
        )
        for code in sorted(codes, key=rank)
    ]


def build_agenda(source: PrintInput) -> Agenda:
    """The agenda of the plan month's team meeting."""
    words, fmt = source.words, source.fmt
    office = source.data.office
    meeting = source.plan.team_meeting
    when = moved = None
    if meeting is not None:
        when = f"{fmt.day_full(meeting.date)}, {fmt.span(meeting.start, meeting.end)}"
        if meeting.moved_from:
            moved = words("agenda_moved", date=fmt.day_long(meeting.moved_from))
    items = list(office.team_meeting.agenda) if office.team_meeting else []
    if not items and meeting is not None:
        items = list(meeting.agenda)
    recorded = any(r.date < source.month.first for r in source.data.visits)
    columns, rows, visitor_chart = visitors(source) if recorded else ([], [], None)
    months, duties, spread, chart = _duties(source)
    month = fmt.month(source.month)
    return Agenda(
        page=source.page(words("agenda_title", month=month), when or month),
        month=month,
        when=when,
        place=office.location,
        moved=moved,
        items=items,
        last_month=_last_month(source),
        visitor_columns=columns,
        visitors=rows,
        visitors_chart=visitor_chart,
        standing=[] if recorded else standing(source),
        gaps=_gaps(source),
        duty_months=months,
        duties=duties,
        spread=spread,
        duties_chart=chart,
        no_offer=_no_offer(source),
        needed=_needed(source),
    )
