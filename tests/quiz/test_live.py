"""The live game's rules: points, phases, ranks, the reveal's bars, and what a phone sees."""

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.quiz.live import (
    FINISHED,
    LEADERBOARD,
    LOBBY,
    MAX_POINTS,
    MIN_RIGHT_POINTS,
    PHASES,
    QUESTION,
    REVEAL,
    LiveError,
    answered_all,
    bars,
    first_question,
    next_step,
    points,
    ranks,
    seconds_left,
    shown_phase,
    shown_question,
    top,
    valid_pin,
)
from quizapp.quiz.snapshot import ShownOption, Snapshot

T0 = datetime(2026, 12, 3, 9, 0)
seconds = st.integers(10, 120)
credit = st.floats(0, 1)


@given(seconds, st.floats(0, 1))
def test_a_right_answer_in_time_earns_500_to_1000(limit, share):
    earned = points(1.0, share * limit, limit)
    assert MIN_RIGHT_POINTS <= earned <= MAX_POINTS


@given(seconds, st.floats(0, 1), st.floats(0, 1))
def test_a_faster_answer_never_earns_less(limit, a, b):
    fast, slow = sorted((a * limit, b * limit))
    assert points(1.0, fast, limit) >= points(1.0, slow, limit)


@given(seconds, st.floats(0, 1), credit, credit)
def test_partial_credit_scales_the_points(limit, share, c1, c2):
    low, high = sorted((c1, c2))
    elapsed = share * limit
    assert points(low, elapsed, limit) <= points(high, elapsed, limit)
    assert abs(points(low, elapsed, limit) - low * points(1.0, elapsed, limit)) <= 1


@given(seconds, st.floats(0, 200))
def test_wrong_none_or_late_is_zero(limit, elapsed):
    assert points(0.0, elapsed, limit) == 0
    assert points(1.0, limit + 0.001 + elapsed, limit) == 0


def test_points_at_the_ends():
    assert points(1.0, 0, 20) == 1000
    assert points(1.0, 20, 20) == 500
    assert points(0.5, 0, 20) == 500
    assert points(1.0, 10, 20) == 750


@given(st.integers(1, 30))
def test_phases_run_through_every_question_then_end(length):
    phase, index, seen = LOBBY, 0, []
    while phase != FINISHED:
        phase, index = next_step(phase, index, length)
        seen.append((phase, index))
    assert [i for p, i in seen if p == QUESTION] == list(range(length))
    assert seen.count((FINISHED, length - 1)) == 1
    assert {p for p, _ in seen} <= set(PHASES)
    with pytest.raises(LiveError):
        next_step(FINISHED, index, length)


def test_a_question_is_revealed_when_its_time_is_up():
    assert shown_phase(QUESTION, T0, 20, T0 + timedelta(seconds=19.9)) == QUESTION
    assert shown_phase(QUESTION, T0, 20, T0 + timedelta(seconds=20)) == REVEAL
    assert shown_phase(LEADERBOARD, T0, 20, T0 + timedelta(hours=1)) == LEADERBOARD
    assert seconds_left(T0, 20, T0 + timedelta(seconds=0.5)) == 20
    assert seconds_left(T0, 20, T0 + timedelta(seconds=19.5)) == 1
    assert seconds_left(T0, 20, T0 + timedelta(seconds=30)) == 0


def test_late_joiners_start_at_the_next_question():
    assert first_question(LOBBY, 0) == 0
    assert first_question(QUESTION, 2) == 3
    assert first_question(LEADERBOARD, 2) == 3
    assert not answered_all(0, 0)
    assert answered_all(3, 3)


@given(st.dictionaries(st.text(max_size=3), st.integers(0, 5000)))
def test_ranks_share_ties_and_count_those_ahead(scores):
    rank = ranks(scores)
    for player, score in scores.items():
        assert rank[player] == 1 + sum(s > score for s in scores.values())


def test_top_five_best_first():
    scores = {f"p{i}": i * 100 for i in range(8)}
    names = {p: p.upper() for p in scores}
    assert top(scores, names) == [(1, "P7", 700), (2, "P6", 600), (3, "P5", 500),
                                  (4, "P4", 400), (5, "P3", 300)]


def snap(kind, key):
    return Snapshot(question_id="q", type=kind, prompt="Which?",
                    options=tuple(ShownOption(i, i.upper()) for i in "abcd"), key=tuple(key),
                    explanation="Because.")


def test_bars_count_choices_and_items_in_place():
    choice = bars(snap("choice", "b"), ["b", "b", "a", None])
    assert [(b.option_id, b.count, b.right) for b in choice] == [
        ("a", 1, False), ("b", 2, True), ("c", 0, False), ("d", 0, False)]
    multiple = bars(snap("multiple", "ab"), [["a", "b"], ["a", "c"]])
    assert {b.option_id: b.count for b in multiple} == {"a": 2, "b": 1, "c": 1, "d": 0}
    ordering = bars(snap("ordering", "dcba"), [list("dcba"), list("dcab"), None])
    assert [(b.option_id, b.count) for b in ordering] == [("d", 2), ("c", 2), ("b", 1),
                                                          ("a", 1)]


@given(st.sampled_from(["choice", "multiple", "ordering"]))
def test_a_question_shows_its_key_only_when_asked(kind):
    shown = shown_question(snap(kind, "ab" if kind != "ordering" else "dcba"), False)
    assert set(shown) == {"type", "prompt", "options"}
    assert "Because" not in str(shown)
    assert shown_question(snap(kind, "a"), True)["key"] == ["a"]


@given(st.text(max_size=8))
def test_a_pin_is_six_digits(text):
    assert valid_pin(text) == (len(text) == 6 and text.isascii() and text.isdigit()
                               and text[0] != "0")
