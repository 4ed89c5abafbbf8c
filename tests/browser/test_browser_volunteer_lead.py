"""The volunteers' pages and the lead's pages together, in a real headless chromium
(issue 15): a volunteer answers the poll on a phone and the lead's availability grid
shows the answers; a second volunteer steps into a gap and his calendar feed (fetched
over HTTP from the same app) carries the new duty; a give-back that waits for the lead
(``give_back: ask_lead``) opens a gap the lead's overview shows and the gaps feed
carries. One published office for the whole module: the steps build on each other, so
they are one test. (A revoked page link's 404: test_browser_volunteer.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from browser_office import (
    DESKTOP,
    MONTH,
    PHONE,
    START,
    LiveServer,
    assert_fits_phone,
    log_in,
    make_office,
)
from playwright.sync_api import Browser, Page, expect

from roster.app.feeds import link_feed, publish_month
from roster.app.page_links import link_page
from roster.app.poll_admin import open_poll
from roster.domain.month import Month
from roster.planfile.io import plan_path, read_plan

VOTER = "v05"
"""Thomas Weber: no answers yet for the first dates of December."""
SOMALI = "v18"
"""Abdirahman Farah: the only Somali interpreter; here free on the 17th."""
GAP_DAY = "2026-12-17"
GIVE_DAY = "2026-12-10"


def _prepare(office: Path) -> None:
    """Steps in at once, gives back to the lead; v18 may take three duties and can come on
    the 17th; the calendars published once."""
    with (office / "office.yaml").open("a", encoding="utf-8") as handle:
        handle.write("volunteers: {step_in: at_once, give_back: ask_lead}\n")
        handle.write('feeds: {base_url: "http://127.0.0.1:8080"}\n')
    team = office / "volunteers.yaml"
    text = team.read_text("utf-8")
    start, end = text.index("  - id: v18"), text.index("  - id: v19")
    block = text[start:end].replace("max_per_month: 2", "max_per_month: 3")
    team.write_text(text[:start] + block + text[end:], "utf-8")
    poll = office / "availability" / f"{MONTH}.csv"
    lines = poll.read_text("utf-8").splitlines()
    lines = ["v18,maybe,yes,no,,,yes" if line.startswith("v18,") else line for line in lines]
    poll.write_text("\n".join(lines) + "\n", "utf-8")
    open_poll(office, MONTH, date(2026, 11, 30), now=START)
    publish_month(office, MONTH, now=START)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One planned, published office for the module, served."""
    office = make_office(tmp_path_factory.mktemp("lead") / "office")
    _prepare(office)
    with LiveServer(office) as server:
        yield server


def _on_duty(office: Path, day: str) -> set[str]:
    plan = read_plan(plan_path(office, Month.parse(MONTH)))
    return {
        entry.volunteer
        for session in plan.sessions
        if session.date.isoformat() == day
        for entry in session.staff
    }


def _token(url: str) -> str:
    return url.rsplit("/", 1)[1]


def _events_on(feed: str, day: str) -> list[str]:
    stamp = day.replace("-", "")
    return [block for block in feed.split("BEGIN:VEVENT")[1:] if f":{stamp}T" in block]


def test_the_lead_sees_what_volunteers_do_on_their_phones(
    browser: Browser, shared: LiveServer
) -> None:
    office = shared.folder
    phone_profile = browser.new_context(base_url=shared.url, viewport=PHONE, locale="de-DE")
    lead_profile = browser.new_context(base_url=shared.url, viewport=DESKTOP, locale="de-DE")
    phone, lead = phone_profile.new_page(), lead_profile.new_page()
    try:
        _run(office, phone, lead)
    finally:
        phone_profile.close()
        lead_profile.close()


def _run(office: Path, phone: Page, lead: Page) -> None:
    # 1. Thomas answers the poll on his phone; the lead's grid shows his answers.
    voter = _token(link_page(office, VOTER, now=START).url)
    phone.goto(f"/p/{voter}/poll")
    assert_fits_phone(phone)
    phone.locator("label[for='a-2026-12-03-maybe']").click()
    phone.locator("label[for='a-2026-12-09-no']").click()
    phone.locator("form.v-poll button[type=submit]").click()
    expect(phone.locator("[role=status]").first).to_be_visible()
    lead.goto(f"/availability/{MONTH}")
    log_in(lead)
    lead.wait_for_url(f"**/availability/{MONTH}")
    expect(lead.locator(f"#c-{VOTER}-2026-12-03")).to_have_value("maybe")
    expect(lead.locator(f"#c-{VOTER}-2026-12-09")).to_have_value("no")
    expect(lead.locator(f"#c-{VOTER}-2026-12-16")).to_have_value("no")  # as it was

    # 2. Abdirahman steps into the Somali gap (at once): his feed carries the duty.
    feed = _token(link_feed(office, SOMALI, local=True, now=START).url)
    assert not _events_on(phone.request.get(f"/{feed}").text(), GAP_DAY)
    somali = _token(link_page(office, SOMALI, now=START).url)
    phone.goto(f"/p/{somali}/step-in")
    assert_fits_phone(phone)
    phone.locator(
        f"form:has(input[name=date][value='{GAP_DAY}']) button[type=submit]"
    ).first.click()
    expect(phone.locator("[role=status]").first).to_be_visible()
    assert SOMALI in _on_duty(office, GAP_DAY)
    [duty] = _events_on(phone.request.get(f"/{feed}").text(), GAP_DAY)
    assert "Somali" in duty

    # 3. He cannot come on the 10th: the gap shows on the lead's overview and in the gaps
    # feed at once; the request waits for the lead.
    gaps = _token(link_feed(office, gaps=True, local=True, now=START).url)
    assert not any(
        "Somali" in e for e in _events_on(phone.request.get(f"/{gaps}").text(), GIVE_DAY)
    )
    assert SOMALI in _on_duty(office, GIVE_DAY)
    phone.goto(f"/p/{somali}/give-back?date={GIVE_DAY}")
    phone.locator("form[action$='/give-back'] button[type=submit]").click()
    expect(phone.locator("[role=status]").first).to_be_visible()
    assert SOMALI not in _on_duty(office, GIVE_DAY)
    lead.goto(f"/month/{MONTH}")
    row = lead.locator("tr", has=lead.locator("td", has_text="Do., 10. Dez."))
    expect(row.locator("ul.needs")).to_contain_text("Somali")
    expect(lead.locator("section:has(#requests-heading) ul.requests")).to_contain_text(
        "Abdirahman Farah kann am Do., 10. Dez. nicht kommen"
    )
    assert any("Somali" in e for e in _events_on(phone.request.get(f"/{gaps}").text(), GIVE_DAY))
    assert not _events_on(phone.request.get(f"/{feed}").text(), GIVE_DAY)
