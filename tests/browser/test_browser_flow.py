"""The lead's month, end to end in a real headless chromium (issue 14, Quality): log in,
fill the availability grid, plan, swap a person, put one into a gap, publish and download
the rota PDF, with
a screenshot of every step in ``tests/browser/artifacts/``.

It walks the pages as a person does (menu, labels, buttons; with JavaScript, so htmx
saves a grid cell and shows the planning's progress) and checks each step's effect
through the JSON API and the files: the answer is saved, the new plan honours it, the
swap is in the plan, the calendars are out, the PDF is a PDF. The planning runs with a
time limit of 2 seconds (the quick choice's 10 would only make the test slower)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_office import (
    ARTIFACTS,
    LEAD,
    LEAD_NAME,
    MONTH,
    LiveServer,
    accessibility_problems,
    log_in,
    say,
    screenshot,
)
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from roster.app import plan_jobs
from roster.app.web_files import changes_path

PLAN_SECONDS = 2.0
WEDNESDAY = "2026-12-09"
"""An appointment session with the lead v01 on duty in the example's plan."""
THURSDAY = "2026-12-03"
"""An open-hours session whose first person gets swapped."""
GAP_DAY = "2026-12-17"
"""An open-hours session with a Somali interpreter missing in the example's plan."""
SOMALI = "v18"
"""Abdirahman Farah, the team's only Somali speaker: answered no for the 17th and has his
most duties a month (2) already; he calls to say he can come, one more time."""
PLANNING_TIMEOUT_MS = 90_000
"""Starting the planning process, planning and writing the plan, on a busy CI machine."""


@pytest.fixture
def quick_planning(monkeypatch: pytest.MonkeyPatch) -> None:
    """The quick planning takes :data:`PLAN_SECONDS` (the server runs in this process)."""
    monkeypatch.setitem(plan_jobs.TIME_LIMITS, "quick", PLAN_SECONDS)


def api(page: Page, path: str) -> Any:
    """``GET /api/<path>`` with the page's session."""
    answer = page.request.get(f"/api/{path}")
    assert answer.ok, f"{path}: {answer.status} {answer.text()}"
    return answer.json()


def on_duty(page: Page, day: str) -> dict[str, str]:
    """The people on duty on ``day`` (its first session): id and name."""
    people = api(page, f"months/{MONTH}/sessions/{day}")["people"]
    return {person["volunteer"]: person["name"] for person in people}


def answer_of(page: Page, volunteer: str, day: str) -> str | None:
    """The volunteer's answer for ``day`` in the availability grid."""
    grid = api(page, f"months/{MONTH}/availability")
    row = next(row for row in grid["rows"] if row["volunteer"] == volunteer)
    answer: str | None = next(cell for cell in row["cells"] if cell["date"] == day)["answer"]
    return answer


def test_the_lead_plans_the_month_from_the_answers_to_the_printed_rota(
    page: Page, server: LiveServer, quick_planning: None, axe_source: str
) -> None:
    problems = ""  # accessibility: reported at the end, so every step is still checked
    page.goto("/")
    log_in(page)
    expect(page).to_have_url(f"{server.url}/")
    assert LEAD in on_duty(page, WEDNESDAY), "the example's plan has changed"

    # 1. The availability grid: the lead cannot come on Wednesday after all.
    page.get_by_role("link", name=say(page, "nav_availability"), exact=True).click()
    expect(page).to_have_url(f"{server.url}/availability/{MONTH}")
    grid = api(page, f"months/{MONTH}/availability")
    label = next(column["label"] for column in grid["columns"] if column["date"] == WEDNESDAY)
    cell = page.get_by_label(say(page, "availability_cell_label", name=LEAD_NAME, day=label))
    assert cell.input_value() != "no"
    cell.select_option("no")  # htmx saves the cell at once
    expect(page.locator(f"#c-{LEAD}-{WEDNESDAY}-cell .saved")).to_have_text(
        say(page, "availability_cell_saved")
    )
    assert answer_of(page, LEAD, WEDNESDAY) == "no"
    screenshot(page, "flow-1-availability")

    # 2. Plan the month again: the new plan leaves her out on Wednesday.
    rota = server.folder / "rotas" / f"{MONTH}.json"
    before = rota.read_bytes()
    page.get_by_role("link", name=say(page, "nav_plan"), exact=True).click()
    expect(page).to_have_url(f"{server.url}/plan/{MONTH}")
    page.get_by_role("button", name=say(page, "plan_start_again"), exact=True).click()
    expect(page.locator("#plan-progress.state-done")).to_be_visible(timeout=PLANNING_TIMEOUT_MS)
    assert rota.read_bytes() != before
    assert LEAD not in on_duty(page, WEDNESDAY)
    screenshot(page, "flow-2-planned")

    # 3. Swap the first person of Thursday's open hours for the first one offered.
    page.goto(f"/adjust/{MONTH}/{THURSDAY}")
    swap_link = page.locator("a.swap-link").first
    leaving = parse_qs(urlsplit(swap_link.get_attribute("href") or "").query)["swap"][0]
    assert leaving in on_duty(page, THURSDAY)
    swap_link.click()
    swap = page.locator("#swap")
    choice = swap.get_by_role("radio").first
    expect(choice).to_be_checked()
    coming = (choice.get_attribute("value") or "").split(":")[0]
    swap.get_by_role("button", name=say(page, "adjust_swap_button"), exact=True).click()
    expect(page.locator("#result [role=status]")).to_be_visible()
    people = on_duty(page, THURSDAY)
    assert coming in people
    assert leaving not in people
    problems += accessibility_problems(page, axe_source)
    screenshot(page, "flow-3-swapped")

    # 4. Into a gap: Abdirahman Farah can come on the 17th after all, one duty more.
    page.goto(f"/team/{SOMALI}")
    page.locator("input[name=max_per_month]").fill("3")
    page.locator("form:has(input[name=max_per_month])").get_by_role(
        "button", name=say(page, "save"), exact=True
    ).click()
    expect(page.locator("[role=status]").first).to_be_visible()
    page.goto(f"/availability/{MONTH}")
    grid = api(page, f"months/{MONTH}/availability")
    label = next(column["label"] for column in grid["columns"] if column["date"] == GAP_DAY)
    name = next(row["name"] for row in grid["rows"] if row["volunteer"] == SOMALI)
    cell = page.get_by_label(say(page, "availability_cell_label", name=name, day=label))
    cell.select_option("yes")
    expect(page.locator(f"#c-{SOMALI}-{GAP_DAY}-cell .saved")).to_have_text(
        say(page, "availability_cell_saved")
    )
    page.goto(f"/adjust/{MONTH}/{GAP_DAY}")
    gaps = api(page, f"months/{MONTH}/sessions/{GAP_DAY}")["needs"]
    somali = next(index for index, need in enumerate(gaps, 1) if need["language"] == "so")
    form = page.locator(f"form:has(input[name=form][value=need-{somali}])")
    option = form.get_by_role("radio", name=f"{name}, ", exact=False)
    expect(option).to_be_checked()
    form.get_by_role("button", name=say(page, "adjust_put_in"), exact=True).click()
    expect(page.locator("#result [role=status]")).to_be_visible()
    assert SOMALI in on_duty(page, GAP_DAY)
    after = api(page, f"months/{MONTH}/sessions/{GAP_DAY}")["needs"]
    assert all(need["language"] != "so" for need in after)
    problems += accessibility_problems(page, axe_source)
    screenshot(page, "flow-4-gap-closed")

    # 5. Publish the calendars.
    page.get_by_role("link", name=say(page, "nav_publish"), exact=True).click()
    expect(page).to_have_url(f"{server.url}/publish/{MONTH}")
    page.get_by_role("button", name=say(page, "publish_button"), exact=True).click()
    expect(page.locator("#calendars [role=status]")).to_be_visible()
    feed = page.request.get("/public.ics")
    assert feed.ok
    assert feed.text().startswith("BEGIN:VCALENDAR")
    screenshot(page, "flow-5-published")
    log = [json.loads(line) for line in changes_path(server.folder).read_text("utf-8").splitlines()]
    assert [(line["who"], line["key"]) for line in log] == [
        (LEAD, "web.availability_changed_one"),
        (LEAD, "web.plan_done"),
        (LEAD, "web.adjust_change_swapped"),
        (LEAD, "web.team_change_edited"),
        (LEAD, "web.availability_changed_one"),
        (LEAD, "web.adjust_change_put_in"),
        (LEAD, "web.publish_done"),
    ]

    # 6. Print, and download the rota as PDF.
    page.get_by_role("button", name=say(page, "publish_print_button"), exact=True).click()
    expect(page.locator("#printouts [role=status]")).to_have_text(say(page, "publish_printed"))
    problems += accessibility_problems(page, axe_source)
    screenshot(page, "flow-6-printed")
    with page.expect_download() as download:
        page.locator(f"a[href$='/rota-{MONTH}.pdf']").click()
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / f"flow-rota-{MONTH}.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = "".join(page_.extract_text() for page_ in PdfReader(pdf).pages)
    assert people[coming] in text
    assert not problems, "accessibility violations:" + problems
