"""Characters the PDFs lack a font for, as one plain line for the office lead.

WeasyPrint draws a character that no installed font has as an empty box and logs it
(:mod:`roster.printouts.render` catches that). Which characters are missing says
little to the office lead; which languages are affected, and which package brings the
fonts, says what to do. A character is put down to every language of the office whose
name (in the printout's language, or in the language itself, as on the door sign)
contains it; any other character to its script (``Ethiopic``), or, without one, to its
code point (``U+E000``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from babel import Locale

from roster.domain.office_data import OfficeData
from roster.printouts.words import Words, print_locale
from roster.wording.formats import Formatter

FONT_PACKAGE = "fonts-noto-core"
"""The Debian/Ubuntu package with the Noto fonts of every script the office needs."""

# The first words of a character's Unicode name -> its script's ISO 15924 code.
_SCRIPTS = {
    "ADLAM": "Adlm",
    "ARABIC": "Arab",
    "ARMENIAN": "Armn",
    "BENGALI": "Beng",
    "CJK": "Hani",
    "CYRILLIC": "Cyrl",
    "DEVANAGARI": "Deva",
    "ETHIOPIC": "Ethi",
    "GEORGIAN": "Geor",
    "GREEK": "Grek",
    "GUJARATI": "Gujr",
    "GURMUKHI": "Guru",
    "HANGUL": "Hang",
    "HEBREW": "Hebr",
    "HIRAGANA": "Hira",
    "KANNADA": "Knda",
    "KATAKANA": "Kana",
    "KHMER": "Khmr",
    "LAO": "Laoo",
    "LATIN": "Latn",
    "MALAYALAM": "Mlym",
    "MONGOLIAN": "Mong",
    "MYANMAR": "Mymr",
    "NKO": "Nkoo",
    "OL CHIKI": "Olck",
    "SINHALA": "Sinh",
    "SYRIAC": "Syrc",
    "TAMIL": "Taml",
    "TELUGU": "Telu",
    "THAANA": "Thaa",
    "THAI": "Thai",
    "TIBETAN": "Tibt",
    "TIFINAGH": "Tfng",
}


def script_of(character: str) -> str | None:
    """The ISO 15924 code of the character's script (``Ethi``), if this module knows it."""
    name = unicodedata.name(character, "")
    for words, code in _SCRIPTS.items():
        if name == words or name.startswith(words + " "):
            return code
    return None


def office_languages(data: OfficeData) -> list[str]:
    """Every language code the office's printouts can name: the team's, the sessions',
    the names in office.yaml, the visit log's and the appointment requests'."""
    office = data.office
    codes = set(office.languages)
    for rule in office.open_hours_rules():
        codes.update(rule.interpreters)
    for person in data.volunteers:
        codes.update(person.languages)
    codes.update(record.language for record in data.visits)
    for requests in data.appointments.values():
        codes.update(item.request.language for item in requests)
    return sorted(codes)


def glyph_problem(data: OfficeData, characters: Iterable[str], locale: str) -> str | None:
    """One line naming what the missing ``characters`` affect and the fonts to install,
    in ``locale`` (de or en); None when nothing is missing."""
    missing = set(characters)
    if not missing:
        return None
    chosen = print_locale(locale)
    words = Words(chosen)
    fmt = Formatter(chosen, data.office.zone, dict(data.office.languages))
    affected: list[str] = []
    explained: set[str] = set()
    for code in office_languages(data):
        names = fmt.language(code) + (fmt.native(code) or "")
        found = {character for character in missing if character in names}
        if found:
            affected.append(fmt.language(code))
            explained |= found
    parts = sorted(set(affected))
    scripts = Locale.parse(chosen).scripts
    others: list[str] = []
    for character in sorted(missing - explained):
        script = script_of(character)
        named = scripts.get(script) if script else None
        if named:
            parts.append(words("glyph_script", script=named))
        else:
            others.append(f"U+{ord(character):04X}")
    if others:
        parts.append(words("glyph_other", codes=" ".join(others)))
    what = ", ".join(dict.fromkeys(parts))
    return words("missing_glyphs", what=what, package=FONT_PACKAGE)
