"""The malformed folders of issue 12, section 3 (what the office already has, read as it
is): Excel polls, a poll in two files, a name column where none belongs, German weekdays
and a quote left open. test_bad_corpus.py runs them with the rest of the corpus; the
entries read like its own: (file, line, field, a plain hint).
"""

from __future__ import annotations

Expected = tuple[str, int | None, str, str]

OFFICE_INPUT_CASES: dict[str, list[Expected]] = {
    # an Excel poll names the sheet and the cell, not a line
    "availability-xlsx-bad-cell": [
        (
            "availability/2026-12.xlsx",
            None,
            "sheet Tabelle1, cell D3 (2026-12-03, v02)",
            "'perhaps' is not an answer; write yes, maybe or no",
        )
    ],
    "availability-xlsx-damaged": [
        ("availability/2026-12.xlsx", None, "", "cannot be read as an Excel workbook (.xlsx)")
    ],
    # one poll per month: the message says which file to delete
    "availability-csv-and-xlsx": [
        (
            "availability/2026-12.csv",
            None,
            "",
            "availability/2026-12.csv and availability/2026-12.xlsx are both the poll of 2026-12",
        )
    ],
    # a name column is read only right after the ids
    "availability-name-column-elsewhere": [
        ("availability/2026-12.csv", 1, "column 3 'Name'", "'Name' is not a date")
    ],
    # weekdays in German or English; the accepted words in the office's language (de)
    "volunteers-weekday-unknown": [
        (
            "volunteers.yaml",
            6,
            "volunteers[0].weekdays[1]",
            "did you mean 'Donnerstag'? write Montag, Dienstag, Mittwoch, Donnerstag",
        )
    ],
    # a quote left open is blamed on its line, not on the next quote's line
    "yaml-unclosed-quote": [("volunteers.yaml", 3, "", "a quote (\" or ') opens on this line")],
    # ... in an appointments file too, without a word of the file or of YAML's message
    "appointment-note-quote-open": [
        ("appointments/2026-12.yaml", 7, "", "opens on this line and is not closed on it")
    ],
}
