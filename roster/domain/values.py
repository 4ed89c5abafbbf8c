"""The value types of the office folder: whole numbers, hours, times of day, dates, names.

Each type refuses what a YAML or spreadsheet file can hold by mistake but pydantic would
quietly convert: ``true`` is no number (pydantic reads it as 1), a number is no date (0
would be 1970-01-01) and no time of day (``14.00`` would be 14 seconds past midnight),
and ``12`` is no name. The ranges of the numbers are given where the fields are declared
(``Field(ge=..., le=...)``) and documented in docs/office-folder.md.
"""

from __future__ import annotations

import math
import re
from datetime import date, time
from typing import Annotated, Any

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
# Forms people write a time in that are not HH:MM: 14.00, 14,00, 1400, 14.
_CLOCK_LIKE = re.compile(r"^([01]?\d|2[0-3])(?:[.,h]?([0-5]\d))?$")
_SHOWN = 40
_LONG_NUMBER = re.compile(r"^[-+]?[0-9_]{21,}$")  # more digits than any count needs


def shown(value: object) -> str:
    """``value`` as a message quotes it: at most 40 characters, without line breaks."""
    text = str(value).replace("\n", " ").replace("\r", " ")
    return text if len(text) <= _SHOWN else f"{text[: _SHOWN - 3]}..."


def clock_hint(text: str) -> str:
    """What to write instead of a time that is not HH:MM: ``14.00`` -> ``write "14:00"``."""
    match = _CLOCK_LIKE.match(text.strip())
    if match and (match.group(2) is not None or len(text.strip()) <= 2):
        return f'write "{int(match.group(1)):02d}:{match.group(2) or "00"}"'
    return 'write it as HH:MM, e.g. "14:00"'


def _not_a_clock(value: object) -> PydanticCustomError:
    return PydanticCustomError(
        "clock_invalid",
        "'{value}' is not a time of day; {hint}",
        {"value": shown(value), "hint": clock_hint(str(value))},
    )


def parse_clock(value: Any) -> Any:
    """``"14:00"`` -> ``time(14, 0)``; any other text or number is an error.

    ``14.00`` (as Germans write a time), ``1400`` or ``50400`` (YAML 1.1's reading of
    ``14:00``) are refused with the value and what to write, never guessed. Values that
    are neither text nor a number are left for pydantic to reject.
    """
    if isinstance(value, time):
        return value
    if isinstance(value, str):
        match = _CLOCK.match(value.strip())
        if not match:
            raise _not_a_clock(value)
        return time(int(match.group(1)), int(match.group(2)))
    if isinstance(value, bool | int | float):
        raise _not_a_clock(value)
    return value


def _a_number(value: Any) -> Any:
    """A bool is not a number: ``max_per_month: true`` must not count as 1."""
    if isinstance(value, bool):
        raise PydanticCustomError("bool_not_number", "true or false is not a number")
    if isinstance(value, str) and _LONG_NUMBER.match(value.strip()):
        raise PydanticCustomError("number_too_long", "the number is far too long")
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("number_too_long", "the number is far too large")
    return value


def _number_not_date(value: Any) -> Any:
    """A number is not a date (pydantic would read 0 as 1970-01-01)."""
    if isinstance(value, bool | int | float):
        raise PydanticCustomError("date_type", "a number is not a date")
    return value


WholeNumber = Annotated[int, BeforeValidator(_a_number)]
"""A whole number; ``true``/``false`` and numbers of more than 20 digits are refused."""

Hours = Annotated[float, BeforeValidator(_a_number), Field(allow_inf_nan=False)]
"""A number of hours (decimals allowed); ``true``/``false`` and infinity are refused."""

Clock = Annotated[time, BeforeValidator(parse_clock)]
"""A time of day written as ``HH:MM`` (quoted or not)."""

Day = Annotated[date, BeforeValidator(_number_not_date)]
"""A date, ``YYYY-MM-DD``; a number is refused."""

Name = Annotated[str, Field(strict=True, min_length=1, pattern=r"^[^\x00-\x1f\x7f]+$")]
"""A name shown to people: text, not a number (``name: 12`` is an error, not "12")."""
