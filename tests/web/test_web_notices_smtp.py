"""Not tests: what the messages tests of the web app share: a real SMTP server on loopback
(aiosmtpd), the office's ``mail:`` pointing to it, markers in the appointments' notes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from smtp_server import Inbox, running_smtp_server

MARKER = "NOTICES-CONFIDENTIAL-MARKER"


@contextmanager
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    """A real SMTP server on 127.0.0.1 for the test: its inbox and port."""
    with running_smtp_server() as server:
        yield server.inbox, server.port


def set_mail(office: Path, port: int, *, every_minutes: int | None = None) -> None:
    """office.yaml sends through the loopback server (no encryption: on this machine)."""
    path = office / "office.yaml"
    content = path.read_text(encoding="utf-8")
    content = re.sub(r"(?ms)^mail:.*?(?=^\S|\Z)", "", content)
    content = re.sub(r"(?ms)^notices:.*?(?=^\S|\Z)", "", content)
    content += (
        f"mail: {{host: 127.0.0.1, port: {port}, sender: 'Büro <buero@example.org>', "
        "security: none}\n"
    )
    if every_minutes is not None:
        content += f"notices: {{every_minutes: {every_minutes}}}\n"
    path.write_text(content, encoding="utf-8")
