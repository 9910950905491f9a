"""Days in the school's zone: the streak, the offsets the database adds, "when it comes back"."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from quizapp.quiz.days import (
    DAY_SECONDS,
    EPOCH,
    checked_goal,
    comes_back,
    day_bounds,
    day_number,
    local,
    offset_changes,
    streak,
    today_number,
)

MADRID, LIMA = ZoneInfo("Europe/Madrid"), ZoneInfo("America/Lima")
ZONES = st.sampled_from([ZoneInfo(z) for z in ("UTC", "America/Lima", "Europe/Madrid",
                                               "America/New_York", "Australia/Lord_Howe",
                                               "Asia/Kolkata", "Pacific/Chatham")])
MOMENTS = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1))


def sql_day(moment, changes):
    """What the database computes: (seconds since 1970 + the offset then) // a day."""
    offset = [o for since, o in changes if since <= moment][-1]
    seconds = int((moment - datetime(1970, 1, 1)).total_seconds())
    return (seconds + offset) // DAY_SECONDS


@given(ZONES, MOMENTS, st.integers(1, 400))
def test_the_day_the_database_computes_is_the_school_calendar_day(zone, end, back):
    start = end - timedelta(days=back)
    changes = offset_changes(zone, start, end)
    assert changes[0][0] == start and [c[0] for c in changes] == sorted(c[0] for c in changes)
    for moment in (start, end, start + (end - start) / 3, start + (end - start) * 2 / 3):
        assert sql_day(moment, changes) == day_number(local(moment, zone).date())


def test_an_offset_change_is_found_to_the_minute():
    # Summer time in Madrid began on 29 Mar 2026 at 01:00 UTC (02:00 local became 03:00).
    changes = offset_changes(MADRID, datetime(2026, 3, 20), datetime(2026, 4, 5))
    assert changes == [(datetime(2026, 3, 20), 3600), (datetime(2026, 3, 29, 1), 7200)]
    assert offset_changes(LIMA, datetime(2026, 1, 1), datetime(2026, 12, 31)) == [
        (datetime(2026, 1, 1), -5 * 3600)]


@given(st.sets(st.integers(0, 60)), st.integers(0, 60))
def test_a_streak_is_the_run_of_days_ending_today_or_yesterday(active, today):
    n = streak(active, today)
    end = today if today in active else today - 1
    assert all(end - k in active for k in range(n)) and end - n not in active
    assert streak(active | {today}, today) >= n  # doing something today never breaks it


def test_a_streak_survives_until_the_day_ends_and_breaks_after_a_day_missed():
    assert streak([10, 11, 12], 12) == 3
    assert streak([10, 11, 12], 13) == 3  # today not done yet: still alive
    assert streak([10, 11, 12], 14) == 0
    assert streak([12, 12, 10], 12) == 1
    assert streak([], 5) == 0


def test_the_school_day_has_its_own_bounds_in_utc():
    now = datetime(2026, 3, 3, 4, 30)  # 23:30 on 2 Mar in Lima
    assert today_number(now, LIMA) == day_number(date(2026, 3, 2))
    assert day_bounds(now, LIMA) == (datetime(2026, 3, 2, 5), datetime(2026, 3, 3, 5))
    # The day summer time begins is 23 hours long.
    start, end = day_bounds(datetime(2026, 3, 29, 12), MADRID)
    assert (start, end - start) == (datetime(2026, 3, 28, 23), timedelta(hours=23))


def test_when_a_fact_comes_back_is_said_by_the_school_calendar():
    now = datetime(2026, 3, 2, 15)  # 10:00 in Lima
    assert comes_back(None, now, LIMA) == ""
    assert comes_back(now, now, LIMA) == "due now"
    assert comes_back(now + timedelta(minutes=10), now, LIMA) == "later today"
    assert comes_back(datetime(2026, 3, 3, 4, 59), now, LIMA) == "later today"  # 23:59 in Lima
    assert comes_back(datetime(2026, 3, 3, 5, 0), now, LIMA) == "tomorrow"
    assert comes_back(now + timedelta(days=3), now, LIMA) == "in 3 days"


@given(st.one_of(st.integers(-5, 200), st.booleans(), st.text(max_size=3), st.none(),
                 st.floats(allow_nan=True)))
def test_a_goal_is_a_whole_number_from_1_to_100(value):
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 100
    assert checked_goal(value) == (value if ok else None)


def test_day_numbers_count_from_1970():
    assert day_number(EPOCH) == 0 and day_number(date(1970, 1, 2)) == 1
    assert local(datetime(2026, 1, 1, 3), LIMA) == datetime(2025, 12, 31, 22)


@given(ZONES, MOMENTS, st.integers(1, 400))
def test_each_offset_change_is_exact_to_the_minute(zone, end, back):
    start = end - timedelta(days=back)
    changes = offset_changes(zone, start, end)
    for (_, before), (at, after) in zip(changes, changes[1:], strict=False):
        assert at.second == 0 and at.microsecond == 0 and before != after
        assert local(at, zone) - local(at - timedelta(minutes=1), zone) != timedelta(minutes=1)
