"""The poll commands (issue 15): `roster poll open` and `roster poll close`.

The office lead opens a month's poll until a day; the volunteers then answer it on their
personal pages (``/p/<token>/poll``) until that day. Like every command, each takes the
office folder first (``DIR``), calls one :mod:`roster.app` function and prints its result.
"""

from __future__ import annotations

from pathlib import Path

import click

from roster.app.poll_admin import close_poll, open_poll
from roster.cli.options import MONTH

FOLDER = click.argument("folder", type=click.Path(file_okay=False, path_type=Path), metavar="DIR")


@click.group(short_help="Open and close the volunteers' monthly poll.")
def poll() -> None:
    """Open and close the month's poll that the volunteers answer on their pages.

    \b
    Example:
      roster poll open my-office --month 2026-12 --until 2026-11-25
      roster poll close my-office --month 2026-12
    """


@poll.command(name="open", short_help="Open a month's poll until a day.")
@FOLDER
@MONTH
@click.option(
    "--until",
    required=True,
    metavar="YYYY-MM-DD",
    help="The last day the volunteers can answer (inclusive).",
)
def open_(folder: Path, month: str | None, until: str) -> None:
    """Open the poll of a month (default: next month) until a day. Opening it again
    sets a new last day.

    \b
    Example:
      roster poll open my-office --month 2026-12 --until 2026-11-25
    """
    click.echo(open_poll(folder, month, until))


@poll.command(short_help="Close a month's poll now.")
@FOLDER
@MONTH
def close(folder: Path, month: str | None) -> None:
    """Close the poll of a month now; the answers given stay.

    \b
    Example:
      roster poll close my-office --month 2026-12
    """
    click.echo(close_poll(folder, month))


COMMANDS = (poll,)
"""The poll commands, added to the ``roster`` group by :mod:`roster.cli`."""
