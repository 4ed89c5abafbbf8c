"""Publish and print, the printouts (issue 14, page 7): "Make the printouts" writes the
month's printouts (with the dates the calendar links were made) and lists them in plain
words; each is downloaded by its name from that list, as an attachment of the right kind;
any other name, a path among them, is 404. Without WeasyPrint the page says plainly that
the printouts are web pages to print from the browser."""

from __future__ import annotations

import json
import re
import sys
import types
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from roster.app.web_files import changes_path

HTML_ONLY = (
    "Die Ausdrucke sind Webseiten (HTML), keine PDF-Dateien. Öffnen Sie einen und drucken "
    "Sie ihn aus dem Browser."
)
FAKE_PDF = b"%PDF-1.7\n% a stand-in for WeasyPrint's PDF\n"


@pytest.fixture
def html_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Printing as without the pdf extra: ``import weasyprint`` fails."""
    monkeypatch.setitem(sys.modules, "weasyprint", None)


@pytest.fixture
def with_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stand-in for WeasyPrint that makes a tiny PDF at once (the real one takes
    seconds per month)."""

    class Html:
        def __init__(self, string: str) -> None:
            self.string = string

        def write_pdf(self, font_config: object) -> bytes:
            del font_config
            return FAKE_PDF

    main = types.ModuleType("weasyprint")
    main.HTML = Html  # type: ignore[attr-defined]
    text = types.ModuleType("weasyprint.text")
    fonts = types.ModuleType("weasyprint.text.fonts")
    fonts.FontConfiguration = object  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "weasyprint", main)
    monkeypatch.setitem(sys.modules, "weasyprint.text", text)
    monkeypatch.setitem(sys.modules, "weasyprint.text.fonts", fonts)


def make_printouts(client: TestClient, token: str) -> str:
    """Press "Make the printouts": the page it leads to."""
    answer = client.post(
        "/publish/2026-12/print", data={"csrf_token": token}, follow_redirects=False
    )
    assert answer.status_code == 303
    assert answer.headers["location"].endswith("#printouts")
    page = client.get(answer.headers["location"])
    assert page.status_code == 200
    return page.text


def test_the_printouts_are_made_and_listed_in_plain_words(
    client: TestClient, logged_in: str, office: Path, html_only: None
) -> None:
    before = client.get("/publish/2026-12").text
    assert "Für diesen Monat gibt es noch keine Ausdrucke." in before
    assert HTML_ONLY in before
    page = make_printouts(client, logged_in)
    assert "Die Ausdrucke sind fertig." in page
    assert HTML_ONLY in page
    for row in (
        ("Dienstplan", "rota-2026-12.html"),
        ("Türschild", "door-2026-12.html"),
        ("Tagesordnung der Teamsitzung", "agenda-2026-12.html"),
        ("Terminblatt, Mi., 2. Dezember", "appointments-2026-12-02.html"),
        ("Eigener Plan: Birgit Sommer", "schedule-birgit-sommer-2026-12.html"),
        ("Eigener Plan: Dilan Ayd\u0131n", "schedule-dilan-aydin-2026-12.html"),
    ):
        label, name = row
        link = (
            f'<a href="/publish/2026-12/files/{name}" download '
            f'aria-label="{label} als Webseite">Webseite</a>'
        )
        row_html = rf'<th scope="row">{label}</th>\s*<td>\s*<ul class="downloads">\s*<li>'
        assert re.search(row_html + re.escape(link), page), label
    assert "v01" not in page.split('id="printouts"')[1].split("</section>")[0]
    assert (office / "print" / "people" / "v01-2026-12.html").is_file()
    assert not (office / "print" / "rota-2026-12.pdf").exists()
    change = json.loads(changes_path(office).read_text(encoding="utf-8").splitlines()[-1])
    assert change["key"] == "web.publish_printed_change"
    assert change["params"] == {"month_name": "Dezember 2026"}
    assert change["month"] == "2026-12"


def test_every_download_is_the_file_that_was_made(
    client: TestClient, logged_in: str, office: Path, html_only: None
) -> None:
    listing = client.post("/api/months/2026-12/print", headers={"X-CSRF-Token": logged_in})
    assert listing.status_code == 200
    body = listing.json()
    assert body["pdf"] is False
    assert body["html_only"].startswith(HTML_ONLY)
    files = [item for document in body["documents"] for item in document["files"]]
    people = [item for item in files if item["name"].startswith("schedule-")]
    assert len(people) == 30
    assert len(files) == 3 + 3 + 30
    assert client.get("/api/months/2026-12/print").json() == body
    sources = {
        "rota-2026-12.html": office / "print" / "rota-2026-12.html",
        "appointments-2026-12-09.html": office / "print" / "appointments-2026-12-09.html",
        "schedule-karim-mansour-2026-12.html": office / "print" / "people" / "v02-2026-12.html",
    }
    for item in files:
        answer = client.get(item["url"])
        assert answer.status_code == 200, item
        assert answer.headers["content-type"] == "text/html; charset=utf-8"
        assert answer.headers["content-disposition"] == f'attachment; filename="{item["name"]}"'
        assert answer.headers["cache-control"] == "no-store"
        if item["name"] in sources:
            assert answer.content == sources[item["name"]].read_bytes()


def test_a_name_not_in_the_list_is_404(
    client: TestClient, logged_in: str, office: Path, html_only: None
) -> None:
    make_printouts(client, logged_in)
    (office / "print" / "notes.html").write_text("not a printout", encoding="utf-8")
    for path in (
        "/publish/2026-12/files/notes.html",
        "/publish/2026-12/files/v01-2026-12.html",
        "/publish/2026-12/files/people%2Fv01-2026-12.html",
        "/publish/2026-12/files/..%2F..%2Foffice.yaml",
        "/publish/2026-12/files/%2E%2E",
        "/publish/2026-12/files/%2E%2E%2Fvolunteers.yaml",
        "/publish/2026-11/files/rota-2026-12.html",
        "/publish/2026-12/files/rota-2026-12.pdf",
    ):
        answer = client.get(path)
        assert answer.status_code == 404, path
        assert "content-disposition" not in answer.headers
        assert "Diese Seite gibt es nicht" in answer.text


def test_with_weasyprint_the_pdfs_come_first(
    client: TestClient, logged_in: str, office: Path, with_pdf: None
) -> None:
    page = make_printouts(client, logged_in)
    assert HTML_ONLY not in page
    assert (
        '<li><a href="/publish/2026-12/files/rota-2026-12.pdf" download '
        'aria-label="Dienstplan als PDF">PDF</a></li>'
        '<li><a href="/publish/2026-12/files/rota-2026-12.html" download '
        'aria-label="Dienstplan als Webseite">Webseite</a></li>'
    ) in page
    answer = client.get("/publish/2026-12/files/schedule-birgit-sommer-2026-12.pdf")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.headers["content-disposition"] == (
        'attachment; filename="schedule-birgit-sommer-2026-12.pdf"'
    )
    assert answer.content == FAKE_PDF
    assert (office / "print" / "people" / "v01-2026-12.pdf").read_bytes() == FAKE_PDF


def test_printing_a_month_without_a_plan_makes_nothing(
    client: TestClient, logged_in: str, office: Path, html_only: None
) -> None:
    page = client.post("/publish/2027-01/print", data={"csrf_token": logged_in})
    assert page.status_code == 422
    assert "Januar 2027 ist noch nicht geplant." in page.text
    api = client.post("/api/months/2027-01/print", headers={"X-CSRF-Token": logged_in})
    assert api.status_code == 422
    assert api.json()["detail"].startswith("Januar 2027 ist noch nicht geplant.")
    assert client.get("/api/months/2027-01/print").json()["documents"] == []
    assert not (office / "print").exists()
    assert not changes_path(office).exists()


def test_the_schedules_say_when_the_links_were_made(
    client: TestClient, logged_in: str, office: Path, html_only: None
) -> None:
    make_printouts(client, logged_in)
    schedule = (office / "print" / "people" / "v02-2026-12.html").read_text(encoding="utf-8")
    assert "Für diese Person gibt es noch keinen Kalender-Link." in schedule
