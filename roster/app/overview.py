"""The month at a glance, for the office lead's home page and ``GET
/api/months/{month}/overview``: one function, :func:`month_overview`, behind both.

It reads the folder once: the month's sessions (rules minus holidays and closures), the
month's plan file if there is one (staffing of each session: complete, gaps, not planned),
the poll answers (who has answered, by name), the closed dates, the team meeting and
whether the month's feeds are published; and says what to do next. Every text is in the
office's language; people are named by name, never by id.
"""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from calendars.state import feed_files, read_state
from roster.app.clock import month_or_next, office_today
from roster.app.duty_requests import RequestLine, pending_requests
from roster.app.guard import reading
from roster.domain.errors import RosterError
from roster.domain.languages import language_name
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.domain.sessions import month_calendar
from roster.folder.load import load_office
from roster.planfile.index import unrequested_sessions
from roster.planfile.io import plan_path, read_plan
from roster.planfile.schema import Plan, PlanSession
from roster.wording.catalogue import plural, text
from roster.wording.dates import date_text, skeleton_text, time_text

Staffing = Literal["complete", "gaps", "not_planned", "no_appointments"]
StepKind = Literal["poll", "plan", "publish", "done", "past"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class SessionStatus(_Model):
    """One session of the month and how well it is staffed."""

    id: str = Field(description="session id, e.g. 2026-12-03-open-1400")
    date: dt.date
    day: str = Field(description="the date in words, e.g. Do., 3. Dez.")
    start: str = Field(description="start time, HH:MM, office time")
    end: str = Field(description="end time, HH:MM, office time")
    kind: Literal["open_hours", "appointments"]
    kind_text: str = Field(description="open hours or appointment hours, in words")
    name: str = Field(description="the session's name from the office's rules")
    staffing: Staffing = Field(
        description="complete: every need met; gaps: some need open; not_planned: no plan "
        "yet; no_appointments: appointment hours nobody asked for, which need nobody"
    )
    gaps: int = Field(ge=0, description="people missing, all needs together")
    needs: list[str] = Field(default_factory=list, description="what is missing, in words")
    staffing_text: str = Field(description="the state in words")


class PollStatus(_Model):
    """Who has answered the month's availability poll."""

    answered: int = Field(ge=0, description="volunteers with at least one answer")
    volunteers: int = Field(ge=0, description="volunteers in the team")
    missing: list[str] = Field(description="names of those who have not answered, sorted")
    summary: str = Field(description="x of y in words")


class ClosedDay(_Model):
    """A date the office is closed, with the reason."""

    date: dt.date
    day: str
    reason: str


class TeamMeeting(_Model):
    """The month's team meeting."""

    date: dt.date
    day: str
    start: str
    end: str
    moved_from: dt.date | None = None


class NextStep(_Model):
    """What the office lead should do next for this month."""

    kind: StepKind = Field(
        description="poll: answers are missing; plan: plan the month; publish: publish the "
        "plan; done: planned and published; past: the month is over"
    )
    text: str = Field(description="the step in plain words")


class MonthOverview(_Model):
    """Everything the month's overview page and its API show."""

    office: str = Field(description="the office's name")
    locale: str = Field(description="language of the texts: de or en")
    month: str = Field(description="YYYY-MM")
    month_text: str = Field(description="the month in words, e.g. Dezember 2026")
    previous: str = Field(description="the month before, YYYY-MM")
    next: str = Field(description="the month after, YYYY-MM")
    planned: bool = Field(description="a plan file exists for the month")
    planned_on: dt.date | None = Field(default=None, description="the plan's planning date")
    planned_on_text: str | None = Field(default=None, description="the planning date in words")
    published: bool = Field(description="the month's plan is in the published feeds")
    sessions: list[SessionStatus]
    complete: int = Field(ge=0, description="sessions with every need met")
    with_gaps: int = Field(ge=0, description="sessions with a need open")
    unscheduled: int = Field(ge=0, description="appointment requests not scheduled")
    poll: PollStatus
    closed: list[ClosedDay]
    team_meeting: TeamMeeting | None
    next_step: NextStep
    requests: list[RequestLine] = Field(
        default_factory=list,
        description="volunteers' step-ins and give-backs waiting for a lead, in words",
    )


def _say(locale: str, key: str, /, **values: object) -> str:
    return text(locale, f"web.{key}", **values)


def _plan_of(folder: Path, month: Month) -> Plan | None:
    path = plan_path(folder, month)
    if not path.is_file():
        return None
    plan = read_plan(path)
    return plan if plan.month == str(month) else None


def _need_words(session: PlanSession, data: OfficeData, locale: str) -> list[str]:
    words: list[str] = []
    for gap in session.uncovered:
        if gap.need == "language":
            language = language_name(gap.language or "", locale, data.office.languages)
            words.append(plural(locale, "web.need_language", gap.missing, language=language))
        elif gap.need == "counsellors":
            words.append(plural(locale, "web.need_counsellors", gap.missing))
        else:
            words.append(_say(locale, "need_lead"))
    return words


def _status(
    session_id: str, plan: Plan | None, idle: set[str], data: OfficeData, locale: str
) -> tuple[Staffing, int, list[str]]:
    planned = None if plan is None else next((s for s in plan.sessions if s.id == session_id), None)
    if planned is None:
        return "not_planned", 0, []
    if session_id in idle:
        return "no_appointments", 0, []
    if planned.uncovered:
        return (
            "gaps",
            sum(gap.missing for gap in planned.uncovered),
            _need_words(planned, data, locale),
        )
    return "complete", 0, []


def _poll(data: OfficeData, month: Month, locale: str) -> PollStatus:
    answered_ids = {vid for vid, _ in data.availability.get(month, {})}
    people = [person for person in data.volunteers if person.with_office_on(month.first)]
    missing = sorted(person.name for person in people if person.id not in answered_ids)
    answered = len(people) - len(missing)
    summary = _say(locale, "poll_summary", answered=answered, volunteers=len(people))
    return PollStatus(answered=answered, volunteers=len(people), missing=missing, summary=summary)


def _published(folder: Path, month: Month, plan: Plan | None) -> bool:
    """Whether the feeds hold the month's plan as it is now (published after it was made)."""
    if plan is None:
        return False
    try:
        state = read_state(folder)
    except RosterError:
        return False
    if state is None:
        return False
    months = {record.month for feed in state.feeds.values() for record in feed.events.values()}
    if str(month) not in months:
        return False
    state_file = feed_files(folder).member("state.json")
    return state_file.stat().st_mtime >= plan_path(folder, month).stat().st_mtime


def _next_step(
    overview: dict[str, object], poll: PollStatus, month: Month, today: dt.date, locale: str
) -> NextStep:
    if month.last < today:
        return NextStep(kind="past", text=_say(locale, "step_past"))
    if not overview["planned"]:
        if poll.missing:
            return NextStep(kind="poll", text=plural(locale, "web.step_poll", len(poll.missing)))
        return NextStep(kind="plan", text=_say(locale, "step_plan"))
    if not overview["published"]:
        return NextStep(kind="publish", text=_say(locale, "step_publish"))
    return NextStep(kind="done", text=_say(locale, "step_done"))


def month_overview(
    folder: Path,
    month: Month | str | None = None,
    today: dt.date | None = None,
    *,
    now: datetime | None = None,
) -> MonthOverview:
    """The month at a glance (default: next month), as of ``today`` (default: today in
    the office's zone)."""
    folder = Path(folder)
    with reading():
        data = load_office(folder)
        locale = data.office.locale
        chosen = month_or_next(data.office, month, now)
        day = today or office_today(data.office, now)
        plan = _plan_of(folder, chosen)
        published = _published(folder, chosen, plan)
    calendar = month_calendar(data.office, chosen, locale)
    idle = {session.id for session in unrequested_sessions(plan)} if plan else set()
    sessions: list[SessionStatus] = []
    for session in calendar.sessions:
        staffing, gaps, needs = _status(session.id, plan, idle, data, locale)
        if staffing == "gaps":
            staffing_text = plural(locale, "web.staffing_gaps", gaps)
        else:
            staffing_text = _say(locale, f"staffing_{staffing}")
        sessions.append(
            SessionStatus(
                id=session.id,
                date=session.date,
                day=skeleton_text(session.date, "MMMEd", locale),
                start=time_text(session.start, "HH:mm", locale),
                end=time_text(session.end, "HH:mm", locale),
                kind=session.kind,
                kind_text=text(locale, f"web.kind_{session.kind}"),
                name=session.name,
                staffing=staffing,
                gaps=gaps,
                needs=needs,
                staffing_text=staffing_text,
            )
        )
    poll = _poll(data, chosen, locale)
    meeting = calendar.team_meeting
    facts: dict[str, object] = {"planned": plan is not None, "published": published}
    return MonthOverview(
        office=data.office.name,
        locale=locale,
        month=str(chosen),
        month_text=date_text(chosen.first, "LLLL yyyy", locale),
        previous=str(chosen.previous()),
        next=str(chosen.next()),
        planned=plan is not None,
        planned_on=plan.as_of if plan else None,
        planned_on_text=skeleton_text(plan.as_of, "yMMMd", locale) if plan else None,
        published=published,
        requests=pending_requests(folder, month=chosen),
        sessions=sessions,
        complete=sum(1 for s in sessions if s.staffing == "complete"),
        with_gaps=sum(1 for s in sessions if s.staffing == "gaps"),
        unscheduled=len(plan.unscheduled) if plan else 0,
        poll=poll,
        closed=[
            ClosedDay(
                date=closed.date,
                day=skeleton_text(closed.date, "MMMEd", locale),
                reason=closed.reason,
            )
            for closed in calendar.closed
        ],
        team_meeting=None
        if meeting is None
        else TeamMeeting(
            date=meeting.date,
            day=skeleton_text(meeting.date, "MMMEd", locale),
            start=time_text(meeting.start, "HH:mm", locale),
            end=time_text(meeting.end, "HH:mm", locale),
            moved_from=meeting.moved_from,
        ),
        next_step=_next_step(facts, poll, chosen, day, locale),
    )
