"""Change notices: after a publication that changes a volunteer's duties, one message per volunteer."""

from __future__ import annotations

from roster.app.notify.model import Notice, NotifyContext


def due_changes(ctx: NotifyContext) -> list[Notice]:
    """Every notice of this kind due on ``ctx.today``."""
    del ctx
    return []
