"""A volunteer's own e-mail switches (issue 16) at ``/p/<token>/messages``: whether the
office sends e-mails, their own address only, one yes/no switch per kind; a plain form
saved with POST-redirect-GET; the file written is exactly what was asked; another
volunteer's token never reads or changes them; unknown and revoked tokens get 404; a
change without the page's CSRF token is refused; German and English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_office import ORIGIN

from roster.app.notify.preferences import (
    Preferences,
    preferences_path,
    read_preferences,
    set_preferences,
)
from roster.app.page_links import link_page, revoke_page
from roster.domain.errors import RosterError

MAIL = "mail: {host: localhost, port: 2525, sender: 'Büro <buero@example.org>', security: none}\n"


def token_of(office: Path, volunteer: str = "v05") -> str:
    """A fresh page link's token."""
    return link_page(office, volunteer, local=True).url.rsplit("/", 1)[1]


def with_mail(office: Path) -> None:
    """The office sends e-mails (a mail server on this machine)."""
    path = office / "office.yaml"
    path.write_text(path.read_text(encoding="utf-8") + MAIL, encoding="utf-8")


def without_address(office: Path, volunteer: str) -> None:
    """The volunteer has no e-mail address in volunteers.yaml."""
    path = office / "volunteers.yaml"
    line = f"    email: {volunteer}@example.org\n"
    content = path.read_text(encoding="utf-8")
    assert line in content
    path.write_text(content.replace(line, ""), encoding="utf-8")


def csrf(client: TestClient, token: str) -> str:
    """The page's CSRF token, from the API."""
    value: str = client.get(f"/api/p/{token}/messages").json()["csrf_token"]
    return value


def stored(office: Path) -> object:
    """The preferences file, parsed."""
    return json.loads(preferences_path(office).read_text(encoding="utf-8"))


def checked(page: str) -> dict[str, str]:
    """Each switch's checked value on the page."""
    return dict(re.findall(r'name="s\.([a-z_]+)" value="(on|off)"[^>]* checked', page))


def test_the_page_shows_the_switches_and_the_own_address(office: Path, client: TestClient) -> None:
    with_mail(office)
    token = token_of(office)
    page = client.get(f"/p/{token}/messages?lang=en")
    assert page.status_code == 200
    body = page.text
    assert "<h1>E-mails from the office</h1>" in body
    assert "We send e-mails to: v05@example.org" in body
    assert "v06@example.org" not in body
    assert checked(body) == {
        "reminder": "on",
        "change": "on",
        "poll": "on",
        "gap_alert": "on",
    }
    assert "Summary for the lead" not in body  # the digest is for leads only
    assert 'for="s-reminder-on"' in body
    assert f'action="/p/{token}/messages"' in body


def test_a_lead_also_switches_the_digest(office: Path, client: TestClient) -> None:
    with_mail(office)
    token = token_of(office, "v01")
    body = client.get(f"/p/{token}/messages?lang=en").text
    assert checked(body)["digest"] == "on"
    assert "Summary for the lead" in body


def test_german_is_the_office_language(office: Path, client: TestClient) -> None:
    token = token_of(office)
    body = client.get(f"/p/{token}/messages").text
    assert '<html lang="de">' in body
    assert "<h1>E-Mails vom Büro</h1>" in body
    assert "Das Büro schickt keine E-Mails." in body
    assert "Erinnerung vor dem Dienst" in body
    assert f'href="/p/{token}/messages?lang=en"' in body


def test_without_mail_the_page_says_so(office: Path, client: TestClient) -> None:
    token = token_of(office)
    body = client.get(f"/p/{token}/messages?lang=en").text
    assert "The office does not send e-mails." in body
    assert "We send e-mails to" not in body


def test_without_an_address_the_page_says_whom_to_tell(office: Path, client: TestClient) -> None:
    with_mail(office)
    without_address(office, "v05")
    token = token_of(office)
    body = client.get(f"/p/{token}/messages?lang=en").text
    assert "We have no e-mail address for you. Tell the office." in body
    assert "@example.org" not in body


def test_saving_the_form_writes_exactly_what_was_asked(office: Path, client: TestClient) -> None:
    with_mail(office)
    token = token_of(office)
    other = token_of(office, "v06")
    set_preferences(office, "v06", ["gap_alert"])
    fields = {
        "csrf_token": csrf(client, token),
        "lang": "en",
        "s.reminder": "off",
        "s.change": "on",
        "s.poll": "off",
        "s.gap_alert": "on",
    }
    answer = client.post(
        f"/p/{token}/messages", data=fields, headers={"Origin": ORIGIN}, follow_redirects=False
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/p/{token}/messages?saved=1&lang=en"
    assert stored(office) == {
        "schema": 1,
        "off": {
            "v05": ["reminder", "poll_invitation", "poll_reminder"],
            "v06": ["gap_alert"],
        },
    }
    assert preferences_path(office).read_text(encoding="utf-8") == (
        "{\n"
        '  "schema": 1,\n'
        '  "off": {\n'
        '    "v05": [\n'
        '      "reminder",\n'
        '      "poll_invitation",\n'
        '      "poll_reminder"\n'
        "    ],\n"
        '    "v06": [\n'
        '      "gap_alert"\n'
        "    ]\n"
        "  }\n"
        "}\n"
    )
    page = client.get(answer.headers["location"]).text
    assert '<p class="v-saved" role="status">Saved.</p>' in page
    assert checked(page) == {"reminder": "off", "change": "on", "poll": "off", "gap_alert": "on"}
    # the other volunteer's page still shows their own switches
    assert checked(client.get(f"/p/{other}/messages").text)["gap_alert"] == "off"
    # everything on again: the volunteer's entry goes
    fields.update({"s.reminder": "on", "s.poll": "on"})
    client.post(f"/p/{token}/messages", data=fields, headers={"Origin": ORIGIN})
    assert stored(office) == {"schema": 1, "off": {"v06": ["gap_alert"]}}


def test_a_switch_left_out_keeps_its_value(office: Path, client: TestClient) -> None:
    token = token_of(office)
    set_preferences(office, "v05", ["change"])
    fields = {"csrf_token": csrf(client, token), "s.reminder": "off"}
    client.post(f"/p/{token}/messages", data=fields, headers={"Origin": ORIGIN})
    assert read_preferences(office).off("v05") == {"reminder", "change"}


def test_the_api_reads_and_sets_the_switches(office: Path, client: TestClient) -> None:
    token = token_of(office, "v02")
    answer = client.put(
        f"/api/p/{token}/messages",
        json={"switches": {"digest": False, "poll": False}},
        headers={"X-CSRF-Token": csrf(client, token), "Origin": ORIGIN},
    )
    assert answer.status_code == 200, answer.text
    switches = {item["key"]: item["on"] for item in answer.json()["switches"]}
    assert switches == {
        "reminder": True,
        "change": True,
        "poll": False,
        "gap_alert": True,
        "digest": False,
    }
    assert stored(office) == {
        "schema": 1,
        "off": {"v02": ["poll_invitation", "poll_reminder", "digest"]},
    }


def test_a_volunteer_cannot_switch_the_digest(office: Path, client: TestClient) -> None:
    token = token_of(office)
    answer = client.put(
        f"/api/p/{token}/messages",
        json={"switches": {"digest": False}},
        headers={"X-CSRF-Token": csrf(client, token), "Origin": ORIGIN},
    )
    assert answer.status_code == 422
    assert not preferences_path(office).exists()
    fields = {"csrf_token": csrf(client, token), "s.digest": "off", "lang": "en"}
    page = client.post(f"/p/{token}/messages", data=fields, headers={"Origin": ORIGIN})
    assert page.status_code == 422
    assert "You cannot choose this e-mail." in page.text
    assert not preferences_path(office).exists()


def test_a_wrong_value_is_refused(office: Path, client: TestClient) -> None:
    token = token_of(office)
    fields = {"csrf_token": csrf(client, token), "s.reminder": "maybe", "lang": "en"}
    page = client.post(f"/p/{token}/messages", data=fields, headers={"Origin": ORIGIN})
    assert page.status_code == 422
    assert "Please choose yes or no." in page.text
    assert not preferences_path(office).exists()


def test_another_token_never_reads_or_changes_them(office: Path, client: TestClient) -> None:
    with_mail(office)
    mine = token_of(office)
    theirs = token_of(office, "v06")
    set_preferences(office, "v05", ["reminder"])
    body = client.get(f"/p/{theirs}/messages?lang=en").text
    assert "v05@example.org" not in body
    assert checked(body)["reminder"] == "on"
    # v06's CSRF token does not carry a change to v05's page, nor v05's to v06's
    fields = {"csrf_token": csrf(client, theirs), "s.reminder": "on"}
    refused = client.post(f"/p/{mine}/messages", data=fields, headers={"Origin": ORIGIN})
    assert refused.status_code == 403
    fields = {"csrf_token": csrf(client, mine), "s.change": "off"}
    refused = client.post(f"/p/{theirs}/messages", data=fields, headers={"Origin": ORIGIN})
    assert refused.status_code == 403
    assert stored(office) == {"schema": 1, "off": {"v05": ["reminder"]}}


def test_csrf_is_required(office: Path, client: TestClient) -> None:
    token = token_of(office)
    fields = {"s.reminder": "off"}
    assert client.post(f"/p/{token}/messages", data=fields).status_code == 403
    fields["csrf_token"] = csrf(client, token)
    foreign = client.post(
        f"/p/{token}/messages", data=fields, headers={"Origin": "https://evil.example"}
    )
    assert foreign.status_code == 403
    assert client.put(f"/api/p/{token}/messages", json={"switches": {}}).status_code == 403
    assert not preferences_path(office).exists()


def test_unknown_and_revoked_tokens_get_404(office: Path, client: TestClient) -> None:
    old = token_of(office)
    revoke_page(office, "v05", local=True)
    assert client.get(f"/p/{old}/messages").status_code == 404
    assert client.get("/p/not-a-token-at-all-0123456789/messages").status_code == 404
    refused = client.post(
        f"/p/{old}/messages", data={"s.reminder": "off"}, headers={"Origin": ORIGIN}
    )
    assert refused.status_code == 404
    assert client.get(f"/api/p/{old}/messages").status_code == 404
    assert not preferences_path(office).exists()


def test_a_damaged_file_is_a_plain_error(office: Path) -> None:
    path = preferences_path(office)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"schema": 1, "off": {"v05": ["never"]}}', encoding="utf-8")
    with pytest.raises(RosterError) as caught:
        read_preferences(office, locale="en")
    assert caught.value.message == (
        "The volunteers' e-mail choices cannot be read. Ask the person who looks after "
        "the office's computer to check them."
    )
    with pytest.raises(RosterError):
        set_preferences(office, "v05", ["reminder"])
    assert path.read_text(encoding="utf-8") == '{"schema": 1, "off": {"v05": ["never"]}}'


def test_the_file_is_only_the_owners(office: Path) -> None:
    set_preferences(office, "v05", ["poll_invitation"])
    assert read_preferences(office) == Preferences(
        off_by_volunteer={"v05": ["poll_invitation", "poll_reminder"]}
    )
    assert preferences_path(office).stat().st_mode & 0o777 == 0o600
    with pytest.raises(RosterError):
        set_preferences(office, "nobody", ["reminder"])
