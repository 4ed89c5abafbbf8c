"""Turning pydantic's validation errors into plain, actionable problems.

Each pydantic error becomes one :class:`Problem` with the file, the line of the key in
the YAML file, the field path (``volunteers[3].languages.ar``) and a message that says
what is wrong and what to write instead. Values are quoted back to the user only when
they are scalars (shortened to 40 characters) and not confidential: an appointment's
``note`` and its ``case`` (which might hold a client's name by mistake) are never
repeated, and in an appointments file (a confidential document) nothing of the file is:
no value, no unknown key, no part of a field path that the schema does not know.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from datetime import date, time
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from babel import Locale
from pydantic import BaseModel, ValidationError

from roster.domain.errors import Problem
from roster.domain.languages import babel_knows
from roster.domain.values import clock_hint, shown
from roster.folder.yaml_reader import PathKey, YamlDocument

_LANGUAGE_HINT = "a language code such as ar, fa, fa-AF, ti or uk"
_LANGUAGE_FIELDS = {"language", "languages", "interpreters"}
_HINTS: dict[str, str] = {
    "id": "a short id of letters, digits, - or _ (e.g. v01)",
    "case": "a case reference (letters, digits, -, _, / or ., e.g. A-2026-001)",
    "email": "an e-mail address such as name@example.org",
    "phone": 'a phone number of digits, spaces and + - / ( ), e.g. "02051 26-2000"',
    "name": "a name on one line (without line breaks or other control characters)",
}
# Keys whose values are never quoted back in a message (confidential or possibly so).
_UNQUOTED = {"note", "case"}
# (what is expected, what to write)
_TYPE_WORDS: dict[str, tuple[str, str]] = {
    "int_parsing": ("a whole number", "write e.g. 4"),
    "int_type": ("a whole number", "write e.g. 4"),
    "int_from_float": ("a whole number", "write e.g. 4, without decimals"),
    "int_parsing_size": ("a whole number of a sensible size", "write e.g. 4"),
    "bool_not_number": ("a number", "write a number such as 4 (true and false are no numbers)"),
    "number_too_long": ("a number of a sensible size", "write e.g. 4"),
    "finite_number": ("a finite number", "write e.g. 10 or 7.5"),
    "float_parsing": ("a number", "write e.g. 10 or 7.5"),
    "float_type": ("a number", "write e.g. 10 or 7.5"),
    "bool_parsing": ("true or false", "write true or false"),
    "bool_type": ("true or false", "write true or false"),
    "string_type": ("text", "write the text, in quotes if it starts with a special character"),
    "list_type": ("a list", "write [a, b] or one item per line starting with '- '"),
    "dict_type": ("a mapping", "write key: value pairs, indented below this key"),
    "model_type": ("a mapping", "write key: value pairs, indented below this key"),
    "model_attributes_type": ("a mapping", "write key: value pairs, indented below this key"),
    "date_type": ("a date", "write it as YYYY-MM-DD, e.g. 2026-12-03"),
    "date_parsing": ("a date", "write it as YYYY-MM-DD, e.g. 2026-12-03"),
    "date_from_datetime_parsing": ("a date", "write it as YYYY-MM-DD, e.g. 2026-12-03"),
    "date_from_datetime_inexact": ("a date", "write the date only, as YYYY-MM-DD, without a time"),
    "time_type": ("a time of day", 'write it as "HH:MM" in quotes, e.g. "14:00"'),
    "time_parsing": ("a time of day", 'write it as "HH:MM" in quotes, e.g. "14:00"'),
}
_LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_EXTRA_NAMES = {"farsi": "fa", "kurmanji": "kmr", "sorani": "ckb"}


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
    """The model class that holds the last key of ``loc``.

    ``loc`` is pydantic's location with the discriminator tags (``open_hours``) still in
    it, which tell the models of a tagged union apart.
    """
    current: list[type[BaseModel]] = [root]
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        tagged = [model for model in current if _kind_of(model) == part]
        if tagged:
            current = tagged
            continue
        step: list[type[BaseModel]] = []
        for model in current:
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


def _description(root: type[BaseModel], loc: PathKey) -> str:
    """The ``Field(description=...)`` of the key at ``loc``, or ''."""
    model = _model_at(root, loc)
    if model is None or not loc:
        return ""
    for name, info in model.model_fields.items():
        if loc[-1] in (name, info.alias):
            return info.description or ""
    return ""


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


@cache
def _language_names() -> dict[str, str]:
    """Lower-case English and German language names -> code (``arabisch`` -> ``ar``)."""
    names: dict[str, str] = dict(_EXTRA_NAMES)
    for locale in ("de", "en"):
        for code, name in sorted(Locale.parse(locale).languages.items(), key=lambda i: len(i[0])):
            names.setdefault(str(name).lower(), code.replace("_", "-"))
    return names


def language_suggestion(text: str) -> str | None:
    """A language code the user probably meant: ``Arabic`` -> ``ar``, ``fa_AF`` -> ``fa-AF``."""
    cleaned = text.strip()
    candidates = [cleaned.replace("_", "-"), cleaned.lower()]
    if "-" in cleaned or "_" in cleaned:
        head, _, tail = cleaned.replace("_", "-").partition("-")
        candidates.append(f"{head.lower()}-{tail.upper()}")
    for code in candidates:
        if code != text and _LANGUAGE_PATTERN.match(code) and babel_knows(code):
            return code
    return _language_names().get(cleaned.lower())


def _not_a_language(value: str, subject: str) -> str:
    guess = language_suggestion(value)
    hint = f"did you mean '{guess}'? " if guess else ""
    return f"{subject} is not a language code; {hint}write {_LANGUAGE_HINT}"


def _subject(value: Any, loc: PathKey, doc: YamlDocument) -> str:
    """How a message refers to the value it rejects, without leaking confidential text.

    A number or a date is shown as written in the file (``14.00``, not ``14.0``).
    """
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping (key: value)"
    if isinstance(value, list):
        return "a list"
    if doc.confidential or any(part in _UNQUOTED for part in loc):
        return "the value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float | date | time):
        return f"'{shown(doc.text_of(loc) or value)}'"
    return "the value"


def _range(root: type[BaseModel], loc: PathKey) -> tuple[Any, Any]:
    """The bounds (``ge``/``gt``, ``le``) of the number at ``loc``, where declared."""
    model = _model_at(root, loc)
    if model is None or not loc:
        return None, None
    low = high = None
    for name, info in model.model_fields.items():
        if loc[-1] not in (name, info.alias):
            continue
        for item in info.metadata:
            low = getattr(item, "ge", None) if low is None else low
            low = getattr(item, "gt", None) if low is None else low
            high = getattr(item, "le", None) if high is None else high
    return low, high


def _out_of_range(error: Any, subject: str, bounds: tuple[Any, Any]) -> str:
    said = _bound(error)
    low, high = bounds
    other = ""
    if said.startswith(("at least", "more than")) and high is not None:
        other = f" (and at most {high})"
    elif said.startswith(("at most", "less than")) and low is not None:
        other = f" (and at least {low})"
    return f"{subject} is out of range; write a number {said}{other}"


def _choices(expected: str) -> list[str]:
    """``"'basic', 'fluent' or 'native'"`` -> ``["basic", "fluent", "native"]``."""
    return re.findall(r"'([^']*)'", expected)


def _did_you_mean(value: Any, options: list[str]) -> str:
    if not isinstance(value, str):
        return ""
    lowered = {option.lower(): option for option in options}
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.7)
    return f"did you mean '{lowered[close[0]]}'? " if close else ""


def _bound(error: Any) -> str:
    ctx = error.get("ctx", {})
    if "ge" in ctx:
        return f"at least {ctx['ge']}"
    if "gt" in ctx:
        return f"more than {ctx['gt']}"
    if "le" in ctx:
        return f"at most {ctx['le']}"
    return f"less than {ctx.get('lt')}"


def _describe(
    error: Any,
    loc: PathKey,
    model_loc: PathKey,
    root: type[BaseModel],
    key_error: bool,
    doc: YamlDocument,
) -> str:
    kind: str = error["type"]
    value = error.get("input")
    subject = _subject(value, () if key_error else loc, doc)
    last = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
    parent = next((str(p) for p in reversed(loc[:-1]) if isinstance(p, str)), "")
    if kind == "roster_invalid":
        return str(error["ctx"]["message"])
    if key_error:
        if parent in _LANGUAGE_FIELDS:
            return _not_a_language(str(value), subject)
        return f"the key {subject} is not allowed here; fix its spelling or remove it"
    if kind == "missing":
        about = _description(root, model_loc)
        return f"the key '{last}' is missing; add it" + (f" ({about})" if about else "")
    if kind == "extra_forbidden":
        allowed = allowed_keys(root, model_loc)
        hint = _did_you_mean(last, allowed)
        listed = f"Allowed here: {', '.join(allowed)}." if allowed else ""
        if doc.confidential:  # the key may be client text, e.g. a note's second line
            return (
                f"a key on this line is not one of the allowed keys; {hint}fix its spelling "
                f"or remove it (a note of several lines: indent the lines below note:). {listed}"
            ).strip()
        return f"unknown key '{last}'; {hint}remove it or fix its spelling. {listed}".strip()
    if kind == "literal_error":
        options = _choices(error.get("ctx", {}).get("expected", ""))
        expected = ", ".join(options[:-1]) + (f" or {options[-1]}" if len(options) > 1 else "")
        hint = _did_you_mean(value, options)
        return (
            f"{subject} is not allowed here; {hint}write {expected or 'one of the allowed values'}"
        )
    if kind == "union_tag_invalid":
        options = _choices(error.get("ctx", {}).get("expected_tags", ""))
        tag = error.get("ctx", {}).get("tag", "")
        hint = _did_you_mean(tag, options)
        return f"'{shown(tag)}' is not a kind of session; {hint}write {' or '.join(options)}"
    if kind == "union_tag_not_found":
        return "the key 'kind' is missing; add kind: open_hours or kind: appointments"
    if kind == "value_error":
        return str(error.get("msg", "")).removeprefix("Value error, ")
    if kind == "clock_invalid":
        text = doc.text_of(loc) or str(value)
        return f"{subject} is not a time of day; {clock_hint(text)}"
    if kind == "string_pattern_mismatch":
        if last in _LANGUAGE_FIELDS or parent in _LANGUAGE_FIELDS:
            return _not_a_language(str(value), subject)
        if last == "case":
            return f"the value is not {_HINTS['case']}; write the case reference, never a client's name"
        return f"{subject} is not {_HINTS.get(last, 'in the expected form')}; correct it"
    if kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        written = doc.text_of(loc) or str(value)
        return (
            f"{subject} is a number, not text; write the text, or the number in quotes: "
            f'"{shown(written)}"'
        )
    if kind == "string_too_short":
        return "must not be empty; write some text"
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        return f"is too long: at most {limit} characters; shorten it"
    if kind == "too_short":
        return "must not be empty; give at least one entry"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return _out_of_range(error, subject, _range(root, model_loc))
    if kind in _TYPE_WORDS:
        noun, todo = _TYPE_WORDS[kind]
        return f"{subject} is not {noun}; {todo}"
    if doc.confidential:  # pydantic's own words might quote the value
        return "is not valid here; correct it (docs/office-folder.md explains the file)"
    return f"{error.get('msg', 'is not valid')}; see docs/office-folder.md"


def problems_from_validation(
    exc: ValidationError, doc: YamlDocument, root: type[BaseModel], prefix: PathKey = ()
) -> list[Problem]:
    """One :class:`Problem` per pydantic error, located in the YAML file."""
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        raw = tuple(error["loc"])
        key_error = bool(raw) and raw[-1] == "[key]"
        if key_error:
            raw = raw[:-1]
        extra: tuple[str | int, ...] = ()
        if error["type"] == "roster_invalid":
            extra = tuple(error["ctx"]["field"])
        elif error["type"] in ("union_tag_invalid", "union_tag_not_found"):
            extra = (str(error.get("ctx", {}).get("discriminator", "kind")).strip("'"),)
        model_loc = tuple(
            part if isinstance(part, int) else str(part)
            for part in raw
            if not (isinstance(part, str) and part.startswith("function-"))
        )
        loc = (*prefix, *_strip_tags(raw, root), *extra)
        message = _describe(error, loc, (*model_loc, *extra), root, key_error, doc)
        problems.append(Problem(doc.file, doc.line_of(loc), doc.field(loc), message))
    return problems
