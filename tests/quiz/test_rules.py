"""The shared quiz rules: percent, times, an assigned quiz's window."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from quizapp.quiz.rules import (
    CLOSED,
    GRACE,
    NOT_OPEN_YET,
    OPEN,
    day,
    deadline,
    from_utc,
    iso,
    overdue,
    percent,
    seconds_left,
    shown_percent,
    to_utc,
    when,
    window,
)


@given(score=st.floats(0, 50), questions=st.integers(1, 50))
def test_a_percent_is_between_0_and_100_to_one_decimal(score, questions):
    score = min(score, questions)
    value = percent(score, questions)
    assert 0 <= value <= 100 and value == shown_percent(value)


def test_no_percent_before_a_score_or_without_questions():
    assert percent(None, 10) is None and percent(3, 0) is None and shown_percent(None) is None


def test_times_are_written_one_way_each():
    moment = datetime(2026, 3, 2, 9, 5, 7)
    assert iso(moment) == "2026-03-02T09:05:07Z" and iso(None) is None
    assert when(moment) == "2 Mar 2026, 09:05 UTC" and when(None) == ""
    assert day(moment) == "2 Mar 2026"


@given(opens=st.datetimes(), length=st.timedeltas(min_value=timedelta(0)),
       now=st.datetimes())
def test_a_window_is_open_from_its_opening_until_its_closing(opens, length, now):
    try:
        closes = opens + length
    except OverflowError:
        return
    expected = NOT_OPEN_YET if now < opens else CLOSED if now >= closes else OPEN
    assert window(opens, closes, now) == expected
    assert window(opens, None, now) == (NOT_OPEN_YET if now < opens else OPEN)


LIMA, PARIS = ZoneInfo("America/Lima"), ZoneInfo("Europe/Paris")


def test_a_time_is_shown_in_the_schools_zone_naming_it():
    moment = datetime(2026, 12, 3, 14, 40)
    assert when(moment, LIMA) == "3 Dec 2026, 09:40 America/Lima"
    assert when(moment, ZoneInfo("UTC")) == when(moment) == "3 Dec 2026, 14:40 UTC"
    assert when(datetime(2026, 7, 1, 12, 0), PARIS) == "1 Jul 2026, 14:00 Europe/Paris"  # summer
    assert when(None, LIMA) == ""


def test_a_time_typed_in_the_schools_zone_is_stored_in_utc():
    assert to_utc(datetime(2026, 12, 3, 9, 40), LIMA) == datetime(2026, 12, 3, 14, 40)
    assert from_utc(datetime(2026, 12, 3, 14, 40), LIMA) == datetime(2026, 12, 3, 9, 40)
    assert to_utc(datetime(2026, 12, 3, 9, 40), None) == datetime(2026, 12, 3, 9, 40)


def test_an_hour_that_happens_twice_is_read_as_the_first_and_a_skipped_one_as_before_the_change():
    assert to_utc(datetime(2026, 10, 25, 2, 30), PARIS) == datetime(2026, 10, 25, 0, 30)
    assert to_utc(datetime(2026, 3, 29, 2, 30), PARIS) == datetime(2026, 3, 29, 1, 30)


@given(moment=st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2100, 1, 1)),
       zone=st.sampled_from(["UTC", "America/Lima", "Europe/Paris", "Asia/Kolkata",
                             "Pacific/Chatham", "America/Sao_Paulo"]))
def test_a_stored_time_shown_in_a_zone_reads_back_as_itself(moment, zone):
    """Every stored time, shown in the school's zone and typed back, is the same time (an hour
    that occurs twice is read as the first; the second's stored times come back an hour early)."""
    local = from_utc(moment, ZoneInfo(zone))
    back = to_utc(local, ZoneInfo(zone))
    assert back == moment or back == moment - timedelta(hours=1)
    assert local.tzinfo is None and back.tzinfo is None
@given(started=st.datetimes(max_value=datetime(9000, 1, 1)),
       limit=st.none() | st.integers(1, 600),
       closes=st.none() | st.datetimes(max_value=datetime(9000, 1, 1)))
def test_a_deadline_is_the_earlier_of_the_time_limit_and_the_closing_time(started, limit, closes):
    due = deadline(started, limit, closes)
    if limit is None and closes is None:
        assert due is None
        return
    assert due is not None
    if limit is not None:
        assert due <= started + timedelta(minutes=limit)
    if closes is not None:
        assert due <= closes
    assert due in {closes, None if limit is None else started + timedelta(minutes=limit)}


def test_a_deadline_examples():
    start = datetime(2026, 3, 2, 9, 25)
    assert deadline(start, 15, None) == datetime(2026, 3, 2, 9, 40)
    assert deadline(start, 15, datetime(2026, 3, 2, 9, 30)) == datetime(2026, 3, 2, 9, 30)
    assert deadline(start, None, datetime(2026, 3, 2, 9, 30)) == datetime(2026, 3, 2, 9, 30)
    assert deadline(start, None, None) is None


@given(due=st.datetimes(max_value=datetime(9000, 1, 1)),
       after=st.timedeltas(min_value=timedelta(days=-2), max_value=timedelta(days=2)))
def test_answers_count_until_the_grace_after_the_deadline_and_never_after(due, after):
    now = due + after
    assert overdue(due, now) == (after > GRACE)
    assert not overdue(None, now)
    assert seconds_left(due, now) == max(0, int(-after.total_seconds()))
