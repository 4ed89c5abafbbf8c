"""Undo of the adjust page's last change (issue 14, page 6): offered on the page after a
change, it puts the plan and the overrides back byte for byte and shows what changed back;
it refuses in plain words when the files changed since. And a change while someone else
holds the folder's lock is 409 and writes nothing."""

from __future__ import annotations

import html
import re
import stat
from pathlib import Path

from fastapi.testclient import TestClient
from web_office import headers

from roster.app.changelog import read_changes
from roster.domain.lock import folder_lock

PAGE = "/adjust/2026-12/2026-12-10"
API = "/api/months/2026-12/sessions/2026-12-10"
BUSY = "Gerade speichert jemand anderes; versuchen Sie es gleich noch einmal."


def inputs(folder: Path) -> dict[str, bytes]:
    """The office's files besides the web app's own."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and not path.name.startswith(".roster.lock")
        and path.relative_to(folder).parts[0] != "web"
    }


def visible(page: str) -> str:
    main = page[page.index("<main") :]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def test_undo_on_the_page_puts_everything_back(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = inputs(office)
    assert client.get(PAGE).text.count("/undo") == 0
    swapped = client.post(
        API + "/swap", json={"out": "v05", "in": "v27"}, headers=headers(logged_in)
    )
    assert swapped.status_code == 200
    assert inputs(office) != before
    record = office / "web" / "undo" / "2026-12.json"
    assert stat.S_IMODE(record.stat().st_mode) == 0o600

    page = client.get(PAGE).text
    assert 'action="/adjust/2026-12/undo"' in page
    assert (
        "Letzte Änderung: Thomas Weber am Do., 10. Dez. gegen Andreas Vogel getauscht (Beratung)"
        in visible(page)
    )
    undone = client.post(
        "/adjust/2026-12/undo",
        data={"csrf_token": logged_in, "date": "2026-12-10", "session": "2026-12-10-open-1400"},
        follow_redirects=False,
    )
    assert undone.status_code == 303
    assert undone.headers["location"].startswith("/adjust/2026-12/2026-12-10?done=undo")
    assert inputs(office) == before
    shown = visible(client.get(undone.headers["location"]).text)
    assert "Was das Rückgängigmachen zurückgesetzt hat" in shown
    assert "Neu: Thomas Weber (Beratung)" in shown
    assert "Nicht mehr: Andreas Vogel (Beratung)" in shown
    assert 'action="/adjust/2026-12/undo"' not in client.get(PAGE).text
    assert [change.key for change in read_changes(office)] == [
        "web.adjust_change_swapped",
        "web.adjust_change_undone",
    ]
    assert "Letzte Änderung rückgängig gemacht (Do., 10. Dez.)" in client.get("/changes").text


def test_undo_through_the_api_once(client: TestClient, logged_in: str, office: Path) -> None:
    before = inputs(office)
    client.post(API + "/remove", json={"volunteer": "v10"}, headers=headers(logged_in))
    undone = client.post("/api/months/2026-12/undo", headers=headers(logged_in))
    assert undone.status_code == 200, undone.text
    result = undone.json()
    assert result["what"] == "Rückgängig gemacht: Gabriele Fuchs am Do., 10. Dez. herausgenommen"
    assert result["can_undo"] is False
    tenth = next(c for c in result["changes"] if c["date"] == "2026-12-10")
    assert "Gabriele Fuchs" in [p["name"] for p in tenth["came_in"]]
    assert inputs(office) == before
    again = client.post("/api/months/2026-12/undo", headers=headers(logged_in))
    assert again.status_code == 422
    assert again.json()["detail"] == "Es gibt keine Änderung, die sich rückgängig machen lässt."
    assert inputs(office) == before


def test_undo_refuses_after_the_plan_changed(
    client: TestClient, logged_in: str, office: Path
) -> None:
    client.post(API + "/remove", json={"volunteer": "v10"}, headers=headers(logged_in))
    plan = office / "rotas" / "2026-12.json"
    plan.write_bytes(plan.read_bytes().replace(b'"time_limit": 5.0', b'"time_limit": 6.0'))
    before = inputs(office)
    assert "nicht mehr rückgängig machen" in visible(client.get(PAGE).text)
    api = client.post("/api/months/2026-12/undo", headers=headers(logged_in))
    assert api.status_code == 422
    assert "seitdem geändert" in api.json()["detail"]
    page = client.post("/adjust/2026-12/undo", data={"csrf_token": logged_in, "date": "2026-12-10"})
    assert page.status_code == 422
    assert "seitdem geändert" in page.text
    assert inputs(office) == before


def test_a_change_while_the_folder_is_busy_is_409(
    client: TestClient, logged_in: str, office: Path
) -> None:
    before = inputs(office)
    with folder_lock(office, "roster plan"):
        api = client.post(API + "/remove", json={"volunteer": "v10"}, headers=headers(logged_in))
        page = client.post(PAGE + "/remove", data={"csrf_token": logged_in, "volunteer": "v10"})
    assert api.status_code == 409
    assert api.json()["detail"] == BUSY
    assert page.status_code == 409
    assert BUSY in page.text
    assert inputs(office) == before
    assert not (office / "web" / "changes.jsonl").exists()
