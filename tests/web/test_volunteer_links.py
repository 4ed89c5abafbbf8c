"""The volunteers' page links (issue 15): `roster page link` and `roster page revoke`,
the hashes in ``web/pages.json`` and the address the links start with."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from roster.app.page_links import link_page, page_base, revoke_page
from roster.app.page_tokens import pages_path
from roster.cli import main
from roster.domain.errors import RosterError
from roster.domain.tokens import token_hash
from roster.folder.load import load_office

ADDRESS = "https://dienstplan.example.org"


def _set_address(office: Path, address: str) -> None:
    with (office / "office.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f'feeds: {{base_url: "{address}"}}\n')


def _token_of(output: str, base: str = ADDRESS) -> str:
    found = re.search(re.escape(base) + r"/p/([A-Za-z0-9_-]{43})\b", output)
    assert found is not None, output
    return found.group(1)


def test_link_is_shown_once_and_only_its_hash_is_stored(office: Path) -> None:
    _set_address(office, ADDRESS)
    result = CliRunner().invoke(main, ["page", "link", str(office), "v05"])
    assert result.exit_code == 0, result.output
    token = _token_of(result.output)
    assert "Thomas Weber" in result.output
    stored = pages_path(office).read_text(encoding="utf-8")
    assert token not in stored
    links = json.loads(stored)["links"]
    assert [(item["volunteer"], item["sha256"]) for item in links] == [("v05", token_hash(token))]
    assert stat.S_IMODE(pages_path(office).stat().st_mode) == 0o600
    assert stat.S_IMODE(pages_path(office).parent.stat().st_mode) == 0o700


def test_a_second_link_is_refused_and_points_to_revoke(office: Path) -> None:
    _set_address(office, ADDRESS)
    runner = CliRunner()
    assert runner.invoke(main, ["page", "link", str(office), "v05"]).exit_code == 0
    before = pages_path(office).read_bytes()
    again = runner.invoke(main, ["page", "link", str(office), "v05"])
    assert again.exit_code == 2
    assert f"roster page revoke {office} v05" in again.output
    assert pages_path(office).read_bytes() == before


def test_revoke_makes_the_old_link_404_at_once(office: Path, client: TestClient) -> None:
    _set_address(office, ADDRESS)
    runner = CliRunner()
    old = _token_of(runner.invoke(main, ["page", "link", str(office), "v05"]).output)
    assert client.get(f"/p/{old}").status_code == 200
    result = runner.invoke(main, ["page", "revoke", str(office), "v05"])
    assert result.exit_code == 0, result.output
    new = _token_of(result.output)
    assert new != old
    assert "no longer works" in result.output or "funktioniert nicht mehr" in result.output
    assert client.get(f"/p/{old}").status_code == 404
    assert client.get(f"/p/{new}").status_code == 200


@pytest.mark.parametrize("who", ["v99", "../v01", ""])
def test_unknown_id_exits_2_with_a_plain_message(office: Path, who: str) -> None:
    result = CliRunner().invoke(main, ["page", "link", str(office), who, "--local"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "Niemand im Team" in result.output
    assert not pages_path(office).exists()


def test_a_person_who_left_gets_no_link(office: Path) -> None:
    text = (office / "volunteers.yaml").read_text(encoding="utf-8")
    text = text.replace("    max_per_month: 2\n", "    max_per_month: 2\n    left: 2026-10-31\n", 1)
    (office / "volunteers.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["page", "link", str(office), "v05", "--local"])
    assert result.exit_code == 2, result.output
    assert "Thomas Weber ist nicht mehr im Team" in result.output
    assert not pages_path(office).exists()


def test_without_an_address_no_link_unless_local(office: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    refused = runner.invoke(main, ["page", "link", str(office), "v05"])
    assert refused.exit_code == 2
    assert f"roster page link {office} v05 --local" in refused.output
    assert "base_url" not in refused.output
    assert not pages_path(office).exists()
    png = tmp_path / "v05.png"
    local = runner.invoke(main, ["page", "link", str(office), "v05", "--local", "--png", str(png)])
    assert local.exit_code == 0, local.output
    _token_of(local.output, "http://127.0.0.1:8080")
    assert png.read_bytes().startswith(b"\x89PNG")
    assert stat.S_IMODE(png.stat().st_mode) == 0o600


def test_the_app_sits_at_the_root_of_the_feeds_address(office: Path) -> None:
    _set_address(office, "https://dienstplan.example.org/feeds/")
    data = load_office(office)
    assert page_base(data.office) == "https://dienstplan.example.org"
    issued = link_page(office, "v05")
    assert issued.url.startswith("https://dienstplan.example.org/p/")
    renewed = revoke_page(office, "v05")
    assert renewed.had_link
    assert renewed.url != issued.url


def test_revoke_without_an_address_revokes_nothing(office: Path) -> None:
    issued = link_page(office, "v05", local=True)
    before = pages_path(office).read_bytes()
    with pytest.raises(RosterError):
        revoke_page(office, "v05")
    assert pages_path(office).read_bytes() == before
    assert issued.local
