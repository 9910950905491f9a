"""The quiz rules (quiz/rules.py) as the pages and the API read them: views import no domain.

And the school's time zone (QUIZAPP_TIMEZONE): `shown` writes a stored time in it, naming it;
`said` in words where that reads better ("today at 9:40 America/Lima", "3 days ago");
`to_utc` reads a time typed in it (a form's datetime-local field) as it is stored, naive UTC;
`from_utc` turns a stored time back into what such a field shows.
"""

from __future__ import annotations

from datetime import datetime
from typing import overload
from zoneinfo import ZoneInfo

from flask import current_app

from .. import clock
from ..quiz import rules as _rules
from ..quiz.rules import (
    ATTEMPT_MODES,
    CLOSED,
    DEFAULT_LENGTH,
    LIVE,
    MAX_LENGTH,
    MIN_LENGTH,
    MODES,
    NOT_OPEN_YET,
    OPEN,
    PRACTICE,
    REVIEW,
    SEED_LIMIT,
    day,
    in_words,
    iso,
    percent,
    when,
    window,
)

__all__ = ["ATTEMPT_MODES", "CLOSED", "DEFAULT_LENGTH", "LIVE", "MAX_LENGTH", "MIN_LENGTH", "MODES",
           "NOT_OPEN_YET", "OPEN", "PRACTICE", "REVIEW", "SEED_LIMIT", "day", "from_utc",
           "in_words", "iso", "percent", "said", "school_zone", "shown", "to_utc", "when",
           "window", "zone_name"]


def school_zone() -> ZoneInfo:
    """The school's time zone (checked when the app starts: config.time_zone)."""
    return ZoneInfo(current_app.config.get("TIMEZONE") or "UTC")  # ZoneInfo keeps one per name


def zone_name() -> str:
    """The zone's IANA name, as pages name it: America/Lima, UTC."""
    return school_zone().key


def shown(moment: datetime | None) -> str:
    """A stored time for people, in the school's zone: 3 Dec 2026, 09:40 America/Lima."""
    return when(moment, school_zone())


def said(moment: datetime | None) -> str:
    """A stored time in words against the app's clock, in the school's zone: "today at 9:40
    America/Lima", "3 days ago"; further off, as `shown` writes it. For pages a person reads
    now; reports and exports keep `shown`'s exact dates."""
    return in_words(moment, clock.now(), school_zone())


@overload
def to_utc(local: datetime) -> datetime: ...
@overload
def to_utc(local: None) -> None: ...
def to_utc(local: datetime | None) -> datetime | None:
    """A time typed in the school's zone, as stored (naive UTC); None stays None."""
    return None if local is None else _rules.to_utc(local, school_zone())


@overload
def from_utc(moment: datetime) -> datetime: ...
@overload
def from_utc(moment: None) -> None: ...
def from_utc(moment: datetime | None) -> datetime | None:
    """A stored time as the school's clocks read it (naive), for a form's field."""
    return None if moment is None else _rules.from_utc(moment, school_zone())
