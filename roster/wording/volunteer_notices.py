"""The words of a volunteer's message switches on their page (message ids
``volunteer.notices_*``), in German and English; merged into :mod:`roster.wording.volunteer`."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {"en": {}, "de": {}}
