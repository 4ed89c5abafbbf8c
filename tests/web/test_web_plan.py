# ruff: noqa: RUF001 - the en dash between two times is what the page shows
"""The plan page (issue 14, page 5) on the example office: planning runs in a process of
its own and ends with the plan file and a change-log line; the result names people by
name, marks each gap in red with why nobody took it, lists the appointments left out
with their reasons (never a note), and shows the fairness figure and the duties per
person."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_office import ORIGIN, PLAN, with_markers

from roster.app.plan_jobs import planning_job, process_of, stop_all_jobs
from roster.app.web_files import changes_path
from roster.planfile.io import read_plan

MARKER = "CONFIDENTIAL-MARKER"
DONE = "Dezember 2026 ist geplant: 7 Personen fehlen, 4 Termine nicht eingeplant."


@pytest.fixture(autouse=True)
def no_job_left() -> Iterator[None]:
    """No planning process outlives its test."""
    yield
    stop_all_jobs()


def ended(client: TestClient, month: str, seconds: float = 40.0) -> dict[str, object]:
    """The month's job once it is no longer running."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job: dict[str, object] = client.get(f"/api/months/{month}/plan/job").json()
        if job["state"] != "running":
            return job
        time.sleep(0.1)
    raise AssertionError("the planning did not end")


def test_planning_runs_in_the_background_and_records_the_change(
    client: TestClient, logged_in: str, office: Path
) -> None:
    with_markers(office, MARKER)
    started = client.post(
        "/api/months/2026-12/plan",
        json={"thoroughness": "quick"},
        headers={"X-CSRF-Token": logged_in, "Origin": ORIGIN},
    )
    assert started.status_code == 202, started.text
    assert started.headers["location"] == "/api/months/2026-12/plan/job"
    job = started.json()
    assert (job["month"], job["state"], job["thoroughness"]) == ("2026-12", "running", "quick")
    assert job["time_limit"] == 10.0
    assert job["state_text"] == "Die Planung läuft."
    assert job["started"] == "2026-11-20T10:00:00+01:00"  # in the office's time zone
    process = process_of(office)
    assert process is not None
    assert process.pid is not None
    assert process.name == "roster-plan-2026-12"

    finished = ended(client, "2026-12")
    assert finished["state"] == "done", finished
    assert finished["state_text"] == DONE
    assert (finished["gaps"], finished["unscheduled"]) == (7, 4)
    assert finished["penalty"] == finished["bound"] == 143090.0
    assert finished["message"] is None
    assert not process.is_alive()
    assert process.exitcode == 0
    # The plan is written; its planning date is today by the app's clock (20 November),
    # not the date of the plan it replaced (25 November).
    plan = read_plan(office / "rotas" / "2026-12.json")
    assert plan.as_of.isoformat() == "2026-11-20"
    assert json.loads(PLAN.read_text(encoding="utf-8"))["as_of"] == "2026-11-25"
    # One line in the change log, written by the web app's process.
    lines = changes_path(office).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    change = json.loads(lines[0])
    assert change["who"] == "v01"
    assert change["key"] == "web.plan_done"
    assert change["month"] == "2026-12"
    assert change["params"] == {"month_name": "Dezember 2026", "gaps": 7, "unscheduled": 4}
    assert MARKER not in lines[0]
    shown = client.get("/api/changes").json()
    assert shown[0]["what"] == "Dezember 2026 geplant. Lücken: 7; Termine nicht eingeplant: 4."
    assert shown[0]["who"] == "Birgit Sommer"

    # The progress part asks htmx to reload the page, which shows the outcome and the plan.
    fragment = client.get("/plan/2026-12/progress")
    assert fragment.status_code == 200
    assert fragment.headers["hx-refresh"] == "true"
    assert DONE in fragment.text
    assert "hx-trigger" not in fragment.text
    assert "<html" not in fragment.text
    page = client.get("/plan/2026-12")
    assert page.status_code == 200
    assert DONE in page.text
    assert 'http-equiv="refresh"' not in page.text
    assert "Es hat" in page.text
    assert "Birgit Sommer" in page.text
    assert "Neu planen" in page.text
    assert MARKER not in page.text
    api = client.get("/api/months/2026-12/plan").json()
    assert api["job"]["state"] == "done"
    assert api["planned"] is True
    assert api["result"]["planned_on"] == "2026-11-20"
    assert MARKER not in json.dumps(api)


def test_the_plan_names_people_marks_gaps_and_keeps_notes_out(
    client: TestClient, logged_in: str, office: Path
) -> None:
    with_markers(office, MARKER)
    plan = json.loads(PLAN.read_text(encoding="utf-8"))
    answer = client.get("/plan/2026-12")
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "no-store"
    page = answer.text
    assert "<h1>Dezember 2026 planen</h1>" in page
    assert 'aria-current="page">Planen<' in page
    # Sessions with their people by name and what they do, and a link to change each.
    assert "Donnerstag, 3. Dezember 2026, 14:00–16:00: Offene Sprechstunde" in page
    assert (
        '<th scope="row">Heike Brandt</th><td>Berater:in, auf Französisch, Leitungsdienst</td>'
        in page
    )
    assert '<th scope="row">Olena Kovalenko</th><td>Dolmetscher:in für Ukrainisch</td>' in page
    assert "Birgit Sommer" in page
    for day in sorted({session["date"] for session in plan["sessions"]}):
        assert f'href="/adjust/2026-12/{day}"' in page
    assert ">Ändern</a>" in page
    assert 'aria-label="Die Sprechstunde am Donnerstag, 3. Dezember 2026 ändern"' in page
    # Each gap is marked, with its reason, people by name and never by id.
    gaps = sum(len(session["uncovered"]) for session in plan["sessions"])
    assert page.count('<li class="gap">') == gaps == 7
    assert "Lücke: Tigrinya: 1 Dolmetscher:in fehlt (2,2 Besucher:innen erwartet)" in page
    assert "nur Yonas Tesfay spricht Tigrinya gut genug und ist 7.-20. Dez. abwesend" in page
    assert not re.search(r"\bv\d\d\b", page), "a volunteer id is shown"
    # The appointments placed and those left out, by case reference, with reasons.
    assert "13:00–13:30, Tisch 1: Fall A-2026-013, Ukrainisch" in page
    assert "Zweite Berater:in: Petra Lange" in page
    assert "Fall A-2026-014: Tigrinya, 60 Minuten, zwischen Di., 8. Dez. und Fr., 18. Dez." in page
    assert "Yonas Tesfay ist 7.-20. Dez. abwesend" in page
    assert page.count("<li><strong>Fall A-2026-") == len(plan["unscheduled"]) == 4
    assert MARKER not in page
    # The fairness figure and the duties per person, as bars and as numbers.
    assert (
        "Die Dienste je angebotenem Tag unterscheiden sich zwischen den Personen um höchstens "
        "0,67 (Dezember 2026)." in page
    )
    assert "Strafpunkte: 143.090 (nachweislich der beste Plan ohne mehr Leute als nötig)." in page
    assert page.count('<svg class="bar"') == len(plan["load"]) == 30
    most = max(load["duties"] for load in plan["load"])
    assert page.count('width="100.0"') == sum(1 for row in plan["load"] if row["duties"] == most)
    assert re.search(
        r'<th scope="row">Olena Kovalenko</th>\s*<td class="bar-cell">.*?'
        r'<span class="count">4</span>',
        page,
        flags=re.DOTALL,
    )
    # A form to plan again, no progress, no refresh; nothing inline.
    assert 'action="/plan/2026-12"' in page
    assert 'value="quick" checked' in page
    assert "plan-progress" not in page
    assert 'http-equiv="refresh"' not in page
    assert " style=" not in page
    assert "<script>" not in page
    assert '<link rel="stylesheet" href="/static/plan.css">' in page
    assert client.get("/static/plan.css").status_code == 200


def test_the_api_gives_what_the_page_shows(
    client: TestClient, logged_in: str, office: Path
) -> None:
    with_markers(office, MARKER)
    view = client.get("/api/months/2026-12/plan").json()
    assert (view["month"], view["month_text"], view["planned"]) == (
        "2026-12",
        "Dezember 2026",
        True,
    )
    assert view["job"] is None
    assert view["other_job"] is None
    result = view["result"]
    assert result["gaps"] == 7
    assert result["summary"] == "3 von 6 Sprechstunden voll besetzt."
    assert result["fairness"] == 0.6667
    third = next(s for s in result["sessions"] if s["id"] == "2026-12-03-open-1400")
    assert third["gaps"] == [
        {
            "need": "language",
            "language": "ru",
            "missing": 1,
            "what": "Russisch: 1 Dolmetscher:in fehlt (1,6 Besucher:innen erwartet)",
            "reason": "Russisch am Do., 3. Dez.: 3 Personen sprechen Russisch gut genug: Olena "
            "Kovalenko ist in dieser Sprechstunde schon eingeteilt (dolmetscht Ukrainisch); "
            "Irina Petrova hat in der Umfrage für Do., 3. Dez. mit Nein geantwortet; Halyna "
            "Shevchenko ist in dieser Sprechstunde schon eingeteilt (dolmetscht Ukrainisch)",
        }
    ]
    assert third["change"] == "/adjust/2026-12/2026-12-03"
    assert {"name": "Heike Brandt", "task": "Berater:in, auf Französisch, Leitungsdienst"} in (
        third["people"]
    )
    assert [item["case"] for item in result["unscheduled"]] == [
        "A-2026-014",
        "A-2026-016",
        "A-2026-019",
        "A-2026-021",
    ]
    assert result["duties"][0] == {
        "name": "Olena Kovalenko",
        "duties": 4,
        "offered": 4,
        "share": 100.0,
    }
    body = json.dumps(view, ensure_ascii=False)
    assert MARKER not in body
    assert not re.search(r"\bv\d\d\b", body)
    page = client.get("/plan/2026-12").text
    for session in result["sessions"]:
        assert session["heading"] in page
    assert result["fairness_text"] in page


def test_a_month_without_a_plan_offers_to_plan_it(client: TestClient, logged_in: str) -> None:
    page = client.get("/plan/2027-01").text
    assert "Für Januar 2027 gibt es noch keinen Plan." in page
    assert "Der Computer macht den Dienstplan für den ganzen Monat" in page
    assert '<button type="submit">Monat planen</button>' in page
    assert "<legend>Wie lange darf es dauern?</legend>" in page
    assert 'id="thoroughness-quick" name="thoroughness" value="quick" checked' in page
    assert '<label for="thoroughness-thorough">Gründlich (60 Sekunden)</label>' in page
    assert 'name="csrf_token" value="' in page
    view = client.get("/api/months/2027-01/plan").json()
    assert (view["planned"], view["result"], view["job"]) == (False, None, None)
    assert client.get("/api/months/2027-01/plan/job").status_code == 404


def test_the_page_speaks_english_in_an_english_office(
    client: TestClient, logged_in: str, office: Path
) -> None:
    settings = office / "office.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("locale: de", "locale: en"), encoding="utf-8"
    )
    page = client.get("/plan/2026-12").text
    assert '<html lang="en">' in page
    assert "<h1>Plan December 2026</h1>" in page
    assert "Gap: Tigrinya: 1 interpreter missing (2.2 visitors expected)" in page
    assert "Thursday, December 3, 2026, 14:00–16:00: Open hours" in page
    assert ">Change</a>" in page
    assert "Appointments not scheduled" in page
    assert "Duties per person" in page
    assert not re.search(r"\bv\d\d\b", page)
    assert planning_job(office, "2026-12") is None
