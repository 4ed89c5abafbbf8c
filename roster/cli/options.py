"""The arguments and options that several commands share: the folder, the month, the locale,
and the two options of every command that hands out a secret link (``--png``, ``--local``)."""

from __future__ import annotations

from pathlib import Path

import click

FOLDER = click.argument("folder", type=click.Path(file_okay=False, path_type=Path), metavar="DIR")
MONTH = click.option(
    "--month", "month", metavar="YYYY-MM", help="The month, e.g. 2026-12. Default: next month."
)
LOCALE = click.option(
    "--locale",
    type=click.Choice(["de", "en"]),
    help="Language of the output (default: the office's).",
)
LINK_PNG = click.option(
    "--png",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Also write the QR code of the new link to this PNG file.",
)
LINK_LOCAL = click.option(
    "--local",
    is_flag=True,
    help="Make a link for this computer only (http://127.0.0.1:8080), for a "
    "test, when office.yaml sets no feeds: base_url.",
)
