"""Times in words ("today at 9:40 America/Lima", "3 days ago"), with the clock passed in."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from quizapp.quiz.rules import from_utc, in_words, when

LIMA = ZoneInfo("America/Lima")  # UTC-5 all year
NOW = datetime(2026, 12, 3, 14, 40)  # 9:40 in Lima


def test_recent_and_coming_times_read_in_words_in_the_schools_zone():
    assert in_words(NOW, NOW, LIMA) == "just now"
    assert in_words(NOW - timedelta(seconds=59), NOW, LIMA) == "just now"
    assert in_words(NOW - timedelta(minutes=1), NOW, LIMA) == "1 minute ago"
    assert in_words(NOW - timedelta(minutes=25), NOW, LIMA) == "25 minutes ago"
    assert in_words(NOW + timedelta(minutes=20), NOW, LIMA) == "in 20 minutes"
    assert in_words(NOW - timedelta(hours=3), NOW, LIMA) == "today at 6:40 America/Lima"
    assert in_words(datetime(2026, 12, 2, 19, 5), NOW, LIMA) == "yesterday at 14:05 America/Lima"
    assert in_words(datetime(2026, 12, 4, 13, 0), NOW, LIMA) == "tomorrow at 8:00 America/Lima"
    assert in_words(NOW - timedelta(days=3), NOW, LIMA) == "3 days ago"
    assert in_words(NOW - timedelta(days=6), NOW, LIMA) == "6 days ago"
    assert in_words(NOW - timedelta(days=7), NOW, LIMA) == "26 Nov 2026, 09:40 America/Lima"
    assert in_words(NOW + timedelta(days=2), NOW, LIMA) == "5 Dec 2026, 09:40 America/Lima"
    assert in_words(None, NOW, LIMA) == ""


def test_today_is_the_schools_day_not_utcs():
    """At 9:40 in Lima, 2:00 UTC the same calendar day is 21:00 the day before, in Lima."""
    assert in_words(datetime(2026, 12, 3, 2, 0), NOW, LIMA) == "yesterday at 21:00 America/Lima"
    assert in_words(datetime(2026, 12, 3, 2, 0), NOW) == "today at 2:00 UTC"


@given(st.datetimes(datetime(2000, 1, 1), datetime(2090, 1, 1)),
       st.timedeltas(timedelta(days=-30), timedelta(days=30)),
       st.sampled_from([None, LIMA, ZoneInfo("Europe/Madrid"), ZoneInfo("Asia/Kolkata")]))
def test_every_time_reads_as_one_of_the_forms_and_each_form_is_true(now, offset, zone):
    moment = now + offset
    said = in_words(moment, now, zone)
    local, today = from_utc(moment, zone).date(), from_utc(now, zone).date()
    name = zone.key if zone else "UTC"
    seconds = offset.total_seconds()
    if said == "just now":
        assert -60 < seconds <= 0
    elif m := re.fullmatch(r"(\d+) minutes? ago", said):
        assert abs(int(m[1]) * 60 + seconds) <= 30 and seconds < 0
    elif m := re.fullmatch(r"in (\d+) minutes?", said):
        assert abs(int(m[1]) * 60 - seconds) <= 30 and seconds > 0
    elif m := re.fullmatch(rf"(today|yesterday|tomorrow) at (\d+):(\d\d) {name}", said):
        assert (local - today).days == {"yesterday": -1, "today": 0, "tomorrow": 1}[m[1]]
        clock = from_utc(moment, zone)
        assert (int(m[2]), int(m[3])) == (clock.hour, clock.minute)
        assert abs(seconds) >= 3600 - 30
    elif m := re.fullmatch(r"(\d+) days ago", said):
        assert (today - local).days == int(m[1]) and 2 <= int(m[1]) <= 6
    else:
        assert said == when(moment, zone)
        assert not -6 <= (local - today).days <= 1
