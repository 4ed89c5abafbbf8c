"""The words of the independent checker (message ids ``check.*``), in German and English.

What ``roster verify`` says about a plan that breaks a rule (a plan edited by hand, or a
mistake of the planner): each finding of :mod:`roster.checking` is a code with its data,
worded by :class:`roster.wording.explanations.Wording` with the format specs of
:mod:`roster.wording.reasons` (``{volunteer:person}`` -> ``Olena Kovalenko (v16)``);
``rule_*`` names the rule a finding breaks, ``duty_*`` a function of a person.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "violation": "{where}{message} [{rule}]",
        "where": "{day:day}: ",
        # the rules
        "rule_availability": "availability",
        "rule_qualification": "qualification",
        "rule_one_function": "one function per {t_session}",
        "rule_one_place_at_a_time": "one place at a time",
        "rule_max_per_month": "{t_duties} per month",
        "rule_hours_per_month": "hours per month",
        "rule_counsellors_max": "{t_counsellors} per {t_session}",
        "rule_trainee_not_alone": "{t_trainee} not alone",
        "rule_appointment": "{t_appointments}",
        "rule_desks": "desks",
        "rule_double_booking": "double booking",
        "rule_overrides": "{t_overrides}",
        "rule_kept_sessions": "kept {t_session}s",
        "rule_calendar": "calendar",
        "rule_report": "figures of the plan",
        "rule_confidentiality": "confidentiality",
        # a person's function
        "duty_counsel": "{t_counselling}",
        "duty_counsel_in": "{t_counselling} in {language:language}",
        "duty_interpret": "{t_interpreting} {language:language}",
        "duty_second": "{t_counselling} as second {t_counsellor}",
        "duty_lead": "{t_lead_duty}",
        "duty_in": "{duty} in {key}",
        "kind_open": "{t_open_hours}",
        "kind_appointments": "{t_appointment_hours}",
        # who works where
        "functions": "{volunteer:person} has {count} functions in {session}: {functions:list}",
        "overlap": "{volunteer:person} works in {first} and {second}, which overlap",
        "too_many_duties": "{volunteer:person} has {days:duties} this month, more than the "
        "{limit} they offered",
        "too_many_hours": "{volunteer:person} works {hours:number} hours, more than the "
        "{limit:number} hours a month agreed",
        "override_missing": "{t_override} {number} ({volunteer:person}: {duty}) is not in the plan",
        "kept_dropped": "{fact} lies before the {t_planning_date} ({as_of:short}) and was "
        "dropped from the plan",
        "kept_added": "{fact} lies before the {t_planning_date} ({as_of:short}) and was not in "
        "the plan it replaced",
        "unavailable": "{volunteer:person} is planned for {duty} but {reason}",
        "not_on_team": "{volunteer} ({duty}) is not on the team",
        "not_counsellor": "{volunteer:person} counsels but is neither {t_counsellor} nor "
        "{t_social_worker}",
        "counsels_unfluent": "{volunteer:person} counsels in {language:language} without "
        "speaking it fluently",
        "interprets_unqualified": "{volunteer:person} interprets {language:language} without "
        "being an {t_interpreter} who speaks it and German fluently",
        "interprets_nothing": "{volunteer:person} is planned to interpret, but no language is "
        "given",
        "lead_unqualified": "{volunteer:person} is on {t_lead_duty} but is no {t_counsellor} who "
        "belongs to the {t_lead}",
        "listed_twice": "{volunteer:person} has more than one function in {session}",
        "too_many_counsellors": "{count} {t_counsellors} in {session}, more than the {limit} it "
        "takes",
        "trainee_alone": "in {session} only {t_trainee}s counsel ({people:persons}), no "
        "experienced {t_counsellor}",
        # appointments
        "not_requested": "{key} is not an appointment request of {month}",
        "listed_times": "{key} is listed {count} times",
        "other_case": "{key} has another {t_case} or language than its request",
        "not_appointment_hours": "{key} lies in {session}, which are no {t_appointment_hours} "
        "of the month",
        "wrong_date": "{key} has the date {date:short}, but its {t_session} is on "
        "{session_date:short}",
        "outside_window": "{key} lies outside its dates ({first:short} to {last:short})",
        "outside_session": "{key} ({start:clock}-{end:clock}) is not inside its {t_session}",
        "off_grid": "{key} starts at {start:clock}, not at the start of a {slot}-minute slot",
        "wrong_length": "{key} lasts {length} minutes, its request {minutes}",
        "no_interpreter_for": "{key} has no {t_interpreter} for {language:language}, and its "
        "{t_counsellor} {counsellor:person} does not speak it fluently",
        "appointment_not_counsellor": "{counsellor:person} counsels {key} but is neither "
        "{t_counsellor} nor {t_social_worker}",
        "bad_second": "{second:person} cannot be the second {t_counsellor} of {key}",
        "appointment_interpreter": "{interpreter:person} interprets {language:language} for "
        "{key} without being qualified",
        "trainee_without_second": "{counsellor:person} ({t_trainee}) takes {key} without an "
        "experienced second {t_counsellor}",
        "counsels_and_interprets": "{interpreter:person} both counsels and interprets {key}",
        "bad_desk": "{key} is at {t_desk} {desk}; the {t_session} has {capacity}",
        "too_many_at_once": "{count} {t_appointments} run at {time:clock} in {session}, more "
        "than its {capacity} desks",
        "same_desk": "{first} and {second} overlap at {t_desk} {desk}",
        "double_booked": "{volunteer:person} is in {first} and {second}, which overlap",
        # the plan file
        "lacks_session": "the plan lacks the {t_session} {session}",
        "session_differs": "the {t_session} {session} has other times or another kind than the "
        "calendar ({start:clock}-{end:clock}, {kind})",
        "extra_session": "the {t_session} {session} is not in the month's calendar",
        "note_leak": "the note of {key} appears in the plan file",
        "trainee_marked": "{volunteer:person} is marked as {t_trainee} in the plan, but is no "
        "{t_trainee}",
        "trainee_unmarked": "{volunteer:person} is a {t_trainee}, but not marked so in the plan",
        "not_accounted": "{key} is neither scheduled nor listed as not scheduled",
        "unscheduled_mismatch": "{key}, not scheduled, does not match its request",
        "staff_mismatch": "the people on {t_duty} in {session} do not match its {t_appointments}",
        "wrong_month": "the plan is for {planned}, not {month}",
        "load_mismatch": "the {t_duties} per person do not match the plan's assignments",
        "fairness_mismatch": "the plan gives the fairness spread as {said:number}, its assignments "
        "give {actual:number}",
        "needs_mismatch": "the needs of {session} differ from the rules and the forecast",
        "uncovered_mismatch": "the needs listed as uncovered differ from the needs the plan "
        "leaves open",
        "score_mismatch": "the plan gives its {t_penalty} as {said:whole}, its assignments give {total:whole}",
    },
    "de": {
        "violation": "{where}{message} [{rule}]",
        "where": "{day:day}: ",
        "rule_availability": "Verfügbarkeit",
        "rule_qualification": "Eignung",
        "rule_one_function": "eine Aufgabe je {t_session}",
        "rule_one_place_at_a_time": "nur an einem Ort zugleich",
        "rule_max_per_month": "{t_duties} im Monat",
        "rule_hours_per_month": "Stunden im Monat",
        "rule_counsellors_max": "{t_counsellors} je {t_session}",
        "rule_trainee_not_alone": "{t_trainee} nicht allein",
        "rule_appointment": "{t_appointments}",
        "rule_desks": "Tische",
        "rule_double_booking": "Doppelbuchung",
        "rule_overrides": "{t_overrides}",
        "rule_kept_sessions": "Sprechstunden vor dem {t_planning_date}",
        "rule_calendar": "Kalender",
        "rule_report": "Zahlen des Plans",
        "rule_confidentiality": "Vertraulichkeit",
        "duty_counsel": "{t_counselling}",
        "duty_counsel_in": "{t_counselling} auf {language:language}",
        "duty_interpret": "{t_interpreting} ({language:language})",
        "duty_second": "{t_counselling} als zweite {t_counsellor}",
        "duty_lead": "{t_lead_duty}",
        "duty_in": "{duty} in {key}",
        "kind_open": "{t_open_hours}",
        "kind_appointments": "{t_appointment_hours}",
        "functions": "{volunteer:person} hat {count} Aufgaben in {session}: {functions:list}",
        "overlap": "{volunteer:person} arbeitet in {first} und {second}, die sich überschneiden",
        "too_many_duties": "{volunteer:person} hat diesen Monat {days:duties}, mehr als die "
        "{limit}, die die Person angeboten hat",
        "too_many_hours": "{volunteer:person} arbeitet {hours:number} Stunden, mehr als die "
        "vereinbarten {limit:number} Stunden im Monat",
        "override_missing": "{T_override} {number} ({volunteer:person}: {duty}) steht nicht im "
        "Plan",
        "kept_dropped": "{fact} liegt vor dem {t_planning_date} ({as_of:short}) und fehlt im Plan",
        "kept_added": "{fact} liegt vor dem {t_planning_date} ({as_of:short}) und stand nicht "
        "im Plan davor",
        "unavailable": "{volunteer:person} ist für {duty} eingeteilt, aber {reason}",
        "not_on_team": "{volunteer} ({duty}) gehört nicht zum Team",
        "not_counsellor": "{volunteer:person} berät, ist aber weder {t_counsellor} noch "
        "{t_social_worker}",
        "counsels_unfluent": "{volunteer:person} berät auf {language:language}, spricht es aber "
        "nicht fließend",
        "interprets_unqualified": "{volunteer:person} dolmetscht {language:language}, ist aber "
        "keine {t_interpreter}, die es und Deutsch fließend spricht",
        "interprets_nothing": "{volunteer:person} soll dolmetschen, aber keine Sprache ist "
        "angegeben",
        "lead_unqualified": "{volunteer:person} hat {t_lead_duty}, ist aber keine "
        "{t_counsellor}, die zur {t_lead} gehört",
        "listed_twice": "{volunteer:person} hat mehr als eine Aufgabe in {session}",
        "too_many_counsellors": "{count} {t_counsellors} in {session}, mehr als die {limit}, die "
        "sie braucht",
        "trainee_alone": "in {session} beraten nur Personen {t_trainee} ({people:persons}), "
        "keine erfahrene {t_counsellor}",
        "not_requested": "{key} ist keine Terminanfrage für {month}",
        "listed_times": "{key} steht {count}-mal im Plan",
        "other_case": "{key} hat einen anderen {t_case} oder eine andere Sprache als die Anfrage",
        "not_appointment_hours": "{key} liegt in {session}, das ist keine "
        "{t_appointment_hours} des Monats",
        "wrong_date": "{key} hat das Datum {date:short}, aber die {t_session} ist am "
        "{session_date:short}",
        "outside_window": "{key} liegt außerhalb seiner Tage ({first:short} bis {last:short})",
        "outside_session": "{key} ({start:clock}-{end:clock}) liegt nicht in der {t_session}",
        "off_grid": "{key} beginnt um {start:clock}, nicht am Anfang eines {slot}-Minuten-Takts",
        "wrong_length": "{key} dauert {length} Minuten, laut Anfrage {minutes}",
        "no_interpreter_for": "{key} hat keine {t_interpreter} für {language:language}, und "
        "die {t_counsellor} {counsellor:person} spricht es nicht fließend",
        "appointment_not_counsellor": "{counsellor:person} berät in {key}, ist aber weder "
        "{t_counsellor} noch {t_social_worker}",
        "bad_second": "{second:person} kann nicht die zweite {t_counsellor} in {key} sein",
        "appointment_interpreter": "{interpreter:person} dolmetscht {language:language} in "
        "{key}, ist dafür aber nicht qualifiziert",
        "trainee_without_second": "{counsellor:person} ({t_trainee}) übernimmt {key} ohne "
        "erfahrene zweite {t_counsellor}",
        "counsels_and_interprets": "{interpreter:person} berät und dolmetscht zugleich in {key}",
        "bad_desk": "{key} ist an {t_desk} {desk}; die {t_session} hat {capacity}",
        "too_many_at_once": "{count} {t_appointments} laufen um {time:clock} in {session}, mehr "
        "als die {capacity} Tische",
        "same_desk": "{first} und {second} überschneiden sich an {t_desk} {desk}",
        "double_booked": "{volunteer:person} ist in {first} und {second}, die sich überschneiden",
        "lacks_session": "im Plan fehlt die {t_session} {session}",
        "session_differs": "die {t_session} {session} hat andere Zeiten oder eine andere Art "
        "als der Kalender ({start:clock}-{end:clock}, {kind})",
        "extra_session": "die {t_session} {session} steht nicht im Kalender des Monats",
        "note_leak": "die Notiz zu {key} steht in der Plandatei",
        "trainee_marked": "{volunteer:person} ist im Plan als {t_trainee} markiert, ist es aber "
        "nicht",
        "trainee_unmarked": "{volunteer:person} ist {t_trainee}, ist im Plan aber nicht so "
        "markiert",
        "not_accounted": "{key} ist weder eingeplant noch als nicht eingeplant aufgeführt",
        "unscheduled_mismatch": "{key}, nicht eingeplant, passt nicht zu seiner Anfrage",
        "staff_mismatch": "wer in {session} Dienst hat, passt nicht zu den {t_appointments}",
        "wrong_month": "der Plan ist für {planned}, nicht für {month}",
        "load_mismatch": "die {t_duties} je Person passen nicht zu den Einteilungen des Plans",
        "fairness_mismatch": "der Plan nennt als Spannweite der Fairness {said:number}, seine "
        "Einteilungen ergeben {actual:number}",
        "needs_mismatch": "der Bedarf von {session} weicht von den Regeln und der Prognose ab",
        "uncovered_mismatch": "die als offen aufgeführten Bedarfe weichen von dem ab, was der "
        "Plan offen lässt",
        "score_mismatch": "der Plan nennt {said:whole} {t_penalty}, seine Einteilungen ergeben {total:whole}",
    },
}
