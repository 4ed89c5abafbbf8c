"""Changing the entries of ``volunteers.yaml`` in place, the way a person would by hand.

The file is loaded with :func:`roster.folder.yaml_edit.load_for_edit` (ruamel's round
trip): what an edit does not touch keeps its comments, order, quoting and flow or block
style. This module adds what a key-by-key edit of one entry needs on top of that:

- a new key goes where the documented order of keys puts it (``id``, ``name``, ``email``,
  ``roles`` ... ``absences``, ``left``);
- comment lines keep their place in the text. ruamel hangs the comment lines between two
  keys (or two entries) on the key *before* them; a key added after that one, or that
  one removed, would otherwise carry the comment to the wrong place (``# Karim, since
  2024`` above the new key of the previous person instead of above Karim). The comment
  lines move with the boundary they belong to; a comment at the end of a line stays
  with its key.
- a replaced list or mapping keeps the flow (``[a, b]``) or block style of the old one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

from roster.folder.yaml_edit import block_map, flow_list, flow_map

KEY_ORDER = (
    "id",
    "name",
    "email",
    "roles",
    "languages",
    "weekdays",
    "max_per_month",
    "hours_per_month",
    "trainee",
    "absences",
    "left",
)
"""The keys of a volunteer, in the order docs/office-folder.md lists them."""
MAP_SLOT = 2
"""Where ruamel keeps the comment after a mapping's value."""
SEQ_SLOT = 0
"""Where ruamel keeps the comment after a list's item."""

Node = CommentedMap | CommentedSeq
Key = str | int


def _is_block(value: object) -> bool:
    return isinstance(value, CommentedMap | CommentedSeq) and not value.fa.flow_style()


def _last(node: Node) -> Key:
    return next(reversed(node)) if isinstance(node, CommentedMap) else len(node) - 1


def _slot(node: Node) -> int:
    return MAP_SLOT if isinstance(node, CommentedMap) else SEQ_SLOT


def _take_end(node: Node) -> str:
    """The comment lines ruamel keeps at the end of a collection (the file's last lines)."""
    tokens = list(getattr(node.ca, "end", None) or [])
    if not tokens:
        return ""
    node.ca.end = []
    lines = []
    for token in tokens:
        written = str(token.value)
        lines.append(" " * (token.column or 0) + written if written.startswith("#") else written)
    return "".join(lines)


def take_after(node: Node, key: Key) -> str:
    """Remove the comment lines that follow ``node[key]`` (not the comment at the end of
    its own line) and return them, each line as it was written."""
    moved = ""
    value = node[key]
    if _is_block(value) and len(value):
        moved += take_after(value, _last(value))
        moved += _take_end(value)
    tokens = node.ca.items.get(key)
    slot = _slot(node)
    if tokens and len(tokens) > slot and tokens[slot] is not None:
        token = tokens[slot]
        first, _, rest = str(token.value).partition("\n")
        if rest:
            moved = rest + moved
            if first:
                # A flow collection shares the token with its own comment: change it in place.
                token.value = first + "\n"
            else:
                tokens[slot] = None
                _forget(value, token)
    return moved


def _forget(value: object, token: CommentToken) -> None:
    """Drop ``token`` from a flow collection's own comment, which shares it."""
    if not isinstance(value, CommentedMap | CommentedSeq):
        return
    own = value.ca.comment
    if isinstance(own, list):
        value.ca.comment = [None if item is token else item for item in own]


def put_after(node: Node, key: Key, lines: str) -> None:
    """Write comment ``lines`` (as :func:`take_after` returned them) after ``node[key]``."""
    if not lines:
        return
    value = node[key]
    if _is_block(value) and len(value):
        put_after(value, _last(value), lines)
        return
    slot = _slot(node)
    tokens = node.ca.items.setdefault(key, [None, None, None, None])
    while len(tokens) <= slot:
        tokens.append(None)
    token = tokens[slot]
    if token is not None and str(token.value):
        written = str(token.value)
        token.value = written + lines if written.endswith("\n") else f"{written}\n{lines}"
    else:
        tokens[slot] = CommentToken("\n" + lines, CommentMark(0), None)


def _position(entry: CommentedMap, key: str) -> int:
    """Where ``key`` goes among the entry's keys: after every key the documented order
    puts before it."""
    rank = KEY_ORDER.index(key) if key in KEY_ORDER else len(KEY_ORDER)
    keys = list(entry)
    position = 0
    for index, present in enumerate(keys):
        present_rank = KEY_ORDER.index(present) if present in KEY_ORDER else -1
        if present_rank < rank:
            position = index + 1
    return position


def set_key(entry: CommentedMap, key: str, value: Any) -> None:
    """Set ``entry[key]``: in place when it is there (a list or mapping keeps its style
    and the comment lines after it), else at its place in the documented order."""
    if key in entry:
        old = entry[key]
        if isinstance(old, CommentedMap | CommentedSeq):
            moved = take_after(entry, key)
            entry[key] = like(old, value)
            put_after(entry, key, moved)
        else:
            entry[key] = value
        return
    position = _position(entry, key)
    keys = list(entry)
    moved = take_after(entry, keys[position - 1]) if position > 0 else ""
    entry.insert(position, key, value)
    put_after(entry, key, moved)


def drop_key(entry: CommentedMap, key: str) -> None:
    """Remove ``entry[key]``; the comment lines after it stay where they were."""
    if key not in entry:
        return
    keys = list(entry)
    position = keys.index(key)
    moved = take_after(entry, key)
    del entry[key]
    if position > 0:
        put_after(entry, keys[position - 1], moved)


def append_item(items: CommentedSeq, value: Any) -> None:
    """Append ``value`` to the list; comment lines after its last item (the end of the
    file) stay after the list."""
    moved = take_after(items, len(items) - 1) if len(items) else ""
    items.append(value)
    put_after(items, len(items) - 1, moved)


def like(old: Any, value: Any) -> Any:
    """``value`` (a list or mapping, already made by :func:`written`) in the style of the
    ``old`` value it replaces: block stays block, flow stays flow."""
    if not isinstance(value, CommentedMap | CommentedSeq):
        return value
    if isinstance(old, CommentedMap | CommentedSeq) and _is_block(old) and not _is_block(value):
        value.fa.set_block_style()
    return value


def absences_list(spans: list[tuple[date, date]], old: Any = None) -> CommentedSeq:
    """The absences, one ``{from: ..., to: ...}`` per line (as block mappings if the old
    ones were written so)."""
    block_items = (
        isinstance(old, CommentedSeq) and len(old) > 0 and _is_block(old[0])  # first decides
    )
    items = CommentedSeq(
        [
            block_map({"from": first, "to": last})
            if block_items
            else flow_map({"from": first, "to": last})
            for first, last in spans
        ]
    )
    items.fa.set_block_style()
    return items


def short_list(values: Sequence[str]) -> CommentedSeq:
    """A list of words on one line: ``[counsellor, interpreter]``."""
    return flow_list(list(values))


def short_map(values: dict[str, str]) -> CommentedMap:
    """A mapping on one line: ``{de: native, ar: fluent}``."""
    return flow_map(dict(values))


def new_entry(values: dict[str, Any]) -> CommentedMap:
    """A new volunteer's entry, its keys in the documented order."""
    return block_map({key: values[key] for key in KEY_ORDER if key in values})
