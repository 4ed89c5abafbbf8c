"""Sending e-mails through the office's SMTP server (``mail:`` of office.yaml).

One connection per run, opened at the first message: ``starttls`` (``smtplib.SMTP`` and
``starttls`` with the system's certificate checks), ``tls`` (``smtplib.SMTP_SSL``), or
``none`` (plain SMTP, only to a server on this machine: the office settings refuse it
for any other host, and so does :class:`SmtpSender`). A login with ``mail.user`` and the
password from the environment variable ``ROSTER_SMTP_PASSWORD`` or ``mail.password_file``
(a file readable by the office's user only). The password is never logged or shown.

Every failure becomes a :class:`SendFailure` with a reason code (``recipient``,
``message``, ``connect``, ``timeout``, ``login``, ``tls``, ``other``; their words are
``notify.reason_<code>``) and whether the server refused for good (a 5xx answer). A
failure to connect or log in is remembered for the rest of the run: the other messages
fail with the same reason at once instead of waiting for the server again.
"""

from __future__ import annotations

import os
import smtplib
import socket
import ssl
import stat
from collections.abc import Mapping
from email.message import EmailMessage
from pathlib import Path
from types import TracebackType
from typing import Protocol

from roster.domain.errors import RosterError
from roster.domain.notice_settings import MailSettings, is_loopback
from roster.wording.catalogue import text

TIMEOUT_SECONDS = 30.0
"""How long to wait for the mail server at each step."""
PASSWORD_VARIABLE = "ROSTER_SMTP_PASSWORD"  # noqa: S105 - the variable's name, not a password
"""The environment variable that may hold the password."""
PERMANENT = 500
"""SMTP answers from 500 on: the server refuses for good."""


class SendFailure(Exception):  # noqa: N818 - a failure of one message, not a program error
    """One message was not sent: the reason code and whether it is permanent."""

    def __init__(self, reason: str, *, permanent: bool = False, connection: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.connection = connection


class Sender(Protocol):
    """Sends one message or raises :class:`SendFailure` (tests inject their own)."""

    def __call__(self, message: EmailMessage, /) -> None:
        """Send ``message`` to its To address."""


def password_of(
    mail: MailSettings,
    folder: Path,
    *,
    environ: Mapping[str, str] | None = None,
    locale: str = "de",
) -> str | None:
    """The password for ``mail.user`` (None without a user): the environment variable
    first, else the password file (relative to the office folder), which must be readable
    by the office's user only. :class:`RosterError` in ``locale`` when it is missing or
    the file is open to others (with the command that fixes it)."""
    if mail.user is None:
        return None
    environ = os.environ if environ is None else environ
    given = environ.get(PASSWORD_VARIABLE)
    if given:
        return given
    if mail.password_file is None:
        raise RosterError(text(locale, "notify.no_password"))
    path = Path(mail.password_file).expanduser()
    if not path.is_absolute():
        path = Path(folder) / path
    try:
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise RosterError(text(locale, "notify.password_file_open") + f"\n  chmod 600 {path}")
        secret = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        raise RosterError(text(locale, "notify.password_file_missing")) from None
    if not secret:
        raise RosterError(text(locale, "notify.no_password"))
    return secret


def failure_of(exc: BaseException) -> SendFailure:
    """An smtplib, ssl or operating-system error as a :class:`SendFailure`."""
    if isinstance(exc, SendFailure):
        return exc
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return SendFailure("recipient", permanent=bool(codes) and min(codes) >= PERMANENT)
    if isinstance(exc, smtplib.SMTPSenderRefused | smtplib.SMTPDataError):
        return SendFailure("message", permanent=exc.smtp_code >= PERMANENT)
    if isinstance(exc, smtplib.SMTPAuthenticationError | smtplib.SMTPNotSupportedError):
        return SendFailure("login", connection=True)
    if isinstance(exc, ssl.SSLError | ssl.CertificateError):
        return SendFailure("tls", connection=True)
    if isinstance(exc, TimeoutError | socket.timeout):
        return SendFailure("timeout", connection=True)
    if isinstance(exc, smtplib.SMTPConnectError | ConnectionError | socket.gaierror):
        return SendFailure("connect", connection=True)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return SendFailure("connect", connection=True)
    if isinstance(exc, smtplib.SMTPResponseException):
        return SendFailure("other", permanent=exc.smtp_code >= PERMANENT)
    return SendFailure("other", connection=isinstance(exc, OSError))


class SmtpSender:
    """The run's one connection to the mail server; a context manager and a
    :class:`Sender`."""

    def __init__(
        self, mail: MailSettings, password: str | None, *, timeout: float = TIMEOUT_SECONDS
    ):
        self.mail = mail
        self.password = password
        self.timeout = timeout
        self._client: smtplib.SMTP | None = None
        self._broken: SendFailure | None = None

    def __enter__(self) -> SmtpSender:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _connect(self) -> smtplib.SMTP:
        mail = self.mail
        if mail.security == "tls":
            context = ssl.create_default_context()
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                mail.host, mail.port, timeout=self.timeout, context=context
            )
        else:
            if mail.security == "none" and not is_loopback(mail.host):
                raise SendFailure("tls", connection=True)
            client = smtplib.SMTP(mail.host, mail.port, timeout=self.timeout)
        try:
            client.ehlo()
            if mail.security == "starttls":
                try:
                    client.starttls(context=ssl.create_default_context())
                except (smtplib.SMTPNotSupportedError, smtplib.SMTPResponseException):
                    raise SendFailure("tls", connection=True) from None
                client.ehlo()
            if mail.user is not None and self.password is not None:
                client.login(mail.user, self.password)
        except BaseException:
            self._quietly_close(client)
            raise
        return client

    @staticmethod
    def _quietly_close(client: smtplib.SMTP) -> None:
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            client.close()

    def __call__(self, message: EmailMessage, /) -> None:
        """Send one message; :class:`SendFailure` when it was not sent."""
        if self._broken is not None:
            raise self._broken
        try:
            if self._client is None:
                self._client = self._connect()
            self._client.send_message(message)
        except (smtplib.SMTPException, OSError, SendFailure) as exc:
            failure = failure_of(exc)
            if failure.connection:
                if self._client is not None:
                    self._client.close()
                    self._client = None
                if failure.reason != "connect" or not isinstance(
                    exc, smtplib.SMTPServerDisconnected
                ):
                    self._broken = failure
            raise failure from None

    def close(self) -> None:
        """End the connection (politely when the server still listens)."""
        if self._client is not None:
            self._quietly_close(self._client)
            self._client = None
