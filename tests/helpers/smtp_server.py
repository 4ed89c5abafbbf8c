"""A real SMTP server on loopback for the tests of the e-mails (``aiosmtpd``), shared by
tests/notify and tests/web: :func:`running_smtp_server` starts one at a free port and
yields a :class:`SmtpServer` (its port, the messages received, refusals on demand)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


class Inbox:
    """An aiosmtpd handler that keeps what it receives and refuses on demand."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[list[str]] = []
        self.refused: set[str] = set()
        self.refuse_count = 0

    def refuse_recipient(self, address: str) -> None:
        """Answer ``550`` to RCPT TO ``address`` from now on."""
        self.refused.add(address)

    def accept_recipient(self, address: str) -> None:
        """Accept ``address`` again."""
        self.refused.discard(address)

    def refuse_messages(self, count: int) -> None:
        """Answer ``554`` to the DATA of the next ``count`` messages."""
        self.refuse_count = count

    def clear(self) -> None:
        """Forget the messages received so far."""
        self.messages.clear()
        self.envelopes.clear()

    def recipients(self) -> list[str]:
        """The To header of each message received, in order."""
        return [str(message["To"]) for message in self.messages]

    async def handle_RCPT(  # noqa: N802 - the name aiosmtpd calls
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        """Accept or refuse one recipient."""
        del server, session, rcpt_options
        if address in self.refused:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - the name aiosmtpd calls
        """Keep the message, or refuse it."""
        del server, session
        if self.refuse_count > 0:
            self.refuse_count -= 1
            return "554 5.6.0 Message refused"
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        self.envelopes.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


class SmtpServer:
    """The running test server: its port and its inbox."""

    def __init__(self, controller: Controller, inbox: Inbox, port: int) -> None:
        self.controller = controller
        self.inbox = inbox
        self.port = port

    @property
    def messages(self) -> list[EmailMessage]:
        """The messages received, in order."""
        return self.inbox.messages

    @property
    def envelopes(self) -> list[list[str]]:
        """The envelope recipients of each message received."""
        return self.inbox.envelopes

    def refuse_recipient(self, address: str) -> None:
        """Answer ``550`` to this address."""
        self.inbox.refuse_recipient(address)

    def accept_recipient(self, address: str) -> None:
        """Accept this address again."""
        self.inbox.accept_recipient(address)

    def refuse_messages(self, count: int) -> None:
        """Answer ``554`` to the next ``count`` messages."""
        self.inbox.refuse_messages(count)

    def clear(self) -> None:
        """Forget the messages received."""
        self.inbox.clear()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (at this moment)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def running_smtp_server() -> Iterator[SmtpServer]:
    """A real SMTP server on 127.0.0.1 for as long as the block runs."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SmtpServer(controller, inbox, port)
    finally:
        controller.stop()
