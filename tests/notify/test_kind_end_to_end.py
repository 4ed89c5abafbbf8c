"""Change notices, poll messages, gap alerts and the leads' digest through `roster notify`
against a real SMTP server on loopback (the fixtures of conftest.py): each sent once to
the right people, a second run sends nothing, no client data in any message."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from icalendar import Calendar

from roster.app.feeds import publish_month
from roster.app.notify.change_state import remember_told
from roster.app.notify.run import notify
from roster.app.poll_admin import open_poll
from roster.folder.load import load_office

KINDS = ("reminders", "changes", "polls", "gaps", "digest")
SESSION_10 = "2026-12-10-open-1400"


def _only(folder: Path, kind: str) -> None:
    """Switch every kind of message off but ``kind``."""
    office = folder / "office.yaml"
    lines = "".join(f"  {name}: {'true' if name == kind else 'false'}\n" for name in KINDS)
    text = office.read_text(encoding="utf-8").rstrip("\n")
    office.write_text(f"{text}\nnotices:\n{lines}", encoding="utf-8")


def _edit_plan(folder: Path, volunteer: str, replacement: str | None) -> None:
    """``volunteer`` leaves Thursday 10 Dec: to ``replacement``, or a counsellor gap."""
    path = folder / "rotas" / "2026-12.json"
    plan = json.loads(path.read_text(encoding="utf-8"))
    session = next(s for s in plan["sessions"] if s["id"] == SESSION_10)
    if replacement is None:
        session["staff"] = [e for e in session["staff"] if e["volunteer"] != volunteer]
        session["uncovered"].append({"need": "counsellors", "missing": 1, "reason": "-"})
    else:
        for entry in session["staff"]:
            if entry["volunteer"] == volunteer:
                entry["volunteer"] = replacement
    path.write_text(json.dumps(plan, indent=1), encoding="utf-8")


def _to(message: EmailMessage) -> str:
    address: str = message["To"].addresses[0].addr_spec
    return address


def _plain(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")


def _no_marker(messages: list[EmailMessage], marker: str) -> None:
    for message in messages:
        assert marker not in message.as_string()
        assert "Frau Geheim" not in message.as_string()


def _ids(folder: Path) -> list[str]:
    return [person.id for person in load_office(folder).volunteers]


def test_a_replan_sends_one_change_notice_to_each_affected_volunteer(
    mail_office: Path, smtp_server: Any, marker: str
) -> None:
    _only(mail_office, "changes")
    publish_month(mail_office, "2026-12", now=datetime(2026, 12, 1, 7, tzinfo=UTC))
    now = datetime(2026, 12, 1, 8, tzinfo=UTC)
    assert notify(mail_office, now=now).sent == []  # the first run: no baseline, nothing
    remember_told(mail_office, _ids(mail_office))  # what a real run does after sending
    _edit_plan(mail_office, "v05", "v06")
    publish_month(mail_office, "2026-12", now=datetime(2026, 12, 1, 9, tzinfo=UTC))
    later = datetime(2026, 12, 1, 9, 10, tzinfo=UTC)
    report = notify(mail_office, now=later)
    assert [(item.volunteer, item.kind) for item in report.sent] == [
        ("v05", "change"),
        ("v06", "change"),
    ]
    messages = {_to(message): message for message in smtp_server.messages}
    assert sorted(messages) == ["v05@example.org", "v06@example.org"]
    thomas = messages["v05@example.org"]
    assert thomas["Subject"] == "Neuer Dienstplan: 1 Änderung bei Ihren Diensten"
    assert (
        "- Nicht mehr Ihr Dienst: Do., 10. Dez., 14:00\u201316:00 Uhr: "
        "Offene Sprechstunde: Beratung"
    ) in _plain(thomas)
    attachment = next(thomas.iter_attachments())
    assert attachment.get_filename() == "Dienst 2026-12-10.ics"
    content = attachment.get_content()
    raw = content if isinstance(content, bytes) else str(content).encode("utf-8")
    event = Calendar.from_ical(raw).walk("VEVENT")[0]
    assert str(event["STATUS"]) == "CANCELLED"
    _no_marker(smtp_server.messages, marker)
    smtp_server.clear()
    assert notify(mail_office, now=later).sent == []  # the sent-log holds them
    remember_told(mail_office, _ids(mail_office))
    assert notify(mail_office, now=later).sent == []  # the baseline moved on
    assert smtp_server.messages == []


def test_the_poll_invitation_goes_once_to_who_has_not_answered(
    mail_office: Path, smtp_server: Any, set_locale: Any, marker: str
) -> None:
    _only(mail_office, "polls")
    set_locale("en")
    opened = datetime(2026, 11, 20, 9, tzinfo=UTC)
    open_poll(mail_office, "2026-12", date(2026, 11, 27), now=opened)
    report = notify(mail_office, now=opened)
    assert [(item.volunteer, item.kind) for item in report.sent] == [("v27", "poll_invitation")]
    (message,) = smtp_server.messages
    assert _to(message) == "v27@example.org"
    assert message["Subject"] == "Answer the December poll by Fri, Nov 27: tap your days"
    assert "When can you help in December? The poll is open." in _plain(message)
    _no_marker(smtp_server.messages, marker)
    smtp_server.clear()
    assert notify(mail_office, now=opened).sent == []
    reminder = notify(mail_office, now=datetime(2026, 11, 25, 9, tzinfo=UTC))
    assert [(item.volunteer, item.kind) for item in reminder.sent] == [("v27", "poll_reminder")]
    assert [m["Subject"] for m in smtp_server.messages] == [
        "Reminder: answer the December poll by Fri, Nov 27"
    ]


def test_a_gap_alert_goes_once_to_who_could_step_in(
    mail_office: Path, smtp_server: Any, marker: str
) -> None:
    _only(mail_office, "gaps")
    _edit_plan(mail_office, "v05", None)
    now = datetime(2026, 12, 4, 8, tzinfo=UTC)
    report = notify(mail_office, now=now)
    assert [item.key for item in report.sent] == [
        f"gap_alert/2026-12-10/{SESSION_10}/counsellors/{volunteer}"
        for volunteer in ("v05", "v03", "v04", "v09", "v27")
    ]
    subjects = {m["Subject"] for m in smtp_server.messages}
    assert subjects == {"Beratung fehlt am Do., 10. Dez.: können Sie einspringen?"}
    _no_marker(smtp_server.messages, marker)
    smtp_server.clear()
    assert notify(mail_office, now=now).sent == []
    assert smtp_server.messages == []


def test_the_digest_goes_once_a_day_to_each_lead(
    mail_office: Path, smtp_server: Any, marker: str
) -> None:
    _only(mail_office, "digest")
    now = datetime(2026, 12, 4, 8, tzinfo=UTC)
    report = notify(mail_office, now=now)
    assert [item.key for item in report.sent] == [
        f"digest/{lead}/2026-12-04" for lead in ("v01", "v02", "v03")
    ]
    assert {_to(m) for m in smtp_server.messages} == {
        "v01@example.org",
        "v02@example.org",
        "v03@example.org",
    }
    assert {m["Subject"] for m in smtp_server.messages} == {"Das Büro am Fr., 4. Dez.: 6 Lücken"}
    _no_marker(smtp_server.messages, marker)
    smtp_server.clear()
    assert notify(mail_office, now=now).sent == []
    assert [i.key for i in notify(mail_office, now=datetime(2026, 12, 5, 8, tzinfo=UTC)).sent] == [
        f"digest/{lead}/2026-12-05" for lead in ("v01", "v02", "v03")
    ]
