"""Password hashes: argon2id for every new one; werkzeug's scrypt and pbkdf2 still read.

argon2id at OWASP's minimum (19 MiB of memory, 2 passes, 1 lane) costs about a fifth of the
scrypt check it replaces on this machine (docs/performance.md, bench/passwords.py), which matters
when a whole school signs in at 9:00. A hash names its own method and parameters, so an old hash
still verifies; `needs_rehash` says when a sign-in should store a new one (any non-argon2id hash,
or argon2id made with other parameters than the app's).

The parameters come from the app's `ARGON2_PARAMETERS` setting (OWASP's by default; the tests
use lighter ones), read when a hash is made or checked.
"""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, has_app_context
from werkzeug.security import check_password_hash

OWASP = {"time_cost": 2, "memory_cost": 19456, "parallelism": 1}  # memory in KiB: 19 MiB
ARGON2ID = "$argon2id$"


@cache
def _hasher(time_cost: int, memory_cost: int, parallelism: int) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_cost,
                          parallelism=parallelism, type=Type.ID)


def hasher() -> PasswordHasher:
    """The argon2id hasher with the app's parameters (OWASP's outside an app)."""
    params = current_app.config.get("ARGON2_PARAMETERS") if has_app_context() else None
    return _hasher(**{**OWASP, **(params or {})})


def hash_password(password: str) -> str:
    """A salted argon2id hash of the password (slow on purpose)."""
    return hasher().hash(password)


def verify(stored: str | None, password: str) -> bool:
    """Whether the password matches the stored hash, argon2 or werkzeug's (scrypt, pbkdf2)."""
    if not stored:
        return False
    if stored.startswith("$argon2"):
        try:
            return hasher().verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False
    try:
        return check_password_hash(stored, password)
    except ValueError:  # an unknown method: nothing matches it
        return False


def needs_rehash(stored: str) -> bool:
    """Whether a hash that just verified should be replaced: not argon2id, or other parameters."""
    if not stored.startswith(ARGON2ID):
        return True
    try:
        return hasher().check_needs_rehash(stored)
    except InvalidHashError:
        return True
