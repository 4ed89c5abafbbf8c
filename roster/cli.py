"""The `roster` command line: thin commands over the library.

Each command parses its options, calls one library function and prints the result.
Bad input raises :class:`roster.errors.RosterError`, which :class:`RosterGroup` turns
into a plain message on stderr and exit code 2, in this one place.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import click

from roster import __version__
from roster.errors import RosterError
from roster.loading import load_office
from roster.month import Month
from roster.month_calendar import month_calendar
from roster.starter_folder import init_folder
from roster.summary import calendar_json, calendar_text, check_summary, forecast_text

EXIT_BAD_INPUT = 2


class RosterGroup(click.Group):
    """Turns the project's error type into a readable message and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RosterError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(EXIT_BAD_INPUT)


def default_month() -> Month:
    """Next month, by the date in Europe/Berlin."""
    return Month.of(datetime.now(ZoneInfo("Europe/Berlin")).date()).next()


def parse_month(value: str | None) -> Month:
    """``--month`` or next month."""
    return Month.parse(value) if value else default_month()


def parse_today(value: str | None) -> date:
    """``--today`` or the real date in Europe/Berlin."""
    if value is None:
        return datetime.now(ZoneInfo("Europe/Berlin")).date()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RosterError(f"--today '{value}' is not a date; write it as YYYY-MM-DD.") from None


FOLDER = click.argument("folder", type=click.Path(file_okay=False, path_type=Path), metavar="DIR")
MONTH = click.option(
    "--month", "month", metavar="YYYY-MM", help="The month, e.g. 2026-12. Default: next month."
)
LOCALE = click.option(
    "--locale",
    type=click.Choice(["de", "en"]),
    help="Language of the output (default: the office's).",
)


@click.group(cls=RosterGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="roster")
def main() -> None:
    """Plan who staffs a volunteer advice office, and tell everyone when they are on.

    \b
    Start with:
      roster demo                 the whole job on the example office
      roster init my-office       a starter folder to fill in
      roster check my-office      validate it
    """


@main.command()
@FOLDER
def check(folder: Path) -> None:
    """Validate an office folder and print a short summary.

    Prints the volunteers per role and the languages covered, or every problem found
    with its file, line and field (exit code 2). Writes nothing.

    \b
    Example:
      roster check examples/velbert
    """
    click.echo(check_summary(load_office(folder)))


@main.command()
@FOLDER
@MONTH
@LOCALE
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def calendar(folder: Path, month: str | None, locale: str | None, as_json: bool) -> None:
    """List a month's sessions, the closed dates with their reason and the team meeting.

    \b
    Example:
      roster calendar examples/velbert --month 2026-05
      roster calendar examples/velbert --month 2026-10 --json
    """
    data = load_office(folder)
    result = month_calendar(data.office, parse_month(month), locale or data.office.locale)
    click.echo(
        calendar_json(result) if as_json else calendar_text(result, locale or data.office.locale)
    )


@main.command()
@FOLDER
@MONTH
@LOCALE
def forecast(folder: Path, month: str | None, locale: str | None) -> None:
    """Show expected visitors and interpreters needed per language and open-hours date.

    \b
    Example:
      roster forecast examples/velbert --month 2026-12
    """
    data = load_office(folder)
    click.echo(forecast_text(data, parse_month(month), locale or data.office.locale))


@main.command()
@click.argument("folder", type=click.Path(path_type=Path), metavar="DIR")
def init(folder: Path) -> None:
    """Write a commented starter office folder into DIR (new or empty).

    \b
    Example:
      roster init my-office && roster check my-office
    """
    written = init_folder(folder)
    click.echo(f"Wrote a starter office folder to {folder}:")
    for path in written:
        click.echo(f"  {path}")
    click.echo(f"Fill in office.yaml and volunteers.yaml, then run: roster check {folder}")


@main.command()
@click.argument(
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default="roster-demo",
    metavar="[DIR]",
)
def demo(folder: Path) -> None:
    """Run the main job on the example office, copied to DIR (default ./roster-demo).

    The demo uses the month of the example's availability poll, so it gives the same
    result whatever today's date is.

    \b
    Example:
      roster demo
    """
    from roster.demo import run_demo  # noqa: PLC0415 - the demo pulls in every step

    click.echo(run_demo(folder).text(), nl=False)


# Commands of the later issues (plan, verify, explain, publish, feeds, serve, print) are
# registered below this line, each as a thin command over one library function.
