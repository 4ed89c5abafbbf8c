"""The page-link commands (issue 15): `roster page link` and `roster page revoke`.

Each volunteer's personal page (``/p/<token>`` in the web app) opens with a secret link of
its own, separate from their calendar link. Like every command, each takes the office
folder first (``DIR``), calls one :mod:`roster.app` function and prints its result.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from roster.app.page_links import link_page, revoke_page
from roster.cli.options import FOLDER, LINK_LOCAL, LINK_PNG


@click.group(short_help="Hand out and revoke volunteers' page links.")
def page() -> None:
    """Hand out and revoke the secret links of the volunteers' personal pages.

    A link is shown once, when it is made. It is not stored: the office keeps its hash
    and a random number, from which this computer (and only this one, with its page-link
    key) can make it again for the handout sheet and the volunteer's own e-mails. The
    link starts with the office's public address (office.yaml: feeds:
    base_url, without a last /feeds); --local makes a link that works only on this
    computer.

    \b
    Example:
      roster page link my-office v05
      roster page revoke my-office v05
    """


def _options(command: Any) -> Any:
    for option in reversed(
        [
            FOLDER,
            click.argument("volunteer_id", metavar="VOLUNTEER_ID"),
            LINK_PNG,
            LINK_LOCAL,
        ]
    ):
        command = option(command)
    return command


@page.command(short_help="Make a volunteer's page link; it is shown once.")
@_options
def link(folder: Path, volunteer_id: str, png: Path | None, local: bool) -> None:
    """Make a volunteer's personal page link and show it once, with a QR code.

    If the volunteer already has a link, no second one is made: `roster page revoke`
    makes the old link fail and shows a new one.

    \b
    Example:
      roster page link my-office v05
      roster page link my-office v05 --png v05-page.png
    """
    click.echo(link_page(folder, volunteer_id, png=png, local=local).text(), nl=False)


@page.command(short_help="Make a page link fail; show a new one.")
@_options
def revoke(folder: Path, volunteer_id: str, png: Path | None, local: bool) -> None:
    """Make a volunteer's page link fail at once and show a new one (a lost phone, a
    leaked link).

    \b
    Example:
      roster page revoke my-office v05
    """
    click.echo(revoke_page(folder, volunteer_id, png=png, local=local).text(), nl=False)


COMMANDS = (page,)
"""The page-link commands, added to the ``roster`` group by :mod:`roster.cli`."""
