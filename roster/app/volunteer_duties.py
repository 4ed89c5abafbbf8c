"""A volunteer steps into a gap or gives a duty back, on their own page (issue 15).

:func:`step_in_page` lists the open gaps of the coming weeks the volunteer can take: a
gap's places (as the lead's adjust page offers them, :mod:`roster.app.adjust_view`)
that the candidates machinery (:mod:`roster.app.candidates`: the independent checker's
hard rules, confirmed by the whole checker) accepts for this volunteer.

:func:`step_in` checks the same under the folder lock; when the office says
``volunteers.step_in: at_once`` it is the lead's :func:`roster.app.adjust.put_in`
(override, re-plan with stability) and the feeds are published again; with
``ask_lead`` it is a request the lead confirms (:mod:`roster.app.duty_requests`).
:func:`give_back` writes the absence at once (a ``forbid`` override, comments kept);
with ``volunteers.give_back: replan`` that is :func:`roster.app.adjust.take_out` and the
feeds are published again; with ``ask_lead`` the override, the person out of the plan
with a gap in their place (nothing else moves: :mod:`roster.app.give_back`), the feeds
published again, and a request.

Every refusal says why in the page's language. The change log names the volunteer (by
their id, which the log shows as their name); no client data goes anywhere.
"""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from roster.app.adjust import put_in, take_out
from roster.app.candidates import verdict
from roster.app.changelog import record_change
from roster.app.clock import office_now
from roster.app.duty_requests import (
    DutyRequest,
    Kind,
    PageWords,
    new_request_id,
    read_requests,
    republish,
    write_requests,
)
from roster.app.edits import COMMAND, check_as_saved, save_files
from roster.app.give_back import gap_for
from roster.app.guard import reading, writing
from roster.app.override_file import edited_overrides, overrides_name
from roster.app.places import Place, SessionContext
from roster.app.volunteer_page import GAP_DAYS
from roster.domain.errors import Problem, RosterError
from roster.domain.month import Month
from roster.domain.office_data import OfficeData
from roster.domain.requests import Forbid
from roster.domain.team import Volunteer
from roster.folder.load import load_office
from roster.planfile.history import load_history
from roster.planfile.index import PlanIndex
from roster.planfile.io import plan_path, read_plan, write_plan
from roster.planfile.schema import Plan, PlanSession, Uncovered
from roster.wording.catalogue import locale_of, text
from roster.wording.formats import Formatter


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class StepInOption(_Model):
    """A place of a gap the volunteer can take."""

    date: dt.date
    day: str = Field(description="the date in words")
    time: str = Field(description="from and to, in words")
    need: str = Field(description="what the session misses, in words")
    role: str = Field(description="counsellor, interpreter or lead: send it back")
    language: str | None = Field(default=None, description="its language code: send it back")
    duty: str = Field(description="what the volunteer would do, in words")


class StepInPage(_Model):
    """The step-in page: what the volunteer can take, and their requests waiting."""

    office: str
    name: str
    locale: str
    at_once: bool = Field(description="a step-in is applied at once (else the lead confirms)")
    give_back_replans: bool = Field(description="a give-back is re-planned at once")
    options: list[StepInOption]
    waiting: list[str] = Field(description="the volunteer's requests waiting, in words")


class DutyOutcome(_Model):
    """What a step-in or give-back did, in the page's language."""

    date: dt.date = Field(description="the session's date")
    applied: bool = Field(description="the plan was changed (else it waits for the lead)")
    published: bool = Field(description="the feeds were published again")
    message: str


def _say(locale: str, key: str, /, **values: object) -> str:
    return text(locale, f"volunteer.{key}", **values)


def _refused(message: str, field: str = "date") -> RosterError:
    return RosterError(message, [Problem("", None, field, message)])


class _Visit:
    """The office, the volunteer, the page's language and today, loaded once."""

    def __init__(self, folder: Path, volunteer: str, lang: str | None, now: datetime | None):
        self.folder = folder
        self.data: OfficeData = load_office(folder)
        self.person: Volunteer = self.data.by_id()[volunteer]
        self.locale = locale_of(lang) if lang in ("de", "en") else self.data.office.locale
        self.words = PageWords(self.data, self.locale)
        self.today = office_now(self.data.office, now).date()

    def plan(self, month: Month) -> Plan | None:
        path = plan_path(self.folder, month)
        return read_plan(path) if path.is_file() else None

    def context(self, plan: Plan, session: PlanSession) -> SessionContext:
        month = Month.parse(plan.month)
        history = load_history(self.folder, month)
        return SessionContext(self.data, plan, month, session, self.today, history)

    def day_of(self, value: dt.date | str) -> dt.date:
        try:
            day = value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
        except ValueError:
            raise _refused(_say(self.locale, "duty_bad_date")) from None
        if day < self.today:
            raise _refused(_say(self.locale, "duty_past", day=self.words.long_day(day)))
        return day


def _places(gap: Uncovered) -> list[Place]:
    if gap.need == "language" and gap.language:
        return [Place("interpreter", gap.language), Place("counsellor", gap.language)]
    if gap.need == "counsellors":
        return [Place("counsellor")]
    return [Place("lead")]


def _need(visit: _Visit, gap: Uncovered) -> str:
    if gap.need == "language" and gap.language:
        return _say(visit.locale, "gap_language", language=visit.words.language(gap.language))
    if gap.need == "lead":
        return _say(visit.locale, "gap_lead")
    return visit.words.tp("adjust_need_counsellors", gap.missing)


def _time(visit: _Visit, session: PlanSession) -> str:
    office = visit.data.office
    fmt = Formatter(visit.locale, office.zone, dict(office.languages))
    return fmt.span(session.start, session.end)


def _options(visit: _Visit) -> list[StepInOption]:
    until = visit.today + timedelta(days=GAP_DAYS)
    found: list[StepInOption] = []
    for month in (Month.of(visit.today), Month.of(visit.today).next()):
        plan = visit.plan(month)
        if plan is None:
            continue
        for session in sorted(plan.sessions, key=lambda s: (s.start, s.id)):
            if not visit.today <= session.date <= until or not session.uncovered:
                continue
            ctx = visit.context(plan, session)
            for gap in session.uncovered:
                chosen = verdict(ctx, visit.person, _places(gap))
                if chosen.place is None:
                    continue
                found.append(
                    StepInOption(
                        date=session.date,
                        day=visit.words.long_day(session.date),
                        time=_time(visit, session),
                        need=_need(visit, gap),
                        role=chosen.place.role,
                        language=chosen.place.language,
                        duty=visit.words.duty(chosen.place).text,
                    )
                )
    return found


def _waiting(visit: _Visit) -> list[str]:
    lines = []
    for item in read_requests(visit.folder):
        if item.volunteer != visit.person.id:
            continue
        day = visit.words.long_day(item.date)
        key = "duty_waiting_step_in" if item.kind == "step_in" else "duty_waiting_give_back"
        lines.append(_say(visit.locale, key, day=day))
    return lines


def step_in_page(
    folder: Path, volunteer: str, *, lang: str | None = None, now: datetime | None = None
) -> StepInPage:
    """The gaps of the coming weeks ``volunteer`` can take, and their requests waiting."""
    folder = Path(folder)
    with reading():
        visit = _Visit(folder, volunteer, lang, now)
        return StepInPage(
            office=visit.data.office.name,
            name=visit.person.name,
            locale=visit.locale,
            at_once=visit.data.office.volunteers.step_in == "at_once",
            give_back_replans=visit.data.office.volunteers.give_back == "replan",
            options=_options(visit),
            waiting=_waiting(visit),
        )


def _log_words(visit: _Visit) -> PageWords:
    """The change log's values are in the office's language, as the lead reads them."""
    return PageWords(visit.data, visit.data.office.locale)


def _gap_place(
    visit: _Visit, plan: Plan | None, day: dt.date, role: str, language: str | None
) -> tuple[Plan, PlanSession, Place]:
    """The session on ``day`` with a gap that ``role`` (in ``language``) fills."""
    for session in [] if plan is None else plan.sessions:
        if plan is None or session.date != day:
            continue
        for gap in session.uncovered:
            for place in _places(gap):
                if place.role == role and place.language == language:
                    return plan, session, place
    raise _refused(_say(visit.locale, "duty_no_gap", day=visit.words.long_day(day)))


def _ask(visit: _Visit, item: DutyRequest) -> None:
    found = read_requests(visit.folder)
    if any(
        (other.volunteer, other.kind, other.date) == (item.volunteer, item.kind, item.date)
        for other in found
    ):
        raise _refused(_say(visit.locale, "duty_already_asked"))
    write_requests(visit.folder, [*found, item])


def _request(
    visit: _Visit, kind: Kind, day: dt.date, now: datetime | None, place: Place | None
) -> DutyRequest:
    moment = office_now(visit.data.office, now).astimezone(UTC).replace(microsecond=0)
    return DutyRequest(
        id=new_request_id(),
        kind=kind,
        volunteer=visit.person.id,
        date=day,
        role=None if place is None else place.role,
        language=None if place is None else place.language,
        made=moment.isoformat(),
    )


def step_in(
    folder: Path,
    volunteer: str,
    day: dt.date | str,
    role: str,
    language: str | None = None,
    *,
    lang: str | None = None,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> DutyOutcome:
    """``volunteer`` steps into the gap on ``day`` as ``role`` (in ``language``): applied
    and published again (``step_in: at_once``) or a request for the lead
    (``ask_lead``); :class:`RosterError` (nothing written) saying why not, in the page's
    language, when the checker does not accept it."""
    folder = Path(folder)
    language = (language or "").strip() or None
    with writing(folder, COMMAND, wait=lock_wait), reading():
        visit = _Visit(folder, volunteer, lang, now)
        date = visit.day_of(day)
        month = Month.of(date)
        plan, session, place = _gap_place(visit, visit.plan(month), date, role, language)
        found = verdict(visit.context(plan, session), visit.person, [place])
        words = visit.words
        if not found.offered:
            reason = (
                words.reason(found.why)
                if found.why is not None
                else words.violations(found.violations)
            )
            raise _refused(_say(visit.locale, "duty_cannot", reason=reason))
        duty = words.duty(place).text
        long_day = words.long_day(date)
        if visit.data.office.volunteers.step_in == "at_once":
            put_in(
                folder,
                month,
                date,
                visit.person.id,
                place.role,
                place.language,
                who=visit.person.id,
                session=session.id,
                now=now,
                lock_wait=lock_wait,
            )
            published = republish(folder, month, who=visit.person.id, now=now, lock_wait=lock_wait)
            message = _say(visit.locale, "duty_stepped_in", day=long_day, duty=duty)
            return DutyOutcome(date=date, applied=True, published=published, message=message)
        _ask(visit, _request(visit, "step_in", date, now, place))
        log = _log_words(visit)
        record_change(
            folder,
            visit.person.id,
            "volunteer.duty_change_asked_step_in",
            month=month,
            now=now,
            lock_wait=lock_wait,
            name=visit.person.name,
            day=log.day(date),
            duty=log.duty(place).text,
        )
        message = _say(visit.locale, "duty_step_in_asked", day=long_day, duty=duty)
        return DutyOutcome(date=date, applied=False, published=False, message=message)


def _my_session(visit: _Visit, plan: Plan | None, day: dt.date) -> PlanSession:
    if plan is not None:
        index = PlanIndex(plan)
        for session in plan.sessions:
            if session.date == day and index.works_in(visit.person.id, session.id):
                return session
    raise _refused(_say(visit.locale, "duty_not_yours", day=visit.words.long_day(day)))


def give_back(
    folder: Path,
    volunteer: str,
    day: dt.date | str,
    *,
    lang: str | None = None,
    now: datetime | None = None,
    lock_wait: float | None = None,
) -> DutyOutcome:
    """``volunteer`` cannot come to their duty on ``day``: the absence is written (a
    ``forbid`` override); re-planned and published again (``give_back: replan``) or a
    request for the lead (``ask_lead``). :class:`RosterError` (nothing written) for a
    past date or a date that is not their duty."""
    folder = Path(folder)
    with writing(folder, COMMAND, wait=lock_wait), reading():
        visit = _Visit(folder, volunteer, lang, now)
        date = visit.day_of(day)
        month = Month.of(date)
        session = _my_session(visit, visit.plan(month), date)
        long_day = visit.words.long_day(date)
        who = visit.person.id
        if visit.data.office.volunteers.give_back == "replan":
            take_out(
                folder, month, date, who, who=who, session=session.id, now=now, lock_wait=lock_wait
            )
            published = republish(folder, month, who=who, now=now, lock_wait=lock_wait)
            message = _say(visit.locale, "duty_given_back", day=long_day)
            return DutyOutcome(date=date, applied=True, published=published, message=message)
        request = _request(visit, "give_back", date, now, None)
        if any(
            (item.volunteer, item.kind, item.date) == (who, "give_back", date)
            for item in read_requests(folder)
        ):
            raise _refused(_say(visit.locale, "duty_already_asked"))
        name = overrides_name(month)
        path = folder / name
        current = path.read_text("utf-8") if path.is_file() else None
        new_text = edited_overrides(current, month, forbid=Forbid(volunteer=who, date=date))
        checked = check_as_saved(folder, {name: new_text.encode()}, locale=visit.locale)
        gap = gap_for(checked, who, date, locale=visit.locale)
        save_files(
            folder,
            {name: new_text},
            who=who,
            key="volunteer.duty_change_gave_back",
            month=month,
            now=now,
            lock_wait=lock_wait,
            locale=visit.locale,
            name=visit.person.name,
            day=_log_words(visit).day(date),
        )
        if gap is not None:  # the gap shows at once; the lead confirms (re-plans) later
            write_plan(folder, gap)
        _ask(visit, request)
        published = gap is not None and republish(
            folder, month, who=who, now=now, lock_wait=lock_wait
        )
        message = _say(visit.locale, "duty_given_back_waiting", day=long_day)
        return DutyOutcome(date=date, applied=False, published=published, message=message)
