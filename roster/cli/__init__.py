"""The `roster` command line: thin commands over the library.

Each command parses its options, calls one library function and prints the result; the
feed commands are in :mod:`roster.cli.feeds`, the shared arguments in
:mod:`roster.cli.options`. Commands of the other front ends (`roster web`, from
:mod:`roster.web.commands`) come in through the entry point group ``roster.commands`` and
are loaded only when they are run or listed: the command line does not import them. Each command has a ``short_help`` that fits `roster --help`.
Bad input raises :class:`roster.domain.errors.RosterError`, which :class:`RosterGroup` turns
into a plain message on stderr and exit code 2, in this one place.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import Any

import click

from roster import __version__, app
from roster.cli.feeds import COMMANDS as FEED_COMMANDS
from roster.cli.notify import COMMANDS as NOTIFY_COMMANDS
from roster.cli.options import FOLDER, LOCALE, MONTH
from roster.cli.page import COMMANDS as PAGE_COMMANDS
from roster.cli.poll import COMMANDS as POLL_COMMANDS
from roster.domain.errors import RosterError

EXIT_BAD_INPUT = 2
FRONT_END_COMMANDS = "roster.commands"
"""The entry point group of commands that other front ends add (`roster web`)."""


@cache
def front_end_commands() -> dict[str, EntryPoint]:
    """The installed commands of other front ends, by name (not loaded yet)."""
    return {point.name: point for point in entry_points(group=FRONT_END_COMMANDS)}


class RosterGroup(click.Group):
    """Turns the project's error type into a readable message and exit code 2, and adds
    the commands of the other front ends."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Own commands and the other front ends', sorted."""
        return sorted({*super().list_commands(ctx), *front_end_commands()})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """An own command, or another front end's, loaded now."""
        found = super().get_command(ctx, cmd_name)
        point = front_end_commands().get(cmd_name)
        if found is None and point is not None:
            loaded = point.load()
            if isinstance(loaded, click.Command):
                return loaded
        return found

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RosterError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(EXIT_BAD_INPUT)


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


@main.command(short_help="Validate an office folder; print a summary.")
@FOLDER
@LOCALE
def check(folder: Path, locale: str | None) -> None:
    """Validate an office folder and print a short summary.

    Prints the volunteers per role and the languages covered, or every problem found
    with its file, line and field (exit code 2). Writes nothing.

    \b
    Example:
      roster check examples/velbert
    """
    click.echo(app.check_folder(folder, locale=locale))


@main.command(short_help="A month's sessions, closed dates, team meeting.")
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
    click.echo(app.calendar_of(folder, month, locale=locale, as_json=as_json))


@main.command(short_help="Expected visitors and interpreters per language.")
@FOLDER
@MONTH
@LOCALE
def forecast(folder: Path, month: str | None, locale: str | None) -> None:
    """Show expected visitors and interpreters needed per language and open-hours date.

    \b
    Example:
      roster forecast examples/velbert --month 2026-12
    """
    click.echo(app.forecast_of(folder, month, locale=locale))


@main.command(short_help="Write a commented starter office folder.")
@click.argument("folder", type=click.Path(path_type=Path), metavar="DIR")
@click.option(
    "--locale",
    type=click.Choice(["de", "en"]),
    default="de",
    show_default=True,
    help="Language of the starter's comments and examples, and of the office.",
)
def init(folder: Path, locale: str) -> None:
    """Write a commented starter office folder into DIR (new or empty).

    Comments and example names are in German (de) or English (en); the example poll and
    appointment files are for next month, the month `roster plan` plans by default.

    \b
    Example:
      roster init my-office && roster check my-office
      roster init my-office --locale en
    """
    click.echo(app.init_office(folder, locale=locale), nl=False)


@main.command(short_help="Run the whole job on the example office.")
@click.argument(
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default="roster-demo",
    metavar="[DIR]",
)
@LOCALE
def demo(folder: Path, locale: str | None) -> None:
    """Run the main job on the example office, copied to DIR (default ./roster-demo).

    The demo uses the month of the example's availability poll, so it gives the same
    result whatever today's date is.

    \b
    Example:
      roster demo
    """
    click.echo(app.run_demo(folder, locale=locale).text(), nl=False)


# -- printouts (issue 6): print --------------------------------------------------------------


@main.command(name="print", short_help="Write the month's printouts into DIR/print.")
@FOLDER
@MONTH
@LOCALE
@click.option(
    "--with-links",
    is_flag=True,
    help="Say on each personal schedule whether its feed link was made, and when "
    "(the secret link itself is stored nowhere and never printed).",
)
def print_(folder: Path, month: str | None, locale: str | None, with_links: bool) -> None:
    """Write the month's printouts into DIR/print/ as HTML and, with WeasyPrint, PDF.

    The rota (A4 landscape, for the wall), an appointment sheet per appointment day
    (desk only), the team-meeting agenda, the door sign (no names) and a personal
    schedule per volunteer (print/people/), from the plan rotas/YYYY-MM.json.
    See docs/printouts.md.

    \b
    Example:
      roster print examples/velbert --month 2026-12
      roster print my-office --month 2026-12 --locale en
    """
    printed = app.print_month(folder, month, locale=locale, with_links=with_links)
    click.echo(printed.text(), nl=False)


# -- the month's plan (issue 4): plan, verify, explain ------------------------------------------


@main.command(short_help="Plan who staffs every session of a month.")
@FOLDER
@MONTH
@click.option(
    "--today",
    metavar="YYYY-MM-DD",
    help="The planning date: when the month's plan exists, sessions before it stay as "
    "planned. Default: today's date.",
)
@click.option(
    "--time-limit",
    "time_limit",
    type=click.FloatRange(min=0, min_open=True),
    default=10.0,
    show_default=True,
    metavar="SECONDS",
    help="Seconds planning may take, all of it (at least the starting plan's time).",
)
@click.option("--fresh", is_flag=True, help="Ignore the month's existing plan; plan from scratch.")
@click.option(
    "--fast",
    is_flag=True,
    help="Use every core with a wall-clock limit: quicker, not reproducible.",
)
@click.option("--quiet", is_flag=True, help="Print no progress lines on stderr.")
@LOCALE
def plan(
    folder: Path,
    month: str | None,
    today: str | None,
    time_limit: float,
    fresh: bool,
    fast: bool,
    quiet: bool,
    locale: str | None,
) -> None:
    """Plan who staffs every session of a month; write DIR/rotas/YYYY-MM.json.

    Prints what stays uncovered and the solver's status. While solving, each better plan
    is shown on stderr with its penalty and the proven bound (the best any plan can do).
    Re-planning keeps the sessions before --today and changes as little as possible.
    Planning twice with the same files and --today gives the same file, byte for byte.
    See docs/planning.md.

    \b
    Example:
      roster plan examples/velbert --month 2026-12 --today 2026-11-25
    """

    def progress(line: str) -> None:
        click.echo(line, err=True)

    planned = app.plan_month(
        folder,
        month,
        today=today,
        time_limit=time_limit,
        fresh=fresh,
        fast=fast,
        progress_line=None if quiet else progress,
        locale=locale,
    )
    click.echo(planned.text())


@main.command(short_help="Check a month's plan against every hard rule.")
@FOLDER
@MONTH
@LOCALE
@click.pass_context
def verify(ctx: click.Context, folder: Path, month: str | None, locale: str | None) -> None:
    """Check a month's plan file against every hard rule, without the solver.

    Lists each violation in plain words and recomputes every penalty. Exit code 0 when
    the plan is clean, 1 when it breaks a rule, 2 for bad input (no plan, bad folder).

    \b
    Example:
      roster verify examples/velbert --month 2026-12
    """
    verified = app.verify_month(folder, month, locale=locale)
    click.echo(verified.text())
    if not verified.report.ok:
        ctx.exit(1)


@main.command(short_help="Why needs stay open or appointments unscheduled.")
@FOLDER
@MONTH
@LOCALE
def explain(folder: Path, month: str | None, locale: str | None) -> None:
    """Explain every uncovered need and unscheduled appointment of a month's plan.

    Grouped by date, each with the people considered and why each did not take it; an
    appointment not scheduled gets one line per date considered, the blocking fact first.

    \b
    Example:
      roster explain examples/velbert --month 2026-12
    """
    click.echo(app.explain_month(folder, month, locale=locale))


for _command in FEED_COMMANDS:
    main.add_command(_command)
for _command in PAGE_COMMANDS:
    main.add_command(_command)
for _command in POLL_COMMANDS:
    main.add_command(_command)
for _command in NOTIFY_COMMANDS:
    main.add_command(_command)
