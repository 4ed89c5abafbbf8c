"""The words of the volunteers' own pages and of `roster page` (message ids
``volunteer.*``), in German and English.

A volunteer's page speaks to people for whom German is often a second language: short
sentences, one thing per sentence, no office jargon. The command texts (``cmd_*``) speak
to the office lead; a line that shows a command to run carries it as a value of its own.
The calendar steps per platform are the handout's (``web.publish_sheet_*``).
"""

from __future__ import annotations

from roster.wording import volunteer_duty, volunteer_notices, volunteer_poll

BASE: dict[str, dict[str, str]] = {
    "en": {
        # roster page link / revoke
        "cmd_link": "Personal page of {name}. Hand the link over (text, QR code or picture) "
        "and keep no copy. Only this office's computer can show it again: on the handout "
        "sheet and in messages to {name}.",
        "cmd_local": "This link works only on this computer, not on a phone.",
        "cmd_png": "QR code written to this file; delete it once it is handed over: {path}",
        "cmd_exists": "{name} already has a page link, made on {day}. The handout sheet in "
        "the web app shows it again. To make a new one (the old one stops working), run:",
        "cmd_revoked": "The old page link of {name} no longer works.",
        "cmd_unknown": "Nobody in the team has the id {who}. Give the id of a person in the "
        "team, as the team list shows it.",
        "cmd_left": "{name} has left the team: no page link is made.",
        "cmd_no_address": "No link was made: the office has no public address for its web "
        "app yet (the address of the calendars in the office's settings). A link now would "
        "work only on this computer. For a test link that "
        "works only on this computer, run:",
        # the page
        "page_title": "My page",
        "hello": "Hello, {name}!",
        "language_label": "Language",
        "duties_heading": "My {t_duties}",
        "duties_none": "You have no {t_duties} in the coming weeks.",
        "duties_private": "Other people's names are not shown here.",
        "duty_with": "With: {names}",
        "kind_open_hours": "{T_open_hours}",
        "kind_appointments": "{T_appointment_hours}",
        "role_counsellor": "{T_counsellor}",
        "role_counsellor_in": "{T_counsellor} in {language}",
        "role_lead": "{T_lead_duty} and {t_counselling}",
        "role_interpreter": "{T_interpreter} for {language}",
        "role_trainee": "{role} ({t_trainee})",
        "appointment_line": "{time}: {t_appointment} in {language}",
        "appointment_case": "{time}: {t_appointment} in {language} ({t_case} {case})",
        "changes_heading": "What changed since your last visit",
        "changes_first": "This is your first visit. Welcome!",
        "changes_none": "Nothing changed.",
        "change_added": "New: {duty}",
        "change_removed": "Cancelled: {duty}",
        "meeting_heading": "{T_team_meeting}",
        "meeting_place": "Place: {place}",
        "meeting_none": "No {t_team_meeting} is planned yet.",
        "gaps_heading": "Still open",
        "gaps_hint": "Can you help?",
        "gaps_none": "Nothing is open in the coming weeks.",
        "gap_language": "{language}: {t_interpreter} missing",
        "gap_lead": "{T_lead_duty} missing",
        "gap_counsellors_one": "{count} {t_counsellor} missing",
        "gap_counsellors_other": "{count} {t_counsellors} missing",
        "calendar_heading": "My calendar",
        "calendar_hint": "Put your {t_duties} into the calendar on your phone.",
        "calendar_warning": "You get a new link. Your old calendar link then stops working.",
        "calendar_button": "Get my calendar link",
        "calendar_no_address": "Calendar links are not set up yet. Please ask the office.",
        "calendar_not_ready": "The calendars are not ready yet. Please ask the office.",
        "calendar_done": "Here is your new calendar link. It is shown only now: add it to "
        "your calendar now. Your old calendar link no longer works.",
        "calendar_open": "Add to my calendar",
        "calendar_qr": "QR code of your calendar link",
        "calendar_text": "The link as text:",
        "calendar_back": "Back to my page",
        "calendar_change": "Made a new calendar link.",
    },
    "de": {
        "cmd_link": "Persönliche Seite von {name}. Geben Sie den Link weiter (Text, QR-Code "
        "oder Bild) und behalten Sie keine Kopie. Nur der Computer des Büros kann ihn noch "
        "einmal zeigen: auf dem Handzettel und in Nachrichten an {name}.",
        "cmd_local": "Dieser Link funktioniert nur auf diesem Computer, nicht auf einem Handy.",
        "cmd_png": "QR-Code in diese Datei geschrieben; löschen Sie sie nach der Übergabe: {path}",
        "cmd_exists": "{name} hat schon einen Link zur Seite, erstellt am {day}. Der "
        "Handzettel in der Web-App zeigt ihn noch einmal. Für einen neuen Link (der alte "
        "funktioniert dann nicht mehr) rufen Sie auf:",
        "cmd_revoked": "Der alte Link zur Seite von {name} funktioniert nicht mehr.",
        "cmd_unknown": "Niemand im Team hat die Kennung {who}. Geben Sie die Kennung einer "
        "Person im Team an, wie die Teamliste sie zeigt.",
        "cmd_left": "{name} ist nicht mehr im Team: Es wird kein Link erstellt.",
        "cmd_no_address": "Es wurde kein Link erstellt: Das Büro hat noch keine öffentliche "
        "Adresse für seine Web-App (die Adresse der Kalender in den Einstellungen des Büros). "
        "Ein Link würde jetzt nur auf diesem Computer funktionieren. Für einen Test-Link nur "
        "für diesen Computer rufen Sie auf:",
        "page_title": "Meine Seite",
        "hello": "Hallo, {name}!",
        "language_label": "Sprache",
        "duties_heading": "Meine {t_duties}",
        "duties_none": "Sie haben in den nächsten Wochen keine {t_duties}.",
        "duties_private": "Namen anderer Personen werden hier nicht gezeigt.",
        "duty_with": "Mit: {names}",
        "kind_open_hours": "{T_open_hours}",
        "kind_appointments": "{T_appointment_hours}",
        "role_counsellor": "{T_counsellor}",
        "role_counsellor_in": "{T_counsellor} auf {language}",
        "role_lead": "{T_lead_duty} und {t_counselling}",
        "role_interpreter": "{T_interpreter} für {language}",
        "role_trainee": "{role} ({t_trainee})",
        "appointment_line": "{time}: {t_appointment} auf {language}",
        "appointment_case": "{time}: {t_appointment} auf {language} ({t_case} {case})",
        "changes_heading": "Was sich seit Ihrem letzten Besuch geändert hat",
        "changes_first": "Das ist Ihr erster Besuch. Willkommen!",
        "changes_none": "Nichts hat sich geändert.",
        "change_added": "Neu: {duty}",
        "change_removed": "Abgesagt: {duty}",
        "meeting_heading": "{T_team_meeting}",
        "meeting_place": "Ort: {place}",
        "meeting_none": "Noch keine {t_team_meeting} geplant.",
        "gaps_heading": "Noch offen",
        "gaps_hint": "Können Sie helfen?",
        "gaps_none": "In den nächsten Wochen ist nichts offen.",
        "gap_language": "{language}: {t_interpreter} fehlt",
        "gap_lead": "{T_lead_duty} fehlt",
        "gap_counsellors_one": "{count} {t_counsellor} fehlt",
        "gap_counsellors_other": "{count} {t_counsellors} fehlen",
        "calendar_heading": "Mein Kalender",
        "calendar_hint": "Holen Sie Ihre {t_duties} in den Kalender auf Ihrem Handy.",
        "calendar_warning": "Sie bekommen einen neuen Link. Ihr alter Kalender-Link "
        "funktioniert dann nicht mehr.",
        "calendar_button": "Meinen Kalender-Link holen",
        "calendar_no_address": "Kalender-Links sind noch nicht eingerichtet. Bitte fragen Sie "
        "das Büro.",
        "calendar_not_ready": "Die Kalender sind noch nicht fertig. Bitte fragen Sie das Büro.",
        "calendar_done": "Hier ist Ihr neuer Kalender-Link. Er wird nur jetzt gezeigt: "
        "Fügen Sie ihn jetzt Ihrem Kalender hinzu. Ihr alter Kalender-Link funktioniert nicht "
        "mehr.",
        "calendar_open": "Zu meinem Kalender hinzufügen",
        "calendar_qr": "QR-Code Ihres Kalender-Links",
        "calendar_text": "Der Link als Text:",
        "calendar_back": "Zurück zu meiner Seite",
        "calendar_change": "Hat einen neuen Kalender-Link geholt.",
    },
}


def _merged() -> dict[str, dict[str, str]]:
    merged = {locale: dict(table) for locale, table in BASE.items()}
    for table in (volunteer_poll.TEXTS, volunteer_duty.TEXTS, volunteer_notices.TEXTS):
        for locale, texts in table.items():
            twice = sorted(set(texts) & set(merged[locale]))
            if twice:
                raise ValueError(f"volunteer texts defined twice: {twice}")
            merged[locale].update(texts)
    return merged


TEXTS: dict[str, dict[str, str]] = _merged()
"""Every ``volunteer.*`` text, per locale: the page's own and those of its poll and duty
parts (``poll_*``, ``duty_*``)."""
