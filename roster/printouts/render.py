"""HTML from the Jinja2 templates (autoescaped), and PDF from the HTML with WeasyPrint.

WeasyPrint is optional (the ``pdf`` extra). Without it the HTML is written alone and
:func:`pdf_skip_reason` says why, in one line. PDFs are reproducible: the document's
dates come from the plan's ``as_of`` (``dcterms.created`` in the HTML head), and
``SOURCE_DATE_EPOCH`` pins the timestamps that font subsetting would otherwise take
from the clock.

While a PDF is rendered, the warnings of the ``weasyprint`` and ``fontTools`` loggers
are caught and kept from the console. A character no installed font can draw (logged
by WeasyPrint as a ".notdef glyph" once per character and document) becomes an entry
of :attr:`PdfRenderer.missing` and, inside :func:`missing_glyphs`, of the set that
function yields; :mod:`roster.printouts.glyphs` turns them into one line naming the
languages affected and the font package to install. Other warnings are kept in
:attr:`PdfRenderer.warnings`, each once.
"""

from __future__ import annotations

import importlib
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, time
from functools import cache
from importlib.resources import files
from types import ModuleType
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from roster.printouts.words import Words

# WeasyPrint's notice when the system lacks HarfBuzz-Subset: it then subsets fonts
# with fontTools, which works; the notice is for whoever installs the system packages.
_QUIET = ("HarfBuzz-Subset",)
# The loggers whose warnings a rendering run catches.
_LOGGERS = ("weasyprint", "fontTools")
# WeasyPrint's warning for a character no font has: '.notdef glyph rendered for Unicode
# string unsupported by fonts: "X" (U+1234)'.
_NOTDEF = ".notdef"
_CODEPOINT = re.compile(r"U\+([0-9A-Fa-f]{4,6})")
_MISSING: ContextVar[set[str] | None] = ContextVar("missing_glyphs", default=None)


@cache
def environment() -> Environment:
    """The templates of the ``templates`` package, autoescaped, strict about names."""
    return Environment(
        loader=PackageLoader("templates", ""),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def stylesheet() -> Markup:
    """The shared print stylesheet, inlined into every document."""
    css = files("templates").joinpath("print.css").read_text(encoding="utf-8")
    return Markup(css.strip())  # noqa: S704 - our own stylesheet, shipped as package data


def render_html(template: str, doc: Any, words: Words) -> str:
    """One document as HTML."""
    return environment().get_template(template).render(doc=doc, t=words, css=stylesheet())


def _weasyprint() -> tuple[ModuleType | None, str | None]:
    try:
        module = importlib.import_module("weasyprint")
    except ImportError as exc:
        return None, f"WeasyPrint is not installed ({exc})"
    except OSError as exc:  # installed, but a system library (Pango) is missing
        return None, f"WeasyPrint cannot load its system libraries ({exc})"
    return module, None


def pdf_problem() -> str | None:
    """Why PDFs cannot be written here (WeasyPrint missing or broken), or None."""
    return _weasyprint()[1]


def pdf_skip_reason() -> str | None:
    """One line saying why PDFs are not written, or None when they are."""
    _, problem = _weasyprint()
    if problem is None:
        return None
    return (
        f"PDF skipped: {problem}. The HTML printouts are complete; for PDFs, add the pdf "
        'extra in the folder of the roster checkout: pip install -e ".[pdf]" '
        "(see docs/printouts.md)."
    )


@contextmanager
def missing_glyphs() -> Iterator[set[str]]:
    """Within the block, every character that a PDF rendered here lacks a font for is
    added to the set yielded (the print job's one line about fonts)."""
    found: set[str] = set()
    token = _MISSING.set(found)
    try:
        yield found
    finally:
        _MISSING.reset(token)


def _characters(message: str) -> set[str]:
    """The characters a ".notdef glyph" warning names by code point (``U+1234``)."""
    return {chr(int(code, 16)) for code in _CODEPOINT.findall(message)}


class _Collect(logging.Handler):
    """Keeps the warnings of one rendering run: missing characters apart, the rest each
    once."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.missing: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if _NOTDEF in message:
            self.missing |= _characters(message)
        elif not any(quiet in message for quiet in _QUIET) and message not in self.messages:
            self.messages.append(message)


@contextmanager
def _caught(collect: _Collect) -> Iterator[None]:
    """Route the warnings of WeasyPrint and fontTools to ``collect``, and nowhere else."""
    loggers = [logging.getLogger(name) for name in _LOGGERS]
    before = [logger.propagate for logger in loggers]
    for logger in loggers:
        logger.addHandler(collect)
        logger.propagate = False
    try:
        yield
    finally:
        for logger, propagate in zip(loggers, before, strict=True):
            logger.removeHandler(collect)
            logger.propagate = propagate


@contextmanager
def _pinned_clock(day: date) -> Iterator[None]:
    """``SOURCE_DATE_EPOCH`` = midnight UTC of ``day`` while rendering, then as before."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime.combine(day, time(), UTC).timestamp()))
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


class PdfRenderer:
    """Renders HTML documents to PDF, sharing WeasyPrint's font configuration."""

    def __init__(self, day: date) -> None:
        module, problem = _weasyprint()
        if module is None:
            raise RuntimeError(problem)
        self._module = module
        self._day = day
        self._fonts = importlib.import_module("weasyprint.text.fonts").FontConfiguration()
        self.warnings: list[str] = []
        self.missing: set[str] = set()
        """The characters no installed font could draw, over every document."""

    def pdf(self, html: str) -> bytes:
        """The PDF of one HTML document."""
        collect = _Collect()
        with _caught(collect), _pinned_clock(self._day):
            document = self._module.HTML(string=html)
            data: bytes = document.write_pdf(font_config=self._fonts)
        self.warnings.extend(m for m in collect.messages if m not in self.warnings)
        self.missing |= collect.missing
        found = _MISSING.get()
        if found is not None:
            found |= collect.missing
        return data
