"""Poll invitations (when a month's poll opens) and reminders (M days before its deadline, to who has not answered)."""

from __future__ import annotations

from roster.app.notify.model import Notice, NotifyContext


def due_poll_invitations(ctx: NotifyContext) -> list[Notice]:
    """Every notice of this kind due on ``ctx.today``."""
    del ctx
    return []


def due_poll_reminders(ctx: NotifyContext) -> list[Notice]:
    """Every poll reminder due on ``ctx.today``."""
    del ctx
    return []
