"""The monthly rota for the office wall: one row per session date, closed dates too.

Interpreters are grouped by language code (the legend names the languages); a need
nobody covers is a framed "✗ 1 FEHLT" in its column, readable in black and white.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from roster.planfile.schema import PlanSession
from roster.printouts.context import Page, PrintInput, appointments_of, session_people


@dataclass(frozen=True)
class Named:
    """A counsellor in a rota cell."""

    name: str
    language: str | None = None
    trainee: bool = False


@dataclass(frozen=True)
class LanguageGroup:
    """The interpreters of one language in a session, and how many are missing."""

    code: str
    names: list[str]
    missing: int = 0


@dataclass(frozen=True)
class RotaRow:
    """One session, or one closed date."""

    date: str
    session: str = ""
    time: str = ""
    kind: str = ""
    closed: str | None = None
    counsellors: list[Named] = field(default_factory=list)
    leads: list[str] = field(default_factory=list)
    languages: list[LanguageGroup] = field(default_factory=list)
    counsellors_missing: int = 0
    leads_missing: int = 0
    note: str = ""

    @property
    def has_gap(self) -> bool:
        """Whether anything in the row stayed uncovered."""
        return bool(
            self.counsellors_missing
            or self.leads_missing
            or any(group.missing for group in self.languages)
        )


@dataclass(frozen=True)
class LegendEntry:
    """A language code and its name."""

    code: str
    name: str


@dataclass(frozen=True)
class Rota:
    """Template data of ``rota.html.j2``."""

    page: Page
    rows: list[RotaRow]
    legend: list[LegendEntry]
    has_direct: bool
    has_gaps: bool


def closed_dates(source: PrintInput) -> dict[date, str]:
    """Closed dates of the month with their reason: the calendar's, in the print locale,
    and any the plan knows that the calendar does not."""
    closed = {item.date: item.reason for item in source.calendar.closed}
    for item in source.plan.closed:
        closed.setdefault(item.date, item.reason)
    return dict(sorted(closed.items()))


def _session_row(source: PrintInput, session: PlanSession) -> RotaRow:
    staff = session_people(source.plan, session)
    counsellors = sorted(
        (
            Named(source.name(e.volunteer), e.language, e.trainee)
            for e in staff
            if e.role == "counsellor"
        ),
        key=lambda n: (n.trainee, n.name),
    )
    leads = sorted(source.name(e.volunteer) for e in staff if e.lead)
    names: dict[str, list[str]] = {}
    for entry in staff:
        if entry.role == "interpreter" and entry.language:
            names.setdefault(entry.language, []).append(source.name(entry.volunteer))
    missing: dict[str, int] = {}
    counsellors_missing = leads_missing = 0
    for gap in session.uncovered:
        if gap.need == "counsellors":
            counsellors_missing += gap.missing
        elif gap.need == "lead":
            leads_missing += gap.missing
        elif gap.language:
            missing[gap.language] = missing.get(gap.language, 0) + gap.missing
    languages = [
        LanguageGroup(code, sorted(names.get(code, [])), missing.get(code, 0))
        for code in sorted(set(names) | set(missing))
    ]
    note = ""
    if session.kind == "appointments":
        count = len(appointments_of(source.plan, session))
        words = source.words
        note = words("appointments_count", count=count) if count else words("no_appointments")
    return RotaRow(
        date=source.fmt.day_short(session.date),
        session=session.name,
        time=source.fmt.span(session.start, session.end),
        kind=session.kind,
        counsellors=counsellors,
        leads=leads,
        languages=languages,
        counsellors_missing=counsellors_missing,
        leads_missing=leads_missing,
        note=note,
    )


def build_rota(source: PrintInput) -> Rota:
    """The rota of the plan's month."""
    keyed: list[tuple[tuple[date, str], RotaRow]] = [
        ((session.date, session.start.isoformat()), _session_row(source, session))
        for session in source.plan.sessions
    ]
    for day, reason in closed_dates(source).items():
        keyed.append(((day, ""), RotaRow(date=source.fmt.day_short(day), closed=reason)))
    rows = [row for _, row in sorted(keyed, key=lambda item: item[0])]
    codes = sorted(
        {group.code for row in rows for group in row.languages}
        | {n.language for row in rows for n in row.counsellors if n.language}
    )
    month = source.fmt.month(source.month)
    return Rota(
        # the title names the month; no subtitle repeats it
        page=source.page(source.words("rota_title", month=month), "", "landscape"),
        rows=rows,
        legend=[LegendEntry(code, source.fmt.language(code)) for code in codes],
        has_direct=any(n.language for row in rows for n in row.counsellors),
        has_gaps=any(row.has_gap for row in rows),
    )
