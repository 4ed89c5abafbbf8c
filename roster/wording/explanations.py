"""The words of the planner's messages and reasons, in German and English.

Reasons stored in a plan file (``uncovered[].reason``, ``unscheduled[].reason``) follow
the plan's locale: :class:`Wording` picks the sentence templates of :data:`TEXTS` for
``de`` or ``en`` and formats dates with Babel (``Thu 10 Dec``, ``Do., 10. Dez.``) and
language names with :func:`roster.languages.language_name`. Both locales have exactly
the same keys and placeholders (a test checks it). Dates come from fixed Babel patterns,
so messages and plan files read the same on every machine, whatever its locale.

The CLI speaks English: the module-level helpers (:func:`day_text` and friends) are the
English wording, used by the checker, the forced-assignment messages and ``roster``'s
own output.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal

from roster.domain.languages import language_name
from roster.domain.office import Office

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # dates (Babel patterns) and lists
        "pattern_day": "EEE d MMM",
        "pattern_short": "d MMM",
        "pattern_first_of_span": "d",
        "and": " and ",
        "nobody": "nobody",
        "none": "none",
        # counted nouns
        "hours_one": "{count} hour",
        "hours_other": "{count} hours",
        "interpreter_one": "{count} interpreter",
        "interpreter_other": "{count} interpreters",
        "experienced_one": "{count} experienced counsellor",
        "experienced_other": "{count} experienced counsellors",
        # why a person cannot come (solver.availability decides; these say it)
        "absent": "is absent {span}",
        "answered_no": "answered no in the poll for {day}",
        "no_answer": "gave no poll answer for {day} and does not usually come on {weekdays}",
        "excluded": "is excluded from {day} by an override",
        "no_session_on": "there is no session on {day}",
        # why a speaker of the language may not take it
        "not_speaks": "does not speak {language}",
        "speaks_basic": "speaks {language} only at basic level",
        "german_basic": "speaks German only at basic level, so cannot interpret",
        "no_function": "speaks {language} but is neither interpreter nor counsellor",
        # what keeps a person from a session
        "kept": "the session lies before {day} (--today) and is kept as planned",
        "already": "already {doing} in this session",
        "same_time": "works in the {session} at the same time",
        "max_zero": "has max_per_month 0",
        "max_reached": "has reached max_per_month ({limit}): on duty {days}",
        "hours_left": "has {left} of the hours_per_month budget ({budget}) left and this "
        "takes {needed}",
        "busy_every_start": "is in other appointments at every start time with a free desk",
        # what a person does in a session
        "interprets": "interprets {language}",
        "counsels": "counsels",
        "counsels_in": "counsels in {language}",
        "on_lead": "{doing} on lead duty",
        # soft rules
        "maybe": "answered maybe for {day}",
        "same_week": "is already on duty {days} in the same week",
        "near_week": "is on duty in the week before or after ({days})",
        "fairness": "already has {duties} duties for {offered} dates offered (fairness)",
        "kept_free": "could come; the plan keeps them free because using them here costs more "
        "elsewhere (see the score)",
        "could_but": "could come, but {costs}",
        "session_full": "could counsel in {language}, but the session already has "
        "counsellors.max ({limit}) counsellors",
        "trainee": "is a trainee and does not count toward counsellors.min",
        "lead_not_counsel": "has the role lead but does not counsel",
        # open-hours needs
        "language_title": "{language}: {interpreters} missing ({visitors} visitors expected)",
        "language_nobody": "nobody in the team speaks {language}",
        "language_unqualified": "nobody who may interpret or counsel speaks {language} well "
        "enough: {people}",
        "language_only": "only {volunteer} speaks {language} well enough, and {volunteer} {reason}",
        "language_several": "{count} people speak {language} well enough: {people}",
        "language_summary": "{language} on {day}: {summary}",
        "counsellors_title": "Counsellors: {missing} of {min} experienced missing",
        "counsellors_summary": "Counsellors on {day}: {missing} missing; of {experienced}: "
        "{people}",
        "lead_title": "Lead duty: {missing} missing",
        "lead_nobody": "Lead on {day}: nobody in the team has the role lead",
        "lead_summary": "Lead on {day}: {people}",
        "group": "{count} {what} ({ids})",
        "group_cannot_come": "cannot come that day",
        "group_in_session": "already have a function in this session",
        "group_limit": "reached max_per_month or their hours",
        "group_session_full": "would exceed counsellors.max",
        "group_kept": "are in a session kept as planned",
        "group_qualification": "are not qualified",
        "group_free": "could come but were left free by lower priorities",
        # appointments
        "appointment_title": "{key} ({language}, {minutes} min, {window})",
        "named_counsellor": "its counsellor {volunteer} {reason}; ",
        "sessions_too_short": "the appointment sessions between {first} and {last} are "
        "shorter than {minutes} minutes",
        "no_appointment_session": "there is no appointment session between {first} and {last}",
        "closed": " (closed: {days})",
        "no_counsellor": "no counsellor can come and is free",
        "nobody_interprets": "nobody in the team interprets {language}",
        "no_interpreter": "no interpreter for {language} can come ({detail}) and no "
        "counsellor who can come speaks {language}",
        "desk_taken": "the desk is taken at every start time ({taken})",
        "desks_taken": "all {desks} desks are taken at every start time ({taken})",
        "busy_whenever": "the counsellors and interpreters who could take it are in other "
        "appointments whenever a desk is free",
        "could_counsel_it": "could counsel it",
        "would_fit": "it would fit at {time}, but the plan found placing it costlier than "
        "leaving it out (the people it needs are worth more elsewhere)",
    },
    "de": {
        "pattern_day": "EEE, d. MMM",
        "pattern_short": "d. MMM",
        "pattern_first_of_span": "d.",
        "and": " und ",
        "nobody": "niemand",
        "none": "keine",
        "hours_one": "{count} Stunde",
        "hours_other": "{count} Stunden",
        "interpreter_one": "{count} Dolmetscher:in",
        "interpreter_other": "{count} Dolmetscher:innen",
        "experienced_one": "{count} erfahrenen Beratungsperson",
        "experienced_other": "{count} erfahrenen Beratungspersonen",
        "absent": "ist {span} abwesend",
        "answered_no": "hat in der Umfrage für {day} mit Nein geantwortet",
        "no_answer": "hat für {day} nicht geantwortet und kommt sonst nicht {weekdays}",
        "excluded": "ist für {day} durch eine Vorgabe (override) ausgeschlossen",
        "no_session_on": "am {day} gibt es keine Sprechstunde",
        "not_speaks": "spricht kein {language}",
        "speaks_basic": "spricht {language} nur auf Grundniveau",
        "german_basic": "spricht Deutsch nur auf Grundniveau und kann deshalb nicht dolmetschen",
        "no_function": "spricht {language}, dolmetscht und berät aber nicht",
        "kept": "die Sprechstunde liegt vor dem {day} (--today) und bleibt wie geplant",
        "already": "ist in dieser Sprechstunde schon eingeteilt ({doing})",
        "same_time": "ist zur selben Zeit in „{session}“ eingeteilt",
        "max_zero": "hat max_per_month 0",
        "max_reached": "hat max_per_month ({limit}) erreicht: im Dienst am {days}",
        "hours_left": "hat vom Stundenbudget hours_per_month ({budget}) noch {left} übrig, "
        "und dies dauert {needed}",
        "busy_every_start": "hat zu jeder Anfangszeit mit freiem Tisch andere Termine",
        "interprets": "dolmetscht {language}",
        "counsels": "berät",
        "counsels_in": "berät auf {language}",
        "on_lead": "{doing}, mit Leitung vom Dienst",
        "maybe": "hat für {day} mit Vielleicht geantwortet",
        "same_week": "ist in derselben Woche schon am {days} im Dienst",
        "near_week": "ist in der Woche davor oder danach im Dienst ({days})",
        "fairness": "hat schon {duties} Dienste bei {offered} angebotenen Terminen (Fairness)",
        "kept_free": "könnte kommen; der Plan lässt die Person frei, weil ihr Einsatz hier "
        "anderswo mehr kostet (siehe Punktzahl)",
        "could_but": "könnte kommen, aber {costs}",
        "session_full": "könnte auf {language} beraten, aber die Sprechstunde hat schon "
        "counsellors.max ({limit}) Beratungspersonen",
        "trainee": "ist in Einarbeitung und zählt nicht für counsellors.min",
        "lead_not_counsel": "hat die Rolle lead, berät aber nicht",
        "language_title": "{language}: {interpreters} fehlen ({visitors} Besuchende erwartet)",
        "language_nobody": "niemand im Team spricht {language}",
        "language_unqualified": "niemand, der dolmetschen oder beraten darf, spricht "
        "{language} gut genug: {people}",
        "language_only": "nur {volunteer} spricht {language} gut genug, und {volunteer} {reason}",
        "language_several": "{count} Personen sprechen {language} gut genug: {people}",
        "language_summary": "{language} am {day}: {summary}",
        "counsellors_title": "Beratung: {missing} von {min} erfahrenen fehlen",
        "counsellors_summary": "Beratung am {day}: {missing} fehlen; von {experienced}: {people}",
        "lead_title": "Leitung vom Dienst: {missing} fehlt",
        "lead_nobody": "Leitung am {day}: niemand im Team hat die Rolle lead",
        "lead_summary": "Leitung am {day}: {people}",
        "group": "{count} {what} ({ids})",
        "group_cannot_come": "können an dem Tag nicht",
        "group_in_session": "haben in dieser Sprechstunde schon eine Aufgabe",
        "group_limit": "haben max_per_month oder ihre Stunden erreicht",
        "group_session_full": "würden counsellors.max überschreiten",
        "group_kept": "sind in einer Sprechstunde, die wie geplant bleibt",
        "group_qualification": "sind dafür nicht qualifiziert",
        "group_free": "könnten kommen, bleiben aber wegen niedrigerer Prioritäten frei",
        "appointment_title": "{key} ({language}, {minutes} Min., {window})",
        "named_counsellor": "die gewünschte Beratungsperson {volunteer} {reason}; ",
        "sessions_too_short": "die Terminsprechstunden zwischen {first} und {last} sind "
        "kürzer als {minutes} Minuten",
        "no_appointment_session": "zwischen {first} und {last} gibt es keine Terminsprechstunde",
        "closed": " (geschlossen: {days})",
        "no_counsellor": "keine Beratungsperson kann kommen und ist frei",
        "nobody_interprets": "niemand im Team dolmetscht {language}",
        "no_interpreter": "niemand, der {language} dolmetscht, kann kommen ({detail}), und "
        "keine Beratungsperson, die kommen kann, spricht {language}",
        "desk_taken": "der Tisch ist zu jeder Anfangszeit belegt ({taken})",
        "desks_taken": "alle {desks} Tische sind zu jeder Anfangszeit belegt ({taken})",
        "busy_whenever": "die Beratungspersonen und Dolmetscher:innen, die ihn übernehmen "
        "könnten, haben andere Termine, wann immer ein Tisch frei ist",
        "could_counsel_it": "könnten die Beratung übernehmen",
        "would_fit": "er würde um {time} passen, aber ihn einzuplanen kostet den Plan mehr, "
        "als ihn auszulassen (die nötigen Personen werden anderswo dringender gebraucht)",
    },
}


class Wording:
    """The sentences, dates and names of one locale (``de`` or ``en``; others get ``en``)."""

    def __init__(self, locale: str, languages: dict[str, dict[str, str]] | None = None) -> None:
        self.locale = locale if locale in TEXTS else "en"
        self.texts = TEXTS[self.locale]
        self.languages = languages

    @classmethod
    def of(cls, locale: str, office: Office) -> Wording:
        """The wording of ``locale``, with the office's own language names."""
        return cls(locale, dict(office.languages))

    def say(self, key: str, /, **values: object) -> str:
        """The sentence ``key`` with its placeholders filled in."""
        return self.texts[key].format(**values)

    def day(self, day: date) -> str:
        """``Thu 10 Dec``, ``Do., 10. Dez.``."""
        return format_date(day, self.texts["pattern_day"], locale=self.locale)

    def short_day(self, day: date) -> str:
        """``10 Dec``, ``10. Dez.``."""
        return format_date(day, self.texts["pattern_short"], locale=self.locale)

    def weekday_plural(self, day: date) -> str:
        """``Thursdays``, ``donnerstags``."""
        name = format_date(day, "EEEE", locale=self.locale) + "s"
        return name.lower() if self.locale == "de" else name

    def span(self, first: date, last: date) -> str:
        """``7-20 Dec``, ``28 Nov-3 Dec``, or ``10 Dec`` for one day."""
        if first == last:
            return self.short_day(first)
        if (first.year, first.month) == (last.year, last.month):
            start = format_date(first, self.texts["pattern_first_of_span"], locale=self.locale)
            return f"{start}-{self.short_day(last)}"
        return f"{self.short_day(first)}-{self.short_day(last)}"

    def days(self, days: Iterable[date]) -> str:
        """``2 Dec, 3 Dec and 10 Dec`` style list of dates."""
        return self.and_list([self.short_day(day) for day in sorted(days)])

    def and_list(self, items: list[str]) -> str:
        """``a``, ``a and b``, ``a, b and c``."""
        if not items:
            return self.texts["nobody"]
        if len(items) == 1:
            return items[0]
        return ", ".join(items[:-1]) + self.texts["and"] + items[-1]

    def language(self, code: str) -> str:
        """The language's name in this locale: ``Tigrinya``, ``Arabisch``."""
        return language_name(code, self.locale, self.languages)

    def number(self, value: float) -> str:
        """``12.5``, ``12,5``: at most three decimals, no grouping."""
        return format_decimal(value, format="0.###", locale=self.locale)

    def count(self, count: int, noun: str) -> str:
        """``1 interpreter``, ``2 interpreters`` (``noun`` names a pair of templates)."""
        return self.say(f"{noun}_{'one' if count == 1 else 'other'}", count=count)

    def hours(self, minutes: int) -> str:
        """``2 hours``, ``1.5 hours``."""
        value = minutes / 60
        shown = format_decimal(value, format="0.#", locale=self.locale)
        return self.say("hours_one" if value == 1 else "hours_other", count=shown)


ENGLISH = Wording("en")


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
