"""The adjust page (issue 14, page 6) on the example office, December 2026, the clock at
20 November: a session's people by name, its gaps with who can close each and why the
others cannot; put in, take out and swap through the page's forms (POST, redirect, GET)
and through the API, each stored as an override and followed by a re-plan that shows
what changed; a refused change is 422 with the reason next to the form and changes no
byte."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_office import ORIGIN

from roster.app.changelog import read_changes
from roster.planfile.io import read_plan

PAGE = "/adjust/2026-12/2026-12-10"
API = "/api/months/2026-12/sessions/2026-12-10"
COMMENTED = """\
# Decisions of the office lead for December.
assign:
  - {volunteer: v02, date: 2026-12-10, role: lead}   # Karim leads on the 10th
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the office folder (the lock files aside)."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith(".roster.lock")
    }


def visible(page: str) -> str:
    """The text a person reads: the main part, without tags."""
    main = page[page.index("<main") :]
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


def staff_of(office: Path, day: str) -> set[tuple[str, str, str | None]]:
    plan = read_plan(office / "rotas" / "2026-12.json")
    session = next(s for s in plan.sessions if str(s.date) == day)
    return {(e.volunteer, e.role, e.language) for e in session.staff}


def api_headers(token: str) -> dict[str, str]:
    return {"X-CSRF-Token": token, "Origin": ORIGIN}


def test_the_page_shows_the_session_by_name(client: TestClient, logged_in: str) -> None:
    answer = client.get(PAGE)
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "no-store"
    page = answer.text
    text = visible(page)
    assert "Offene Sprechstunde, Donnerstag, 10. Dezember 2026" in text
    assert "Karim Mansour" in text
    assert "Leitungsdienst, Beratung auf Arabisch" in text
    assert "Jonas Becker (in Einarbeitung)" in text
    assert "Russisch: 1 Dolmetscher:in fehlt" in text
    assert "Tigrinya: 1 Dolmetscher:in fehlt" in text
    assert "Yonas Tesfay : ist 7.-20. Dez. abwesend" in " ".join(text.split())
    assert '<link rel="stylesheet" href="/static/adjust.css">' in page
    assert page.count('name="csrf_token"') >= 17  # every take-out form, undo-less page
    assert 'href="/plan/2026-12"' in page
    # Names only where a person reads: no volunteer ids, no file names.
    assert not re.search(r"\bv\d\d\b", text)
    assert "overrides" not in text
    assert "<details" in page
    assert client.get("/static/adjust.css").status_code == 200


def test_the_api_gives_needs_with_candidates_and_reasons(
    client: TestClient, logged_in: str
) -> None:
    view = client.get(API).json()
    assert view["session"] == "2026-12-10-open-1400"
    assert view["editable"] is True
    assert [n["language"] for n in view["needs"]] == ["ru", "ti"]
    russian = view["needs"][0]["choice"]
    assert russian["candidates"] == []
    reasons = {r["name"]: r["reason"] for r in russian["refused"]}
    assert reasons["Olena Kovalenko"] == "hat in der Umfrage für Do., 10. Dez. mit Nein geantwortet"
    assert reasons["Ursula Krämer"] == "spricht Russisch nur auf Grundniveau"
    assert len(russian["refused"]) == 30
    keys = [duty["key"] for duty in view["functions"]]
    assert keys[:3] == ["counsellor", "lead", "interpreter:ar"]
    swap = client.get(API, params={"swap": "v05"}).json()
    assert swap["swap_out"]["name"] == "Thomas Weber"
    assert [c["name"] for c in swap["swap"]["candidates"]] == [
        "Andreas Vogel",
        "Heike Brandt",
        "Michael Schulte",
        "Samira Al-Khatib",
    ]
    chosen = client.get(API, params={"role": "lead"}).json()["chosen"]
    assert chosen["duty"]["text"] == "Leitungsdienst"
    assert all(c["duty"]["role"] == "lead" for c in chosen["candidates"])


def test_take_out_and_put_back_through_the_page(
    client: TestClient, logged_in: str, office: Path
) -> None:
    overrides = office / "overrides" / "2026-12.yaml"
    overrides.parent.mkdir()
    overrides.write_text(COMMENTED, encoding="utf-8")
    page = "/adjust/2026-12/2026-12-03"
    out = client.post(
        page + "/remove",
        data={"csrf_token": logged_in, "volunteer": "v16", "session": "2026-12-03-open-1400"},
        follow_redirects=False,
    )
    assert out.status_code == 303
    assert out.headers["location"] == (
        "/adjust/2026-12/2026-12-03?done=change&session=2026-12-03-open-1400#result"
    )
    assert overrides.read_text(encoding="utf-8") == COMMENTED + (
        "forbid:\n  - {volunteer: v16, date: 2026-12-03}\n"
    )
    assert not any(p == "v16" for p, _, _ in staff_of(office, "2026-12-03"))
    shown = visible(client.get(out.headers["location"]).text)
    assert "Was sich geändert hat" in shown
    assert "Nicht mehr: Olena Kovalenko (Dolmetschen (Ukrainisch))" in shown

    # The gap she leaves offers her again; putting her in lifts the forbid.
    form = client.get(page).text
    assert 'value="v16:interpreter:uk"' in form
    back = client.post(
        page + "/assign",
        data={"csrf_token": logged_in, "pick": "v16:interpreter:uk", "form": "need-2"},
        follow_redirects=False,
    )
    assert back.status_code == 303
    assert overrides.read_text(encoding="utf-8") == COMMENTED + (
        "  - {volunteer: v16, date: 2026-12-03, role: interpreter, language: uk}\n"
    )
    assert ("v16", "interpreter", "uk") in staff_of(office, "2026-12-03")
    plan = read_plan(office / "rotas" / "2026-12.json")
    third = next(s for s in plan.sessions if str(s.date) == "2026-12-03")
    assert [(g.need, g.language) for g in third.uncovered] == [("language", "ru")]
    shown = visible(client.get(back.headers["location"]).text)
    assert "Neu: Olena Kovalenko (Dolmetschen (Ukrainisch))" in shown
    assert "Jetzt fehlt 1 Person (vorher: 2)." in shown
    assert [(c.who, c.key, c.params.get("name")) for c in read_changes(office)] == [
        ("v01", "web.adjust_change_taken_out", "Olena Kovalenko"),
        ("v01", "web.adjust_change_put_in", "Olena Kovalenko"),
    ]
    log = client.get("/changes").text
    assert "Olena Kovalenko am Do., 3. Dez. eingeteilt (Dolmetschen (Ukrainisch))" in log


def test_swap_and_take_out_through_the_api(
    client: TestClient, logged_in: str, office: Path
) -> None:
    swapped = client.post(
        API + "/swap", json={"out": "v05", "in": "v27"}, headers=api_headers(logged_in)
    )
    assert swapped.status_code == 200, swapped.text
    result = swapped.json()
    assert result["what"] == (
        "Thomas Weber am Do., 10. Dez. gegen Andreas Vogel getauscht (Beratung)"
    )
    assert result["can_undo"] is True
    tenth = next(c for c in result["changes"] if c["date"] == "2026-12-10")
    assert [p["name"] for p in tenth["came_in"]] == ["Andreas Vogel"]
    assert [p["name"] for p in tenth["went_out"]] == ["Thomas Weber"]
    staff = staff_of(office, "2026-12-10")
    assert ("v27", "counsellor", None) in staff
    assert not any(p == "v05" for p, _, _ in staff)

    removed = client.post(
        API + "/remove", json={"volunteer": "v10"}, headers=api_headers(logged_in)
    )
    assert removed.status_code == 200, removed.text
    assert removed.json()["what"] == "Gabriele Fuchs am Do., 10. Dez. herausgenommen"
    assert not any(p == "v10" for p, _, _ in staff_of(office, "2026-12-10"))
    assert (office / "overrides" / "2026-12.yaml").read_text(encoding="utf-8") == (
        "assign:\n  - {volunteer: v27, date: 2026-12-10, role: counsellor}\n"
        "forbid:\n  - {volunteer: v05, date: 2026-12-10}\n  - {volunteer: v10, date: 2026-12-10}\n"
    )


def test_the_swap_form_of_the_page(client: TestClient, logged_in: str, office: Path) -> None:
    page = client.get(PAGE, params={"swap": "v05"}).text
    assert 'id="swap"' in page
    assert "Statt Thomas Weber (Beratung)" in visible(page)
    assert 'name="out" value="v05"' in page
    answer = client.post(
        PAGE + "/swap",
        data={"csrf_token": logged_in, "out": "v05", "pick": "v09:counsellor:", "form": "swap"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert ("v09", "counsellor", None) in staff_of(office, "2026-12-10")


def test_a_refused_candidate_is_422_next_to_the_form_and_changes_nothing(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = snapshot(office)
    reason = (
        "Olena Kovalenko kann nicht eingeteilt werden: hat in der Umfrage für Do., 10. Dez. "
        "mit Nein geantwortet."
    )
    page = client.post(
        PAGE + "/assign",
        data={
            "csrf_token": logged_in,
            "pick": "v16:interpreter:ru",
            "form": "chosen",
            "function": "interpreter:ru",
        },
    )
    assert page.status_code == 422
    assert f'<p class="field-error" id="chosen-error">{html.escape(reason)}</p>' in page.text
    assert 'role="alert"' in page.text
    api = client.post(
        API + "/assign",
        json={"volunteer": "v16", "role": "interpreter", "language": "ru"},
        headers=api_headers(logged_in),
    )
    assert api.status_code == 422
    assert api.headers["content-type"] == "application/problem+json"
    assert api.json()["errors"] == [{"field": "volunteer", "message": reason}]
    assert snapshot(office) == before


@pytest.mark.parametrize(
    ("path", "body", "field", "message"),
    [
        (
            API + "/assign",
            {"volunteer": "v99", "role": "counsellor"},
            "volunteer",
            "Diese Person gehört nicht zum Team.",
        ),
        (
            API + "/assign",
            {"volunteer": "v16", "role": "interpreter"},
            "language",
            "Wählen Sie die Sprache.",
        ),
        (
            API + "/remove",
            {"volunteer": "v01"},
            "volunteer",
            "Birgit Sommer hat in dieser Sprechstunde keinen Dienst.",
        ),
        (
            API + "/swap",
            {"out": "v05", "in": "v05"},
            "in",
            "Wählen Sie eine andere Person als die, die geht.",
        ),
        (
            "/api/months/2026-12/sessions/2026-12-05/remove",
            {"volunteer": "v05"},
            "date",
            "Am Samstag, 5. Dezember 2026 gibt es keine Sprechstunde.",
        ),
        (
            "/api/months/2026-12/sessions/2026-11-26/remove",
            {"volunteer": "v05"},
            "date",
            "Dieses Datum liegt nicht in diesem Monat.",
        ),
        (
            "/api/months/2026-12/sessions/2026-12-99/remove",
            {"volunteer": "v05"},
            "date",
            "Das ist kein Datum.",
        ),
        (
            API + "/assign",
            {"volunteer": "v16", "role": "boss"},
            "role",
            "Der Wert passt hier nicht.",
        ),
    ],
)
def test_bad_input_is_422_with_the_plain_reason_and_changes_nothing(
    client: TestClient,
    logged_in: str,
    office: Path,
    path: str,
    body: dict[str, str],
    field: str,
    message: str,
) -> None:
    before = snapshot(office)
    answer = client.post(path, json=body, headers=api_headers(logged_in))
    assert answer.status_code == 422, answer.text
    errors = answer.json()["errors"]
    assert errors[0]["field"] == field
    if field != "role":
        assert errors == [{"field": field, "message": message}]
    assert snapshot(office) == before


def test_a_month_without_a_plan_says_so(client: TestClient, logged_in: str) -> None:
    answer = client.get("/adjust/2027-01/2027-01-07")
    assert answer.status_code == 422
    assert "Für diesen Monat gibt es noch keinen Plan." in answer.text
    assert client.get("/api/months/2027-01/sessions/2027-01-07").status_code == 422
    assert client.get("/adjust/2026-12/20261210").status_code == 422


ROUTES = [
    ("POST", PAGE + "/assign"),
    ("POST", PAGE + "/remove"),
    ("POST", PAGE + "/swap"),
    ("POST", "/adjust/2026-12/undo"),
    ("POST", API + "/assign"),
    ("POST", API + "/remove"),
    ("POST", API + "/swap"),
    ("POST", "/api/months/2026-12/undo"),
]


def test_without_login_pages_go_to_login_and_the_api_is_401(client: TestClient) -> None:
    answer = client.get(PAGE, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/login?next={PAGE}"
    assert client.get(API).status_code == 401
    for method, path in ROUTES:
        answer = client.request(method, path, headers={"Origin": ORIGIN}, follow_redirects=False)
        expected = 401 if path.startswith("/api/") else 303
        assert answer.status_code == expected, path


@pytest.mark.parametrize("token", [None, "wrong-token"], ids=["missing", "wrong"])
def test_a_change_without_the_right_token_is_403_and_changes_nothing(
    client: TestClient, logged_in: str, office: Path, token: str | None
) -> None:
    before = snapshot(office)
    form = {"volunteer": "v05", "out": "v05", "pick": "v27:counsellor:", "date": "2026-12-10"}
    body = {"volunteer": "v05", "out": "v05", "in": "v27"}
    for method, path in ROUTES:
        if path.startswith("/api/"):
            headers = {"Origin": ORIGIN} | ({"X-CSRF-Token": token} if token else {})
            answer = client.request(method, path, json=body, headers=headers)
        else:
            data = form | ({"csrf_token": token} if token else {})
            answer = client.request(method, path, data=data, headers={"Origin": ORIGIN})
        assert answer.status_code == 403, path
    assert snapshot(office) == before
