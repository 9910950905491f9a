"""The app's clock: one place that reads the time, so tests can set it.

Set `CLOCK` in the app's config to a callable giving naive UTC times, and every attempt, review
and due date follows it: scheduling is tested by moving that clock, not by waiting.
"""

from __future__ import annotations

from datetime import datetime

from flask import current_app, has_app_context

from .models import utcnow


def now() -> datetime:
    """The time now in UTC, without tzinfo: from the app's `CLOCK` if set, else the system's."""
    clock = current_app.config.get("CLOCK") if has_app_context() else None
    return clock() if clock is not None else utcnow()
