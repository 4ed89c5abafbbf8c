"""`roster web`: start the office lead's web app, and give a lead an account.

``roster web DIR`` starts the app (the subcommand ``serve`` is taken when the first
argument names no subcommand); ``roster web adduser DIR ID`` makes an account. The
`roster` command finds this group through the entry point ``roster.commands`` (the
command line and the web app are front ends side by side: neither imports the other).
Like every command, each parses, calls one function and prints its result.
"""

from __future__ import annotations

from pathlib import Path

import click

from roster import app
from roster.web.server import serve_web

FOLDER = click.argument("folder", type=click.Path(file_okay=False, path_type=Path), metavar="DIR")


class ServeByDefault(click.Group):
    """A group whose first argument may be the folder: then it runs ``serve``."""

    default_command = "serve"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Put ``serve`` in front of arguments that do not start with a subcommand."""
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


@click.group(
    cls=ServeByDefault,
    short_help="The office lead's web app.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
def web() -> None:
    """Start the office lead's web app, or give a lead an account for it.

    \b
    Example:
      roster web adduser my-office v01     an account for the lead v01
      roster web my-office                 the app at http://127.0.0.1:8080/
    See docs/web.md, also for running it behind Caddy with HTTPS.
    """


@web.command(short_help="Start the web app (the default).")
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
@click.option(
    "--behind-proxy",
    is_flag=True,
    help="Trust the proxy's X-Forwarded-Proto and X-Forwarded-For (only behind one, such "
    "as Caddy, that sets them).",
)
def serve(folder: Path, host: str, port: int, behind_proxy: bool) -> None:
    """Start the web app for the office folder DIR until Ctrl-C.

    \b
    Example:
      roster web my-office
      roster web my-office --port 8081 --behind-proxy
    """
    serve_web(folder, host, port, behind_proxy=behind_proxy, announce=click.echo)


@web.command(short_help="Give a lead an account (or a new password).")
@FOLDER
@click.argument("volunteer_id", metavar="ID")
@click.option(
    "--password-file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Read the password from the first line of FILE instead of asking for it.",
)
def adduser(folder: Path, volunteer_id: str, password_file: Path | None) -> None:
    """Give the lead with the id ID an account for the web app, or a new password.

    The password is asked twice (hidden), or read from --password-file; at least 10
    characters. Only people with the role lead get an account.

    \b
    Example:
      roster web adduser my-office v01
    """
    added = app.add_account(
        folder,
        volunteer_id,
        password_file=password_file,
        ask_password=lambda prompt: str(click.prompt(prompt, hide_input=True)),
    )
    click.echo(added.text(), nl=False)
