"""What a volunteer's page shows (issue 15): their duties in their language, the team
meeting, the open gaps by need, the changes since the last visit; never client data."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

from roster.app.page_links import link_page
from roster.app.page_tokens import read_pages
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.io import plan_path, read_plan

MARKER = "CLIENT-NOTE-MARKER"


def _token(office: Path, volunteer: str = "v05") -> str:
    return link_page(office, volunteer, local=True).url.rsplit("/", 1)[1]


def test_the_page_speaks_the_office_language_and_switches(office: Path, client: TestClient) -> None:
    token = _token(office)
    german = client.get(f"/p/{token}")
    assert german.status_code == 200
    assert '<html lang="de">' in german.text
    assert "Hallo, Thomas Weber!" in german.text
    assert "Meine Dienste" in german.text
    assert "Donnerstag, 10. Dezember 2026" in german.text
    assert "Offene Sprechstunde" in german.text
    assert "Russisch: Dolmetscher:in fehlt" in german.text
    assert "Montag, 7. Dezember 2026" in german.text  # the team meeting
    assert f'href="/p/{token}?lang=en"' in german.text
    english = client.get(f"/p/{token}?lang=en")
    assert '<html lang="en">' in english.text
    assert "My duties" in english.text
    assert "Thursday, December 10, 2026" in english.text
    assert "Russian: interpreter missing" in english.text
    assert "Meine Dienste" not in english.text
    other = client.get(f"/p/{token}?lang=xx")
    assert '<html lang="de">' in other.text


def test_the_page_has_no_script_and_says_when_calendars_are_not_ready(
    office: Path, client: TestClient
) -> None:
    token = _token(office)
    with (office / "office.yaml").open("a", encoding="utf-8") as handle:
        handle.write('feeds: {base_url: "https://dienstplan.example.org"}\n')
    page = client.get(f"/p/{token}").text
    assert "<script" not in page
    assert "Die Kalender sind noch nicht fertig" in page  # an address, nothing published
    assert 'name="csrf_token"' not in page  # no form to make a link


def test_changes_since_the_last_visit(office: Path, client: TestClient) -> None:
    token = _token(office)
    first = client.get(f"/api/p/{token}").json()["page"]
    assert first["first_visit"] is True
    assert first["changes"] == []
    visit = read_pages(office).visit_of("v05")
    assert visit is not None
    assert visit.duties == ["2026-12-10|open_hours|14:00|counsellor||"]
    again = client.get(f"/api/p/{token}").json()["page"]
    assert (again["first_visit"], again["changes"]) == (False, [])
    # The office plans again: v05 moves from the 10th to the 17th.
    path = office / "rotas" / "2026-12.json"
    plan = json.loads(path.read_text(encoding="utf-8"))
    for session in plan["sessions"]:
        if session["date"] == "2026-12-10":
            session["staff"] = [e for e in session["staff"] if e["volunteer"] != "v05"]
        if session["date"] == "2026-12-17":
            session["staff"].append({"volunteer": "v05", "role": "counsellor"})
    path.write_text(json.dumps(plan), encoding="utf-8")
    changed = client.get(f"/p/{token}?lang=en").text
    assert "New: Thursday, December 17, 2026" in changed
    assert "Cancelled: Thursday, December 10, 2026, 14:00" in changed


def test_client_notes_never_appear_and_case_refs_only_when_enabled(
    office: Path, client: TestClient
) -> None:
    path = office / "appointments" / "2026-12.yaml"
    text = re.sub(r"note:.*", f"note: {MARKER} private", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    token = _token(office, "v01")  # v01 counsels A-2026-017 on the 9th and the 16th
    page = client.get(f"/p/{token}?lang=en").text
    api = client.get(f"/api/p/{token}").text
    assert "appointment in Arabic" in page
    for body in (page, api):
        assert MARKER not in body
        assert "A-2026-017" not in body
    with (office / "office.yaml").open("a", encoding="utf-8") as handle:
        handle.write("feeds: {case_refs: true}\n")
    with_refs = client.get(f"/p/{token}?lang=en").text
    assert "case A-2026-017" in with_refs
    assert "A-2026-020" not in with_refs  # v06's case
    assert MARKER not in with_refs


def _colleagues_on(office: Path, day: str, volunteer: str) -> list[str]:
    """The names of the others on duty with ``volunteer`` on ``day``, from the plan."""
    plan = read_plan(plan_path(office, Month.parse("2026-12")))
    names = {person.id: person.name for person in load_office(office).volunteers}
    session = next(s for s in plan.sessions if s.date.isoformat() == day)
    return sorted(names[e.volunteer] for e in session.staff if e.volunteer != volunteer)


def test_colleagues_are_named_only_when_the_office_allows_it(
    office: Path, client: TestClient
) -> None:
    token = _token(office)
    others = _colleagues_on(office, "2026-12-10", "v05")
    assert others
    hidden = client.get(f"/p/{token}").text
    assert not [name for name in others if name in hidden]
    assert "Namen anderer Personen werden hier nicht gezeigt." in hidden
    with (office / "office.yaml").open("a", encoding="utf-8") as handle:
        handle.write("volunteers: {show_colleagues: true}\n")
    shown = client.get(f"/p/{token}").text
    assert f"Mit: {', '.join(others)}" in shown
    assert "Namen anderer Personen werden hier nicht gezeigt." not in shown
    page = client.get(f"/api/p/{token}").json()["page"]
    duty = next(d for d in page["duties"] if d["date"] == "2026-12-10")
    assert duty["colleagues"] == others
