"""Problems of the Team page's input (issue 14, page 2): 422, each message in plain words
of the office's language next to its field (no key of the folder's files, no file name),
and nothing written: neither ``volunteers.yaml`` nor the change log. A busy folder is
409. What only `roster check` finds is still shown: at its field, or above the form."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_office import ORIGIN

from roster.app.team_save import _check_problems
from roster.app.web_files import changes_path
from roster.domain.errors import Problem, RosterError
from roster.domain.lock import folder_lock

NOT_SAVED = "Nichts wurde gespeichert. Bitte korrigieren Sie, was markiert ist."
GERMAN = (
    "Als Dolmetscher:in braucht man Deutsch mindestens fließend. Erhöhen Sie das Niveau "
    "für Deutsch, oder nehmen Sie die Rolle Dolmetscher:in weg."
)
TAKEN = "Diesen Kurznamen hat schon Birgit Sommer. Wählen Sie einen anderen."
MAX = "Schreiben Sie eine ganze Zahl von 0 bis 31."
BUSY = "Gerade speichert jemand anderes; versuchen Sie es gleich noch einmal."
KEYS = ("max_per_month", "hours_per_month", "volunteers.yaml", "languages", "social_worker")


def snapshot(office: Path) -> tuple[bytes, bool]:
    return (office / "volunteers.yaml").read_bytes(), changes_path(office).exists()


def field_errors(page: str) -> dict[str, str]:
    """Each problem next to its field: the field's error id (without ``team-error-``) and
    its message. Every field that has one is marked invalid and points to it."""
    found: dict[str, str] = {}
    for tag in re.findall(r"<(?:input|select|fieldset)\b[^>]*>", page):
        described = re.search(r'aria-describedby="([^"]*)"', tag)
        for error_id in described.group(1).split() if described else []:
            if not error_id.startswith("team-error-"):
                continue
            assert 'aria-invalid="true"' in tag, tag
            message = re.search(rf'<span class="field-error" id="{error_id}">([^<]*)</span>', page)
            assert message is not None, error_id
            found[error_id.removeprefix("team-error-")] = message.group(1)
    shown = re.findall(r'<span class="field-error" id="team-error-([^"]*)">', page)
    assert sorted(shown) == sorted(found), "a message that no field points to"
    return found


def bad_form(token: str, **changes: object) -> dict[str, object]:
    form: dict[str, object] = {
        "csrf_token": token,
        "id": "v31",
        "name": "Jonas Neu",
        "roles": ["counsellor"],
        "language": ["de", ""],
        "level": ["native", ""],
        "max_per_month": "3",
    }
    form.update(changes)
    return form


def test_an_interpreter_without_german_a_taken_id_and_minus_one_are_refused(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = snapshot(office)
    page = client.post(
        "/team/new",
        data=bad_form(
            logged_in,
            id="v01",
            roles=["interpreter"],
            language=["ar", ""],
            level=["native", ""],
            max_per_month="-1",
        ),
    )
    assert page.status_code == 422
    assert NOT_SAVED in page.text
    errors = field_errors(page.text)
    assert errors == {"id": TAKEN, "languages": GERMAN, "max_per_month": MAX}
    assert (
        'id="team-max" name="max_per_month" type="number" min="0" max="31" step="1" inputmode="numeric" value="-1" required aria-invalid="true" aria-describedby="team-error-max_per_month"'
        in page.text
    )
    # What was sent is shown again: the language chosen stays in its row.
    assert '<input type="hidden" name="language" value="ar">' in page.text
    assert 'value="Jonas Neu"' in page.text
    for key in KEYS:
        assert key not in re.sub(r"<[^>]+>", " ", page.text), key
    assert snapshot(office) == before

    api = client.post(
        "/api/team",
        json={
            "id": "v01",
            "name": "Jonas Neu",
            "roles": ["interpreter"],
            "languages": {"ar": "native"},
            "max_per_month": -1,
        },
        headers={"X-CSRF-Token": logged_in},
    )
    assert api.status_code == 422
    assert api.headers["content-type"] == "application/problem+json"
    assert api.json()["detail"] == NOT_SAVED
    assert api.json()["errors"] == [
        {"field": "id", "message": TAKEN},
        {"field": "languages", "message": GERMAN},
        {"field": "max_per_month", "message": MAX},
    ]
    assert snapshot(office) == before


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "   "}, "name", "Bitte schreiben Sie den Namen."),
        (
            {"id": "Jonas Neu"},
            "id",
            "Nur Buchstaben, Ziffern, - und _ (höchstens 32), am Anfang ein Buchstabe oder eine Ziffer.",
        ),
        (
            {"email": "jonas at home"},
            "email",
            "Das ist keine E-Mail-Adresse. Schreiben Sie sie wie name@example.org, oder lassen Sie das Feld leer.",
        ),
        ({"roles": []}, "roles", "Wählen Sie mindestens eine Rolle."),
        ({"roles": ["boss"]}, "roles", "Wählen Sie die Rollen aus der Liste."),
        (
            {"language": ["", ""], "level": ["", ""]},
            "languages",
            "Geben Sie mindestens eine Sprache mit ihrem Niveau an.",
        ),
        (
            {"language": ["de", "xq"], "level": ["native", "fluent"]},
            "languages-xq",
            "Diese Sprache ist hier nicht bekannt. Wählen Sie eine aus der Liste.",
        ),
        (
            {"language": ["de", "ar"], "level": ["native", ""]},
            "languages-ar",
            "Wählen Sie das Niveau aus der Liste.",
        ),
        (
            {"language": ["de", "de"], "level": ["native", "basic"]},
            "languages",
            "Diese Sprache steht zweimal da. Behalten Sie eine Zeile.",
        ),
        (
            {"roles": ["interpreter"], "language": ["de", "ar"], "level": ["native", "basic"]},
            "languages",
            "Als Dolmetscher:in braucht man außer Deutsch eine Sprache mindestens fließend. Ergänzen Sie sie, oder nehmen Sie die Rolle Dolmetscher:in weg.",
        ),
        (
            {"roles": ["interpreter"], "language": ["de", "ar"], "level": ["basic", "native"]},
            "languages-de",
            GERMAN,
        ),
        (
            {
                "roles": ["interpreter"],
                "language": ["de", "ar"],
                "level": ["native", "native"],
                "trainee": "1",
            },
            "trainee",
            "„In Einarbeitung“ gibt es nur mit der Rolle Berater:in oder Sozialarbeiter:in. Wählen Sie die Rolle Berater:in, oder nehmen Sie hier den Haken weg.",
        ),
        ({"weekdays": ["someday"]}, "weekdays", "Wählen Sie die Wochentage aus der Liste."),
        ({"max_per_month": "viele"}, "max_per_month", MAX),
        ({"max_per_month": "32"}, "max_per_month", MAX),
        (
            {"hours_per_month": "0"},
            "hours_per_month",
            "Schreiben Sie eine Stundenzahl über 0 und höchstens 300, oder lassen Sie das Feld leer.",
        ),
        (
            {"hours_per_month": "zwölf"},
            "hours_per_month",
            "Schreiben Sie eine Stundenzahl über 0 und höchstens 300, oder lassen Sie das Feld leer.",
        ),
        (
            {"absence_from": ["2026-12-10"], "absence_to": [""]},
            "absences-0-to",
            "Geben Sie den ersten und den letzten Tag der Abwesenheit an.",
        ),
        (
            {"absence_from": ["bald"], "absence_to": ["2026-12-10"]},
            "absences-0-from",
            "Das ist kein Datum. Schreiben Sie es wie 31.12.2026.",
        ),
        (
            {"absence_from": ["", "2026-12-10"], "absence_to": ["", "2026-12-01"]},
            "absences-0-to",
            "Der letzte Tag liegt vor dem ersten. Tauschen Sie die beiden Daten.",
        ),
    ],
    ids=[
        "no-name",
        "bad-id",
        "bad-email",
        "no-role",
        "unknown-role",
        "no-language",
        "unknown-language",
        "no-level",
        "language-twice",
        "interpreter-one-language",
        "interpreter-basic-german",
        "trainee-not-counsellor",
        "unknown-weekday",
        "max-not-a-number",
        "max-too-high",
        "hours-zero",
        "hours-not-a-number",
        "absence-without-end",
        "absence-not-a-date",
        "absence-reversed",
    ],
)
def test_each_problem_is_shown_next_to_its_field(
    client: TestClient,
    logged_in: str,
    office: Path,
    changes: dict[str, object],
    field: str,
    message: str,
) -> None:
    before = snapshot(office)
    page = client.post("/team/new", data=bad_form(logged_in, **changes))
    assert page.status_code == 422, page.text
    assert field_errors(page.text) == {field: message}
    assert snapshot(office) == before


def test_removing_the_counsellor_role_of_a_kept_case_is_refused_in_plain_words(
    client: TestClient, logged_in: str, office: Path
) -> None:
    """Nadia Karimi keeps a case (her id stands in the month's appointments): `roster
    check` would say so naming the file; the page says it in plain words."""
    before = snapshot(office)
    answer = client.put(
        "/api/team/v21",
        json={
            "name": "Nadia Karimi",
            "roles": ["interpreter"],
            "languages": {"de": "fluent", "fa-AF": "native", "fa": "fluent"},
        },
        headers={"X-CSRF-Token": logged_in},
    )
    assert answer.status_code == 422
    assert answer.json()["errors"] == [
        {
            "field": "roles",
            "message": "Nadia Karimi ist als Berater:in für 1 Termin eingetragen. Behalten Sie "
            "die Rolle Berater:in oder Sozialarbeiter:in, oder geben Sie den Termin zuerst "
            "einer anderen Berater:in.",
        }
    ]
    assert snapshot(office) == before


def test_what_only_the_check_finds_goes_to_its_field_or_above_the_form() -> None:
    found = RosterError(
        "not saved",
        [
            Problem("volunteers.yaml", 222, "volunteers[30].max_per_month", "'-1' is out of range"),
            Problem(
                "volunteers.yaml", 225, "volunteers[30].absences[0].to", "ends before it starts"
            ),
            Problem("volunteers.yaml", 226, "volunteers[30].left", "is not a date"),
            Problem("volunteers.yaml", 5, "volunteers[1].name", "must not be empty"),
            Problem(
                "appointments/2026-12.yaml", 10, "appointments[0].counsellor", "not a counsellor"
            ),
        ],
    )
    mapped = _check_problems(found, 30, ["Birgit Sommer", "Karim Mansour"], "de")
    assert sorted((item.field, item.message) for item in mapped) == sorted(
        [
            ("max_per_month", "'-1' is out of range"),
            ("absences[0].to", "ends before it starts"),
            ("last_day", "is not a date"),
            ("team", "Karim Mansour: must not be empty"),
            ("team", "not a counsellor"),
        ]
    )


def test_a_problem_of_the_last_day_is_next_to_it(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = snapshot(office)
    page = client.post("/team/v05/leave", data={"csrf_token": logged_in, "last_day": "bald"})
    assert page.status_code == 422
    assert field_errors(page.text) == {
        "last_day": "Das ist kein Datum. Schreiben Sie es wie 31.12.2026."
    }
    assert 'name="last_day" type="date" value="bald"' in page.text
    api = client.post(
        "/api/team/v05/leave", json={"last_day": "bald"}, headers={"X-CSRF-Token": logged_in}
    )
    assert api.status_code == 422
    assert [item["field"] for item in api.json()["errors"]] == ["last_day"]
    assert snapshot(office) == before


def test_a_busy_folder_is_409_and_nothing_is_written(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = snapshot(office)
    with folder_lock(office, "roster plan"):
        page = client.post("/team/new", data=bad_form(logged_in), headers={"Origin": ORIGIN})
        api = client.post(
            "/api/team/v05/leave", json={}, headers={"X-CSRF-Token": logged_in, "Origin": ORIGIN}
        )
    assert page.status_code == 409
    assert BUSY in page.text
    assert 'value="Jonas Neu"' in page.text  # what was typed is not lost
    assert api.status_code == 409
    assert api.json()["detail"] == BUSY
    assert snapshot(office) == before
    again = client.post("/team/new", data=bad_form(logged_in), follow_redirects=False)
    assert again.status_code == 303
    assert snapshot(office) != before
