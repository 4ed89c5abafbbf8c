"""Duty reminders: N days before each duty, to the volunteer on duty."""

from __future__ import annotations

from roster.app.notify.model import Notice, NotifyContext


def due_reminders(ctx: NotifyContext) -> list[Notice]:
    """Every notice of this kind due on ``ctx.today``."""
    del ctx
    return []
