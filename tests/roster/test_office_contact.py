"""office.yaml ``contact``: how visitors book the appointment hours, for the door sign
(issue 12, section 4). Optional, validated, every problem a plain message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from roster.domain.errors import RosterError
from roster.folder.load import load_office

MakeOffice = Callable[..., Path]


def office_with(base_files: dict[str, str], contact: str) -> dict[str, str]:
    return {"office.yaml": base_files["office.yaml"] + contact}


def problems(make_office: MakeOffice, files: dict[str, str]) -> list[str]:
    with pytest.raises(RosterError) as caught:
        load_office(make_office(files))
    return [str(problem) for problem in caught.value.problems]


def test_contact_is_optional_and_read_as_written(
    make_office: MakeOffice, base_files: dict[str, str]
) -> None:
    assert load_office(make_office()).office.contact is None
    contact = (
        "contact:\n"
        '  phone: "+49 (2051) 26-2000"\n'
        "  email: termine@example.org\n"
        "  text: Dienstags 10-12 Uhr im Büro.\n"
    )
    read = load_office(make_office(office_with(base_files, contact))).office.contact
    assert read is not None
    assert (read.phone, read.email, read.text) == (
        "+49 (2051) 26-2000",
        "termine@example.org",
        "Dienstags 10-12 Uhr im Büro.",
    )


def test_a_bad_contact_gets_plain_messages_with_line_and_field(
    make_office: MakeOffice, base_files: dict[str, str]
) -> None:
    contact = (
        "contact:\n"
        "  phone: call us\n"
        "  email: termine at example\n"
        f"  text: {'x' * 201}\n"
        "  fax: 123\n"
    )
    found = problems(make_office, office_with(base_files, contact))
    line = base_files["office.yaml"].count("\n") + 2
    assert found == [
        f"office.yaml, line {line}, contact.phone: 'call us' is not a phone number of digits, "
        'spaces and + - / ( ), e.g. "02051 26-2000"; correct it',
        f"office.yaml, line {line + 1}, contact.email: 'termine at example' is not an e-mail "
        "address such as name@example.org; correct it",
        f"office.yaml, line {line + 2}, contact.text: is too long: at most 200 characters; "
        "shorten it",
        f"office.yaml, line {line + 3}, contact.fax: unknown key 'fax'; remove it or fix its "
        "spelling. Allowed here: phone, email, text.",
    ]


def test_a_phone_number_is_text_and_an_empty_contact_says_what_to_give(
    make_office: MakeOffice, base_files: dict[str, str]
) -> None:
    found = problems(make_office, office_with(base_files, "contact: {phone: 2051262}\n"))
    assert len(found) == 1
    assert found[0].endswith(
        "contact.phone: '2051262' is a number, not text; write the text, or the number in "
        'quotes: "2051262"'
    )
    found = problems(make_office, office_with(base_files, "contact: {}\n"))
    assert len(found) == 1
    assert found[0].endswith(
        "contact: give at least one of phone, email or text, or remove contact"
    )
