"""The `roster` command line: thin commands over the library.

Each command parses its options, calls one library function and prints the result.
Bad input raises :class:`roster.domain.errors.RosterError`, which :class:`RosterGroup` turns
into a plain message on stderr and exit code 2, in this one place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from roster import __version__, app
from roster.domain.errors import RosterError

EXIT_BAD_INPUT = 2


class RosterGroup(click.Group):
    """Turns the project's error type into a readable message and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RosterError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(EXIT_BAD_INPUT)


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
    click.echo(app.check_folder(folder))


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
    click.echo(app.calendar_of(folder, month, locale=locale, as_json=as_json))


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
    click.echo(app.forecast_of(folder, month, locale=locale))


@main.command()
@click.argument("folder", type=click.Path(path_type=Path), metavar="DIR")
def init(folder: Path) -> None:
    """Write a commented starter office folder into DIR (new or empty).

    \b
    Example:
      roster init my-office && roster check my-office
    """
    click.echo(app.init_office(folder), nl=False)


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
    click.echo(app.run_demo(folder).text(), nl=False)


# -- calendar feeds (issue 5): publish, feeds link / revoke, serve ---------------------------


@main.command()
@FOLDER
@click.option(
    "--month",
    "month",
    metavar="YYYY-MM",
    help="Centre the feeds' window on this month (default: this month).",
)
@click.option(
    "--caldav",
    "caldav_url",
    metavar="URL",
    help="Also put each volunteer's events into a CalDAV calendar on this server.",
)
@click.option(
    "--user",
    "caldav_user",
    metavar="U",
    help="CalDAV user; the password comes from ROSTER_CALDAV_PASSWORD or is asked for.",
)
def publish(
    folder: Path, month: str | None, caldav_url: str | None, caldav_user: str | None
) -> None:
    """Publish the calendar feeds of the planned months into DIR/feeds.

    One secret feed per volunteer, the team feed, the open-gaps feed and the public feed,
    from last month to three months ahead (office.yaml: feeds). Unchanged events keep
    their bytes; changed ones get a higher SEQUENCE. See docs/feeds.md.

    \b
    Example:
      roster publish my-office
      roster publish my-office --caldav https://dav.example.org/ --user lead
    """
    report = app.publish_month(
        folder,
        month,
        caldav_url=caldav_url,
        caldav_user=caldav_user,
        ask_password=lambda text: str(click.prompt(text, hide_input=True)),
    )
    click.echo(report.text(), nl=False)


@main.group()
def feeds() -> None:
    """Hand out and revoke the secret links of the private feeds.

    A link is shown once, when it is made, and never stored: the office keeps only its
    hash. Name a feed by a volunteer id, or --team, or --gaps.

    \b
    Example:
      roster feeds link v01 --dir my-office
      roster feeds revoke v01 --dir my-office
    """


def _feed_options(command: Any) -> Any:
    for option in reversed(
        [
            click.argument("volunteer_id", required=False, metavar="[VOLUNTEER_ID]"),
            click.option("--team", is_flag=True, help="The team feed (everyone's duties)."),
            click.option("--gaps", is_flag=True, help="The open-gaps feed."),
            click.option(
                "--dir",
                "folder",
                type=click.Path(file_okay=False, path_type=Path),
                default=".",
                show_default=True,
                metavar="DIR",
                help="The office folder.",
            ),
            click.option(
                "--png",
                type=click.Path(dir_okay=False, path_type=Path),
                metavar="FILE",
                help="Also write the QR code of the new link to this PNG file.",
            ),
        ]
    ):
        command = option(command)
    return command


@feeds.command()
@_feed_options
def link(volunteer_id: str | None, team: bool, gaps: bool, folder: Path, png: Path | None) -> None:
    """Make a feed's secret link and show it once, with a QR code.

    If the feed already has a link, no second one is made: `roster feeds revoke` makes
    the old link fail and shows a new one.

    \b
    Example:
      roster feeds link v01 --dir my-office
      roster feeds link v01 --dir my-office --png v01.png
      roster feeds link --team --dir my-office
    """
    issued = app.link_feed(folder, volunteer_id, team=team, gaps=gaps, png=png)
    click.echo(issued.text(), nl=False)


@feeds.command()
@_feed_options
@click.option("--no-new", is_flag=True, help="Only revoke: make no new link (someone left).")
def revoke(
    volunteer_id: str | None, team: bool, gaps: bool, folder: Path, png: Path | None, no_new: bool
) -> None:
    """Make a feed's link fail at once and show a new one (a lost phone, a leaked link).

    \b
    Example:
      roster feeds revoke v01 --dir my-office
      roster feeds revoke v07 --dir my-office --no-new
    """
    revoked = app.revoke_feed(
        folder, volunteer_id, team=team, gaps=gaps, reissue=not no_new, png=png
    )
    click.echo(revoked.text(), nl=False)


@main.command()
@FOLDER
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; keep 127.0.0.1 behind a reverse proxy.",
)
@click.option(
    "--port", default=8080, show_default=True, type=click.IntRange(0, 65535), help="Port."
)
def serve(folder: Path, host: str, port: int) -> None:
    """Serve the published feeds over HTTP until Ctrl-C; re-reads them on every request.

    The public feed is at /public.ics, each private feed at /<token>.ics. Put it behind
    a reverse proxy with TLS to reach phones (docs/feeds.md).

    \b
    Example:
      roster serve my-office
      roster serve my-office --port 8081
    """
    app.serve_feeds(folder, host, port, announce=click.echo)


# -- printouts (issue 6): print --------------------------------------------------------------


@main.command(name="print")
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


@main.command()
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
    help="Solver time to search for better plans (deterministic time unless --fast).",
)
@click.option("--fresh", is_flag=True, help="Ignore the month's existing plan; plan from scratch.")
@click.option(
    "--fast",
    is_flag=True,
    help="Use every core with a wall-clock limit: quicker, not reproducible.",
)
@click.option("--quiet", is_flag=True, help="Print no progress lines on stderr.")
def plan(
    folder: Path,
    month: str | None,
    today: str | None,
    time_limit: float,
    fresh: bool,
    fast: bool,
    quiet: bool,
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

    def progress(seconds: float, objective: float, bound: float) -> None:
        click.echo(f"  {seconds:7.2f} s  penalty {objective:,.0f}  bound {bound:,.0f}", err=True)

    planned = app.plan_month(
        folder,
        month,
        today=today,
        time_limit=time_limit,
        fresh=fresh,
        fast=fast,
        progress=None if quiet else progress,
    )
    click.echo(planned.text())


@main.command()
@FOLDER
@MONTH
@click.pass_context
def verify(ctx: click.Context, folder: Path, month: str | None) -> None:
    """Check a month's plan file against every hard rule, without the solver.

    Lists each violation in plain words and recomputes every penalty. Exit code 0 when
    the plan is clean, 1 when it breaks a rule, 2 for bad input (no plan, bad folder).

    \b
    Example:
      roster verify examples/velbert --month 2026-12
    """
    verified = app.verify_month(folder, month)
    click.echo(verified.text())
    if not verified.report.ok:
        ctx.exit(1)


@main.command()
@FOLDER
@MONTH
def explain(folder: Path, month: str | None) -> None:
    """Explain every uncovered need and unscheduled appointment of a month's plan.

    Grouped by date, each with the people considered and why each did not take it.

    \b
    Example:
      roster explain examples/velbert --month 2026-12
    """
    click.echo(app.explain_month(folder, month))
