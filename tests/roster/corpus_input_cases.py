"""The malformed folders of issue 11, section 1 (bad input never crashes, never hangs,
never echoes client data): characters and encodings, anchors, aliases, tags and nesting,
times, numbers, and appointments files whose content must not be quoted.

Each was a crash (a traceback), a hang, a memory blow-up, a silent misreading or a
message quoting client data before the fix. test_bad_corpus.py runs them with the rest
of the corpus; the entries read like its own: (file, line, field, a plain hint).
"""

from __future__ import annotations

Expected = tuple[str, int | None, str, str]

_ANCHOR = "which YAML reads as an anchor"
_ALIAS = "which YAML reads as an alias"
_TAG = "which YAML reads as a tag"
_NESTED = "nested more than 20 levels deep here"
_NOT_A_NUMBER = "true is not a number; write a number such as 4"

INPUT_CASES: dict[str, list[Expected]] = {
    # characters and encodings: a problem naming the line, not a parser's traceback
    "control-nul": [("office.yaml", 5, "", "invisible control character (U+0000, NUL)")],
    "control-escape": [("volunteers.yaml", 3, "", "control character (U+001B, escape)")],
    "control-delete": [("office.yaml", 1, "", "control character (U+007F, delete) at column 11")],
    "control-several-lines": [
        ("volunteers.yaml", 3, "", "invisible control character (U+0007)"),
        ("volunteers.yaml", 7, "", "invisible control character (U+000C)"),
    ],
    "control-in-csv": [("visits.csv", 3, "", "remove it, e.g. by retyping the line")],
    "utf16-with-bom": [
        ("office.yaml", None, "", "is saved as UTF-16, not UTF-8; save it as UTF-8")
    ],
    "utf16-without-bom": [("volunteers.yaml", None, "", "is saved as UTF-16")],
    "utf16-csv": [("availability/2026-12.csv", None, "", "is saved as UTF-16")],
    "latin1-text": [("volunteers.yaml", 3, "", "is not UTF-8 text")],
    # anchors, aliases, tags, nesting: refused before anything is expanded
    "yaml-recursive-alias": [("office.yaml", 2, "", _ANCHOR), ("office.yaml", 2, "", _ALIAS)],
    "yaml-alias-bomb": [
        ("office.yaml", 1, "", _ANCHOR),
        *[("office.yaml", line, "", what) for line in (2, 3, 4, 5) for what in (_ANCHOR, _ALIAS)],
    ],
    "yaml-merge-key": [("volunteers.yaml", 1, "", _ANCHOR), ("volunteers.yaml", 9, "", _ALIAS)],
    "yaml-undefined-alias": [("office.yaml", 1, "", "write a value that starts with * in quotes")],
    "yaml-tag-python": [("office.yaml", 1, "", _TAG)],
    "yaml-tag-custom": [("volunteers.yaml", 7, "", "write a value that starts with ! in quotes")],
    "yaml-deep-flow-nesting": [("office.yaml", 2, "", _NESTED)],
    "yaml-deep-block-nesting": [("office.yaml", 36, "", _NESTED)],
    "yaml-second-document": [("office.yaml", 16, "", "remove the '---' line")],
    # times: HH:MM or an error that shows the value; never midnight, never a TypeError
    "time-german-dot": [
        ("office.yaml", 6, "sessions[0].start", "'14.00' is not a time of day; write \"14:00\"")
    ],
    "time-decimal-hours": [
        ("office.yaml", 7, "sessions[0].end", "'16.5' is not a time of day; write it as HH:MM")
    ],
    "time-yaml11-seconds": [
        ("office.yaml", 6, "sessions[0].start", "'50400' is not a time of day; write it as HH:MM")
    ],
    "time-four-digits": [("office.yaml", 13, "sessions[1].start", "'1300' is not a time of day")],
    "time-whole-hours": [
        ("office.yaml", 14, "sessions[1].end", "'15' is not a time of day; write \"15:00\"")
    ],
    "team-meeting-time-dot": [("office.yaml", 16, "team_meeting.start", 'write "18:30"')],
    # numbers: whole, in their documented range; true is no number, a number no name
    "number-bool-max-per-month": [
        ("volunteers.yaml", 5, "volunteers[0].max_per_month", _NOT_A_NUMBER)
    ],
    "number-bool-slot-minutes": [
        ("office.yaml", 15, "sessions[1].slot_minutes", "false is not a number")
    ],
    "number-huge-interpreters": [
        ("office.yaml", 9, "sessions[0].interpreters.ar", "write a number at most 50")
    ],
    "number-huge-counsellors": [
        ("office.yaml", 8, "sessions[0].counsellors.max", "at most 100 (and at least 1)")
    ],
    "number-4301-digits": [("office.yaml", 10, "sessions[0].leads", "a number of a sensible size")],
    "number-bool-priority": [("office.yaml", 16, "priorities.fairness", _NOT_A_NUMBER)],
    "number-huge-desks": [("office.yaml", 16, "sessions[1].desks", "at most 50 (and at least 1)")],
    "number-hours-too-many": [
        ("volunteers.yaml", 5, "volunteers[0].hours_per_month", "write a number at most 300")
    ],
    "number-hours-infinite": [
        ("volunteers.yaml", 5, "volunteers[0].hours_per_month", "'1.0e+400' is not a number")
    ],
    "number-feed-months-bool": [("office.yaml", 16, "feeds.months_ahead", _NOT_A_NUMBER)],
    "visits-huge": [("visits.csv", 3, "visitors", "from 0 to 1000")],
    "visits-superscript": [("visits.csv", 3, "visitors", "'²' is not a whole number")],
    "visits-4301-digits": [("visits.csv", 3, "visitors", "is out of range")],
    "name-is-a-number": [
        ("volunteers.yaml", 3, "volunteers[0].name", "'12' is a number, not text")
    ],
    "office-name-is-a-number": [("office.yaml", 1, "name", 'the number in quotes: "2026"')],
    "date-is-a-number": [
        ("volunteers.yaml", 7, "volunteers[0].absences[0].from", "'0' is not a date")
    ],
    # appointments: file, line and field, never a word of the file
    "appointment-note-second-line": [
        ("appointments/2026-12.yaml", 8, "appointments[0]", "indent the lines below note:")
    ],
    "appointment-note-alias": [("appointments/2026-12.yaml", 7, "", _ALIAS)],
    "appointment-note-tag": [("appointments/2026-12.yaml", 7, "", _TAG)],
    "appointment-note-colon": [
        ("appointments/2026-12.yaml", 7, "", "put a value that holds ': ' in quotes.")
    ],
    "appointment-note-control-character": [
        ("appointments/2026-12.yaml", 7, "", "control character (U+001B, escape)")
    ],
    "appointment-note-not-utf8": [("appointments/2026-12.yaml", 7, "", "is not UTF-8 text")],
    "appointment-unknown-key-twice": [
        ("appointments/2026-12.yaml", 8, "appointments[0]", "a key of this line is given twice")
    ],
    "appointment-language-is-a-name": [
        ("appointments/2026-12.yaml", 3, "appointments[0].language", "the value is not a language")
    ],
    "appointment-minutes-text": [
        ("appointments/2026-12.yaml", 4, "appointments[0].minutes", "the value is not a whole")
    ],
    "appointment-minutes-huge": [
        ("appointments/2026-12.yaml", 4, "appointments[0].minutes", "the value is out of range")
    ],
    "appointment-counsellor-name": [
        ("appointments/2026-12.yaml", 7, "appointments[0].counsellor", "the value is not an id")
    ],
}
