"""Editing a YAML file of the office folder that a person may also edit by hand.

ruamel.yaml's round trip keeps the comments, the order of keys, the flow or block style
and the quoting of everything the edit does not touch; the indentation of the file is
read off the file itself, so a file written with its lists flush left (``- id: v01``
under ``volunteers:``) stays so. An edit loads the file (:func:`load_for_edit`), changes
the loaded mappings and lists in place and dumps them (:func:`dump_edited`); the caller
then saves the text through :func:`roster.app.edits.save_files`, which validates the
whole folder as it would be and writes atomically under the folder lock.

New mappings meant to look like the file's own short entries (``{de: native}``) are made
with :func:`flow_map`, new short lists (``[lead, counsellor]``) with :func:`flow_list`.
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from roster.domain.errors import Problem, RosterError

KEY_LINE = re.compile(r"^( *)[^\s#-][^:#]*:\s*(#.*)?$")
ITEM_LINE = re.compile(r"^( *)- ")
NESTED_KEY = re.compile(r"^( *)[^\s#-][^:#]*:")


@dataclass(frozen=True)
class Indent:
    """The indentation of a YAML file: of nested mappings, of list items' content, and of
    the dash before a list item (relative to its parent key)."""

    mapping: int = 2
    sequence: int = 4
    offset: int = 2


def _content_lines(text: str) -> list[str]:
    return [
        line
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#") and line.strip() != "---"
    ]


def detect_indent(text: str) -> Indent:
    """The indentation the file uses (the usual 2/4/2 when it cannot tell)."""
    lines = _content_lines(text)
    offset: int | None = None
    mapping: int | None = None
    for here, after in itertools.pairwise(lines):
        key = KEY_LINE.match(here)
        if key is None:
            continue
        depth = len(key.group(1))
        item = ITEM_LINE.match(after)
        if item is not None and offset is None:
            offset = max(0, len(item.group(1)) - depth)
        nested = NESTED_KEY.match(after)
        if item is None and nested is not None and mapping is None:
            step = len(nested.group(1)) - depth
            if step > 0:
                mapping = step
    mapping = mapping or 2
    offset = 2 if offset is None else offset
    return Indent(mapping=mapping, sequence=offset + 2, offset=offset)


def _yaml(indent: Indent) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.allow_duplicate_keys = False
    yaml.indent(mapping=indent.mapping, sequence=indent.sequence, offset=indent.offset)
    return yaml


@dataclass
class EditableYaml:
    """A YAML file loaded for editing: its data (ruamel's mappings and lists, changed in
    place) and how to write it back."""

    name: str
    """The file's name in the office folder, e.g. ``volunteers.yaml``."""
    data: Any
    indent: Indent


def load_for_edit(name: str, text: str) -> EditableYaml:
    """Load the text of the folder's file ``name`` for a round-trip edit. A file that is
    empty gives an empty mapping; a file ruamel cannot read is a :class:`RosterError`
    (the folder's own check names the problem precisely)."""
    indent = detect_indent(text)
    try:
        data = _yaml(indent).load(text) if text.strip() else CommentedMap()
    except YAMLError:
        raise RosterError(
            f"{name} cannot be read for editing.",
            [Problem(name, None, "", "is not valid YAML; correct it first")],
        ) from None
    if data is None:
        data = CommentedMap()
    return EditableYaml(name, data, indent)


def dump_edited(document: EditableYaml) -> str:
    """The text of the edited file, untouched parts as they were."""
    out = io.StringIO()
    _yaml(document.indent).dump(document.data, out)
    return out.getvalue()


def flow_map(items: dict[str, Any]) -> CommentedMap:
    """A mapping written on one line: ``{de: native, ar: fluent}``."""
    result = CommentedMap(items)
    result.fa.set_flow_style()
    return result


def flow_list(items: list[Any]) -> CommentedSeq:
    """A list written on one line: ``[lead, counsellor]``."""
    result = CommentedSeq(items)
    result.fa.set_flow_style()
    return result


def block_map(items: dict[str, Any]) -> CommentedMap:
    """A mapping written one key per line."""
    result = CommentedMap(items)
    result.fa.set_block_style()
    return result
