"""When sending fails: a refused address or message, no connection, a login that fails,
the last attempt; two runs at once; the password file; settings `roster check` refuses;
a damaged sent-log. Nothing is lost and nothing is sent twice."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from filelock import FileLock

from roster.app.notify.run import notify
from roster.app.notify.smtp import SendFailure
from roster.cli import main
from roster.domain.errors import RosterError

TODAY = date(2026, 12, 8)
NOW = datetime(2026, 12, 8, 6, 0, tzinfo=UTC)
FATIMA = "v19@example.org"
FATIMA_KEY = "reminder/v19/2026-12-09/appointments-1300-interpreter-ar"


def _log(folder: Path) -> dict[str, Any]:
    stored: dict[str, Any] = json.loads((folder / "notices" / "sent.json").read_text("utf-8"))
    return stored


def _recipients(server: Any) -> list[str]:
    return [message["To"].addresses[0].addr_spec for message in server.messages]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def _at(minutes: int) -> datetime:
    return NOW + timedelta(minutes=minutes)


def test_a_refused_address_is_reported_retried_and_then_sent(
    reminder_office: Path, smtp_server: Any
) -> None:
    smtp_server.refuse_recipient(FATIMA)

    first = notify(reminder_office, today=TODAY, now=NOW)

    assert len(first.sent) == 22
    assert FATIMA not in _recipients(smtp_server)
    assert [(f.volunteer, f.reason_code, f.attempts, f.permanent) for f in first.failed] == [
        ("v19", "recipient", 1, True)
    ]
    assert not first.ok
    assert (
        "1 Nachricht konnte nicht gesendet werden. Der nächste Lauf versucht es noch einmal:\n"
        "  Fatima Nouri: Dienst morgen, Mi., 9. Dez., 13:00: Dolmetscher:in für Arabisch. "
        "Grund: der Mail-Server nimmt die Adresse nicht an. Versuch 1 von 5.\n"
        "  Der Mail-Server lehnt diese Adresse dauerhaft ab. "
        "Bitte prüfen Sie die E-Mail-Adresse von Fatima Nouri.\n"
    ) in first.text
    entry = _log(reminder_office)["entries"][FATIMA_KEY]
    assert (entry["status"], entry["attempts"], entry["error"], entry["permanent"]) == (
        "failed",
        1,
        "recipient",
        True,
    )

    second = notify(reminder_office, today=TODAY, now=_at(10))
    assert second.sent == []
    assert [f.attempts for f in second.failed] == [2]

    smtp_server.accept_recipient(FATIMA)
    third = notify(reminder_office, today=TODAY, now=_at(20))

    assert [item.volunteer for item in third.sent] == ["v19"]
    assert third.ok
    assert _recipients(smtp_server).count(FATIMA) == 1
    assert len(smtp_server.messages) == 23
    entry = _log(reminder_office)["entries"][FATIMA_KEY]
    assert (entry["status"], entry["attempts"], entry["error"]) == ("sent", 3, None)
    assert entry["first_attempt"] == "2026-12-08T06:00:00+00:00"
    assert entry["last_attempt"] == "2026-12-08T06:20:00+00:00"


def test_a_refused_message_is_sent_by_the_next_run(reminder_office: Path, smtp_server: Any) -> None:
    smtp_server.refuse_messages(1)

    first = notify(reminder_office, today=TODAY, now=NOW)

    assert [(f.name, f.reason_code) for f in first.failed] == [("Birgit Sommer", "message")]
    assert len(smtp_server.messages) == 22
    second = notify(reminder_office, today=TODAY, now=_at(10))
    assert [item.name for item in second.sent] == ["Birgit Sommer"]
    assert sorted(_recipients(smtp_server)) == sorted(set(_recipients(smtp_server)))
    assert len(smtp_server.messages) == 23


def test_no_connection_fails_every_message_and_the_next_run_sends_them(
    reminder_office: Path, smtp_server: Any, set_mail: Callable[..., None]
) -> None:
    set_mail(port=_closed_port())

    result = CliRunner().invoke(main, ["notify", str(reminder_office), "--today", "2026-12-08"])

    assert result.exit_code == 1
    assert result.output.startswith(
        "23 Nachrichten konnten nicht gesendet werden. Der nächste Lauf versucht es noch einmal:\n"
    )
    assert "Grund: keine Verbindung zum Mail-Server. Versuch 1 von 5." in result.output
    assert "Traceback" not in result.output
    entries = _log(reminder_office)["entries"]
    assert {(e["status"], e["error"], e["attempts"]) for e in entries.values()} == {
        ("failed", "connect", 1)
    }

    set_mail()
    report = notify(reminder_office, today=TODAY, now=_at(10))

    assert len(report.sent) == 23
    assert len(smtp_server.messages) == 23


def test_a_message_is_given_up_after_the_last_attempt(
    reminder_office: Path, smtp_server: Any
) -> None:
    smtp_server.refuse_recipient(FATIMA)
    for run in range(4):
        report = notify(reminder_office, today=TODAY, now=_at(10 * run))
        assert [f.attempts for f in report.failed] == [run + 1]

    last = notify(reminder_office, today=TODAY, now=_at(40))

    assert last.failed == []
    assert [(f.volunteer, f.attempts) for f in last.gave_up] == [("v19", 5)]
    assert "1 Nachricht wurde nach 5 Versuchen aufgegeben:\n" in last.text
    assert not last.ok
    smtp_server.accept_recipient(FATIMA)
    after = notify(reminder_office, today=TODAY, now=_at(50))
    assert after.text == "Nichts zu senden.\n"
    assert FATIMA not in _recipients(smtp_server)


def test_an_injected_sender_that_fails_is_recorded(reminder_office: Path) -> None:
    sent: list[EmailMessage] = []

    def flaky(message: EmailMessage, /) -> None:
        if "v05@" in str(message["To"]):
            raise SendFailure("timeout", connection=True)
        sent.append(message)

    report = notify(reminder_office, today=TODAY, now=NOW, send=flaky)

    assert len(sent) == 22
    assert [(f.name, f.reason) for f in report.failed] == [
        ("Thomas Weber", "der Mail-Server antwortet nicht")
    ]


def test_a_second_run_at_the_same_time_stops(reminder_office: Path, smtp_server: Any) -> None:
    (reminder_office / "notices").mkdir()
    with FileLock(str(reminder_office / "notices" / "sending.lock"), timeout=0):
        report = notify(reminder_office, today=TODAY, now=NOW)

    assert report.busy
    assert report.ok
    assert report.text == (
        "Ein anderer Lauf sendet gerade Nachrichten. Dieser Lauf hört auf. "
        "Der nächste Lauf sendet, was dann noch fällig ist.\n"
    )
    assert smtp_server.messages == []
    assert not (reminder_office / "notices" / "sent.json").exists()


def test_a_password_file_others_can_read_is_refused(
    reminder_office: Path,
    smtp_server: Any,
    set_mail: Callable[..., None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ROSTER_SMTP_PASSWORD", raising=False)
    secret = reminder_office / "smtp-password"
    secret.write_text("s3cret-Pa55\n", encoding="utf-8")
    secret.chmod(0o644)
    set_mail(extra="  user: buero\n  password_file: smtp-password\n")

    with pytest.raises(RosterError) as caught:
        notify(reminder_office, today=TODAY, now=NOW)

    message = str(caught.value)
    assert "Andere Benutzer dieses Computers können die Datei" in message
    assert f"chmod 600 {secret}" in message
    assert "s3cret" not in message
    assert smtp_server.messages == []
    assert not (reminder_office / "notices" / "sent.json").exists()


def test_a_failed_login_is_a_plain_reason_and_never_shows_the_password(
    reminder_office: Path,
    smtp_server: Any,
    set_mail: Callable[..., None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ROSTER_SMTP_PASSWORD", "s3cret-Pa55")
    set_mail(extra="  user: buero\n")

    report = notify(reminder_office, today=TODAY, now=NOW)

    assert smtp_server.messages == []  # the test server offers no login without TLS
    assert {f.reason_code for f in report.failed} == {"login"}
    assert "die Anmeldung beim Mail-Server ist fehlgeschlagen" in report.text
    assert "s3cret" not in report.text
    assert "s3cret" not in (reminder_office / "notices" / "sent.json").read_text("utf-8")


def test_a_missing_password_is_refused_before_anything_is_sent(
    reminder_office: Path,
    smtp_server: Any,
    set_mail: Callable[..., None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ROSTER_SMTP_PASSWORD", raising=False)
    set_mail(extra="  user: buero\n")

    with pytest.raises(RosterError, match="Das Passwort für den Mail-Server fehlt"):
        notify(reminder_office, today=TODAY, now=NOW)
    assert smtp_server.messages == []


def test_unencrypted_mail_to_another_host_is_refused_by_check(reminder_office: Path) -> None:
    office = reminder_office / "office.yaml"
    text = office.read_text(encoding="utf-8")
    office.write_text(text.replace("host: 127.0.0.1", "host: smtp.example.org"), encoding="utf-8")

    result = CliRunner().invoke(main, ["check", str(reminder_office)])

    assert result.exit_code == 2
    assert "security" in result.output
    assert "Traceback" not in result.output


def test_a_damaged_sent_log_is_a_plain_error(reminder_office: Path, smtp_server: Any) -> None:
    (reminder_office / "notices").mkdir()
    (reminder_office / "notices" / "sent.json").write_text("{half", encoding="utf-8")

    result = CliRunner().invoke(main, ["notify", str(reminder_office), "--today", "2026-12-08"])

    assert result.exit_code == 2
    assert "Die Liste der schon gesendeten Nachrichten ist beschädigt." in result.output
    assert smtp_server.messages == []


def test_old_entries_are_pruned(reminder_office: Path, smtp_server: Any) -> None:
    old = "2025-01-01T06:00:00+00:00"
    (reminder_office / "notices").mkdir()
    stale = {
        "kind": "reminder",
        "volunteer": "v01",
        "status": "sent",
        "attempts": 1,
        "first_attempt": old,
        "last_attempt": old,
        "error": None,
        "permanent": False,
    }
    (reminder_office / "notices" / "sent.json").write_text(
        json.dumps({"schema": 1, "entries": {"reminder/v01/2025-01-02/x": stale}}), encoding="utf-8"
    )

    notify(reminder_office, today=TODAY, now=NOW)

    entries = _log(reminder_office)["entries"]
    assert "reminder/v01/2025-01-02/x" not in entries
    assert len(entries) == 23
    assert len(smtp_server.messages) == 23
    assert (reminder_office / "notices" / "sent.json").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_a_server_without_encryption_fails_plainly_when_encryption_is_asked(
    reminder_office: Path, smtp_server: Any, security: str
) -> None:
    office = reminder_office / "office.yaml"
    text = office.read_text(encoding="utf-8")
    office.write_text(text.replace("security: none", f"security: {security}"), encoding="utf-8")

    report = notify(reminder_office, today=TODAY, now=NOW)

    assert smtp_server.messages == []
    assert {f.reason_code for f in report.failed} == {"tls"}
    assert "die verschlüsselte Verbindung zum Mail-Server ist fehlgeschlagen" in report.text


def test_two_runs_at_once_send_each_message_once(reminder_office: Path, smtp_server: Any) -> None:
    reports: list[Any] = []

    def run() -> None:
        reports.append(notify(reminder_office, today=TODAY, now=NOW))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    recipients = _recipients(smtp_server)
    assert len(recipients) == 23
    assert len(set(recipients)) == 23
    assert sorted(len(report.sent) for report in reports) == [0, 23]


def test_a_run_killed_while_sending_sends_at_most_one_message_twice(
    reminder_office: Path, smtp_server: Any
) -> None:
    delivered: list[str] = []

    def dies_after_the_third(message: EmailMessage, /) -> None:
        delivered.append(message["To"].addresses[0].addr_spec)
        if len(delivered) == 3:
            raise KeyboardInterrupt  # killed after the server took the message

    with pytest.raises(KeyboardInterrupt):
        notify(reminder_office, today=TODAY, now=NOW, send=dies_after_the_third)
    assert len(_log(reminder_office)["entries"]) == 2

    report = notify(reminder_office, today=TODAY, now=_at(10))

    again = _recipients(smtp_server)
    assert len(report.sent) == 21
    assert delivered[2] in again  # the one in flight: sent once more
    assert not set(delivered[:2]) & set(again)  # the recorded ones: not again
    assert len(set(delivered) | set(again)) == 23  # none lost
