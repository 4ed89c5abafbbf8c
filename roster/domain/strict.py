"""The base of every model read from the office folder, and its cross-field error."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic_core import PydanticCustomError


class Strict(BaseModel):
    """Base of every model read from the office folder: unknown keys are errors.

    Numbers are accepted where an id or a reference is expected (``id: 12``,
    ``case: 2026017``), since YAML reads them as numbers and the office lead means the
    text; a name must be text (:data:`roster.domain.values.Name`).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


def invalid(message: str, *field: str | int) -> PydanticCustomError:
    """A cross-field validation error that points at ``field`` below the model.

    Raised from a ``model_validator``, pydantic would locate the error at the model
    (the line of the list item); ``field`` (e.g. ``"end"`` or ``"languages", "de"``)
    lets :mod:`roster.plain_errors` name the key and its line instead.
    """
    return PydanticCustomError("roster_invalid", "{message}", {"message": message, "field": field})
