"""The catalogue: every de/en text, per locale, keyed by message id.

A message id is ``area.name``: ``term.*`` (:mod:`roster.wording.terms`, the one word
chosen for each thing), ``feed.*`` (:mod:`roster.wording.feeds`), ``print.*``
(:mod:`roster.wording.printouts`), ``reason.*`` (:mod:`roster.wording.reasons`),
``summary.*`` (:mod:`roster.wording.summaries`), ``command.*``
(:mod:`roster.wording.commands`), ``check.*`` (:mod:`roster.wording.checks`) and
``proof.*`` (:mod:`roster.wording.proof`), ``publish.*``
(:mod:`roster.wording.publishing`), ``web.*`` (:mod:`roster.wording.web`) and
``volunteer.*`` (:mod:`roster.wording.volunteer`), ``notify.*`` (:mod:`roster.wording.notify`). Each text is a ``str.format`` template; German and English have exactly the same ids and the
same placeholders per id (a test checks it). A locale other than ``de`` gets English.

A template names a term as ``{t_<term>}`` (``{T_<term>}`` capitalised, at the start of
a sentence); :func:`text` fills them in. Counted nouns come in pairs, ``*_one`` and
``*_other``, chosen by Babel's plural rules (:func:`plural`). The reasons' templates
carry format specs (``{day:day}``) and are filled by
:class:`roster.wording.explanations.Wording`, which knows them.
"""

from __future__ import annotations

import string
from typing import Literal

from roster.wording import (
    checks,
    commands,
    feeds,
    notify,
    printouts,
    proof,
    publishing,
    reasons,
    summaries,
    terms,
    volunteer,
    web,
)
from roster.wording.dates import babel_locale

Locale = Literal["de", "en"]
LOCALES: tuple[Locale, ...] = ("de", "en")

AREAS: dict[str, dict[str, dict[str, str]]] = {
    "term": terms.TEXTS,
    "feed": feeds.TEXTS,
    "print": printouts.TEXTS,
    "reason": reasons.TEXTS,
    "summary": summaries.TEXTS,
    "command": commands.TEXTS,
    "check": checks.TEXTS,
    "proof": proof.TEXTS,
    "publish": publishing.TEXTS,
    "web": web.TEXTS,
    "volunteer": volunteer.TEXTS,
    "notify": notify.TEXTS,
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

TERMS: dict[Locale, dict[str, str]] = {
    locale: {
        **{f"t_{key}": word for key, word in terms.TEXTS[locale].items()},
        **{f"T_{key}": word[:1].upper() + word[1:] for key, word in terms.TEXTS[locale].items()},
    }
    for locale in LOCALES
}
"""The values of the term placeholders, per locale: ``t_team_meeting`` ->
``Teamsitzung``, ``T_open_hours`` -> ``Offene Sprechstunde``."""


def locale_of(value: str) -> Locale:
    """``de`` for ``de``, English for anything else."""
    return "de" if value == "de" else "en"


def template(locale: str, key: str) -> str:
    """The template of message ``key`` in ``locale``, unfilled."""
    return CATALOGUE[locale_of(locale)][key]


def term_values(locale: str) -> dict[str, str]:
    """The term placeholders of ``locale`` and their words."""
    return TERMS[locale_of(locale)]


def text(locale: str, key: str, /, **params: object) -> str:
    """The message ``key`` in ``locale``, its placeholders filled with ``params`` and
    the terms."""
    return template(locale, key).format(**{**term_values(locale), **params})


def plural_form(locale: str, count: float) -> str:
    """``one`` or ``other``: the CLDR plural category of ``count`` in ``locale``."""
    form = babel_locale(locale_of(locale)).plural_form(count)
    return "one" if form == "one" else "other"


def plural(locale: str, key: str, count: float, /, **params: object) -> str:
    """The message ``key_one`` or ``key_other`` for ``count``, with ``{count}`` filled:
    ``plural("en", "summary.trainee", 1)`` -> ``1 trainee``."""
    return text(locale, f"{key}_{plural_form(locale, count)}", count=count, **params)


def placeholders(template_text: str) -> set[tuple[str, str]]:
    """The placeholders of a template, each as (name, format spec)."""
    return {
        (name, spec or "")
        for _, name, spec, _ in string.Formatter().parse(template_text)
        if name is not None
    }


def is_term(name: str) -> bool:
    """Whether a placeholder name is a term (``t_gap``, ``T_gap``)."""
    return name[:2] in ("t_", "T_") and name[2:] in terms.TEXTS["en"]
