"""The office's rules: ``office.yaml``."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from pydantic import Field, field_validator, model_validator

from roster.domain.languages import babel_knows
from roster.domain.notice_settings import MailSettings, NoticeSettings
from roster.domain.office_settings import Contact as Contact  # noqa: PLC0414 - re-exported
from roster.domain.office_settings import FeedSettings as FeedSettings  # noqa: PLC0414 - re-exported
from roster.domain.office_settings import VolunteerSettings as VolunteerSettings  # noqa: PLC0414 - re-exported
from roster.domain.strict import Strict as Strict  # noqa: PLC0414 - re-exported
from roster.domain.strict import invalid as invalid  # noqa: PLC0414 - re-exported
from roster.domain.values import Clock, Day, Name, WholeNumber, shown
from roster.domain.values import parse_clock as parse_clock  # noqa: PLC0414 - re-exported

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[Weekday, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
LanguageCode = Annotated[
    str,
    Field(
        pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        description="BCP 47 / ISO 639 language code, e.g. ar, fa, fa-AF, ti",
    ),
]


def minutes_of(clock: time) -> int:
    """Minutes since midnight."""
    return clock.hour * 60 + clock.minute


class Closure(Strict):
    """Dates on which the office is closed, e.g. a Christmas break."""

    from_: Day = Field(alias="from", description="first closed day")
    to: Day = Field(description="last closed day (inclusive)")
    reason: str = Field(min_length=1, description="shown on the rota, e.g. Weihnachtspause")

    @model_validator(mode="after")
    def _ordered(self) -> Closure:
        if self.to < self.from_:
            raise invalid(
                f"the closure ends ({self.to}) before it starts ({self.from_}); swap from and to",
                "to",
            )
        return self


class CounsellorNeed(Strict):
    """How many counsellors an open-hours session needs."""

    min: WholeNumber = Field(ge=0, le=100, description="experienced counsellors needed at least")
    max: WholeNumber = Field(ge=1, le=100, description="counsellors (trainees included) at most")

    @model_validator(mode="after")
    def _ordered(self) -> CounsellorNeed:
        if self.max < self.min:
            raise invalid(
                f"max ({self.max}) is smaller than min ({self.min}); make max at least min",
                "max",
            )
        return self


class SessionRule(Strict):
    """A weekly session: fields shared by open hours and appointment hours."""

    name: Name = Field(description="shown on the rota and in feeds")
    weekday: Weekday = Field(description="day of the week the session takes place")
    start: Clock = Field(description="start time, HH:MM in the office time zone")
    end: Clock = Field(description="end time, HH:MM, after start")
    since: Day | None = Field(default=None, description="the session exists from this date on")
    until: Day | None = Field(default=None, description="the session exists up to this date")

    @model_validator(mode="after")
    def _times(self) -> SessionRule:
        if self.end <= self.start:
            raise invalid(
                f"the session ends ({self.end:%H:%M}) before or when it starts "
                f"({self.start:%H:%M}); make end later than start (swap them if they are reversed)",
                "end",
            )
        if self.since and self.until and self.until < self.since:
            raise invalid(
                f"until ({self.until}) is before since ({self.since}); swap them", "until"
            )
        return self

    @property
    def minutes(self) -> int:
        """Length of the session in minutes."""
        return minutes_of(self.end) - minutes_of(self.start)

    def runs_on(self, day: date) -> bool:
        """Whether the rule has a session on ``day`` (weekday, since, until; not closures)."""
        if WEEKDAYS[day.weekday()] != self.weekday:
            return False
        if self.since and day < self.since:
            return False
        return not (self.until and day > self.until)


class OpenHoursRule(SessionRule):
    """Walk-in hours: any problem, any language."""

    kind: Literal["open_hours"] = Field(description="open_hours")
    counsellors: CounsellorNeed = Field(description="counsellors needed: min and max")
    leads: WholeNumber = Field(
        default=1, ge=0, le=20, description="people with the role lead on duty, at least"
    )
    interpreters: dict[LanguageCode, Annotated[WholeNumber, Field(ge=0, le=50)]] = Field(
        default_factory=dict,
        description="standing interpreter need per language; the forecast replaces it",
    )
    visitors_per_interpreter: WholeNumber = Field(
        default=4, ge=1, le=100, description="visitors one interpreter can serve in a session"
    )


class AppointmentsRule(SessionRule):
    """Appointment hours, by prior arrangement."""

    kind: Literal["appointments"] = Field(description="appointments")
    slot_minutes: WholeNumber = Field(
        default=30, ge=5, le=240, description="appointments start on this grid"
    )
    desks: WholeNumber = Field(
        default=1, ge=1, le=50, description="appointments that can run at the same time"
    )

    @model_validator(mode="after")
    def _slots(self) -> AppointmentsRule:
        if self.minutes < self.slot_minutes:
            raise invalid(
                f"the session ({self.start:%H:%M}-{self.end:%H:%M}) is {self.minutes} minutes "
                f"long and cannot hold one slot of {self.slot_minutes} minutes; make it longer "
                "or slot_minutes shorter",
                "end",
            )
        return self


SessionRuleAny = Annotated[OpenHoursRule | AppointmentsRule, Field(discriminator="kind")]

WeekOfMonth = Literal["first", "second", "third", "fourth", "last"]


class TeamMeeting(Strict):
    """The monthly meeting of all volunteers."""

    weekday: Weekday = Field(description="day of the week of the meeting")
    week: WeekOfMonth = Field(default="first", description="which such weekday of the month")
    start: Clock = Field(description="start time, HH:MM")
    minutes: WholeNumber = Field(default=90, ge=15, le=480, description="length in minutes")
    agenda: list[str] = Field(default_factory=list, description="agenda items, in order")


class Priorities(Strict):
    """Weights of the soft rules, in their order of priority (docs/planning.md).

    Each weight is the penalty of one unit of its rule; higher means more important.
    The defaults keep the order: one unit of a rule outweighs what one duty more or
    less typically costs under the rules after it, a point of fairness spread outweighs
    a maybe day, and the whole spread (100 points) weighs less than one unit of the
    rules before it.
    """

    language: WholeNumber = Field(
        default=10_000,
        ge=0,
        le=1_000_000,
        description="per missing interpreter, per expected visitor of its language",
    )
    appointment: WholeNumber = Field(
        default=4000, ge=0, le=1_000_000, description="per unscheduled appointment"
    )
    counsellors: WholeNumber = Field(
        default=3000, ge=0, le=1_000_000, description="per experienced counsellor below min"
    )
    lead: WholeNumber = Field(default=3000, ge=0, le=1_000_000, description="per missing lead")
    continuity: WholeNumber = Field(
        default=1500, ge=0, le=1_000_000, description="per appointment off its named counsellor"
    )
    interpreter_continuity: WholeNumber = Field(
        default=1000, ge=0, le=1_000_000, description="per extra interpreter on one case"
    )
    fairness: WholeNumber = Field(
        default=20,
        ge=0,
        le=1_000_000,
        description="per percentage point of spread of duty rates (duties per offered date)",
    )
    maybe: WholeNumber = Field(
        default=15, ge=0, le=1_000_000, description="per duty on a maybe day"
    )
    same_week: WholeNumber = Field(
        default=20, ge=0, le=1_000_000, description="per duty beyond the first in one week"
    )
    consecutive_weeks: WholeNumber = Field(
        default=5, ge=0, le=1_000_000, description="per two weeks running with duties"
    )
    change: WholeNumber = Field(
        default=10, ge=0, le=1_000_000, description="per assignment changed on re-planning"
    )


class Office(Strict):
    """``office.yaml``: the office's rules."""

    name: Name = Field(description="the office's name, on every printout")
    location: str = Field(default="", description="address, the LOCATION of every event")
    timezone: str = Field(default="Europe/Berlin", description="IANA time zone")
    locale: Literal["de", "en"] = Field(default="de", description="language of printouts")
    holidays: str = Field(
        default="DE-NW", description="country[-subdivision] whose public holidays close the office"
    )
    closures: list[Closure] = Field(default_factory=list, description="the office's own closures")
    languages: dict[LanguageCode, dict[str, str]] = Field(
        default_factory=dict,
        description="names for language codes: {de: ..., en: ..., native: ...}",
    )
    sessions: list[SessionRuleAny] = Field(min_length=1, description="the weekly sessions")
    team_meeting: TeamMeeting | None = Field(default=None, description="the monthly meeting")
    contact: Contact | None = Field(
        default=None, description="how to book the appointment hours, on the door sign"
    )
    feeds: FeedSettings = Field(default_factory=FeedSettings, description="calendar feeds")
    priorities: Priorities = Field(default_factory=Priorities, description="soft-rule weights")
    volunteers: VolunteerSettings = Field(
        default_factory=VolunteerSettings, description="what volunteers may do on their pages"
    )
    mail: MailSettings | None = Field(
        default=None, description="the mail server for reminders and notices (none: no e-mail)"
    )
    notices: NoticeSettings = Field(
        default_factory=NoticeSettings, description="which messages are sent, and when"
    )

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            # a zone name is short; a long one would only make the file name too long
            known = len(value) <= 64 and ZoneInfo(value) is not None
        except (ZoneInfoNotFoundError, ValueError, OSError):
            known = False
        if not known:
            raise ValueError(
                f"'{shown(value)}' is not a time zone; use an IANA name such as Europe/Berlin"
            )
        return value

    @field_validator("holidays")
    @classmethod
    def _holidays(cls, value: str) -> str:
        country, _, subdiv = value.partition("-")
        try:
            holidays.country_holidays(country, subdiv=subdiv or None)
        except NotImplementedError:
            raise ValueError(
                f"'{shown(value)}' is not a holiday region roster knows; write COUNTRY-SUBDIVISION, "
                "e.g. DE-NW for North Rhine-Westphalia or DE-BY for Bavaria"
            ) from None
        return value

    @field_validator("languages")
    @classmethod
    def _language_names(cls, value: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        for code, names in value.items():
            unknown = sorted(set(names) - {"de", "en", "native"})
            if unknown:
                raise invalid(
                    f"unknown key '{unknown[0]}' for the names of {code}; "
                    "name the language under de, en or native",
                    code,
                    unknown[0],
                )
            if not names:
                raise invalid(
                    f"give {code} at least one name, e.g. {code}: {{de: ..., en: ...}}", code
                )
        return value

    @model_validator(mode="after")
    def _sessions_distinct(self) -> Office:
        seen: dict[tuple[str, str, time], int] = {}
        for index, rule in enumerate(self.sessions):
            key = (rule.kind, rule.weekday, rule.start)
            if key in seen:
                raise invalid(
                    f"this {rule.kind} session starts on {rule.weekday} at {rule.start:%H:%M} "
                    f"like sessions[{seen[key]}]; give the two different days or times, "
                    "or remove one",
                    "sessions",
                    index,
                    "start",
                )
            seen[key] = index
        return self

    @property
    def zone(self) -> ZoneInfo:
        """The office's time zone."""
        return ZoneInfo(self.timezone)

    def knows_language(self, code: str) -> bool:
        """Whether the code has a name: from Babel or from ``languages:``."""
        return code in self.languages or babel_knows(code)

    def open_hours_rules(self) -> list[OpenHoursRule]:
        """The open-hours session rules."""
        return [rule for rule in self.sessions if isinstance(rule, OpenHoursRule)]

    def appointment_rules(self) -> list[AppointmentsRule]:
        """The appointment-hours session rules."""
        return [rule for rule in self.sessions if isinstance(rule, AppointmentsRule)]
