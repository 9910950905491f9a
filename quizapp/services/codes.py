"""Join codes: the short codes students type for an assigned quiz or a class.

One alphabet and one namespace for both, so a code typed in the home page's box leads to exactly
one thing: a new code is never one a quiz or a class already has.
"""

from __future__ import annotations

import secrets

from sqlalchemy import exists, or_, select

from ..extensions import db
from ..i18n import _l
from ..models import Assignment, Classroom
from .errors import Invalid

# No 0/O, 1/I: a code read off a projector or a sheet of paper is typed right the first time.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 6
TRIES = 5  # a clash among 32**6 codes is rare; trying again settles it


def normal_code(text: str | None) -> str:
    """A code as typed, made canonical: upper case, spaces and dashes dropped."""
    return "".join(c for c in (text or "").upper() if c not in " -\t")


def new_code() -> str:
    """A random code from the unambiguous alphabet."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def code_taken(code: str) -> bool:
    """Whether a quiz or a class has the code already."""
    return bool(db.session.scalar(select(or_(
        exists().where(Assignment.code == code), exists().where(Classroom.code == code)))))


def free_code() -> str:
    """A new code no quiz or class has (call inside the write transaction that stores it)."""
    for _ in range(TRIES):
        code = new_code()
        if not code_taken(code):
            return code
    raise Invalid(_l("No free code was found: try again."))  # pragma: no cover (1 in 10**40)
