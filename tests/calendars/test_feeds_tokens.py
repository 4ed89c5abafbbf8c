"""Secret links: shown once, stored only as hashes, revocable; looked up in constant time
(issue 5, section 3)."""

from __future__ import annotations

import hmac
import json
from pathlib import Path

import pytest
from conftest import publish_october
from feed_offices import NOW, write_office
from feed_plans import october_plan, save

from calendars.feed_refs import FeedRef
from calendars.links import feed_ref, link_feed, revoke_feed
from calendars.publish import PublishReport
from calendars.tokens import find_link, read_tokens
from roster.domain.errors import RosterError
from roster.domain.tokens import token_hash
from roster.folder.load import load_office


def token_of(url: str) -> str:
    return url.rsplit("/", 1)[1].removesuffix(".ics")


def everything_under(folder: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file())


def test_a_link_is_stored_only_as_its_hash(published: PublishReport) -> None:
    folder = published.folder
    issued = link_feed(load_office(folder), FeedRef("volunteer", "v01"), NOW)
    token = token_of(issued.url)
    assert issued.url == f"https://feeds.example.org/ihla/{token}.ics"
    assert len(token) == 43 and issued.published
    stored = json.loads((folder / "feeds" / "tokens.json").read_text())
    assert stored["links"] == [
        {
            "created": "2026-10-01T06:30:15+00:00",
            "feed": "volunteer:v01",
            "file": published.feed(FeedRef("volunteer", "v01")).path.name,
            "sha256": token_hash(token),
        }
    ]
    assert token.encode() not in everything_under(folder)
    assert token[:12].encode() not in everything_under(folder)
    assert find_link(read_tokens(folder), token) is not None


def test_a_second_link_is_refused_and_points_to_revoke(published: PublishReport) -> None:
    first = link_feed(load_office(published.folder), FeedRef("team"), NOW)
    with pytest.raises(RosterError) as caught:
        link_feed(load_office(published.folder), FeedRef("team"), NOW)
    message = str(caught.value)
    assert "already has a feed link, made on 2026-10-01" in message
    assert f"roster feeds revoke {published.folder} --team`" in message
    assert token_of(first.url) not in message and "https://" not in message
    assert len(read_tokens(published.folder).links) == 1


def test_revoke_kills_the_old_link_and_makes_a_new_one(published: PublishReport) -> None:
    folder = published.folder
    ref = FeedRef("volunteer", "v02")
    old = token_of(link_feed(load_office(folder), ref, NOW).url)
    result = revoke_feed(load_office(folder), ref, NOW)
    assert result.had_link and result.new is not None and result.new.replaced
    new = token_of(result.new.url)
    stored = read_tokens(folder)
    assert find_link(stored, old) is None
    found = find_link(stored, new)
    assert found is not None and found.feed == "volunteer:v02"
    assert "no longer works" in result.text(qr=False)
    gone = revoke_feed(load_office(folder), ref, NOW, reissue=False)
    assert gone.had_link and gone.new is None
    assert find_link(read_tokens(folder), new) is None
    assert (
        revoke_feed(load_office(folder), ref, NOW, reissue=False).text()
        == "v02 (Karim Dolmetsch) had no link.\n"
    )


def test_lookup_compares_every_hash_in_constant_time(
    published: PublishReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = published.folder
    tokens = [
        token_of(link_feed(load_office(folder), FeedRef("volunteer", v), NOW).url)
        for v in ("v01", "v02", "v03")
    ]
    stored = read_tokens(folder)
    calls: list[tuple[str, str]] = []
    real = hmac.compare_digest

    def spy(a: str, b: str) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)  # the module calendars.tokens calls
    for token in [*tokens, "x" * 43, ""]:
        calls.clear()
        find_link(stored, token)
        assert len(calls) == 3  # no early exit on a match, no shortcut on a miss
        assert {b for _, b in calls} == {token_hash(token)}


def test_links_need_a_publication_and_a_known_feed(tmp_path: Path) -> None:
    folder = write_office(tmp_path / "office")
    save(folder, october_plan(folder))
    with pytest.raises(RosterError, match="roster publish"):
        link_feed(load_office(folder), FeedRef("team"), NOW)
    publish_october(folder)
    with pytest.raises(RosterError, match="'v99' is not an id"):
        link_feed(load_office(folder), FeedRef("volunteer", "v99"), NOW)
    with pytest.raises(RosterError, match="needs no secret link"):
        link_feed(load_office(folder), FeedRef("public"), NOW)
    with pytest.raises(RosterError, match="Name one feed"):
        feed_ref("v01", team=True)
    with pytest.raises(RosterError, match="Name one feed"):
        feed_ref(None)
    assert feed_ref(None, gaps=True) == FeedRef("gaps")


def test_a_new_link_works_without_publishing_again(published: PublishReport, serve_folder) -> None:  # type: ignore[no-untyped-def]
    server = serve_folder(published.folder)
    url = link_feed(load_office(published.folder), FeedRef("gaps"), NOW).url
    answer = server.get("/" + url.rsplit("/", 1)[1])
    assert answer.status == 200
    assert answer.body == published.feed(FeedRef("gaps")).path.read_bytes()


def test_without_base_url_a_link_is_made_only_when_asked_for_a_local_one(
    published: PublishReport,
) -> None:
    folder = published.folder
    path = folder / "office.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  base_url: https://feeds.example.org/ihla\n", ""
        ),
        encoding="utf-8",
    )
    data = load_office(folder)
    assert data.office.feeds.base_url is None
    ref = FeedRef("volunteer", "v03")
    with pytest.raises(RosterError, match="sets no public address for the feeds") as refused:
        link_feed(data, ref, NOW)
    assert "roster feeds link" in str(refused.value) and "--local" in str(refused.value)
    with pytest.raises(RosterError, match="Nothing was revoked"):
        revoke_feed(data, ref, NOW)
    assert read_tokens(folder).links == []
    issued = link_feed(data, ref, NOW, local=True)
    assert issued.local and issued.url.startswith("http://127.0.0.1:8080/")
    assert "works only on this computer" in issued.text(qr=False)
    assert revoke_feed(data, ref, NOW, reissue=False).had_link  # revoking alone needs no address


def test_with_base_url_a_local_link_is_a_public_one(published: PublishReport) -> None:
    issued = link_feed(load_office(published.folder), FeedRef("team"), NOW, local=True)
    assert not issued.local
    assert issued.url.startswith("https://feeds.example.org/ihla/")
    assert "only on this computer" not in issued.text(qr=False)
