"""The words of the e-mails and of `roster notify` (message ids ``notify.*``), in German
and English: greeting, footer, duty reminders, the report of a run; the other kinds' words
come from :mod:`roster.wording.notify_kinds` (merged here).

E-mails speak to people for whom German is often a second language: short sentences,
subject lines that say it all."""

from __future__ import annotations

from roster.wording import notify_kinds

BASE: dict[str, dict[str, str]] = {"en": {}, "de": {}}


def _merged() -> dict[str, dict[str, str]]:
    merged = {locale: dict(table) for locale, table in BASE.items()}
    for table in (notify_kinds.TEXTS,):
        for locale, texts in table.items():
            twice = sorted(set(texts) & set(merged[locale]))
            if twice:
                raise ValueError(f"notify texts defined twice: {twice}")
            merged[locale].update(texts)
    return merged


TEXTS: dict[str, dict[str, str]] = _merged()
"""Every ``notify.*`` text, per locale."""
