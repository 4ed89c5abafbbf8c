"""The Team page (issue 14, page 2): the team in words, adding a person and changing one,
through the page and through the API. ``volunteers.yaml`` is edited as a person would
edit it by hand: the new entry is appended, a change touches only its own lines, and
comments, order and the look of every other entry stay byte for byte; each saved change
is one line of the change log with the person's name and nothing else of them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_office import changes

from roster.app.web_files import changes_path
from roster.folder.load import load_office

NEW_ENTRY = """\
  - id: v31
    name: Jonas Neu
    email: jonas@example.org
    roles: [counsellor, interpreter]
    languages: {de: fluent, ar: native}
    weekdays: [wednesday, thursday]
    max_per_month: 2
    hours_per_month: 7.5
    absences:
      - {from: 2026-12-01, to: 2026-12-03}
"""


def team_file(office: Path) -> Path:
    return office / "volunteers.yaml"


def handwritten(office: Path) -> str:
    """The example team as a person might keep it: comments between and after the
    entries and at the ends of lines, a list written as a block, a German weekday."""
    text = team_file(office).read_text(encoding="utf-8")
    text = text.replace(
        "    roles: [lead, counsellor, interpreter]\n",
        "    roles:   # Karim does all three\n      - lead\n      - counsellor\n      - interpreter\n",
    )
    text = text.replace("  - id: v05\n", "  # Thomas joined in 2024\n  - id: v05\n")
    text = text.replace(
        "    weekdays: [thursday]\n    max_per_month: 2\n  - id: v06\n",
        "    weekdays: [Donnerstag]\n    max_per_month: 2\n  - id: v06\n",
    )
    text += "# End of the team. Keep the ids unique.\n"
    team_file(office).write_text(text, encoding="utf-8")
    load_office(office)  # still a valid folder
    return text


def visible(page: str) -> str:
    """What a reader sees of a page: no tags, no link targets."""
    return re.sub(r"<[^>]+>", " ", page)


def test_the_list_shows_the_team_in_words(client: TestClient, logged_in: str) -> None:
    page = client.get("/team")
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    text = visible(page.text)
    assert "Im Team" in text
    assert "30 Personen" in text
    assert "Karim Mansour" in text
    assert "Leitung, Berater:in, Dolmetscher:in" in text
    assert "Arabisch (Muttersprache)" in text
    assert "Englisch (Grundkenntnisse)" in text
    assert "Kurmandschi (fließend)" in text  # the office's own name for kmr
    assert "Mittwoch, Donnerstag" in text
    assert "3 Dienste im Monat" in text
    assert "12 Stunden im Monat" in text  # Samira Al-Khatib, the social worker
    assert "In Einarbeitung" in text  # Jonas Becker
    assert "14. Dez. 2026 bis 18. Dez. 2026" in text  # Heike Brandt is away
    assert "Ehemalige" not in text  # nobody has left
    # People are named by name: no id is shown as text (the e-mail addresses of the
    # example hold ids, so they are left out of the check).
    without_mail = re.sub(r"\S+@\S+", " ", text)
    assert re.search(r"\bv\d\d\b", without_mail) is None
    assert 'href="/team/v02"' in page.text
    assert 'href="/team/new"' in page.text
    assert '<th scope="col">' in page.text
    assert '<link rel="stylesheet" href="/static/team.css">' in page.text
    assert client.get("/static/team.css").status_code == 200


def test_the_api_gives_the_same_team(client: TestClient, logged_in: str) -> None:
    team = client.get("/api/team").json()
    assert team["locale"] == "de"
    assert team["today"] == "2026-11-20"
    assert len(team["active"]) == 30
    assert team["former"] == []
    assert team["active_text"] == "30 Personen"
    (karim,) = [person for person in team["active"] if person["id"] == "v02"]
    assert karim["roles"] == ["lead", "counsellor", "interpreter"]
    assert karim["role_texts"] == ["Leitung", "Berater:in", "Dolmetscher:in"]
    assert karim["languages"][1] == {
        "code": "ar",
        "name": "Arabisch",
        "level": "native",
        "level_text": "Muttersprache",
        "text": "Arabisch (Muttersprache)",
    }
    assert karim["weekday_texts"] == ["Donnerstag"]
    assert karim["max_text"] == "3 Dienste im Monat"
    assert karim["left"] is None
    assert karim["active"] is True
    (heike,) = [person for person in team["active"] if person["id"] == "v03"]
    assert heike["absences"] == [
        {
            "from": "2026-12-14",
            "to": "2026-12-18",
            "text": "14. Dez. 2026 bis 18. Dez. 2026",
            "past": False,
        }
    ]
    assert client.get("/api/team/v03").json() == heike


def test_the_form_to_add_suggests_the_next_free_id(client: TestClient, logged_in: str) -> None:
    page = client.get("/team/new")
    assert page.status_code == 200
    assert 'name="id" type="text" value="v31"' in page.text
    assert '<input type="hidden" name="csrf_token"' in page.text
    # The session weekdays of the office first: Wednesday and Thursday.
    days = re.findall(r'name="weekdays" value="(\w+)"', page.text)
    assert days[:3] == ["wednesday", "thursday", "monday"]
    assert len(days) == 7
    assert re.findall(r'name="roles" value="(\w+)"', page.text) == [
        "counsellor",
        "interpreter",
        "lead",
        "social_worker",
    ]
    assert '<option value="kmr">Kurmandschi</option>' in page.text
    assert '<option value="sw">Suaheli</option>' in page.text  # from all languages
    for label in re.findall(r'<label[^>]* for="([^"]+)"', page.text):
        assert f'id="{label}"' in page.text, label
    for tag in re.findall(r"<(?:input|select)\b[^>]*>", page.text):
        if 'type="hidden"' in tag or 'type="checkbox"' in tag:
            continue  # a checkbox sits inside its label
        (field_id,) = re.findall(r'\bid="([^"]+)"', tag)
        assert f'for="{field_id}"' in page.text, tag
    ids = re.findall(r'\bid="([^"]+)"', page.text)
    assert len(ids) == len(set(ids))
    for shown in (page.text, client.get("/team").text, client.get("/team/v02").text):
        assert " style=" not in shown
        assert "<style" not in shown
        assert re.search(r"<script(?![^>]*src=)", shown) is None


def test_adding_a_person_from_the_form_appends_their_entry(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = team_file(office).read_text(encoding="utf-8")
    answer = client.post(
        "/team/new",
        data={
            "csrf_token": logged_in,
            "id": "v31",
            "name": "  Jonas Neu ",
            "email": "jonas@example.org",
            "roles": ["counsellor", "interpreter"],
            "language": ["de", "ar", ""],
            "level": ["fluent", "native", ""],
            "weekdays": ["wednesday", "thursday"],
            "max_per_month": "2",
            "hours_per_month": "7,5",
            "absence_from": ["2026-12-01", ""],
            "absence_to": ["03.12.2026", ""],
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == "/team?done=added&who=v31"
    assert team_file(office).read_text(encoding="utf-8") == before + NEW_ENTRY
    (line,) = changes(office)
    assert line["who"] == "v01"
    assert line["key"] == "web.team_change_added"
    assert line["params"] == {"name": "Jonas Neu"}
    assert "jonas@example.org" not in changes_path(office).read_text(encoding="utf-8")
    listed = client.get(answer.headers["location"]).text
    assert "Jonas Neu ist jetzt im Team." in listed
    assert "31 Personen" in listed
    changes_page = client.get("/changes").text
    assert "Jonas Neu ins Team aufgenommen." in changes_page


def test_adding_keeps_comments_and_every_other_entry_byte_for_byte(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = handwritten(office)
    answer = client.post(
        "/api/team",
        json={
            "name": "Jonas Neu",
            "email": "jonas@example.org",
            "roles": ["interpreter", "counsellor"],
            "languages": {"de": "fluent", "ar": "native"},
            "weekdays": ["thursday", "wednesday", "thursday"],
            "max_per_month": 2,
            "hours_per_month": 7.5,
            "absences": [{"from": "2026-12-01", "to": "2026-12-03"}],
        },
        headers={"X-CSRF-Token": logged_in},
    )
    assert answer.status_code == 201, answer.text
    added = answer.json()
    assert added["id"] == "v31"  # no id given: the next free one
    assert added["role_texts"] == ["Dolmetscher:in", "Berater:in"]
    assert added["hours_text"] == "7,5 Stunden im Monat"
    entry = NEW_ENTRY.replace("[counsellor, interpreter]", "[interpreter, counsellor]")
    ending = "# End of the team. Keep the ids unique.\n"
    assert before.endswith(ending)
    # The comment at the end of the file stays at its end, after the new entry.
    expected = before.removesuffix(ending) + entry + ending
    assert team_file(office).read_text(encoding="utf-8") == expected


def test_changing_a_person_touches_only_what_changed(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = handwritten(office)
    form = client.get("/team/v02").text
    assert 'value="Karim Mansour"' in form
    assert 'name="id"' not in form  # the id is fixed once given
    answer = client.post(
        "/team/v02",
        data={
            "csrf_token": logged_in,
            "name": "Karim Mansour",
            "email": "v02@example.org",
            "roles": ["lead", "counsellor", "interpreter"],
            "language": ["de", "ar", "en", "fa"],
            "level": ["fluent", "native", "none", "basic"],
            "weekdays": ["thursday"],
            "max_per_month": "5",
            "hours_per_month": "",
            "absence_from": ["2027-01-04"],
            "absence_to": ["2027-01-08"],
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == "/team?done=saved&who=v02"
    expected = before.replace(
        "    languages: {de: fluent, ar: native, en: basic}\n"
        "    weekdays: [thursday]\n"
        "    max_per_month: 3\n",
        "    languages: {de: fluent, ar: native, fa: basic}\n"
        "    weekdays: [thursday]\n"
        "    max_per_month: 5\n"
        "    absences:\n"
        "      - {from: 2027-01-04, to: 2027-01-08}\n",
    )
    assert expected != before
    assert team_file(office).read_text(encoding="utf-8") == expected
    assert "roles:   # Karim does all three\n      - lead\n" in expected
    (line,) = changes(office)
    assert line["key"] == "web.team_change_edited"
    assert line["params"] == {"name": "Karim Mansour"}
    assert (
        "Die Angaben von Karim Mansour sind gespeichert."
        in client.get("/team?done=saved&who=v02").text
    )


def test_a_form_saved_unchanged_leaves_the_file_as_it_was(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = handwritten(office)
    person = client.get("/api/team/v05").json()
    assert person["weekdays"] == ["thursday"]  # written Donnerstag
    answer = client.put(
        "/api/team/v05",
        json={
            "name": person["name"],
            "email": person["email"],
            "roles": person["roles"],
            "languages": {skill["code"]: skill["level"] for skill in person["languages"]},
            "weekdays": person["weekdays"],
            "max_per_month": person["max_per_month"],
        },
        headers={"X-CSRF-Token": logged_in},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json() == person
    assert team_file(office).read_text(encoding="utf-8") == before
    assert "weekdays: [Donnerstag]" in before


@pytest.mark.parametrize(
    ("change", "old", "new"),
    [
        (
            {"trainee": True},
            "    max_per_month: 4\n  - id: v02",
            "    max_per_month: 4\n    trainee: true\n  - id: v02",
        ),
        (
            {"weekdays": []},
            "    weekdays: [wednesday, thursday]\n    max_per_month: 4\n  - id: v02",
            "    max_per_month: 4\n  - id: v02",
        ),
        ({"email": ""}, "    email: v01@example.org\n", ""),
    ],
    ids=["add-trainee", "no-weekdays", "no-email"],
)
def test_the_api_changes_one_key(
    client: TestClient,
    logged_in: str,
    office: Path,
    change: dict[str, object],
    old: str,
    new: str,
) -> None:
    before = team_file(office).read_text(encoding="utf-8")
    body: dict[str, object] = {
        "name": "Birgit Sommer",
        "email": "v01@example.org",
        "roles": ["lead", "counsellor"],
        "languages": {"de": "native", "en": "fluent"},
        "weekdays": ["wednesday", "thursday"],
        "max_per_month": 4,
        **change,
    }
    answer = client.put("/api/team/v01", json=body, headers={"X-CSRF-Token": logged_in})
    assert answer.status_code == 200, answer.text
    assert before.count(old) == 1
    assert team_file(office).read_text(encoding="utf-8") == before.replace(old, new)
