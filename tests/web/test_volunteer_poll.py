"""The volunteers' poll (issue 15, item 1): the lead opens and closes it with `roster poll`;
a volunteer answers yes / maybe / no per date on their page, changes answers until the
deadline, sees their saved answers; the answers are in the month's poll file (the lead's
grid shows them) with one change-log line; dates they are away are not asked."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient
from web_office import ORIGIN, START, Clock, changes

from roster.app import poll_admin
from roster.app.page_links import link_page
from roster.app.polls import polls_path
from roster.cli import main

POLL = Path("availability") / "2026-12.csv"
ALL_SIX = {
    "2026-12-02": "yes",
    "2026-12-03": "no",
    "2026-12-09": "maybe",
    "2026-12-10": "yes",
    "2026-12-16": "no",
    "2026-12-17": "yes",
}


def token_of(office: Path, volunteer: str = "v05") -> str:
    """A fresh page link's token."""
    return link_page(office, volunteer, local=True).url.rsplit("/", 1)[1]


def open_poll(office: Path, until: str = "2026-11-25", month: str = "2026-12") -> str:
    """Open the poll as `roster poll open` does, on the tests' day (20 November 2026)."""
    return poll_admin.open_poll(office, month, until, now=START)


def csrf(client: TestClient, token: str) -> str:
    """The page's CSRF token, from the API."""
    value: str = client.get(f"/api/p/{token}/poll/2026-12").json()["csrf_token"]
    return value


def row(office: Path, volunteer: str) -> str:
    """The volunteer's line of the poll file."""
    lines = (office / POLL).read_text(encoding="utf-8").splitlines()
    return next(line for line in lines if line.startswith(volunteer + ","))


def form(token: str, csrf_token: str, answers: dict[str, str]) -> dict[str, str]:
    """The poll page's form, filled in."""
    fields = {"csrf_token": csrf_token, "month": "2026-12"}
    fields.update({f"d.{day}": value for day, value in answers.items()})
    return fields


def test_the_lead_opens_and_closes_the_poll_by_command(office: Path) -> None:
    result = CliRunner().invoke(
        main, ["poll", "open", str(office), "--month", "2026-12", "--until", "2099-11-25"]
    )
    assert result.exit_code == 0, result.output
    output = result.output
    assert output == (
        "Die Umfrage für Dezember 2026 ist offen. Die Ehrenamtlichen können auf ihrer Seite "
        "bis Mittwoch, 25. November 2099 antworten.\n"
    )
    stored = json.loads(polls_path(office).read_text(encoding="utf-8"))
    assert stored == {
        "polls": [{"closed": False, "month": "2026-12", "until": "2099-11-25"}],
        "schema": 1,
    }
    assert polls_path(office).stat().st_mode & 0o777 == 0o600
    closed = CliRunner().invoke(main, ["poll", "close", str(office), "--month", "2026-12"])
    assert closed.exit_code == 0
    assert (
        closed.output == "Die Umfrage für Dezember 2026 ist geschlossen. Die Antworten bleiben.\n"
    )
    assert json.loads(polls_path(office).read_text(encoding="utf-8"))["polls"][0]["closed"]


def test_the_commands_refuse_plainly(office: Path) -> None:
    runner = CliRunner()
    never = runner.invoke(main, ["poll", "close", str(office), "--month", "2027-03"])
    assert never.exit_code == 2
    assert "Die Umfrage für März 2027 wurde nie geöffnet." in never.output
    past = runner.invoke(
        main, ["poll", "open", str(office), "--month", "2026-12", "--until", "2020-01-01"]
    )
    assert past.exit_code == 2
    assert "schon vorbei" in past.output
    bad = runner.invoke(
        main, ["poll", "open", str(office), "--month", "2026-12", "--until", "morgen"]
    )
    assert bad.exit_code == 2
    assert "morgen ist kein Datum" in bad.output
    assert not polls_path(office).exists()


def test_a_volunteer_sees_the_dates_in_words_and_answers(
    office: Path, client: TestClient, clock: Clock
) -> None:
    open_poll(office, until="2099-11-25")
    token = token_of(office)
    page = client.get(f"/p/{token}/poll")
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    text = page.text
    assert "Meine Antworten für Dezember 2026" in text
    assert "Mittwoch, 2. Dezember 2026" in text
    assert "13:00–15:30 Uhr · Terminsprechstunde" in text  # noqa: RUF001 - the page's en dash
    assert "Donnerstag, 3. Dezember 2026" in text
    assert "Offene Sprechstunde" in text
    assert 'name="d.2026-12-16"' in text
    assert 'value="no" checked' in text  # v05 answered no on 16 December
    assert "<script" not in text
    assert "v05" not in text
    before = row(office, "v01")
    answer = client.post(
        f"/p/{token}/poll",
        data=form(token, csrf(client, token), ALL_SIX),
        headers={"Origin": ORIGIN},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/p/{token}/poll?month=2026-12&saved=6"
    shown = client.get(answer.headers["location"]).text
    assert "Gespeichert: 6 Tage." in shown
    assert row(office, "v05") == "v05,yes,no,maybe,yes,no,yes"
    assert row(office, "v01") == before  # another volunteer's answers, byte for byte
    assert changes(office)[-1] == {
        "time": "2026-11-20T10:00:00+01:00",
        "who": "v05",
        "key": "volunteer.poll_answered_other",
        "params": {"count": 6, "month_name": "Dezember 2026"},
        "month": "2026-12",
    }


def test_answers_change_until_the_deadline_and_then_are_refused(
    office: Path, client: TestClient, clock: Clock
) -> None:
    open_poll(office, until="2026-11-25")
    token = token_of(office)
    url = f"/api/p/{token}/poll/2026-12"
    headers = {"X-CSRF-Token": csrf(client, token), "Origin": ORIGIN}
    first = client.put(url, json={"answers": ALL_SIX}, headers=headers)
    assert first.status_code == 200, first.text
    assert first.json()["message"] == "Gespeichert: 6 Tage."
    clock.advance(5 * 86400)  # 25 November, 10:00 in Velbert: the last day
    again = client.put(url, json={"answers": {"2026-12-02": "no"}}, headers=headers)
    assert again.status_code == 200
    assert again.json()["saved"] == 1
    assert row(office, "v05") == "v05,no,no,maybe,yes,no,yes"
    dates = client.get(url).json()["poll"]["dates"]
    assert [item["answer"] for item in dates] == ["no", "no", "maybe", "yes", "no", "yes"]
    assert len(changes(office)) == 2
    clock.advance(86400)  # 26 November: too late
    before = (office / POLL).read_bytes()
    late = client.put(url, json={"answers": {"2026-12-02": "yes"}}, headers=headers)
    assert late.status_code == 409
    assert late.json()["detail"] == (
        "Die Umfrage endete am Mittwoch, 25. November 2026. Bitte rufen Sie im Büro an, um "
        "eine Antwort zu ändern."
    )
    page = client.post(
        f"/p/{token}/poll",
        data=form(token, headers["X-CSRF-Token"], {"2026-12-02": "yes"}),
        headers={"Origin": ORIGIN},
    )
    assert page.status_code == 409
    assert "endete am Mittwoch, 25. November 2026" in page.text
    assert 'type="radio"' not in page.text  # the answers shown, not asked
    assert "Vielleicht" in page.text
    assert (office / POLL).read_bytes() == before
    assert len(changes(office)) == 2


def test_the_lead_grid_shows_the_answers(office: Path, client: TestClient, logged_in: str) -> None:
    open_poll(office, until="2026-11-25")
    token = token_of(office)
    saved = client.put(
        f"/api/p/{token}/poll/2026-12",
        json={"answers": ALL_SIX},
        headers={"X-CSRF-Token": csrf(client, token), "Origin": ORIGIN},
    )
    assert saved.status_code == 200
    grid = client.get("/api/months/2026-12/availability").json()
    mine = next(item for item in grid["rows"] if item["volunteer"] == "v05")
    assert [cell["answer"] for cell in mine["cells"]] == ["yes", "no", "maybe", "yes", "no", "yes"]
    latest = client.get("/api/changes").json()[0]
    assert (latest["who"], latest["what"]) == (
        "Thomas Weber",
        "Hat die Umfrage für Dezember 2026 beantwortet: 6 Tage",
    )


def test_away_dates_are_shown_and_not_asked(office: Path, client: TestClient) -> None:
    open_poll(office, until="2026-11-25")
    token = token_of(office, "v03")  # away 14 to 18 December
    poll = client.get(f"/api/p/{token}/poll/2026-12").json()["poll"]
    away = [item["date"] for item in poll["dates"] if item["away"]]
    assert away == ["2026-12-16", "2026-12-17"]
    assert poll["dates"][4]["answer_text"] == "Sie sind nicht da"
    page = client.get(f"/p/{token}/poll").text
    assert 'name="d.2026-12-16"' not in page
    assert "Sie sind nicht da" in page
    before = (office / POLL).read_bytes()
    refused = client.put(
        f"/api/p/{token}/poll/2026-12",
        json={"answers": {"2026-12-16": "yes", "2026-12-02": "no"}},
        headers={"X-CSRF-Token": poll and csrf(client, token), "Origin": ORIGIN},
    )
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        {"field": "2026-12-16", "message": "An diesem Tag sind Sie nicht da."}
    ]
    assert (office / POLL).read_bytes() == before


def test_bad_answers_are_marked_next_to_their_date_and_nothing_is_written(
    office: Path, client: TestClient
) -> None:
    open_poll(office, until="2026-11-25")
    token = token_of(office)
    before = (office / POLL).read_bytes()
    page = client.post(
        f"/p/{token}/poll",
        data=form(token, csrf(client, token), {"2026-12-02": "yes", "2026-12-03": "perhaps"}),
        headers={"Origin": ORIGIN},
    )
    assert page.status_code == 422
    assert "Bitte wählen Sie Ja, Vielleicht oder Nein." in page.text
    assert 'aria-describedby="e-2026-12-03"' in page.text
    assert 'id="e-2026-12-03"' in page.text
    assert 'value="yes" checked' in page.text  # the choice is kept
    wrong_day = client.put(
        f"/api/p/{token}/poll/2026-12",
        json={"answers": {"2026-12-05": "yes"}},
        headers={"X-CSRF-Token": csrf(client, token), "Origin": ORIGIN},
    )
    assert wrong_day.status_code == 422
    assert wrong_day.json()["errors"] == [
        {"field": "2026-12-05", "message": "Dieser Tag ist nicht in der Umfrage."}
    ]
    assert (office / POLL).read_bytes() == before
    assert changes(office) == []


def test_english_page(office: Path, client: TestClient) -> None:
    open_poll(office, until="2026-11-25")
    token = token_of(office)
    page = client.get(f"/p/{token}/poll?lang=en")
    assert '<html lang="en">' in page.text
    assert "My answers for December 2026" in page.text
    assert "Wednesday, December 2, 2026" in page.text
    assert "You can answer until Wednesday, November 25, 2026." in page.text
    assert "Save my answers" in page.text
    assert 'name="lang" value="en"' in page.text
    saved = client.post(
        f"/p/{token}/poll",
        data={**form(token, csrf(client, token), {"2026-12-03": "yes"}), "lang": "en"},
        headers={"Origin": ORIGIN},
    )
    assert saved.status_code == 200
    assert "Saved: 1 date." in saved.text
    assert '<html lang="en">' in saved.text


def test_no_poll_open(office: Path, client: TestClient) -> None:
    token = token_of(office)
    page = client.get(f"/p/{token}/poll")
    assert page.status_code == 200
    assert "Gerade ist keine Umfrage offen." in page.text
    assert 'type="radio"' not in page.text
    refused = client.put(
        f"/api/p/{token}/poll/2026-12",
        json={"answers": {"2026-12-02": "yes"}},
        headers={"X-CSRF-Token": csrf(client, token), "Origin": ORIGIN},
    )
    assert refused.status_code == 409
    assert refused.json()["detail"] == "Gerade ist keine Umfrage offen."
