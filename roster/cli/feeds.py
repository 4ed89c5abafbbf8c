"""The feed commands (issue 5): publish, feeds link / revoke, serve.

Like every command, each takes the office folder first (``DIR``), calls one
:mod:`roster.app` function and prints its result.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from roster import app
from roster.cli.options import FOLDER, LINK_LOCAL, LINK_PNG, LOCALE


@click.command(short_help="Publish the calendar feeds into DIR/feeds.")
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
@LOCALE
def publish(
    folder: Path,
    month: str | None,
    caldav_url: str | None,
    caldav_user: str | None,
    locale: str | None,
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
    click.echo(report.text(locale), nl=False)


@click.group(short_help="Hand out and revoke secret feed links.")
def feeds() -> None:
    """Hand out and revoke the secret links of the private feeds.

    A link is shown once, when it is made, and never stored: the office keeps only its
    hash. Name a feed by a volunteer id, or --team, or --gaps. Links are made for the
    public address in office.yaml (feeds: base_url), where volunteers' phones reach the
    feeds; --local makes a link that works only on this computer.

    \b
    Example:
      roster feeds link my-office v01
      roster feeds revoke my-office v01
    """


def _feed_options(command: Any) -> Any:
    for option in reversed(
        [
            FOLDER,
            click.argument("volunteer_id", required=False, metavar="[VOLUNTEER_ID]"),
            click.option("--team", is_flag=True, help="The team feed (everyone's duties)."),
            click.option("--gaps", is_flag=True, help="The open-gaps feed."),
            LINK_PNG,
            LINK_LOCAL,
        ]
    ):
        command = option(command)
    return command


@feeds.command(short_help="Make a feed's secret link; it is shown once.")
@_feed_options
def link(
    folder: Path,
    volunteer_id: str | None,
    team: bool,
    gaps: bool,
    png: Path | None,
    local: bool,
) -> None:
    """Make a feed's secret link and show it once, with a QR code.

    The link starts with the public address in office.yaml (feeds: base_url). If the
    feed already has a link, no second one is made: `roster feeds revoke` makes the old
    link fail and shows a new one.

    \b
    Example:
      roster feeds link my-office v01
      roster feeds link my-office v01 --png v01.png
      roster feeds link my-office --team
    """
    issued = app.link_feed(folder, volunteer_id, team=team, gaps=gaps, png=png, local=local)
    click.echo(issued.text(), nl=False)


@feeds.command(short_help="Make a feed's link fail; show a new one.")
@_feed_options
@click.option("--no-new", is_flag=True, help="Only revoke: make no new link (someone left).")
def revoke(
    folder: Path,
    volunteer_id: str | None,
    team: bool,
    gaps: bool,
    png: Path | None,
    local: bool,
    no_new: bool,
) -> None:
    """Make a feed's link fail at once and show a new one (a lost phone, a leaked link).

    \b
    Example:
      roster feeds revoke my-office v01
      roster feeds revoke my-office v07 --no-new
    """
    revoked = app.revoke_feed(
        folder, volunteer_id, team=team, gaps=gaps, reissue=not no_new, png=png, local=local
    )
    click.echo(revoked.text(), nl=False)


@click.command(short_help="Serve the published feeds over HTTP.")
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


COMMANDS = (publish, feeds, serve)
"""The feed commands, added to the ``roster`` group by :mod:`roster.cli`."""
