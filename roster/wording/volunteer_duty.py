"""The words of the volunteers' duty pages (message ids ``volunteer.duty_*``), in German
and English; merged into :mod:`roster.wording.volunteer`.

Stepping into a gap and giving a duty back: short sentences, one thing per sentence.
The ``duty_change_*`` and ``duty_request_*`` texts are for the office lead (the change
log, the requests waiting).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # the step-in page
        "duty_step_in_title": "Step in",
        "duty_step_in_intro_at_once": "You can take these places. When you press the "
        "button, the duty is yours at once and your calendar shows it.",
        "duty_step_in_intro_ask": "You can take these places. When you press the button, "
        "the {t_lead} gets your offer and confirms it.",
        "duty_step_in_none": "There is no open place you can take in the coming weeks. "
        "Thank you for asking!",
        "duty_step_in_button": "I can step in",
        "duty_step_in_label": "I can step in on {day}: {duty}",
        "duty_waiting_heading": "Waiting for the {t_lead}",
        "duty_waiting_step_in": "Your offer for {day}",
        "duty_waiting_give_back": "You cannot come on {day}",
        "duty_back_link": "Back to my page",
        "duty_step_in_link": "Step in for an open place",
        # giving a duty back
        "duty_give_back_title": "I cannot come",
        "duty_give_back_question": "Do you really not come on {day}?",
        "duty_give_back_hint_replan": "Someone else will be planned for you, if possible.",
        "duty_give_back_hint_ask": "The {t_lead} will look for someone else.",
        "duty_give_back_yes": "Yes, I cannot come",
        "duty_give_back_no": "No, I will come",
        "duty_give_back_button": "I cannot come",
        # results and problems
        "duty_done_title": "Done",
        "duty_problem_title": "That did not work",
        "duty_stepped_in": "Thank you! You now have a duty on {day}: {duty}.",
        "duty_step_in_asked": "Thank you! Your offer for {day} ({duty}) waits for the {t_lead}.",
        "duty_given_back": "You are no longer planned for {day}.",
        "duty_given_back_waiting": "Noted: you cannot come on {day}. You are no longer "
        "planned for it. The {t_lead} will look for someone else.",
        "duty_done_stepped_in": "Thank you! You now have a duty on {day}. Your calendar "
        "shows it at its next update.",
        "duty_done_step_in_asked": "Thank you! Your offer for {day} waits for the {t_lead}.",
        "duty_done_given_back": "You are no longer planned for {day}.",
        "duty_done_given_back_waiting": "Noted: you cannot come on {day}. You are no "
        "longer planned for it. The {t_lead} will look for someone else.",
        "duty_bad_date": "That date is not valid.",
        "duty_past": "{day} is over. This cannot be changed any more.",
        "duty_no_gap": "On {day} this place is no longer open.",
        "duty_cannot": "You cannot take this place: {reason}",
        "duty_not_yours": "You have no duty on {day}.",
        "duty_already_asked": "You have already said this. It waits for the {t_lead}.",
        # for the lead
        "duty_request_step_in": "{name} can step in on {day}: {duty}",
        "duty_request_give_back": "{name} cannot come on {day}",
        "duty_request_gone": "This request is no longer waiting.",
        "duty_change_asked_step_in": "{name} offered to step in on {day}: {duty}",
        "duty_change_gave_back": "{name} cannot come on {day}",
        "duty_change_declined": "Request of {name} for {day} declined",
        "duty_change_gap_filled": "Planned again: {name} cannot come on {day}",
        "duty_gap_reason": "Given back by the person on duty. The {t_lead} has not planned "
        "anyone else yet.",
        "duty_gap_refused": "This duty cannot be given back here. Please call the office.",
    },
    "de": {
        "duty_step_in_title": "Einspringen",
        "duty_step_in_intro_at_once": "Diese Plätze können Sie übernehmen. Wenn Sie den "
        "Knopf drücken, ist der Dienst sofort Ihrer und steht in Ihrem Kalender.",
        "duty_step_in_intro_ask": "Diese Plätze können Sie übernehmen. Wenn Sie den Knopf "
        "drücken, bekommt die {t_lead} Ihr Angebot und bestätigt es.",
        "duty_step_in_none": "In den nächsten Wochen ist kein Platz offen, den Sie "
        "übernehmen können. Danke, dass Sie fragen!",
        "duty_step_in_button": "Ich kann einspringen",
        "duty_step_in_label": "Ich kann einspringen am {day}: {duty}",
        "duty_waiting_heading": "Wartet auf die {t_lead}",
        "duty_waiting_step_in": "Ihr Angebot für {day}",
        "duty_waiting_give_back": "Sie können am {day} nicht kommen",
        "duty_back_link": "Zurück zu meiner Seite",
        "duty_step_in_link": "Für einen offenen Platz einspringen",
        "duty_give_back_title": "Ich kann nicht kommen",
        "duty_give_back_question": "Kommen Sie am {day} wirklich nicht?",
        "duty_give_back_hint_replan": "Wenn möglich, wird jemand anderes für Sie geplant.",
        "duty_give_back_hint_ask": "Die {t_lead} sucht jemand anderes.",
        "duty_give_back_yes": "Ja, ich kann nicht kommen",
        "duty_give_back_no": "Nein, ich komme",
        "duty_give_back_button": "Ich kann nicht kommen",
        "duty_done_title": "Erledigt",
        "duty_problem_title": "Das hat nicht geklappt",
        "duty_stepped_in": "Danke! Sie haben jetzt einen Dienst am {day}: {duty}.",
        "duty_step_in_asked": "Danke! Ihr Angebot für {day} ({duty}) wartet auf die {t_lead}.",
        "duty_given_back": "Sie sind für {day} nicht mehr eingeplant.",
        "duty_given_back_waiting": "Notiert: Sie können am {day} nicht kommen. Sie sind "
        "dafür nicht mehr eingeplant. Die {t_lead} sucht jemand anderes.",
        "duty_done_stepped_in": "Danke! Sie haben jetzt einen Dienst am {day}. Ihr Kalender "
        "zeigt ihn beim nächsten Abgleich.",
        "duty_done_step_in_asked": "Danke! Ihr Angebot für {day} wartet auf die {t_lead}.",
        "duty_done_given_back": "Sie sind für {day} nicht mehr eingeplant.",
        "duty_done_given_back_waiting": "Notiert: Sie können am {day} nicht kommen. Sie "
        "sind dafür nicht mehr eingeplant. Die {t_lead} sucht jemand anderes.",
        "duty_bad_date": "Dieses Datum ist nicht gültig.",
        "duty_past": "{day} ist vorbei. Das lässt sich nicht mehr ändern.",
        "duty_no_gap": "Am {day} ist dieser Platz nicht mehr offen.",
        "duty_cannot": "Diesen Platz können Sie nicht übernehmen: {reason}",
        "duty_not_yours": "Sie haben am {day} keinen Dienst.",
        "duty_already_asked": "Das haben Sie schon gesagt. Es wartet auf die {t_lead}.",
        "duty_request_step_in": "{name} kann am {day} einspringen: {duty}",
        "duty_request_give_back": "{name} kann am {day} nicht kommen",
        "duty_request_gone": "Diese Anfrage wartet nicht mehr.",
        "duty_change_asked_step_in": "{name} bietet an, am {day} einzuspringen: {duty}",
        "duty_change_gave_back": "{name} kann am {day} nicht kommen",
        "duty_change_declined": "Anfrage von {name} für {day} abgelehnt",
        "duty_change_gap_filled": "Neu geplant: {name} kann am {day} nicht kommen",
        "duty_gap_reason": "Von der Person im Dienst abgegeben. Die {t_lead} hat noch "
        "niemand anderes eingeplant.",
        "duty_gap_refused": "Dieser Dienst lässt sich hier nicht abgeben. Bitte rufen Sie "
        "im Büro an.",
    },
}
