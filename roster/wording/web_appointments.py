"""The words of the web app's appointments pages (message ids ``web.appointments_*``), in German and
English; merged into :mod:`roster.wording.web`."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # the list
        "appointments_title": "{T_appointments}: {month}",
        "appointments_intro": "Requests for the {t_appointment_hours} of this month. Notes "
        "are shown only on a request's own page.",
        "appointments_count_one": "{count} request.",
        "appointments_count_other": "{count} requests.",
        "appointments_none": "No requests this month.",
        "appointments_add": "Add a request",
        "appointments_col_case": "{T_case}",
        "appointments_col_language": "Language",
        "appointments_col_length": "Length",
        "appointments_col_window": "Between",
        "appointments_col_counsellor": "{T_counsellor}",
        "appointments_col_plan": "In the plan",
        "appointments_open": "Open {t_case} {case}",
        "appointments_minutes_one": "{count} minute",
        "appointments_minutes_other": "{count} minutes",
        "appointments_window": "{earliest} to {latest}",
        "appointments_anyone": "whoever is on duty",
        "appointments_scheduled_at": "{day}, {time}",
        "appointments_unscheduled": "{T_unscheduled}",
        "appointments_not_planned": "not planned yet",
        "appointments_added": "The request was added.",
        "appointments_saved": "The request was saved.",
        "appointments_cancelled": "The request was cancelled.",
        # the form
        "appointments_new_title": "New request: {month}",
        "appointments_edit_title": "{T_case} {case}",
        "appointments_back": "Back to the requests",
        "appointments_case": "{T_case} reference",
        "appointments_case_hint": "Letters, digits and - _ / . (e.g. A-2026-001). Never the "
        "client's name.",
        "appointments_again": "Another {t_appointment} for a {t_case} that already has a "
        "request this month",
        "appointments_language": "Language",
        "appointments_language_choose": "Choose a language",
        "appointments_team_languages": "Spoken in the team",
        "appointments_all_languages": "All languages",
        "appointments_length": "Length in minutes",
        "appointments_length_hint": "At most {count} minutes.",
        "appointments_earliest": "From",
        "appointments_latest": "Until",
        "appointments_window_hint": "Both days in {month}.",
        "appointments_counsellor": "{T_counsellor} who keeps the {t_case}",
        "appointments_note": "Note (confidential)",
        "appointments_note_hint": "Shown only here. It never appears in a plan, a printout, "
        "a calendar or the change log.",
        "appointments_status": "In the plan: {status}",
        "appointments_reason": "Why:",
        "appointments_cancel_link": "Cancel this request",
        # cancelling
        "appointments_cancel_title": "Cancel the request?",
        "appointments_cancel_question": "The request of {t_case} {case} ({language}, "
        "{length}, {window}) is removed from {month}.",
        "appointments_cancel_yes": "Yes, cancel the request",
        "appointments_cancel_no": "No, keep it",
        # problems
        "appointments_case_invalid": "Use only letters, digits and - _ / . (at most 40 "
        "characters), starting with a letter or digit, e.g. A-2026-001.",
        "appointments_case_twice": "This month already has a request for this {t_case}. For "
        "another {t_appointment} of the same {t_case}, tick the box below.",
        "appointments_language_invalid": "Choose a language from the list.",
        "appointments_minutes_invalid": "Write the length as a whole number of minutes, e.g. 60.",
        "appointments_minutes_range": "Write a length from {low} to {high} minutes.",
        "appointments_minutes_long_one": "The longest {t_appointment_hours} last {count} "
        "minute; make the {t_appointment} shorter.",
        "appointments_minutes_long_other": "The longest {t_appointment_hours} last {count} "
        "minutes; make the {t_appointment} shorter.",
        "appointments_no_hours": "The office has no {t_appointment_hours}, so no "
        "{t_appointment} can be planned.",
        "appointments_date_invalid": "Choose a date.",
        "appointments_date_month": "Choose a day in {month}.",
        "appointments_date_order": "This day is before the first day.",
        "appointments_counsellor_invalid": "Choose a {t_counsellor} from the list.",
        "appointments_note_long": "The note is too long: at most {count} characters.",
        "appointments_note_control": "The note holds an invisible control character; retype it.",
        # the change log: never the case reference, never the note
        "appointments_change_added": "An {t_appointment} request was added to {month_name} "
        "({language}, {length}).",
        "appointments_change_saved": "An {t_appointment} request of {month_name} was "
        "changed ({language}, {length}).",
        "appointments_change_cancelled": "An {t_appointment} request of {month_name} was "
        "cancelled ({language}, {length}).",
    },
    "de": {
        "appointments_title": "{T_appointments}: {month}",
        "appointments_intro": "Anfragen für die Terminsprechstunden dieses Monats. Notizen "
        "stehen nur auf der eigenen Seite einer Anfrage.",
        "appointments_count_one": "{count} Anfrage.",
        "appointments_count_other": "{count} Anfragen.",
        "appointments_none": "Keine Anfragen in diesem Monat.",
        "appointments_add": "Anfrage hinzufügen",
        "appointments_col_case": "{T_case}",
        "appointments_col_language": "Sprache",
        "appointments_col_length": "Dauer",
        "appointments_col_window": "Zeitraum",
        "appointments_col_counsellor": "{T_counsellor}",
        "appointments_col_plan": "Im Plan",
        "appointments_open": "{T_case} {case} öffnen",
        "appointments_minutes_one": "{count} Minute",
        "appointments_minutes_other": "{count} Minuten",
        "appointments_window": "{earliest} bis {latest}",
        "appointments_anyone": "wer Dienst hat",
        "appointments_scheduled_at": "{day}, {time}",
        "appointments_unscheduled": "{T_unscheduled}",
        "appointments_not_planned": "noch nicht geplant",
        "appointments_added": "Die Anfrage wurde hinzugefügt.",
        "appointments_saved": "Die Anfrage wurde gespeichert.",
        "appointments_cancelled": "Die Anfrage wurde abgesagt.",
        "appointments_new_title": "Neue Anfrage: {month}",
        "appointments_edit_title": "{T_case} {case}",
        "appointments_back": "Zurück zu den Anfragen",
        "appointments_case": "Aktenzeichen",
        "appointments_case_hint": "Buchstaben, Ziffern und - _ / . (z. B. A-2026-001). Nie "
        "der Name der ratsuchenden Person.",
        "appointments_again": "Weiterer {t_appointment} für einen {t_case}, der in diesem "
        "Monat schon angefragt ist",
        "appointments_language": "Sprache",
        "appointments_language_choose": "Sprache wählen",
        "appointments_team_languages": "Im Team gesprochen",
        "appointments_all_languages": "Alle Sprachen",
        "appointments_length": "Dauer in Minuten",
        "appointments_length_hint": "Höchstens {count} Minuten.",
        "appointments_earliest": "Frühestens am",
        "appointments_latest": "Spätestens am",
        "appointments_window_hint": "Beide Tage im {month}.",
        "appointments_counsellor": "{T_counsellor}, die den {t_case} betreut",
        "appointments_note": "Notiz (vertraulich)",
        "appointments_note_hint": "Steht nur hier. Sie erscheint nie in einem Plan, einem "
        "Ausdruck, einem Kalender oder den Änderungen.",
        "appointments_status": "Im Plan: {status}",
        "appointments_reason": "Warum:",
        "appointments_cancel_link": "Diese Anfrage absagen",
        "appointments_cancel_title": "Anfrage absagen?",
        "appointments_cancel_question": "Die Anfrage zum {t_case} {case} ({language}, "
        "{length}, {window}) wird aus dem {month} entfernt.",
        "appointments_cancel_yes": "Ja, Anfrage absagen",
        "appointments_cancel_no": "Nein, behalten",
        "appointments_case_invalid": "Nur Buchstaben, Ziffern und - _ / . (höchstens 40 "
        "Zeichen), am Anfang ein Buchstabe oder eine Ziffer, z. B. A-2026-001.",
        "appointments_case_twice": "Für diesen {t_case} gibt es in diesem Monat schon eine "
        "Anfrage. Für einen weiteren {t_appointment} desselben Falls setzen Sie unten das "
        "Häkchen.",
        "appointments_language_invalid": "Wählen Sie eine Sprache aus der Liste.",
        "appointments_minutes_invalid": "Schreiben Sie die Dauer als ganze Zahl von "
        "Minuten, z. B. 60.",
        "appointments_minutes_range": "Schreiben Sie eine Dauer von {low} bis {high} Minuten.",
        "appointments_minutes_long_one": "Die längste Terminsprechstunde dauert {count} "
        "Minute; machen Sie den {t_appointment} kürzer.",
        "appointments_minutes_long_other": "Die längste Terminsprechstunde dauert {count} "
        "Minuten; machen Sie den {t_appointment} kürzer.",
        "appointments_no_hours": "Das Büro hat keine Terminsprechstunden, also lässt sich "
        "kein {t_appointment} planen.",
        "appointments_date_invalid": "Wählen Sie ein Datum.",
        "appointments_date_month": "Wählen Sie einen Tag im {month}.",
        "appointments_date_order": "Dieser Tag liegt vor dem ersten Tag.",
        "appointments_counsellor_invalid": "Wählen Sie eine {t_counsellor} aus der Liste.",
        "appointments_note_long": "Die Notiz ist zu lang: höchstens {count} Zeichen.",
        "appointments_note_control": "Die Notiz enthält ein unsichtbares Steuerzeichen; "
        "schreiben Sie sie neu.",
        "appointments_change_added": "Eine Terminanfrage für {month_name} wurde hinzugefügt "
        "({language}, {length}).",
        "appointments_change_saved": "Eine Terminanfrage für {month_name} wurde geändert "
        "({language}, {length}).",
        "appointments_change_cancelled": "Eine Terminanfrage für {month_name} wurde abgesagt "
        "({language}, {length}).",
    },
}
