"""The words of the lead's messages page (message ids ``web.notices_*``), in German and
English; merged into :mod:`roster.wording.web`."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {"en": {}, "de": {}}
