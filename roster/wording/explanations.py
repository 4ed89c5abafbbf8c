"""The planner's reasons in words, in German and English.

The solver says why a need stays uncovered or an appointment unscheduled as reason
codes with their data (:mod:`solver.reasons`); :class:`Wording` renders them in a
locale, from the templates of :mod:`roster.wording.reasons`: dates by fixed Babel
patterns (``Thu 10 Dec``, ``Do., 10. Dez.``), so messages and plan files read the same
on every machine, language names by :func:`roster.domain.languages.language_name`, and
people by name with their id in brackets (``Olena Kovalenko (v16)``). The plan build
writes the plan file's reasons in the plan's locale; ``roster explain`` renders the
whole report (:mod:`roster.wording.report`) in the office's locale.

The wording knows the solver's data only by shape (:class:`ReasonData`,
:class:`CandidateData`, :class:`ExplanationData`), so it stays below the solver.

The module-level helpers (:func:`day_text` and friends) are the English wording, used by
the forced-assignment messages and ``roster``'s own errors.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Protocol, TypeGuard, runtime_checkable

from roster.domain.languages import language_name
from roster.domain.office import Office
from roster.wording.catalogue import locale_of, plural_form, template, term_values
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
    (grouped by the date they were considered for; ``None`` for the session's own); for
    an appointment, the blocking fact of each date considered and a line before them
    (its counsellor could not take it)."""

    @property
    def title(self) -> ReasonData: ...

    @property
    def summary(self) -> ReasonData: ...

    @property
    def candidates(self) -> Sequence[tuple[date | None, Sequence[CandidateData]]]: ...

    @property
    def facts(self) -> Sequence[tuple[date, ReasonData]]: ...

    @property
    def headline(self) -> ReasonData | None: ...


def _is_reason(value: object) -> TypeGuard[ReasonData]:
    """``isinstance(value, ReasonData)`` as the runtime protocol check decides it (both
    attributes present), without its cost: the check collects the protocol's members
    again on every call, and a plan's reasons hold many values."""
    return hasattr(value, "code") and hasattr(value, "params")


class _Filler(string.Formatter):
    """``str.format`` with the reasons' format specs (``{day:day}``)."""

    def __init__(self, wording: Wording) -> None:
        super().__init__()
        self.wording = wording

    def format_field(self, value: Any, format_spec: str) -> str:
        return self.wording.value(value, format_spec)


COUNTED = {
    "interpreters": "interpreter",
    "experienced": "experienced",
    "duties": "duties",
    "offered": "offered",
}
"""The format specs of counted nouns, and their pair of templates (``*_one``, ``*_other``)."""


class Wording:
    """The sentences, dates and names of one locale (``de`` or ``en``; others get ``en``)."""

    def __init__(
        self,
        locale: str,
        languages: dict[str, dict[str, str]] | None = None,
        names: Mapping[str, str] | None = None,
    ) -> None:
        self.locale = locale_of(locale)
        self.languages = languages
        self.names = dict(names or {})
        self._filler = _Filler(self)
        self._terms = term_values(self.locale)

    @classmethod
    def of(cls, locale: str, office: Office, names: Mapping[str, str] | None = None) -> Wording:
        """The wording of ``locale``, with the office's own language names and the
        team's names (volunteer id -> name)."""
        return cls(locale, dict(office.languages), names)

    # -- sentences ----------------------------------------------------------------------
    def sentence(self, key: str, /, **values: object) -> str:
        """The message ``key`` (``check.overlap``) with its placeholders, written as their
        format specs say, and its terms filled in."""
        return self._filler.vformat(template(self.locale, key), (), {**self._terms, **values})

    def say(self, key: str, /, **values: object) -> str:
        """The sentence ``reason.<key>`` with its placeholders and terms filled in."""
        return self.sentence(f"reason.{key}", **values)

    def render(self, reason: ReasonData) -> str:
        """A reason code with its data, in words; a code with an area (``check.overlap``)
        is a message id of its own."""
        key = reason.code if "." in reason.code else f"reason.{reason.code}"
        return self.sentence(key, **reason.params)

    def value(self, value: Any, spec: str) -> str:
        """One placeholder's value, written as its format spec says
        (the specs are listed in :mod:`roster.wording.reasons`)."""
        if not spec:
            return self.render(value) if _is_reason(value) else format(value)
        if spec in COUNTED:
            return self.count(value, COUNTED[spec])
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
            case "month" | "date":
                written = date_text(value, self._pattern(spec), self.locale)
            case "language":
                written = self.language(value)
            case "number":
                written = self.number(value)
            case "whole":
                written = number_text(value, "#,##0", self.locale)
            case "hours":
                written = self.hours(value)
            case "person":
                written = self.person(value)
            case "persons":
                written = ", ".join(self.person(volunteer) for volunteer in value)
            case "ids":
                written = ", ".join(value)
            case "list":
                written = "; ".join(self.render(item) for item in value)
            case "each":
                written = self.each(value)
            case "digest":
                written = self.digest(value)
            case "line":
                written = f"{self.render(value)}\n" if _is_reason(value) else ""
            case "lines":
                written = "\n".join(self.day_line(*item) for item in value)
            case "closures":
                written = ", ".join(f"{self.short_day(day)} {why}" for day, why in value)
            case _:
                raise ValueError(f"unknown format spec {spec!r} in a reason template")
        return written

    def person(self, volunteer: str) -> str:
        """``Olena Kovalenko (v16)``; the id alone for someone not on the team."""
        name = self.names.get(volunteer)
        return self.say("person", name=name, id=volunteer) if name else volunteer

    def each(self, people: Iterable[CandidateData]) -> str:
        """``Yonas Tesfay (v13) is absent 7-20 Dec; ...``."""
        return "; ".join(f"{self.person(c.volunteer)} {self.render(c.reason)}" for c in people)

    def digest(self, people: Sequence[CandidateData]) -> str:
        """One line about many candidates: each by name when few, else grouped by what
        kept them; ``none`` when there is nobody."""
        if not people:
            return self.say("none")
        if len(people) <= 3:
            return self.each(people)
        groups: dict[str, list[str]] = {}
        for candidate in people:
            groups.setdefault(candidate.kind, []).append(self.person(candidate.volunteer))
        return "; ".join(
            self.say("group", what=self.say(f"group_{kind}"), people=", ".join(named))
            for kind, named in groups.items()
        )

    def day_line(self, day: date, fact: ReasonData, people: Sequence[CandidateData]) -> str:
        """One date considered for an appointment: the blocking fact first, then the
        people it names and what kept each."""
        if people:
            return self.say("day_people", day=day, fact=fact, people=people)
        return self.say("day_fact", day=day, fact=fact)

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
        """``1 interpreter``, ``2 interpreters``: the pair of templates ``noun_one`` and
        ``noun_other``, chosen by the locale's plural rules."""
        return self.say(f"{noun}_{plural_form(self.locale, count)}", count=count)

    def hours(self, minutes: int) -> str:
        """``2 hours``, ``1.5 hours``."""
        value = minutes / 60
        shown = number_text(value, "0.#", self.locale)
        return self.say(f"hours_{plural_form(self.locale, value)}", count=shown)


ENGLISH = Wording("en")


def english(reason: ReasonData) -> str:
    """A reason in English (the errors' words), without the office's own language names."""
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
