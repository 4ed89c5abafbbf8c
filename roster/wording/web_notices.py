"""The words of the lead's messages page (message ids ``web.notices_*``), in German and
English; merged into :mod:`roster.wording.web`."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "notices_title": "Messages by e-mail",
        "notices_mail_heading": "E-mail",
        "notices_mail_on": "E-mail is set up. The office sends messages.",
        "notices_mail_off": "E-mail is not set up yet. The office sends no messages.",
        "notices_mail_how": "The person who looks after the office's computer can set it up. "
        "The guide 'Messages' says how.",
        "notices_schedule_heading": "When messages go out",
        "notices_schedule_every_one": "The app sends what is due every minute.",
        "notices_schedule_every_other": "The app sends what is due every {count} minutes.",
        "notices_schedule_off": "The app does not send on its own. Press 'Send now', or let "
        "the office's computer do it regularly. The guide 'Messages' says how.",
        "notices_last_run": "Last run: {moment}.",
        "notices_last_run_none": "No run yet since the app started.",
        "notices_next_run": "Next run: {moment}.",
        "notices_last_sent_one": "It sent {count} message.",
        "notices_last_sent_other": "It sent {count} messages.",
        "notices_last_failed_one": "{count} message could not be sent.",
        "notices_last_failed_other": "{count} messages could not be sent.",
        "notices_last_problem": "The last run stopped: {problem}",
        "notices_due_heading": "Due now",
        "notices_due_none": "Nothing is due now.",
        "notices_due_intro_one": "{count} message would go out now:",
        "notices_due_intro_other": "{count} messages would go out now:",
        "notices_due_problem": "What is due cannot be shown: {problem}",
        "notices_col_to": "To",
        "notices_col_subject": "Subject",
        "notices_col_kind": "Kind",
        "notices_col_day": "Date",
        "notices_col_reason": "Why",
        "notices_no_address_heading": "No e-mail address",
        "notices_no_address_intro": "These people get no e-mails. Add their address on the "
        "Team page:",
        "notices_no_address_none": "Everyone in the team has an e-mail address.",
        "notices_sent_heading": "Sent lately",
        "notices_sent_none": "Nothing sent yet.",
        "notices_failed_heading": "Not sent",
        "notices_failed_none": "No message has failed so far.",
        "notices_failed_retry_one": "{reason}. Tried {count} time. The next run tries again.",
        "notices_failed_retry_other": "{reason}. Tried {count} times. The next run tries again.",
        "notices_failed_gave_up_one": "{reason}. Tried {count} time. Given up.",
        "notices_failed_gave_up_other": "{reason}. Tried {count} times. Given up.",
        "notices_send_heading": "Send now",
        "notices_send_hint": "Sends what is due now. Nothing is sent twice.",
        "notices_send": "Send now",
        "notices_result_nothing": "Nothing was due. Nothing was sent.",
        "notices_result_sent_one": "{count} message sent.",
        "notices_result_sent_other": "{count} messages sent.",
        "notices_result_failed_one": "{count} message could not be sent. The next run tries again.",
        "notices_result_failed_other": "{count} messages could not be sent. The next run "
        "tries again.",
        "notices_busy": "Messages are being sent right now. Try again in a moment.",
        "notices_private": "This page shows names and subjects only, never the texts of "
        "the messages or e-mail addresses.",
        "notices_kind_reminder": "{T_duty} reminder",
        "notices_kind_change": "Change of {t_duties}",
        "notices_kind_poll_invitation": "{T_poll} invitation",
        "notices_kind_poll_reminder": "{T_poll} reminder",
        "notices_kind_gap_alert": "Help needed",
        "notices_kind_digest": "Summary for the {t_lead}",
        "notices_status_no_address": "no e-mail address",
        "notices_folder_problem": "The office's files have a problem, so nothing was sent. "
        "The month page shows what to put right.",
        "notices_preferences_damaged": "The volunteers' e-mail choices cannot be read. Ask "
        "the person who looks after the office's computer to check them.",
    },
    "de": {
        "notices_title": "Nachrichten per E-Mail",
        "notices_mail_heading": "E-Mail",
        "notices_mail_on": "E-Mail ist eingerichtet. Das Büro schickt Nachrichten.",
        "notices_mail_off": "E-Mail ist noch nicht eingerichtet. Das Büro schickt keine "
        "Nachrichten.",
        "notices_mail_how": "Die Person, die den Computer des Büros betreut, kann es "
        "einrichten. Die Anleitung „Nachrichten“ sagt, wie.",
        "notices_schedule_heading": "Wann Nachrichten rausgehen",
        "notices_schedule_every_one": "Die App schickt jede Minute, was fällig ist.",
        "notices_schedule_every_other": "Die App schickt alle {count} Minuten, was fällig ist.",
        "notices_schedule_off": "Die App schickt nicht von selbst. Drücken Sie „Jetzt "
        "senden“, oder lassen Sie den Computer des Büros es regelmäßig tun. Die Anleitung "
        "„Nachrichten“ sagt, wie.",
        "notices_last_run": "Zuletzt: {moment}.",
        "notices_last_run_none": "Seit dem Start der App noch nicht.",
        "notices_next_run": "Als Nächstes: {moment}.",
        "notices_last_sent_one": "Dabei ging {count} Nachricht raus.",
        "notices_last_sent_other": "Dabei gingen {count} Nachrichten raus.",
        "notices_last_failed_one": "{count} Nachricht ging nicht raus.",
        "notices_last_failed_other": "{count} Nachrichten gingen nicht raus.",
        "notices_last_problem": "Der letzte Lauf hat abgebrochen: {problem}",
        "notices_due_heading": "Jetzt fällig",
        "notices_due_none": "Gerade ist nichts fällig.",
        "notices_due_intro_one": "{count} Nachricht würde jetzt rausgehen:",
        "notices_due_intro_other": "{count} Nachrichten würden jetzt rausgehen:",
        "notices_due_problem": "Was fällig ist, lässt sich nicht zeigen: {problem}",
        "notices_col_to": "An",
        "notices_col_subject": "Betreff",
        "notices_col_kind": "Art",
        "notices_col_day": "Datum",
        "notices_col_reason": "Warum",
        "notices_no_address_heading": "Keine E-Mail-Adresse",
        "notices_no_address_intro": "Diese Personen bekommen keine E-Mails. Tragen Sie ihre "
        "Adresse auf der Seite Team ein:",
        "notices_no_address_none": "Alle im Team haben eine E-Mail-Adresse.",
        "notices_sent_heading": "Zuletzt gesendet",
        "notices_sent_none": "Noch nichts gesendet.",
        "notices_failed_heading": "Nicht gesendet",
        "notices_failed_none": "Bisher ging keine Nachricht schief.",
        "notices_failed_retry_one": "{reason}. {count} Versuch. Der nächste Lauf versucht "
        "es wieder.",
        "notices_failed_retry_other": "{reason}. {count} Versuche. Der nächste Lauf versucht "
        "es wieder.",
        "notices_failed_gave_up_one": "{reason}. {count} Versuch. Aufgegeben.",
        "notices_failed_gave_up_other": "{reason}. {count} Versuche. Aufgegeben.",
        "notices_send_heading": "Jetzt senden",
        "notices_send_hint": "Schickt, was jetzt fällig ist. Nichts geht doppelt raus.",
        "notices_send": "Jetzt senden",
        "notices_result_nothing": "Es war nichts fällig. Nichts wurde gesendet.",
        "notices_result_sent_one": "{count} Nachricht gesendet.",
        "notices_result_sent_other": "{count} Nachrichten gesendet.",
        "notices_result_failed_one": "{count} Nachricht ging nicht raus. Der nächste Lauf "
        "versucht es wieder.",
        "notices_result_failed_other": "{count} Nachrichten gingen nicht raus. Der nächste "
        "Lauf versucht es wieder.",
        "notices_busy": "Gerade werden Nachrichten gesendet. Versuchen Sie es gleich noch einmal.",
        "notices_private": "Diese Seite zeigt nur Namen und Betreffzeilen, nie die Texte "
        "der Nachrichten oder E-Mail-Adressen.",
        "notices_kind_reminder": "Erinnerung an den {t_duty}",
        "notices_kind_change": "Änderung der {t_duties}",
        "notices_kind_poll_invitation": "Einladung zur {t_poll}",
        "notices_kind_poll_reminder": "Erinnerung an die {t_poll}",
        "notices_kind_gap_alert": "Hilfe gesucht",
        "notices_kind_digest": "Übersicht für die {t_lead}",
        "notices_status_no_address": "keine E-Mail-Adresse",
        "notices_folder_problem": "Die Dateien des Büros haben ein Problem, darum wurde "
        "nichts gesendet. Die Monatsseite zeigt, was zu tun ist.",
        "notices_preferences_damaged": "Die E-Mail-Wünsche der Ehrenamtlichen sind nicht "
        "lesbar. Bitten Sie die Person, die den Computer des Büros betreut, sie zu prüfen.",
    },
}
