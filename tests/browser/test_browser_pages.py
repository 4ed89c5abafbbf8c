"""Every page of the lead's web app in a real headless chromium (issue 14, Quality): no
axe-core violation of serious or critical impact, nothing scrolls sideways on a 360 px
phone, at 360 x 740 and at 1280 x 800, in German (the example office) and in English; a
full-page screenshot of each (at both widths) in ``tests/browser/artifacts/``.

A new page gets a line in :data:`PAGES`. The module shares one server and one logged-in
browser profile per language (the pages here only read).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser_office import (
    BROWSER_LOCALES,
    LEAD,
    MONTH,
    PHONE,
    WIDTHS,
    LiveServer,
    PageCase,
    assert_accessible,
    assert_fits_phone,
    log_in,
    make_office,
    screenshot,
    show,
    update_doc_screenshot,
)
from playwright.sync_api import Browser, BrowserContext, Page, expect

SESSION_DAY = "2026-12-03"
"""A Thursday of the plan with its open hours (for the page that adjusts one day)."""
CASE = "A-2026-011"
"""An appointment request of the example (fictional, as all its cases)."""

PAGES = (
    PageCase("month", f"/month/{MONTH}"),
    PageCase("month-unplanned", "/month/2027-01"),
    PageCase("account", "/account"),
    PageCase("changes", "/changes"),
    PageCase("error", "/month/2026-13", status=422),
    PageCase("team", "/team"),
    PageCase("team-new", "/team/new"),
    PageCase("team-person", f"/team/{LEAD}"),
    PageCase("availability", f"/availability/{MONTH}"),
    PageCase("appointments", f"/appointments/{MONTH}"),
    PageCase("appointments-new", f"/appointments/{MONTH}/new"),
    # The case's page shows its confidential note: checked, never photographed.
    PageCase("appointment", f"/appointments/{MONTH}/{CASE}", keep=False),
    PageCase("plan", f"/plan/{MONTH}"),
    PageCase("adjust", f"/adjust/{MONTH}/{SESSION_DAY}"),
    PageCase("publish", f"/publish/{MONTH}"),
)
"""The pages of a logged-in lead."""

ENGLISH = tuple(case for case in PAGES if case.name in {"month", "account", "error"})
"""The pages checked in English as well (the frame and the words are the same code)."""

LOGIN = PageCase("login", "/login")


@dataclass(frozen=True)
class Site:
    """A server over one copy of the example office, and a logged-in browser profile."""

    server: LiveServer
    profile: BrowserContext


def _site(browser: Browser, folder: Path, locale: str | None) -> Iterator[Site]:
    make_office(folder, locale=locale)
    with LiveServer(folder) as server:
        profile = browser.new_context(base_url=server.url, locale=BROWSER_LOCALES[locale or "de"])
        tab = profile.new_page()
        tab.goto("/login")
        log_in(tab)
        expect(tab).to_have_url(f"{server.url}/")
        tab.close()
        yield Site(server, profile)
        profile.close()


@pytest.fixture(scope="module")
def german(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The example office as it is (German), logged in."""
    yield from _site(browser, tmp_path_factory.mktemp("de") / "office", None)


@pytest.fixture(scope="module")
def english(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The example office in English, logged in."""
    yield from _site(browser, tmp_path_factory.mktemp("en") / "office", "en")


def check(tab: Page, case: PageCase, locale: str, axe_source: str) -> None:
    """Open the page on the phone, run every check, then again at desktop width (the same
    page, resized: the layout follows the width without a reload); keep the screenshots."""
    tab.set_viewport_size(PHONE)
    show(tab, case)
    expect(tab.locator("html")).to_have_attribute("lang", locale)
    expect(tab.get_by_role("heading", level=1)).to_have_count(1)
    for width, size in WIDTHS.items():
        tab.set_viewport_size(size)
        assert_accessible(tab, axe_source)
        if size == PHONE:
            assert_fits_phone(tab)
        if case.keep:
            screenshot(tab, f"{locale}-{case.name}-{width}")


@pytest.mark.parametrize("case", PAGES, ids=lambda case: case.name)
def test_german_page(german: Site, case: PageCase, axe_source: str) -> None:
    tab = german.profile.new_page()
    try:
        check(tab, case, "de", axe_source)
        if case.name == "month":  # the check ends at desktop width
            update_doc_screenshot(tab, "month")
        if case.name == "plan":  # its beginning: the first sessions and a gap
            update_doc_screenshot(tab, "plan", height=1600)
    finally:
        tab.close()


@pytest.mark.parametrize("case", ENGLISH, ids=lambda case: case.name)
def test_english_page(english: Site, case: PageCase, axe_source: str) -> None:
    tab = english.profile.new_page()
    try:
        check(tab, case, "en", axe_source)
    finally:
        tab.close()


@pytest.mark.parametrize("locale", ["de", "en"])
def test_login_page(
    browser: Browser, request: pytest.FixtureRequest, locale: str, axe_source: str
) -> None:
    site: Site = request.getfixturevalue("german" if locale == "de" else "english")
    # A profile of its own: logged out.
    fresh = browser.new_context(base_url=site.server.url, locale=BROWSER_LOCALES[locale])
    try:
        check(fresh.new_page(), LOGIN, locale, axe_source)
    finally:
        fresh.close()
