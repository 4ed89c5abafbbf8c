"""A volunteer's month on a phone, in a real headless chromium (issue 15): open the
personal link, answer the poll, step into a gap, give a duty back; every page at 360 px
without sideways scrolling and without serious or critical axe-core violations; a revoked
link is the 404 of any unknown address. Screenshots of each step go to
``tests/browser/artifacts/``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from browser_office import (
    MONTH,
    PHONE,
    START,
    LiveServer,
    accessibility_problems,
    assert_fits_phone,
    make_office,
    screenshot,
    update_doc_screenshot,
)
from playwright.sync_api import Browser, Page, expect

from roster.app.page_links import link_page, revoke_page
from roster.app.poll_admin import open_poll
from roster.domain.month import Month
from roster.planfile.io import plan_path, read_plan

SOMALI = "v18"
"""Abdirahman Farah: the only Somali interpreter; here with one more duty allowed."""
GAP_DAY = "2026-12-17"
"""Thursday with the Somali gap in the example's plan."""
GIVER = "v05"
"""Thomas Weber, on duty on 10 December in the example's plan."""
GIVE_DAY = "2026-12-10"


def _prepare(office: Path) -> None:
    """Steps in at once, gives back with a new plan; v18 may take three duties."""
    with (office / "office.yaml").open("a", encoding="utf-8") as handle:
        handle.write("volunteers: {step_in: at_once, give_back: replan}\n")
    team = office / "volunteers.yaml"
    text = team.read_text("utf-8")
    start, end = text.index("  - id: v18"), text.index("  - id: v19")
    block = text[start:end].replace("max_per_month: 2", "max_per_month: 3")
    team.write_text(text[:start] + block + text[end:], "utf-8")
    open_poll(office, MONTH, date(2026, 11, 30), now=START)


@pytest.fixture
def volunteer_server(tmp_path: Path) -> Iterator[LiveServer]:
    """The example office, ready for a volunteer's month, served."""
    office = make_office(tmp_path / "office")
    _prepare(office)
    with LiveServer(office) as server:
        yield server


@pytest.fixture
def phone(browser: Browser, volunteer_server: LiveServer) -> Iterator[Page]:
    """A phone-sized tab without a lead's login."""
    profile = browser.new_context(base_url=volunteer_server.url, viewport=PHONE, locale="de-DE")
    tab = profile.new_page()
    yield tab
    profile.close()


def _on_duty(office: Path, day: str) -> set[str]:
    plan = read_plan(plan_path(office, Month.parse(MONTH)))
    return {
        entry.volunteer
        for session in plan.sessions
        if session.date.isoformat() == day
        for entry in session.staff
    }


def _check(page: Page, axe_source: str, name: str) -> str:
    assert_fits_phone(page)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    screenshot(page, f"volunteer-{name}")
    if name in ("page", "poll"):  # for docs/volunteers.md
        update_doc_screenshot(page, f"volunteer-{name}", height=1400)
    return accessibility_problems(page, axe_source)


def test_a_volunteer_answers_steps_in_and_gives_back_on_a_phone(
    phone: Page, volunteer_server: LiveServer, axe_source: str
) -> None:
    office = volunteer_server.folder
    link = link_page(office, SOMALI, local=True).url
    token = link.rsplit("/", 1)[1]
    problems = ""

    # 1. The page of the link, then the poll: yes for the 17th, saved.
    phone.goto(f"/p/{token}")
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Abdirahman Farah")
    problems += _check(phone, axe_source, "page")
    phone.locator(f"a[href^='/p/{token}/poll']").click()
    problems += _check(phone, axe_source, "poll")
    phone.locator(f"label[for='a-{GAP_DAY}-yes']").click()
    phone.locator("form.v-poll button[type=submit]").click()
    expect(phone.locator("[role=status]")).to_be_visible()
    poll = (office / "availability" / f"{MONTH}.csv").read_text("utf-8")
    row = next(line for line in poll.splitlines() if line.startswith(f"{SOMALI},"))
    assert row.split(",")[-1] == "yes"

    # 2. Step into the Somali gap: applied at once.
    phone.goto(f"/p/{token}/step-in")
    problems += _check(phone, axe_source, "step-in")
    assert SOMALI not in _on_duty(office, GAP_DAY)
    phone.locator(
        f"form:has(input[name=date][value='{GAP_DAY}']) button[type=submit]"
    ).first.click()
    expect(phone.locator("[role=status]").first).to_be_visible()
    assert SOMALI in _on_duty(office, GAP_DAY)

    # 3. Another volunteer gives a duty back: a new plan without him that day.
    giver = link_page(office, GIVER, local=True).url.rsplit("/", 1)[1]
    assert GIVER in _on_duty(office, GIVE_DAY)
    phone.goto(f"/p/{giver}/give-back?date={GIVE_DAY}")
    problems += _check(phone, axe_source, "give-back")
    phone.locator("form[action$='/give-back'] button[type=submit]").click()
    expect(phone.locator("[role=status]").first).to_be_visible()
    assert GIVER not in _on_duty(office, GIVE_DAY)

    # 4. A revoked link is the 404 of any unknown address.
    revoke_page(office, SOMALI, local=True)
    gone = phone.goto(f"/p/{token}")
    unknown = phone.request.get("/p/" + "x" * 43)
    assert gone is not None
    assert gone.status == 404
    assert gone.body() == unknown.body()
    assert not problems, "accessibility violations:" + problems
