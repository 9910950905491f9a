"""The quiz rules every layer shares, each stated once: modes, lengths, seeds, percent, times.

Pure values and functions: the services check requests against them, the pages and the API show
them, and no second copy of a number lives in a form or a template.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

MODES = ("mixed", "choice", "ordering")  # what a quiz's questions may be drawn as
REVIEW, PRACTICE, LIVE = "review", "practice", "live"  # LIVE: a live game's answers
ATTEMPT_MODES = (*MODES, REVIEW)  # what a quiz can be started in; practice has its own pages
MIN_LENGTH, MAX_LENGTH, DEFAULT_LENGTH = 1, 50, 10  # questions in one quiz
SEED_LIMIT = 2**31  # seeds fit the 32-bit integer column PostgreSQL gives `attempt.seed`
NOT_OPEN_YET, OPEN, CLOSED = "not open yet", "open", "closed"  # an assigned quiz's window
GRACE = timedelta(seconds=30)  # answers in flight at the deadline still count for this long
SAID_DAYS = {-1: "yesterday", 0: "today", 1: "tomorrow"}  # days said by name, `in_words`
RECENT_DAYS = 6  # up to this many days back a time reads "3 days ago"; further, as a date


def percent(score: float | None, max_score: float | None) -> float | None:
    """100 x points / questions, to one decimal; None until there is a score."""
    if score is None or not max_score:
        return None
    return shown_percent(100 * score / max_score)


def shown_percent(value: float | None) -> float | None:
    """A percent as it is shown and exported: to one decimal, and a whole number without one
    (45, not 45.0; 66.7 stays), so every page reads "45%" (a percent computed in SQL, too)."""
    if value is None:
        return None
    rounded = round(float(value), 1)
    return int(rounded) if rounded.is_integer() else rounded


def iso(moment: datetime | None) -> str | None:
    """A stored UTC time in ISO 8601, e.g. 2026-11-27T21:30:00Z."""
    return None if moment is None else moment.isoformat(timespec="seconds") + "Z"


def when(moment: datetime | None, zone: ZoneInfo | None = None) -> str:
    """A stored UTC time for people, in the school's zone and naming it: 27 Nov 2026, 21:30 UTC;
    3 Dec 2026, 09:40 America/Lima."""
    if moment is None:
        return ""
    local = from_utc(moment, zone)
    return f"{local.day} {local:%b %Y, %H:%M} {zone.key if zone is not None else 'UTC'}"


def relative(moment: datetime, now: datetime, zone: ZoneInfo | None = None) -> tuple[str, int]:
    """How far `moment` is from `now` (naive UTC), as people say it, its days those of `zone`:
    ("just now", 0); ("minutes ago", n) or ("in minutes", n) within the hour; ("day", -1, 0 or
    1) for yesterday, today, tomorrow (at the time); ("days ago", n) up to RECENT_DAYS back;
    else ("date", 0). `in_words` says it in English; services/rules.said in any language."""
    seconds = (moment - now).total_seconds()
    if -60 < seconds <= 0:
        return "just now", 0
    if -3600 < seconds < 3600:
        minutes = max(1, round(abs(seconds) / 60))
        return ("minutes ago" if seconds < 0 else "in minutes"), minutes
    days = (from_utc(moment, zone).date() - from_utc(now, zone).date()).days
    if days in SAID_DAYS:
        return "day", days
    if -RECENT_DAYS <= days < 0:
        return "days ago", -days
    return "date", 0


def in_words(moment: datetime | None, now: datetime, zone: ZoneInfo | None = None) -> str:
    """A stored UTC time as people say a recent or coming one, against `now` (naive UTC), its
    days and clock those of `zone` (named): "just now", "5 minutes ago", "today at 9:40
    America/Lima", "yesterday at 14:05 UTC", "3 days ago", "in 20 minutes", "tomorrow at 8:00
    UTC"; further off, the date and time as `when` writes them."""
    if moment is None:
        return ""
    kind, n = relative(moment, now, zone)
    if kind == "just now":
        return kind
    if kind in ("minutes ago", "in minutes"):
        count = f"{n} minute{'s' if n != 1 else ''}"
        return f"{count} ago" if kind == "minutes ago" else f"in {count}"
    if kind == "day":
        local = from_utc(moment, zone)
        zone_key = zone.key if zone is not None else "UTC"
        return f"{SAID_DAYS[n]} at {local.hour}:{local.minute:02d} {zone_key}"
    if kind == "days ago":
        return f"{n} days ago"
    return when(moment, zone)


def from_utc(moment: datetime, zone: tzinfo | None) -> datetime:
    """A stored (naive UTC) time as the wall clock in `zone` reads it, naive (UTC if None)."""
    if zone is None:
        return moment
    return moment.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)


def to_utc(local: datetime, zone: tzinfo | None) -> datetime:
    """A wall-clock time typed in `zone` as it is stored: naive UTC. An hour that occurs twice
    (clocks going back) is read as the first; one skipped (clocks going forward) as if the clocks
    had not moved yet."""
    if zone is None or local.tzinfo is not None:
        return local if local.tzinfo is None else local.astimezone(UTC).replace(tzinfo=None)
    return local.replace(tzinfo=zone, fold=0).astimezone(UTC).replace(tzinfo=None)


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
    """When an assigned quiz's attempt must be in: the earlier of its start plus the time limit
    (minutes) and the quiz's closing time; None when neither applies."""
    if time_limit is None:
        return closes
    limit = started + timedelta(minutes=time_limit)
    return limit if closes is None else min(limit, closes)


def overdue(due: datetime | None, now: datetime) -> bool:
    """Whether an attempt with this deadline takes no more answers at `now` (past the grace)."""
    return due is not None and now > due + GRACE


def seconds_left(due: datetime, now: datetime) -> int:
    """Whole seconds until the deadline, never below 0 (the grace is not shown: it is for the
    network, not for answering)."""
    return max(0, int((due - now).total_seconds()))
