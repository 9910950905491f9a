"""The quiz rules (quiz/rules.py) as the pages and the API read them: views import no domain."""

from __future__ import annotations

from ..quiz.rules import (
    ATTEMPT_MODES,
    CLOSED,
    DEFAULT_LENGTH,
    MAX_LENGTH,
    MIN_LENGTH,
    MODES,
    NOT_OPEN_YET,
    OPEN,
    PRACTICE,
    REVIEW,
    SEED_LIMIT,
    day,
    iso,
    percent,
    when,
    window,
)

__all__ = ["ATTEMPT_MODES", "CLOSED", "DEFAULT_LENGTH", "MAX_LENGTH", "MIN_LENGTH", "MODES",
           "NOT_OPEN_YET", "OPEN", "PRACTICE", "REVIEW", "SEED_LIMIT", "day", "iso", "percent",
           "when", "window"]
