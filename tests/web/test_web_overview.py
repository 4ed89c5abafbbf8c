"""The month's overview (issue 14, section 12) on the example office in December 2026:
one application function behind the page and the API; sessions with their staffing from
the plan, poll answers with the names of who is missing, closed dates, the team meeting
and the next step, in the office's words."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

from fastapi.testclient import TestClient
from web_office import EXAMPLE, PLAN

from roster.app import month_overview, publish_month


def test_the_api_gives_the_month_at_a_glance(client: TestClient, logged_in: str) -> None:
    overview = client.get("/api/months/2026-12/overview").json()
    plan = json.loads(PLAN.read_text(encoding="utf-8"))
    assert overview["month"] == "2026-12"
    assert overview["month_text"] == "Dezember 2026"
    assert overview["planned"] is True
    assert overview["planned_on"] == "2026-11-25"
    assert overview["published"] is False
    assert [s["id"] for s in overview["sessions"]] == [s["id"] for s in plan["sessions"]]
    by_id = {s["id"]: s for s in overview["sessions"]}
    third = by_id["2026-12-03-open-1400"]
    assert third["staffing"] == "gaps"
    assert third["gaps"] == 1
    assert third["needs"] == ["1 Dolmetscher:in für Russisch"]
    assert third["staffing_text"] == "1 Person fehlt"
    assert (third["day"], third["start"], third["end"]) == ("Do., 3. Dez.", "14:00", "16:00")
    assert by_id["2026-12-17-open-1400"]["gaps"] == 4
    gaps = sum(u["missing"] for s in plan["sessions"] for u in s["uncovered"])
    assert sum(s["gaps"] for s in overview["sessions"]) == gaps
    assert overview["with_gaps"] == sum(1 for s in plan["sessions"] if s["uncovered"])
    assert overview["unscheduled"] == len(plan["unscheduled"]) == 4
    assert overview["poll"] == {
        "answered": 29,
        "volunteers": 30,
        "missing": ["Andreas Vogel"],
        "summary": "29 von 30 Ehrenamtlichen haben an der Umfrage teilgenommen.",
    }
    assert {c["date"] for c in overview["closed"]} >= {"2026-12-23", "2026-12-24"}
    assert all(c["reason"] for c in overview["closed"])
    assert overview["team_meeting"]["date"] == plan["team_meeting"]["date"]
    assert overview["next_step"]["kind"] == "publish"


def test_the_page_shows_what_the_api_gives(client: TestClient, logged_in: str) -> None:
    overview = client.get("/api/months/2026-12/overview").json()
    page = client.get("/month/2026-12").text
    assert "<h1>Dezember 2026</h1>" in page
    assert overview["next_step"]["text"] in page
    assert "1 Dolmetscher:in für Russisch" in page
    assert "Andreas Vogel" in page
    assert overview["poll"]["summary"] in page
    for closed in overview["closed"]:
        assert closed["reason"] in page
    assert 'aria-current="page">Monat<' in page
    for href in ("/team", "/availability/2026-12", "/plan/2026-12", "/publish/2026-12", "/changes"):
        assert f'href="{href}"' in page
    assert 'href="/month/2026-11"' in page
    assert 'href="/month/2026-12"' in page
    assert 'href="/month/2027-01"' in page
    # No bare ids where a person reads: names only.
    assert "(v" not in page
    assert "v02" not in page


def test_the_home_page_shows_next_month_and_the_switcher_goes_to_a_month(
    client: TestClient, logged_in: str
) -> None:
    home = client.get("/")
    assert "<h1>Dezember 2026</h1>" in home.text  # the clock says 20 November 2026
    switched = client.get("/month", params={"month": "2027-01"}, follow_redirects=False)
    assert switched.status_code == 303
    assert switched.headers["location"] == "/month/2027-01"
    january = client.get("/month/2027-01")
    assert "<h1>Januar 2027</h1>" in january.text
    assert "30 Personen haben an der Umfrage noch nicht teilgenommen." in january.text


def test_the_next_step_follows_the_month(tmp_path: Path) -> None:
    office = tmp_path / "office"
    shutil.copytree(EXAMPLE, office)
    before = month_overview(office, "2026-12", date(2026, 11, 20))
    assert before.planned is False
    assert {s.staffing for s in before.sessions} == {"not_planned"}
    assert before.next_step.kind == "poll"
    assert before.next_step.text == (
        "1 Person hat an der Umfrage noch nicht teilgenommen. Erinnern Sie sie, oder planen "
        "Sie ohne die Antwort."
    )
    january = month_overview(office, "2027-01", date(2026, 11, 20))
    assert january.poll.answered == 0
    assert january.next_step.kind == "poll"
    (office / "rotas").mkdir()
    shutil.copyfile(PLAN, office / "rotas" / "2026-12.json")
    assert month_overview(office, "2026-12", date(2026, 11, 20)).next_step.kind == "publish"
    assert month_overview(office, "2026-12", date(2027, 1, 2)).next_step.kind == "past"
    publish_month(office, "2026-12", now=datetime(2026, 11, 26, 9, 0, tzinfo=UTC))
    published = month_overview(office, "2026-12", date(2026, 11, 26))
    assert published.published is True
    assert published.next_step.kind == "done"
    assert published.next_step.text == "Der Monat ist geplant und veröffentlicht."


def test_a_person_who_left_before_the_month_is_not_asked_for_the_poll(tmp_path: Path) -> None:
    office = tmp_path / "office"
    shutil.copytree(EXAMPLE, office)
    before = month_overview(office, "2026-12", date(2026, 11, 20))
    assert len(before.poll.missing) == 1
    missing = before.poll.missing[0]
    team = (office / "volunteers.yaml").read_text(encoding="utf-8")
    entry = f"    name: {missing}\n"
    assert entry in team
    (office / "volunteers.yaml").write_text(
        team.replace(entry, f"{entry}    left: 2026-11-30\n"), encoding="utf-8"
    )
    after = month_overview(office, "2026-12", date(2026, 11, 20))
    assert after.poll.missing == []
    assert after.poll.volunteers == before.poll.volunteers - 1
    assert after.poll.answered == before.poll.answered
