"""The catalogue: every de/en text, per locale, keyed by message id.

A message id is ``area.name``: ``feed.*`` (:mod:`roster.wording.feeds`), ``print.*``
(:mod:`roster.wording.printouts`), ``reason.*`` (:mod:`roster.wording.reasons`) and
``summary.*`` (:mod:`roster.wording.summaries`). Each text is a ``str.format``
template; German and English have exactly the same ids and the same placeholders per
id (a test checks it). A locale other than ``de`` gets English.

:func:`text` fills a template. The reasons' templates carry format specs
(``{day:day}``) and are filled by :class:`roster.wording.explanations.Wording`, which
knows them.
"""

from __future__ import annotations

import string
from typing import Literal

from roster.wording import feeds, printouts, reasons, summaries

Locale = Literal["de", "en"]
LOCALES: tuple[Locale, ...] = ("de", "en")

AREAS: dict[str, dict[str, dict[str, str]]] = {
    "feed": feeds.TEXTS,
    "print": printouts.TEXTS,
    "reason": reasons.TEXTS,
    "summary": summaries.TEXTS,
}
"""Each area's table, under the prefix of its message ids."""

CATALOGUE: dict[Locale, dict[str, str]] = {
    locale: {
        f"{area}.{key}": template
        for area, table in AREAS.items()
        for key, template in table[locale].items()
    }
    for locale in LOCALES
}


def locale_of(value: str) -> Locale:
    """``de`` for ``de``, English for anything else."""
    return "de" if value == "de" else "en"


def template(locale: str, key: str) -> str:
    """The template of message ``key`` in ``locale``, unfilled."""
    return CATALOGUE[locale_of(locale)][key]


def text(locale: str, key: str, /, **params: object) -> str:
    """The message ``key`` in ``locale``, its placeholders filled with ``params``."""
    return template(locale, key).format(**params)


def placeholders(template_text: str) -> set[tuple[str, str]]:
    """The placeholders of a template, each as (name, format spec)."""
    return {
        (name, spec or "")
        for _, name, spec, _ in string.Formatter().parse(template_text)
        if name is not None
    }
