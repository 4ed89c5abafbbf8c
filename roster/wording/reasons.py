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
``hours``       minutes, as hours: ``1.5 hours``
``interpreters``, ``experienced``   a count of people: ``2 interpreters``
``ids``         ids, separated by commas
``list``        reasons, separated by semicolons
``each``        candidates, each as ``id reason``
``digest``      candidates, each when few, else grouped by what kept them
``options``     (date, reason) pairs: ``Wed 3 Dec: reason; ...``
``closures``    (date, closure reason) pairs: ``24 Dec Christmas Eve, ...``
==============  ============================================================

Without a spec a value is written as it is, and a nested reason is rendered. The
``pattern_*`` entries are Babel date patterns.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # dates (Babel patterns) and lists
        "pattern_day": "EEE d MMM",
        "pattern_short": "d MMM",
        "pattern_first_of_span": "d",
        "and": " and ",
        "nobody": "nobody",
        "none": "none",
        # counted nouns
        "hours_one": "{count} hour",
        "hours_other": "{count} hours",
        "interpreter_one": "{count} interpreter",
        "interpreter_other": "{count} interpreters",
        "experienced_one": "{count} experienced counsellor",
        "experienced_other": "{count} experienced counsellors",
        # why a person cannot come (solver.availability decides; these say it)
        "absent": "is absent {span:span}",
        "answered_no": "answered no in the poll for {day:day}",
        "no_answer": "gave no poll answer for {day:day} and does not usually come on "
        "{day:weekdays}",
        "excluded": "is excluded from {day:day} by an override",
        "no_session_on": "there is no session on {day:day}",
        # why a speaker of the language may not take it
        "not_speaks": "does not speak {language:language}",
        "speaks_basic": "speaks {language:language} only at basic level",
        "german_basic": "speaks German only at basic level, so cannot interpret",
        "no_function": "speaks {language:language} but is neither interpreter nor counsellor",
        # what keeps a person from a session
        "kept": "the session lies before {day:short} (--today) and is kept as planned",
        "already": "already {doing} in this session",
        "same_time": "works in the {session} at the same time",
        "max_zero": "has max_per_month 0",
        "max_reached": "has reached max_per_month ({limit}): on duty {days:days}",
        "hours_left": "has {left:hours} of the hours_per_month budget ({budget:number}) left "
        "and this takes {needed:hours}",
        "busy_every_start": "is in other appointments at every start time with a free desk",
        # what a person does in a session
        "interprets": "interprets {language:language}",
        "counsels": "counsels",
        "counsels_in": "counsels in {language:language}",
        "on_lead": "{doing} on lead duty",
        # soft rules
        "maybe": "answered maybe for {day:day}",
        "same_week": "is already on duty {days:days} in the same week",
        "near_week": "is on duty in the week before or after ({days:days})",
        "fairness": "already has {duties} duties for {offered} dates offered (fairness)",
        "kept_free": "could come; the plan keeps them free because using them here costs more "
        "elsewhere (see the score)",
        "could_but": "could come, but {costs:list}",
        "session_full": "could counsel in {language:language}, but the session already has "
        "counsellors.max ({limit}) counsellors",
        "trainee": "is a trainee and does not count toward counsellors.min",
        "lead_not_counsel": "has the role lead but does not counsel",
        # open-hours needs
        "language_title": "{language:language}: {interpreters:interpreters} missing "
        "({visitors:number} visitors expected)",
        "language_nobody": "nobody in the team speaks {language:language}",
        "language_unqualified": "nobody who may interpret or counsel speaks "
        "{language:language} well enough: {people:each}",
        "language_only": "only {volunteer} speaks {language:language} well enough, and "
        "{volunteer} {reason}",
        "language_several": "{count} people speak {language:language} well enough: {people:digest}",
        "language_summary": "{language:language} on {day:day}: {summary}",
        "counsellors_title": "Counsellors: {missing} of {min} experienced missing",
        "counsellors_summary": "Counsellors on {day:day}: {missing} missing; of "
        "{experienced:experienced}: {people:digest}",
        "lead_title": "Lead duty: {missing} missing",
        "lead_nobody": "Lead on {day:day}: nobody in the team has the role lead",
        "lead_summary": "Lead on {day:day}: {people:digest}",
        "people": "{people:each}",
        "group": "{count} {what} ({ids})",
        "group_cannot_come": "cannot come that day",
        "group_in_session": "already have a function in this session",
        "group_limit": "reached max_per_month or their hours",
        "group_session_full": "would exceed counsellors.max",
        "group_kept": "are in a session kept as planned",
        "group_qualification": "are not qualified",
        "group_free": "could come but were left free by lower priorities",
        # appointments
        "appointment_title": "{key} ({language:language}, {minutes} min, {window:span})",
        "appointment": "{key}: {reason}",
        "appointment_options": "{key}: {named}{options:options}",
        "named_counsellor": "its counsellor {volunteer} {reason}; ",
        "sessions_too_short": "the appointment sessions between {first:short} and "
        "{last:short} are shorter than {minutes} minutes",
        "no_appointment_session": "there is no appointment session between {first:short} and "
        "{last:short}{closed}",
        "closed": " (closed: {days:closures})",
        "no_counsellor": "no counsellor can come and is free",
        "nobody_interprets": "nobody in the team interprets {language:language}",
        "no_interpreter": "no interpreter for {language:language} can come ({detail}) and no "
        "counsellor who can come speaks {language:language}",
        "desk_taken": "the desk is taken at every start time ({taken:ids})",
        "desks_taken": "all {desks} desks are taken at every start time ({taken:ids})",
        "busy_whenever": "the counsellors and interpreters who could take it are in other "
        "appointments whenever a desk is free",
        "could_counsel_it": "could counsel it",
        "would_fit": "it would fit at {time:clock}, but the plan found placing it costlier "
        "than leaving it out (the people it needs are worth more elsewhere)",
        # roster explain
        "report_head": "Explanations for {month} (planned as of {as_of}, solver status {status})",
        "report_session": "{day:day}, {session} {start:clock}-{end:clock}",
        "report_candidates": "candidates:",
        "report_candidates_on": "candidates on {day:day}:",
        "report_unscheduled": "Unscheduled appointments",
        "report_covered": "Everything is covered: every need is met and every appointment "
        "scheduled.",
    },
    "de": {
        "pattern_day": "EEE, d. MMM",
        "pattern_short": "d. MMM",
        "pattern_first_of_span": "d.",
        "and": " und ",
        "nobody": "niemand",
        "none": "keine",
        "hours_one": "{count} Stunde",
        "hours_other": "{count} Stunden",
        "interpreter_one": "{count} Dolmetscher:in",
        "interpreter_other": "{count} Dolmetscher:innen",
        "experienced_one": "{count} erfahrenen Beratungsperson",
        "experienced_other": "{count} erfahrenen Beratungspersonen",
        "absent": "ist {span:span} abwesend",
        "answered_no": "hat in der Umfrage für {day:day} mit Nein geantwortet",
        "no_answer": "hat für {day:day} nicht geantwortet und kommt sonst nicht {day:weekdays}",
        "excluded": "ist für {day:day} durch eine Vorgabe (override) ausgeschlossen",
        "no_session_on": "am {day:day} gibt es keine Sprechstunde",
        "not_speaks": "spricht kein {language:language}",
        "speaks_basic": "spricht {language:language} nur auf Grundniveau",
        "german_basic": "spricht Deutsch nur auf Grundniveau und kann deshalb nicht dolmetschen",
        "no_function": "spricht {language:language}, dolmetscht und berät aber nicht",
        "kept": "die Sprechstunde liegt vor dem {day:short} (--today) und bleibt wie geplant",
        "already": "ist in dieser Sprechstunde schon eingeteilt ({doing})",
        "same_time": "ist zur selben Zeit in „{session}“ eingeteilt",
        "max_zero": "hat max_per_month 0",
        "max_reached": "hat max_per_month ({limit}) erreicht: im Dienst am {days:days}",
        "hours_left": "hat vom Stundenbudget hours_per_month ({budget:number}) noch "
        "{left:hours} übrig, und dies dauert {needed:hours}",
        "busy_every_start": "hat zu jeder Anfangszeit mit freiem Tisch andere Termine",
        "interprets": "dolmetscht {language:language}",
        "counsels": "berät",
        "counsels_in": "berät auf {language:language}",
        "on_lead": "{doing}, mit Leitung vom Dienst",
        "maybe": "hat für {day:day} mit Vielleicht geantwortet",
        "same_week": "ist in derselben Woche schon am {days:days} im Dienst",
        "near_week": "ist in der Woche davor oder danach im Dienst ({days:days})",
        "fairness": "hat schon {duties} Dienste bei {offered} angebotenen Terminen (Fairness)",
        "kept_free": "könnte kommen; der Plan lässt die Person frei, weil ihr Einsatz hier "
        "anderswo mehr kostet (siehe Punktzahl)",
        "could_but": "könnte kommen, aber {costs:list}",
        "session_full": "könnte auf {language:language} beraten, aber die Sprechstunde hat "
        "schon counsellors.max ({limit}) Beratungspersonen",
        "trainee": "ist in Einarbeitung und zählt nicht für counsellors.min",
        "lead_not_counsel": "hat die Rolle lead, berät aber nicht",
        "language_title": "{language:language}: {interpreters:interpreters} fehlen "
        "({visitors:number} Besuchende erwartet)",
        "language_nobody": "niemand im Team spricht {language:language}",
        "language_unqualified": "niemand, der dolmetschen oder beraten darf, spricht "
        "{language:language} gut genug: {people:each}",
        "language_only": "nur {volunteer} spricht {language:language} gut genug, und "
        "{volunteer} {reason}",
        "language_several": "{count} Personen sprechen {language:language} gut genug: "
        "{people:digest}",
        "language_summary": "{language:language} am {day:day}: {summary}",
        "counsellors_title": "Beratung: {missing} von {min} erfahrenen fehlen",
        "counsellors_summary": "Beratung am {day:day}: {missing} fehlen; von "
        "{experienced:experienced}: {people:digest}",
        "lead_title": "Leitung vom Dienst: {missing} fehlt",
        "lead_nobody": "Leitung am {day:day}: niemand im Team hat die Rolle lead",
        "lead_summary": "Leitung am {day:day}: {people:digest}",
        "people": "{people:each}",
        "group": "{count} {what} ({ids})",
        "group_cannot_come": "können an dem Tag nicht",
        "group_in_session": "haben in dieser Sprechstunde schon eine Aufgabe",
        "group_limit": "haben max_per_month oder ihre Stunden erreicht",
        "group_session_full": "würden counsellors.max überschreiten",
        "group_kept": "sind in einer Sprechstunde, die wie geplant bleibt",
        "group_qualification": "sind dafür nicht qualifiziert",
        "group_free": "könnten kommen, bleiben aber wegen niedrigerer Prioritäten frei",
        "appointment_title": "{key} ({language:language}, {minutes} Min., {window:span})",
        "appointment": "{key}: {reason}",
        "appointment_options": "{key}: {named}{options:options}",
        "named_counsellor": "die gewünschte Beratungsperson {volunteer} {reason}; ",
        "sessions_too_short": "die Terminsprechstunden zwischen {first:short} und "
        "{last:short} sind kürzer als {minutes} Minuten",
        "no_appointment_session": "zwischen {first:short} und {last:short} gibt es keine "
        "Terminsprechstunde{closed}",
        "closed": " (geschlossen: {days:closures})",
        "no_counsellor": "keine Beratungsperson kann kommen und ist frei",
        "nobody_interprets": "niemand im Team dolmetscht {language:language}",
        "no_interpreter": "niemand, der {language:language} dolmetscht, kann kommen "
        "({detail}), und keine Beratungsperson, die kommen kann, spricht {language:language}",
        "desk_taken": "der Tisch ist zu jeder Anfangszeit belegt ({taken:ids})",
        "desks_taken": "alle {desks} Tische sind zu jeder Anfangszeit belegt ({taken:ids})",
        "busy_whenever": "die Beratungspersonen und Dolmetscher:innen, die ihn übernehmen "
        "könnten, haben andere Termine, wann immer ein Tisch frei ist",
        "could_counsel_it": "könnten die Beratung übernehmen",
        "would_fit": "er würde um {time:clock} passen, aber ihn einzuplanen kostet den Plan "
        "mehr, als ihn auszulassen (die nötigen Personen werden anderswo dringender gebraucht)",
        "report_head": "Erklärungen für {month} (geplant mit Stand {as_of}, Solver-Status "
        "{status})",
        "report_session": "{day:day}, {session} {start:clock}-{end:clock}",
        "report_candidates": "in Frage kamen:",
        "report_candidates_on": "in Frage kamen am {day:day}:",
        "report_unscheduled": "Nicht eingeplante Termine",
        "report_covered": "Alles ist abgedeckt: jeder Bedarf ist gedeckt und jeder Termin "
        "eingeplant.",
    },
}
