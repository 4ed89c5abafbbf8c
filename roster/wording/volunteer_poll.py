"""The words of the volunteers' poll pages and of `roster poll` (message ids
``volunteer.poll_*``), in German and English; merged into :mod:`roster.wording.volunteer`."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # roster poll open / close (for the office lead)
        "poll_opened": "The {t_poll} for {month} is open. Volunteers can answer on their "
        "page until {day}.",
        "poll_closed_now": "The {t_poll} for {month} is closed. The answers stay.",
        "poll_opened_change": "Opened the {t_poll} for {month_name} until {day}",
        "poll_closed_change": "Closed the {t_poll} for {month_name}",
        "poll_state_never": "The {t_poll} for {month} is not open yet. Volunteers cannot answer "
        "on their pages.",
        "poll_state_open": "Open: volunteers can answer on their pages until {day}.",
        "poll_state_closed": "Closed. The answers stay. You can open it again.",
        "poll_state_ended": "Ended on {day}. The answers stay. You can open it again with a new "
        "last day.",
        "poll_never_opened": "The {t_poll} for {month} was never opened.",
        "poll_past": "{day} is already past. Give a day from today on.",
        "poll_bad_date": "{value} is not a date. Write it as YEAR-MONTH-DAY, e.g. 2026-11-30.",
        "poll_no_sessions": "{month} has no sessions to ask about.",
        # the volunteer's page
        "poll_title": "My answers for {month}",
        "poll_heading": "When can you help?",
        "poll_link": "Answer the {t_poll}",
        "poll_none": "There is no {t_poll} open right now.",
        "poll_open_until": "You can answer until {day}.",
        "poll_closed": "The {t_poll} is closed. Please call the office to change an answer.",
        "poll_too_late": "The {t_poll} ended on {day}. Please call the office to change an answer.",
        "poll_intro": "For each date: can you help? Tap yes, maybe or no.",
        "poll_yes": "Yes",
        "poll_maybe": "Maybe",
        "poll_no": "No",
        "poll_answer_yes": "Yes",
        "poll_answer_maybe": "Maybe",
        "poll_answer_no": "No",
        "poll_answer_none": "No answer yet",
        "poll_answer_away": "You are away",
        "poll_your_answer": "Your answer: {answer}",
        "poll_save": "Save my answers",
        "poll_saved_one": "Saved: {count} date.",
        "poll_saved_other": "Saved: {count} dates.",
        "poll_not_saved": "Nothing was saved. Please look at the marked dates.",
        "poll_not_a_date": "This date is not in the {t_poll}.",
        "poll_bad_answer": "Please choose yes, maybe or no.",
        "poll_away_day": "You are away on this day.",
        "poll_folder_problem": "Your answers could not be saved. Please tell the office.",
        "poll_back": "Back to my page",
        # the change log
        "poll_answered_one": "Answered the {t_poll} for {month_name}: {count} date",
        "poll_answered_other": "Answered the {t_poll} for {month_name}: {count} dates",
    },
    "de": {
        "poll_opened": "Die {t_poll} für {month} ist offen. Die Ehrenamtlichen können auf "
        "ihrer Seite bis {day} antworten.",
        "poll_closed_now": "Die {t_poll} für {month} ist geschlossen. Die Antworten bleiben.",
        "poll_opened_change": "{T_poll} für {month_name} bis {day} geöffnet",
        "poll_closed_change": "{T_poll} für {month_name} geschlossen",
        "poll_state_never": "Die {t_poll} für {month} ist noch nicht offen. Die Ehrenamtlichen "
        "können auf ihren Seiten nicht antworten.",
        "poll_state_open": "Offen: Die Ehrenamtlichen können auf ihren Seiten bis {day} antworten.",
        "poll_state_closed": "Geschlossen. Die Antworten bleiben. Sie können sie wieder öffnen.",
        "poll_state_ended": "Am {day} beendet. Die Antworten bleiben. Sie können sie mit einem "
        "neuen letzten Tag wieder öffnen.",
        "poll_never_opened": "Die {t_poll} für {month} wurde nie geöffnet.",
        "poll_past": "{day} ist schon vorbei. Geben Sie einen Tag ab heute an.",
        "poll_bad_date": "{value} ist kein Datum. Schreiben Sie es als JAHR-MONAT-TAG, z. B. "
        "2026-11-30.",
        "poll_no_sessions": "Im {month} gibt es keine Termine zum Abfragen.",
        "poll_title": "Meine Antworten für {month}",
        "poll_heading": "Wann können Sie helfen?",
        "poll_link": "Zur {t_poll}",
        "poll_none": "Gerade ist keine {t_poll} offen.",
        "poll_open_until": "Sie können bis {day} antworten.",
        "poll_closed": "Die {t_poll} ist geschlossen. Bitte rufen Sie im Büro an, um eine "
        "Antwort zu ändern.",
        "poll_too_late": "Die {t_poll} endete am {day}. Bitte rufen Sie im Büro an, um eine "
        "Antwort zu ändern.",
        "poll_intro": "Für jeden Tag: Können Sie helfen? Tippen Sie Ja, Vielleicht oder Nein.",
        "poll_yes": "Ja",
        "poll_maybe": "Vielleicht",
        "poll_no": "Nein",
        "poll_answer_yes": "Ja",
        "poll_answer_maybe": "Vielleicht",
        "poll_answer_no": "Nein",
        "poll_answer_none": "Noch keine Antwort",
        "poll_answer_away": "Sie sind nicht da",
        "poll_your_answer": "Ihre Antwort: {answer}",
        "poll_save": "Antworten speichern",
        "poll_saved_one": "Gespeichert: {count} Tag.",
        "poll_saved_other": "Gespeichert: {count} Tage.",
        "poll_not_saved": "Nichts wurde gespeichert. Bitte sehen Sie sich die markierten Tage an.",
        "poll_not_a_date": "Dieser Tag ist nicht in der {t_poll}.",
        "poll_bad_answer": "Bitte wählen Sie Ja, Vielleicht oder Nein.",
        "poll_away_day": "An diesem Tag sind Sie nicht da.",
        "poll_folder_problem": "Ihre Antworten konnten nicht gespeichert werden. Bitte sagen "
        "Sie im Büro Bescheid.",
        "poll_back": "Zurück zu meiner Seite",
        "poll_answered_one": "Hat die {t_poll} für {month_name} beantwortet: {count} Tag",
        "poll_answered_other": "Hat die {t_poll} für {month_name} beantwortet: {count} Tage",
    },
}
