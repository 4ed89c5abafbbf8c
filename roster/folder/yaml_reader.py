"""Reading YAML while remembering the line of every key and item.

Validation errors must name the line, so the loader composes the YAML node tree,
builds plain Python values from it and keeps a map from each value's path
(``("volunteers", 3, "languages")``) to its line. The YAML dialect is made strict
for office data: ``no``, ``on`` and ``off`` stay strings (``no`` is Norwegian), only
``true`` and ``false`` are booleans, ``14:00`` stays the string "14:00" instead of
YAML 1.1's base-60 number, and a key given twice is an error.

Before parsing, the file's encoding and characters are checked (:mod:`text_files`);
before composing, anchors, aliases, tags and deep nesting are refused
(:mod:`yaml_events`), so no file can make the reader crash, hang or fill the memory.
The source text of every scalar that YAML reads as something other than text is kept,
so a message can show ``14.00`` as written, not as the number 14.0.

An appointments file holds client data: it is read with ``confidential_keys`` (the keys
its schema knows). Then no message quotes anything from the file, and a field path
names only known keys (``appointments[0]``, not ``appointments[0].<a mistyped note>``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from roster.domain.errors import Problem
from roster.folder.text_files import read_text
from roster.folder.yaml_events import check_events

PathKey = tuple[str | int, ...]


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-like booleans and no base-60 numbers."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?(?:0|[1-9][0-9_]*))$"),
    list("-+0123456789"),
)
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?)$"),
    list("-+0123456789"),
)


@dataclass
class YamlDocument:
    """A YAML file's data and the line of every value in it."""

    file: str
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)
    texts: dict[PathKey, str] = field(default_factory=dict)
    confidential_keys: frozenset[str] | None = None

    @property
    def confidential(self) -> bool:
        """Whether the file holds client data: no message may quote it."""
        return self.confidential_keys is not None

    def text_of(self, path: PathKey) -> str | None:
        """The source text of the scalar at ``path`` when YAML read it as a non-text value
        (``14.00`` for the number 14.0)."""
        return self.texts.get(tuple(path))

    def field(self, path: PathKey) -> str:
        """The dotted field path of ``path`` for a message; in a confidential file it
        ends before the first key its schema does not know (that key may be client text)."""
        if self.confidential_keys is None:
            return dotted(path)
        known: list[str | int] = []
        for part in path:
            if isinstance(part, str) and part not in self.confidential_keys:
                break
            known.append(part)
        return dotted(tuple(known))

    def line_of(self, path: PathKey) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


def _build(
    node: yaml.Node,
    path: PathKey,
    doc: YamlDocument,
    loader: _StrictLoader,
    problems: list[Problem],
) -> Any:
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _construct(key_node, loader)
            if not isinstance(key, str):
                key = str(key)  # keys are names; integers in a path are list positions
            child = (*path, key)
            if key in result:
                named = not doc.confidential or key in (doc.confidential_keys or ())
                what = f"the key '{key}'" if named else "a key of this line"
                problems.append(
                    Problem(
                        doc.file,
                        key_node.start_mark.line + 1,
                        doc.field(child),
                        f"{what} is given twice; keep one of them",
                    )
                )
                continue
            doc.lines[child] = key_node.start_mark.line + 1
            result[key] = _build(value_node, child, doc, loader, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*path, index), doc, loader, problems)
            for index, item in enumerate(node.value)
        ]
    value = _construct(node, loader)
    if not isinstance(value, str) and isinstance(node, yaml.ScalarNode):
        doc.texts[path] = str(node.value)
    return value


def _construct(node: yaml.Node, loader: _StrictLoader) -> Any:
    """A scalar's value; its text when YAML cannot build it (``2026-12-32`` is no date,
    a number of 5,000 digits is more than Python converts).

    The text then reaches the models, which reject it with a message naming the field.
    """
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, TypeError, OverflowError, yaml.YAMLError):
        return str(node.value) if isinstance(node, yaml.ScalarNode) else None


# PyYAML's wording -> what the office lead should do about it.
_YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("found character '\\t'", "a tab is used for indentation; indent with spaces only"),
    (
        "mapping values are not allowed",
        "there is a ':' where none may be; put a value that holds ': ' in quotes",
    ),
    ("could not find expected ':'", "a line holds no 'key: value'; add the ':' after the key"),
    ("expected <block end>", "this line is not indented like the lines above it; line it up"),
    ("expected ',' or '}'", "a { ... } is not closed; close it with } or add a missing comma"),
    ("expected ',' or ']'", "a [ ... ] is not closed; close it with ] or add a missing comma"),
    ("found unexpected end of stream", "a quote or bracket is opened and never closed; close it"),
    ("found undefined alias", "'*' starts an alias; put a value that starts with * in quotes"),
    ("expected alphabetic or numeric character", "put a value that starts with & or * in quotes"),
    ("found character '@'", "put a value that starts with @ or ` in quotes"),
    ("found character '`'", "put a value that starts with @ or ` in quotes"),
    (
        "found another document",
        "a line '---' starts a second document; remove the '---' line (one file, one document)",
    ),
    (
        "found unknown escape character",
        "a \\ in double quotes starts an escape; write \\\\ for a backslash or use single quotes",
    ),
)


def _plain_yaml_problem(exc: yaml.MarkedYAMLError, confidential: bool) -> str:
    """The advice for a syntax error; PyYAML's own words only where they cannot hold
    client data (they may quote the file, e.g. the name of an alias)."""
    what = exc.problem or ""
    plain = next(
        (advice for marker, advice in _YAML_PROBLEMS if marker in what),
        "check the indentation, the colons and the quotes on this line and fix them",
    )
    started = ""
    if (
        exc.context_mark is not None
        and exc.problem_mark is not None
        and exc.context_mark.line != exc.problem_mark.line
    ):
        started = f" (what it belongs to starts on line {exc.context_mark.line + 1})"
    said = "" if confidential or not what else f" YAML says: {what}"
    return f"is not valid YAML: {plain}{started}.{said}"


_UNCLOSED_QUOTE = (
    "is not valid YAML: a quote (\" or ') opens on this line and is not closed on it; "
    "close it at the end of the value, or remove it"
)
"""The message for a quote left open (never quoting the file)."""


def _unclosed_quote(text: str, exc: yaml.MarkedYAMLError) -> int | None:
    """The line where a quote that is never closed opens, if that caused ``exc``.

    A quote left open runs on over the next lines, so PyYAML stops at the end of the file
    (its context mark is the quote) or at the next quote, which then seems to close it;
    the line after that quote is blamed (its indentation, a stray character). Office
    values are one line each, so a quoted value over several lines ending on the line
    of the error is such a quote.
    """
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        return exc.context_mark.line + 1
    if exc.problem_mark is None:
        return None
    stop = exc.problem_mark.line
    opened: int | None = None
    try:
        for token in yaml.scan(text, Loader=_StrictLoader):
            if token.start_mark.line > stop:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.start_mark.line < token.end_mark.line <= stop
            ):
                opened = token.start_mark.line + 1
    except yaml.YAMLError:
        pass  # the tokens up to the error are enough
    return opened


def read_yaml(
    path: Path, display_name: str, confidential_keys: frozenset[str] | None = None
) -> tuple[YamlDocument, list[Problem]]:
    """Parse ``path``; return the document and the problems found while parsing.

    With ``confidential_keys`` (an appointments file) no problem quotes the file.
    """
    problems: list[Problem] = []
    doc = YamlDocument(display_name, None, confidential_keys=confidential_keys)
    text = read_text(path, display_name, problems)
    if text is None:
        return doc, problems
    try:
        if check_events(text, display_name, _StrictLoader, problems):
            return doc, problems
        loader = _StrictLoader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                doc.data = _build(node, (), doc, loader, problems)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        quote = _unclosed_quote(text, exc)
        if quote is not None:
            said = "" if doc.confidential or not exc.problem else f" YAML says: {exc.problem}"
            problems.append(Problem(display_name, quote, "", f"{_UNCLOSED_QUOTE}.{said}"))
        else:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark is not None else None
            message = _plain_yaml_problem(exc, doc.confidential)
            problems.append(Problem(display_name, line, "", message))
    except yaml.YAMLError:
        problems.append(
            Problem(
                display_name,
                None,
                "",
                "is not valid YAML; check the indentation, the colons and the quotes and fix them",
            )
        )
    return doc, problems


def dotted(path: PathKey) -> str:
    """``("volunteers", 3, "languages")`` -> ``volunteers[3].languages``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
