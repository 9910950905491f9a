"""Spaced review: ratings from answers, the next review, mastery and what is due, clock passed in."""

import json
from datetime import datetime, timedelta

from fsrs import Rating
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.quiz.schedule import (
    KNOWN,
    NEVER_SEEN,
    QUICK_SECONDS,
    SHAKY,
    due_order,
    knowledge,
    mastery,
    rate,
    review,
)

NOW = datetime(2026, 3, 1, 9, 0)
ratings = st.sampled_from(list(Rating))
# A card's past: reviews with gaps from a minute to a few months between them.
histories = st.lists(st.tuples(ratings, st.integers(1, 90 * 24 * 60)), max_size=6)


def reviewed(history, start=NOW):
    """The card (or None) and the time after the history's reviews."""
    card, now = None, start
    for rating, gap in history:
        card = review(card, rating, now).card
        now += timedelta(minutes=gap)
    return card, now


def test_a_right_answer_is_good():
    assert rate(1.0, 30.0, "choice") is Rating.Good


def test_a_quick_right_answer_is_easy():
    assert rate(1.0, QUICK_SECONDS["choice"] - 0.5, "choice") is Rating.Easy


def test_a_right_answer_of_unknown_duration_is_never_easy():
    assert rate(1.0, None, "choice") is Rating.Good


def test_an_ordering_question_is_given_longer_to_count_as_quick():
    seconds = QUICK_SECONDS["choice"] + 1
    assert rate(1.0, seconds, "choice") is Rating.Good
    assert rate(1.0, seconds, "ordering") is Rating.Easy


def test_a_wrong_answer_is_again():
    assert rate(0.0, 1.0, "choice") is Rating.Again


@given(st.floats(0.01, 0.99), st.one_of(st.none(), st.floats(0, 1000)))
def test_partial_credit_is_hard_however_quick(points, seconds):
    assert rate(points, seconds, "ordering") is Rating.Hard


def test_a_first_review_makes_a_card_with_json_that_round_trips():
    state = review(None, Rating.Good, NOW)
    assert json.loads(json.dumps(state.card)) == state.card
    assert state.state == "learning" and state.due > NOW


def test_a_wrong_answer_brings_the_fact_back_within_minutes():
    card, now = reviewed([(Rating.Good, 20), (Rating.Good, 3 * 24 * 60)])
    assert review(card, Rating.Again, now).due <= now + timedelta(minutes=10)


def test_a_right_answer_after_graduating_pushes_the_due_date_days_later():
    card, now = reviewed([(Rating.Good, 20), (Rating.Good, 3 * 24 * 60)])
    assert review(card, Rating.Good, now).due >= now + timedelta(days=2)


@settings(max_examples=60, deadline=None)
@given(histories)
def test_a_right_answer_is_never_due_sooner_than_a_wrong_one(history):
    card, now = reviewed(history)
    again, good = review(card, Rating.Again, now), review(card, Rating.Good, now)
    assert now < again.due <= good.due


@settings(max_examples=40, deadline=None)
@given(histories, ratings)
def test_the_same_card_rating_and_time_always_give_the_same_review(history, rating):
    card, now = reviewed(history)
    assert review(card, rating, now) == review(card, rating, now)


def test_an_unseen_fact_has_no_mastery():
    assert mastery(None, NOW) == 0.0


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(ratings, st.integers(1, 90 * 24 * 60)), min_size=1, max_size=6))
def test_mastery_is_a_probability_that_only_falls_as_days_pass(history):
    card, now = reviewed(history)
    later = [mastery(card, now + timedelta(days=d)) for d in (0, 1, 7, 30, 365)]
    assert all(0.0 <= m <= 1.0 for m in later)
    assert later == sorted(later, reverse=True)


def test_a_fact_answered_wrong_falls_behind_one_answered_right_a_day_on():
    wrong = review(None, Rating.Again, NOW).card
    right = review(None, Rating.Good, NOW).card
    tomorrow = NOW + timedelta(days=1)
    assert mastery(wrong, tomorrow) < mastery(right, tomorrow)


def test_the_timeline_calls_a_fact_never_seen_shaky_or_known():
    assert knowledge(None, None, NOW) == NEVER_SEEN
    assert knowledge("learning", NOW + timedelta(minutes=10), NOW) == SHAKY
    assert knowledge("relearning", NOW + timedelta(minutes=10), NOW) == SHAKY
    assert knowledge("review", NOW + timedelta(days=3), NOW) == KNOWN
    assert knowledge("review", NOW - timedelta(days=1), NOW) == SHAKY  # overdue


def test_due_facts_come_most_overdue_first_and_facts_not_yet_due_are_left_out():
    dues = {
        "late": NOW - timedelta(days=3), "later": NOW - timedelta(days=9),
        "now": NOW, "tomorrow": NOW + timedelta(days=1),
    }
    assert due_order(dues, NOW) == ["later", "late", "now"]


@given(st.dictionaries(st.text(max_size=3), st.integers(-1000, 1000)))
def test_due_order_holds_exactly_the_due_keys_sorted_by_due(offsets):
    dues = {k: NOW + timedelta(hours=h) for k, h in offsets.items()}
    order = due_order(dues, NOW)
    assert set(order) == {k for k, due in dues.items() if due <= NOW}
    assert [dues[k] for k in order] == sorted(dues[k] for k in order)
