"""Secret tokens of links (calendar feeds, volunteers' pages): made, hashed, looked up.

A token is ``secrets.token_urlsafe(32)`` (256 random bits), shown once when it is made
and never stored: the office keeps its SHA-256, which is enough to recognise the token
and useless to rebuild it. A plain hash (no salt, no slow hash) is the right tool for
random 256-bit secrets: there is nothing to guess. Looking a token up compares its hash
with every stored hash in constant time, so an unknown and a revoked token take the same
work and get the same answer.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable, Iterable
from typing import TypeVar

TOKEN_BYTES = 32
RecordT = TypeVar("RecordT")


def new_token() -> str:
    """A fresh, unguessable token (URL-safe, 43 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """The SHA-256 of a token, as 64 hex digits: all the office stores."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def find_by_hash(
    records: Iterable[RecordT], token: str, hash_of: Callable[[RecordT], str]
) -> RecordT | None:
    """The record whose stored hash (``hash_of(record)``) is the token's, or None; the same
    work for every token: every hash is compared with :func:`hmac.compare_digest`, without
    stopping at a match, so the time taken says nothing about which matched or how
    closely."""
    wanted = token_hash(token)
    found: RecordT | None = None
    for record in records:
        if hmac.compare_digest(hash_of(record), wanted):
            found = record
    return found
