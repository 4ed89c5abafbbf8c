# ruff: noqa: RUF001 - the en dash between two times belongs in the pages' text
"""The words of the office lead's web app (message ids ``web.*``), in German and English:
its pages, its messages and problem documents, `roster web` and `roster web adduser`, the
month's overview (:mod:`roster.app.overview`) and the change log's sentences
(:mod:`roster.app.changelog`). Short sentences; no setting, option, file or id is named
(people by their name); the one command to run stands as a value."""

from __future__ import annotations

from roster.wording import (
    web_adjust,
    web_appointments,
    web_availability,
    web_notices,
    web_plan,
    web_publish,
    web_team,
)

BASE: dict[str, dict[str, str]] = {
    "en": {
        # roster web adduser
        "adduser_done": "{name} can now log in to the web app with the user name {user}.",
        "adduser_replaced": "{name} has a new password for the web app (user name {user}).",
        "adduser_unknown": "Nobody in the team has the id {user}. Use the id of a {t_lead}.",
        "adduser_not_lead": "{name} is not a {t_lead}. Only a {t_lead} can have an account "
        "for the web app.",
        "password_prompt": "Password for {name}",
        "password_again": "The same password again",
        "password_differs": "The two passwords differ. Nothing was saved; try again.",
        "password_missing": "No password was given. Nothing was saved.",
        "password_file_unreadable": "The password file cannot be read. Check its name; "
        "the password goes in its first line.",
        "password_short": "The password needs at least {count} characters.",
        "password_long": "The password may have at most {count} characters.",
        "password_wrong": "This is not your current password.",
        # roster web
        "serving": "The web app of {office} runs at {url}/ . Ctrl-C stops it.",
        "not_an_office": "There is no office in {folder}. Start the web app on the folder of "
        "an office; roster init makes a new one.",
        "no_accounts": "Nobody can log in yet. Give a {t_lead} an account: {command}",
        "stopped": "Stopped.",
        # the frame of every page
        "skip": "Skip to content",
        "nav_label": "Main menu",
        "nav_month": "Month",
        "nav_team": "Team",
        "nav_availability": "Availability",
        "nav_appointments": "Appointments",
        "nav_plan": "Plan",
        "nav_publish": "Publish & print",
        "nav_notices": "Messages",
        "nav_changes": "Change log",
        "month_choose": "Choose a month",
        "month_show": "Show",
        "month_previous": "Previous month",
        "month_next": "Next month",
        "logged_in": "Logged in: {name}",
        "account_link": "Change password",
        "logout": "Log out",
        # logging in and out
        "login_title": "Log in",
        "login_user": "User name",
        "login_password": "Password",
        "login_button": "Log in",
        "login_failed": "The user name or the password is wrong.",
        "login_throttled_one": "Too many attempts; try again in {count} second.",
        "login_throttled_other": "Too many attempts; try again in {count} seconds.",
        "login_needed": "Please log in.",
        "logged_out": "You are logged out.",
        # refusals and errors
        "csrf_refused": "This form is too old or came from another page. Nothing was saved. "
        "Reload the page and try again.",
        "busy": "Someone else is saving; try again in a moment.",
        "not_saved": "Nothing was saved. Please correct what is marked.",
        "server_error": "Something went wrong. Nothing was saved.",
        "server_error_hint": "Try again. If it happens again, tell the person who looks "
        "after this computer.",
        "not_found": "This page does not exist, or it is not built yet.",
        "not_allowed": "This is not possible here.",
        "bad_request": "The request is not complete or not valid.",
        "field_missing": "Please fill in this field.",
        "field_invalid": "This value is not valid.",
        "error_title": "Something went wrong",
        "refused_title": "Not allowed",
        "back_home": "Back to the month",
        # the month's overview
        "overview_title": "{month}",
        "sessions_heading": "Sessions",
        "col_date": "Date",
        "col_time": "Time",
        "col_session": "Session",
        "col_staffing": "Staffing",
        "time_span": "{start}–{end}",
        "no_sessions": "No sessions this month.",
        "kind_open_hours": "{T_open_hours}",
        "kind_appointments": "{T_appointment_hours}",
        "staffing_complete": "fully staffed",
        "staffing_gaps_one": "{count} person missing",
        "staffing_gaps_other": "{count} people missing",
        "staffing_not_planned": "not planned yet",
        "staffing_no_appointments": "no appointments requested",
        "need_language_one": "{count} {t_interpreter} for {language}",
        "need_language_other": "{count} {t_interpreters} for {language}",
        "need_counsellors_one": "{count} {t_counsellor}",
        "need_counsellors_other": "{count} {t_counsellors}",
        "need_lead": "{T_lead_duty}",
        "sessions_staffed": "{complete} of {total} sessions fully staffed.",
        "planned_on": "Planned on {day}.",
        "not_planned": "Not planned yet.",
        "published": "Published.",
        "not_published": "Not published yet.",
        "unscheduled_one": "{count} {t_appointment} {t_unscheduled}.",
        "unscheduled_other": "{count} {t_appointments} {t_unscheduled}.",
        "poll_heading": "{T_poll}",
        "poll_summary": "{answered} of {volunteers} {t_volunteers} have answered the {t_poll}.",
        "poll_missing": "Not answered yet:",
        "closed_heading": "Closed",
        "meeting_heading": "{T_team_meeting}",
        "meeting_line": "{day}, {start}–{end}",
        "next_heading": "Next step",
        "step_poll_one": "{count} volunteer has not answered the {t_poll} yet. Remind them, "
        "or plan without the answer.",
        "step_poll_other": "{count} {t_volunteers} have not answered the {t_poll} yet. Remind "
        "them, or plan without their answers.",
        "step_plan": "Plan the month.",
        "step_publish": "The month is planned. Publish it, so that everyone sees their {t_duties}.",
        "step_done": "The month is planned and published.",
        "step_past": "This month is over.",
        # change password
        "account_title": "Change password",
        "current_password": "Current password",
        "new_password": "New password",
        "new_password_hint": "At least {count} characters.",
        "save": "Save",
        "password_changed": "Your password is changed.",
        # change log
        "changes_title": "Change log",
        "changes_none": "No changes yet.",
        "col_when": "When",
        "col_who": "Who",
        "col_what": "What",
        "change_password": "Changed the password.",
        "change_unknown": "A change this version cannot describe.",
        "requests_heading": "Requests from volunteers",
        "page_unavailable": "This page cannot be shown just now. Please try again later.",
        "requests_confirm": "Confirm",
        "requests_decline": "Decline",
    },
    "de": {
        "adduser_done": "{name} kann sich jetzt in der Web-App anmelden, mit dem "
        "Benutzernamen {user}.",
        "adduser_replaced": "{name} hat ein neues Passwort für die Web-App (Benutzername {user}).",
        "adduser_unknown": "Niemand im Team hat die Kennung {user}. Nehmen Sie die Kennung "
        "einer Person mit der Rolle {t_lead}.",
        "adduser_not_lead": "{name} hat nicht die Rolle {t_lead}. Nur wer die Rolle {t_lead} "
        "hat, bekommt ein Konto für die Web-App.",
        "password_prompt": "Passwort für {name}",
        "password_again": "Dasselbe Passwort noch einmal",
        "password_differs": "Die beiden Passwörter sind verschieden. Nichts wurde "
        "gespeichert; versuchen Sie es noch einmal.",
        "password_missing": "Es wurde kein Passwort angegeben. Nichts wurde gespeichert.",
        "password_file_unreadable": "Die Passwort-Datei lässt sich nicht lesen. Prüfen Sie "
        "ihren Namen; das Passwort steht in ihrer ersten Zeile.",
        "password_short": "Das Passwort braucht mindestens {count} Zeichen.",
        "password_long": "Das Passwort darf höchstens {count} Zeichen haben.",
        "password_wrong": "Das ist nicht Ihr bisheriges Passwort.",
        "serving": "Die Web-App von {office} läuft unter {url}/ . Strg-C beendet sie.",
        "not_an_office": "In {folder} ist kein Büro. Starten Sie die Web-App im Ordner eines "
        "Büros; roster init legt ein neues an.",
        "no_accounts": "Noch kann sich niemand anmelden. Geben Sie einer Person mit der "
        "Rolle {t_lead} ein Konto: {command}",
        "stopped": "Beendet.",
        "skip": "Zum Inhalt springen",
        "nav_label": "Hauptmenü",
        "nav_month": "Monat",
        "nav_team": "Team",
        "nav_availability": "Verfügbarkeit",
        "nav_appointments": "{T_appointments}",
        "nav_plan": "Planen",
        "nav_publish": "Veröffentlichen & drucken",
        "nav_notices": "Nachrichten",
        "nav_changes": "Änderungen",
        "month_choose": "Monat wählen",
        "month_show": "Zeigen",
        "month_previous": "Voriger Monat",
        "month_next": "Nächster Monat",
        "logged_in": "Angemeldet: {name}",
        "account_link": "Passwort ändern",
        "logout": "Abmelden",
        "login_title": "Anmelden",
        "login_user": "Benutzername",
        "login_password": "Passwort",
        "login_button": "Anmelden",
        "login_failed": "Benutzername oder Passwort ist falsch.",
        "login_throttled_one": "Zu viele Versuche; versuchen Sie es in {count} Sekunde wieder.",
        "login_throttled_other": "Zu viele Versuche; versuchen Sie es in {count} Sekunden wieder.",
        "login_needed": "Bitte melden Sie sich an.",
        "logged_out": "Sie sind abgemeldet.",
        "csrf_refused": "Dieses Formular ist zu alt oder kam von einer anderen Seite. Nichts "
        "wurde gespeichert. Laden Sie die Seite neu und versuchen Sie es noch einmal.",
        "busy": "Gerade speichert jemand anderes; versuchen Sie es gleich noch einmal.",
        "not_saved": "Nichts wurde gespeichert. Bitte korrigieren Sie, was markiert ist.",
        "server_error": "Etwas ist schiefgegangen. Nichts wurde gespeichert.",
        "server_error_hint": "Versuchen Sie es noch einmal. Wenn es wieder passiert, sagen "
        "Sie es der Person, die diesen Computer betreut.",
        "not_found": "Diese Seite gibt es nicht, oder sie ist noch nicht fertig.",
        "not_allowed": "Das geht hier nicht.",
        "bad_request": "Die Anfrage ist unvollständig oder ungültig.",
        "field_missing": "Bitte füllen Sie dieses Feld aus.",
        "field_invalid": "Dieser Wert ist ungültig.",
        "error_title": "Etwas ist schiefgegangen",
        "refused_title": "Nicht erlaubt",
        "back_home": "Zurück zum Monat",
        "overview_title": "{month}",
        "sessions_heading": "Sprechstunden",
        "col_date": "Datum",
        "col_time": "Uhrzeit",
        "col_session": "{T_session}",
        "col_staffing": "Besetzung",
        "time_span": "{start}–{end}",
        "no_sessions": "Keine Sprechstunden in diesem Monat.",
        "kind_open_hours": "{T_open_hours}",
        "kind_appointments": "{T_appointment_hours}",
        "staffing_complete": "voll besetzt",
        "staffing_gaps_one": "{count} Person fehlt",
        "staffing_gaps_other": "{count} Personen fehlen",
        "staffing_not_planned": "noch nicht geplant",
        "staffing_no_appointments": "keine Termine angefragt",
        "need_language_one": "{count} {t_interpreter} für {language}",
        "need_language_other": "{count} {t_interpreters} für {language}",
        "need_counsellors_one": "{count} {t_counsellor}",
        "need_counsellors_other": "{count} {t_counsellors}",
        "need_lead": "{T_lead_duty}",
        "sessions_staffed": "{complete} von {total} Sprechstunden voll besetzt.",
        "planned_on": "Geplant am {day}.",
        "not_planned": "Noch nicht geplant.",
        "published": "Veröffentlicht.",
        "not_published": "Noch nicht veröffentlicht.",
        "unscheduled_one": "{count} {t_appointment} {t_unscheduled}.",
        "unscheduled_other": "{count} {t_appointments} {t_unscheduled}.",
        "poll_heading": "{T_poll}",
        "poll_summary": "{answered} von {volunteers} Ehrenamtlichen haben an der {t_poll} "
        "teilgenommen.",
        "poll_missing": "Noch nicht geantwortet:",
        "closed_heading": "Geschlossen",
        "meeting_heading": "{T_team_meeting}",
        "meeting_line": "{day}, {start}–{end}",
        "next_heading": "Nächster Schritt",
        "step_poll_one": "{count} Person hat an der {t_poll} noch nicht teilgenommen. "
        "Erinnern Sie sie, oder planen Sie ohne die Antwort.",
        "step_poll_other": "{count} Personen haben an der {t_poll} noch nicht teilgenommen. "
        "Erinnern Sie sie, oder planen Sie ohne ihre Antworten.",
        "step_plan": "Planen Sie den Monat.",
        "step_publish": "Der Monat ist geplant. Veröffentlichen Sie ihn, damit alle ihre "
        "{t_duties} sehen.",
        "step_done": "Der Monat ist geplant und veröffentlicht.",
        "step_past": "Dieser Monat ist vorbei.",
        "account_title": "Passwort ändern",
        "current_password": "Bisheriges Passwort",
        "new_password": "Neues Passwort",
        "new_password_hint": "Mindestens {count} Zeichen.",
        "save": "Speichern",
        "password_changed": "Ihr Passwort ist geändert.",
        "changes_title": "Änderungen",
        "changes_none": "Noch keine Änderungen.",
        "col_when": "Wann",
        "col_who": "Wer",
        "col_what": "Was",
        "change_password": "Passwort geändert.",
        "change_unknown": "Eine Änderung, die diese Version nicht beschreiben kann.",
        "requests_heading": "Anfragen von Ehrenamtlichen",
        "page_unavailable": "Diese Seite kann gerade nicht gezeigt werden. Bitte versuchen "
        "Sie es später noch einmal.",
        "requests_confirm": "Bestätigen",
        "requests_decline": "Ablehnen",
    },
}

PAGES: tuple[dict[str, dict[str, str]], ...] = (
    web_team.TEXTS,
    web_availability.TEXTS,
    web_appointments.TEXTS,
    web_plan.TEXTS,
    web_adjust.TEXTS,
    web_publish.TEXTS,
    web_notices.TEXTS,
)
"""The words of the pages with a module of their own, each keyed ``<page>_*``."""


def _merged() -> dict[str, dict[str, str]]:
    merged = {locale: dict(table) for locale, table in BASE.items()}
    for table in PAGES:
        for locale, texts in table.items():
            twice = sorted(set(texts) & set(merged[locale]))
            if twice:
                raise ValueError(f"web texts defined twice: {twice}")
            merged[locale].update(texts)
    return merged


TEXTS: dict[str, dict[str, str]] = _merged()
"""Every ``web.*`` text, per locale."""
