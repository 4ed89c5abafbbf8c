"""A publication changes as a whole (issue 11, section 4): the feeds and their state are
one set in a generation folder, made current in one step. A run killed at any file
operation, or a full disk, leaves the previous publication; the next run completes the
new one, and SEQUENCE never goes down."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from fault_injection import WRITES, Killed, file_operations
from feed_offices import KEY, NOW
from publication_checks import (
    OCTOBER,
    VARIANTS,
    Subscribers,
    View,
    leftovers,
    moved,
    plain,
    view,
)
from starlette.testclient import TestClient

from calendars import publish as publish_module
from calendars.alarms import FeedAlarms
from calendars.feed_app import feed_app
from calendars.ics import feed_ics
from calendars.publish import PublishReport, publish
from calendars.state import PublishedEvent, feed_files, read_state
from roster import app
from roster.domain.errors import RosterError
from roster.domain.office_data import OfficeData
from roster.folder.load import load_office


def _publish(folder: Path, step: int, data: OfficeData | None = None) -> PublishReport:
    data = data or load_office(folder)
    return publish(data, now=NOW + timedelta(hours=step), month=OCTOBER, uid_key=KEY)


def _reset(folder: Path, feeds: Path) -> None:
    if (folder / "feeds").exists():
        shutil.rmtree(folder / "feeds")
    shutil.copytree(feeds, folder / "feeds", symlinks=True)


@dataclass(frozen=True)
class Chain:
    """The publications of the variants one after the other, without kills: ``DIR/feeds``
    after each step, what it shows, and what publishing the step's input once more shows
    (not the same: an event shown as cancelled then leaves the feed)."""

    copies: list[Path]
    views: list[View]
    again: list[View]


@pytest.fixture
def quick_feeds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kill tests publish the same few feeds hundreds of times: each feed's text is
    made once (:func:`calendars.ics.feed_ics` depends on its arguments only)."""
    made = functools.cache(feed_ics)

    def once(
        name: str,
        events: Sequence[PublishedEvent],
        timezone: str,
        years: tuple[int, int],
        alarms: FeedAlarms | None = None,
    ) -> bytes:
        return made(name, tuple(events), timezone, years, alarms)

    monkeypatch.setattr(publish_module, "feed_ics", once)


@pytest.fixture
def chain(tmp_path: Path, quick_feeds: None) -> Chain:
    folder, twice = tmp_path / "reference", tmp_path / "twice"
    result = Chain([], [], [])
    for step, variant in enumerate((plain, *VARIANTS)):
        variant(folder)
        _publish(folder, step)
        result.views.append(view(folder))
        result.copies.append(
            shutil.copytree(folder / "feeds", tmp_path / f"feeds-{step}", symlinks=True)
        )
        variant(twice)
        _reset(twice, result.copies[-1])
        _publish(twice, step)
        result.again.append(view(twice))
    return result


def test_a_publication_killed_at_any_file_operation_leaves_one_whole_set(
    tmp_path: Path, chain: Chain
) -> None:
    folder = tmp_path / "office"
    outcomes = {"old": 0, "new": 0}
    for step, variant in enumerate(VARIANTS, start=1):
        variant(folder)
        data = load_office(folder)
        _reset(folder, chain.copies[step - 1])
        with file_operations() as done:
            _publish(folder, step, data)
        assert view(folder) == chain.views[step]
        for point in range(1, len(done) + 1):
            where = f"step {step}, killed at file operation {point} of {len(done)}"
            _reset(folder, chain.copies[step - 1])
            subscribers = Subscribers()
            subscribers.see(chain.views[step - 1])
            with pytest.raises(Killed), file_operations(kill_at=point):
                _publish(folder, step, data)
            seen = view(folder)
            assert seen in (chain.views[step - 1], chain.views[step]), where
            assert view(folder, through_pointer=True) == seen, where
            finished = seen == chain.views[step]
            outcomes["new" if finished else "old"] += 1
            subscribers.see(seen)
            _publish(folder, step, data)  # the next run, with the same input
            expected = chain.again[step] if finished else chain.views[step]
            assert view(folder) == expected, where
            assert leftovers(folder) == [], where
            subscribers.see(expected)
    # Kills before the switch leave the old publication, kills after it the new one.
    assert outcomes["old"] > 0 and outcomes["new"] > 0, outcomes


def test_a_full_disk_leaves_the_previous_publication_and_says_so(
    tmp_path: Path, chain: Chain
) -> None:
    folder = tmp_path / "office"
    moved(folder)
    _reset(folder, chain.copies[0])
    with file_operations() as done:
        report = _publish(folder, 1)
    writes = sum(1 for name in done if name in WRITES)
    refused = 0
    for point in range(1, writes + 1):
        where = f"disk full at write {point} of {writes}"
        _reset(folder, chain.copies[0])
        generation = feed_files(folder).current()
        try:
            with file_operations(full_at=point):
                app.publish_month(folder, "2026-10", now=NOW + timedelta(hours=1), uid_key=KEY)
        except RosterError as exc:
            refused += 1
            message = str(exc)
            assert "the disk is full" in message and "free some space" in message, where
            assert message.startswith(str(folder)), where  # names the file or folder
            assert view(folder) == chain.views[0], where
            assert feed_files(folder).current() == generation, where
        else:  # only a folder that was there already, or tidying up after the switch
            assert view(folder) == chain.views[1], where
        assert leftovers(folder) == [], where
    # At least every file with new bytes (the feeds that changed and the state) was refused.
    assert refused >= len(report.written) + 1


def test_unchanged_feeds_keep_their_file_and_time(office: Path) -> None:
    first = publish(load_office(office), now=NOW, month=OCTOBER, uid_key=KEY)
    files = {item.ref.label: item.path.stat() for item in first.feeds}
    moved(office)
    second = publish(load_office(office), now=NOW + timedelta(days=1), month=OCTOBER, uid_key=KEY)
    kept = [item for item in second.feeds if item.path not in second.written]
    assert kept and len(kept) < len(second.feeds)
    for item in kept:
        before, after = files[item.ref.label], item.path.stat()
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    generations = sorted(path.name for path in (office / "feeds" / "generations").iterdir())
    assert generations == ["1", "2"]
    assert (office / "feeds" / "current").readlink() == Path("generations/2")
    moved(office)  # the same again: nothing to publish, no new generation
    third = publish(load_office(office), now=NOW + timedelta(days=2), month=OCTOBER, uid_key=KEY)
    assert third.written == [] and (office / "feeds" / "current").readlink().name == "2"


def test_the_layout_before_generations_is_taken_over_even_when_killed(
    office: Path, tmp_path: Path, quick_feeds: None
) -> None:
    publish(load_office(office), now=NOW, month=OCTOBER, uid_key=KEY)
    before = view(office)
    # The layout roster wrote before: real files and a real folder in feeds/.
    feeds = office / "feeds"
    current = feed_files(office).current()
    assert current is not None
    for name in ("public.ics", "state.json"):
        (feeds / name).unlink()
        shutil.copy(current / name, feeds / name)
    (feeds / "private").unlink()
    shutil.copytree(current / "private", feeds / "private")
    (feeds / "current").unlink()
    shutil.rmtree(feeds / "generations")
    assert view(office) == view(office, through_pointer=True) == before
    earlier = shutil.copytree(feeds, tmp_path / "earlier", symlinks=True)

    moved(office)
    data = load_office(office)
    with file_operations() as done:
        second = _publish(office, 24, data)
    after = view(office)
    assert second.written and second.changes.changed and after != before
    assert all((feeds / name).is_symlink() for name in ("public.ics", "private", "state.json"))
    assert sorted(path.name for path in (feeds / "generations").iterdir()) == ["1"]
    for point in range(1, len(done) + 1):
        where = f"killed at file operation {point} of {len(done)}"
        _reset(office, earlier)
        with pytest.raises(Killed), file_operations(kill_at=point):
            _publish(office, 24, data)
        served = view(office, through_pointer=True)  # what roster serve answers
        assert served in (before, after), where
        subscribers = Subscribers()
        subscribers.see(before)
        subscribers.see(served)
        _publish(office, 24, data)  # the next run
        expected = after if served == before else view(office, through_pointer=True)
        assert view(office) == view(office, through_pointer=True) == expected, where
        assert leftovers(office) == [], where
        subscribers.see(expected)


def test_a_lost_link_loses_nothing(office: Path) -> None:
    publish(load_office(office), now=NOW, month=OCTOBER, uid_key=KEY)
    before = view(office)
    for name in ("public.ics", "private", "state.json"):
        (office / "feeds" / name).unlink()  # the links only: the publication is intact
    state = read_state(office)
    assert state is not None and state.key == KEY
    again = publish(load_office(office), now=NOW + timedelta(hours=1), month=OCTOBER)
    assert again.written == [] and view(office) == before


def test_the_server_answers_whole_feeds_of_one_publication_during_publishing(
    office: Path,
) -> None:
    publish(load_office(office), now=NOW, month=OCTOBER, uid_key=KEY)
    published = {feed_files(office).member("public.ics").read_bytes()}
    answers: list[tuple[int, bytes]] = []
    done = threading.Event()

    def ask() -> None:
        with TestClient(feed_app(office), base_url="http://127.0.0.1:8080") as client:
            while not done.is_set():
                response = client.get("/public.ics")
                answers.append((response.status_code, response.content))

    reader = threading.Thread(target=ask)
    reader.start()
    try:
        for step in range(1, 13):
            VARIANTS[step % len(VARIANTS)](office)
            _publish(office, step)
            published.add(feed_files(office).member("public.ics").read_bytes())
    finally:
        done.set()
        reader.join()
    assert len(published) > 2 and len(answers) > 10
    assert {status for status, _ in answers} == {200}
    assert {body for _, body in answers} <= published
