"""Secret feed links: ``feeds/tokens.json`` holds only SHA-256 hashes of the tokens.

A token is ``secrets.token_urlsafe(32)`` (256 random bits). It is shown once, when it is
made (``roster feeds link`` or ``revoke``), and never stored: the office keeps its
SHA-256, which is enough to recognise the token and useless to rebuild it. A plain hash
(no salt, no slow hash) is the right tool for random 256-bit secrets: there is nothing to
guess. Looking a token up compares its hash with every stored hash in constant time, and
an unknown and a revoked token give the same answer.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from roster.domain.errors import RosterError, first_validation_problem
from roster.domain.files import write_atomic
from roster.domain.tokens import find_by_hash

TOKENS_SCHEMA = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class LinkRecord(_Model):
    """One live feed link."""

    feed: str = Field(description="which feed: volunteer:v01, team or gaps")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the token")
    file: str = Field(pattern=r"^[0-9a-f]{32}\.ics$", description="the feed's file in private/")
    created: str = Field(description="when the link was made, UTC ISO 8601")


class TokenFile(_Model):
    """``feeds/tokens.json``."""

    schema_: int = Field(default=TOKENS_SCHEMA, alias="schema")
    links: list[LinkRecord] = Field(default_factory=list)

    def to_json(self) -> str:
        """Stable JSON."""
        data = self.model_dump(mode="json", by_alias=True)
        return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"

    def of_feed(self, label: str) -> LinkRecord | None:
        """The live link of a feed, if any."""
        for record in self.links:
            if record.feed == label:
                return record
        return None

    def without(self, label: str) -> TokenFile:
        """A copy without the link of ``label``."""
        return TokenFile(links=[record for record in self.links if record.feed != label])

    def with_link(self, record: LinkRecord) -> TokenFile:
        """A copy with ``record`` replacing the feed's previous link."""
        links = [item for item in self.links if item.feed != record.feed] + [record]
        return TokenFile(links=sorted(links, key=lambda item: item.feed))


def tokens_path(folder: Path) -> Path:
    """``DIR/feeds/tokens.json``."""
    return folder / "feeds" / "tokens.json"


def read_tokens(folder: Path) -> TokenFile:
    """The stored link hashes (none before the first link)."""
    path = tokens_path(folder)
    if not path.is_file():
        return TokenFile()
    try:
        return TokenFile.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        raise RosterError(
            f"{path.as_posix()} is damaged ({first_validation_problem(exc)}). Restore it from a backup; "
            "or delete it and hand out new links with `roster feeds revoke`."
        ) from None


def write_tokens(folder: Path, tokens: TokenFile) -> None:
    """Write the link hashes atomically."""
    write_atomic(tokens_path(folder), tokens.to_json(), secret=True)


def find_link(tokens: TokenFile, token: str) -> LinkRecord | None:
    """The link a token opens, or None; the same work for every token (constant time).

    Every stored hash is compared with :func:`hmac.compare_digest`, without stopping at a
    match, so the time taken says nothing about which hash matched or how closely.
    """
    return find_by_hash(tokens.links, token, lambda record: record.sha256)
