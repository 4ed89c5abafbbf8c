"""Reading YAML while remembering the line of every key and item.

Validation errors must name the line, so the loader composes the YAML node tree,
builds plain Python values from it and keeps a map from each value's path
(``("volunteers", 3, "languages")``) to its line. The YAML dialect is made strict
for office data: ``no``, ``on`` and ``off`` stay strings (``no`` is Norwegian), only
``true`` and ``false`` are booleans, ``14:00`` stays the string "14:00" instead of
YAML 1.1's base-60 number, and a key given twice is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from roster.domain.errors import Problem

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
                problems.append(
                    Problem(
                        doc.file,
                        key_node.start_mark.line + 1,
                        dotted(child),
                        f"the key '{key}' is given twice; keep one of them",
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
    return _construct(node, loader)


def _construct(node: yaml.Node, loader: _StrictLoader) -> Any:
    """A scalar's value; its text when YAML cannot build it (``2026-12-32`` is no date).

    The text then reaches the models, which reject it with a message naming the field.
    """
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:
        return str(node.value)


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
)


def _plain_yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    what = exc.problem or str(exc)
    plain = next(
        (advice for marker, advice in _YAML_PROBLEMS if marker in what),
        "check the indentation, the colons and the quotes on this line",
    )
    started = ""
    if (
        exc.context_mark is not None
        and exc.problem_mark is not None
        and exc.context_mark.line != exc.problem_mark.line
    ):
        started = f" (what it belongs to starts on line {exc.context_mark.line + 1})"
    return f"is not valid YAML: {plain}{started}. YAML says: {what}"


def read_yaml(path: Path, display_name: str) -> tuple[YamlDocument, list[Problem]]:
    """Parse ``path``; return the document and the problems found while parsing."""
    problems: list[Problem] = []
    doc = YamlDocument(display_name, None)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(
            Problem(display_name, None, "", f"is not UTF-8 text ({exc.reason}); save it as UTF-8")
        )
        return doc, problems
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            doc.data = _build(node, (), doc, loader, problems)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problems.append(Problem(display_name, line, "", _plain_yaml_problem(exc)))
    except yaml.YAMLError as exc:
        problems.append(Problem(display_name, None, "", f"is not valid YAML: {exc}"))
    finally:
        loader.dispose()
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
