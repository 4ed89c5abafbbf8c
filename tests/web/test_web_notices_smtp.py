"""Not tests: what the messages tests of the web app share: a real SMTP server on loopback
(aiosmtpd), the office's ``mail:`` pointing to it, markers in the appointments' notes."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

MARKER = "NOTICES-CONFIDENTIAL-MARKER"


@dataclass
class Inbox:
    """What the server received; addresses it refuses for good."""

    messages: list[EmailMessage] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(  # noqa: N802 -- aiosmtpd's hook name
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        """Refuse the addresses of :attr:`refuse` (550), take the others."""
        del server, session, options
        if address in self.refuse:
            return "550 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # noqa: N802 -- aiosmtpd's hook name
        self, server: Any, session: Any, envelope: Any
    ) -> str:
        """Keep the message."""
        del server, session
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        return "250 Message accepted"

    def recipients(self) -> list[str]:
        """The To addresses, in the order received."""
        return [str(message["To"]) for message in self.messages]


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    """A real SMTP server on 127.0.0.1 for the test: its inbox and port."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


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


def with_markers(office: Path) -> int:
    """A numbered marker in every appointment note of the office; how many."""
    count = 0
    for path in sorted((office / "appointments").glob("*.yaml")):
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("note:"):
                count += 1
                lines.append(re.sub(r"note:.*", f"note: {MARKER}-{count} private", line))
            else:
                lines.append(line)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count
