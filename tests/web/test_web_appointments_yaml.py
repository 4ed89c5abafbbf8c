"""Editing the list of requests of an appointments file by hand's rules
(:mod:`roster.app.appointment_yaml`): every comment line stays where a reader expects it
when a request is added, changed or removed, also the first, the last and the only one;
what the edit does not touch is written as it was."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from roster.app.appointment_yaml import append_request, remove_request, update_request
from roster.folder.yaml_edit import EditableYaml, dump_edited, load_for_edit

FILE = """\
# head
appointments:
  # before A
  - case: A
    language: ar
    minutes: 60
    note: first  # end of A
  # before B

  - case: B
    language: fa
    minutes: 30
  # before C
  - {case: C, language: uk, minutes: 30}
# the end
"""
NAME = "appointments/2026-12.yaml"


def edited(text: str, change: Callable[[EditableYaml], object]) -> str:
    document = load_for_edit(NAME, text)
    change(document)
    return dump_edited(document)


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (
            0,
            "# head\nappointments:\n  # before A\n  # before B\n\n"
            "  - case: B\n    language: fa\n    minutes: 30\n"
            "  # before C\n  - {case: C, language: uk, minutes: 30}\n# the end\n",
        ),
        (
            1,
            "# head\nappointments:\n  # before A\n"
            "  - case: A\n    language: ar\n    minutes: 60\n    note: first  # end of A\n"
            "  # before B\n\n  # before C\n  - {case: C, language: uk, minutes: 30}\n# the end\n",
        ),
        (
            2,
            "# head\nappointments:\n  # before A\n"
            "  - case: A\n    language: ar\n    minutes: 60\n    note: first  # end of A\n"
            "  # before B\n\n  - case: B\n    language: fa\n    minutes: 30\n"
            "  # before C\n# the end\n",
        ),
    ],
    ids=["first", "middle", "last"],
)
def test_removing_a_request_keeps_every_comment_line(index: int, expected: str) -> None:
    assert edited(FILE, lambda document: remove_request(document, index)) == expected


def test_removing_the_only_request_leaves_an_empty_list_and_the_comments() -> None:
    text = "# head\nappointments:\n  # the one\n  - case: A\n    minutes: 60\n# the end\n"
    result = edited(text, lambda document: remove_request(document, 0))
    assert result == "# head\nappointments: []\n  # the one\n# the end\n"
    assert load_for_edit(NAME, result).data["appointments"] == []


def test_a_new_request_goes_after_the_last_and_before_the_closing_comment() -> None:
    values = {
        "case": "D",
        "language": "ti",
        "minutes": 45,
        "earliest": date(2026, 12, 2),
        "latest": date(2026, 12, 9),
        "counsellor": None,
        "note": "two\nlines",
    }
    result = edited(FILE, lambda document: append_request(document, values))
    assert result == FILE.replace(
        "# the end\n",
        "  - case: D\n    language: ti\n    minutes: 45\n    earliest: 2026-12-02\n"
        "    latest: 2026-12-09\n    note: |-\n      two\n      lines\n# the end\n",
    )


@pytest.mark.parametrize(
    "text",
    ["appointments: []  # none yet\n# the end\n", "appointments:\n# the end\n", ""],
    ids=["empty-list", "no-list", "empty-file"],
)
def test_the_first_request_of_an_empty_file(text: str) -> None:
    result = edited(text, lambda document: append_request(document, {"case": "A", "minutes": 5}))
    document = load_for_edit(NAME, result)
    assert document.data["appointments"] == [{"case": "A", "minutes": 5}]
    assert "  - case: A\n    minutes: 5\n" in result
    if "# the end" in text:
        assert result.endswith("# the end\n")


def test_changing_a_request_touches_only_the_keys_that_change() -> None:
    def change(document: EditableYaml) -> None:
        requests = document.data["appointments"]
        update_request(
            requests[1], {"case": "B", "minutes": 90, "note": "new", "counsellor": "v01"}
        )
        update_request(requests[0], {"case": "A", "language": "ar", "note": None})

    result = edited(FILE, change)
    assert result == FILE.replace(
        "    minutes: 60\n    note: first  # end of A\n", "    minutes: 60\n"
    ).replace(
        "    minutes: 30\n  # before C\n",
        "    minutes: 90\n    counsellor: v01\n    note: new\n  # before C\n",
    )
