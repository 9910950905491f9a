"""The quiz rules every layer shares, each stated once: modes, lengths, seeds, percent, times.

Pure values and functions: the services check requests against them, the pages and the API show
them, and no second copy of a number lives in a form or a template.
"""

from __future__ import annotations

from datetime import datetime, timedelta

MODES = ("mixed", "choice", "ordering")  # what a quiz's questions may be drawn as
REVIEW, PRACTICE = "review", "practice"
ATTEMPT_MODES = (*MODES, REVIEW)  # what a quiz can be started in; practice has its own pages
MIN_LENGTH, MAX_LENGTH, DEFAULT_LENGTH = 1, 50, 10  # questions in one quiz
SEED_LIMIT = 2**31  # seeds fit the 32-bit integer column PostgreSQL gives `attempt.seed`
NOT_OPEN_YET, OPEN, CLOSED = "not open yet", "open", "closed"  # an assigned quiz's window


def percent(score: float | None, max_score: float | None) -> float | None:
    """100 x points / questions, to one decimal; None until there is a score."""
    if score is None or not max_score:
        return None
    return shown_percent(100 * score / max_score)


def shown_percent(value: float | None) -> float | None:
    """A percent as it is shown and exported: to one decimal (a percent computed in SQL, too)."""
    return None if value is None else round(value, 1)


def iso(moment: datetime | None) -> str | None:
    """A stored UTC time in ISO 8601, e.g. 2026-11-27T21:30:00Z."""
    return None if moment is None else moment.isoformat(timespec="seconds") + "Z"


def when(moment: datetime | None) -> str:
    """A stored UTC time for people: 27 Nov 2026, 21:30 UTC."""
    return "" if moment is None else moment.strftime("%d %b %Y, %H:%M UTC")


def day(moment: datetime) -> str:
    """A date for people, without a leading zero: 2 Mar 2026."""
    return f"{moment.day} {moment:%b %Y}"


def window(opens: datetime, closes: datetime | None, now: datetime) -> str:
    """Where `now` falls in an assigned quiz's window: NOT_OPEN_YET, OPEN or CLOSED."""
    if now < opens:
        return NOT_OPEN_YET
    if closes is not None and now >= closes:
        return CLOSED
    return OPEN


def deadline(started: datetime, time_limit: int | None, closes: datetime | None) -> datetime | None:
    """An attempt's deadline: the earlier of its start plus the time limit (minutes) and the
    quiz's closing time; None if there is neither."""
    limit = None if time_limit is None else started + timedelta(minutes=time_limit)
    ends = [t for t in (limit, closes) if t is not None]
    return min(ends) if ends else None
