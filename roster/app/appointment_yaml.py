"""Changing the list of requests in ``appointments/YYYY-MM.yaml`` with ruamel's round
trip (:mod:`roster.folder.yaml_edit`): add a request, change one, remove one, and keep
every full-line comment of the file where a reader expects it.

ruamel keeps a comment line that follows a value with that value (``note: ...`` of the
request above it). So when a request is removed, the comment lines after its last value
move to the request before it (or, for the first request, up to the list's head); when a
key is added to or removed from the end of a request, or a request is added at the end,
the comment lines move to the new last value. A comment at the end of a removed line goes
with that line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from roster.folder.yaml_edit import EditableYaml, block_map, flow_list

KEY = "appointments"
ORDER = ("case", "language", "minutes", "earliest", "latest", "counsellor", "note")
"""The keys of a request, in the order a new request is written."""


def _slot(owner: Any, key: Any) -> list[Any] | None:
    comments = getattr(owner, "ca", None)
    if comments is None:
        return None
    slot: list[Any] | None = comments.items.get(key)
    return slot


def _take_tail(entry: Any) -> str:
    """Remove and return the comment lines after the last value of ``entry`` (its comment
    at the end of the line stays)."""
    if not isinstance(entry, CommentedMap) or not entry:
        return ""
    slot = _slot(entry, list(entry)[-1])
    if slot is None or len(slot) < 3 or slot[2] is None:
        return ""
    token = slot[2]
    line, _, rest = str(token.value).partition("\n")
    if line.strip():
        token.value = line + "\n"
    else:
        slot[2] = None
    return rest


def _put_tail(entry: Any, rest: str) -> None:
    """Put comment lines after the last value of ``entry``."""
    if not rest or not isinstance(entry, CommentedMap) or not entry:
        return
    last = list(entry)[-1]
    slot = entry.ca.items.setdefault(last, [None, None, None, None])
    while len(slot) < 3:
        slot.append(None)
    if slot[2] is None:
        slot[2] = CommentToken("\n" + rest, CommentMark(0))
    else:
        slot[2].value = str(slot[2].value) + rest


def _head_comment(document: EditableYaml) -> str:
    """The comment lines between ``appointments:`` and its first request, removed."""
    slot = _slot(document.data, KEY)
    if slot is None or len(slot) < 4 or not slot[3]:
        return ""
    lines = "".join(" " * token.column + str(token.value) for token in slot[3])
    slot[3] = None
    return lines


def _put_head(document: EditableYaml, rest: str) -> None:
    if not rest:
        return
    slot = document.data.ca.items.setdefault(KEY, [None, None, None, None])
    while len(slot) < 4:
        slot.append(None)
    if slot[3] is None:
        slot[3] = []
    for line in rest.splitlines(keepends=True):
        text = line.lstrip(" ")
        slot[3].append(CommentToken(text, CommentMark(len(line) - len(text))))


def requests_of(document: EditableYaml) -> tuple[CommentedSeq, str]:
    """The file's list of requests, written one request per block of lines (an empty,
    missing or one-line list becomes one), and the comment lines that followed an empty
    list (taken off: they belong after its first request)."""
    data = document.data
    current = data.get(KEY)
    if isinstance(current, CommentedSeq) and current and not current.fa.flow_style():
        return current, ""
    slot = _slot(data, KEY)
    rest = ""
    if slot is not None and len(slot) > 2 and slot[2] is not None:
        line, _, rest = str(slot[2].value).partition("\n")
        if line.strip():
            slot[2].value = line + "\n"
        else:
            slot[2] = None
    fresh = CommentedSeq(list(current) if isinstance(current, list) else [])
    fresh.fa.set_block_style()
    data[KEY] = fresh
    return fresh, rest


def _value(key: str, value: object) -> object:
    if key == "note" and isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value


def new_request(values: Mapping[str, object]) -> CommentedMap:
    """A request written one key per line, in the usual order; None values left out."""
    return block_map(
        {key: _value(key, values[key]) for key in ORDER if values.get(key) is not None}
    )


def append_request(document: EditableYaml, values: Mapping[str, object]) -> int:
    """Add a request at the end of the list; its index."""
    requests, after_empty = requests_of(document)
    tail = _take_tail(requests[-1]) if requests else after_empty
    entry = new_request(values)
    requests.append(entry)
    _put_tail(entry, tail)
    return len(requests) - 1


def _same(old: object, new: object) -> bool:
    return str(old) == str(new) if not isinstance(new, int) else old == new


def update_request(entry: CommentedMap, values: Mapping[str, object]) -> None:
    """Change the keys of ``entry`` whose value differs (None removes the key); untouched
    keys keep how they are written. A new key goes where the usual order puts it."""
    tail = _take_tail(entry)
    for key in ORDER:
        if key not in values:
            continue
        new = values[key]
        if new is None:
            if key in entry:
                del entry[key]
            continue
        if key in entry:
            if not _same(entry[key], new):
                entry[key] = _value(key, new)
            continue
        later = [index for index, name in enumerate(entry) if name in ORDER[ORDER.index(key) :]]
        entry.insert(later[0] if later else len(entry), key, _value(key, new))
    _put_tail(entry, tail)


def remove_request(document: EditableYaml, index: int) -> None:
    """Remove the request at ``index``; the comment lines after it stay in the file."""
    requests, _ = requests_of(document)
    tail = _take_tail(requests[index])
    del requests[index]
    if index > 0:
        _put_tail(requests[index - 1], tail)
    elif requests:
        _put_head(document, tail)
    else:
        lines = _head_comment(document) + tail
        document.data[KEY] = flow_list([])
        if lines:
            document.data.ca.items[KEY] = [
                None,
                None,
                CommentToken("\n" + lines, CommentMark(0)),
                None,
            ]
