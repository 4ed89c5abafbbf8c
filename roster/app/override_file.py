"""Writing the adjust page's decisions into ``overrides/YYYY-MM.yaml``, a file the office
lead may also edit by hand: a round-trip edit (:mod:`roster.folder.yaml_edit`) keeps
its comments, order and layout; only the entries of the person and date concerned
change.

Taking a person out adds ``forbid: {volunteer, date}`` (and drops the person's
``assign`` entries of that date); putting a person in adds ``assign: {volunteer, date,
role, language}`` (and drops the person's ``assign`` and ``forbid`` entries of that
date; a list left empty goes). The newest decision for a person and date replaces the older ones, as
:func:`roster.app.places.overrides_after` does for the checker.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from roster.domain.month import Month
from roster.domain.requests import Assign, Forbid
from roster.folder.yaml_edit import dump_edited, flow_map, load_for_edit


def overrides_name(month: Month) -> str:
    """``overrides/YYYY-MM.yaml``: the month's overrides file in the office folder."""
    return f"overrides/{month}.yaml"


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _fresh(day: dt.date) -> dt.date:
    """A date object of its own: ruamel writes one object used twice as an anchor and an
    alias (``&id001``), which the office's files do not use."""
    return dt.date(day.year, day.month, day.day)


def _matches(item: Any, volunteer: str, day: dt.date) -> bool:
    return (
        isinstance(item, dict)
        and str(item.get("volunteer")) == volunteer
        and _as_date(item.get("date")) == day
    )


def _entries(data: CommentedMap, key: str) -> CommentedSeq:
    """The list under ``key``, made (before ``forbid`` for ``assign``) when missing."""
    found = data.get(key)
    if isinstance(found, CommentedSeq):
        return found
    made = CommentedSeq()
    if key in data:
        data[key] = made
    elif key == "assign" and "forbid" in data:
        data.insert(list(data).index("forbid"), key, made)
    else:
        data[key] = made
    return made


def _drop(data: CommentedMap, key: str, volunteer: str, day: dt.date) -> None:
    found = data.get(key)
    if not isinstance(found, CommentedSeq):
        return
    dropped = False
    for position in reversed(range(len(found))):
        if _matches(found[position], volunteer, day):
            del found[position]
            dropped = True
    if dropped and not found:
        del data[key]


def edited_overrides(
    current: str | None,
    month: Month,
    *,
    assign: Assign | None = None,
    forbid: Forbid | None = None,
) -> str:
    """The text of the month's overrides file (``current``, None without a file) after
    taking ``forbid.volunteer`` out and putting ``assign.volunteer`` in. A file that
    is no mapping (which the folder's check refuses first) is a ``TypeError``."""
    name = overrides_name(month)
    document = load_for_edit(name, current or "")
    data = document.data
    if not isinstance(data, CommentedMap):
        # the folder's check refuses such a file before any change is asked for
        raise TypeError(f"{name} holds no mapping of assign and forbid entries")
    if forbid is not None:
        _drop(data, "assign", forbid.volunteer, forbid.date)
        entries = _entries(data, "forbid")
        if not any(_matches(item, forbid.volunteer, forbid.date) for item in entries):
            entries.append(flow_map({"volunteer": forbid.volunteer, "date": _fresh(forbid.date)}))
    if assign is not None:
        _drop(data, "forbid", assign.volunteer, assign.date)
        _drop(data, "assign", assign.volunteer, assign.date)
        entry: dict[str, Any] = {
            "volunteer": assign.volunteer,
            "date": _fresh(assign.date),
            "role": assign.role,
        }
        if assign.language is not None:
            entry["language"] = assign.language
        _entries(data, "assign").append(flow_map(entry))
    return dump_edited(document)
