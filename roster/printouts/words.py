"""The printouts' words: the catalogue's ``print.*`` messages in the printout's locale.

The texts themselves live in :mod:`roster.wording.printouts`; dates, numbers and
language names come from :class:`roster.wording.formats.Formatter`.
"""

from __future__ import annotations

from typing import Literal

from roster.domain.errors import RosterError
from roster.wording.catalogue import text

PrintLocale = Literal["de", "en"]


def print_locale(value: str) -> PrintLocale:
    """``de`` or ``en``; anything else is a :class:`RosterError` saying what to write."""
    if value == "de":
        return "de"
    if value == "en":
        return "en"
    raise RosterError(f"'{value}' is not a printout language; use de or en.")


class Words:
    """The printout texts of one locale: ``words("rota_title", month=...)``."""

    def __init__(self, locale: PrintLocale) -> None:
        self.locale = locale

    def __call__(self, key: str, **values: object) -> str:
        return text(self.locale, f"print.{key}", **values)
