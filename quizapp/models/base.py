"""What every table shares: the declarative base, UTC times, and JSON kept as text."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, Text
from sqlalchemy.types import TypeDecorator

from .. import passwords
from ..extensions import Base, db
from ..quiz.snapshot import Snapshot


def hash_password(password: str) -> str:
    """A salted hash of the password (argon2id: slow on purpose; see passwords.py)."""
    return passwords.hash_password(password)


def utcnow() -> datetime:
    """The current time in UTC, without tzinfo (how every time is stored)."""
    return datetime.now(UTC).replace(tzinfo=None)


class JSONText(TypeDecorator):
    """JSON kept as text, the same on SQLite and PostgreSQL."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect) -> str | None:
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def process_result_value(self, value: str | None, dialect) -> Any:
        return None if value is None else json.loads(value)


# The declarative base as type checkers see it (Flask-SQLAlchemy builds db.Model from Base).
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model


def table_of(model: type[Model]) -> Table:
    """A model's table, for Core statements (typed as the Table it is)."""
    return cast(Table, model.__table__)


class SnapshotJSON(TypeDecorator):
    """A served question's Snapshot, kept as JSON text; read back through Snapshot.from_json."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Snapshot | None, dialect) -> str | None:
        if value is None:
            return None
        return json.dumps(value.to_json(), ensure_ascii=False, separators=(",", ":"))

    def process_result_value(self, value: str | None, dialect) -> Snapshot | None:
        return None if value is None else Snapshot.from_json(json.loads(value))
