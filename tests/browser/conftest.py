"""Fixtures of the browser tests: one headless Debian chromium per test session (driven by
Playwright; never a browser Playwright downloads), the real web app on uvicorn on
127.0.0.1 over a copy of the example office, and axe-core's source.

Without chromium or axe-core the tests are skipped with the command that installs them;
under CI (``CI`` set) they fail instead. A failing test leaves a screenshot of its page in
``tests/browser/artifacts/``. What test modules import lives in ``browser_office.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_office import (
    ARTIFACTS,
    BROWSER_LOCALES,
    CHEAP_HASHER,
    DESKTOP,
    LiveServer,
    axe_path,
    chromium_path,
    make_office,
)
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from roster.app import accounts


@pytest.fixture(scope="module", autouse=True)
def cheap_hashes() -> Iterator[None]:
    """Hash and check passwords with the cheap hasher (the server runs in this process),
    module by module: tests elsewhere see the real one."""
    dummy = CHEAP_HASHER.hash("dummy")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", lambda: CHEAP_HASHER)
        patch.setattr(accounts, "_dummy_hash", lambda: dummy)
        yield


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The source of axe-core (``axe.min.js``)."""
    return axe_path().read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    """Playwright's driver, once per session (found chromium first: else nothing starts)."""
    chromium_path()
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    """Headless Debian chromium, once per session."""
    launched = playwright_driver.chromium.launch(
        executable_path=str(chromium_path()),
        headless=True,
        # --no-sandbox: chromium's sandbox needs user namespaces that containers and CI
        # runners often lack; the browser only ever opens this app on 127.0.0.1.
        args=["--no-sandbox", "--no-proxy-server"],
    )
    yield launched
    launched.close()


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """The example office with its December plan and an account for the lead v01."""
    return make_office(tmp_path / "office")


@pytest.fixture
def server(office: Path) -> Iterator[LiveServer]:
    """The web app of the office on 127.0.0.1."""
    with LiveServer(office) as running:
        yield running


@pytest.fixture
def context(browser: Browser, server: LiveServer) -> Iterator[BrowserContext]:
    """A fresh browser profile (no cookies) at desktop width, pointed at the server."""
    fresh = browser.new_context(base_url=server.url, viewport=DESKTOP, locale=BROWSER_LOCALES["de"])
    yield fresh
    fresh.close()


@pytest.fixture
def page(context: BrowserContext, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A tab; when the test fails, its screenshot lands in the artefacts."""
    tab = context.new_page()
    yield tab
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed and not tab.is_closed():
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"FAILED-{request.node.name}.png"), full_page=True)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    """Keep each phase's report on the test item (``rep_call``) for the ``page`` fixture."""
    report = yield
    setattr(item, f"rep_{report.when}", report)  # type: ignore[attr-defined]
    return report
