"""Poll invitations and reminders (issue 16): an invitation while a month's poll is open,
a reminder from M days before its deadline, only to who has not answered; nothing after
the deadline, nothing to who has left."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from test_kind_support import assert_no_client_data, context, office_copy

from roster.app.notify.due_polls import due_poll_invitations, due_poll_reminders
from roster.app.poll_admin import close_poll, open_poll
from roster.domain.notice_settings import NoticeSettings

OPENED = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
UNTIL = date(2026, 11, 27)


def _poll_office(tmp_path: Path, locale: str = "de") -> Path:
    """December's poll open until Fri 27 Nov; v05, v07 and v09 have not answered (nor v27,
    whose row is empty), v09 has left the office."""
    folder = office_copy(tmp_path / "office", locale=locale)
    poll = folder / "availability" / "2026-12.csv"
    rows = poll.read_text(encoding="utf-8").splitlines(keepends=True)
    poll.write_text(
        "".join(row for row in rows if row.split(",")[0] not in ("v05", "v07", "v09")),
        encoding="utf-8",
    )
    team = folder / "volunteers.yaml"
    line = "    name: Michael Schulte\n"
    text = team.read_text(encoding="utf-8")
    assert line in text
    team.write_text(text.replace(line, line + "    left: 2026-10-31\n", 1), encoding="utf-8")
    open_poll(folder, "2026-12", UNTIL, now=OPENED)
    return folder


def test_the_invitation_goes_to_who_has_not_answered(tmp_path: Path) -> None:
    folder = _poll_office(tmp_path)
    notices = due_poll_invitations(context(folder, date(2026, 11, 20), without_page=["v07"]))
    assert [(n.key, n.volunteer, n.kind) for n in notices] == [
        ("poll_invitation/2026-12/v05", "v05", "poll_invitation"),
        ("poll_invitation/2026-12/v07", "v07", "poll_invitation"),
        ("poll_invitation/2026-12/v27", "v27", "poll_invitation"),
    ]
    first, second, _ = notices
    assert first.subject == "Umfrage für Dezember bis Fr., 27. Nov.: Tippen Sie Ihre Tage an"
    assert first.text == (
        "Wann können Sie im Dezember helfen? Die Umfrage ist offen.\n\n"
        "Sie können bis Freitag, 27. November 2026 antworten.\n\n"
        "Öffnen Sie Ihre Seite mit dem Link unten. Tippen Sie Ihre Tage an."
    )
    assert first.html == (
        "<p>Wann können Sie im Dezember helfen? Die Umfrage ist offen.</p>\n"
        "<p>Sie können bis Freitag, 27. November 2026 antworten.</p>\n"
        "<p>Öffnen Sie Ihre Seite mit dem Link unten. Tippen Sie Ihre Tage an.</p>"
    )
    assert second.text.endswith(
        "Bitte sagen Sie dem Büro, an welchen Tagen Sie helfen können."
    )  # no page link: the office takes the answer
    assert first.calendar is None
    assert_no_client_data(notices)
    again = due_poll_invitations(context(folder, date(2026, 11, 21), without_page=["v07"]))
    assert [n.key for n in again] == [n.key for n in notices]


def test_the_english_invitation_and_reminder(tmp_path: Path) -> None:
    folder = _poll_office(tmp_path, locale="en")
    invitation = due_poll_invitations(context(folder, date(2026, 11, 20)))[0]
    assert invitation.subject == "Answer the December poll by Fri, Nov 27: tap your days"
    assert invitation.text == (
        "When can you help in December? The poll is open.\n\n"
        "You can answer until Friday, November 27, 2026.\n\n"
        "Open your page with the link below and tap your days."
    )
    reminder = due_poll_reminders(context(folder, date(2026, 11, 24)))[0]
    assert reminder.key == "poll_reminder/2026-12/v05"
    assert reminder.subject == "Reminder: answer the December poll by Fri, Nov 27"
    assert reminder.text.splitlines()[0] == "You have not answered the poll for December yet."


def test_the_reminder_comes_m_days_before_the_deadline(tmp_path: Path) -> None:
    folder = _poll_office(tmp_path)
    assert due_poll_reminders(context(folder, date(2026, 11, 23))) == []
    reminders = due_poll_reminders(context(folder, date(2026, 11, 24)))
    assert [n.key for n in reminders] == [
        "poll_reminder/2026-12/v05",
        "poll_reminder/2026-12/v07",
        "poll_reminder/2026-12/v27",
    ]
    assert reminders[0].subject == "Erinnerung: Umfrage für Dezember bis Fr., 27. Nov."
    assert reminders[0].text.splitlines()[0] == (
        "Sie haben die Umfrage für Dezember noch nicht beantwortet."
    )
    assert [n.key for n in due_poll_reminders(context(folder, UNTIL))] == [n.key for n in reminders]
    later = NoticeSettings(poll_reminder_days=1)
    assert due_poll_reminders(context(folder, date(2026, 11, 25), settings=later)) == []


def test_nothing_after_the_deadline_or_when_closed(tmp_path: Path) -> None:
    folder = _poll_office(tmp_path)
    day_after = date(2026, 11, 28)
    assert due_poll_invitations(context(folder, day_after)) == []
    assert due_poll_reminders(context(folder, day_after)) == []
    close_poll(folder, "2026-12", now=OPENED)
    assert due_poll_invitations(context(folder, date(2026, 11, 20))) == []
    assert due_poll_reminders(context(folder, date(2026, 11, 25))) == []


def test_switched_off_and_no_poll(tmp_path: Path) -> None:
    folder = _poll_office(tmp_path)
    ctx = context(folder, date(2026, 11, 25), off=[("v05", "poll_invitation")])
    assert [n.volunteer for n in due_poll_invitations(ctx)] == ["v07", "v27"]
    assert [n.volunteer for n in due_poll_reminders(ctx)] == ["v05", "v07", "v27"]
    plain = office_copy(tmp_path / "plain")
    assert due_poll_invitations(context(plain, date(2026, 11, 20))) == []
