"""What office files never need from YAML, refused before anything is built.

YAML can name a value (an anchor, ``&name``) and repeat it elsewhere (an alias,
``*name``); a few lines of aliases expand to gigabytes (an "alias bomb"), and an alias
inside its own value (``rec: &r [*r]``) never ends. Tags (``!name``, ``!!python/...``)
ask for other kinds of value, and 500 nested brackets exhaust Python's recursion. Office
files need none of that, so the parser's event stream is inspected first, before the
file is composed or constructed: anchors, aliases and tags other than ``!!str`` are
problems, and so is nesting deeper than :data:`MAX_DEPTH`. The messages never quote the
file (the names of anchors and tags may be client text in an appointments file).
"""

from __future__ import annotations

import yaml

from roster.domain.errors import Problem

MAX_DEPTH = 20
"""Deepest nesting of mappings and lists; office files need four levels."""
_MAX_LISTED = 10
# Tags that change nothing: the non-specific "!" and !!str (text).
_PLAIN_TAGS = {None, "!", "tag:yaml.org,2002:str"}
_ANCHOR = (
    "a value starts with '&', which YAML reads as an anchor (a name for a value to "
    "repeat); office files use none: write a value that starts with & in quotes, or "
    "remove the &"
)
_ALIAS = (
    "a value starts with '*', which YAML reads as an alias (a repeat of a value named "
    "with &); office files use none: write a value that starts with * in quotes, or "
    "remove the *"
)
_TAG = (
    "a value starts with '!', which YAML reads as a tag (a kind of value); office files "
    "use none: write a value that starts with ! in quotes, or remove the tag"
)


def check_events(
    text: str, file: str, loader: type[yaml.SafeLoader], problems: list[Problem]
) -> bool:
    """Add the anchors, aliases, tags and too deep nesting in ``text``, with their lines,
    to ``problems``; whether there were any.

    Raises :class:`yaml.YAMLError` for text that is not YAML; the caller turns that into
    a problem as for any syntax error (the problems found before it are kept).
    """
    found = 0
    first_unlisted: int | None = None
    seen: set[tuple[int | None, str]] = set()

    def add(line: int | None, message: str) -> None:
        nonlocal found, first_unlisted
        if (line, message) in seen:
            return  # one problem per line and kind: [*a, *a, *a] is one
        seen.add((line, message))
        found += 1
        if found <= _MAX_LISTED:
            problems.append(Problem(file, line, "", message))
        elif first_unlisted is None:
            first_unlisted = line

    depth = 0
    for event in yaml.parse(text, Loader=loader):
        line = event.start_mark.line + 1 if event.start_mark is not None else None
        if isinstance(event, yaml.AliasEvent):
            add(line, _ALIAS)
            continue
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            add(line, _ANCHOR)
        if isinstance(event, yaml.NodeEvent) and getattr(event, "tag", None) not in _PLAIN_TAGS:
            add(line, _TAG)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                add(
                    line,
                    f"the data is nested more than {MAX_DEPTH} levels deep here; an office "
                    "file needs four levels at most: fix the brackets [ ] { } and the "
                    "indentation",
                )
                break
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    if found > _MAX_LISTED:
        problems.append(
            Problem(
                file,
                first_unlisted,
                "",
                f"{found - _MAX_LISTED} more lines from here hold anchors, aliases or tags; "
                "remove them as well",
            )
        )
    return found > 0
