"""What the lead's messages page (``/notices``) and its API show, and its "Send now".

The page shows: whether e-mail is set up; the schedule (every so many minutes, the last
run, the next); what is due now (a trial run of :func:`roster.app.notify.run.notify`:
recipients by name and subjects, never a body); who in the team has no e-mail address (by
name); the messages sent lately and those not sent with their reason, from the sent-log.

People appear by name only: never an e-mail address (the Team page has them), never a
body, never client data. :func:`send_now` is the same job as `roster notify`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field

from roster.app.clock import office_today
from roster.app.guard import reading
from roster.app.notify.model import Kind
from roster.app.notify.run import NotifyReport, notify
from roster.app.notify.schedule import ScheduleState
from roster.app.notify.sent_log import MAX_ATTEMPTS, Entry, read_log
from roster.app.notify.smtp import Sender
from roster.domain.errors import RosterError
from roster.domain.lock import FolderBusyError
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office
from roster.wording.catalogue import plural, text
from roster.wording.dates import skeleton_text, time_text

LOG_LINES = 20
"""How many lines of the sent-log each list shows (newest first)."""
REASONS = frozenset({"recipient", "message", "connect", "timeout", "login", "tls", "other"})
"""The reason codes of :mod:`roster.app.notify.smtp` (their words: ``notify.reason_*``)."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class DueLine(_Model):
    """A message that would go out now."""

    kind: Kind = Field(description="the kind of message")
    kind_text: str = Field(description="the kind in words")
    name: str = Field(description="the recipient's name")
    subject: str = Field(description="the subject line")


class LogLine(_Model):
    """A message of the sent-log."""

    kind: Kind = Field(description="the kind of message")
    kind_text: str = Field(description="the kind in words")
    name: str = Field(description="the recipient's name")
    when: str = Field(description="the last attempt, in words, in the office's time")
    reason: str | None = Field(default=None, description="why not sent, in words")


class ScheduleView(_Model):
    """The schedule, in words."""

    every_minutes: int = Field(description="every so many minutes; 0: the app does not send")
    last_run: str | None = Field(description="the last run, in words (None: not yet)")
    next_run: str | None = Field(description="the next run, in words (None: none planned)")
    last_sent: int | None = Field(description="messages the last run sent")
    last_failed: int | None = Field(description="messages the last run could not send")
    last_problem: str | None = Field(description="why the last run stopped, in words")


class MessagesView(_Model):
    """The lead's messages page."""

    locale: str = Field(description="the office's language")
    mail_on: bool = Field(description="whether e-mail is set up (mail: in office.yaml)")
    schedule: ScheduleView
    due: list[DueLine] = Field(description="what would go out now")
    due_problem: str | None = Field(description="why what is due cannot be shown")
    no_address: list[str] = Field(description="people of the team without an e-mail address")
    sent: list[LogLine] = Field(description="sent lately, newest first")
    failed: list[LogLine] = Field(description="not sent (tried again, or given up)")


def _moment(value: datetime, zone: ZoneInfo, locale: str) -> str:
    local = value.astimezone(zone)
    return f"{skeleton_text(local, 'yMMMEd', locale)}, {time_text(local, 'short', locale)}"


def _kind(locale: str, kind: Kind) -> str:
    return text(locale, f"web.notices_kind_{kind}")


def _schedule(data: OfficeData, state: ScheduleState | None) -> ScheduleView:
    office = data.office
    locale = office.locale
    running = state is not None and state.running
    every = office.notices.every_minutes if office.mail is not None and running else 0
    last = state.last if state is not None else None
    problem = None
    if last is not None and last.folder_problem:
        problem = text(locale, "web.notices_folder_problem")
    elif last is not None and last.busy:
        problem = text(locale, "web.notices_busy")
    elif last is not None:
        problem = last.problem
    return ScheduleView(
        every_minutes=every,
        last_run=_moment(state.last_run, office.zone, locale)
        if state is not None and state.last_run is not None
        else None,
        next_run=_moment(state.next_run, office.zone, locale)
        if every and state is not None and state.next_run is not None
        else None,
        last_sent=last.sent if last is not None else None,
        last_failed=(last.failed + last.gave_up) if last is not None else None,
        last_problem=problem,
    )


def _reason(locale: str, entry: Entry) -> str:
    code = entry.error if entry.error in REASONS else "other"
    reason = text(locale, f"notify.reason_{code}")
    key = "notices_failed_gave_up" if entry.attempts >= MAX_ATTEMPTS else "notices_failed_retry"
    return plural(locale, f"web.{key}", entry.attempts, reason=reason[:1].upper() + reason[1:])


def _log_lines(data: OfficeData) -> tuple[list[LogLine], list[LogLine]]:
    office = data.office
    locale = office.locale
    names = {person.id: person.name for person in data.volunteers}
    log = read_log(data.folder, locale=locale)
    newest = sorted(log.entries.items(), key=lambda item: (item[1].last_attempt, item[0]))
    sent: list[LogLine] = []
    failed: list[LogLine] = []
    for _, entry in reversed(newest):
        name = names.get(entry.volunteer)
        if name is None or entry.status == "no_address":
            continue
        line = LogLine(
            kind=entry.kind,
            kind_text=_kind(locale, entry.kind),
            name=name,
            when=_moment(entry.last_attempt, office.zone, locale),
            reason=_reason(locale, entry) if entry.status == "failed" else None,
        )
        chosen = sent if entry.status == "sent" else failed
        if len(chosen) < LOG_LINES:
            chosen.append(line)
    return sent, failed


def _due(data: OfficeData, now: datetime) -> tuple[list[DueLine], str | None]:
    locale = data.office.locale
    try:
        report = notify(data.folder, now=now, dry_run=True)
    except FolderBusyError:
        return [], text(locale, "web.notices_busy")
    except RosterError as exc:
        return [], text(locale, "web.notices_due_problem", problem=exc.message)
    lines = [
        DueLine(
            kind=item.kind, kind_text=_kind(locale, item.kind), name=item.name, subject=item.subject
        )
        for item in report.would_send
    ]
    return lines, None


def messages_view(
    folder: Path, *, now: datetime, schedule: ScheduleState | None = None
) -> MessagesView:
    """The lead's messages page at ``now``, with the web app's ``schedule`` (None: the
    app does not run one)."""
    folder = Path(folder)
    with reading():
        data = load_office(folder)
        today = office_today(data.office, now)
        sent, failed = _log_lines(data)
    due, problem = _due(data, now)
    no_address = sorted(
        (
            person.name
            for person in data.volunteers
            if person.email is None and person.with_office_on(today)
        ),
        key=str.casefold,
    )
    return MessagesView(
        locale=data.office.locale,
        mail_on=data.office.mail is not None,
        schedule=_schedule(data, schedule),
        due=due,
        due_problem=problem,
        no_address=no_address,
        sent=sent,
        failed=failed,
    )


def send_now(folder: Path, *, now: datetime, send: Sender | None = None) -> NotifyReport:
    """The lead's "Send now": :func:`roster.app.notify.run.notify` at ``now``. Another run
    sending at the same time: :class:`FolderBusyError` (nothing sent); no ``mail:``, a
    missing password: :class:`RosterError`."""
    report = notify(Path(folder), now=now, send=send)
    if report.busy:
        raise FolderBusyError(text(report.locale, "web.notices_busy"))
    return report
