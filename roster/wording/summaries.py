"""The words of the office summaries (message ids ``summary.*``), in German and English.

What ``roster check``, ``roster calendar`` and ``roster forecast`` print
(:mod:`roster.app.summaries`), with the notes about files read by a guess or not read,
and the line ``roster plan`` starts with when the month has no poll. Counted nouns come in pairs, ``*_one`` and ``*_other``.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # roster check
        "valid": "{office}: the folder is valid.",
        "volunteers": "Volunteers: {count}",
        "role_counsellor": "counsellors",
        "role_interpreter": "interpreters",
        "role_lead": "leads",
        "role_social_worker": "social workers",
        "trainees": "({count} trainees)",
        "speakers": "Languages (people who can interpret or counsel in them, fluent or better):",
        "no_speaker": "<- nobody; recruit or plan without it",
        "month_inputs": "{month}: poll answers from {volunteers}, {requests}, {overrides}",
        "visit_log": "Visit log: {rows} from {first} to {last}",
        "volunteer_one": "{count} volunteer",
        "volunteer_other": "{count} volunteers",
        "request_one": "{count} appointment request",
        "request_other": "{count} appointment requests",
        "override_one": "{count} override",
        "override_other": "{count} overrides",
        "row_one": "{count} row",
        "row_other": "{count} rows",
        "notes": "Notes:",
        "note_windows_text": (
            "{file} was read as Windows text (cp1252), not UTF-8; if letters such as ä or ß "
            "look wrong, save it as CSV UTF-8."
        ),
        "note_not_read": (
            "{file} is not read: roster reads a poll from YYYY-MM.xlsx (Excel) or "
            "YYYY-MM.csv; save it as one of them, or move the file out of availability/."
        ),
        "note_not_read_yaml": (
            "{file} is not read: this folder holds YYYY-MM.yaml files only; move the file "
            "out of it (or name it YYYY-MM.yaml if it is one)."
        ),
        # roster plan
        "no_poll": (
            "Nobody took part in the poll for {month}: planned from the usual weekdays "
            "(weekdays in volunteers.yaml)."
        ),
        # roster calendar
        "sessions": "Sessions in {month}:",
        "none": "(none)",
        "closed": "Closed:",
        "meeting": "Team meeting: {day} {time}",
        "moved": " (moved from {day}: {reason})",
        # roster forecast
        "trend_head": (
            "Forecast from visits.csv (linear trend over the last {points} open-hours dates "
            "before {month}):"
        ),
        "no_log": "No visit log (visits.csv): the standing interpreter need of office.yaml is used.",
        "no_sessions": "No open-hours sessions in {month}.",
        "language": "language",
        "cells": "Cells: expected visitors -> interpreters needed.",
        "standing": "* not in visits.csv: the standing need of office.yaml.",
        "trend": "Trend (visitors per week):",
    },
    "de": {
        "valid": "{office}: der Ordner ist gültig.",
        "volunteers": "Ehrenamtliche: {count}",
        "role_counsellor": "Beratende",
        "role_interpreter": "Dolmetschende",
        "role_lead": "Leitungen",
        "role_social_worker": "Sozialarbeitende",
        "trainees": "({count} in Einarbeitung)",
        "speakers": "Sprachen (Personen, die darin dolmetschen oder beraten können, fließend "
        "oder besser):",
        "no_speaker": "<- niemand; jemanden gewinnen oder ohne sie planen",
        "month_inputs": "{month}: Umfrageantworten von {volunteers}, {requests}, {overrides}",
        "visit_log": "Besuchsprotokoll: {rows} vom {first} bis {last}",
        "volunteer_one": "{count} Person",
        "volunteer_other": "{count} Personen",
        "request_one": "{count} Terminanfrage",
        "request_other": "{count} Terminanfragen",
        "override_one": "{count} Vorgabe",
        "override_other": "{count} Vorgaben",
        "row_one": "{count} Zeile",
        "row_other": "{count} Zeilen",
        "notes": "Hinweise:",
        "note_windows_text": (
            "{file} wurde als Windows-Text (cp1252) gelesen, nicht als UTF-8; sehen Buchstaben "
            "wie ä oder ß falsch aus, speichern Sie die Datei als CSV UTF-8."
        ),
        "note_not_read": (
            "{file} wird nicht gelesen: roster liest eine Umfrage aus JJJJ-MM.xlsx (Excel) "
            "oder JJJJ-MM.csv; speichern Sie sie in einem dieser Formate, oder verschieben Sie "
            "die Datei aus availability/."
        ),
        "note_not_read_yaml": (
            "{file} wird nicht gelesen: dieser Ordner enthält nur JJJJ-MM.yaml-Dateien; "
            "verschieben Sie die Datei (oder nennen Sie sie JJJJ-MM.yaml, wenn sie eine ist)."
        ),
        "no_poll": (
            "Für {month} hat niemand an der Umfrage teilgenommen: geplant nach den üblichen "
            "Wochentagen (weekdays in volunteers.yaml)."
        ),
        "sessions": "Sprechstunden im {month}:",
        "none": "(keine)",
        "closed": "Geschlossen:",
        "meeting": "Teamsitzung: {day} {time} Uhr",
        "moved": " (verschoben vom {day}: {reason})",
        "trend_head": (
            "Prognose aus visits.csv (linearer Trend der letzten {points} offenen Sprechstunden "
            "vor {month}):"
        ),
        "no_log": (
            "Kein Besuchsprotokoll (visits.csv): es gilt der feste Dolmetschbedarf aus office.yaml."
        ),
        "no_sessions": "Keine offene Sprechstunde im {month}.",
        "language": "Sprache",
        "cells": "Zellen: erwartete Besucher -> benötigte Dolmetscher.",
        "standing": "* nicht in visits.csv: der feste Bedarf aus office.yaml.",
        "trend": "Trend (Besucher pro Woche):",
    },
}
