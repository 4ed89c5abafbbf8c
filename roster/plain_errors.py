"""Turning pydantic's validation errors into plain, actionable problems."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from roster.errors import Problem
from roster.yaml_source import PathKey, YamlDocument, dotted

_HINTS: dict[str, str] = {
    "language": "a language code such as ar, fa, fa-AF, ti or uk",
    "languages": "a language code such as ar, fa, fa-AF, ti or uk",
    "interpreters": "a language code such as ar, fa, fa-AF, ti or uk",
    "id": "a short id of letters, digits, - or _ (e.g. v01)",
    "case": "a case reference of letters, digits, -, _, / or . (e.g. A-2026-017), never a name",
    "email": "an e-mail address such as name@example.org",
}
_TYPE_WORDS: dict[str, str] = {
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_parsing": "a number",
    "float_type": "a number",
    "bool_parsing": "true or false",
    "bool_type": "true or false",
    "string_type": "text",
    "list_type": "a list (items starting with '- ', or [a, b])",
    "dict_type": "a mapping of keys to values (key: value)",
    "model_type": "a mapping of keys to values (key: value)",
    "model_attributes_type": "a mapping of keys to values (key: value)",
    "date_type": "a date written YYYY-MM-DD",
    "date_parsing": "a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "a date written YYYY-MM-DD",
    "date_from_datetime_inexact": "a date written YYYY-MM-DD",
    "time_type": 'a time written "HH:MM"',
    "time_parsing": 'a time written "HH:MM"',
}


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes an annotation may hold (through list, dict, Optional, Annotated)."""
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [cls for arg in get_args(annotation) for cls in _unwrap(arg)]
    if origin in (list, tuple, set, frozenset):
        return _unwrap(get_args(annotation)[0])
    if origin is dict:
        return _unwrap(get_args(annotation)[1])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def _model_at(root: type[BaseModel], loc: PathKey) -> type[BaseModel] | None:
    """The model class that holds the last key of ``loc``."""
    current: list[type[BaseModel]] = [root]
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        step: list[type[BaseModel]] = []
        for model in current:
            tagged = [m for m in current if _kind_of(m) == part]
            if tagged:
                step = tagged
                break
            for name, info in model.model_fields.items():
                if part in (name, info.alias):
                    step.extend(_unwrap(info.annotation))
        if not step:
            # A dict key (e.g. a language code) keeps us at the same models.
            continue
        current = step
    return current[0] if len(current) == 1 else None


def _kind_of(model: type[BaseModel]) -> str | None:
    field = model.model_fields.get("kind")
    if field is None:
        return None
    args = get_args(field.annotation)
    if get_origin(field.annotation) is Literal and len(args) == 1:
        return str(args[0])
    return None


def allowed_keys(root: type[BaseModel], loc: PathKey) -> list[str]:
    """The keys a mapping at ``loc`` may hold."""
    model = _model_at(root, loc)
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def _strip_tags(loc: tuple[Any, ...], root: type[BaseModel]) -> PathKey:
    """Remove discriminator tags (``open_hours``) that pydantic inserts into locations."""
    tags = {"open_hours", "appointments"} if root.__name__ == "Office" else set()
    out: list[str | int] = []
    for index, part in enumerate(loc):
        previous = loc[index - 1] if index else None
        if part in tags and isinstance(previous, int):
            continue
        if isinstance(part, str) and part.startswith("function-"):
            continue
        out.append(part if isinstance(part, int) else str(part))
    return tuple(out)


def _describe(error: Any, loc: PathKey, root: type[BaseModel]) -> str:
    kind: str = error["type"]
    value = error.get("input")
    last = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "missing":
        return f"the key '{last}' is missing; add it"
    if kind == "extra_forbidden":
        allowed = allowed_keys(root, loc)
        close = difflib.get_close_matches(last, allowed, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        listed = f"Allowed here: {', '.join(allowed)}." if allowed else ""
        return f"unknown key '{last}'; {hint}remove it or fix its spelling. {listed}".strip()
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"'{value}' is not allowed here; expected {expected.replace(chr(39), '')}"
    if kind == "union_tag_invalid":
        return f"kind '{value}' is unknown; expected open_hours or appointments"
    if kind == "union_tag_not_found":
        return "the key 'kind' is missing; add kind: open_hours or kind: appointments"
    if kind == "value_error":
        message = str(error.get("msg", ""))
        return message.removeprefix("Value error, ")
    if kind == "string_pattern_mismatch":
        hint = _HINTS.get(last) or _HINTS.get(str(loc[-2]) if len(loc) > 1 else "", "")
        # a pattern on a dict key (language codes) reports the key as the last element
        if not hint and len(loc) > 1:
            hint = _HINTS.get(str(loc[-2]), "")
        return f"'{value}' is not {hint or 'in the expected form'}"
    if kind == "too_short":
        return "must not be empty; give at least one entry"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        message = str(error.get("msg", "")).replace("Input should be", "must be")
        return f"is {value!r}; {message}"
    if kind in _TYPE_WORDS:
        return f"'{value}' is not {_TYPE_WORDS[kind]}"
    return f"{error.get('msg', 'is not valid')} (got {value!r})"


def problems_from_validation(
    exc: ValidationError, doc: YamlDocument, root: type[BaseModel], prefix: PathKey = ()
) -> list[Problem]:
    """One :class:`Problem` per pydantic error, located in the YAML file."""
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc = (*prefix, *_strip_tags(tuple(error["loc"]), root))
        problems.append(
            Problem(doc.file, doc.line_of(loc), dotted(loc), _describe(error, loc, root))
        )
    return problems
