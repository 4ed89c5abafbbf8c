"""The registry of the kinds of messages: one producer per kind (the Timefold pattern of
one function per constraint family). :func:`roster.app.notify.run.notify` asks each
producer whose kind the office has switched on."""

from __future__ import annotations

from roster.app.notify.due_changes import due_changes
from roster.app.notify.due_digest import due_digest
from roster.app.notify.due_gaps import due_gap_alerts
from roster.app.notify.due_polls import due_poll_invitations, due_poll_reminders
from roster.app.notify.due_reminders import due_reminders
from roster.app.notify.model import Kind, Producer
from roster.domain.notice_settings import NoticeSettings

PRODUCERS: dict[Kind, Producer] = {
    "reminder": due_reminders,
    "change": due_changes,
    "poll_invitation": due_poll_invitations,
    "poll_reminder": due_poll_reminders,
    "gap_alert": due_gap_alerts,
    "digest": due_digest,
}
"""Each kind's producer, in the order of :data:`roster.app.notify.model.KINDS`."""


def switched_on(settings: NoticeSettings, kind: Kind) -> bool:
    """Whether the office sends this kind at all (``notices:`` of office.yaml)."""
    return {
        "reminder": settings.reminders,
        "change": settings.changes,
        "poll_invitation": settings.polls,
        "poll_reminder": settings.polls,
        "gap_alert": settings.gaps,
        "digest": settings.digest,
    }[kind]
