"""Gap alerts (issue 16): a gap less than K days ahead goes to at most the office's cap
of volunteers the step-in page would offer it to, fewest duties first."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from test_kind_support import (
    SESSION_10,
    assert_no_client_data,
    context,
    edit_plan,
    office_copy,
    session_of,
)

from roster.app.notify.due_gaps import due_gap_alerts
from roster.app.volunteer_duties import step_in_page
from roster.domain.notice_settings import NoticeSettings

TODAY = date(2026, 12, 4)
CAP3 = NoticeSettings(gap_cap=3)
KEY = "gap_alert/2026-12-10/2026-12-10-open-1400"


def _gaps_office(tmp_path: Path, locale: str = "de") -> Path:
    """v05 (a counsellor) and v20 (an Arabic interpreter) gave back Thursday 10 Dec: two
    more gaps beside Russian and Tigrinya, which nobody can fill."""
    folder = office_copy(tmp_path / "office", locale=locale)

    def give_back(plan: dict[str, Any]) -> None:
        session = session_of(plan, SESSION_10)
        session["staff"] = [e for e in session["staff"] if e["volunteer"] not in ("v05", "v20")]
        session["uncovered"] += [
            {"need": "counsellors", "missing": 1, "reason": "given back"},
            {"need": "language", "language": "ar", "missing": 1, "reason": "given back"},
        ]

    edit_plan(folder, give_back)
    return folder


def test_each_gap_goes_to_at_most_the_cap_fewest_duties_first(tmp_path: Path) -> None:
    folder = _gaps_office(tmp_path)
    notices = due_gap_alerts(context(folder, TODAY, settings=CAP3))
    assert [notice.key for notice in notices] == [
        f"{KEY}/counsellors/v05",
        f"{KEY}/counsellors/v03",
        f"{KEY}/counsellors/v04",
        f"{KEY}/ar/v04",
        f"{KEY}/ar/v20",
    ]
    assert {notice.kind for notice in notices} == {"gap_alert"}
    counsellor = notices[0]
    assert counsellor.volunteer == "v05"
    assert counsellor.subject == "Beratung fehlt am Do., 10. Dez.: können Sie einspringen?"
    assert counsellor.text == (
        "Am Do., 10. Dez. (14:00\u201316:00 Uhr) fehlt eine Berater:in.\n\n"
        "Sie könnten einspringen: Beratung.\n\n"
        "Öffnen Sie Ihre Seite mit dem Link unten. Dort können Sie einspringen. "
        "Die Leitung bestätigt es."
    )
    arabic = notices[4]
    assert arabic.subject == "Arabisch fehlt am Do., 10. Dez.: können Sie einspringen?"
    assert arabic.html == (
        "<p>Am Do., 10. Dez. (14:00\u201316:00 Uhr) fehlt Arabisch.</p>\n"
        "<p>Sie könnten einspringen: Dolmetschen (Arabisch).</p>\n"
        "<p>Öffnen Sie Ihre Seite mit dem Link unten. Dort können Sie einspringen. "
        "Die Leitung bestätigt es.</p>"
    )
    assert_no_client_data(notices)
    again = due_gap_alerts(context(folder, TODAY, settings=CAP3))
    assert [notice.key for notice in again] == [notice.key for notice in notices]


def test_only_who_the_step_in_page_offers_it_to(tmp_path: Path) -> None:
    folder = _gaps_office(tmp_path)
    notices = due_gap_alerts(context(folder, TODAY))
    now = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)
    for notice in notices:
        options = step_in_page(folder, notice.volunteer, now=now).options
        assert date(2026, 12, 10) in {option.date for option in options}, notice.key
    assert len([n for n in notices if "/counsellors/" in n.key]) == 5  # the default cap


def test_the_english_alert_without_a_page(tmp_path: Path) -> None:
    folder = _gaps_office(tmp_path, locale="en")
    ctx = context(folder, TODAY, settings=NoticeSettings(gap_cap=1), without_page=["v04"])
    notices = due_gap_alerts(ctx)
    assert [notice.key for notice in notices] == [f"{KEY}/counsellors/v05", f"{KEY}/ar/v04"]
    assert notices[0].subject == "Counselling missing on Thu, Dec 10: can you step in?"
    assert notices[1].subject == "Arabic missing on Thu, Dec 10: can you step in?"
    assert notices[1].text == (
        "On Thu, Dec 10 (2:00\u2009\u2013\u20094:00\u202fPM), Arabic is missing.\n\n"
        "You could step in: counselling in Arabic.\n\n"
        "Please call the office if you can step in."
    )


def test_switched_off_too_far_or_started_sends_nothing(tmp_path: Path) -> None:
    folder = _gaps_office(tmp_path)
    ctx = context(folder, TODAY, settings=CAP3, off=[("v05", "gap_alert")])
    assert [n.key for n in due_gap_alerts(ctx)][:3] == [
        f"{KEY}/counsellors/v03",
        f"{KEY}/counsellors/v04",
        f"{KEY}/counsellors/v09",
    ]
    assert due_gap_alerts(context(folder, TODAY, settings=NoticeSettings(gap_days=6))) == []
    assert due_gap_alerts(context(folder, TODAY, settings=NoticeSettings(gap_days=0))) == []
    started = datetime(2026, 12, 10, 13, 30, tzinfo=UTC)
    assert due_gap_alerts(context(folder, date(2026, 12, 10), now=started)) == []
