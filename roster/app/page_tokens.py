"""The volunteers' personal page links, stored in ``web/pages.json`` (0600, in the 0700
``web/`` folder): the SHA-256 of each token and a random nonce, never the token.

A token is derived from the office's page-link key (``web/page-links.key``, 256 random
bits, 0600, made on the first link) and the link's nonce: the URL-safe base64 (without
padding) of HMAC-SHA256(key, ``page`` NUL volunteer id NUL nonce), 256 bits. So the
office's computer (which holds the key) can rebuild a volunteer's live link for messages
to that volunteer (issue 16), and nobody without the key can. Revoking makes a new
nonce: the old token no longer matches any stored hash. Links made before the key
existed have no nonce: they keep working, but cannot be rebuilt.

A plain hash is the right tool for 256-bit secrets: there is nothing to guess. Each
volunteer has at most one live link. Looking a token up compares its hash with every
stored hash in constant time (without stopping at a match), so an unknown and a revoked
token take the same work and get the same answer.

The same file keeps, per volunteer, the time of their last visit to their page and a
fingerprint of the duties they saw then (to list the changes since).

These tokens are the web app's own: they open a volunteer's page, never a calendar feed
(the feed links are :mod:`calendars.tokens`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from roster.app.web_files import web_folder
from roster.domain.errors import RosterError, first_validation_problem
from roster.domain.files import keep_secret, secret_folder, write_atomic
from roster.domain.tokens import find_by_hash

PAGES_SCHEMA = 1
PAGE_KEY_BYTES = 32
"""256 random bits derive the page tokens."""
NONCE_BYTES = 16
"""128 random bits per link: a new nonce is a new token."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class PageLink(_Model):
    """One volunteer's live page link."""

    volunteer: str = Field(description="the volunteer's id")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the token")
    created: str = Field(description="when the link was made, UTC ISO 8601")
    nonce: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9_-]{16,64}$",
        description="the random nonce the token is derived from; None for a link made "
        "before derived tokens (it works, but cannot be rebuilt)",
    )


class Visit(_Model):
    """A volunteer's last visit to their page."""

    volunteer: str = Field(description="the volunteer's id")
    seen: str = Field(description="when, UTC ISO 8601")
    duties: list[str] = Field(default_factory=list, description="keys of the duties shown")


class PagesFile(_Model):
    """``web/pages.json``."""

    schema_: int = Field(default=PAGES_SCHEMA, alias="schema")
    links: list[PageLink] = Field(default_factory=list)
    visits: list[Visit] = Field(default_factory=list)

    def to_json(self) -> str:
        """Stable JSON."""
        data = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"

    def link_of(self, volunteer: str) -> PageLink | None:
        """The volunteer's live link, if any."""
        for record in self.links:
            if record.volunteer == volunteer:
                return record
        return None

    def visit_of(self, volunteer: str) -> Visit | None:
        """The volunteer's last visit, if any."""
        for record in self.visits:
            if record.volunteer == volunteer:
                return record
        return None

    def with_link(self, record: PageLink) -> PagesFile:
        """A copy with ``record`` replacing the volunteer's previous link."""
        links = [item for item in self.links if item.volunteer != record.volunteer] + [record]
        return self.model_copy(update={"links": sorted(links, key=lambda item: item.volunteer)})

    def with_visit(self, record: Visit) -> PagesFile:
        """A copy with ``record`` replacing the volunteer's previous visit."""
        visits = [item for item in self.visits if item.volunteer != record.volunteer] + [record]
        return self.model_copy(update={"visits": sorted(visits, key=lambda item: item.volunteer)})


def pages_path(folder: Path) -> Path:
    """``DIR/web/pages.json``."""
    return web_folder(folder) / "pages.json"


def read_pages(folder: Path) -> PagesFile:
    """The stored page links and visits (none before the first link)."""
    path = pages_path(folder)
    if not path.is_file():
        return PagesFile()
    try:
        return PagesFile.model_validate_json(path.read_bytes())
    except ValidationError as exc:
        raise RosterError(
            f"{path.as_posix()} is damaged ({first_validation_problem(exc)}). Restore it "
            "from a backup; or delete it and hand out new page links."
        ) from None


def write_pages(folder: Path, pages: PagesFile) -> None:
    """Write the page links atomically (0600, in the 0700 ``web/`` folder); call it under
    the folder lock."""
    secret_folder(web_folder(folder))
    write_atomic(pages_path(folder), pages.to_json(), secret=True)


def find_page(pages: PagesFile, token: str) -> PageLink | None:
    """The link a token opens, or None; the same work for every token (constant time).

    Every stored hash is compared with :func:`hmac.compare_digest`, without stopping at a
    match, so the time taken says nothing about which hash matched or how closely.
    """
    return find_by_hash(pages.links, token, lambda record: record.sha256)


def page_key_path(folder: Path) -> Path:
    """``DIR/web/page-links.key``: the secret the page tokens are derived from."""
    return web_folder(folder) / "page-links.key"


def read_page_key(folder: Path) -> bytes | None:
    """The office's page-link key, or None before the first derived link."""
    path = page_key_path(folder)
    if not path.is_file():
        return None
    keep_secret(path)
    value = path.read_text(encoding="ascii", errors="replace").strip()
    if len(value) != 2 * PAGE_KEY_BYTES or any(c not in "0123456789abcdef" for c in value):
        raise RosterError(
            f"{path.as_posix()} is damaged. Delete it, then give every volunteer a new "
            "page link (roster page revoke)."
        )
    return bytes.fromhex(value)


def page_key(folder: Path) -> bytes:
    """The office's page-link key: read, or made and stored (0600, in the 0700 ``web/``
    folder) on first use. Call it under the folder lock."""
    found = read_page_key(folder)
    if found is not None:
        return found
    secret_folder(web_folder(folder))
    key = secrets.token_hex(PAGE_KEY_BYTES)
    write_atomic(page_key_path(folder), key + "\n", secret=True)
    return bytes.fromhex(key)


def new_nonce() -> str:
    """A fresh random nonce for a page link (URL-safe, 22 characters)."""
    return secrets.token_urlsafe(NONCE_BYTES)


def derive_token(key: bytes, volunteer: str, nonce: str) -> str:
    """The page token of ``volunteer`` for ``nonce``: URL-safe base64 (no padding) of
    HMAC-SHA256(key, ``page`` NUL volunteer NUL nonce), 43 characters."""
    message = b"\0".join([b"page", volunteer.encode("utf-8"), nonce.encode("utf-8")])
    digest = hmac.new(key, message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
