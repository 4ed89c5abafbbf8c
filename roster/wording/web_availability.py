"""The words of the web app's availability pages (message ids ``web.availability_*``), in German and
English; merged into :mod:`roster.wording.web`."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "availability_title": "Availability: {month}",
        "availability_intro": "Who can come on which day. Choose an answer for each person "
        "and day, then save. On a day a person is away, the answer cannot be changed.",
        "availability_col_person": "{T_volunteers}",
        "availability_cell_label": "Answer of {name} for {day}",
        "availability_yes": "yes",
        "availability_maybe": "maybe",
        "availability_no": "no",
        "availability_none": "no answer",
        "availability_away": "away",
        "availability_save": "Save answers",
        "availability_poll_heading": "The {t_poll} on the volunteers' pages",
        "availability_poll_until": "Last day to answer",
        "availability_poll_open": "Open the {t_poll}",
        "availability_poll_change": "Change the last day",
        "availability_poll_close": "Close the {t_poll}",
        "availability_poll_hint": "Each volunteer answers on their own page. Their answers "
        "appear in the grid below.",
        "availability_saved_one": "{count} answer saved.",
        "availability_saved_other": "{count} answers saved.",
        "availability_cell_saved": "saved",
        "availability_unchanged": "Nothing changed.",
        "availability_spreadsheet": "This month's answers come from a spreadsheet (Excel). "
        "When you save here, the spreadsheet is replaced by the answers entered here.",
        "availability_no_sessions": "There are no sessions this month, so there is nothing "
        "to answer.",
        "availability_nobody": "Nobody is in the team this month.",
        "availability_unknown_person": "This person is not in the team this month.",
        "availability_not_session": "There is no session on this day.",
        "availability_bad_answer": "Choose yes, maybe, no or no answer.",
        "availability_is_away": "{name} is away on this day; the answer cannot be changed.",
        "availability_changed_one": "Availability for {month_name} changed: {count} answer.",
        "availability_changed_other": "Availability for {month_name} changed: {count} answers.",
        "availability_replaced_one": "Availability for {month_name} changed: {count} answer; "
        "the spreadsheet was replaced.",
        "availability_replaced_other": "Availability for {month_name} changed: {count} "
        "answers; the spreadsheet was replaced.",
    },
    "de": {
        "availability_title": "Verfügbarkeit: {month}",
        "availability_intro": "Wer an welchem Tag kommen kann. Wählen Sie für jede Person und "
        "jeden Tag eine Antwort und speichern Sie. An Tagen, an denen jemand abwesend ist, "
        "lässt sich die Antwort nicht ändern.",
        "availability_col_person": "{T_volunteers}",
        "availability_cell_label": "Antwort von {name} für {day}",
        "availability_yes": "ja",
        "availability_maybe": "vielleicht",
        "availability_no": "nein",
        "availability_none": "keine Antwort",
        "availability_away": "abwesend",
        "availability_save": "Antworten speichern",
        "availability_poll_heading": "Die {t_poll} auf den Seiten der Ehrenamtlichen",
        "availability_poll_until": "Letzter Tag zum Antworten",
        "availability_poll_open": "{T_poll} öffnen",
        "availability_poll_change": "Letzten Tag ändern",
        "availability_poll_close": "{T_poll} schließen",
        "availability_poll_hint": "Alle antworten auf ihrer eigenen Seite. Die Antworten "
        "erscheinen unten in der Tabelle.",
        "availability_saved_one": "{count} Antwort gespeichert.",
        "availability_saved_other": "{count} Antworten gespeichert.",
        "availability_cell_saved": "gespeichert",
        "availability_unchanged": "Nichts geändert.",
        "availability_spreadsheet": "Die Antworten dieses Monats stammen aus einer Tabelle "
        "(Excel). Wenn Sie hier speichern, wird die Tabelle durch die hier eingetragenen "
        "Antworten ersetzt.",
        "availability_no_sessions": "In diesem Monat gibt es keine Sprechstunden, also auch "
        "nichts zu beantworten.",
        "availability_nobody": "In diesem Monat ist niemand im Team.",
        "availability_unknown_person": "Diese Person ist in diesem Monat nicht im Team.",
        "availability_not_session": "An diesem Tag gibt es keine Sprechstunde.",
        "availability_bad_answer": "Wählen Sie ja, vielleicht, nein oder keine Antwort.",
        "availability_is_away": "{name} ist an diesem Tag abwesend; die Antwort lässt sich "
        "nicht ändern.",
        "availability_changed_one": "Verfügbarkeit für {month_name} geändert: {count} Antwort.",
        "availability_changed_other": "Verfügbarkeit für {month_name} geändert: {count} Antworten.",
        "availability_replaced_one": "Verfügbarkeit für {month_name} geändert: {count} "
        "Antwort; die Tabelle wurde ersetzt.",
        "availability_replaced_other": "Verfügbarkeit für {month_name} geändert: {count} "
        "Antworten; die Tabelle wurde ersetzt.",
    },
}
