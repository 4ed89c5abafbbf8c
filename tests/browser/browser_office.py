"""What the browser tests share (test modules import it by this unique name, never
``from conftest import``): the example office with an account for its lead, the real web
app served by uvicorn on loopback, finding Debian's chromium and axe-core, and the checks
every page passes (axe-core, the 360 px phone, screenshots kept as test artefacts)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

import pytest
from argon2 import PasswordHasher
from live_server import LiveServer as SharedLiveServer
from playwright.sync_api import FloatRect, Page, ViewportSize

from roster.app import add_account
from roster.wording.catalogue import text

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "velbert"
PLAN = REPO / "tests" / "data" / "plans" / "velbert-2026-12.json"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DOC_SCREENSHOTS = REPO / "docs" / "screenshots"
DEFAULT_AXE = REPO / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"

LEAD = "v01"
LEAD_NAME = "Birgit Sommer"
PASSWORD = "correct horse battery"
MONTH = "2026-12"
"""The month of the example's poll and plan: the clock below makes it the month to plan."""
START = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

BROWSER_LOCALES = {"de": "de-DE", "en": "en-GB"}
"""The browser profile's language for an office's (what pages and requests see; the
browser's own widgets, such as the month field, keep the language of its installed
locales: Debian's package chromium-l10n adds German)."""

PHONE: ViewportSize = {"width": 360, "height": 740}
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
WIDTHS: dict[str, ViewportSize] = {"360": PHONE, "1280": DESKTOP}

CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
"""argon2id with a small cost: the tests check what the pages do, not what a login costs."""

BLOCKING_IMPACTS = frozenset({"serious", "critical"})
"""axe-core violations of these impacts fail a page."""


# --- What the tests need on this computer -------------------------------------------------


def missing(what: str, how: str) -> NoReturn:
    """A tool the browser tests need is missing: skip them, or fail under CI (``CI`` set),
    where ``.ci/run`` installs it."""
    message = f"{what} not found; {how}"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so the browser tests must run)")
    pytest.skip(message)


def chromium_path() -> Path:
    """Debian's chromium: ``$ROSTER_CHROMIUM``, else ``chromium`` on the PATH."""
    given = os.environ.get("ROSTER_CHROMIUM")
    found = given if given else shutil.which("chromium") or shutil.which("chromium-browser")
    if not found or not Path(found).is_file():
        missing(
            "Chromium",
            "install it with `sudo apt-get install chromium` (Debian, Ubuntu) or set "
            "ROSTER_CHROMIUM to the browser's path",
        )
    return Path(str(found))


def axe_path() -> Path:
    """axe-core's ``axe.min.js``: ``$ROSTER_AXE_JS``, else under ``.ci/node``."""
    given = os.environ.get("ROSTER_AXE_JS")
    path = Path(given) if given else DEFAULT_AXE
    if not path.is_file():
        missing(
            "axe-core",
            "install it with `npm install --prefix .ci/node axe-core` or set ROSTER_AXE_JS "
            "to the path of axe.min.js",
        )
    return path


# --- The office and the server -------------------------------------------------------------


def make_office(target: Path, *, locale: str | None = None) -> Path:
    """The example office in ``target`` with its December plan and an account for the lead
    v01 (password :data:`PASSWORD`); ``locale`` replaces the office's language."""
    shutil.copytree(EXAMPLE, target)
    (target / "rotas").mkdir()
    shutil.copyfile(PLAN, target / "rotas" / f"{MONTH}.json")
    if locale is not None:
        office = target / "office.yaml"
        lines = office.read_text(encoding="utf-8").splitlines(keepends=True)
        changed = [f"locale: {locale}\n" if line.startswith("locale:") else line for line in lines]
        assert changed != lines, "office.yaml has no locale line"
        office.write_text("".join(changed), encoding="utf-8")
    secret = target.parent / f"{target.name}-password.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    add_account(target, LEAD, password_file=secret, now=START)
    return target


class LiveServer(SharedLiveServer):
    """The real web app of ``folder`` on uvicorn in a background thread; the clock stands
    still at :data:`START` unless ``clock`` is given; no waiting for the folder lock."""

    def __init__(self, folder: Path, *, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(folder, clock=clock or (lambda: START))


# --- Pages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageCase:
    """A page every check visits."""

    name: str
    """Its name in the screenshots' file names."""
    path: str
    status: int = 200
    """The status it answers with."""
    keep: bool = True
    """Keep its screenshots (not of a page with client data)."""


def show(page: Page, case: PageCase) -> None:
    """Open ``case``'s page; check its status and that no cache keeps it."""
    answer = page.goto(case.path)
    assert answer is not None, f"{case.path}: no answer"
    assert answer.status == case.status, f"{case.path} answered {answer.status}"
    assert answer.headers.get("cache-control") == "no-store", f"{case.path} may be cached"


def say(page: Page, key: str, **values: object) -> str:
    """The catalogue's text ``web.<key>`` in the page's language (``<html lang>``)."""
    locale = page.locator("html").get_attribute("lang") or "de"
    return text(locale, f"web.{key}", **values)


def log_in(page: Page, password: str = PASSWORD) -> None:
    """Log in as the lead through the login form (the page must show it)."""
    page.get_by_label(say(page, "login_user"), exact=True).fill(LEAD)
    page.get_by_label(say(page, "login_password"), exact=True).fill(password)
    page.get_by_role("button", name=say(page, "login_button"), exact=True).click()


# --- Checks --------------------------------------------------------------------------------

_AXE_RUN = """
() => axe.run(document, {resultTypes: ['violations']}).then(result => result.violations.map(v => ({
  id: v.id,
  impact: v.impact,
  help: v.help,
  targets: v.nodes.map(node => node.target.join(' ')),
})))
"""


def axe_violations(page: Page, axe_source: str) -> list[dict[str, Any]]:
    """axe-core's violations of serious or critical impact on the page as it is now.

    axe is evaluated through the DevTools protocol, which the page's Content-Security-Policy
    (``script-src 'self'``, no inline scripts) does not govern; ``add_script_tag`` would
    insert an inline script the policy blocks. The policy stays on. axe is loaded once per
    page load; a second check of the same page (at another width) only runs it again.
    """
    if page.evaluate("typeof window.axe") == "undefined":
        page.evaluate(axe_source)
    found: list[dict[str, Any]] = page.evaluate(_AXE_RUN)
    return [item for item in found if item["impact"] in BLOCKING_IMPACTS]


def accessibility_problems(page: Page, axe_source: str) -> str:
    """axe-core's serious and critical violations on the page, one line each ("" if none):
    the rule, its impact, its help and where (the first five places)."""
    lines = []
    for item in axe_violations(page, axe_source):
        targets = item["targets"]
        more = f" and {len(targets) - 5} more" if len(targets) > 5 else ""
        where = ", ".join(targets[:5]) + more
        lines.append(f"{item['id']} ({item['impact']}): {item['help']}; at {where}")
    return "".join(f"\n{page.url}: {line}" for line in lines)


def assert_accessible(page: Page, axe_source: str) -> None:
    """No axe-core violation of serious or critical impact."""
    problems = accessibility_problems(page, axe_source)
    assert not problems, "accessibility violations:" + problems


_TOO_WIDE = """
() => {
  const limit = document.documentElement.clientWidth + 0.5;
  const style = element => getComputedStyle(element);
  const escapes = element => ['absolute', 'fixed'].includes(style(element).position);
  // Whether a scrolling (or clipping) ancestor keeps the element in: an absolutely
  // positioned element escapes every ancestor below its containing block.
  const contained = element => {
    if (style(element).position === 'fixed') return false;
    let escaping = escapes(element);
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      const positioned = style(up).position !== 'static';
      if ((!escaping || positioned) && style(up).overflowX !== 'visible') return true;
      if (escaping && positioned) escaping = escapes(up);
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll('*')].filter(element => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.right > limit && !contained(element);
  });
  const outermost = wide.filter(element => !wide.includes(element.parentElement));
  const names = outermost.map(element => {
    const id = element.id ? '#' + element.id : '';
    const classes = [...element.classList].map(name => '.' + name).join('');
    const right = Math.round(element.getBoundingClientRect().right);
    return `${element.tagName.toLowerCase()}${id}${classes} (${right} px)`;
  });
  return [...new Set(names)].slice(0, 8);
}
"""


def assert_fits_phone(page: Page) -> None:
    """At the phone's width nothing scrolls sideways; else name the elements that stick
    out (the outermost of each branch; not those a scrolling box keeps in)."""
    width: int = page.evaluate("document.documentElement.scrollWidth")
    if width <= PHONE["width"]:
        return
    culprits: list[str] = page.evaluate(_TOO_WIDE)
    raise AssertionError(
        f"{page.url} is {width} px wide at {PHONE['width']} px; too wide: {', '.join(culprits)}"
    )


def screenshot(page: Page, name: str) -> Path:
    """A full-page PNG of the page in ``tests/browser/artifacts/``."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def update_doc_screenshot(page: Page, name: str, *, height: int | None = None) -> Path | None:
    """With ``ROSTER_UPDATE_SCREENSHOTS=1``: the page as ``docs/screenshots/<name>.png``
    (its top ``height`` pixels only, when given: a long page's beginning)."""
    if os.environ.get("ROSTER_UPDATE_SCREENSHOTS") != "1":
        return None
    DOC_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = DOC_SCREENSHOTS / f"{name}.png"
    if height is None:
        page.screenshot(path=str(path), full_page=True)
    else:
        width = int(page.evaluate("document.documentElement.clientWidth"))
        clip: FloatRect = {"x": 0, "y": 0, "width": width, "height": height}
        page.screenshot(path=str(path), full_page=True, clip=clip)
    return path
