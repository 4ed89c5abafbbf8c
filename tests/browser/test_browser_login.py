"""End to end in a real headless chromium (issue 14, Quality): a form passing the CSRF
check as a browser sends it, logging in (the wrong password's message, then the right
one), the month overview with its sessions, the month switcher and logging out without
JavaScript, changing the password, the login form for every page without a session,
printing.

Each test gets its own copy of the example office and its own server; the browser is
shared by the session."""

from __future__ import annotations

import re
from typing import Any

from browser_office import (
    ARTIFACTS,
    BROWSER_LOCALES,
    LEAD,
    LEAD_NAME,
    MONTH,
    PASSWORD,
    PHONE,
    LiveServer,
    assert_accessible,
    assert_fits_phone,
    log_in,
    say,
    screenshot,
)
from playwright.sync_api import Browser, BrowserContext, Page, expect

from roster.app.web_files import accounts_path, changes_path

NEW_PASSWORD = "a much longer new password"


def overview_of(page: Page, month: str) -> dict[str, Any]:
    """The month's overview from the API, with the page's session cookie."""
    answer = page.request.get(f"/api/months/{month}/overview")
    assert answer.ok, answer.text()
    found: dict[str, Any] = answer.json()
    return found


def test_a_form_post_from_a_real_browser_passes_the_csrf_check(
    page: Page, server: LiveServer
) -> None:
    # Under the app's Referrer-Policy: no-referrer chromium sends a form's Origin as
    # "null": the CSRF check must go by Sec-Fetch-Site (and the token), or no form works.
    page.goto("/login")
    with page.expect_response(lambda answer: answer.request.method == "POST") as posted:
        log_in(page)
    assert posted.value.request.header_value("sec-fetch-site") == "same-origin"
    assert posted.value.status == 303, f"the login form answered {posted.value.status}"
    expect(page).to_have_url(f"{server.url}/")


def test_a_wrong_password_is_said_plainly_then_the_right_one_opens_the_page_asked_for(
    page: Page, server: LiveServer, axe_source: str
) -> None:
    page.goto(f"/month/{MONTH}")
    expect(page).to_have_url(f"{server.url}/login?next=/month/{MONTH}")
    log_in(page, password="not the password at all")

    alert = page.get_by_role("alert")
    expect(alert).to_have_text(say(page, "login_failed"))
    expect(page.get_by_label(say(page, "login_user"), exact=True)).to_have_value(LEAD)
    page.set_viewport_size(PHONE)
    assert_accessible(page, axe_source)
    assert_fits_phone(page)
    screenshot(page, "login-wrong-password-360")

    log_in(page)
    expect(page).to_have_url(f"{server.url}/month/{MONTH}")
    month_text = overview_of(page, MONTH)["month_text"]
    expect(page.get_by_role("heading", level=1)).to_have_text(month_text)
    expect(page.get_by_text(say(page, "logged_in", name=LEAD_NAME))).to_be_visible()


def test_the_month_overview_shows_every_session_of_the_plan(page: Page, server: LiveServer) -> None:
    page.goto("/")
    log_in(page)
    expect(page).to_have_url(f"{server.url}/")
    overview = overview_of(page, MONTH)
    assert overview["sessions"], "the example's December has sessions"
    expect(page.get_by_role("heading", level=1)).to_have_text(overview["month_text"])

    rows = page.locator("table.sessions tbody tr")
    expect(rows).to_have_count(len(overview["sessions"]))
    for row, session in zip(rows.all(), overview["sessions"], strict=True):
        cells = row.locator("td")
        expect(cells.nth(0)).to_have_text(session["day"])
        expect(cells.nth(2)).to_have_text(session["name"])
        expect(cells.nth(3).locator(".state")).to_have_text(session["staffing_text"])
    expect(page.locator(".next-step")).to_have_text(overview["next_step"]["text"])

    page.get_by_role("link", name=say(page, "month_next"), exact=True).click()
    expect(page).to_have_url(f"{server.url}/month/2027-01")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        overview_of(page, "2027-01")["month_text"]
    )
    page.get_by_role("link", name=say(page, "month_previous"), exact=True).click()
    expect(page).to_have_url(f"{server.url}/month/{MONTH}")


def test_the_month_switcher_and_logging_out_work_without_javascript(
    browser: Browser, server: LiveServer
) -> None:
    plain = browser.new_context(
        base_url=server.url, java_script_enabled=False, locale=BROWSER_LOCALES["de"]
    )
    try:
        tab = plain.new_page()
        tab.goto("/")
        log_in(tab)
        expect(tab).to_have_url(f"{server.url}/")

        tab.get_by_label(say(tab, "month_choose"), exact=True).fill("2027-03")
        tab.get_by_role("button", name=say(tab, "month_show"), exact=True).click()
        expect(tab).to_have_url(f"{server.url}/month/2027-03")
        march = overview_of(tab, "2027-03")["month_text"]
        expect(tab.get_by_role("heading", level=1)).to_have_text(march)

        tab.get_by_role("link", name=say(tab, "month_next"), exact=True).click()
        expect(tab).to_have_url(f"{server.url}/month/2027-04")

        tab.get_by_role("button", name=say(tab, "logout"), exact=True).click()
        expect(tab).to_have_url(f"{server.url}/login?bye=1")
        expect(tab.get_by_role("status")).to_have_text(say(tab, "logged_out"))
        tab.goto("/month/2027-04")
        expect(tab).to_have_url(f"{server.url}/login?next=/month/2027-04")
    finally:
        plain.close()


def test_changing_the_password_shows_problems_at_the_field_then_saves(
    page: Page, server: LiveServer, axe_source: str
) -> None:
    accounts = accounts_path(server.folder)
    page.goto("/")
    log_in(page)
    page.get_by_role("link", name=say(page, "account_link"), exact=True).click()
    expect(page).to_have_url(f"{server.url}/account")

    before = accounts.read_bytes()
    current = page.get_by_label(say(page, "current_password"), exact=True)
    new = page.get_by_label(say(page, "new_password"), exact=True)
    current.fill("not the password at all")
    new.fill(NEW_PASSWORD)
    page.get_by_role("button", name=say(page, "save"), exact=True).click()
    expect(page).to_have_url(f"{server.url}/account/password")
    expect(current).to_have_attribute("aria-invalid", "true")
    expect(current).to_have_attribute("aria-describedby", "current_password-error")
    expect(page.locator("#current_password-error")).to_have_text(say(page, "password_wrong"))
    assert accounts.read_bytes() == before, "a refused change wrote the accounts file"
    assert not changes_path(server.folder).exists()
    page.set_viewport_size(PHONE)
    assert_accessible(page, axe_source)
    assert_fits_phone(page)
    screenshot(page, "account-problem-360")

    current.fill(PASSWORD)
    new.fill(NEW_PASSWORD)
    page.get_by_role("button", name=say(page, "save"), exact=True).click()
    expect(page).to_have_url(f"{server.url}/account?changed=1")
    expect(page.get_by_role("status")).to_have_text(say(page, "password_changed"))
    assert accounts.read_bytes() != before

    page.get_by_role("link", name=say(page, "nav_changes"), exact=True).click()
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("td").nth(1)).to_have_text(LEAD_NAME)
    assert_accessible(page, axe_source)
    assert_fits_phone(page)
    screenshot(page, "changes-one-line-360")

    page.get_by_role("button", name=say(page, "logout"), exact=True).click()
    expect(page).to_have_url(f"{server.url}/login?bye=1")
    log_in(page, password=PASSWORD)
    expect(page.get_by_role("alert")).to_have_text(say(page, "login_failed"))
    log_in(page, password=NEW_PASSWORD)
    expect(page).to_have_url(f"{server.url}/")


def test_the_month_overview_prints_without_the_menu(page: Page, server: LiveServer) -> None:
    page.goto("/")
    log_in(page)
    expect(page.locator("table.sessions")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator("table.sessions")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    for hidden in ("header nav", ".switcher", ".who", ".skip"):
        expect(page.locator(hidden)).to_be_hidden()
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = page.pdf(path=str(ARTIFACTS / "month-print.pdf"), format="A4")
    assert pdf.startswith(b"%PDF")
    assert re.search(rb"/Type\s*/Page\b", pdf), "the printout has no page"


def test_without_login_every_page_goes_to_the_login_form(
    context: BrowserContext, server: LiveServer
) -> None:
    tab = context.new_page()
    for path in ("/", f"/month/{MONTH}", "/account", "/changes"):
        tab.goto(path)
        expect(tab).to_have_url(re.compile(re.escape(f"{server.url}/login?next=")))
    answer = tab.request.get(f"/api/months/{MONTH}/overview")
    assert answer.status == 401
