# ruff: noqa: RUF001 - the en dash between two months belongs in the page's text
"""The plan page and ``GET /api/months/{month}/plan``: one function, :func:`plan_page`,
behind both.

It reads the office folder once and the month's plan file, if there is one: every
session with its people by name and what each does, every gap with why nobody took it
(:mod:`roster.app.plan_reasons`), the appointments placed and those left out with their
reasons (case reference, language, minutes and dates; never a note), the fairness figure
and the duties per person; and the month's planning job, if one runs or has just ended
(:mod:`roster.app.plan_jobs`). Every text is in the office's language.
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from roster.app.clock import month_or_next
from roster.app.guard import reading
from roster.app.plan_jobs import PlanJob, planning_job, running_job
from roster.app.plan_reasons import NamesOnly, Reasons, names_only, plan_reasons
from roster.app.plan_texts import month_name, status_text, whole
from roster.domain.errors import RosterError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office
from roster.planfile.index import unrequested_sessions
from roster.planfile.io import plan_path, read_plan
from roster.planfile.schema import Plan, PlanAppointment, PlanSession, StaffEntry, Uncovered
from roster.wording.catalogue import plural, text
from roster.wording.dates import date_text, number_text, skeleton_text, time_text


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class OnDuty(_Model):
    """One person in a session and what they do."""

    name: str
    task: str = Field(description="role, language, lead duty, trainee, in words")


class Gap(_Model):
    """A need of a session nobody covers, and why."""

    need: Literal["language", "counsellors", "lead"]
    language: str | None = Field(default=None, description="language code of the need")
    missing: int = Field(ge=1)
    what: str = Field(description="what is missing, in words")
    reason: str = Field(description="why nobody took it, people by name")


class PlacedAppointment(_Model):
    """An appointment placed in an appointment session."""

    case: str = Field(description="the case reference")
    line: str = Field(description="time, desk, case and language in words")
    people: list[str] = Field(description="counsellor, second counsellor, interpreter")


class SessionPlan(_Model):
    """One session of the plan."""

    id: str
    date: dt.date
    day: str = Field(description="the date in words")
    start: str
    end: str
    kind: Literal["open_hours", "appointments"]
    kind_text: str
    heading: str = Field(description="date, time and kind of session in words")
    people: list[OnDuty]
    gaps: list[Gap]
    appointments: list[PlacedAppointment]
    no_requests: bool = Field(description="appointment hours nobody asked for")
    change: str = Field(description="address of the page that changes the session")
    change_label: str


class LeftOut(_Model):
    """An appointment request the plan could not place, and why."""

    case: str
    line: str = Field(description="case, language, minutes and dates in words")
    reasons: list[str] = Field(description="why, one line per date considered")


class Duties(_Model):
    """One person's duties this month."""

    name: str
    duties: int = Field(ge=0)
    offered: int = Field(ge=0, description="session dates offered in the poll")
    share: float = Field(ge=0, le=100, description="bar length: percent of the most duties")


class PlanResult(_Model):
    """The month's plan as the page shows it."""

    planned_on: dt.date
    planned_on_text: str
    sessions: list[SessionPlan]
    summary: str = Field(description="sessions fully staffed, in words")
    gaps: int = Field(ge=0, description="people missing, all needs together")
    unscheduled: list[LeftOut]
    fairness: float = Field(description="the plan's fairness spread")
    fairness_text: str
    penalty: float
    penalty_text: str
    duties: list[Duties]


class PlanView(_Model):
    """Everything the plan page and its API show."""

    month: str = Field(description="YYYY-MM")
    month_text: str
    planned: bool = Field(description="a plan file exists for the month")
    job: PlanJob | None = Field(description="the month's planning job, running or ended")
    other_job: PlanJob | None = Field(description="another month's planning job, running")
    result: PlanResult | None = Field(
        description="the plan; None without a plan and while the month is being planned"
    )
    problem: str | None = Field(
        default=None, description="why the month's plan file cannot be read, if it cannot"
    )


def _say(locale: str, key: str, /, **values: object) -> str:
    return text(locale, f"web.{key}", **values)


def _task(entry: StaffEntry, words: NamesOnly) -> str:
    locale = words.locale
    language = words.language(entry.language) if entry.language else ""
    if entry.role == "interpreter":
        parts = [
            _say(locale, "plan_role_interpreter", language=language)
            if language
            else _say(locale, "plan_role_interpreter_plain")
        ]
    elif language:
        parts = [_say(locale, "plan_role_counsellor_in", language=language)]
    else:
        parts = [_say(locale, "plan_role_counsellor")]
    if entry.lead:
        parts.append(_say(locale, "plan_role_lead"))
    if entry.trainee:
        parts.append(_say(locale, "plan_role_trainee"))
    return ", ".join(parts)


def _need(gap: Uncovered, words: NamesOnly) -> str:
    locale = words.locale
    if gap.need == "language":
        language = words.language(gap.language or "")
        return plural(locale, "web.need_language", gap.missing, language=language)
    if gap.need == "counsellors":
        return plural(locale, "web.need_counsellors", gap.missing)
    return _say(locale, "need_lead")


def _clock(moment: datetime, data: OfficeData, locale: str) -> str:
    return time_text(moment, "HH:mm", locale, data.office.zone)


def _placed(item: PlanAppointment, data: OfficeData, words: NamesOnly) -> PlacedAppointment:
    locale = words.locale
    line = _say(
        locale,
        "plan_appointment",
        start=_clock(item.start, data, locale),
        end=_clock(item.end, data, locale),
        desk=item.desk,
        case=item.case,
        language=words.language(item.language),
    )
    people = [_say(locale, "plan_appt_counsellor", name=words.person(item.counsellor))]
    if item.second_counsellor:
        people.append(_say(locale, "plan_appt_second", name=words.person(item.second_counsellor)))
    if item.interpreter:
        people.append(_say(locale, "plan_appt_interpreter", name=words.person(item.interpreter)))
    return PlacedAppointment(case=item.case, line=line, people=people)


def _session(
    session: PlanSession,
    plan: Plan,
    data: OfficeData,
    words: NamesOnly,
    reasons: Reasons,
    idle: set[str],
) -> SessionPlan:
    locale = words.locale
    day = date_text(session.date, "full", locale)
    start, end = _clock(session.start, data, locale), _clock(session.end, data, locale)
    kind_text = _say(locale, f"kind_{session.kind}")
    gaps = []
    for gap in session.uncovered:
        found = reasons.gaps.get((session.id, gap.need, gap.language))
        gaps.append(
            Gap(
                need=gap.need,
                language=gap.language,
                missing=gap.missing,
                what=found[0] if found else _need(gap, words),
                reason=found[1] if found else _say(locale, "plan_reason_lost"),
            )
        )
    people = sorted(
        (
            OnDuty(name=words.person(entry.volunteer), task=_task(entry, words))
            for entry in session.staff
        ),
        key=lambda person: person.name,
    )
    return SessionPlan(
        id=session.id,
        date=session.date,
        day=day,
        start=start,
        end=end,
        kind=session.kind,
        kind_text=kind_text,
        heading=_say(locale, "plan_session_heading", day=day, start=start, end=end, kind=kind_text),
        people=people,
        gaps=gaps,
        appointments=[
            _placed(item, data, words)
            for item in sorted(plan.appointments, key=lambda a: (a.start, a.desk))
            if item.session == session.id
        ],
        no_requests=session.id in idle,
        change=f"/adjust/{plan.month}/{session.date.isoformat()}",
        change_label=_say(locale, "plan_change_label", day=day),
    )


def _months(plan: Plan, locale: str) -> str:
    window = plan.fairness.window or [plan.month]
    first, last = month_name(window[0], locale), month_name(window[-1], locale)
    return first if first == last else f"{first} – {last}"


def _duties(plan: Plan, words: NamesOnly) -> list[Duties]:
    most = max([1, *(load.duties for load in plan.load)])
    rows = [
        Duties(
            name=words.person(load.volunteer),
            duties=load.duties,
            offered=load.offered,
            share=round(100 * load.duties / most, 1),
        )
        for load in plan.load
    ]
    return sorted(rows, key=lambda row: (-row.duties, row.name))


def plan_result(data: OfficeData, plan: Plan, locale: str) -> PlanResult:
    """The plan of a month as the page shows it, in ``locale``."""
    words = names_only(data, locale)
    reasons = plan_reasons(data, plan, locale)
    idle = {session.id for session in unrequested_sessions(plan)}
    sessions = [_session(s, plan, data, words, reasons, idle) for s in plan.sessions]
    needed = [s for s in sessions if not s.no_requests]
    left_out = [
        LeftOut(
            case=item.case,
            line=_say(
                locale,
                "plan_unscheduled_line",
                case=item.case,
                language=words.language(item.language),
                minutes=item.minutes,
                first=words.day(item.earliest),
                last=words.day(item.latest),
            ),
            reasons=reasons.unscheduled.get(item.key) or [_say(locale, "plan_reason_lost")],
        )
        for item in plan.unscheduled
    ]
    spread = number_text(plan.fairness.spread, "0.##", locale)
    return PlanResult(
        planned_on=plan.as_of,
        planned_on_text=skeleton_text(plan.as_of, "yMMMd", locale),
        sessions=sessions,
        summary=_say(
            locale,
            "sessions_staffed",
            complete=sum(1 for s in needed if not s.gaps),
            total=len(needed),
        ),
        gaps=sum(gap.missing for session in plan.sessions for gap in session.uncovered),
        unscheduled=left_out,
        fairness=plan.fairness.spread,
        fairness_text=_say(locale, "plan_fairness", spread=spread, months=_months(plan, locale)),
        penalty=plan.score.total,
        penalty_text=_say(
            locale,
            "plan_penalty",
            total=whole(plan.score.total, locale),
            search=status_text(plan, words),
        ),
        duties=_duties(plan, words),
    )


def plan_page(
    folder: Path, month: Month | str | None = None, *, now: datetime | None = None
) -> PlanView:
    """The month's plan (default: next month) and its planning job, in the office's
    language. While the month is being planned the plan is left out (``result`` is
    None; ``planned`` says whether there is one): it is about to change."""
    folder = Path(folder)
    problem = None
    with reading():
        data = load_office(folder)
        chosen = month_or_next(data.office, month, now)
        path = plan_path(folder, chosen)
        try:
            plan = read_plan(path) if path.is_file() else None
        except RosterError as exc:
            plan, problem = None, exc.message
    locale = data.office.locale
    if plan is not None and plan.month != str(chosen):
        plan = None
    job = planning_job(folder, chosen)
    other = running_job(folder)
    running = job is not None and job.state == "running"
    return PlanView(
        month=str(chosen),
        month_text=month_name(chosen, locale),
        planned=plan is not None,
        job=job,
        other_job=other if other is not None and other.month != str(chosen) else None,
        result=None if plan is None or running else plan_result(data, plan, locale),
        problem=problem,
    )
