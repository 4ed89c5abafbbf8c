"""Reading a text file of the office folder: size, encoding and invisible characters.

Every YAML and CSV file goes through :func:`read_text` before it is parsed, so that a file
saved as UTF-16 ("Unicode text" in Excel), a file in another encoding, a file far too
large to be an office file, or a line with an invisible control character (a NUL, an
escape or a delete character, typed by accident or left by a broken copy and paste) gives
a plain problem naming the file and the line instead of a parser's error. No message
quotes the file's content.

A CSV file that is not UTF-8 may be what Excel on a German Windows saves as "CSV": Windows
text (cp1252). :func:`read_spreadsheet_text` takes it as such only when nothing speaks
against it: the bytes hold no valid UTF-8 sequence of two or more bytes (then the file is
UTF-8 with a damaged byte, not Windows text) and decode as cp1252 without a C1 control
character. The caller says so in ``roster check`` (a guess is never silent).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from roster.domain.errors import Problem

MAX_BYTES = 5_000_000
"""Largest office file read, in bytes: the example office's largest file has 7 kB; a city
office of 10,000 volunteers (benchmarks/generate.py) has a volunteers.yaml of 1.6 MB."""
_MAX_LISTED = 10
# What YAML does not allow in a file (yaml.reader.Reader.NON_PRINTABLE), tabs and line
# breaks aside; the same characters are refused in CSV files.
_CONTROL = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_UTF16_32 = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_SAVE_AS_UTF8 = "save it as UTF-8"
# A UTF-8 sequence of two to four bytes: in a file that is not UTF-8 as a whole, it tells a
# damaged UTF-8 file from Windows text (where "ä" is the single byte E4).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_C1 = re.compile("[\x80-\x9f]")


def _wide_encoding(data: bytes) -> str | None:
    """``"UTF-16"`` or ``"UTF-32"`` when the bytes look like it (with or without a BOM)."""
    for bom, name in _UTF16_32:
        if data.startswith(bom):
            return name
    head = data[:200]
    if len(head) >= 4 and head.count(0) * 4 >= len(head) and 0 in head[:4]:
        return "UTF-16"  # ASCII text saved as UTF-16 without a BOM: every other byte is 0
    return None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _character_name(char: str) -> str:
    names = {"\x00": "NUL", "\x1b": "escape", "\x7f": "delete"}
    return f"U+{ord(char):04X}" + (f", {names[char]}" if char in names else "")


def control_character(text: str) -> str | None:
    """The first invisible control character of ``text``, named (``U+001B, escape``), or None."""
    match = _CONTROL.search(text)
    return _character_name(match.group()) if match else None


def control_characters(name: str, text: str) -> list[Problem]:
    """One problem per line holding a character YAML does not allow (the first ten)."""
    problems: list[Problem] = []
    lines = text.split("\n")
    bad = [(number, line) for number, line in enumerate(lines, start=1) if _CONTROL.search(line)]
    for number, line in bad[:_MAX_LISTED]:
        match = _CONTROL.search(line)
        assert match is not None  # noqa: S101 - the line was chosen for it
        problems.append(
            Problem(
                name,
                number,
                "",
                f"the line holds an invisible control character ({_character_name(match.group())}) "
                f"at column {match.start() + 1}; remove it, e.g. by retyping the line",
            )
        )
    if len(bad) > _MAX_LISTED:
        problems.append(
            Problem(
                name,
                bad[_MAX_LISTED][0],
                "",
                f"{len(bad) - _MAX_LISTED} more lines from here hold invisible control "
                "characters; is it a text file? Remove them or save the file again as text",
            )
        )
    return problems


def too_large(path: Path, name: str, problems: list[Problem]) -> bool:
    """Whether the file is larger than an office file can be (the problem is added)."""
    size = path.stat().st_size
    if size <= MAX_BYTES:
        return False
    problems.append(
        Problem(
            name,
            None,
            "",
            f"is {size // 1000:,} kB large; an office file is much smaller (at most "
            f"{MAX_BYTES // 1000:,} kB): make sure it is the right file, or split it",
        )
    )
    return True


def _windows_text(data: bytes) -> str | None:
    """The bytes as Windows text (cp1252), when that is what they are most likely."""
    if _UTF8_SEQUENCE.search(data):
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return None if _C1.search(text) else text


def _decode(
    path: Path, name: str, problems: list[Problem], windows: bool
) -> tuple[str | None, bool]:
    if too_large(path, name, problems):
        return None, False
    data = path.read_bytes()
    wide = _wide_encoding(data)
    if wide is not None:
        problems.append(Problem(name, None, "", f"is saved as {wide}, not UTF-8; {_SAVE_AS_UTF8}"))
        return None, False
    was_windows = False
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guessed = _windows_text(data) if windows else None
        if guessed is None:
            bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
            problems.append(
                Problem(
                    name,
                    _line_of(data, bom + exc.start),
                    "",
                    f"is not UTF-8 text ({exc.reason}); {_SAVE_AS_UTF8}",
                )
            )
            return None, False
        text, was_windows = guessed, True
    found = control_characters(name, text)
    problems.extend(found)
    return (None, False) if found else (text, was_windows)


def read_text(path: Path, name: str, problems: list[Problem]) -> str | None:
    """The file's text (UTF-8, a leading BOM removed), or None with the problems found."""
    return _decode(path, name, problems, windows=False)[0]


def read_spreadsheet_text(
    path: Path, name: str, problems: list[Problem]
) -> tuple[str | None, bool]:
    """A CSV file's text and whether it was read as Windows text (cp1252), not UTF-8.

    UTF-8 (with or without a BOM) first; Windows text only as the module explains.
    """
    return _decode(path, name, problems, windows=True)
