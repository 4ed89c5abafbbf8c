"""A person who leaves the office (issue 14, page 2): the Team page sets their last day
(default: today in the office's time zone); they stay in ``volunteers.yaml`` (past plans
keep their duties), are listed as former volunteers once the day is past, and are never
offered or planned after it; coming back removes the last day, and the file is as it
was."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient
from web_office import Clock

from roster.app.web_files import changes_path
from roster.checking.people import offered_day
from roster.folder.load import load_office
from solver.availability import poll_status

HOUR = 3600


def team_file(office: Path) -> Path:
    return office / "volunteers.yaml"


def change_lines(office: Path) -> list[dict[str, object]]:
    return [
        json.loads(line) for line in changes_path(office).read_text(encoding="utf-8").splitlines()
    ]


def test_leaving_from_the_page_sets_today_as_the_last_day_and_coming_back_undoes_it(
    client: TestClient, logged_in: str, office: Path, clock: Clock
) -> None:
    before = team_file(office).read_text(encoding="utf-8")
    page = client.get("/team/v05").text
    assert 'name="last_day" type="date" value="2026-11-20"' in page  # today, in Velbert
    answer = client.post(
        "/team/v05/leave", data={"csrf_token": logged_in, "last_day": ""}, follow_redirects=False
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/team?done=left&who=v05"
    assert team_file(office).read_text(encoding="utf-8") == before.replace(
        "    max_per_month: 2\n  - id: v06\n",
        "    max_per_month: 2\n    left: 2026-11-20\n  - id: v06\n",
    )
    listed = client.get(answer.headers["location"]).text
    assert (
        "Gespeichert: Der letzte Tag von Thomas Weber im Büro ist der Fr., 20. Nov. 2026. "
        "Danach wird Thomas Weber nicht mehr eingeplant."
    ) in listed
    # Today is still their day: in the team, with the last day shown.
    assert "Ehemalige Ehrenamtliche" not in listed
    assert "Letzter Tag: Fr., 20. Nov. 2026" in listed
    # Past midnight in Velbert (the session kept alive on the way): the day is past.
    clock.advance(8 * HOUR)
    assert client.get("/api/team").json()["former"] == []
    clock.advance(7 * HOUR)
    team = client.get("/api/team").json()
    assert team["today"] == "2026-11-21"
    assert [person["name"] for person in team["former"]] == ["Thomas Weber"]
    assert team["active_text"] == "29 Personen"
    assert "Ehemalige Ehrenamtliche" in client.get("/team").text

    back = client.post("/team/v05/return", data={"csrf_token": logged_in}, follow_redirects=False)
    assert back.status_code == 303
    assert back.headers["location"] == "/team?done=returned&who=v05"
    assert team_file(office).read_text(encoding="utf-8") == before
    assert "Thomas Weber ist wieder im Team." in client.get(back.headers["location"]).text
    lines = change_lines(office)
    assert [(line["key"], line["params"]) for line in lines] == [
        ("web.team_change_left", {"name": "Thomas Weber", "day": "Fr., 20. Nov. 2026"}),
        ("web.team_change_returned", {"name": "Thomas Weber"}),
    ]
    assert all(line["who"] == "v01" for line in lines)


def test_a_person_who_left_is_never_offered_or_planned_after_their_last_day(
    client: TestClient, logged_in: str, office: Path
) -> None:
    answer = client.post(
        "/api/team/v02/leave",
        json={"last_day": "2026-12-09"},
        headers={"X-CSRF-Token": logged_in},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["left"] == "2026-12-09"
    assert answer.json()["left_text"] == "Mi., 9. Dez. 2026"
    assert answer.json()["active"] is True
    assert "    left: 2026-12-09\n" in team_file(office).read_text(encoding="utf-8")
    data = load_office(office)
    karim = data.volunteer("v02")
    # The poll says yes for 10 December: the last day wins, in the solver and the checker.
    assert data.answer("v02", date(2026, 12, 10)) == "yes"
    expected = {
        date(2026, 12, 3): True,
        date(2026, 12, 9): True,  # the last day itself (answered maybe)
        date(2026, 12, 10): False,
        date(2026, 12, 17): False,
    }
    for day, can in expected.items():
        assert poll_status(data, karim, day).can is can, day
        assert offered_day(data, karim, day).can is can, day
    assert poll_status(data, karim, date(2026, 12, 17)).reason == (
        "has left the office; their last day was Wed 9 Dec"
    )


def test_the_api_takes_today_without_a_day_and_gives_the_person_back(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = team_file(office).read_bytes()
    left = client.post("/api/team/v30/leave", json={}, headers={"X-CSRF-Token": logged_in})
    assert left.status_code == 200
    assert left.json()["left"] == "2026-11-20"
    back = client.post("/api/team/v30/return", headers={"X-CSRF-Token": logged_in})
    assert back.status_code == 200
    assert back.json()["left"] is None
    assert team_file(office).read_bytes() == before


def test_nobody_with_the_id_is_404(client: TestClient, logged_in: str, office: Path) -> None:
    before = team_file(office).read_bytes()
    assert client.get("/team/v99").status_code == 404
    assert client.get("/api/team/v99").status_code == 404
    assert client.get("/team/not%20an%20id").status_code == 422
    body = {"name": "X", "roles": ["counsellor"], "languages": {"de": "native"}}
    assert (
        client.put("/api/team/v99", json=body, headers={"X-CSRF-Token": logged_in}).status_code
        == 404
    )
    assert (
        client.post("/api/team/v99/leave", json={}, headers={"X-CSRF-Token": logged_in}).status_code
        == 404
    )
    page = client.post("/team/v99/return", data={"csrf_token": logged_in})
    assert page.status_code == 404
    assert "Diese Seite gibt es nicht" in page.text
    assert team_file(office).read_bytes() == before
    assert not changes_path(office).exists()
