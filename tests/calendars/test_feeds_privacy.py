"""Privacy: client notes never reach a feed file or a served answer; the public feed names
nobody; case references appear only where office.yaml allows them (issue 5, section 5);
the gaps feed, which every volunteer gets, tells nobody why a named person cannot come
(issue 11, section 7)."""

from __future__ import annotations

import re
import string
from datetime import UTC, datetime
from pathlib import Path

import pytest
from feed_offices import example_office
from feed_plans import example_plan, save, velbert_plan
from icalendar import Calendar

from calendars.feed_refs import GAPS, TEAM, FeedRef
from calendars.links import link_feed
from calendars.publish import PublishReport, publish
from roster.domain.languages import language_name
from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.schema import Plan
from roster.wording.catalogue import CATALOGUE

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def marked_office(folder: Path, *, case_refs: bool = False) -> tuple[Path, list[str]]:
    """The example office with a marker string in every appointment note."""
    example_office(folder)
    path = folder / "appointments" / "2026-12.yaml"
    markers: list[str] = []

    def mark(match: re.Match[str]) -> str:
        markers.append(f"KLIENT-NOTIZ-{len(markers):02d}-Zß")
        return f"{match.group(1)}note: {markers[-1]}"

    path.write_text(
        re.sub(r"^(\s+)note: .*$", mark, path.read_text("utf-8"), flags=re.MULTILINE), "utf-8"
    )
    if case_refs:
        office = folder / "office.yaml"
        office.write_text(office.read_text("utf-8") + "feeds: {case_refs: true}\n", "utf-8")
    data = load_office(folder)
    notes = [a.request.note for a in data.appointments_of(Month(2026, 12))]
    assert notes == markers and len(markers) >= 10  # every request carries a marker
    save(folder, velbert_plan(folder))
    return folder, markers


def links_for_all(folder: Path, report: PublishReport) -> dict[str, str]:
    refs = [item.ref for item in report.feeds if item.ref.private]
    return {ref.label: link_feed(load_office(folder), ref, NOW, local=True).url for ref in refs}


def test_notes_never_reach_feeds_or_answers(tmp_path: Path, serve_folder) -> None:  # type: ignore[no-untyped-def]
    folder, markers = marked_office(tmp_path / "office")
    report = publish(load_office(folder), now=NOW, month=Month(2026, 12), uid_key="11" * 32)
    assert not any(marker in report.text() for marker in markers)
    links = links_for_all(folder, report)
    files = [path for path in (folder / "feeds").rglob("*") if path.is_file()]
    assert len(files) >= len(report.feeds) + 2  # every feed, state.json, tokens.json
    server = serve_folder(folder)
    answers = [server.get("/public.ics")]
    answers += [server.get("/" + url.rsplit("/", 1)[1]) for url in links.values()]
    assert all(answer.status == 200 and answer.body for answer in answers)
    assert len(answers) == len(report.feeds)
    data = load_office(folder)
    cases = sorted({a.case for a in data.appointments_of(Month(2026, 12))})
    for blob in [path.read_bytes() for path in files] + [a.body for a in answers]:
        for marker in markers:
            assert marker.encode() not in blob
        for case in cases:  # case_refs is off by default
            assert case.encode() not in blob


def test_public_feed_names_nobody(tmp_path: Path) -> None:
    folder, _ = marked_office(tmp_path / "office", case_refs=True)
    report = publish(load_office(folder), now=NOW, month=Month(2026, 12), uid_key="22" * 32)
    public = report.feed(FeedRef("public")).path.read_bytes().decode()
    data = load_office(folder)
    assert "BEGIN:VEVENT" in public
    for person in data.volunteers:
        assert person.name not in public
        for part in person.name.split():
            assert not re.search(rf"\b{re.escape(part)}\b", public), part
        assert not re.search(rf"\b{person.id}\b", public)
    for request in data.appointments_of(Month(2026, 12)):
        assert request.case not in public


@pytest.mark.parametrize("case_refs", [False, True])
def test_case_references_only_where_allowed(tmp_path: Path, case_refs: bool) -> None:
    folder, markers = marked_office(tmp_path / "office", case_refs=case_refs)
    report = publish(load_office(folder), now=NOW, month=Month(2026, 12), uid_key="33" * 32)
    plan = velbert_plan(folder)
    assert plan.appointments, "the plan schedules appointments"
    first = plan.appointments[0]
    feed = report.feed(FeedRef("volunteer", first.counsellor)).path.read_bytes().decode()
    team = report.feed(TEAM).path.read_bytes().decode()
    gaps = report.feed(GAPS).path.read_bytes().decode().replace("\r\n ", "")
    assert (first.case in feed) is case_refs
    assert (first.case in team.replace("\r\n ", "")) is case_refs
    assert gaps.count("SUMMARY:Nicht eingeplant: Termin") == len(plan.unscheduled) > 0
    for item in plan.unscheduled:
        assert (item.case in gaps) is case_refs
    for path in (folder / "feeds").rglob("*.ics"):
        assert not any(marker in path.read_text("utf-8") for marker in markers)


PERSON_REASONS = (
    # why a person cannot come, may not take a need, or was not taken
    "absent",
    "answered_no",
    "no_answer",
    "excluded",
    "not_speaks",
    "speaks_basic",
    "german_basic",
    "no_function",
    "kept",
    "already",
    "same_time",
    "max_zero",
    "max_reached",
    "hours_left",
    "busy_every_start",
    "maybe",
    "same_week",
    "near_week",
    "fairness",
    "kept_free",
    "could_but",
    "session_full",
    "trainee",
    "lead_not_counsel",
    "named_counsellor",
    "group_cannot_come",
    "group_in_session",
    "group_limit",
    "group_session_full",
    "group_kept",
    "group_qualification",
    "group_free",
)
"""The planner's reasons that say something about a person (``reason.*``)."""


def person_reason_words() -> set[str]:
    """The fixed words of every reason about a person, in German and English: the
    template's text between its placeholders, where long enough to be telling."""
    words: set[str] = set()
    for locale in ("de", "en"):
        for code in PERSON_REASONS:
            for literal, *_ in string.Formatter().parse(CATALOGUE[locale][f"reason.{code}"]):
                piece = literal.strip(" ,;:()")
                if len(piece) >= 8:
                    words.add(piece)
    assert {"mit Nein geantwortet", "is absent", "hat diesen Monat schon"} <= words
    return words


@pytest.mark.parametrize("source", ["solver", "fixture"])
def test_gaps_feed_says_what_is_needed_and_nothing_about_people(
    tmp_path: Path, source: str
) -> None:
    folder = example_office(tmp_path / "office")
    plan: Plan = velbert_plan(folder) if source == "solver" else example_plan(folder)
    save(folder, plan)
    report = publish(load_office(folder), now=NOW, month=Month(2026, 12), uid_key="44" * 32)
    calendar = Calendar.from_ical(report.feed(GAPS).path.read_bytes())
    events = calendar.walk("VEVENT")
    uncovered = [item for session in plan.sessions for item in session.uncovered]
    assert len(events) == len(uncovered) + len(plan.unscheduled) > 0
    texts = [f"{event['SUMMARY']}\n{event.get('DESCRIPTION', '')}" for event in events]
    for words in texts:  # what is needed and who may step in, for every gap
        assert "Gesucht:" in words or "Nicht eingeplant:" in words, words
        assert "Einspringen können:" in words, words
    data = load_office(folder)
    languages = [item.language for item in uncovered] + [item.language for item in plan.unscheduled]
    for language in languages:
        if language:
            name = language_name(language, "de", data.office.languages)
            assert any(f"{name} dolmetscht" in words for words in texts), language

    everything = "\n".join(texts)
    for person in data.volunteers:
        assert person.name not in everything, person.name
        for part in person.name.split():
            assert not re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", everything), part
        assert not re.search(rf"\b{person.id}\b", everything), person.id
    for reason in [item.reason for item in uncovered] + [item.reason for item in plan.unscheduled]:
        assert reason not in everything
    leaked = sorted(words for words in person_reason_words() if words in everything)
    assert leaked == []
