"""The leads' digest (issue 16): once a day to each lead with an e-mail address, only when
there is something: requests waiting, polls open with who has not answered, gaps of the
next two weeks; the web app's address, never a page link."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from test_kind_support import assert_no_client_data, context, office_copy

from roster.app.duty_requests import DutyRequest, write_requests
from roster.app.notify.due_digest import due_digest
from roster.app.poll_admin import open_poll

TODAY = date(2026, 12, 4)
GAPS_DE = [
    "Do., 10. Dez., 14:00\u201316:00 Uhr: Russisch fehlt",
    "Do., 10. Dez., 14:00\u201316:00 Uhr: Tigrinya fehlt",
    "Do., 17. Dez., 14:00\u201316:00 Uhr: Paschtu fehlt",
    "Do., 17. Dez., 14:00\u201316:00 Uhr: Russisch fehlt",
    "Do., 17. Dez., 14:00\u201316:00 Uhr: Somali fehlt",
    "Do., 17. Dez., 14:00\u201316:00 Uhr: Tigrinya fehlt",
]


def _busy_office(tmp_path: Path, locale: str = "de") -> Path:
    """Two requests waiting, December's poll open until Sun 6 Dec (v27 has not answered),
    the web app's address set; v02 has no e-mail address."""
    folder = office_copy(tmp_path / "office", locale=locale)
    office = folder / "office.yaml"
    office.write_text(
        office.read_text(encoding="utf-8") + "feeds:\n  base_url: https://office.example/feeds\n",
        encoding="utf-8",
    )
    team = folder / "volunteers.yaml"
    text = team.read_text(encoding="utf-8")
    assert "    email: v02@example.org\n" in text
    team.write_text(text.replace("    email: v02@example.org\n", "", 1), encoding="utf-8")
    write_requests(
        folder,
        [
            DutyRequest(
                id="r1",
                kind="step_in",
                volunteer="v07",
                date=date(2026, 12, 10),
                role="counsellor",
                made="2026-12-03T10:00:00Z",
            ),
            DutyRequest(
                id="r2",
                kind="give_back",
                volunteer="v12",
                date=date(2026, 12, 17),
                made="2026-12-03T11:00:00Z",
            ),
        ],
    )
    open_poll(folder, "2026-12", date(2026, 12, 6), now=datetime(2026, 12, 4, 8, tzinfo=UTC))
    return folder


def test_the_digest_goes_to_each_lead_with_an_address(tmp_path: Path) -> None:
    folder = _busy_office(tmp_path)
    notices = due_digest(context(folder, TODAY, off=[("v03", "digest")]))
    assert [(n.key, n.volunteer, n.kind) for n in notices] == [
        ("digest/v01/2026-12-04", "v01", "digest")
    ]
    digest = notices[0]
    assert digest.subject == (
        "Das Büro am Fr., 4. Dez.: 2 Anfragen warten, 1 Umfrage offen, 6 Lücken"
    )
    gaps = "\n".join(f"- {line}" for line in GAPS_DE)
    assert digest.text == (
        "Diese Anfragen warten auf Sie:\n\n"
        "- Jonas Becker kann am Do., 10. Dez. einspringen: Beratung\n"
        "- Maryam Hosseini kann am Do., 17. Dez. nicht kommen\n\n"
        "Umfrage für Dezember (bis So., 6. Dez.): 29 von 30 haben geantwortet.\n\n"
        "Noch nicht geantwortet: Andreas Vogel\n\n"
        f"Lücken in den nächsten zwei Wochen:\n\n{gaps}\n\n"
        "Zur Web-App: https://office.example"
    )
    assert digest.html.startswith(
        "<p>Diese Anfragen warten auf Sie:</p>\n<ul><li>Jonas Becker kann am Do., 10. Dez. "
        "einspringen: Beratung</li>"
    )
    assert "/p/" not in digest.text + digest.html
    assert_no_client_data(notices)
    assert [n.key for n in due_digest(context(folder, TODAY))] == [
        "digest/v01/2026-12-04",
        "digest/v03/2026-12-04",
    ]


def test_the_english_digest(tmp_path: Path) -> None:
    folder = _busy_office(tmp_path, locale="en")
    digest = due_digest(context(folder, TODAY))[0]
    assert digest.subject == ("The office on Fri, Dec 4: 2 requests waiting, 1 poll open, 6 gaps")
    lines = digest.text.splitlines()
    assert lines[0] == "Requests waiting for you:"
    assert "Poll for December (until Sun, Dec 6): 29 of 30 answered." in lines
    assert "Not answered yet: Andreas Vogel" in lines
    assert "Gaps in the next two weeks:" in lines
    assert lines[-1] == "The web app: https://office.example"


def test_only_what_there_is_and_nothing_when_nothing(tmp_path: Path) -> None:
    folder = office_copy(tmp_path / "office")
    gaps_only = due_digest(context(folder, TODAY))
    assert [n.key for n in gaps_only] == [
        "digest/v01/2026-12-04",
        "digest/v02/2026-12-04",
        "digest/v03/2026-12-04",
    ]
    assert gaps_only[0].subject == "Das Büro am Fr., 4. Dez.: 6 Lücken"
    assert gaps_only[0].text.splitlines()[0] == "Lücken in den nächsten zwei Wochen:"
    assert "Web-App" not in gaps_only[0].text  # no address set: none named
    assert due_digest(context(folder, date(2026, 12, 18))) == []
