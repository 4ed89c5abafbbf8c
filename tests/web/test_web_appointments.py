# ruff: noqa: RUF001 - the en dash between two times is what the pages show
"""The Appointments pages (issue 14, page 4): the month's requests in words (case
reference, language, length, window, wished counsellor by name, whether and when the plan
schedules them), adding, changing and cancelling a request through the pages (plain
forms, POST then redirect) and the API. ``appointments/YYYY-MM.yaml`` is edited as a
person would edit it: the other requests and the comments stay byte for byte; the change
log names the kind of request, never its case reference or its note."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from web_office import changes, headers

from roster.domain.month import Month
from roster.folder.load import load_office

DECEMBER = Month(2026, 12)

NEW_ENTRY = """\
  - case: B-2026-101
    language: ti
    minutes: 45
    earliest: 2026-12-02
    latest: 2026-12-16
    counsellor: v04
    note: Erstgespräch
"""


def requests_file(office: Path) -> Path:
    return office / "appointments" / "2026-12.yaml"


def commented(office: Path) -> str:
    """The example requests with comments between the requests and at line ends."""
    text = requests_file(office).read_text(encoding="utf-8")
    text = text.replace(
        "  - case: A-2026-013\n", "  # walk-in, asked twice\n  - case: A-2026-013\n"
    )
    text = text.replace("    minutes: 90\n", "    minutes: 90   # long: interpreter needed\n")
    text += "# more requests come by phone\n"
    requests_file(office).write_text(text, encoding="utf-8")
    load_office(office)
    return text


def form(**fields: str) -> dict[str, str]:
    base = {
        "case": "B-2026-101",
        "language": "ti",
        "minutes": "45",
        "earliest": "2026-12-02",
        "latest": "2026-12-16",
        "counsellor": "v04",
        "note": "Erstgespräch",
    }
    return base | fields


def test_the_api_lists_the_requests_in_words_without_notes(
    client: TestClient, logged_in: str
) -> None:
    answer = client.get("/api/months/2026-12/appointments")
    assert answer.status_code == 200
    listed = answer.json()
    assert (listed["month_text"], listed["planned"], listed["summary"]) == (
        "Dezember 2026",
        True,
        "12 Anfragen.",
    )
    items = listed["appointments"]
    assert [item["case"] for item in items][:3] == ["A-2026-011", "A-2026-012", "A-2026-013"]
    assert items[0] == {
        "case": "A-2026-011",
        "number": 1,
        "key": "A-2026-011#1",
        "href": "/appointments/2026-12/A-2026-011",
        "language": "ar",
        "language_text": "Arabisch",
        "minutes": 60,
        "minutes_text": "60 Minuten",
        "earliest": "2026-12-01",
        "latest": "2026-12-18",
        "window_text": "1. Dez. bis 18. Dez.",
        "counsellor": "v04",
        "counsellor_text": "Samira Al-Khatib",
        "status": "scheduled",
        "status_text": "Mi., 2. Dez., 13:30–14:30",
        "scheduled_date": "2026-12-02",
        "scheduled_start": "13:30",
        "scheduled_end": "14:30",
        "reasons": [],
    }
    assert all("note" not in item for item in items)
    by_key = {item["key"]: item for item in items}
    assert by_key["A-2026-013#1"]["counsellor_text"] == "wer Dienst hat"
    assert by_key["A-2026-014#1"]["status"] == "unscheduled"
    assert by_key["A-2026-014#1"]["status_text"] == "Nicht eingeplant"
    reasons = by_key["A-2026-014#1"]["reasons"]
    assert reasons[0].startswith("Mi., 9. Dez.: niemand, der kommen kann, dolmetscht Tigrinya")
    assert "Yonas Tesfay ist 7.-20. Dez. abwesend" in reasons[0]
    assert not any("(v13)" in line for line in reasons)  # people by name, never by id
    # the same case twice: the follow-up is the case's second request
    assert by_key["A-2026-017#2"]["href"] == "/appointments/2026-12/A-2026-017?number=2"
    assert by_key["A-2026-021#1"]["language_text"] == "Kurmandschi"  # the office's own name


def test_without_a_plan_nothing_is_scheduled_yet(
    client: TestClient, logged_in: str, office: Path
) -> None:
    (office / "rotas" / "2026-12.json").unlink()
    listed = client.get("/api/months/2026-12/appointments").json()
    assert listed["planned"] is False
    assert {item["status_text"] for item in listed["appointments"]} == {"noch nicht geplant"}
    assert client.get("/api/months/2027-01/appointments").json()["appointments"] == []
    assert "Keine Anfragen in diesem Monat." in client.get("/appointments/2027-01").text


def test_the_list_page_shows_the_requests_and_links_each(
    client: TestClient, logged_in: str
) -> None:
    page = client.get("/appointments/2026-12")
    assert page.status_code == 200
    text = page.text
    assert '<link rel="stylesheet" href="/static/appointments.css">' in text
    assert '<th scope="col">Berater:in</th>' in text
    assert (
        '<th scope="row"><a href="/appointments/2026-12/A-2026-011" '
        'aria-label="Fall A-2026-011 öffnen">A-2026-011</a></th>'
    ) in text
    assert '<a href="/appointments/2026-12/A-2026-017?number=2"' in text
    assert "<td>1. Dez. bis 18. Dez.</td>" in text
    assert "<td>Samira Al-Khatib</td>" in text
    assert '<a class="button" href="/appointments/2026-12/new">Anfrage hinzufügen</a>' in text
    assert "Widerspruch Jobcenter" not in text  # A-2026-011's note


def test_a_request_s_own_page_shows_its_note_and_place_in_the_plan(
    client: TestClient, logged_in: str
) -> None:
    page = client.get("/appointments/2026-12/A-2026-011")
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    text = page.text
    assert "<h1>Fall A-2026-011</h1>" in text
    assert "Im Plan: Mi., 2. Dez., 13:30–14:30" in text
    assert ">Widerspruch Jobcenter, Unterlagen mitbringen lassen</textarea>" in text
    assert '<option value="ar" selected>Arabisch</option>' in text
    assert '<option value="v04" selected>Samira Al-Khatib</option>' in text
    assert '<a href="/appointments/2026-12/A-2026-011/cancel">Diese Anfrage absagen</a>' in text
    follow_up = client.get("/appointments/2026-12/A-2026-017?number=2").text
    assert ">Schulden, Folgetermin</textarea>" in follow_up
    assert 'id="again" name="again" type="checkbox" value="1" checked' in follow_up
    detail = client.get("/api/months/2026-12/appointments/A-2026-017?number=2")
    assert detail.headers["cache-control"] == "no-store"
    assert detail.json()["note"] == "Schulden, Folgetermin"
    assert detail.json()["minutes"] == 30


def test_adding_a_request_by_the_form_appends_it(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = commented(office)
    new = client.get("/appointments/2026-12/new")
    assert new.status_code == 200
    assert (
        'name="earliest" type="date" required min="2026-12-01" max="2026-12-31" value="2026-12-01"'
        in new.text
    )
    answer = client.post(
        "/appointments/2026-12", data=form(csrf_token=logged_in), follow_redirects=False
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/appointments/2026-12?done=added"
    # the new request goes before the comment that ended the file
    assert requests_file(office).read_text(encoding="utf-8") == before.replace(
        "# more requests come by phone\n", NEW_ENTRY + "# more requests come by phone\n"
    )
    [change] = changes(office)
    assert change["key"] == "web.appointments_change_added"
    assert change["params"] == {
        "month_name": "Dezember 2026",
        "language": "Tigrinya",
        "length": "45 Minuten",
    }
    shown = client.get(answer.headers["location"]).text
    assert "Die Anfrage wurde hinzugefügt." in shown
    assert "B-2026-101" in shown
    assert (
        "Eine Terminanfrage für Dezember 2026 wurde hinzugefügt (Tigrinya, 45 Minuten)."
        in client.get("/changes").text
    )


def test_adding_a_request_by_the_api(client: TestClient, logged_in: str, office: Path) -> None:
    answer = client.post(
        "/api/months/2026-12/appointments",
        json={
            "case": "B/2026/7",
            "language": "fa-AF",
            "minutes": 30,
            "earliest": "2026-12-09",
            "latest": "2026-12-09",
            "note": "Zwei Zeilen:\nerste und zweite",
        },
        headers=headers(logged_in),
    )
    assert answer.status_code == 201
    item = answer.json()
    assert "note" not in item
    assert (item["case"], item["href"], item["language_text"]) == (
        "B/2026/7",
        "/appointments/2026-12/B~2026~7",
        "Dari",
    )
    assert item["status"] == "not_planned"  # the plan was made before the request
    assert (
        requests_file(office)
        .read_text(encoding="utf-8")
        .endswith(
            "  - case: B/2026/7\n"
            "    language: fa-AF\n"
            "    minutes: 30\n"
            "    earliest: 2026-12-09\n"
            "    latest: 2026-12-09\n"
            "    note: |-\n"
            "      Zwei Zeilen:\n"
            "      erste und zweite\n"
        )
    )
    detail = client.get("/api/months/2026-12/appointments/B~2026~7").json()
    assert detail["note"] == "Zwei Zeilen:\nerste und zweite"
    assert "B/2026/7" in client.get("/appointments/2026-12/B~2026~7").text


def test_another_request_of_a_case_needs_the_box(
    client: TestClient, logged_in: str, office: Path
) -> None:
    twice = form(case="A-2026-011", csrf_token=logged_in)
    refused = client.post("/appointments/2026-12", data=twice)
    assert refused.status_code == 422
    assert "Für diesen Fall gibt es in diesem Monat schon eine Anfrage." in refused.text
    added = client.post(
        "/appointments/2026-12", data=twice | {"again": "1"}, follow_redirects=False
    )
    assert added.status_code == 303
    keys = [item.key for item in load_office(office).appointments_of(DECEMBER)]
    assert keys.count("A-2026-011#2") == 1


def test_changing_a_request_touches_its_own_lines_only(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = commented(office)
    answer = client.post(
        "/appointments/2026-12/A-2026-015",
        data={
            "csrf_token": logged_in,
            "case": "A-2026-015",
            "language": "fa-AF",
            "minutes": "120",
            "earliest": "2026-12-01",
            "latest": "2026-12-18",
            "counsellor": "",
            "note": "Asylverfahren, Anhörung vorbereiten",
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/appointments/2026-12/A-2026-015?saved=1"
    after = requests_file(office).read_text(encoding="utf-8")
    assert after == before.replace(
        "    minutes: 90   # long: interpreter needed\n"
        "    earliest: 2026-12-01\n"
        "    latest: 2026-12-18\n"
        "    counsellor: v21\n",
        "    minutes: 120  # long: interpreter needed\n"  # the comment keeps its column
        "    earliest: 2026-12-01\n"
        "    latest: 2026-12-18\n",
    )
    [change] = changes(office)
    assert change["key"] == "web.appointments_change_saved"
    assert change["params"] == {
        "month_name": "Dezember 2026",
        "language": "Dari",
        "length": "120 Minuten",
    }
    assert "Die Anfrage wurde gespeichert." in client.get(answer.headers["location"]).text


def test_changing_the_follow_up_and_the_reference_by_the_api(
    client: TestClient, logged_in: str, office: Path
) -> None:
    answer = client.put(
        "/api/months/2026-12/appointments/A-2026-017?number=2",
        json={
            "case": "A-2026-017",
            "language": "ar",
            "minutes": 45,
            "earliest": "2026-12-10",
            "latest": "2026-12-18",
            "counsellor": "v01",
            "note": "Schulden, Folgetermin",
        },
        headers=headers(logged_in),
    )
    assert answer.status_code == 200
    assert answer.json()["minutes"] == 45
    assert "note" not in answer.json()
    requests = load_office(office).appointments_of(DECEMBER)
    assert [(item.key, item.request.minutes) for item in requests if item.case == "A-2026-017"] == [
        ("A-2026-017#1", 60),
        ("A-2026-017#2", 45),
    ]
    renamed = client.post(
        "/appointments/2026-12/A-2026-019",
        data=form(
            case="A-2026-019/b",
            language="so",
            minutes="30",
            earliest="2026-12-01",
            latest="2026-12-18",
            counsellor="",
            note="Krankenversicherung",
            csrf_token=logged_in,
        ),
        follow_redirects=False,
    )
    assert renamed.headers["location"] == "/appointments/2026-12/A-2026-019~b?saved=1"
    assert client.get("/appointments/2026-12/A-2026-019").status_code == 404
