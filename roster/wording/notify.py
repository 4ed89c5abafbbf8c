"""The words of the e-mails and of `roster notify` (message ids ``notify.*``), in German
and English: greeting, footer, duty reminders, the report of a run; the other kinds' words
come from :mod:`roster.wording.notify_kinds` (merged here).

E-mails speak to people for whom German is often a second language: short sentences,
subject lines that say it all."""

from __future__ import annotations

from roster.wording import notify_kinds

BASE: dict[str, dict[str, str]] = {
    "en": {
        # how far a day is
        "when_today": "today",
        "when_tomorrow": "tomorrow",
        "when_day_after": "in 2 days",
        "when_in_days_one": "in {count} day",
        "when_in_days_other": "in {count} days",
        # every e-mail: greeting and footer
        "greeting": "Hello {name},",
        "footer_page": "Your own page: {url}",
        "footer_switch_off": "On your page you can switch these messages off.",
        "footer_no_page": "You do not want these messages? Please ask the office for the link to your own page. There you can switch them off.",
        "footer_sender": "This message was sent automatically by {office}.",
        "calendar_file": "duty {day}.ics",
        # duty reminders
        "reminder_subject": "{T_duty} {when}, {day}, {time}: {duty}",
        "reminder_intro": "You are on {t_duty} {when}.",
        "reminder_day": "Day: {day}",
        "reminder_time": "Time: {time}",
        "reminder_place": "Place: {place}",
        "reminder_session": "Session: {kind}",
        "reminder_role": "Your task: {role}",
        "reminder_appointments": "Your {t_appointments}:",
        "reminder_colleagues": "Also on {t_duty}: {names}",
        "reminder_cannot": "If you cannot come, please tell the office soon.",
        "reminder_calendar": "The {t_duty} is attached as a calendar file.",
        "reminder_event": "{T_duty}: {duty}",
        # the report of a run
        "report_nothing": "Nothing to send.",
        "report_sent_one": "{count} message sent:",
        "report_sent_other": "{count} messages sent:",
        "report_line": "{name}: {subject}",
        "report_dry_one": "Trial run, nothing sent. {count} message would be sent:",
        "report_dry_other": "Trial run, nothing sent. {count} messages would be sent:",
        "report_dry_nothing": "Trial run, nothing sent. Nothing would be sent.",
        "report_failed_one": "{count} message could not be sent. The next run tries again:",
        "report_failed_other": "{count} messages could not be sent. The next run tries again:",
        "report_failed_line": "{name}: {subject}. Reason: {reason}. Attempt {attempts} of {cap}.",
        "report_refused_hint": "The mail server refuses this address for good. Please check the e-mail address of {name}.",
        "report_gave_up_one": "{count} message was given up after {cap} attempts:",
        "report_gave_up_other": "{count} messages were given up after {cap} attempts:",
        "report_gave_up_line": "{name}: {subject}. Last reason: {reason}.",
        "report_no_email_one": "{count} person has no e-mail address and gets no messages:",
        "report_no_email_other": "{count} people have no e-mail address and get no messages:",
        "report_no_email_line": "{name}: {subject}",
        "report_busy": "Another run is sending messages right now. This run stops. The next run sends what is still due.",
        "report_stopped": "The mail server cannot be reached. The other messages wait for the next run.",
        # problems
        "no_mail": "The mail server is not set up yet, so the office cannot send messages. The guide 'Messages' (notifications) says how to set it up.",
        "log_damaged": "The list of messages already sent is damaged. Restore it from your backup. Or delete it: then messages already sent may be sent once more. The guide 'Messages' (notifications) says where it is.",
        "no_password": "The password for the mail server is missing. The guide 'Messages' (notifications) says where to put it.",
        "password_file_missing": "The file with the password for the mail server cannot be read.",
        "password_file_open": "Other users of this computer can read the file with the password for the mail server. That is not safe. Make it readable for you only, with this command:",
        # why a message was not sent
        "reason_recipient": "the mail server does not accept the address",
        "reason_message": "the mail server refused the message",
        "reason_connect": "no connection to the mail server",
        "reason_timeout": "the mail server does not answer",
        "reason_login": "the login at the mail server failed; please check the user name and the password",
        "reason_tls": "the encrypted connection to the mail server failed",
        "reason_other": "the mail server reported an error",
    },
    "de": {
        "when_today": "heute",
        "when_tomorrow": "morgen",
        "when_day_after": "übermorgen",
        "when_in_days_one": "in {count} Tag",
        "when_in_days_other": "in {count} Tagen",
        "greeting": "Hallo {name},",
        "footer_page": "Ihre eigene Seite: {url}",
        "footer_switch_off": "Auf Ihrer Seite können Sie diese Nachrichten abschalten.",
        "footer_no_page": "Sie möchten diese Nachrichten nicht? Bitte fragen Sie im Büro nach dem Link zu Ihrer eigenen Seite. Dort können Sie sie abschalten.",
        "footer_sender": "Diese Nachricht hat {office} automatisch gesendet.",
        "calendar_file": "Dienst {day}.ics",
        "reminder_subject": "{T_duty} {when}, {day}, {time}: {duty}",
        "reminder_intro": "Sie haben {when} {t_duty}.",
        "reminder_day": "Tag: {day}",
        "reminder_time": "Zeit: {time}",
        "reminder_place": "Ort: {place}",
        "reminder_session": "{T_session}: {kind}",
        "reminder_role": "Ihre Aufgabe: {role}",
        "reminder_appointments": "Ihre {t_appointments}:",
        "reminder_colleagues": "Auch im {t_duty}: {names}",
        "reminder_cannot": "Wenn Sie nicht kommen können, sagen Sie es bitte bald im Büro.",
        "reminder_calendar": "Der {t_duty} ist als Kalender-Datei angehängt.",
        "reminder_event": "{T_duty}: {duty}",
        "report_nothing": "Nichts zu senden.",
        "report_sent_one": "{count} Nachricht gesendet:",
        "report_sent_other": "{count} Nachrichten gesendet:",
        "report_line": "{name}: {subject}",
        "report_dry_one": "Probelauf, nichts gesendet. {count} Nachricht würde gesendet:",
        "report_dry_other": "Probelauf, nichts gesendet. {count} Nachrichten würden gesendet:",
        "report_dry_nothing": "Probelauf, nichts gesendet. Es gibt nichts zu senden.",
        "report_failed_one": "{count} Nachricht konnte nicht gesendet werden. Der nächste Lauf versucht es noch einmal:",
        "report_failed_other": "{count} Nachrichten konnten nicht gesendet werden. Der nächste Lauf versucht es noch einmal:",
        "report_failed_line": "{name}: {subject}. Grund: {reason}. Versuch {attempts} von {cap}.",
        "report_refused_hint": "Der Mail-Server lehnt diese Adresse dauerhaft ab. Bitte prüfen Sie die E-Mail-Adresse von {name}.",
        "report_gave_up_one": "{count} Nachricht wurde nach {cap} Versuchen aufgegeben:",
        "report_gave_up_other": "{count} Nachrichten wurden nach {cap} Versuchen aufgegeben:",
        "report_gave_up_line": "{name}: {subject}. Letzter Grund: {reason}.",
        "report_no_email_one": "{count} Person hat keine E-Mail-Adresse und bekommt keine Nachrichten:",
        "report_no_email_other": "{count} Personen haben keine E-Mail-Adresse und bekommen keine Nachrichten:",
        "report_no_email_line": "{name}: {subject}",
        "report_busy": "Ein anderer Lauf sendet gerade Nachrichten. Dieser Lauf hört auf. Der nächste Lauf sendet, was dann noch fällig ist.",
        "report_stopped": "Der Mail-Server ist nicht erreichbar. Die anderen Nachrichten warten auf den nächsten Lauf.",
        "no_mail": "Der Mail-Server ist noch nicht eingerichtet. Deshalb kann das Büro keine Nachrichten senden. Die Anleitung „Nachrichten“ (notifications) sagt, wie man ihn einrichtet.",
        "log_damaged": "Die Liste der schon gesendeten Nachrichten ist beschädigt. Bitte holen Sie sie aus Ihrer Sicherung zurück. Oder löschen Sie sie: dann werden schon gesendete Nachrichten vielleicht noch einmal gesendet. Die Anleitung „Nachrichten“ (notifications) sagt, wo sie liegt.",
        "no_password": "Das Passwort für den Mail-Server fehlt. Die Anleitung „Nachrichten“ (notifications) sagt, wo es hingehört.",
        "password_file_missing": "Die Datei mit dem Passwort für den Mail-Server ist nicht lesbar.",
        "password_file_open": "Andere Benutzer dieses Computers können die Datei mit dem Passwort für den Mail-Server lesen. Das ist nicht sicher. Machen Sie sie nur für sich lesbar, mit diesem Befehl:",
        "reason_recipient": "der Mail-Server nimmt die Adresse nicht an",
        "reason_message": "der Mail-Server hat die Nachricht abgelehnt",
        "reason_connect": "keine Verbindung zum Mail-Server",
        "reason_timeout": "der Mail-Server antwortet nicht",
        "reason_login": "die Anmeldung beim Mail-Server ist fehlgeschlagen; bitte prüfen Sie Benutzername und Passwort",
        "reason_tls": "die verschlüsselte Verbindung zum Mail-Server ist fehlgeschlagen",
        "reason_other": "der Mail-Server hat einen Fehler gemeldet",
    },
}


def _merged() -> dict[str, dict[str, str]]:
    merged = {locale: dict(table) for locale, table in BASE.items()}
    for table in (notify_kinds.TEXTS,):
        for locale, texts in table.items():
            twice = sorted(set(texts) & set(merged[locale]))
            if twice:
                raise ValueError(f"notify texts defined twice: {twice}")
            merged[locale].update(texts)
    return merged


TEXTS: dict[str, dict[str, str]] = _merged()
"""Every ``notify.*`` text, per locale."""
