"""The words of the web app's team pages (message ids ``web.team_*``), in German and
English; merged into :mod:`roster.wording.web`.

The list of the team, the form to add or change a person, leaving and coming back, the
problems the form shows next to its fields (:mod:`roster.app.team_form` produces them
before `roster check` would name a key) and the sentences of the change log."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # the list
        "team_title": "Team",
        "team_add": "Add a person",
        "team_active_heading": "In the team",
        "team_former_heading": "Former {t_volunteers}",
        "team_former_hint": "They are no longer planned. Their past {t_duties} stay in the plans.",
        "team_count_one": "{count} person",
        "team_count_other": "{count} people",
        "team_col_name": "Name",
        "team_col_roles": "Roles",
        "team_col_languages": "Languages",
        "team_col_days": "Usual days",
        "team_col_limits": "At most",
        "team_col_absences": "Away",
        "team_col_contact": "E-mail",
        "team_col_last_day": "Last day",
        "team_language": "{language} ({level})",
        "team_max_one": "{count} {t_duty} a month",
        "team_max_other": "{count} {t_duties} a month",
        "team_hours_one": "{hours} hour a month",
        "team_hours_other": "{hours} hours a month",
        "team_trainee": "{T_trainee}",
        "team_span": "{first} to {last}",
        "team_last_day": "Last day: {day}",
        "team_change_link": "Change",
        "team_change_label": "Change the details of {name}",
        "team_no_days": "no usual day",
        # after saving
        "team_done_added": "{name} is now in the team.",
        "team_done_saved": "The details of {name} are saved.",
        "team_done_left": "Saved: the last day of {name} with the office is {day}. After it, "
        "{name} is not planned.",
        "team_done_returned": "{name} is back in the team.",
        # the form
        "team_new_title": "Add a person",
        "team_edit_title": "Details of {name}",
        "team_back": "Back to the team",
        "team_field_id": "Short name for the files",
        "team_id_hint": "Letters, digits, - or _. It is also the user name of a {t_lead} and "
        "cannot be changed later. The suggestion is the next free one.",
        "team_field_name": "Name",
        "team_field_email": "E-mail (optional)",
        "team_field_roles": "Roles",
        "team_role_counsellor": "{T_counsellor}",
        "team_role_interpreter": "{T_interpreter}",
        "team_role_lead": "{T_lead}",
        "team_role_social_worker": "{T_social_worker}",
        "team_field_languages": "Languages",
        "team_languages_hint": "To remove a language, choose “none” as its level. Choose a "
        "language in an empty row to add it.",
        "team_field_language": "Language",
        "team_field_level": "Level",
        "team_language_choose": "(choose a language)",
        "team_languages_office": "Languages of the office",
        "team_languages_all": "All languages",
        "team_level_none": "none (remove)",
        "team_level_choose": "(choose a level)",
        "team_level_basic": "basic",
        "team_level_fluent": "fluent",
        "team_level_native": "native",
        "team_field_weekdays": "Usual weekdays",
        "team_weekdays_hint": "Used where the person has not answered the {t_poll}.",
        "team_field_max": "Days on duty a month, at most",
        "team_field_hours": "Hours a month (optional)",
        "team_hours_hint": "Only for a fixed budget of hours, for example paid social work.",
        "team_field_trainee": "{T_trainee}: counsels only beside an experienced {t_counsellor}",
        "team_field_absences": "Absences",
        "team_absences_hint": "First and last day away. Fill in an empty row to add one; "
        "clear both dates to remove one.",
        "team_absence_from": "From",
        "team_absence_to": "To",
        "team_absence_row": "Absence {number}",
        "team_language_row": "Language {number}",
        "team_add_button": "Add to the team",
        # leaving and coming back
        "team_leave_heading": "Leaving the office",
        "team_leave_hint": "The person stays in the list of former {t_volunteers}, and their "
        "past {t_duties} stay in the plans. After the last day they are never planned.",
        "team_field_last_day": "Last day",
        "team_leave_button": "Save the last day",
        "team_return_heading": "Back in the team",
        "team_return_hint": "The last day of {name} is {day}. Back in the team, {name} can be "
        "planned again.",
        "team_return_button": "Back in the team",
        # problems, next to their field
        "team_error_top": "{name}: {message}",
        "team_error_id": "Use only letters, digits, - and _ (at most 32), starting with a "
        "letter or a digit.",
        "team_error_id_taken": "This short name already belongs to {name}. Choose another one.",
        "team_error_name": "Please write the name.",
        "team_error_email": "This is not an e-mail address. Write it like name@example.org, or "
        "leave the field empty.",
        "team_error_roles": "Choose at least one role.",
        "team_error_role_unknown": "Choose the roles from the list.",
        "team_error_languages": "Give at least one language with its level.",
        "team_error_language_unknown": "This language is not known here. Choose one from the list.",
        "team_error_language_twice": "This language is listed twice. Keep one row of it.",
        "team_error_level": "Choose the level from the list.",
        "team_error_german": "A {t_interpreter} needs German at fluent or better. Raise the "
        "level of German, or remove the role {t_interpreter}.",
        "team_error_interpreter_language": "A {t_interpreter} needs one language besides "
        "German at fluent or better. Add it, or remove the role {t_interpreter}.",
        "team_error_trainee": "Only a {t_counsellor} or a {t_social_worker} can be a "
        "{t_trainee}. Add the role {t_counsellor}, or untick this box.",
        "team_error_weekday": "Choose the weekdays from the list.",
        "team_error_max": "Write a whole number from 0 to 31.",
        "team_error_hours": "Write a number of hours above 0 and at most 300, or leave the "
        "field empty.",
        "team_error_date": "This is not a date. Write it like 2026-12-31.",
        "team_error_absence_incomplete": "Give the first and the last day away.",
        "team_error_absence_order": "The last day is before the first day. Swap the two dates.",
        "team_error_keeps_cases_one": "{name} is the named {t_counsellor} of {count} "
        "{t_appointment}. Keep the role {t_counsellor} or {t_social_worker}, or give the "
        "{t_appointment} another {t_counsellor} first.",
        "team_error_keeps_cases_other": "{name} is the named {t_counsellor} of {count} "
        "{t_appointments}. Keep the role {t_counsellor} or {t_social_worker}, or give those "
        "{t_appointments} another {t_counsellor} first.",
        # the change log
        "team_change_added": "Added {name} to the team.",
        "team_change_edited": "Changed the details of {name}.",
        "team_change_left": "Set the last day of {name}: {day}.",
        "team_change_returned": "{name} is back in the team.",
    },
    "de": {
        "team_title": "Team",
        "team_add": "Person hinzufügen",
        "team_active_heading": "Im Team",
        "team_former_heading": "Ehemalige {t_volunteers}",
        "team_former_hint": "Sie werden nicht mehr eingeplant. Ihre bisherigen {t_duties} "
        "bleiben in den Plänen.",
        "team_count_one": "{count} Person",
        "team_count_other": "{count} Personen",
        "team_col_name": "Name",
        "team_col_roles": "Rollen",
        "team_col_languages": "Sprachen",
        "team_col_days": "Übliche Tage",
        "team_col_limits": "Höchstens",
        "team_col_absences": "Abwesend",
        "team_col_contact": "E-Mail",
        "team_col_last_day": "Letzter Tag",
        "team_language": "{language} ({level})",
        "team_max_one": "{count} {t_duty} im Monat",
        "team_max_other": "{count} {t_duties} im Monat",
        "team_hours_one": "{hours} Stunde im Monat",
        "team_hours_other": "{hours} Stunden im Monat",
        "team_trainee": "{T_trainee}",
        "team_span": "{first} bis {last}",
        "team_last_day": "Letzter Tag: {day}",
        "team_change_link": "Ändern",
        "team_change_label": "Angaben von {name} ändern",
        "team_no_days": "kein üblicher Tag",
        "team_done_added": "{name} ist jetzt im Team.",
        "team_done_saved": "Die Angaben von {name} sind gespeichert.",
        "team_done_left": "Gespeichert: Der letzte Tag von {name} im Büro ist der {day}. "
        "Danach wird {name} nicht mehr eingeplant.",
        "team_done_returned": "{name} ist wieder im Team.",
        "team_new_title": "Person hinzufügen",
        "team_edit_title": "Angaben von {name}",
        "team_back": "Zurück zum Team",
        "team_field_id": "Kurzname für die Dateien",
        "team_id_hint": "Buchstaben, Ziffern, - oder _. Er ist auch der Benutzername einer "
        "Person mit der Rolle {t_lead} und lässt sich später nicht ändern. Vorgeschlagen "
        "ist der nächste freie.",
        "team_field_name": "Name",
        "team_field_email": "E-Mail (freiwillig)",
        "team_field_roles": "Rollen",
        "team_role_counsellor": "{T_counsellor}",
        "team_role_interpreter": "{T_interpreter}",
        "team_role_lead": "{T_lead}",
        "team_role_social_worker": "{T_social_worker}",
        "team_field_languages": "Sprachen",
        "team_languages_hint": "Um eine Sprache zu entfernen, wählen Sie beim Niveau „keine“. "
        "Wählen Sie in einer leeren Zeile eine Sprache, um sie hinzuzufügen.",
        "team_field_language": "Sprache",
        "team_field_level": "Niveau",
        "team_language_choose": "(Sprache wählen)",
        "team_languages_office": "Sprachen des Büros",
        "team_languages_all": "Alle Sprachen",
        "team_level_none": "keine (entfernen)",
        "team_level_choose": "(Niveau wählen)",
        "team_level_basic": "Grundkenntnisse",
        "team_level_fluent": "fließend",
        "team_level_native": "Muttersprache",
        "team_field_weekdays": "Übliche Wochentage",
        "team_weekdays_hint": "Gilt, wo die Person an der {t_poll} nicht teilgenommen hat.",
        "team_field_max": "Diensttage im Monat, höchstens",
        "team_field_hours": "Stunden im Monat (freiwillig)",
        "team_hours_hint": "Nur bei einem festen Stundenbudget, zum Beispiel für bezahlte "
        "Sozialarbeit.",
        "team_field_trainee": "{T_trainee}: berät nur neben erfahrenen {t_counsellors}",
        "team_field_absences": "Abwesenheiten",
        "team_absences_hint": "Erster und letzter Tag der Abwesenheit. Füllen Sie eine leere "
        "Zeile aus, um eine hinzuzufügen; leeren Sie beide Daten, um eine zu entfernen.",
        "team_absence_from": "Von",
        "team_absence_to": "Bis",
        "team_absence_row": "Abwesenheit {number}",
        "team_language_row": "Sprache {number}",
        "team_add_button": "Ins Team aufnehmen",
        "team_leave_heading": "Abschied vom Büro",
        "team_leave_hint": "Die Person bleibt in der Liste der ehemaligen Ehrenamtlichen, und "
        "ihre bisherigen {t_duties} bleiben in den Plänen. Nach dem letzten Tag wird sie "
        "nicht mehr eingeplant.",
        "team_field_last_day": "Letzter Tag",
        "team_leave_button": "Letzten Tag speichern",
        "team_return_heading": "Wieder im Team",
        "team_return_hint": "Der letzte Tag von {name} ist der {day}. Wieder im Team, kann "
        "{name} wieder eingeplant werden.",
        "team_return_button": "Wieder ins Team",
        "team_error_top": "{name}: {message}",
        "team_error_id": "Nur Buchstaben, Ziffern, - und _ (höchstens 32), am Anfang ein "
        "Buchstabe oder eine Ziffer.",
        "team_error_id_taken": "Diesen Kurznamen hat schon {name}. Wählen Sie einen anderen.",
        "team_error_name": "Bitte schreiben Sie den Namen.",
        "team_error_email": "Das ist keine E-Mail-Adresse. Schreiben Sie sie wie "
        "name@example.org, oder lassen Sie das Feld leer.",
        "team_error_roles": "Wählen Sie mindestens eine Rolle.",
        "team_error_role_unknown": "Wählen Sie die Rollen aus der Liste.",
        "team_error_languages": "Geben Sie mindestens eine Sprache mit ihrem Niveau an.",
        "team_error_language_unknown": "Diese Sprache ist hier nicht bekannt. Wählen Sie eine "
        "aus der Liste.",
        "team_error_language_twice": "Diese Sprache steht zweimal da. Behalten Sie eine Zeile.",
        "team_error_level": "Wählen Sie das Niveau aus der Liste.",
        "team_error_german": "Als {t_interpreter} braucht man Deutsch mindestens fließend. "
        "Erhöhen Sie das Niveau für Deutsch, oder nehmen Sie die Rolle {t_interpreter} weg.",
        "team_error_interpreter_language": "Als {t_interpreter} braucht man außer Deutsch "
        "eine Sprache mindestens fließend. Ergänzen Sie sie, oder nehmen Sie die Rolle "
        "{t_interpreter} weg.",
        "team_error_trainee": "„{T_trainee}“ gibt es nur mit der Rolle {t_counsellor} oder "
        "{t_social_worker}. Wählen Sie die Rolle {t_counsellor}, oder nehmen Sie hier den "
        "Haken weg.",
        "team_error_weekday": "Wählen Sie die Wochentage aus der Liste.",
        "team_error_max": "Schreiben Sie eine ganze Zahl von 0 bis 31.",
        "team_error_hours": "Schreiben Sie eine Stundenzahl über 0 und höchstens 300, oder "
        "lassen Sie das Feld leer.",
        "team_error_date": "Das ist kein Datum. Schreiben Sie es wie 31.12.2026.",
        "team_error_absence_incomplete": "Geben Sie den ersten und den letzten Tag der "
        "Abwesenheit an.",
        "team_error_absence_order": "Der letzte Tag liegt vor dem ersten. Tauschen Sie die "
        "beiden Daten.",
        "team_error_keeps_cases_one": "{name} ist als {t_counsellor} für {count} "
        "{t_appointment} eingetragen. Behalten Sie die Rolle {t_counsellor} oder "
        "{t_social_worker}, oder geben Sie den {t_appointment} zuerst einer anderen "
        "{t_counsellor}.",
        "team_error_keeps_cases_other": "{name} ist als {t_counsellor} für {count} "
        "{t_appointments} eingetragen. Behalten Sie die Rolle {t_counsellor} oder "
        "{t_social_worker}, oder geben Sie diese {t_appointments} zuerst einer anderen "
        "{t_counsellor}.",
        "team_change_added": "{name} ins Team aufgenommen.",
        "team_change_edited": "Angaben von {name} geändert.",
        "team_change_left": "Letzten Tag von {name} eingetragen: {day}.",
        "team_change_returned": "{name} ist wieder im Team.",
    },
}
