"""The Appointments pages' refusals (issue 14, page 4): every wrong field is 422 with a
plain message in the office's language next to that field, never repeating what was
entered, and nothing is written; a request that does not exist is 404; without a login
pages go to the login page and the API is 401; without the CSRF token 403; while another
run saves 409."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_office import ORIGIN, headers

from roster.app.appointment_edits import at_own_field
from roster.app.web_files import changes_path
from roster.domain.errors import Problem
from roster.domain.lock import folder_lock

NOT_SAVED = "Nichts wurde gespeichert. Bitte korrigieren Sie, was markiert ist."
BUSY = "Gerade speichert jemand anderes; versuchen Sie es gleich noch einmal."
GOOD = {
    "case": "B-2026-101",
    "language": "ti",
    "minutes": 45,
    "earliest": "2026-12-02",
    "latest": "2026-12-16",
    "counsellor": "v04",
    "note": "Erstgespräch",
}
CASES: list[tuple[dict[str, object], str, str]] = [
    ({"case": "Müller, Anna"}, "case", "Nur Buchstaben, Ziffern und - _ / ."),
    ({"case": "-A1"}, "case", "Nur Buchstaben, Ziffern und - _ / ."),
    ({"case": "A" * 41}, "case", "Nur Buchstaben, Ziffern und - _ / ."),
    ({"case": ""}, "case", "Bitte füllen Sie dieses Feld aus."),
    ({"case": "A-2026-012"}, "case", "Für diesen Fall gibt es in diesem Monat schon eine Anfrage."),
    ({"language": "xx"}, "language", "Wählen Sie eine Sprache aus der Liste."),
    ({"language": "Arabisch"}, "language", "Wählen Sie eine Sprache aus der Liste."),
    ({"minutes": 0}, "minutes", "Schreiben Sie eine Dauer von 1 bis 150 Minuten."),
    ({"minutes": 601}, "minutes", "Die längste Terminsprechstunde dauert 150 Minuten;"),
    ({"minutes": 200}, "minutes", "Die längste Terminsprechstunde dauert 150 Minuten;"),
    ({"earliest": "2026-11-30"}, "earliest", "Wählen Sie einen Tag im Dezember 2026."),
    ({"latest": "2027-01-04"}, "latest", "Wählen Sie einen Tag im Dezember 2026."),
    ({"earliest": "2026-12-17"}, "latest", "Dieser Tag liegt vor dem ersten Tag."),
    ({"counsellor": "v11"}, "counsellor", "Wählen Sie eine Berater:in aus der Liste."),
    ({"counsellor": "v99"}, "counsellor", "Wählen Sie eine Berater:in aus der Liste."),
    ({"note": "x" * 2001}, "note", "Die Notiz ist zu lang: höchstens 2000 Zeichen."),
    ({"note": "eins\x1bzwei"}, "note", "Die Notiz enthält ein unsichtbares Steuerzeichen;"),
]
IDS = [
    "name-as-case",
    "case-starts-with-dash",
    "case-too-long",
    "case-missing",
    "case-twice",
    "unknown-language",
    "language-in-words",
    "no-minutes",
    "too-many-minutes",
    "longer-than-the-hours",
    "earliest-before-the-month",
    "latest-after-the-month",
    "latest-before-earliest",
    "interpreter-as-counsellor",
    "unknown-counsellor",
    "note-too-long",
    "note-with-escape",
]


def snapshot(office: Path) -> tuple[bytes, bool]:
    return (office / "appointments" / "2026-12.yaml").read_bytes(), changes_path(office).exists()


@pytest.mark.parametrize(("change", "field", "message"), CASES, ids=IDS)
def test_the_api_refuses_a_wrong_field_and_writes_nothing(
    client: TestClient,
    logged_in: str,
    office: Path,
    change: dict[str, object],
    field: str,
    message: str,
) -> None:
    before = snapshot(office)
    answer = client.post(
        "/api/months/2026-12/appointments", json=GOOD | change, headers=headers(logged_in)
    )
    assert answer.status_code == 422
    body = answer.json()
    assert body["title"] == NOT_SAVED
    assert [item["field"] for item in body["errors"]] == [field]
    assert body["errors"][0]["message"].startswith(message)
    for value in change.values():
        if isinstance(value, str) and len(value) > 3:
            assert value not in answer.text  # nothing entered is repeated
    assert snapshot(office) == before
    changed = client.put(
        "/api/months/2026-12/appointments/A-2026-011",
        json=GOOD | {"case": "A-2026-011"} | change,
        headers=headers(logged_in),
    )
    if field != "case" or change["case"] != "A-2026-012":
        assert changed.status_code == 422
        assert [item["field"] for item in changed.json()["errors"]] == [field]
    assert snapshot(office) == before


@pytest.mark.parametrize(("change", "field", "message"), CASES, ids=IDS)
def test_the_form_shows_the_problem_next_to_its_field(
    client: TestClient,
    logged_in: str,
    office: Path,
    change: dict[str, object],
    field: str,
    message: str,
) -> None:
    before = snapshot(office)
    data = {name: str(value) for name, value in (GOOD | change).items()}
    answer = client.post("/appointments/2026-12", data=data | {"csrf_token": logged_in})
    assert answer.status_code == 422
    page = answer.text
    assert f"<p>{NOT_SAVED}</p>" in page
    error = re.search(rf'<span class="field-error" id="{field}-error">([^<]*)</span>', page)
    assert error is not None
    assert error.group(1).startswith(message)
    control = re.search(rf'<(input|select|textarea) id="{field}"[^>]*>', page)
    assert control is not None
    assert 'aria-invalid="true"' in control.group(0)
    assert f"{field}-error" in control.group(0)
    assert page.count('class="field-error"') == 1
    assert snapshot(office) == before


def test_the_form_keeps_what_was_entered(client: TestClient, logged_in: str) -> None:
    data = {name: str(value) for name, value in GOOD.items()} | {"minutes": "sechzig"}
    page = client.post("/appointments/2026-12", data=data | {"csrf_token": logged_in}).text
    assert "Schreiben Sie die Dauer als ganze Zahl von Minuten, z. B. 60." in page
    assert 'value="B-2026-101"' in page
    assert '<option value="ti" selected>Tigrinya</option>' in page
    assert '<option value="v04" selected>Samira Al-Khatib</option>' in page
    assert ">Erstgespräch</textarea>" in page


def test_a_request_that_does_not_exist_is_404(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = snapshot(office)
    for path in (
        "/appointments/2026-12/A-2099-001",
        "/appointments/2026-12/A-2099-001/cancel",
        "/appointments/2026-12/A-2026-011?number=2",
        "/api/months/2026-12/appointments/A-2099-001",
        "/api/months/2027-01/appointments/A-2026-011",
    ):
        assert client.get(path).status_code == 404, path
    refused = [
        client.put(
            "/api/months/2026-12/appointments/A-2099-001", json=GOOD, headers=headers(logged_in)
        ),
        client.delete("/api/months/2026-12/appointments/A-2099-001", headers=headers(logged_in)),
        client.post("/appointments/2026-12/A-2099-001/cancel", data={"csrf_token": logged_in}),
        client.post(
            "/appointments/2026-12/A-2099-001",
            data={name: str(value) for name, value in GOOD.items()} | {"csrf_token": logged_in},
        ),
    ]
    assert [answer.status_code for answer in refused] == [404] * 4
    assert (
        refused[0].json()["title"] == "Diese Seite gibt es nicht, oder sie ist noch nicht fertig."
    )
    assert snapshot(office) == before


PAGES = [
    "/appointments/2026-12",
    "/appointments/2026-12/new",
    "/appointments/2026-12/A-2026-011",
    "/appointments/2026-12/A-2026-011/cancel",
]
APIS = ["/api/months/2026-12/appointments", "/api/months/2026-12/appointments/A-2026-011"]
FORM = {name: str(value) for name, value in GOOD.items()}
CHANGES: list[tuple[str, str, dict[str, Any]]] = [
    ("POST", "/appointments/2026-12", {"data": FORM}),
    ("POST", "/appointments/2026-12/A-2026-011", {"data": FORM | {"case": "A-2026-011"}}),
    ("POST", "/appointments/2026-12/A-2026-011/cancel", {"data": {}}),
    ("POST", "/api/months/2026-12/appointments", {"json": GOOD}),
    ("PUT", "/api/months/2026-12/appointments/A-2026-011", {"json": GOOD}),
    ("DELETE", "/api/months/2026-12/appointments/A-2026-011", {}),
]


def test_without_a_login_pages_go_to_the_login_and_the_api_is_401(
    client: TestClient, office: Path
) -> None:
    before = snapshot(office)
    for page in PAGES:
        answer = client.get(page, follow_redirects=False)
        assert answer.status_code == 303, page
        assert answer.headers["location"] == f"/login?next={page.split('?')[0]}"
    for api in APIS:
        assert client.get(api).status_code == 401, api
        assert "Widerspruch" not in client.get(api).text
    for method, path, body in CHANGES:
        answer = client.request(
            method,
            path,
            headers={"Origin": ORIGIN},
            follow_redirects=False,
            **body,
        )
        assert answer.status_code == (401 if path.startswith("/api/") else 303), (method, path)
    assert snapshot(office) == before


@pytest.mark.parametrize("token", [None, "wrong-token"], ids=["missing", "wrong"])
@pytest.mark.parametrize(("method", "path", "body"), CHANGES)
def test_without_the_token_nothing_is_written(
    client: TestClient,
    logged_in: str,
    office: Path,
    token: str | None,
    method: str,
    path: str,
    body: dict[str, Any],
) -> None:
    before = snapshot(office)
    sent = {"Origin": ORIGIN} | ({"X-CSRF-Token": token} if token else {})
    answer = client.request(method, path, headers=sent, **body)
    assert answer.status_code == 403
    assert snapshot(office) == before


def test_while_another_run_saves_it_is_409_and_nothing_is_written(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = snapshot(office)
    with folder_lock(office, "roster plan"):
        api = client.post("/api/months/2026-12/appointments", json=GOOD, headers=headers(logged_in))
        page = client.post("/appointments/2026-12", data=FORM | {"csrf_token": logged_in})
        cancel = client.post(
            "/appointments/2026-12/A-2026-011/cancel", data={"csrf_token": logged_in}
        )
    assert api.status_code == 409
    assert api.json()["title"] == BUSY
    assert page.status_code == 409
    assert BUSY in page.text
    assert ">Erstgespräch</textarea>" in page.text  # what she typed is not lost
    assert cancel.status_code == 409
    assert BUSY in cancel.text
    assert snapshot(office) == before


def test_a_problem_only_the_folder_check_finds_goes_to_its_field() -> None:
    name = "appointments/2026-12.yaml"
    own = Problem(name, 40, "appointments[3].minutes", "the appointment is longer than ...")
    other = Problem(name, 12, "appointments[1].minutes", "the appointment is longer than ...")
    elsewhere = Problem("volunteers.yaml", 3, "volunteers[0].name", "is empty")
    assert at_own_field(own, name, 3, "de") == Problem(
        name, None, "minutes", "Dieser Wert ist ungültig."
    )
    assert at_own_field(other, name, 3, "de") == other
    assert at_own_field(elsewhere, name, 3, "de") == elsewhere
