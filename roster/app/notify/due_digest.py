"""The leads' digest: step-in requests waiting, polls not answered, gaps in the next two weeks."""

from __future__ import annotations

from roster.app.notify.model import Notice, NotifyContext


def due_digest(ctx: NotifyContext) -> list[Notice]:
    """Every notice of this kind due on ``ctx.today``."""
    del ctx
    return []
