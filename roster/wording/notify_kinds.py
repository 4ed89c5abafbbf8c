"""The words of the change notices, poll invitations and reminders, gap alerts and the
leads' digest (message ids ``notify.change_*``, ``notify.poll_*``, ``notify.gap_*``,
``notify.digest_*``), in German and English; merged into :mod:`roster.wording.notify`."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {"en": {}, "de": {}}
