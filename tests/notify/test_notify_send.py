"""`roster notify` against a real SMTP server on loopback: duty reminders sent once, to the
right people, with the right subject and body in German and English, the calendar file,
no client data; a second run sends nothing; the trial run; people without an address;
a volunteer who switched reminders off."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from icalendar import Calendar

from roster.app.notify.run import notify
from roster.cli import main

TODAY = date(2026, 12, 8)
NOW = datetime(2026, 12, 8, 6, 0, tzinfo=UTC)
DEC_9 = ["v01", "v03", "v06", "v08", "v16", "v19", "v21"]
DEC_10 = [
    *("v02", "v05", "v07", "v10", "v20", "v22", "v12", "v29"),
    *("v23", "v24", "v14", "v11", "v18", "v25", "v17", "v30"),
]


def _address(volunteer: str) -> str:
    return f"{volunteer}@example.org"


def _to(message: EmailMessage) -> str:
    return str(message["To"])


def _by_address(messages: list[EmailMessage]) -> dict[str, EmailMessage]:
    found: dict[str, EmailMessage] = {}
    for message in messages:
        address = message["To"].addresses[0].addr_spec
        assert address not in found, f"two messages to {address}"
        found[address] = message
    return found


def _texts(message: EmailMessage) -> tuple[str, str]:
    plain = message.get_body(preferencelist=("plain",))
    markup = message.get_body(preferencelist=("html",))
    assert plain is not None
    assert markup is not None

    def lines(content: object) -> str:
        return str(content).replace("\r\n", "\n")

    return lines(plain.get_content()), lines(markup.get_content())


def _calendar(message: EmailMessage) -> Calendar:
    parts = [
        part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"
    ]
    assert len(parts) == 1
    assert parts[0].get_param("method") == "PUBLISH"
    content = parts[0].get_content()
    raw = content if isinstance(content, bytes) else str(content).encode("utf-8")
    return Calendar.from_ical(raw)


def _everything(message: EmailMessage) -> str:
    """Every header and every decoded part of a message."""
    pieces = [f"{key}: {value}" for key, value in message.items()]
    for part in message.walk():
        if part.is_multipart():
            continue
        content = part.get_content()
        pieces.append(content.decode("utf-8") if isinstance(content, bytes) else str(content))
        pieces.extend(f"{key}: {value}" for key, value in part.items())
    return "\n".join(pieces)


def test_each_reminder_is_sent_once_to_the_volunteer_on_duty_in_german(
    reminder_office: Path, smtp_server: Any, marker: str
) -> None:
    report = notify(reminder_office, today=TODAY, now=NOW)

    messages = smtp_server.messages
    by_address = _by_address(messages)
    assert sorted(by_address) == sorted(_address(v) for v in DEC_9 + DEC_10)
    assert [len(e) for e in smtp_server.envelopes] == [1] * 23
    assert len(report.sent) == 23
    assert report.ok
    assert not report.failed
    assert not report.no_email

    fatima = by_address["v19@example.org"]
    assert _to(fatima) == "Fatima Nouri <v19@example.org>"
    assert fatima["Subject"] == "Dienst morgen, Mi., 9. Dez., 13:00: Dolmetscher:in für Arabisch"
    assert fatima["From"] == "Integrationsbüro Velbert <buero@ihla.example.org>"
    assert fatima["Auto-Submitted"] == "auto-generated"
    assert fatima["List-Unsubscribe"] is None  # no page link in this office
    assert fatima["Date"] == "Tue, 08 Dec 2026 07:00:00 +0100"
    plain, markup = _texts(fatima)
    assert plain.startswith("Hallo Fatima Nouri,\n\nSie haben morgen Dienst.\n\n")
    assert "- Tag: Mittwoch, 9. Dezember 2026\n" in plain
    assert "- Ort: Rathaus Velbert, Räume der Freiwilligen Agentur\n" in plain
    assert "- Ihre Aufgabe: Dolmetscher:in für Arabisch" in plain
    assert "Ihre Termine:\n\n- 13:00: Termin auf Arabisch" in plain
    assert "Bitte fragen Sie im Büro nach dem Link zu Ihrer eigenen Seite." in plain
    assert "<p>Hallo Fatima Nouri,</p>" in markup
    assert "<li>13:00: Termin auf Arabisch</li>" in markup

    karim = by_address["v02@example.org"]
    assert karim["Subject"] == (
        "Dienst übermorgen, Do., 10. Dez., 14:00: Leitungsdienst und Beratung"
    )
    assert "Sie haben übermorgen Dienst." in _texts(karim)[0]

    for message in messages:
        everything = _everything(message)
        assert marker not in everything
        assert "Geheim" not in everything
        assert "A-2026-" not in everything  # case references only when the feeds show them

    log = json.loads((reminder_office / "notices" / "sent.json").read_text(encoding="utf-8"))
    assert log["schema"] == 1
    assert len(log["entries"]) == 23
    entry = log["entries"]["reminder/v19/2026-12-09/appointments-1300-interpreter-ar"]
    assert entry == {
        "kind": "reminder",
        "volunteer": "v19",
        "status": "sent",
        "attempts": 1,
        "first_attempt": "2026-12-08T06:00:00+00:00",
        "last_attempt": "2026-12-08T06:00:00+00:00",
        "error": None,
        "permanent": False,
    }
    stored = (reminder_office / "notices" / "sent.json").read_text(encoding="utf-8")
    assert "@" not in stored
    assert "Fatima" not in stored
    assert (reminder_office / "notices" / "sent.json").stat().st_mode & 0o777 == 0o600


def test_a_second_run_sends_nothing(reminder_office: Path, smtp_server: Any) -> None:
    notify(reminder_office, today=TODAY, now=NOW)
    log = reminder_office / "notices" / "sent.json"
    before = log.read_bytes()

    again = notify(reminder_office, today=TODAY, now=NOW.replace(hour=7))

    assert len(smtp_server.messages) == 23
    assert again.sent == []
    assert again.text == "Nichts zu senden.\n"
    assert log.read_bytes() == before
    # the next day, the same duties are not reminded again
    next_day = notify(
        reminder_office, today=date(2026, 12, 9), now=datetime(2026, 12, 9, 6, tzinfo=UTC)
    )
    assert next_day.sent == []


def test_reminders_in_english(
    reminder_office: Path, smtp_server: Any, set_locale: Callable[[str], None]
) -> None:
    set_locale("en")

    report = notify(reminder_office, today=TODAY, now=NOW)

    by_address = _by_address(smtp_server.messages)
    fatima = by_address["v19@example.org"]
    assert fatima["Subject"] == "Duty tomorrow, Wed, Dec 9, 1:00 PM: Interpreter for Arabic"
    plain, markup = _texts(fatima)
    assert plain.startswith("Hello Fatima Nouri,\n\nYou are on duty tomorrow.\n\n")
    assert "- Your task: Interpreter for Arabic" in plain
    assert "Please ask the office for the link to your own page." in plain
    assert '<html lang="en">' in markup
    assert by_address["v05@example.org"]["Subject"] == (
        "Duty in 2 days, Thu, Dec 10, 2:00 PM: Counsellor"
    )
    assert report.text.startswith("23 messages sent:\n  Birgit Sommer: Duty tomorrow")


def test_colleagues_and_case_references_only_when_the_office_shows_them(
    reminder_office: Path, smtp_server: Any, marker: str
) -> None:
    office = reminder_office / "office.yaml"
    extra = "volunteers:\n  show_colleagues: true\nfeeds:\n  case_refs: true\n"
    office.write_text(office.read_text(encoding="utf-8") + extra, encoding="utf-8")

    notify(reminder_office, today=TODAY, now=NOW)

    fatima = _by_address(smtp_server.messages)["v19@example.org"]
    plain, _ = _texts(fatima)
    assert "- 13:00: Termin auf Arabisch (Fall A-2026-017)" in plain
    assert (
        "Auch im Dienst: Birgit Sommer, Heike Brandt, Leonie Hartmann, Nadia Karimi, "
        "Olena Kovalenko, Ursula Krämer"
    ) in plain
    for message in smtp_server.messages:
        assert marker not in _everything(message)


def test_the_calendar_file_carries_the_duty(reminder_office: Path, smtp_server: Any) -> None:
    notify(reminder_office, today=TODAY, now=NOW)

    thomas = _by_address(smtp_server.messages)["v05@example.org"]
    calendar = _calendar(thomas)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert event.decoded("dtstart") == datetime(2026, 12, 10, 13, 0, tzinfo=UTC)
    assert event.decoded("dtend") == datetime(2026, 12, 10, 15, 0, tzinfo=UTC)
    assert event.decoded("dtstamp") == NOW
    assert str(event["summary"]) == "Dienst: Berater:in"
    assert str(event["location"]) == "Rathaus Velbert, Räume der Freiwilligen Agentur"
    assert str(event["uid"]).endswith("@reminder.roster")
    assert str(calendar["method"]) == "PUBLISH"
    attachment = next(thomas.iter_attachments())
    assert attachment.get_filename() == "Dienst 2026-12-10.ics"


def test_the_trial_run_sends_and_writes_nothing(reminder_office: Path, smtp_server: Any) -> None:
    before = {p: p.read_bytes() for p in sorted(reminder_office.rglob("*")) if p.is_file()}

    report = notify(reminder_office, today=TODAY, now=NOW, dry_run=True)

    after = {p: p.read_bytes() for p in sorted(reminder_office.rglob("*")) if p.is_file()}
    assert after == before
    assert smtp_server.messages == []
    assert report.dry_run
    assert len(report.would_send) == 23
    assert report.sent == []
    lines = report.text.splitlines()
    assert lines[0] == "Probelauf, nichts gesendet. 23 Nachrichten würden gesendet:"
    assert (
        "  Fatima Nouri: Dienst morgen, Mi., 9. Dez., 13:00: Dolmetscher:in für Arabisch" in lines
    )


def test_the_trial_run_works_without_a_mail_server(reminder_office: Path) -> None:
    office = reminder_office / "office.yaml"
    text = office.read_text(encoding="utf-8")
    office.write_text(
        text.split("mail:\n")[0] + "notices:" + text.split("notices:")[1], encoding="utf-8"
    )

    report = notify(reminder_office, today=TODAY, now=NOW, dry_run=True)

    assert len(report.would_send) == 23


def test_a_volunteer_without_an_address_is_listed_once_then_sent_when_they_have_one(
    reminder_office: Path, smtp_server: Any
) -> None:
    volunteers = reminder_office / "volunteers.yaml"
    original = volunteers.read_text(encoding="utf-8")
    volunteers.write_text(original.replace("    email: v05@example.org\n", ""), encoding="utf-8")

    first = notify(reminder_office, today=TODAY, now=NOW)

    assert [item.name for item in first.no_email] == ["Thomas Weber"]
    assert len(first.sent) == 22
    assert "1 Person hat keine E-Mail-Adresse und bekommt keine Nachrichten:\n" in first.text
    assert "  Thomas Weber: Dienst übermorgen, Do., 10. Dez., 14:00: Berater:in\n" in first.text
    assert "v05@example.org" not in {m["To"].addresses[0].addr_spec for m in smtp_server.messages}

    second = notify(reminder_office, today=TODAY, now=NOW.replace(hour=7))
    assert second.no_email == []
    assert second.text == "Nichts zu senden.\n"

    volunteers.write_text(original, encoding="utf-8")
    third = notify(reminder_office, today=TODAY, now=NOW.replace(hour=8))
    assert [(item.volunteer, item.name) for item in third.sent] == [("v05", "Thomas Weber")]


def test_a_volunteer_who_switched_reminders_off_gets_none(
    reminder_office: Path, smtp_server: Any
) -> None:
    (reminder_office / "notices").mkdir()
    (reminder_office / "notices" / "preferences.json").write_text(
        json.dumps({"schema": 1, "off": {"v19": ["reminder"]}}), encoding="utf-8"
    )

    report = notify(reminder_office, today=TODAY, now=NOW)

    addresses = {m["To"].addresses[0].addr_spec for m in smtp_server.messages}
    assert "v19@example.org" not in addresses
    assert len(addresses) == 22
    assert "Fatima Nouri" not in report.text


def test_an_office_that_sends_no_reminders_sends_none(
    reminder_office: Path, smtp_server: Any
) -> None:
    office = reminder_office / "office.yaml"
    office.write_text(
        office.read_text(encoding="utf-8").replace("notices:\n", "notices:\n  reminders: false\n"),
        encoding="utf-8",
    )

    report = notify(reminder_office, today=TODAY, now=NOW)

    assert smtp_server.messages == []
    assert report.text == "Nichts zu senden.\n"


def test_a_session_that_has_started_gets_no_reminder(
    reminder_office: Path, smtp_server: Any
) -> None:
    started = datetime(2026, 12, 9, 12, 30, tzinfo=UTC)  # 13:30 in Velbert: the session runs

    report = notify(reminder_office, today=date(2026, 12, 9), now=started)

    assert {item.volunteer for item in report.sent} == set(DEC_10)
    assert all("morgen," in item.subject for item in report.sent)
    del smtp_server


def test_the_command_sends_and_prints_the_report(reminder_office: Path, smtp_server: Any) -> None:
    result = CliRunner().invoke(main, ["notify", str(reminder_office), "--today", "2026-12-08"])

    assert result.exit_code == 0, result.output
    assert result.output.startswith("23 Nachrichten gesendet:\n  Birgit Sommer: Dienst morgen")
    assert len(smtp_server.messages) == 23

    again = CliRunner().invoke(main, ["notify", str(reminder_office), "--today", "2026-12-08"])
    assert again.exit_code == 0
    assert again.output == "Nichts zu senden.\n"


def test_the_command_without_a_mail_server_says_how_to_set_it_up(tmp_path: Path) -> None:
    folder = tmp_path / "office"
    folder.mkdir()
    example = Path(__file__).resolve().parents[2] / "examples" / "velbert"
    for name in ("office.yaml", "volunteers.yaml", "visits.csv"):
        (folder / name).write_bytes((example / name).read_bytes())

    result = CliRunner().invoke(main, ["notify", str(folder), "--today", "2026-12-08"])

    assert result.exit_code == 2
    assert "Der Mail-Server ist noch nicht eingerichtet." in result.output
    assert "Traceback" not in result.output
    assert not (folder / "notices").exists()
