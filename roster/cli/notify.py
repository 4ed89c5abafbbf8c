"""The reminders command (issue 16): `roster notify`.

It sends every message that is due and was not sent yet (duty reminders, change notices,
poll messages, gap alerts, the leads' digest), and prints what it did. Like every command,
it takes the office folder first (``DIR``), calls one :mod:`roster.app` function
(:func:`roster.app.notify.run.notify`) and prints its result.
"""

from __future__ import annotations

from pathlib import Path

import click

from roster.app.notify.run import notify as notify_office
from roster.cli.options import FOLDER

EXIT_FAILED = 1
"""Some message could not be sent (it is tried again by the next run, or given up)."""


@click.command(short_help="Send the reminders and notices that are due.")
@FOLDER
@click.option(
    "--today",
    metavar="YYYY-MM-DD",
    help="Act as if it were this day (its first minute). Default: today.",
)
@click.option(
    "--dry-run",
    "dry_run",
    is_flag=True,
    help="Send nothing and write nothing; print what would be sent, to whom.",
)
@click.pass_context
def notify(ctx: click.Context, folder: Path, today: str | None, dry_run: bool) -> None:
    """Send the reminders and notices that are due and were not sent yet.

    Running it again sends nothing twice: every message sent is recorded in the office
    folder. A message that could not be sent is tried again by the next run. Run it
    every 10 minutes from cron or a systemd timer (docs/notifications.md).

    Exit code 0 when everything due was sent (or nothing was due, or another run was
    sending), 1 when some message could not be sent, 2 for bad input (no mail server
    set up, a folder with problems).

    \b
    Example:
      roster notify my-office --dry-run
      roster notify my-office
    """
    report = notify_office(folder, today=today, dry_run=dry_run)
    click.echo(report.text, nl=False)
    if not report.ok:
        ctx.exit(EXIT_FAILED)


COMMANDS = (notify,)
"""The reminders command, added to the ``roster`` group by :mod:`roster.cli`."""
