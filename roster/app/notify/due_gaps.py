"""Gap alerts: a gap less than K days ahead, to volunteers who could step in (at most the office's cap per gap)."""

from __future__ import annotations

from roster.app.notify.model import Notice, NotifyContext


def due_gap_alerts(ctx: NotifyContext) -> list[Notice]:
    """Every notice of this kind due on ``ctx.today``."""
    del ctx
    return []
