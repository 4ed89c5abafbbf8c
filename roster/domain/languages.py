"""Language codes and their names, from Babel plus the office's own additions."""

from __future__ import annotations

from functools import cache

from babel import Locale, UnknownLocaleError


def babel_code(code: str) -> str:
    """BCP 47 ``fa-AF`` -> Babel's ``fa_AF``."""
    return code.replace("-", "_")


@cache
def _babel_names(locale: str) -> dict[str, str]:
    return dict(Locale.parse(locale).languages)


def babel_knows(code: str) -> bool:
    """Whether Babel has a name for this language code."""
    return babel_code(code) in _babel_names("en")


def language_name(code: str, locale: str, extra: dict[str, dict[str, str]] | None = None) -> str:
    """The name of language ``code`` in ``locale`` (``de`` or ``en``).

    ``extra`` holds the office's own names (``office.yaml`` ``languages:``), which win
    over Babel's, so an office can name a code Babel does not know (``kmr``).
    """
    if extra and code in extra:
        names = extra[code]
        return names.get(locale) or names.get("en") or next(iter(names.values()), code)
    return _babel_names(locale).get(babel_code(code), code)


def native_name(code: str, extra: dict[str, dict[str, str]] | None = None) -> str | None:
    """The language's name written in that language (``ar`` -> العربية), if known."""
    if extra and code in extra and "native" in extra[code]:
        return extra[code]["native"]
    try:
        locale = Locale.parse(babel_code(code))
    except (UnknownLocaleError, ValueError):
        return None
    name = locale.languages.get(babel_code(code)) or locale.languages.get(locale.language)
    return str(name) if name else None
