"""A class's scores in numbers: average, median and the 10-point bins."""

from hypothesis import given
from hypothesis import strategies as st

from quizapp.quiz.scores import BINS, bin_of, summarise


def test_the_average_median_and_bins_of_a_small_class():
    summary = summarise([100.0, 80.0, 79.9, 50.0, None, 0.0])
    assert summary.learners == 5
    assert summary.average == 62.0  # 309.9 / 5 = 61.98, shown to one decimal
    assert summary.median == 79.9
    assert summary.counts == (1, 0, 0, 0, 0, 1, 0, 1, 1, 1)


def test_no_submitted_quiz_gives_no_average_and_empty_bins():
    summary = summarise([None, None])
    assert (summary.learners, summary.average, summary.median) == (0, None, None)
    assert summary.counts == (0,) * 10


def test_each_bin_holds_its_lower_end_and_the_top_one_holds_100():
    assert [bin_of(p) for p in (0.0, 9.9, 10.0, 89.9, 90.0, 100.0)] == [0, 0, 1, 8, 9, 9]
    assert BINS[0] == (0, 10) and BINS[-1] == (90, 100) and len(BINS) == 10


@given(st.lists(st.one_of(st.none(), st.floats(0, 100).map(lambda p: round(p, 1)))))
def test_every_learner_with_a_percent_is_in_exactly_one_bin(percents):
    summary = summarise(percents)
    shown = [p for p in percents if p is not None]
    assert sum(summary.counts) == summary.learners == len(shown)
    if shown:
        assert min(shown) <= summary.median <= max(shown)
        assert min(shown) - 0.05 <= summary.average <= max(shown) + 0.05
        for p in shown:
            low, high = BINS[bin_of(p)]
            assert low <= p < high or p == high == 100
