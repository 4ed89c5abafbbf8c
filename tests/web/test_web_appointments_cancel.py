"""Cancelling appointment requests (issue 14, page 4): a confirmation page without the
note first, then the request is removed from the month's file; every comment line of the
file stays; the change log names the kind of request only. Cancelling every request
leaves an empty list."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from web_office import changes, headers

from roster.domain.month import Month
from roster.folder.load import load_office

DECEMBER = Month(2026, 12)


def requests_file(office: Path) -> Path:
    return office / "appointments" / "2026-12.yaml"


def commented(office: Path) -> str:
    """The example requests with a comment before a request and one closing the file."""
    text = requests_file(office).read_text(encoding="utf-8")
    text = text.replace(
        "  - case: A-2026-013\n", "  # walk-in, asked twice\n  - case: A-2026-013\n"
    )
    text += "# more requests come by phone\n"
    requests_file(office).write_text(text, encoding="utf-8")
    load_office(office)
    return text


def test_cancelling_asks_first_and_then_removes_the_request(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = commented(office)
    ask = client.get("/appointments/2026-12/A-2026-013/cancel")
    assert ask.status_code == 200
    assert (
        "Die Anfrage zum Fall A-2026-013 (Ukrainisch, 30 Minuten, 1. Dez. bis 18. Dez.) "
        "wird aus dem Dezember 2026 entfernt."
    ) in ask.text
    assert "Anmeldung Kita" not in ask.text  # no note on the confirmation
    assert requests_file(office).read_text(encoding="utf-8") == before
    done = client.post(
        "/appointments/2026-12/A-2026-013/cancel",
        data={"csrf_token": logged_in},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert done.headers["location"] == "/appointments/2026-12?done=cancelled"
    removed = (
        "  - case: A-2026-013\n"
        "    language: uk\n"
        "    minutes: 30\n"
        "    earliest: 2026-12-01\n"
        "    latest: 2026-12-18\n"
        "    note: Anmeldung Kita\n"
    )
    # the comment before the request stays in the file, like every comment line
    assert requests_file(office).read_text(encoding="utf-8") == before.replace(removed, "")
    [change] = changes(office)
    assert change["key"] == "web.appointments_change_cancelled"
    assert change["params"]["length"] == "30 Minuten"
    assert "Die Anfrage wurde abgesagt." in client.get(done.headers["location"]).text


def test_cancelling_by_the_api(client: TestClient, logged_in: str, office: Path) -> None:
    answer = client.delete(
        "/api/months/2026-12/appointments/A-2026-017?number=2", headers=headers(logged_in)
    )
    assert answer.status_code == 204
    requests = load_office(office).appointments_of(DECEMBER)
    assert [item.request.note for item in requests if item.case == "A-2026-017"] == [
        "Schulden, Ratenzahlung"
    ]
    assert len(requests) == 11


def test_cancelling_every_request_leaves_an_empty_list(
    client: TestClient, logged_in: str, office: Path
) -> None:
    for item in client.get("/api/months/2026-12/appointments").json()["appointments"]:
        path = f"/api/months/2026-12/appointments/{item['case']}"
        assert client.delete(path, headers=headers(logged_in)).status_code == 204, path
    text = requests_file(office).read_text(encoding="utf-8")
    assert text.startswith("# Appointment requests for December 2026")
    assert text.endswith("appointments: []\n")
    assert load_office(office).appointments_of(DECEMBER) == []
    assert client.get("/api/months/2026-12/appointments").json()["appointments"] == []
