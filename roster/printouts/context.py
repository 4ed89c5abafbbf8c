"""What every printout is made from: the office, the month's plan, the earlier plans.

Printouts read plan files and the office folder, never the solver. Nothing here
touches an appointment request's ``note``: the printouts only see the plan, which
names cases by reference and volunteers by id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from roster import __version__
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.domain.sessions import MonthCalendar, month_calendar
from roster.planfile.io import plan_path, plans_in, read_plan
from roster.planfile.schema import Plan, PlanAppointment, PlanSession, StaffEntry
from roster.printouts.words import PrintLocale, Words, print_locale
from roster.wording.formats import Formatter

HISTORY_MONTHS = 3


@dataclass(frozen=True)
class Page:
    """The head of one printed document."""

    lang: str
    title: str
    office: str
    subtitle: str
    as_of: str
    created: str
    generator: str
    orientation: str


@dataclass(frozen=True)
class PrintInput:
    """The office, the month's plan and its neighbours, and the printout locale."""

    data: OfficeData
    plan: Plan
    month: Month
    history: list[Plan]
    calendar: MonthCalendar
    locale: PrintLocale
    fmt: Formatter
    words: Words
    names: dict[str, str] = field(default_factory=dict)

    def name(self, volunteer_id: str) -> str:
        """The volunteer's name, or the id of someone no longer in volunteers.yaml."""
        return self.names.get(volunteer_id, volunteer_id)

    def page(self, title: str, subtitle: str, orientation: str = "portrait") -> Page:
        """The document head shared by every printout."""
        return Page(
            lang=self.locale,
            title=title,
            office=self.data.office.name,
            subtitle=subtitle,
            as_of=self.words("as_of", date=self.fmt.day_long(self.plan.as_of)),
            created=self.plan.as_of.isoformat(),
            generator=f"roster {__version__}",
            orientation=orientation,
        )

    def plain_reason(self, reason: str) -> str:
        """A planner's reason for the team: volunteers are named by name alone (the id
        in brackets after the name, or a bare id, goes), and case references become "a
        case" unless the office shows them (feeds.case_refs)."""
        swap = dict(self.names)
        swap.update({f"{name} ({pid})": name for pid, name in self.names.items()})
        if not self.data.office.feeds.case_refs:
            cases = {a.case for a in self.plan.appointments} | {
                u.case for u in self.plan.unscheduled
            }
            swap.update(dict.fromkeys(cases, self.words("case_hidden")))
        if not swap:
            return reason
        choices = "|".join(re.escape(word) for word in sorted(swap, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w-])({choices})(?:#\d+)?(?![\w-])")
        return pattern.sub(lambda match: swap[match.group(1)], reason)

    def previous_plan(self) -> Plan | None:
        """The plan of the month before, if ``rotas/`` holds it."""
        wanted = str(self.month.previous())
        return next((plan for plan in self.history if plan.month == wanted), None)


def session_people(plan: Plan, session: PlanSession) -> list[StaffEntry]:
    """The session's staff, plus anyone working one of its appointments but not listed."""
    staff = list(session.staff)
    listed = {entry.volunteer for entry in staff}
    for appointment in appointments_of(plan, session):
        for volunteer, role, language in (
            (appointment.counsellor, "counsellor", None),
            (appointment.second_counsellor, "counsellor", None),
            (appointment.interpreter, "interpreter", appointment.language),
        ):
            if volunteer is None or volunteer in listed:
                continue
            listed.add(volunteer)
            staff.append(StaffEntry(volunteer=volunteer, role=role, language=language))
    return staff


def appointments_of(plan: Plan, session: PlanSession) -> list[PlanAppointment]:
    """The appointments in one appointment session, by start and desk."""
    return sorted(
        (a for a in plan.appointments if a.session == session.id),
        key=lambda a: (a.start, a.desk, a.key),
    )


def load_input(data: OfficeData, month: Month, locale: str | None = None) -> PrintInput:
    """Read the month's plan and the plans of the months before."""
    folder = data.folder
    plan = read_plan(plan_path(folder, month))
    window = {str(month)}
    earlier = month
    for _ in range(HISTORY_MONTHS):
        earlier = earlier.previous()
        window.add(str(earlier))
    history = [p for p in plans_in(folder) if p.month in window and p.month != str(month)]
    return make_input(data, plan, history, locale)


def make_input(
    data: OfficeData,
    plan: Plan,
    history: list[Plan],
    locale: str | None = None,
) -> PrintInput:
    """Bundle an already loaded office and plans for printing."""
    office = data.office
    chosen = print_locale(locale or office.locale)
    month = Month.parse(plan.month)
    return PrintInput(
        data=data,
        plan=plan,
        month=month,
        history=sorted(history, key=lambda p: p.month),
        calendar=month_calendar(office, month, chosen),
        locale=chosen,
        fmt=Formatter(chosen, office.zone, dict(office.languages)),
        words=Words(chosen),
        names={person.id: person.name for person in data.volunteers},
    )
