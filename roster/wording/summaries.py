"""The words of the office summaries (message ids ``summary.*``), in German and English.

What ``roster check``, ``roster calendar`` and ``roster forecast`` print
(:mod:`roster.app.summaries`), with the notes about files read by a guess or not read,
and the line ``roster plan`` starts with when the month has no poll. Counted nouns come
in pairs, ``*_one`` and ``*_other`` (:func:`roster.wording.catalogue.plural`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # roster check
        "valid": "{office}: the folder is valid.",
        "volunteers": "{T_volunteers}: {count}",
        "role_counsellor": "{t_counsellors}",
        "role_interpreter": "{t_interpreters}",
        "role_lead": "leads",
        "role_social_worker": "{t_social_workers}",
        "trainees_one": "({count} {t_trainee})",
        "trainees_other": "({count} trainees)",
        "speakers": "Languages (people who can interpret or counsel in them, fluent or better):",
        "no_speaker": "<- nobody; recruit or plan without it",
        "month_inputs": "{month}: {t_poll} answers from {volunteers}, {requests}, {overrides}",
        "visit_log": "{T_visit_log}: {rows} from {first} to {last}",
        "volunteer_one": "{count} person",
        "volunteer_other": "{count} people",
        "request_one": "{count} appointment request",
        "request_other": "{count} appointment requests",
        "override_one": "{count} {t_override}",
        "override_other": "{count} {t_overrides}",
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
            "Nobody took part in the {t_poll} for {month}: planned from the weekdays each "
            "person usually comes."
        ),
        # roster calendar
        "sessions": "Sessions in {month}:",
        "none": "(none)",
        "closed": "Closed:",
        "meeting": "{T_team_meeting}: {day} {time}",
        "moved": " (moved from {day}: {reason})",
        # roster forecast
        "trend_head": (
            "Forecast from the {t_visit_log} (trend over the last {points} days of "
            "{t_open_hours} before {month}):"
        ),
        "no_log": (
            "No visits recorded yet: the usual interpreter need set for the office is used."
        ),
        "no_sessions": "No {t_open_hours} in {month}.",
        "language": "language",
        "cells": "Cells: expected {t_visitors} -> {t_interpreters} needed.",
        "standing": "* no visits recorded in this language: the usual need set for the office.",
        "trend": "Trend ({t_visitors} per week):",
    },
    "de": {
        "valid": "{office}: der Ordner ist gültig.",
        "volunteers": "{T_volunteers}: {count}",
        "role_counsellor": "{t_counsellors}",
        "role_interpreter": "{t_interpreters}",
        "role_lead": "{t_lead}",
        "role_social_worker": "{t_social_workers}",
        "trainees_one": "({count} {t_trainee})",
        "trainees_other": "({count} {t_trainee})",
        "speakers": "Sprachen (Personen, die darin dolmetschen oder beraten können, fließend "
        "oder besser):",
        "no_speaker": "<- niemand; jemanden gewinnen oder ohne sie planen",
        "month_inputs": "{month}: Antworten in der {t_poll} von {volunteers}, {requests}, "
        "{overrides}",
        "visit_log": "{T_visit_log}: {rows} vom {first} bis {last}",
        "volunteer_one": "{count} Person",
        "volunteer_other": "{count} Personen",
        "request_one": "{count} Terminanfrage",
        "request_other": "{count} Terminanfragen",
        "override_one": "{count} {t_override}",
        "override_other": "{count} {t_overrides}",
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
            "Für {month} hat niemand an der {t_poll} teilgenommen: geplant nach den "
            "Wochentagen, an denen die Personen sonst kommen."
        ),
        "sessions": "Sprechstunden im {month}:",
        "none": "(keine)",
        "closed": "Geschlossen:",
        "meeting": "{T_team_meeting}: {day} {time} Uhr",
        "moved": " (verschoben vom {day}: {reason})",
        "trend_head": (
            "Prognose aus der {t_visit_log} (Trend der letzten {points} Tage mit "
            "offener Sprechstunde vor {month}):"
        ),
        "no_log": (
            "Noch keine Besuche erfasst: es gilt der übliche Dolmetschbedarf, der für das Büro "
            "eingetragen ist."
        ),
        "no_sessions": "Keine {t_open_hours} im {month}.",
        "language": "Sprache",
        "cells": "Zellen: erwartete {t_visitors} -> benötigte {t_interpreters}.",
        "standing": "* in dieser Sprache noch keine Besuche erfasst: der übliche Bedarf des Büros.",
        "trend": "Trend ({t_visitors} pro Woche):",
    },
}
