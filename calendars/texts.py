# ruff: noqa: RUF001, RUF002 - typographic characters (en dash, multiplication sign) belong in feed text
"""The words of the feeds, in the office's locale (de or en).

Titles and descriptions are built from these templates only, so a feed never holds a
word that was not chosen here or read from the plan and the office's own files.
Dates and times are formatted by Babel; language names come from
:func:`roster.languages.language_name`.
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_time

Locale = str

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "counsel": "Beratung",
        "counsel_in": "Beratung auf {language}",
        "second_counsel": "Beratung (zweite Person)",
        "interpret": "Dolmetschen ({language})",
        "interpret_short": "Dolmetschen",
        "lead": "Leitungsdienst",
        "trainee": "in Einarbeitung",
        "task": "Aufgabe: {duty}",
        "appointment": "Termin",
        "appointment_summary": "Termin ({language}): {duty}",
        "desk": "Tisch {desk}",
        "language": "Sprache: {language}",
        "with": "Mit: {people}",
        "case": "Fall: {case}",
        "case_hidden": "[Fall]",
        "meeting": "Teamtreffen",
        "agenda": "Tagesordnung:",
        "moved": "Verschoben vom {date}.",
        "on_duty": "Im Dienst:",
        "nobody": "Noch niemand eingeteilt.",
        "still_open": "Noch offen:",
        "open_need": "- {count}× {need}: {reason}",
        "appointment_line": "- {case}{time} {desk}, {language} – {people}",
        "appointments_none": "keine Termine",
        "appointments_one": "1 Termin",
        "appointments_many": "{count} Termine",
        "appointments_header": "Termine:",
        "gap": "Gesucht: {count}× {need} – {session}",
        "reason": "Grund: {reason}",
        "unscheduled": "Nicht eingeplant: Termin ({language}, {minutes} Min.)",
        "possible": "Möglich vom {earliest} bis {latest}.",
        "interpreting": "Dolmetschen für: {languages}.",
        "no_interpreting": "Dolmetschen: an diesem Tag noch keins eingeplant.",
        "by_appointment": "{session} (nur mit Termin)",
        "by_appointment_text": "Nur nach vorheriger Terminvereinbarung.",
        "cal_volunteer": "{office}: Dienste von {name}",
        "cal_team": "{office}: Dienstplan",
        "cal_gaps": "{office}: offene Lücken",
        "cal_public": "{office}: Sprechstunden",
    },
    "en": {
        "counsel": "Counselling",
        "counsel_in": "Counselling in {language}",
        "second_counsel": "Counselling (second counsellor)",
        "interpret": "Interpreting ({language})",
        "interpret_short": "Interpreting",
        "lead": "lead duty",
        "trainee": "trainee",
        "task": "Your duty: {duty}",
        "appointment": "Appointment",
        "appointment_summary": "Appointment ({language}): {duty}",
        "desk": "Desk {desk}",
        "language": "Language: {language}",
        "with": "With: {people}",
        "case": "Case: {case}",
        "case_hidden": "[case]",
        "meeting": "Team meeting",
        "agenda": "Agenda:",
        "moved": "Moved from {date}.",
        "on_duty": "On duty:",
        "nobody": "Nobody assigned yet.",
        "still_open": "Still open:",
        "open_need": "- {count}× {need}: {reason}",
        "appointment_line": "- {case}{time} {desk}, {language} – {people}",
        "appointments_none": "no appointments",
        "appointments_one": "1 appointment",
        "appointments_many": "{count} appointments",
        "appointments_header": "Appointments:",
        "gap": "Wanted: {count}× {need} – {session}",
        "reason": "Reason: {reason}",
        "unscheduled": "Not scheduled: appointment ({language}, {minutes} min)",
        "possible": "Possible from {earliest} to {latest}.",
        "interpreting": "Interpreting for: {languages}.",
        "no_interpreting": "Interpreting: none planned for this day yet.",
        "by_appointment": "{session} (by appointment only)",
        "by_appointment_text": "By prior appointment only.",
        "cal_volunteer": "{office}: duties of {name}",
        "cal_team": "{office}: rota",
        "cal_gaps": "{office}: open gaps",
        "cal_public": "{office}: opening hours",
    },
}

_BABEL_LOCALE = {"de": "de_DE", "en": "en_GB"}


def text(locale: Locale, key: str, **values: object) -> str:
    """The template ``key`` in ``locale``, filled with ``values``."""
    table = TEXTS.get(locale, TEXTS["en"])
    return table[key].format(**values)


def day_text(day: date, locale: Locale) -> str:
    """A date in words, e.g. ``7. Dezember 2026`` or ``7 December 2026``."""
    return format_date(day, format="long", locale=_BABEL_LOCALE.get(locale, "en_GB"))


def clock_text(moment: datetime, locale: Locale) -> str:
    """A time of day, e.g. ``13:00`` (wall clock of ``moment``'s zone)."""
    return format_time(moment.time(), format="short", locale=_BABEL_LOCALE.get(locale, "en_GB"))


def span_text(start: datetime, end: datetime, locale: Locale) -> str:
    """``13:00–14:00``."""
    return f"{clock_text(start, locale)}–{clock_text(end, locale)}"
