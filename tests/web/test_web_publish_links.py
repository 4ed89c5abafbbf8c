"""Publish and print, the links (issues 14 and 15): "Make a handout" answers with the
printable handout sheet: the person's page link as text and QR code (never in the change
log or a log line); a second handout shows the same link and writes nothing; an old link
that cannot be shown again is replaced. "Revoke link" makes a calendar link stop working;
the API still makes calendar links. Without the office's public address no link is made."""

from __future__ import annotations

import io
import json
import logging
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_office import START

from calendars.tokens import read_tokens, tokens_path
from roster.app import publish_month
from roster.app.handout import qr_code
from roster.app.page_links import link_page, page_url
from roster.app.page_tokens import PageLink, pages_path, read_pages, write_pages
from roster.app.web_files import changes_path
from roster.domain.tokens import new_token, token_hash
from roster.folder.load import load_office

ADDRESS = "https://ihla.example.org/feeds"
LINK = re.compile(re.escape(ADDRESS) + r"/([A-Za-z0-9_-]{43})\.ics")
PAGE_LINK = re.compile(r"https://ihla\.example\.org/p/([A-Za-z0-9_-]{43})")
NO_ADDRESS = "Noch können keine Links erstellt werden."


@pytest.fixture
def published(office: Path) -> Path:
    """The office, published once, with its public address."""
    rules = office / "office.yaml"
    with rules.open("a", encoding="utf-8") as handle:
        handle.write(f'feeds: {{base_url: "{ADDRESS}"}}\n')
    publish_month(office, "2026-12", now=START)
    return office


def handout(client: TestClient, token: str, volunteer: str = "v02", **fields: str) -> str:
    """Press "Make a handout" for the volunteer: the answer's page."""
    answer = client.post(
        f"/publish/2026-12/handout/{volunteer}",
        data={"csrf_token": token, **fields},
    )
    assert answer.status_code == 200, answer.text
    return answer.text


def link_in(page: str) -> tuple[str, str]:
    """The page link on a handout sheet, and its token."""
    found = PAGE_LINK.search(page)
    assert found is not None, "no link on the sheet"
    return found.group(0), found.group(1)


def change_log(office: Path) -> str:
    return changes_path(office).read_text(encoding="utf-8")


def test_the_handout_shows_the_page_link_and_its_qr_code(
    client: TestClient,
    logged_in: str,
    published: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    other = link_page(published, "v03", now=START).url
    page = client.get("/publish/2026-12").text
    assert "<td>noch kein Link</td>" in page
    assert "Handzettel erstellen</button>" in page
    answer = client.post("/publish/2026-12/handout/v02", data={"csrf_token": logged_in})
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "no-store"
    sheet = answer.text
    url, token = link_in(sheet)
    assert url.startswith("https://ihla.example.org/p/")
    assert [found.group(0) for found in PAGE_LINK.finditer(sheet)] == [url]
    assert other not in sheet and other.rsplit("/", 1)[1] not in sheet
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert token not in logged
    assert f"<code>{url}</code>" in sheet
    assert '<p class="sheet-office">IHLA Integrationsbüro im Rathaus Velbert</p>' in sheet
    assert '<p class="sheet-for">Für Karim Mansour</p>' in sheet
    assert '<h1 id="sheet-title">Ihre eigene Seite</h1>' in sheet
    qr = qr_code(url)
    assert f'<svg class="qr" viewBox="0 0 {qr.size} {qr.size}" role="img"' in sheet
    assert f'<path fill="#000000" d="{qr.path}"/>' in sheet
    assert (
        "<li>Scannen Sie den Code mit der Kamera Ihres Handys. Tippen Sie auf den Link.</li>"
        in (sheet)
    )
    assert "Startbildschirm" in sheet
    assert "Für Karim Mansour wurde ein neuer Link zur Seite erstellt." in sheet
    assert "Drucken Sie diese Seite jetzt aus" in sheet
    assert " style=" not in sheet
    assert "<script>" not in sheet
    # The link opens Karim's page; no calendar link was made.
    assert client.get(f"/p/{token}").status_code == 200
    assert "Karim Mansour" in client.get(f"/p/{token}").text
    assert not tokens_path(published).exists()
    assert page_url(load_office(published), "v02", now=START) == url
    # Neither the link nor its token is kept anywhere but in the answer.
    change = json.loads(change_log(published).splitlines()[-1])
    assert change["key"] == "web.publish_page_link_change"
    assert change["params"] == {"name": "Karim Mansour"}
    assert client.get("/api/changes").json()[0]["what"] == (
        "Link zur persönlichen Seite für Karim Mansour erstellt."
    )
    assert token not in change_log(published)
    assert token not in pages_path(published).read_text(encoding="utf-8")
    assert token not in client.get("/publish/2026-12").text


def test_a_second_handout_shows_the_same_link_and_writes_nothing(
    client: TestClient, logged_in: str, published: Path
) -> None:
    url, _ = link_in(handout(client, logged_in))
    pages = pages_path(published).read_bytes()
    changes = change_log(published)
    again = handout(client, logged_in)
    assert link_in(again)[0] == url
    assert "wurde ein neuer Link zur Seite erstellt" not in again
    assert pages_path(published).read_bytes() == pages
    assert change_log(published) == changes


def test_an_old_link_that_cannot_be_shown_again_is_replaced(
    client: TestClient, logged_in: str, published: Path
) -> None:
    old = new_token()
    record = PageLink(volunteer="v02", sha256=token_hash(old), created="2026-11-01T09:00:00+00:00")
    write_pages(published, read_pages(published).with_link(record))
    assert client.get(f"/p/{old}").status_code == 200
    sheet = handout(client, logged_in)
    _, new = link_in(sheet)
    assert "Der alte Link von Karim Mansour funktioniert nicht mehr." in sheet
    assert client.get(f"/p/{old}").status_code == 404
    assert client.get(f"/p/{new}").status_code == 200


def test_someone_who_has_left_gets_no_sheet(
    client: TestClient, logged_in: str, published: Path
) -> None:
    team = published / "volunteers.yaml"
    text = team.read_text(encoding="utf-8")
    marker = "    name: Karim Mansour\n"
    assert marker in text
    team.write_text(text.replace(marker, marker + "    left: 2026-10-31\n", 1), encoding="utf-8")
    answer = client.post("/publish/2026-12/handout/v02", data={"csrf_token": logged_in})
    assert answer.status_code == 422
    assert "Karim Mansour ist nicht mehr im Team: Es wird kein Link erstellt." in answer.text
    assert PAGE_LINK.search(answer.text) is None
    assert not pages_path(published).exists()


def test_revoking_asks_first_and_the_link_stops_working(
    client: TestClient, logged_in: str, published: Path
) -> None:
    made = client.post("/api/volunteers/v02/link", headers={"X-CSRF-Token": logged_in})
    found = LINK.fullmatch(made.json()["url"])
    assert found is not None
    token = found.group(1)
    tokens = tokens_path(published).read_bytes()
    question = client.post("/publish/2026-12/revoke/v02", data={"csrf_token": logged_in})
    assert question.status_code == 200
    assert "<h1>Den Link von Karim Mansour sperren?</h1>" in question.text
    assert tokens_path(published).read_bytes() == tokens
    assert client.get(f"/{token}.ics").status_code == 200
    answer = client.post(
        "/publish/2026-12/revoke/v02",
        data={"csrf_token": logged_in, "confirm": "yes"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert answer.headers["location"].endswith("#links")
    page = client.get(answer.headers["location"]).text
    assert "Der Link von Karim Mansour funktioniert nicht mehr." in page
    assert client.get(f"/{token}.ics").status_code == 404
    assert read_tokens(published).links == []
    change = json.loads(change_log(published).splitlines()[-1])
    assert change["key"] == "web.publish_revoked_change"
    assert change["params"] == {"name": "Karim Mansour"}


def test_without_a_public_address_no_link_is_made(
    client: TestClient, logged_in: str, office: Path
) -> None:
    publish_month(office, "2026-12", now=START)
    page = client.get("/publish/2026-12").text
    assert NO_ADDRESS in page
    assert "Bitten Sie die Person, die diesen Computer betreut" in page
    assert "Handzettel erstellen</button>" not in page
    assert "127.0.0.1" not in page
    answer = client.post("/publish/2026-12/handout/v02", data={"csrf_token": logged_in})
    assert answer.status_code == 422
    assert NO_ADDRESS in answer.text
    api = client.post("/api/volunteers/v02/link", headers={"X-CSRF-Token": logged_in})
    assert api.status_code == 422
    assert api.json()["detail"].startswith(NO_ADDRESS)
    assert "base_url" not in api.text
    assert "office.yaml" not in api.text
    assert not tokens_path(office).exists()
    assert not pages_path(office).exists()
    assert client.get("/api/volunteers/links").json()["can_link"] is False


def test_before_the_first_publication_the_sheet_has_the_page_link(
    client: TestClient, logged_in: str, office: Path
) -> None:
    rules = office / "office.yaml"
    with rules.open("a", encoding="utf-8") as handle:
        handle.write(f'feeds: {{base_url: "{ADDRESS}"}}\n')
    page = client.get("/publish/2026-12").text
    assert "Veröffentlichen Sie zuerst die Kalender." in page
    assert "Handzettel erstellen</button>" in page
    _, token = link_in(handout(client, logged_in))
    assert client.get(f"/p/{token}").status_code == 200
    assert not tokens_path(office).exists()
    api = client.post("/api/volunteers/v02/link", headers={"X-CSRF-Token": logged_in})
    assert api.status_code == 422


def test_the_api_returns_the_link_once_and_asks_before_replacing_it(
    client: TestClient, logged_in: str, published: Path
) -> None:
    headers = {"X-CSRF-Token": logged_in}
    made = client.post("/api/volunteers/v03/link", headers=headers)
    assert made.status_code == 200
    assert made.headers["cache-control"] == "no-store"
    body = made.json()
    assert LINK.fullmatch(body["url"])
    assert body["webcal"] == "webcal://" + body["url"].removeprefix("https://")
    assert (body["volunteer"], body["name"], body["replaced"]) == ("v03", "Heike Brandt", False)
    assert body["published"] is True
    tokens = tokens_path(published).read_bytes()
    refused = client.post("/api/volunteers/v03/link", headers=headers, json={})
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        {
            "field": "replace",
            "message": "Heike Brandt hat schon einen Link, erstellt am 20. Nov. 2026. Ein neuer "
            "Link macht den alten ungültig: Bestätigen Sie, dass Sie ihn ersetzen wollen.",
        }
    ]
    assert tokens_path(published).read_bytes() == tokens
    wrong = client.post("/api/volunteers/v03/link", headers=headers, json={"replace": "maybe"})
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "replace"
    assert tokens_path(published).read_bytes() == tokens
    replaced = client.post("/api/volunteers/v03/link", headers=headers, json={"replace": True})
    assert replaced.status_code == 200
    assert replaced.json()["replaced"] is True
    assert replaced.json()["url"] != body["url"]
    listing = client.get("/api/volunteers/links").json()
    heike = next(item for item in listing["volunteers"] if item["id"] == "v03")
    assert heike["has_link"] is True
    assert heike["since"] == "2026-11-20"
    assert replaced.json()["url"] not in json.dumps(listing)
    revoked = client.delete("/api/volunteers/v03/link", headers=headers)
    assert revoked.status_code == 200
    assert revoked.json() == {
        "volunteer": "v03",
        "name": "Heike Brandt",
        "had_link": True,
        "text": "Der Link von Heike Brandt funktioniert nicht mehr.",
    }
    again = client.delete("/api/volunteers/v03/link", headers=headers)
    assert again.json()["had_link"] is False
    assert body["url"] not in change_log(published)
    assert replaced.json()["url"].rsplit("/", 1)[1] not in change_log(published)


def test_someone_not_in_the_team_is_404(
    client: TestClient, logged_in: str, published: Path
) -> None:
    headers = {"X-CSRF-Token": logged_in}
    for answer in (
        client.post("/api/volunteers/v99/link", headers=headers),
        client.delete("/api/volunteers/v99/link", headers=headers),
    ):
        assert answer.status_code == 404
        assert answer.json()["detail"] == "Diese Person ist nicht im Team."
    for path in ("/publish/2026-12/handout/v99", "/publish/2026-12/revoke/v99"):
        answer = client.post(path, data={"csrf_token": logged_in, "confirm": "yes"})
        assert answer.status_code == 404
        assert "Diese Person ist nicht im Team." in answer.text
    bad = client.post("/api/volunteers/not%20an%20id/link", headers=headers)
    assert bad.status_code == 422
    assert not tokens_path(published).exists()


def test_the_sheet_prints_on_one_a4_page_and_nothing_else(
    client: TestClient, logged_in: str, published: Path
) -> None:
    weasyprint = pytest.importorskip("weasyprint")
    pypdf = pytest.importorskip("pypdf")
    static = Path(__file__).resolve().parents[2] / "roster" / "web" / "static"
    sheet = handout(client, logged_in)
    url, _ = link_in(sheet)
    html = re.sub(r'<link rel="stylesheet"[^>]*>', "", sheet)
    styles = [weasyprint.CSS(filename=str(static / name)) for name in ("app.css", "publish.css")]
    # The sheet fits on its page: without the cap on its height too.
    uncapped = weasyprint.CSS(
        string="@media print { .handout { height: auto; overflow: visible } }"
    )
    assert len(weasyprint.HTML(string=html).render(stylesheets=[*styles, uncapped]).pages) == 1
    printed = pypdf.PdfReader(
        io.BytesIO(weasyprint.HTML(string=html).write_pdf(stylesheets=styles))
    )
    assert len(printed.pages) == 1
    box = printed.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
    words = " ".join(printed.pages[0].extract_text().split())
    assert "Für Karim Mansour" in words
    assert "So fangen Sie an" in words
    assert url.rsplit("/", 1)[1][:20] in words.replace(" ", "")
    assert "Drucken Sie diese Seite jetzt aus" not in words
    assert "Angemeldet" not in words
    assert "Zurück zu Veröffentlichen und drucken" not in words
