"""Item analysis against values worked out by hand in each test."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.quiz.analysis import MIN_ANSWERS, Alpha, analyse, flags


def rows(table):
    """(attempt, question, points) rows from {attempt: {question: points}}."""
    return [(a, q, x) for a, answers in table.items() for q, x in answers.items()]


# Four learners, three questions (1 right, 0 wrong); the attempt's score is the row's sum.
#        q1 q2 q3  score
#   A     1  1  1    3
#   B     1  1  0    2
#   C     1  0  0    1
#   D     0  0  1    1
FOUR = {
    "A": {"q1": 1, "q2": 1, "q3": 1},
    "B": {"q1": 1, "q2": 1, "q3": 0},
    "C": {"q1": 1, "q2": 0, "q3": 0},
    "D": {"q1": 0, "q2": 0, "q3": 1},
}


def stats_of(table):
    return {s.question_id: s for s in analyse(rows(table)).items}


def test_facility_is_the_mean_of_the_points():
    stats = stats_of(FOUR)
    assert stats["q1"].facility == pytest.approx(3 / 4)
    assert stats["q2"].facility == pytest.approx(2 / 4)
    assert stats["q3"].facility == pytest.approx(2 / 4)
    assert [stats[q].n for q in ("q1", "q2", "q3")] == [4, 4, 4]


def test_the_standard_deviation_is_the_sample_one():
    # q1: deviations 1/4, 1/4, 1/4, -3/4; squares sum to 3/4; over n - 1 = 3 gives 1/4.
    # q2: deviations +-1/2; squares sum to 1; over 3 gives 1/3.
    stats = stats_of(FOUR)
    assert stats["q1"].sd == pytest.approx(0.5)
    assert stats["q2"].sd == pytest.approx(math.sqrt(1 / 3))


def test_discrimination_correlates_points_with_the_rest_of_the_score():
    # q2 against the rest (score - q2) = 2, 1, 1, 1 (mean 5/4):
    #   co-deviations .5*.75 + .5*-.25 + -.5*-.25 + -.5*-.25 = 1/2; squares 1 and 3/4;
    #   r = (1/2) / sqrt(1 * 3/4) = 1/sqrt(3).
    # q1 against the rest 2, 1, 0, 1: co-deviations .25*1 + .25*0 + .25*-1 + -.75*0 = 0.
    # q3 against the rest 2, 2, 1, 0 (mean 5/4): co-deviations .5*.75 - .5*.75 + .5*.25 - .5*1.25
    #   = -1/2; squares 1 and 11/4; r = -(1/2) / sqrt(11/4) = -1/sqrt(11).
    stats = stats_of(FOUR)
    assert stats["q2"].discrimination == pytest.approx(1 / math.sqrt(3))
    assert stats["q1"].discrimination == pytest.approx(0.0)
    assert stats["q3"].discrimination == pytest.approx(-1 / math.sqrt(11))


def three_times(table):
    """Each attempt three times over: the same facility and discrimination, from 12 attempts."""
    return {f"{a}{i}": answers for i in range(3) for a, answers in table.items()}


def test_questions_that_do_not_separate_learners_are_flagged_with_a_hint():
    stats = stats_of(three_times(FOUR))
    assert [f.kind for f in stats["q1"].flags] == ["weak"]
    assert "misleading option" in stats["q1"].flags[0].hint
    assert [f.kind for f in stats["q3"].flags] == ["negative"]
    assert "check the key" in stats["q3"].flags[0].hint
    assert stats["q2"].flags == ()


def test_cronbachs_alpha_over_attempts_with_the_same_questions():
    # Item sums of squares: q1 (1,1,1,0,1) 0.8; q2 (1,1,0,0,1) 1.2; q3 (1,0,0,0,1) 1.2: 3.2.
    # Scores 3, 2, 1, 0, 3 (mean 1.8): squares 1.44 + .04 + .64 + 3.24 + 1.44 = 6.8.
    # alpha = 3/2 * (1 - 3.2/6.8) = 27/34.
    table = {
        "A": {"q1": 1, "q2": 1, "q3": 1}, "B": {"q1": 1, "q2": 1, "q3": 0},
        "C": {"q1": 1, "q2": 0, "q3": 0}, "D": {"q1": 0, "q2": 0, "q3": 0},
        "E": {"q1": 1, "q2": 1, "q3": 1},
    }
    assert analyse(rows(table)).alpha == Alpha(pytest.approx(27 / 34), 5, 3)


def test_alpha_of_the_four_learners_is_zero():
    # Item variances 1/4 + 1/3 + 1/3 = 11/12; scores 3, 2, 1, 1 have variance (11/4)/3 = 11/12.
    assert analyse(rows(FOUR)).alpha.value == pytest.approx(0.0)


def test_alpha_is_taken_over_the_largest_group_served_the_same_questions():
    table = dict(FOUR) | {"E": {"q1": 1, "q4": 0}, "F": {"q1": 0, "q4": 1}}
    analysis = analyse(rows(table))
    assert analysis.attempts == 6
    assert (analysis.alpha.attempts, analysis.alpha.questions) == (4, 3)
    stats = {s.question_id: s for s in analysis.items}
    assert stats["q1"].n == 6 and stats["q1"].facility == pytest.approx(4 / 6)
    assert stats["q4"].n == 2


def test_there_is_no_alpha_without_two_attempts_on_the_same_questions():
    table = {"A": {"q1": 1, "q2": 0}, "B": {"q1": 1, "q3": 0}}
    assert analyse(rows(table)).alpha is None


def test_partial_points_count_as_they_are():
    table = {"A": {"o": 0.5, "c": 1}, "B": {"o": 1 / 6, "c": 0}, "C": {"o": None, "c": 1}}
    stats = stats_of(table)
    assert stats["o"].facility == pytest.approx((0.5 + 1 / 6) / 3)


def test_a_question_everyone_got_right_has_no_discrimination_and_is_very_easy():
    table = {a: {"easy": 1, "other": x} for a, x in zip("ABCDEFGHIJ", (1, 0) * 5, strict=True)}
    easy = stats_of(table)["easy"]
    assert easy.sd == 0.0 and easy.discrimination is None
    assert [f.kind for f in easy.flags] == ["easy"]


def test_one_answer_gives_a_facility_but_no_spread():
    one = stats_of({"A": {"q": 1}})["q"]
    assert (one.n, one.facility, one.sd, one.discrimination) == (1, 1.0, None, None)


@pytest.mark.parametrize(("facility", "discrimination", "kinds"), [
    (0.19, 0.5, ["hard"]), (0.2, 0.5, []), (0.9, 0.5, []), (0.91, 0.5, ["easy"]),
    (0.5, 0.2, []), (0.5, 0.19, ["weak"]), (0.5, -0.1, ["negative"]), (0.1, None, ["hard"]),
    (0.1, 0.1, ["hard", "weak"]),
])
def test_flags_follow_the_thresholds(facility, discrimination, kinds):
    assert [f.kind for f in flags(facility, discrimination)] == kinds


def test_an_attempt_whose_rows_are_split_is_refused():
    with pytest.raises(ValueError, match="not together"):
        analyse([("A", "q1", 1), ("B", "q1", 0), ("A", "q2", 1)])


def test_no_rows_give_an_empty_analysis():
    analysis = analyse([])
    assert (analysis.attempts, analysis.items, analysis.alpha) == (0, (), None)


def test_fewer_than_ten_first_attempts_flag_nothing_and_say_so():
    stats = stats_of(FOUR)  # q1 would be "weak", q3 "negative", with enough answers
    assert all(s.flags == () and s.too_few for s in stats.values())
    nine = {f"L{i}": {"q": 0} for i in range(MIN_ANSWERS - 1)}
    assert stats_of(nine)["q"].flags == () and stats_of(nine)["q"].too_few
    ten = nine | {"L9": {"q": 0}}
    assert [f.kind for f in stats_of(ten)["q"].flags] == ["hard"]
    assert not stats_of(ten)["q"].too_few


@given(st.dictionaries(
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=3),
    st.dictionaries(st.sampled_from(["q1", "q2", "q3", "q4"]),
                    st.sampled_from([0.0, 0.5, 1.0, None]), min_size=1),
    max_size=25))
def test_a_question_is_flagged_only_with_ten_answers_and_then_by_the_thresholds(table):
    for s in analyse(rows(table)).items:
        assert s.too_few == (s.n < MIN_ANSWERS)
        assert s.flags == (() if s.too_few else flags(s.facility, s.discrimination))
