# ruff: noqa: RUF001 - the en dash between two times belongs in the pages' text
"""The words of the web app's plan pages (message ids ``web.plan_*``), in German and
English; merged into :mod:`roster.wording.web`: planning in the background (progress,
cancel, the outcome), the month's plan as the page shows it, and the change log's
sentence of a finished planning."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # the page and its form
        "plan_title": "Plan {month}",
        "plan_none": "There is no plan for {month} yet.",
        "plan_what_happens": "The computer makes the {t_rota} for the whole month from the "
        "{t_poll}, the team and the {t_appointment} requests. It works in the background: "
        "you can watch it, and cancel it.",
        "plan_again_hint": "Planning again keeps the sessions before today as they are and "
        "changes later ones as little as possible.",
        "plan_thoroughness": "How long may it take?",
        "plan_quick": "Quick (10 seconds)",
        "plan_thorough": "Thorough (60 seconds)",
        "plan_start": "Plan the month",
        "plan_start_again": "Plan again",
        "plan_choose": "Choose quick or thorough.",
        # progress
        "plan_progress_heading": "Planning {month}",
        "plan_outcome_heading": "The last planning",
        "plan_running": "Planning is running.",
        "plan_elapsed_one": "{count} second so far (at most {limit} seconds).",
        "plan_elapsed_other": "{count} seconds so far (at most {limit} seconds).",
        "plan_took_one": "It took {count} second.",
        "plan_took_other": "It took {count} seconds.",
        "plan_preparing": "Getting ready: reading the team, the answers and the requests.",
        "plan_progress": "Best plan so far: {t_penalty} {penalty}. No plan can get below {bound}.",
        "plan_progress_hint": "A lower {t_penalty} is better: each missing person and each "
        "wish not met adds to it.",
        "plan_cancel": "Cancel",
        "plan_cancel_hint": "If you cancel, the plan stays as it was.",
        "plan_running_already": "{month} is being planned right now. Wait until it has "
        "finished, or cancel it.",
        "plan_running_other": "{month} is being planned right now.",
        "plan_see_progress": "See how it goes",
        "plan_no_job": "No planning was started for this month.",
        # the outcome of a planning
        "plan_finished": "{month} is planned: {gaps}, {unscheduled}.",
        "plan_people_missing_one": "{count} person missing",
        "plan_people_missing_other": "{count} people missing",
        "plan_unscheduled_one": "{count} {t_appointment} {t_unscheduled}",
        "plan_unscheduled_other": "{count} {t_appointments} {t_unscheduled}",
        "plan_failed": "The plan could not be made. Nothing was changed.",
        "plan_busy": "Not planned: someone else is saving; try again in a moment.",
        "plan_cancelled": "Planning was cancelled. The plan is as it was before.",
        "plan_broke": "Planning stopped because of an error. Nothing was changed. Try "
        "again; if it happens again, tell the person who looks after this computer.",
        # the change log
        "plan_done": "{month_name} planned. {T_gaps}: {gaps}; {t_appointments} {t_unscheduled}: "
        "{unscheduled}.",
        # the plan
        "plan_result_heading": "The plan",
        "plan_sessions_heading": "Sessions and who is on duty",
        "plan_session_heading": "{day}, {start}–{end}: {kind}",
        "plan_change": "Change",
        "plan_change_label": "Change the session on {day}",
        "plan_col_person": "Person",
        "plan_col_task": "Task",
        "plan_nobody": "Nobody is on duty in this session.",
        "plan_role_counsellor": "{T_counsellor}",
        "plan_role_counsellor_in": "{T_counsellor}, in {language}",
        "plan_role_interpreter": "{T_interpreter} for {language}",
        "plan_role_interpreter_plain": "{T_interpreter}",
        "plan_role_lead": "{t_lead_duty}",
        "plan_role_trainee": "{t_trainee}",
        "plan_gap": "{T_gap}: {need}",
        "plan_reason_lost": "Why is not known any more: the team or the requests changed "
        "since planning. Plan again to see it.",
        "plan_former": "someone no longer in the team",
        "plan_appointments_heading": "{T_appointments}",
        "plan_appointment": "{start}–{end}, {t_desk} {desk}: {t_case} {case}, {language}",
        "plan_appt_counsellor": "{T_counsellor}: {name}",
        "plan_appt_second": "Second {t_counsellor}: {name}",
        "plan_appt_interpreter": "{T_interpreter}: {name}",
        "plan_unscheduled_heading": "{T_appointments} {t_unscheduled}",
        "plan_unscheduled_none": "Every {t_appointment} request is scheduled.",
        "plan_unscheduled_line": "{T_case} {case}: {language}, {minutes} minutes, between "
        "{first} and {last}",
        "plan_fairness_heading": "Fairness",
        "plan_fairness": "{T_duties} per day offered differ by at most {spread} between the "
        "people ({months}).",
        "plan_fairness_hint": "0 would mean that everyone has exactly the same share.",
        "plan_penalty": "{T_penalty}: {total} ({search}).",
        "plan_duties_heading": "{T_duties} per person",
        "plan_col_duties": "{T_duties}",
        "plan_col_offered": "Days offered",
    },
    "de": {
        "plan_title": "{month} planen",
        "plan_none": "Für {month} gibt es noch keinen Plan.",
        "plan_what_happens": "Der Computer macht den {t_rota} für den ganzen Monat aus der "
        "{t_poll}, dem Team und den Terminanfragen. Das läuft im Hintergrund: Sie können "
        "zusehen und es abbrechen.",
        "plan_again_hint": "Neu planen lässt die Sprechstunden vor heute, wie sie sind, und "
        "ändert spätere so wenig wie möglich.",
        "plan_thoroughness": "Wie lange darf es dauern?",
        "plan_quick": "Schnell (10 Sekunden)",
        "plan_thorough": "Gründlich (60 Sekunden)",
        "plan_start": "Monat planen",
        "plan_start_again": "Neu planen",
        "plan_choose": "Wählen Sie schnell oder gründlich.",
        "plan_progress_heading": "{month} wird geplant",
        "plan_outcome_heading": "Die letzte Planung",
        "plan_running": "Die Planung läuft.",
        "plan_elapsed_one": "Bisher {count} Sekunde (höchstens {limit} Sekunden).",
        "plan_elapsed_other": "Bisher {count} Sekunden (höchstens {limit} Sekunden).",
        "plan_took_one": "Es hat {count} Sekunde gedauert.",
        "plan_took_other": "Es hat {count} Sekunden gedauert.",
        "plan_preparing": "Vorbereitung: Team, Antworten und Anfragen werden gelesen.",
        "plan_progress": "Bester Plan bisher: {t_penalty} {penalty}. Unter {bound} kommt "
        "kein Plan.",
        "plan_progress_hint": "Weniger {t_penalty} sind besser: Jede fehlende Person und "
        "jeder nicht erfüllte Wunsch zählt.",
        "plan_cancel": "Abbrechen",
        "plan_cancel_hint": "Wenn Sie abbrechen, bleibt der Plan, wie er war.",
        "plan_running_already": "{month} wird gerade geplant. Warten Sie, bis es fertig ist, "
        "oder brechen Sie es ab.",
        "plan_running_other": "{month} wird gerade geplant.",
        "plan_see_progress": "Zum Stand der Planung",
        "plan_no_job": "Für diesen Monat wurde keine Planung gestartet.",
        "plan_finished": "{month} ist geplant: {gaps}, {unscheduled}.",
        "plan_people_missing_one": "{count} Person fehlt",
        "plan_people_missing_other": "{count} Personen fehlen",
        "plan_unscheduled_one": "{count} {t_appointment} {t_unscheduled}",
        "plan_unscheduled_other": "{count} {t_appointments} {t_unscheduled}",
        "plan_failed": "Der Plan konnte nicht gemacht werden. Nichts wurde geändert.",
        "plan_busy": "Nicht geplant: Gerade speichert jemand anderes; versuchen Sie es "
        "gleich noch einmal.",
        "plan_cancelled": "Die Planung wurde abgebrochen. Der Plan ist, wie er vorher war.",
        "plan_broke": "Die Planung wurde durch einen Fehler beendet. Nichts wurde geändert. "
        "Versuchen Sie es noch einmal; wenn es wieder passiert, sagen Sie es der Person, "
        "die diesen Computer betreut.",
        "plan_done": "{month_name} geplant. {T_gaps}: {gaps}; {t_appointments} {t_unscheduled}: "
        "{unscheduled}.",
        "plan_result_heading": "Der Plan",
        "plan_sessions_heading": "Sprechstunden und wer Dienst hat",
        "plan_session_heading": "{day}, {start}–{end}: {kind}",
        "plan_change": "Ändern",
        "plan_change_label": "Die Sprechstunde am {day} ändern",
        "plan_col_person": "Person",
        "plan_col_task": "Aufgabe",
        "plan_nobody": "In dieser Sprechstunde hat niemand Dienst.",
        "plan_role_counsellor": "{T_counsellor}",
        "plan_role_counsellor_in": "{T_counsellor}, auf {language}",
        "plan_role_interpreter": "{T_interpreter} für {language}",
        "plan_role_interpreter_plain": "{T_interpreter}",
        "plan_role_lead": "{t_lead_duty}",
        "plan_role_trainee": "{t_trainee}",
        "plan_gap": "{T_gap}: {need}",
        "plan_reason_lost": "Der Grund ist nicht mehr bekannt: Team oder Anfragen haben sich "
        "seit der Planung geändert. Planen Sie neu, um ihn zu sehen.",
        "plan_former": "jemand, der nicht mehr im Team ist",
        "plan_appointments_heading": "{T_appointments}",
        "plan_appointment": "{start}–{end}, {t_desk} {desk}: {t_case} {case}, {language}",
        "plan_appt_counsellor": "{T_counsellor}: {name}",
        "plan_appt_second": "Zweite {t_counsellor}: {name}",
        "plan_appt_interpreter": "{T_interpreter}: {name}",
        "plan_unscheduled_heading": "{T_appointments} {t_unscheduled}",
        "plan_unscheduled_none": "Alle Terminanfragen sind eingeplant.",
        "plan_unscheduled_line": "{T_case} {case}: {language}, {minutes} Minuten, zwischen "
        "{first} und {last}",
        "plan_fairness_heading": "Fairness",
        "plan_fairness": "Die {t_duties} je angebotenem Tag unterscheiden sich zwischen den "
        "Personen um höchstens {spread} ({months}).",
        "plan_fairness_hint": "0 hieße: Alle haben genau den gleichen Anteil.",
        "plan_penalty": "{T_penalty}: {total} ({search}).",
        "plan_duties_heading": "{T_duties} pro Person",
        "plan_col_duties": "{T_duties}",
        "plan_col_offered": "Angebotene Tage",
    },
}
