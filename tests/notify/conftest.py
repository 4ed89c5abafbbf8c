"""Fixtures of the tests of `roster notify` (issue 16), for every test in tests/notify
(the kinds' tests ``test_kind_*.py`` may use them too):

- ``smtp_server``: a real SMTP server (``aiosmtpd``'s ``Controller``) on 127.0.0.1 at a
  free port, with an :class:`Inbox` handler: ``smtp_server.messages`` (each an
  :class:`email.message.EmailMessage`, parsed with the default policy) and
  ``smtp_server.envelopes`` (the RCPT TO addresses of each); ``refuse_recipient(address)``
  answers ``550`` to that address, ``refuse_messages(count)`` answers ``554`` to the next
  ``count`` messages, ``clear()`` forgets what was received.
- ``mail_office``: the example office (tests/data's December 2026 plan in ``rotas/``,
  every client note holding the ``marker``) in a temporary folder, its office.yaml with
  ``mail:`` pointing to ``smtp_server`` (``security: none``, loopback). German; the
  ``set_locale`` fixture switches it to English.
- ``set_mail``: writes ``mail:`` again (another port, extra settings).
- ``reminder_office``: ``mail_office`` with every kind but the duty reminders switched off.
- ``marker``: the string in every client note, which no message may carry.

Every test takes "today" and "now" from the test (``notify(..., today=..., now=...)``),
never from the real clock. Test modules never ``from conftest import``.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from smtp_server import SmtpServer, running_smtp_server

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "velbert"
PLAN = REPO / "tests" / "data" / "plans" / "velbert-2026-12.json"
MARKER = "CLIENT-NOTE-MARKER-NOTIFY"
SENDER = "Integrationsbüro Velbert <buero@ihla.example.org>"


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A real SMTP server on loopback, for one test."""
    with running_smtp_server() as server:
        yield server


@pytest.fixture
def marker() -> str:
    """The string in every client note."""
    return MARKER


def write_mail_settings(folder: Path, port: int, *, extra: str = "") -> None:
    """Append ``mail:`` (this port on 127.0.0.1, no encryption) to office.yaml."""
    office = folder / "office.yaml"
    text = office.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^mail:.*(\n  .*)*\n?", "", text)
    block = (
        f'mail:\n  host: 127.0.0.1\n  port: {port}\n  sender: "{SENDER}"\n  security: none\n'
        + extra
    )
    office.write_text(text.rstrip("\n") + "\n" + block, encoding="utf-8")


@pytest.fixture
def mail_office(tmp_path: Path, smtp_server: SmtpServer) -> Path:
    """The example office with the December plan, marked client notes, and ``mail:``
    pointing to the test server."""
    folder = tmp_path / "office"
    shutil.copytree(EXAMPLE, folder)
    (folder / "rotas").mkdir()
    shutil.copyfile(PLAN, folder / "rotas" / "2026-12.json")
    notes = folder / "appointments" / "2026-12.yaml"
    marked = re.sub(r"note:.*", f"note: {MARKER} Frau Geheim", notes.read_text(encoding="utf-8"))
    notes.write_text(marked, encoding="utf-8")
    write_mail_settings(folder, smtp_server.port)
    return folder


@pytest.fixture
def set_locale(mail_office: Path) -> Callable[[str], None]:
    """Switch the office's language (``de`` or ``en``)."""

    def switch(locale: str) -> None:
        office = mail_office / "office.yaml"
        text = office.read_text(encoding="utf-8")
        office.write_text(re.sub(r"(?m)^locale: \w+", f"locale: {locale}", text), encoding="utf-8")

    return switch


@pytest.fixture
def set_mail(mail_office: Path, smtp_server: SmtpServer) -> Callable[..., None]:
    """Write ``mail:`` again: another ``port`` (default the test server's) and ``extra``
    lines (two spaces in, e.g. ``"  user: office\\n"``)."""

    def change(port: int | None = None, extra: str = "") -> None:
        write_mail_settings(mail_office, port or smtp_server.port, extra=extra)

    return change


ONLY_REMINDERS = "notices:\n  changes: false\n  polls: false\n  gaps: false\n  digest: false\n"


@pytest.fixture
def reminder_office(mail_office: Path) -> Path:
    """``mail_office`` sending duty reminders only (every other kind switched off)."""
    office = mail_office / "office.yaml"
    text = office.read_text(encoding="utf-8")
    office.write_text(text.rstrip("\n") + "\n" + ONLY_REMINDERS, encoding="utf-8")
    return mail_office
