"""The planner's reasons in words, in German and English.

The solver says why a need stays uncovered or an appointment unscheduled as reason
codes with their data (:mod:`solver.reasons`); :class:`Wording` renders them in a
locale, from the templates of :mod:`roster.wording.reasons`: dates by fixed Babel
patterns (``Thu 10 Dec``, ``Do., 10. Dez.``), so messages and plan files read the same
on every machine, and language names by :func:`roster.domain.languages.language_name`.
The plan build writes the plan file's reasons in the plan's locale; ``roster explain``
renders the whole report (:meth:`Wording.report`) in English like the rest of the CLI.

The wording knows the solver's data only by shape (:class:`ReasonData`,
:class:`CandidateData`, :class:`ExplanationData`), so it stays below the solver.

The module-level helpers (:func:`day_text` and friends) are the English wording, used by
the checker, the forced-assignment messages and ``roster``'s own output.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol, runtime_checkable

from roster.domain.languages import language_name
from roster.domain.office import Office
from roster.wording.catalogue import locale_of, template
from roster.wording.dates import date_text, number_text


@runtime_checkable
class ReasonData(Protocol):
    """A reason code (a ``reason.*`` message id without its prefix) and its data."""

    @property
    def code(self) -> str: ...

    @property
    def params(self) -> Mapping[str, object]: ...


class CandidateData(Protocol):
    """A person considered for a need, and what kept them from it."""

    @property
    def volunteer(self) -> str: ...

    @property
    def reason(self) -> ReasonData: ...

    @property
    def kind(self) -> str: ...


class ExplanationData(Protocol):
    """One uncovered need or unscheduled appointment: title, summary, candidates
    (grouped by the date they were considered for; ``None`` for the session's own)."""

    @property
    def title(self) -> ReasonData: ...

    @property
    def summary(self) -> ReasonData: ...

    @property
    def candidates(self) -> Sequence[tuple[date | None, Sequence[CandidateData]]]: ...


@dataclass(frozen=True)
class SessionExplanations:
    """The explanations of one open-hours session, for :meth:`Wording.report`."""

    day: date
    name: str
    start: datetime
    end: datetime
    explanations: Sequence[ExplanationData]


class _Filler(string.Formatter):
    """``str.format`` with the reasons' format specs (``{day:day}``)."""

    def __init__(self, wording: Wording) -> None:
        super().__init__()
        self.wording = wording

    def format_field(self, value: Any, format_spec: str) -> str:
        return self.wording.value(value, format_spec)


class Wording:
    """The sentences, dates and names of one locale (``de`` or ``en``; others get ``en``)."""

    def __init__(self, locale: str, languages: dict[str, dict[str, str]] | None = None) -> None:
        self.locale = locale_of(locale)
        self.languages = languages
        self._filler = _Filler(self)

    @classmethod
    def of(cls, locale: str, office: Office) -> Wording:
        """The wording of ``locale``, with the office's own language names."""
        return cls(locale, dict(office.languages))

    # -- sentences ----------------------------------------------------------------------
    def say(self, key: str, /, **values: object) -> str:
        """The sentence ``reason.<key>`` with its placeholders filled in."""
        return self._filler.vformat(template(self.locale, f"reason.{key}"), (), values)

    def render(self, reason: ReasonData) -> str:
        """A reason code with its data, in words."""
        return self.say(reason.code, **reason.params)

    def value(self, value: Any, spec: str) -> str:
        """One placeholder's value, written as its format spec says
        (the specs are listed in :mod:`roster.wording.reasons`)."""
        if not spec:
            return self.render(value) if isinstance(value, ReasonData) else format(value)
        written: str
        match spec:
            case "day":
                written = self.day(value)
            case "short":
                written = self.short_day(value)
            case "days":
                written = self.days(value)
            case "span":
                written = self.span(*value)
            case "weekdays":
                written = self.weekday_plural(value)
            case "clock":
                written = format(value, "%H:%M")
            case "language":
                written = self.language(value)
            case "number":
                written = self.number(value)
            case "hours":
                written = self.hours(value)
            case "interpreters":
                written = self.count(value, "interpreter")
            case "experienced":
                written = self.count(value, "experienced")
            case "ids":
                written = ", ".join(value)
            case "list":
                written = "; ".join(self.render(item) for item in value)
            case "each":
                written = self.each(value)
            case "digest":
                written = self.digest(value)
            case "options":
                written = "; ".join(f"{self.day(day)}: {self.render(why)}" for day, why in value)
            case "closures":
                written = ", ".join(f"{self.short_day(day)} {why}" for day, why in value)
            case _:
                raise ValueError(f"unknown format spec {spec!r} in a reason template")
        return written

    def each(self, people: Iterable[CandidateData]) -> str:
        """``v13 is absent 7-20 Dec; v14 ...``."""
        return "; ".join(f"{c.volunteer} {self.render(c.reason)}" for c in people)

    def digest(self, people: Sequence[CandidateData]) -> str:
        """One line about many candidates: each by name when few, else grouped by what
        kept them; ``none`` when there is nobody."""
        if not people:
            return self.say("none")
        if len(people) <= 3:
            return self.each(people)
        groups: dict[str, list[str]] = {}
        for candidate in people:
            groups.setdefault(candidate.kind, []).append(candidate.volunteer)
        return "; ".join(
            self.say("group", count=len(ids), what=self.say(f"group_{kind}"), ids=", ".join(ids))
            for kind, ids in groups.items()
        )

    # -- dates, numbers, names ----------------------------------------------------------
    def _pattern(self, name: str) -> str:
        return template(self.locale, f"reason.pattern_{name}")

    def day(self, day: date) -> str:
        """``Thu 10 Dec``, ``Do., 10. Dez.``."""
        return date_text(day, self._pattern("day"), self.locale)

    def short_day(self, day: date) -> str:
        """``10 Dec``, ``10. Dez.``."""
        return date_text(day, self._pattern("short"), self.locale)

    def weekday_plural(self, day: date) -> str:
        """``Thursdays``, ``donnerstags``."""
        name = date_text(day, "EEEE", self.locale) + "s"
        return name.lower() if self.locale == "de" else name

    def span(self, first: date, last: date) -> str:
        """``7-20 Dec``, ``28 Nov-3 Dec``, or ``10 Dec`` for one day."""
        if first == last:
            return self.short_day(first)
        if (first.year, first.month) == (last.year, last.month):
            start = date_text(first, self._pattern("first_of_span"), self.locale)
            return f"{start}-{self.short_day(last)}"
        return f"{self.short_day(first)}-{self.short_day(last)}"

    def days(self, days: Iterable[date]) -> str:
        """``2 Dec, 3 Dec and 10 Dec`` style list of dates."""
        return self.and_list([self.short_day(day) for day in sorted(days)])

    def and_list(self, items: list[str]) -> str:
        """``a``, ``a and b``, ``a, b and c``."""
        if not items:
            return self.say("nobody")
        if len(items) == 1:
            return items[0]
        return ", ".join(items[:-1]) + self.say("and") + items[-1]

    def language(self, code: str) -> str:
        """The language's name in this locale: ``Tigrinya``, ``Arabisch``."""
        return language_name(code, self.locale, self.languages)

    def number(self, value: float) -> str:
        """``12.5``, ``12,5``: at most three decimals, no grouping."""
        return number_text(value, "0.###", self.locale)

    def count(self, count: int, noun: str) -> str:
        """``1 interpreter``, ``2 interpreters`` (``noun`` names a pair of templates)."""
        return self.say(f"{noun}_{'one' if count == 1 else 'other'}", count=count)

    def hours(self, minutes: int) -> str:
        """``2 hours``, ``1.5 hours``."""
        value = minutes / 60
        shown = number_text(value, "0.#", self.locale)
        return self.say("hours_one" if value == 1 else "hours_other", count=shown)

    # -- roster explain -----------------------------------------------------------------
    def report(
        self,
        month: str,
        as_of: date,
        status: str,
        sessions: Sequence[SessionExplanations],
        unscheduled: Sequence[ExplanationData],
    ) -> str:
        """Every uncovered need, by open-hours session, and every unscheduled appointment,
        with the candidates considered and why each did not take it."""
        lines = [self.say("report_head", month=month, as_of=as_of, status=status)]
        found = 0
        for section in sessions:
            if not section.explanations:
                continue
            lines.append("")
            lines.append(
                self.say(
                    "report_session",
                    day=section.day,
                    session=section.name,
                    start=section.start,
                    end=section.end,
                )
            )
            for explanation in section.explanations:
                found += 1
                lines.extend(self.explanation_lines(explanation))
        if unscheduled:
            lines.append("")
            lines.append(self.say("report_unscheduled"))
            for explanation in unscheduled:
                found += 1
                lines.extend(self.explanation_lines(explanation))
        if not found:
            lines.append("")
            lines.append(self.say("report_covered"))
        return "\n".join(lines)

    def explanation_lines(self, explanation: ExplanationData) -> list[str]:
        """Title, summary and the candidates of one explanation, indented."""
        lines = [f"  {self.render(explanation.title)}", f"    {self.render(explanation.summary)}"]
        for day, people in explanation.candidates:
            if not people:
                continue
            if day is None:
                lines.append(f"    {self.say('report_candidates')}")
            else:
                lines.append(f"    {self.say('report_candidates_on', day=day)}")
            lines.extend(f"      {c.volunteer:<6} {self.render(c.reason)}" for c in people)
        return lines


ENGLISH = Wording("en")


def english(reason: ReasonData) -> str:
    """A reason in English (the CLI's words), without the office's own language names."""
    return ENGLISH.render(reason)


def day_text(day: date) -> str:
    """``Thu 10 Dec``."""
    return ENGLISH.day(day)


def short_day(day: date) -> str:
    """``10 Dec``."""
    return ENGLISH.short_day(day)


def weekday_plural(day: date) -> str:
    """``Thursdays``."""
    return ENGLISH.weekday_plural(day)


def span_text(first: date, last: date) -> str:
    """``7-20 Dec``, ``28 Nov-3 Dec``, or ``10 Dec`` for one day."""
    return ENGLISH.span(first, last)


def language_text(office: Office, code: str) -> str:
    """The English name of a language: ``Tigrinya``."""
    return language_name(code, "en", office.languages)
