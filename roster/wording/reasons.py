"""The words of the planner's reasons (message ids ``reason.*``), in German and English.

Why a need stays uncovered or an appointment unscheduled, why a person cannot come or
may not take a need, and the lines of ``roster explain``. The solver gives a reason as
a code (the key here, without ``reason.``) and its data; :class:`Wording
<roster.wording.explanations.Wording>` renders it. A placeholder's format spec says how
its value is written:

==============  ============================================================
``day``         a date: ``Thu 10 Dec``, ``Do., 10. Dez.``
``short``       a date: ``10 Dec``, ``10. Dez.``
``days``        dates: ``2 Dec, 3 Dec and 10 Dec``
``span``        a (first, last) pair of dates: ``7-20 Dec``
``weekdays``    a date's weekday, plural: ``Thursdays``, ``donnerstags``
``clock``       a time of day: ``14:30``
``language``    a language code, named: ``Tigrinya``, ``Arabisch``
``number``      a number: ``12.5``, ``12,5``
``whole``       a whole number, grouped: ``143,090``, ``143.090``
``hours``       minutes, as hours: ``1.5 hours``
``month``       a date's month: ``December 2026``, ``Dezember 2026``
``date``        a date in full: ``25 November 2026``
``interpreters``  a count of missing interpreters: ``2 interpreters missing``
``experienced``, ``duties``, ``offered``   a count: ``2 duties``, ``4 days offered``
``person``      a volunteer id, named: ``Olena Kovalenko (v16)``
``persons``     volunteer ids, named, separated by commas
``ids``         ids, separated by commas
``list``        reasons, separated by semicolons
``each``        candidates, each as ``name (id) reason``
``digest``      candidates, each when few, else grouped by what kept them
``line``        a reason and a line break, or nothing for ``""``
``lines``       (date, fact, candidates) of each day considered, one line each
``closures``    (date, closure reason) pairs: ``24 Dec Christmas Eve, ...``
==============  ============================================================

Without a spec a value is written as it is, and a nested reason is rendered. The
``pattern_*`` entries are Babel date patterns. People are named by their name with the
id in brackets, so the office lead finds them in the files; settings, options and
folders are never named: a reason says what they mean (``already has 2 duties this
month; they offered no more``).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # dates (Babel patterns) and lists
        "pattern_day": "EEE d MMM",
        "pattern_short": "d MMM",
        "pattern_first_of_span": "d",
        "pattern_month": "MMMM yyyy",
        "pattern_date": "d MMMM yyyy",
        "and": " and ",
        "nobody": "nobody",
        "none": "none",
        "person": "{name} ({id})",
        # counted nouns
        "hours_one": "{count} hour",
        "hours_other": "{count} hours",
        "interpreter_one": "{count} {t_interpreter} missing",
        "interpreter_other": "{count} {t_interpreters} missing",
        "experienced_one": "{count} experienced {t_counsellor}",
        "experienced_other": "{count} experienced {t_counsellors}",
        "duties_one": "{count} {t_duty}",
        "duties_other": "{count} {t_duties}",
        "offered_one": "{count} day offered",
        "offered_other": "{count} days offered",
        # why a person cannot come (solver.availability decides; these say it)
        "absent": "is absent {span:span}",
        "left": "has left the office; their last day was {day:day}",
        "answered_no": "answered no in the {t_poll} for {day:day}",
        "no_answer": "gave no {t_poll} answer for {day:day} and does not usually come on "
        "{day:weekdays}",
        "excluded": "is excluded from {day:day} by an {t_override}",
        "no_session_on": "there is no {t_session} on {day:day}",
        # why a speaker of the language may not take it
        "not_speaks": "does not speak {language:language}",
        "speaks_basic": "speaks {language:language} only at basic level",
        "german_basic": "speaks German only at basic level, so cannot interpret",
        "no_function": "speaks {language:language} but is neither {t_interpreter} nor "
        "{t_counsellor}",
        # what keeps a person from a session
        "kept": "cannot be added: the {t_session} lies before the {t_planning_date} "
        "({day:short}) and stays as planned",
        "already": "already {doing} in this {t_session}",
        "same_time": "works in the {session} at the same time",
        "max_zero": "takes no {t_duties} at the moment",
        "max_reached": "already has {limit:duties} this month ({days:days}); they offered no more",
        "hours_left": "has {left:hours} left of the {budget:hours} a month agreed, and this "
        "takes {needed:hours}",
        "busy_every_start": "is in other {t_appointments} at every start time with a free {t_desk}",
        # what a person does in a session
        "interprets": "interprets {language:language}",
        "counsels": "counsels",
        "counsels_in": "counsels in {language:language}",
        "on_lead": "{doing} on {t_lead_duty}",
        # soft rules
        "maybe": "answered maybe for {day:day}",
        "same_week": "is already on {t_duty} {days:days} in the same week",
        "near_week": "is on {t_duty} in the week before or after ({days:days})",
        "fairness": "already has {duties:duties} for {offered:offered} (fairness)",
        "kept_free": "could come; the plan leaves them free because they are needed more elsewhere",
        "could_but": "could come, but {costs:list}",
        "session_full": "could counsel in {language:language}, but the {t_session} already has "
        "as many {t_counsellors} as it takes ({limit})",
        "trainee": "is a {t_trainee} and does not count as an experienced {t_counsellor}",
        "lead_not_counsel": "belongs to the {t_lead} but does not counsel, so cannot take "
        "{t_lead_duty}",
        # open-hours needs
        "language_title": "{language:language}: {interpreters:interpreters} "
        "({visitors:number} {t_visitors} expected)",
        "language_nobody": "nobody in the team speaks {language:language}",
        "language_unqualified": "nobody who may interpret or counsel speaks "
        "{language:language} well enough: {people:each}",
        "language_only": "only {volunteer:person} speaks {language:language} well enough and "
        "{reason}",
        "language_several": "{count} people speak {language:language} well enough: {people:digest}",
        "language_summary": "{language:language} on {day:day}: {summary}",
        "counsellors_title": "{T_counsellors}: {missing} of {min} experienced missing",
        "counsellors_summary": "{T_counsellors} on {day:day}: {missing} missing; of "
        "{experienced:experienced}: {people:digest}",
        "lead_title": "{T_lead_duty}: {missing} missing",
        "lead_nobody": "{T_lead_duty} on {day:day}: nobody in the team belongs to the {t_lead}",
        "lead_summary": "{T_lead_duty} on {day:day}: {people:digest}",
        "people": "{people:each}",
        "group": "{what}: {people}",
        "group_cannot_come": "cannot come that day",
        "group_in_session": "already busy in this {t_session}",
        "group_limit": "have as many {t_duties} or hours this month as they offered",
        "group_session_full": "the {t_session} has enough {t_counsellors}",
        "group_kept": "in a {t_session} kept as planned",
        "group_qualification": "not qualified",
        "group_free": "could come, left free for lower priorities",
        # appointments
        "appointment_title": "{key} ({language:language}, {minutes} min, {window:span})",
        "appointment_days": "{named:line}{days:lines}",
        "named_counsellor": "the {t_case}'s {t_counsellor} {volunteer:person} {reason}",
        "sessions_too_short": "the {t_appointment_hours} between {first:short} and "
        "{last:short} are shorter than {minutes} minutes",
        "no_appointment_session": "there are no {t_appointment_hours} between {first:short} and "
        "{last:short}{closed}",
        "closed": " (closed: {days:closures})",
        "day_fact": "{day:day}: {fact}",
        "day_people": "{day:day}: {fact} \N{EN DASH} {people:each}",
        "day_kept": "the {t_appointment_hours} lie before the {t_planning_date} ({day:short}) "
        "and stay as planned",
        "no_counsellor": "no {t_counsellor} can come and is free",
        "nobody_interprets": "nobody in the team interprets {language:language}, and no "
        "{t_counsellor} who can come counsels in it",
        "no_interpreter": "nobody who can come interprets {language:language} or counsels in it",
        "desk_taken": "the {t_desk} is taken at every start time ({taken:ids})",
        "desks_taken": "all {desks} desks are taken at every start time ({taken:ids})",
        "busy_whenever": "the {t_counsellors} and {t_interpreters} who could take it are in "
        "other {t_appointments} whenever a {t_desk} is free",
        "could_counsel_it": "could counsel it",
        "would_fit": "it would fit at {time:clock}, but the plan leaves it out: the people it "
        "needs are needed more elsewhere",
        # roster explain
        "report_head": "Reasons for {month:month} (planned on {as_of:date}; {status})",
        "status_optimal": "proven the best plan",
        "status_feasible": "a good plan, at most {gap} above the best possible",
        "status_greedy": "planned by the simple rule, without a search",
        "report_session": "{day:day}, {session} {start:clock}-{end:clock}",
        "report_candidates": "people considered:",
        "report_unscheduled": "{T_appointments} not scheduled",
        "report_unrequested": "{T_appointment_hours} without requests",
        "report_unrequested_line": "{day:day}, {session} {start:clock}-{end:clock}: no "
        "{t_appointments} requested",
        "report_covered": "Everything is covered: every need is met and every {t_appointment} "
        "scheduled.",
    },
    "de": {
        "pattern_day": "EEE, d. MMM",
        "pattern_short": "d. MMM",
        "pattern_first_of_span": "d.",
        "pattern_month": "MMMM yyyy",
        "pattern_date": "d. MMMM yyyy",
        "and": " und ",
        "nobody": "niemand",
        "none": "keine",
        "person": "{name} ({id})",
        "hours_one": "{count} Stunde",
        "hours_other": "{count} Stunden",
        "interpreter_one": "{count} {t_interpreter} fehlt",
        "interpreter_other": "{count} {t_interpreters} fehlen",
        "experienced_one": "{count} erfahrenen {t_counsellor}",
        "experienced_other": "{count} erfahrenen {t_counsellors}",
        "duties_one": "{count} {t_duty}",
        "duties_other": "{count} {t_duties}",
        "offered_one": "{count} angebotenen Tag",
        "offered_other": "{count} angebotenen Tagen",
        "absent": "ist {span:span} abwesend",
        "left": "ist nicht mehr im Büro; der letzte Tag war {day:day}",
        "answered_no": "hat in der {t_poll} für {day:day} mit Nein geantwortet",
        "no_answer": "hat für {day:day} nicht geantwortet und kommt sonst nicht {day:weekdays}",
        "excluded": "ist für {day:day} durch eine {t_override} ausgeschlossen",
        "no_session_on": "am {day:day} gibt es keine {t_session}",
        "not_speaks": "spricht kein {language:language}",
        "speaks_basic": "spricht {language:language} nur auf Grundniveau",
        "german_basic": "spricht Deutsch nur auf Grundniveau und kann deshalb nicht dolmetschen",
        "no_function": "spricht {language:language}, dolmetscht und berät aber nicht",
        "kept": "kann nicht mehr eingeteilt werden: die {t_session} liegt vor dem "
        "{t_planning_date} ({day:short}) und bleibt wie geplant",
        "already": "ist in dieser {t_session} schon eingeteilt ({doing})",
        "same_time": "ist zur selben Zeit in „{session}“ eingeteilt",
        "max_zero": "übernimmt zurzeit keine {t_duties}",
        "max_reached": "hat diesen Monat schon {limit:duties} ({days:days}); mehr hat die "
        "Person nicht angeboten",
        "hours_left": "hat von den vereinbarten {budget:hours} im Monat noch {left:hours} "
        "übrig, und dies dauert {needed:hours}",
        "busy_every_start": "hat zu jeder Anfangszeit mit freiem {t_desk} andere {t_appointments}",
        "interprets": "dolmetscht {language:language}",
        "counsels": "berät",
        "counsels_in": "berät auf {language:language}",
        "on_lead": "{doing}, mit {t_lead_duty}",
        "maybe": "hat für {day:day} mit Vielleicht geantwortet",
        "same_week": "hat in derselben Woche schon {t_duty} am {days:days}",
        "near_week": "hat in der Woche davor oder danach {t_duty} ({days:days})",
        "fairness": "hat schon {duties:duties} bei {offered:offered} (Fairness)",
        "kept_free": "könnte kommen; der Plan lässt die Person frei, weil sie anderswo "
        "dringender gebraucht wird",
        "could_but": "könnte kommen, aber {costs:list}",
        "session_full": "könnte auf {language:language} beraten, aber die {t_session} hat "
        "schon so viele {t_counsellors}, wie sie braucht ({limit})",
        "trainee": "ist {t_trainee} und zählt noch nicht zu den erfahrenen {t_counsellors}",
        "lead_not_counsel": "gehört zur {t_lead}, berät aber nicht und kann deshalb keinen "
        "{t_lead_duty} übernehmen",
        "language_title": "{language:language}: {interpreters:interpreters} "
        "({visitors:number} {t_visitors} erwartet)",
        "language_nobody": "niemand im Team spricht {language:language}",
        "language_unqualified": "niemand, der dolmetschen oder beraten darf, spricht "
        "{language:language} gut genug: {people:each}",
        "language_only": "nur {volunteer:person} spricht {language:language} gut genug und "
        "{reason}",
        "language_several": "{count} Personen sprechen {language:language} gut genug: "
        "{people:digest}",
        "language_summary": "{language:language} am {day:day}: {summary}",
        "counsellors_title": "{T_counsellors}: {missing} von {min} erfahrenen fehlen",
        "counsellors_summary": "{T_counsellors} am {day:day}: {missing} fehlen; von "
        "{experienced:experienced}: {people:digest}",
        "lead_title": "{T_lead_duty}: {missing} fehlt",
        "lead_nobody": "{T_lead_duty} am {day:day}: niemand im Team gehört zur {t_lead}",
        "lead_summary": "{T_lead_duty} am {day:day}: {people:digest}",
        "people": "{people:each}",
        "group": "{what}: {people}",
        "group_cannot_come": "an dem Tag verhindert",
        "group_in_session": "in dieser {t_session} schon eingeteilt",
        "group_limit": "haben diesen Monat schon so viele {t_duties} oder Stunden, wie angeboten",
        "group_session_full": "die {t_session} hat genug {t_counsellors}",
        "group_kept": "in einer {t_session}, die wie geplant bleibt",
        "group_qualification": "dafür nicht qualifiziert",
        "group_free": "könnten kommen, bleiben wegen niedrigerer Prioritäten frei",
        "appointment_title": "{key} ({language:language}, {minutes} Min., {window:span})",
        "appointment_days": "{named:line}{days:lines}",
        "named_counsellor": "die {t_counsellor} des Falls, {volunteer:person}, {reason}",
        "sessions_too_short": "die {t_appointment_hours_plural} zwischen {first:short} und "
        "{last:short} sind kürzer als {minutes} Minuten",
        "no_appointment_session": "zwischen {first:short} und {last:short} gibt es keine "
        "{t_appointment_hours}{closed}",
        "closed": " (geschlossen: {days:closures})",
        "day_fact": "{day:day}: {fact}",
        "day_people": "{day:day}: {fact} \N{EN DASH} {people:each}",
        "day_kept": "die {t_appointment_hours} liegt vor dem {t_planning_date} ({day:short}) "
        "und bleibt wie geplant",
        "no_counsellor": "keine {t_counsellor} kann kommen und ist frei",
        "nobody_interprets": "niemand im Team dolmetscht {language:language}, und keine "
        "{t_counsellor}, die kommen kann, berät auf {language:language}",
        "no_interpreter": "niemand, der kommen kann, dolmetscht {language:language} oder berät "
        "auf {language:language}",
        "desk_taken": "der {t_desk} ist zu jeder Anfangszeit belegt ({taken:ids})",
        "desks_taken": "alle {desks} Tische sind zu jeder Anfangszeit belegt ({taken:ids})",
        "busy_whenever": "die {t_counsellors} und {t_interpreters}, die ihn übernehmen "
        "könnten, haben andere {t_appointments}, wann immer ein {t_desk} frei ist",
        "could_counsel_it": "könnte die {t_counselling} übernehmen",
        "would_fit": "er würde um {time:clock} passen, aber der Plan lässt ihn aus: die "
        "nötigen Personen werden anderswo dringender gebraucht",
        "report_head": "Gründe für {month:month} (geplant am {as_of:date}; {status})",
        "status_optimal": "nachweislich der beste Plan",
        "status_feasible": "ein guter Plan, höchstens {gap} über dem bestmöglichen",
        "status_greedy": "nach der einfachen Regel geplant, ohne Suche",
        "report_session": "{day:day}, {session} {start:clock}-{end:clock}",
        "report_candidates": "in Frage kamen:",
        "report_unscheduled": "Nicht eingeplante {t_appointments}",
        "report_unrequested": "{T_appointment_hours_plural} ohne Anfragen",
        "report_unrequested_line": "{day:day}, {session} {start:clock}-{end:clock}: keine "
        "{t_appointments} angefragt",
        "report_covered": "Alles ist abgedeckt: jeder Bedarf ist gedeckt und jeder "
        "{t_appointment} eingeplant.",
    },
}
