"""Each volunteer's own switches: which kinds of messages they do not want
(``notices/preferences.json``), set on their page.

The API (stable; filled in by the web part of issue 16): :func:`read_preferences` and
:meth:`Preferences.off`, :func:`set_preferences`.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from roster.app.notify.model import Kind


class Preferences(BaseModel):
    """``notices/preferences.json``: per volunteer id, the kinds switched off."""

    model_config = ConfigDict(frozen=True)

    off_by_volunteer: dict[str, list[Kind]] = Field(default_factory=dict)

    def off(self, volunteer: str) -> frozenset[Kind]:
        """The kinds this volunteer switched off."""
        return frozenset(self.off_by_volunteer.get(volunteer, []))


def preferences_path(folder: Path) -> Path:
    """``DIR/notices/preferences.json``."""
    return folder / "notices" / "preferences.json"


def read_preferences(folder: Path) -> Preferences:
    """The volunteers' switches (none switched off before the first)."""
    path = preferences_path(folder)
    if not path.is_file():
        return Preferences()
    return Preferences.model_validate_json(path.read_bytes())
