"""``roster notify``: what is due, sent once; the same job the web app runs on a schedule.

:func:`notify` loads the office folder once, asks each kind's producer
(:data:`roster.app.notify.kinds.PRODUCERS`) for the notices due, leaves out what the
sent-log (:mod:`roster.app.notify.sent_log`) holds as sent or given up, turns each notice
into an e-mail (:mod:`roster.app.notify.mail`), sends it (:mod:`roster.app.notify.smtp`)
and records the outcome at once. Its :class:`NotifyReport` says, in the office's language,
what was sent to whom, what failed and why, what waits for the next run, what was given
up, and who has no e-mail address.

Two runs at once (cron and the web app's schedule) never send a message twice: a run
takes the non-blocking sending lock ``notices/sending.lock`` first, and a second run that
finds it taken says so and stops. Each outcome is written to the sent-log under the
folder's lock, atomically, right after the message: a run killed while sending loses at
most the record of the one message in flight (sent once more by the next run), never a
message. A failed message is tried again by each run, up to
:data:`roster.app.notify.sent_log.MAX_ATTEMPTS` times, then given up and reported so.

``dry_run`` sends nothing and writes nothing (no lock, no sent-log): it says what would be
sent, to whom; it works without ``mail:`` in office.yaml.
"""

from __future__ import annotations

from contextlib import ExitStack
from datetime import date, datetime, time
from pathlib import Path

from filelock import FileLock, Timeout
from pydantic import BaseModel, ConfigDict, Field

from roster.app.clock import office_now, parse_day
from roster.app.guard import reading
from roster.app.notify.change_state import remember_told
from roster.app.notify.kinds import PRODUCERS, switched_on
from roster.app.notify.mail import email_of
from roster.app.notify.model import Kind, Notice, NotifyContext
from roster.app.notify.preferences import read_preferences
from roster.app.notify.sent_log import MAX_ATTEMPTS, SentLog, Status, read_log, record
from roster.app.notify.smtp import Sender, SendFailure, SmtpSender, password_of
from roster.app.notify.words import say, say_count
from roster.app.page_links import page_url
from roster.domain.errors import RosterError
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office

SENDING_LOCK = "sending.lock"
"""The file of the sending lock, in ``DIR/notices/``."""


class Item(BaseModel):
    """One message: its key, kind, recipient (id and name) and subject."""

    model_config = ConfigDict(frozen=True)

    key: str = Field(description="the notice's stable key (ids and dates only)")
    kind: Kind = Field(description="the kind of message")
    volunteer: str = Field(description="the recipient's id")
    name: str = Field(description="the recipient's name")
    subject: str = Field(description="the subject line")


class Failure(Item):
    """A message not sent: why, how often tried, whether the server refused for good."""

    reason: str = Field(description="why, in the office's language")
    reason_code: str = Field(
        description="recipient, message, connect, timeout, login, tls or other"
    )
    attempts: int = Field(description="attempts so far, this one included")
    permanent: bool = Field(description="the server refused for good (a 5xx answer)")


class NotifyReport(BaseModel):
    """What a run did, for the lead; ``text`` in the office's language."""

    model_config = ConfigDict(frozen=True)

    locale: str = Field(description="the language of the texts: de or en")
    today: date = Field(description="the day the run took as today")
    dry_run: bool = Field(description="a trial run: nothing sent, nothing written")
    busy: bool = Field(default=False, description="another run was sending: this one did nothing")
    sent: list[Item] = Field(default_factory=list, description="sent in this run")
    would_send: list[Item] = Field(default_factory=list, description="a trial run: would be sent")
    failed: list[Failure] = Field(
        default_factory=list, description="not sent; the next run tries again"
    )
    gave_up: list[Failure] = Field(
        default_factory=list, description="not sent after the last attempt: given up"
    )
    no_email: list[Item] = Field(
        default_factory=list, description="due, but the person has no e-mail address"
    )
    text: str = Field(default="", description="the whole report in words")

    @property
    def ok(self) -> bool:
        """Nothing failed and nothing was given up."""
        return not self.failed and not self.gave_up


def _lines(locale: str, items: list[Item]) -> list[str]:
    return [f"  {say(locale, 'report_line', name=i.name, subject=i.subject)}" for i in items]


def report_text(report: NotifyReport) -> str:
    """The report in words (``report.text`` is made with it)."""
    locale = report.locale
    if report.busy:
        return say(locale, "report_busy") + "\n"
    parts: list[str] = []
    if report.dry_run:
        if report.would_send:
            count = len(report.would_send)
            parts.append(say_count(locale, "report_dry", count))
            parts.extend(_lines(locale, report.would_send))
        else:
            parts.append(say(locale, "report_dry_nothing"))
    elif report.sent:
        parts.append(say_count(locale, "report_sent", len(report.sent)))
        parts.extend(_lines(locale, report.sent))
    if report.failed:
        parts.append(say_count(locale, "report_failed", len(report.failed)))
        for item in report.failed:
            values = {"name": item.name, "subject": item.subject, "reason": item.reason}
            line = say(
                locale, "report_failed_line", attempts=item.attempts, cap=MAX_ATTEMPTS, **values
            )
            parts.append(f"  {line}")
            if item.permanent:
                parts.append(f"  {say(locale, 'report_refused_hint', name=item.name)}")
    if report.gave_up:
        parts.append(say_count(locale, "report_gave_up", len(report.gave_up), cap=MAX_ATTEMPTS))
        for item in report.gave_up:
            line = say(
                locale,
                "report_gave_up_line",
                name=item.name,
                subject=item.subject,
                reason=item.reason,
            )
            parts.append(f"  {line}")
    if report.no_email:
        names = sorted({item.name for item in report.no_email})
        parts.append(say_count(locale, "report_no_email", len(names)))
        parts.extend(
            f"  {say(locale, 'report_no_email_line', name=i.name, subject=i.subject)}"
            for i in report.no_email
        )
    if not parts:
        parts.append(say(locale, "report_nothing"))
    return "\n".join(parts) + "\n"


def _finished(report: NotifyReport) -> NotifyReport:
    return report.model_copy(update={"text": report_text(report)})


def _moment(
    data: OfficeData, today: date | str | None, now: datetime | None
) -> tuple[date, datetime]:
    """The run's day and moment: ``now`` (default the real time); a ``today`` other than
    now's day without ``now`` is taken at its first minute (00:00 in the office's zone)."""
    office = data.office
    moment = office_now(office, now)
    day = parse_day(today, office, moment)
    if now is None and day != moment.date():
        moment = datetime.combine(day, time(0), tzinfo=office.zone)
    return day, moment


def due_notices(ctx: NotifyContext) -> list[Notice]:
    """Every notice due, kind by kind in the order of the kinds, each key once."""
    seen: set[str] = set()
    found: list[Notice] = []
    for kind, producer in PRODUCERS.items():
        if not switched_on(ctx.settings, kind):
            continue
        for notice in producer(ctx):
            if notice.key not in seen:
                seen.add(notice.key)
                found.append(notice)
    return found


def _context(data: OfficeData, day: date, moment: datetime) -> NotifyContext:
    settings = data.office.notices
    preferences = read_preferences(data.folder, locale=data.office.locale)
    links: dict[str, str | None] = {}

    def link(volunteer: str) -> str | None:
        if volunteer not in links:
            try:
                links[volunteer] = page_url(data, volunteer, now=moment)
            except RosterError:
                links[volunteer] = None  # a damaged links file: the message says to ask
        return links[volunteer]

    def wants(volunteer: str, kind: Kind) -> bool:
        return switched_on(settings, kind) and kind not in preferences.off(volunteer)

    return NotifyContext(
        folder=data.folder,
        data=data,
        today=day,
        now=moment,
        settings=settings,
        page_url=link,
        wants=wants,
    )


class _Run:
    """One run over the due notices: sends, records, collects the report."""

    def __init__(self, data: OfficeData, ctx: NotifyContext, log: SentLog, send: Sender | None):
        self.data = data
        self.ctx = ctx
        self.log = log
        self.send = send
        self.locale = data.office.locale
        self.report = NotifyReport(locale=self.locale, today=ctx.today, dry_run=send is None)
        """Without a sender the run is a trial run."""

    def _record(
        self,
        notice: Notice,
        status: Status,
        *,
        error: str | None = None,
        permanent: bool = False,
    ) -> None:
        self.log = record(
            self.data.folder,
            notice.key,
            kind=notice.kind,
            volunteer=notice.volunteer,
            status=status,
            now=self.ctx.now,
            error=error,
            permanent=permanent,
            locale=self.locale,
        )

    def one(self, notice: Notice) -> None:
        if self.log.done(notice.key):
            return
        person = self.data.by_id().get(notice.volunteer)
        if person is None:
            return
        item = Item(
            key=notice.key,
            kind=notice.kind,
            volunteer=person.id,
            name=person.name,
            subject=notice.subject,
        )
        if person.email is None:
            before = self.log.entries.get(notice.key)
            if before is None or before.status != "no_address":
                self.report.no_email.append(item)
                if self.send is not None:
                    self._record(notice, "no_address")
            return
        if self.send is None:
            self.report.would_send.append(item)
            return
        message = email_of(notice, self.data, person, self.ctx.page_url(person.id), self.ctx.now)
        try:
            self.send(message)
        except SendFailure as failure:
            self._record(notice, "failed", error=failure.reason, permanent=failure.permanent)
            attempts = self.log.entries[notice.key].attempts
            failed = Failure(
                **item.model_dump(),
                reason=say(self.locale, f"reason_{failure.reason}"),
                reason_code=failure.reason,
                attempts=attempts,
                permanent=failure.permanent,
            )
            (self.report.gave_up if attempts >= MAX_ATTEMPTS else self.report.failed).append(failed)
            return
        self._record(notice, "sent")
        self.report.sent.append(item)


def notify(
    folder: Path,
    *,
    today: date | str | None = None,
    now: datetime | None = None,
    dry_run: bool = False,
    send: Sender | None = None,
) -> NotifyReport:
    """Send every message due on ``today`` (default: the office's today) that was not
    sent yet; the report, in the office's language.

    ``send`` replaces the SMTP connection (tests: a sender that fails); it takes an
    :class:`email.message.EmailMessage` and raises
    :class:`roster.app.notify.smtp.SendFailure` when the message was not sent. With
    ``dry_run`` nothing is sent or written.

    :class:`RosterError` (nothing sent) for a folder with problems, no ``mail:`` in
    office.yaml (unless ``dry_run``), a missing password or a password file others can
    read, a damaged sent-log. Another run sending at the same time: a report with
    ``busy`` set, nothing done.
    """
    folder = Path(folder)
    with reading():
        data = load_office(folder)
    locale = data.office.locale
    day, moment = _moment(data, today, now)
    mail = data.office.mail
    if dry_run:
        ctx = _context(data, day, moment)
        run = _Run(data, ctx, read_log(folder, locale=locale), None)
        for notice in due_notices(ctx):
            run.one(notice)
        return _finished(run.report)
    if mail is None:
        raise RosterError(say(locale, "no_mail"))
    password = password_of(mail, folder, locale=locale) if send is None else None
    ctx = _context(data, day, moment)
    with ExitStack() as stack, reading():
        lock = FileLock(str(folder / "notices" / SENDING_LOCK), timeout=0)
        (folder / "notices").mkdir(parents=True, exist_ok=True)
        try:
            stack.enter_context(lock)
        except Timeout:
            return _finished(NotifyReport(locale=locale, today=day, dry_run=False, busy=True))
        log = read_log(folder, locale=locale)
        sender = send if send is not None else stack.enter_context(SmtpSender(mail, password))
        run = _Run(data, ctx, log, sender)
        for notice in due_notices(ctx):
            run.one(notice)
        # What each volunteer now knows of their duties: the baseline of the next change
        # notice (still under the sending lock, so no other run reads it half-moved).
        ids = [person.id for person in data.volunteers]
        remember_told(folder, ids, reset=[vid for vid in ids if not ctx.wants(vid, "change")])
        return _finished(run.report)
