"""The Availability page (issue 14, page 3): the month's poll as a grid of the team's
volunteers (by name) and the month's session dates (closed dates left out), each answer
yes, maybe, no or no answer, "away" on a day of an absence. The lead saves the whole grid
with one plain form, or (htmx) one cell at a time; both, and the API, write
``availability/YYYY-MM.csv`` through the same function, rows and columns in their order,
and log "Availability for December 2026 changed: N answers"."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient
from openpyxl import Workbook
from web_office import changes, headers

from roster.domain.month import Month
from roster.folder.load import load_office

DECEMBER = Month(2026, 12)
DAYS = ["2026-12-02", "2026-12-03", "2026-12-09", "2026-12-10", "2026-12-16", "2026-12-17"]


def poll_file(office: Path) -> Path:
    return office / "availability" / "2026-12.csv"


def grid_form(page: str) -> dict[str, str]:
    """The fields of the grid's form as the browser sends them: the token and every
    select's selected option."""
    fields = {"csrf_token": re.findall(r'name="csrf_token" value="([^"]+)"', page)[-1]}
    for name, options in re.findall(r'<select[^>]* name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        selected = re.search(r'<option value="([^"]*)" selected>', options)
        fields[name] = selected.group(1) if selected else ""
    return fields


def test_the_api_gives_the_grid_in_words(client: TestClient, logged_in: str) -> None:
    answer = client.get("/api/months/2026-12/availability")
    assert answer.status_code == 200
    grid = answer.json()
    assert (grid["month"], grid["month_text"], grid["source"]) == (
        "2026-12",
        "Dezember 2026",
        "csv",
    )
    # the sessions of December; the 23rd and 24th fall in the Christmas closure
    assert [column["date"] for column in grid["columns"]] == DAYS
    assert grid["columns"][0] == {
        "date": "2026-12-02",
        "label": "Mi., 2. Dez.",
        "weekday": "Mittwoch",
        "kinds": ["appointments"],
        "kind_text": "Terminsprechstunde",
    }
    assert grid["columns"][1]["kind_text"] == "Offene Sprechstunde"
    rows = {row["volunteer"]: row for row in grid["rows"]}
    assert len(rows) == 30
    assert rows["v01"]["name"] == "Birgit Sommer"
    assert [cell["answer"] for cell in rows["v01"]["cells"]] == [
        "yes",
        "yes",
        "yes",
        "no",
        "yes",
        "yes",
    ]
    assert rows["v05"]["cells"][0] == {
        "date": "2026-12-02",
        "answer": None,
        "away": False,
        "text": "keine Antwort",
    }
    # Heike Brandt (v03) is away from the 14th to the 18th
    assert [cell["away"] for cell in rows["v03"]["cells"]] == [False] * 4 + [True] * 2
    assert rows["v03"]["cells"][4]["text"] == "abwesend"
    assert rows["v27"]["answered"] is False
    assert grid["summary"] == "29 von 30 Ehrenamtlichen haben an der Umfrage teilgenommen."


def test_the_page_shows_the_grid_with_a_labelled_choice_per_cell(
    client: TestClient, logged_in: str
) -> None:
    page = client.get("/availability/2026-12")
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    text = page.text
    assert '<link rel="stylesheet" href="/static/availability.css">' in text
    assert (
        '<th scope="col"><span class="day">Mi., 2. Dez.</span> <span class="kind">Terminsprechstunde</span></th>'
        in text
    )
    assert '<th scope="row">Thomas Weber</th>' in text
    assert 'for="c-v05-2026-12-02">Antwort von Thomas Weber für Mi., 2. Dez.</label>' in text
    cell = re.search(r'<select id="c-v05-2026-12-02"[^>]*>(.*?)</select>', text, re.S)
    assert cell is not None
    assert '<option value="" selected>keine Antwort</option>' in cell.group(1)
    assert 'hx-post="/availability/2026-12/v05/2026-12-02"' in text
    assert 'hx-params="a.v05.2026-12-02"' in text
    # away: words, no choice
    assert 'name="a.v03.2026-12-16"' not in text
    assert '<span class="away">abwesend</span>' in text
    assert "v05" not in re.sub(r'(id|for|name|hx-post|hx-params)="[^"]*"', "", text)
    grid = client.get("/api/months/2026-12/availability").json()
    open_cells = [cell for row in grid["rows"] for cell in row["cells"] if not cell["away"]]
    assert len(grid_form(text)) == 1 + len(open_cells)
    assert len(open_cells) < 30 * 6


def test_saving_the_whole_grid_writes_the_changed_cells(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = poll_file(office).read_text(encoding="utf-8").splitlines()
    fields = grid_form(client.get("/availability/2026-12").text)
    fields["a.v05.2026-12-02"] = "yes"
    fields["a.v01.2026-12-10"] = ""
    fields["a.v30.2026-12-17"] = "maybe"
    answer = client.post("/availability/2026-12", data=fields, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/availability/2026-12?saved=3"
    after = poll_file(office).read_text(encoding="utf-8").splitlines()
    assert [(old, new) for old, new in zip(before, after, strict=True) if old != new] == [
        ("v01,yes,yes,yes,no,yes,yes", "v01,yes,yes,yes,,yes,yes"),
        ("v05,,,,,no,yes", "v05,yes,,,,no,yes"),
        ("v30,no,yes,,yes,no,no", "v30,no,yes,,yes,no,maybe"),
    ]
    [change] = changes(office)
    assert change["key"] == "web.availability_changed_other"
    assert change["params"] == {"count": 3, "month_name": "Dezember 2026"}
    assert change["month"] == "2026-12"
    assert "3 Antworten gespeichert." in client.get(answer.headers["location"]).text
    log = client.get("/changes").text
    assert "Verfügbarkeit für Dezember 2026 geändert: 3 Antworten." in log
    load_office(office)


def test_saving_an_unchanged_grid_writes_nothing(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = poll_file(office).read_bytes()
    fields = grid_form(client.get("/availability/2026-12").text)
    answer = client.post("/availability/2026-12", data=fields, follow_redirects=False)
    assert answer.headers["location"] == "/availability/2026-12?saved=0"
    assert poll_file(office).read_bytes() == before
    assert changes(office) == []
    assert "Nichts geändert." in client.get(answer.headers["location"]).text


def test_htmx_saves_one_cell_and_answers_that_cell(
    client: TestClient, logged_in: str, office: Path
) -> None:
    answer = client.post(
        "/availability/2026-12/v05/2026-12-02",
        data={"a.v05.2026-12-02": "maybe"},
        headers={**headers(logged_in), "HX-Request": "true"},
    )
    assert answer.status_code == 200
    fragment = answer.text.strip()
    assert fragment.startswith('<td id="c-v05-2026-12-02-cell" class="answer-maybe">')
    assert fragment.endswith("</td>")
    assert "<html" not in fragment
    assert '<option value="maybe" selected>vielleicht</option>' in fragment
    assert '<span class="saved" role="status">gespeichert</span>' in fragment
    assert "v05,maybe,,,,no,yes" in poll_file(office).read_text(encoding="utf-8")
    [change] = changes(office)
    assert change["key"] == "web.availability_changed_one"
    assert change["params"] == {"count": 1, "month_name": "Dezember 2026"}


def test_a_cell_posted_without_htmx_goes_back_to_the_page(
    client: TestClient, logged_in: str, office: Path
) -> None:
    answer = client.post(
        "/availability/2026-12/v05/2026-12-02",
        data={"a.v05.2026-12-02": "no", "csrf_token": logged_in},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/availability/2026-12?saved=1"
    assert "v05,no,,,,no,yes" in poll_file(office).read_text(encoding="utf-8")


def test_the_api_sets_answers_and_one_cell(
    client: TestClient, logged_in: str, office: Path
) -> None:
    answer = client.put(
        "/api/months/2026-12/availability",
        json={"v05": {"2026-12-02": "no", "2026-12-16": None}, "v01": {"2026-12-03": "yes"}},
        headers=headers(logged_in),
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["changed"] == 2  # v01's yes was already there
    rows = {row["volunteer"]: row for row in body["grid"]["rows"]}
    assert [cell["answer"] for cell in rows["v05"]["cells"]] == [
        "no",
        None,
        None,
        None,
        None,
        "yes",
    ]
    assert "v05,no,,,,,yes" in poll_file(office).read_text(encoding="utf-8")
    cell = client.put(
        "/api/months/2026-12/availability/v27/2026-12-10",
        json={"answer": "maybe"},
        headers=headers(logged_in),
    )
    assert cell.status_code == 200
    assert cell.json() == {
        "volunteer": "v27",
        "name": load_office(office).volunteer("v27").name,
        "date": "2026-12-10",
        "answer": "maybe",
        "away": False,
        "text": "vielleicht",
        "changed": 1,
    }
    assert "v27,,,,maybe,," in poll_file(office).read_text(encoding="utf-8")
    assert [change["params"]["count"] for change in changes(office)] == [2, 1]


def _as_workbook(office: Path) -> list[list[str]]:
    """The December poll as an Excel workbook instead of CSV; its rows."""
    rows = list(csv.reader(io.StringIO(poll_file(office).read_text(encoding="utf-8"))))
    rows = [rows[0], *reversed(rows[1:])]  # another order than the team's
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(office / "availability" / "2026-12.xlsx")
    poll_file(office).unlink()
    return rows


def test_a_workbook_is_replaced_by_the_answers_entered_here(
    client: TestClient, logged_in: str, office: Path
) -> None:
    rows = _as_workbook(office)
    before = load_office(office).availability[DECEMBER]
    page = client.get("/availability/2026-12").text
    assert (
        "Wenn Sie hier speichern, wird die Tabelle durch die hier eingetragenen Antworten ersetzt."
        in page
    )
    assert client.get("/api/months/2026-12/availability").json()["source"] == "xlsx"
    answer = client.put(
        "/api/months/2026-12/availability/v05/2026-12-02",
        json={"answer": "yes"},
        headers=headers(logged_in),
    )
    assert answer.status_code == 200
    assert not (office / "availability" / "2026-12.xlsx").exists()
    written = list(csv.reader(io.StringIO(poll_file(office).read_text(encoding="utf-8"))))
    assert written[0] == ["volunteer", *DAYS]
    # the workbook's rows keep their order; v27 (no answer at all) comes last
    order = [row[0] for row in rows[1:] if row[0] != "v27"] + ["v27"]
    assert [row[0] for row in written[1:]] == order
    expected = dict(before)
    expected[("v05", date(2026, 12, 2))] = "yes"
    assert load_office(office).availability[DECEMBER] == expected
    [change] = changes(office)
    assert change["key"] == "web.availability_replaced_one"
    assert "die Tabelle wurde ersetzt" in client.get("/changes").text


def test_a_month_without_a_poll_gets_one(client: TestClient, logged_in: str, office: Path) -> None:
    grid = client.get("/api/months/2027-01/availability").json()
    assert grid["source"] == "none"
    days = [column["date"] for column in grid["columns"]]
    assert days[0] == "2027-01-06"  # the Christmas closure lasts to the 3rd
    assert all(cell["answer"] is None for row in grid["rows"] for cell in row["cells"])
    answer = client.put(
        f"/api/months/2027-01/availability/v02/{days[1]}",
        json={"answer": "yes"},
        headers=headers(logged_in),
    )
    assert answer.status_code == 200
    lines = (office / "availability" / "2027-01.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "volunteer," + ",".join(days)
    assert [line.split(",")[0] for line in lines[1:]] == [f"v{n:02d}" for n in range(1, 31)]
    assert lines[2] == "v02,," + "yes" + "," * (len(days) - 2)


def test_people_who_left_are_not_asked_and_are_away_after_their_last_day(
    client: TestClient, logged_in: str, office: Path
) -> None:
    team = office / "volunteers.yaml"
    text = team.read_text(encoding="utf-8")
    text = text.replace(
        "    max_per_month: 2\n  - id: v06\n",
        "    max_per_month: 2\n    left: 2026-12-09\n  - id: v06\n",
    )
    text = text.replace(
        "    weekdays: [wednesday]\n    max_per_month: 3\n  - id: v07\n",
        "    weekdays: [wednesday]\n    max_per_month: 3\n    left: 2026-11-30\n  - id: v07\n",
    )
    team.write_text(text, encoding="utf-8")
    grid = client.get("/api/months/2026-12/availability").json()
    rows = {row["volunteer"]: row for row in grid["rows"]}
    assert "v06" not in rows
    assert [cell["away"] for cell in rows["v05"]["cells"]] == [False] * 3 + [True] * 3
    refused = client.put(
        "/api/months/2026-12/availability/v06/2026-12-02",
        json={"answer": "yes"},
        headers=headers(logged_in),
    )
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        {"field": "v06.2026-12-02", "message": "Diese Person ist in diesem Monat nicht im Team."}
    ]
