"""The review's words about an answer agree with its grade: properties over every order, method
and pick, and the examples the issue gives."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.quiz.explain import (
    BLANK,
    PARTLY,
    RIGHT,
    WRONG,
    in_date_order,
    key_dates,
    ordering_tally,
    points_in_words,
    points_text,
    result_of,
    tally_points,
)
from quizapp.quiz.grade import ORDERING_GRADERS, grade_multiple, grade_ordering
from quizapp.quiz.snapshot import ShownOption, Snapshot, SnapshotFact

METHODS = sorted(ORDERING_GRADERS)


def ordering(n: int, method: str = "pairs", facts=()) -> Snapshot:
    ids = [f"o{i}" for i in range(n)]
    return Snapshot("q", "ordering", "Put these in order.",
                    tuple(ShownOption(i, f"item {i}") for i in ids), tuple(ids), method,
                    facts=tuple(facts))


@st.composite
def key_and_response(draw):
    n = draw(st.integers(min_value=3, max_value=8))
    key = [f"o{i}" for i in range(n)]
    return key, draw(st.permutations(key))


@given(key_and_response(), st.sampled_from(METHODS))
def test_each_tally_gives_the_points_the_grader_gives(pair, method):
    key, response = pair
    tally = ordering_tally(method, key, response)
    assert 0 <= tally.hits <= tally.out_of
    assert tally_points(method, tally) == pytest.approx(grade_ordering(key, response, method))


@given(key_and_response(), st.sampled_from(METHODS))
def test_the_words_name_the_tally_and_the_points(pair, method):
    key, response = pair
    words = points_in_words(ordering(len(key), method), list(response))
    tally = ordering_tally(method, key, response)
    assert words.startswith(f"{tally.hits} of {tally.out_of} ")
    assert words.endswith(points_text(grade_ordering(key, response, method)))


@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), min_size=1, max_size=5, unique=True))
def test_a_multiple_answer_is_told_its_right_and_wrong_picks(picks):
    snap = Snapshot("q", "multiple", "Which?", tuple(ShownOption(i, i) for i in "abcde"),
                    ("a", "b"))
    right = len({"a", "b"} & set(picks))
    words = points_in_words(snap, picks)
    assert words == (f"{right} of 2 right answers picked, {len(picks) - right} wrong: "
                     f"{points_text(grade_multiple(['a', 'b'], picks))}")


def test_the_issues_example_four_of_six_pairs():
    # o0 o1 o2 o3 with the last two... 4 of 6 pairs right: (1, 0, 3, 2) swaps two pairs
    assert points_in_words(ordering(4), ["o1", "o0", "o3", "o2"]) == (
        "4 of 6 pairs in the right order: 0.67 points")


def test_choice_and_blank_answers_in_words():
    snap = Snapshot("q", "choice", "Which?", (ShownOption("a", "A"), ShownOption("b", "B")), ("a",))
    assert points_in_words(snap, "a") == "Right: 1 point"
    assert points_in_words(snap, "b") == "Wrong: 0 points"
    assert points_in_words(snap, None) == "Not answered: 0 points"


def test_results_by_points():
    assert [result_of(True, 1.0), result_of(True, 0.5), result_of(True, 0.0),
            result_of(False, 0.0)] == [RIGHT, PARTLY, WRONG, BLANK]


def test_the_right_order_shows_the_date_of_each_item_from_its_fact():
    facts = [SnapshotFact("a", 1914, "1914", "A"), SnapshotFact("b", 1919, "1919–1930", "B"),
             SnapshotFact("c", None, "the mid 1970s", "C")]
    assert key_dates(ordering(3, facts=facts)) == ("1914", "1919–1930", "the mid 1970s")
    assert key_dates(ordering(4, facts=facts)) == ()  # not one fact an item
    assert key_dates(ordering(3, facts=facts[::-1])) == ()  # cited out of order: not paired


def test_a_generated_timeline_question_lists_its_facts_in_date_order():
    facts = (SnapshotFact("b", 1952, "1952", "B"), SnapshotFact("a", 1914, "1914", "A"))
    snap = Snapshot("q", "choice", "Which of these came last?",
                    (ShownOption("x", "B"), ShownOption("y", "A")), ("x",), facts=facts,
                    generated=True)
    assert [f.id for f in in_date_order(snap)] == ["a", "b"]
    undated = Snapshot("q", "choice", "?", snap.options, ("x",),
                       facts=(*facts, SnapshotFact("c", None, "", "C")), generated=True)
    assert in_date_order(undated) == ()
