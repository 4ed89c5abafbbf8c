"""Plain words on paper (issue 12, sections 4 and 5): the door sign says how to book the
appointment hours, the rota names its month once and keeps a language's code with its
"✗ 1 FEHLT" box, the personal schedule gives the Android advice of docs/subscribe.md,
and missing fonts are one line naming the languages affected, in both locales."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from roster.domain.month import Month
from roster.folder.load import load_office
from roster.planfile.io import write_plan
from roster.planfile.schema import Plan
from roster.printouts import print_month
from roster.printouts.glyphs import FONT_PACKAGE, glyph_problem
from roster.wording.printouts import TEXTS as WORDS

DECEMBER = Month(2026, 12)
REPO = Path(__file__).resolve().parents[2]
CSS = (REPO / "templates" / "print.css").read_text(encoding="utf-8")


def printed(folder: Path, name: str, locale: str) -> str:
    print_month(load_office(folder), DECEMBER, locale=locale)
    return (folder / "print" / f"{name}.html").read_text(encoding="utf-8")


def set_contact(folder: Path, contact: str | None) -> None:
    """Replace the example office's contact block with ``contact`` (None: no contact)."""
    path = folder / "office.yaml"
    text = path.read_text(encoding="utf-8")
    block = re.search(r"^contact:.*\n(?:  .*\n)*", text, flags=re.MULTILINE)
    assert block is not None, "the example office has a contact"
    path.write_text(text.replace(block.group(0), contact or ""), encoding="utf-8")


DOOR_CONTACT = {
    "de": (
        '<section class="contact">\n'
        "<p><strong>Termin vereinbaren:</strong> Dienstags 10-12 Uhr im Büro oder per E-Mail.</p>\n"
        "<p>E-Mail: <strong>termine@ihla.example.org</strong></p>\n"
        "</section>\n"
    ),
    "en": (
        '<section class="contact">\n'
        "<p><strong>To book an appointment:</strong> Dienstags 10-12 Uhr im Büro oder per "
        "E-Mail.</p>\n"
        "<p>Email: <strong>termine@ihla.example.org</strong></p>\n"
        "</section>\n"
    ),
}


@pytest.mark.parametrize("locale", ["de", "en"])
def test_the_door_sign_says_how_to_book_the_appointment_hours(
    real_plan_folder: Path, html_only: None, locale: str
) -> None:
    door = printed(real_plan_folder, "door-2026-12", locale)
    assert door.count('<section class="contact">') == 1
    assert DOOR_CONTACT[locale] in door
    # below the opening hours, above the dates
    assert door.index("</table>") < door.index(DOOR_CONTACT[locale]) < door.index('class="day"')


def test_phone_and_email_share_a_line_and_a_sign_without_contact_has_none(
    real_plan_folder: Path, html_only: None
) -> None:
    set_contact(real_plan_folder, 'contact: {phone: "02051 26-2000", email: a@example.org}\n')
    door = printed(real_plan_folder, "door-2026-12", "de")
    assert (
        '<section class="contact">\n'
        "<p><strong>Termin vereinbaren:</strong></p>\n"
        "<p>Telefon: <strong>02051 26-2000</strong> · E-Mail: <strong>a@example.org</strong></p>\n"
        "</section>\n"
    ) in door
    set_contact(real_plan_folder, None)
    door = printed(real_plan_folder, "door-2026-12", "en")
    assert '<section class="contact">' not in door and "To book" not in door
    assert '</table>\n\n<section class="day">' in door


@pytest.mark.parametrize(
    ("locale", "month", "title"),
    [
        ("de", "Dezember 2026", "Dienstplan Dezember 2026"),
        ("en", "December 2026", "Rota December 2026"),
    ],
)
def test_the_rota_header_names_the_month_once(
    real_plan_folder: Path, html_only: None, locale: str, month: str, title: str
) -> None:
    rota = printed(real_plan_folder, "rota-2026-12", locale)
    header = rota.split('<header class="head">', 1)[1].split("</header>", 1)[0]
    assert header.count(month) == 1
    assert f"<h1>{title}</h1>" in header
    assert 'class="subtitle"' not in header
    # the other printouts keep their subtitle: the door sign's is the month
    door = (real_plan_folder / "print" / "door-2026-12.html").read_text(encoding="utf-8")
    assert f'<div class="subtitle">{month}</div>' in door


def test_a_language_code_and_its_missing_box_are_one_unit(
    real_plan_folder: Path, html_only: None
) -> None:
    rota = printed(real_plan_folder, "rota-2026-12", "de")
    interpreters = "".join(re.findall(r'<td class="interpreters">(.*?)</td>', rota, flags=re.S))
    boxes = interpreters.count('<span class="gap">')
    units = re.findall(
        r'<span class="need"><span class="code">[a-z-]+</span> <span class="gap">✗ \d+ FEHLT</span></span>',
        interpreters,
    )
    assert boxes == len(units) == 7  # each uncovered language of the example month
    assert '<span class="code">ti</span>  ' not in interpreters  # no double space
    rule = re.search(r"\.rota \.language \.need \{([^}]*)\}", CSS)
    assert rule is not None
    assert "white-space: nowrap" in rule.group(1) and "display: inline-block" in rule.group(1)


def test_the_android_advice_agrees_with_docs_subscribe() -> None:
    guide = (REPO / "docs" / "subscribe.md").read_text(encoding="utf-8")
    assert "### ICSx⁵ (recommended for the link)" in guide
    assert "Google refreshes such" in guide
    assert WORDS["de"]["feed_how"] == (
        "Den Link in der Kalender-App als Abonnement eintragen: iPhone: Einstellungen → "
        "Kalender → Accounts → Account hinzufügen → Andere → Kalenderabo hinzufügen. Android: "
        "die App ICSx⁵ installieren (F-Droid oder Google Play), auf + tippen, den Link "
        "einfügen, jede Stunde synchronisieren. Nicht über Google Kalender im Browser: Google "
        "aktualisiert solche Kalender nur selten. Neue und geänderte Dienste erscheinen dann "
        "von selbst."
    )
    assert WORDS["en"]["feed_how"] == (
        "Add the link in your calendar app as a subscription: iPhone: Settings → Calendar → "
        "Accounts → Add Account → Other → Add Subscribed Calendar. Android: install the app "
        "ICSx⁵ (F-Droid or Google Play), tap +, paste the link, sync every hour. Not through "
        "Google Calendar in a browser: Google refreshes such calendars only rarely. New and "
        "changed duties then appear by themselves."
    )


def test_the_personal_schedule_prints_the_android_advice(
    real_plan_folder: Path, html_only: None
) -> None:
    for locale in ("de", "en"):
        schedule = printed(real_plan_folder, "people/v04-2026-12", locale)
        assert f'<p class="small">{WORDS[locale]["feed_how"]}</p>' in schedule


GLYPH_LINES = {
    "de": (
        "In den PDFs fehlen Buchstaben für Tigrinya, weil auf diesem Computer Schriften fehlen. "
        "Installieren Sie sie (Debian oder Ubuntu) mit: sudo apt-get install fonts-noto-core; "
        "dann noch einmal drucken."
    ),
    "en": (
        "The PDFs lack letters for Tigrinya, because fonts are missing on this computer. "
        "Install them (Debian or Ubuntu) with: sudo apt-get install fonts-noto-core; then "
        "print again."
    ),
}


@pytest.mark.parametrize("locale", ["de", "en"])
def test_missing_letters_are_one_line_naming_the_languages(
    office_folder: Path, locale: str
) -> None:
    data = load_office(office_folder)
    assert glyph_problem(data, set(), locale) is None
    # ት and ግ are letters of ትግርኛ, Tigrinya's own name on the door sign
    assert glyph_problem(data, {"ት", "ግ"}, locale) == GLYPH_LINES[locale]
    assert FONT_PACKAGE == "fonts-noto-core"


def test_letters_of_no_language_are_named_by_script_or_code_point(office_folder: Path) -> None:
    data = load_office(office_folder)
    # ی (Persian yeh) is in فارسی and دری and in Central Kurdish's own name; ა is Georgian
    # (no language of the office); U+E000 has no script at all.
    german = glyph_problem(data, {"ی", "ა", "\ue000"}, "de")
    assert german is not None
    assert german.startswith(
        "In den PDFs fehlen Buchstaben für Dari, Persisch, Zentralkurdisch, die Schrift "
        "Georgisch, die Zeichen U+E000, weil"
    )
    english = glyph_problem(data, {"ی", "ა", "\ue000"}, "en")
    assert english is not None
    assert english.startswith(
        "The PDFs lack letters for Central Kurdish, Dari, Persian, the Georgian script, the "
        "characters U+E000, because"
    )


@pytest.mark.parametrize(
    ("locale", "said", "column", "arabic"),
    [
        (
            "de",
            "Es wurden noch keine Besuche erfasst. Geplant wird deshalb mit dem üblichen "
            "Dolmetschbedarf, der für das Büro eingetragen ist.",
            "Dolmetscher:innen je offene Sprechstunde (üblicher Bedarf)",
            "Arabisch (ar)",
        ),
        (
            "en",
            "No visits have been recorded yet, so the plan uses the usual interpreter need set "
            "for the office.",
            "Interpreters per session of open hours (usual need)",
            "Arabic (ar)",
        ),
    ],
)
def test_an_agenda_without_recorded_visits_shows_no_figures_that_look_like_data(
    office_folder: Path,
    make_plan: Callable[..., Plan],
    html_only: None,
    locale: str,
    said: str,
    column: str,
    arabic: str,
) -> None:
    """Without a visit log, no "last 0 weeks" and no "expected 4.0" visitors made up from
    the standing need: the agenda says that no visits were recorded and shows the
    interpreters the plan used per open-hours session."""
    (office_folder / "visits.csv").unlink()
    write_plan(office_folder, make_plan(office_folder))
    agenda = printed(office_folder, "agenda-2026-12", locale)
    section = agenda.split("</h3>", 3)[2].split("<h3>", 1)[0]
    assert f"<p>{said}</p>" in section
    assert f'<th class="number">{column}</th>' in section
    assert f'<tr><td>{arabic}</td><td class="number">1</td></tr>' in section
    for figure in ("letzte", "last ", "Trend", "trend", "erwartet", "expected", "<figure>"):
        assert figure not in section, figure
