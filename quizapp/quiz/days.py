"""Days in the school's time zone: a learner's streak, the daily goal, and "when it comes back".

Pure functions; the zone and `now` are always passed in. Stored times are naive UTC. A day is
numbered as the days since 1 Jan 1970 of its date on the school's clocks (`day_number`), so the
database can group times by day with integer arithmetic: it adds the zone's offset in force at
each time (`offset_changes` lists them; only a zone with summer time has more than one) to the
time's seconds since the epoch, and divides by 86,400 (`services/today.py`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, tzinfo

DAILY_GOAL = 10  # facts a day, unless the learner chooses another goal
MIN_GOAL, MAX_GOAL = 1, 100
STREAK_WINDOW = 400  # days looked back for a streak: a longer one is shown as this many
EPOCH = date(1970, 1, 1)
EPOCH_TIME = datetime(1970, 1, 1)
DAY_SECONDS = 86_400


def day_number(day: date) -> int:
    """The days from 1 Jan 1970 to `day`."""
    return (day - EPOCH).days


def local(moment: datetime, zone: tzinfo) -> datetime:
    """A stored (naive UTC) time on the school's clocks, naive."""
    return moment.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)


def today_number(now: datetime, zone: tzinfo) -> int:
    """The number of the school's day at `now`."""
    return day_number(local(now, zone).date())


def day_bounds(now: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    """The school's day holding `now`, as naive UTC times [start, end): 23 or 25 hours long on
    the days the clocks change."""
    today = local(now, zone).date()

    def midnight(day: date) -> datetime:
        start = datetime(day.year, day.month, day.day, tzinfo=zone)
        return start.astimezone(UTC).replace(tzinfo=None)

    return midnight(today), midnight(today + timedelta(days=1))


def _offset(moment: datetime, zone: tzinfo) -> int:
    """The zone's offset from UTC (seconds) at a naive UTC time."""
    offset = moment.replace(tzinfo=UTC).astimezone(zone).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


def _minute(n: int) -> datetime:
    """The naive UTC time `n` whole minutes after 1970."""
    return EPOCH_TIME + timedelta(minutes=n)


def offset_changes(zone: tzinfo, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """The zone's offsets between two naive UTC times: [(from when, offset in seconds)], the
    first from `start`, then one at each change, found to the minute (zones change on a whole
    minute). Checked every 6 hours: no zone changes twice that fast."""
    changes = [(start, _offset(start, zone))]
    step, moment = timedelta(hours=6), start
    while moment < end:
        later = min(moment + step, end)
        if _offset(later, zone) != changes[-1][1]:
            # Whole minutes since 1970: the old offset at `low`, the new one at `high`.
            low = math.floor((moment - EPOCH_TIME).total_seconds() / 60)
            high = math.ceil((later - EPOCH_TIME).total_seconds() / 60)
            while high - low > 1:
                middle = (low + high) // 2
                if _offset(_minute(middle), zone) == changes[-1][1]:
                    low = middle
                else:
                    high = middle
            changes.append((_minute(high), _offset(later, zone)))
        moment = later
    return changes


def streak(active_days: Iterable[int], today: int) -> int:
    """Days in a row with something done, ending today, or yesterday while today is still open
    (a streak is not lost before the day ends). `active_days`: day numbers, any order, repeats
    allowed."""
    days = set(active_days)
    end = today if today in days else today - 1
    count = 0
    while end - count in days:
        count += 1
    return count


def goal_reached(done: int, goal: int) -> bool:
    """Whether today's facts meet the goal."""
    return done >= goal


def checked_goal(value: object) -> int | None:
    """A goal as a whole number from MIN_GOAL to MAX_GOAL; None for anything else."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if MIN_GOAL <= value <= MAX_GOAL else None


def comes_back(due: datetime | None, now: datetime, zone: tzinfo) -> str:
    """When a fact is asked again, in words, by the school's calendar: "due now", "later today",
    "tomorrow", "in 3 days"; "" for a fact never met."""
    if due is None:
        return ""
    if due <= now:
        return "due now"
    days = (local(due, zone).date() - local(now, zone).date()).days
    if days == 0:
        return "later today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"
