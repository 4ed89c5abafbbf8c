"""`roster --help` lists every command with its whole description (issue 12, section 5):
click cuts a command's first docstring line to fit the list and ends it with "...", so every
command carries a ``short_help`` short enough to stand on one line."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from roster.cli import main

LIMIT = 50
"""Characters a short help may have: with the longest command name it fits 80 columns."""


def every_command() -> list[tuple[str, click.Command]]:
    """Each command and sub-command, with the words that call it."""
    found: list[tuple[str, click.Command]] = []
    for name, command in sorted(main.commands.items()):
        found.append((name, command))
        if isinstance(command, click.Group):
            found.extend(
                (f"{name} {sub}", child) for sub, child in sorted(command.commands.items())
            )
    return found


COMMANDS = every_command()


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_has_a_short_help_that_is_never_cut(
    name: str, command: click.Command
) -> None:
    short = command.short_help
    assert short, f"`roster {name}` has no short_help: click would cut its first line"
    assert len(short) <= LIMIT, f"`roster {name}`: {short!r} is longer than {LIMIT} characters"
    assert short.endswith(".") and not short.endswith("..."), name
    assert command.get_short_help_str(limit=20) == short  # never shortened, however narrow


@pytest.mark.parametrize("width", [80, 60])
def test_help_lists_every_command_with_its_whole_description(width: int) -> None:
    result = CliRunner().invoke(main, ["--help"], terminal_width=width)
    assert result.exit_code == 0
    listed = result.stdout.split("Commands:", 1)[1]
    assert "..." not in listed
    flat = " ".join(listed.split())
    for name, command in main.commands.items():
        assert f"{name} {command.short_help}" in flat, name
    feeds = CliRunner().invoke(main, ["feeds", "--help"], terminal_width=width)
    assert "..." not in feeds.stdout.split("Commands:", 1)[1]
    assert "link Make a feed's secret link; it is shown once." in " ".join(feeds.stdout.split())
