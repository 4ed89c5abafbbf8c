"""Page links derived from the office's page-link key (issue 15, for issue 16's messages):
the office's computer rebuilds a volunteer's live link (:func:`page_url`); revoking kills
the old one; the key is secret; links made before the key keep working but cannot be
rebuilt."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from fastapi.testclient import TestClient
from web_office import START

from roster.app.page_links import link_page, page_url, revoke_page
from roster.app.page_tokens import PageLink, page_key_path, pages_path, read_pages, write_pages
from roster.domain.tokens import new_token, token_hash
from roster.folder.load import load_office

ADDRESS = "https://dienstplan.example.org"


def _set_address(office: Path, address: str = ADDRESS + "/feeds") -> None:
    with (office / "office.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f'feeds: {{base_url: "{address}"}}\n')


def _token(url: str) -> str:
    return url.rsplit("/", 1)[1]


def test_a_derived_link_opens_the_page_and_is_rebuilt_exactly(
    office: Path, client: TestClient
) -> None:
    _set_address(office)
    issued = link_page(office, "v05", now=START)
    assert issued.url.startswith(ADDRESS + "/p/")
    assert len(_token(issued.url)) == 43
    assert client.get(f"/p/{_token(issued.url)}").status_code == 200
    data = load_office(office)
    assert page_url(data, "v05", now=START) == issued.url
    assert page_url(data, "v05", now=START) == issued.url  # the same each time


def test_revoking_kills_the_old_token_and_page_url_gives_the_new(
    office: Path, client: TestClient
) -> None:
    _set_address(office)
    old = link_page(office, "v05", now=START).url
    new = revoke_page(office, "v05", now=START).url
    assert new != old
    assert client.get(f"/p/{_token(old)}").status_code == 404
    assert client.get(f"/p/{_token(new)}").status_code == 200
    assert page_url(load_office(office), "v05", now=START) == new


def test_the_key_is_secret_and_no_token_is_stored(office: Path) -> None:
    _set_address(office)
    first = link_page(office, "v05", now=START).url
    second = link_page(office, "v06", now=START).url
    key = page_key_path(office)
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    assert len(key.read_text(encoding="ascii").strip()) == 64
    stored = pages_path(office).read_text(encoding="utf-8")
    assert _token(first) != _token(second)
    assert _token(first) not in stored and _token(second) not in stored
    links = {item["volunteer"]: item for item in json.loads(stored)["links"]}
    assert links["v05"]["sha256"] == token_hash(_token(first))
    assert links["v05"]["nonce"] != links["v06"]["nonce"]
    assert _token(first) not in key.read_text(encoding="ascii")


def test_the_key_is_made_once(office: Path) -> None:
    link_page(office, "v05", now=START, local=True)
    before = page_key_path(office).read_bytes()
    link_page(office, "v06", now=START, local=True)
    revoke_page(office, "v05", now=START, local=True)
    assert page_key_path(office).read_bytes() == before


def test_page_url_is_none_without_a_link(office: Path) -> None:
    _set_address(office)
    link_page(office, "v06", now=START)
    assert page_url(load_office(office), "v05", now=START) is None
    assert page_url(load_office(office), "v99", now=START) is None


def test_page_url_is_none_without_a_public_address(office: Path) -> None:
    link_page(office, "v05", now=START, local=True)
    assert page_url(load_office(office), "v05", now=START) is None


def test_page_url_is_none_for_a_person_who_has_left(office: Path) -> None:
    _set_address(office)
    link_page(office, "v05", now=START)
    text = (office / "volunteers.yaml").read_text(encoding="utf-8")
    marker = "    name: Thomas Weber\n"
    assert marker in text
    text = text.replace(marker, marker + "    left: 2026-10-31\n", 1)
    (office / "volunteers.yaml").write_text(text, encoding="utf-8")
    assert page_url(load_office(office), "v05", now=START) is None


def test_an_old_link_without_nonce_works_but_cannot_be_rebuilt(
    office: Path, client: TestClient
) -> None:
    _set_address(office)
    token = new_token()
    record = PageLink(
        volunteer="v05", sha256=token_hash(token), created="2026-11-01T09:00:00+00:00"
    )
    write_pages(office, read_pages(office).with_link(record))
    assert "nonce" not in pages_path(office).read_text(encoding="utf-8")
    assert client.get(f"/p/{token}").status_code == 200
    assert page_url(load_office(office), "v05", now=START) is None
    rebuilt = revoke_page(office, "v05", now=START).url
    assert client.get(f"/p/{token}").status_code == 404
    assert page_url(load_office(office), "v05", now=START) == rebuilt


def test_a_replaced_key_gives_no_dead_link(office: Path) -> None:
    _set_address(office)
    link_page(office, "v05", now=START)
    page_key_path(office).write_text("ab" * 32 + "\n", encoding="ascii")
    assert page_url(load_office(office), "v05", now=START) is None
