"""The arguments and options that several commands share: the folder, the month, the locale."""

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
