"""The progress charts' geometry: plain numbers, no app."""

from quizapp.web.charts import (
    BOTTOM,
    HEIGHT,
    LEFT,
    RIGHT,
    TOP,
    WIDTH,
    bar_chart,
    line_chart,
    shorten,
)


def test_points_spread_evenly_from_the_left_axis_to_the_right_edge():
    chart = line_chart([("1 Mar", 50.0), ("2 Mar", 100.0), ("3 Mar", 0.0)])
    assert [p.x for p in chart.points] == [LEFT, (LEFT + WIDTH - RIGHT) / 2, WIDTH - RIGHT]
    assert [p.y for p in chart.points] == [(TOP + HEIGHT - BOTTOM) / 2, TOP, HEIGHT - BOTTOM]
    assert chart.points[1].text == "Quiz 2, 2 Mar: 100%"
    assert chart.path.startswith("M") and chart.path.count("L") == 2


def test_one_point_sits_in_the_middle_and_no_points_draw_no_labels():
    assert line_chart([("1 Mar", 80.0)]).points[0].x == (LEFT + WIDTH - RIGHT) / 2
    empty = line_chart([])
    assert empty.points == () and empty.x_labels == ()
    assert [text for _, text in empty.y_ticks] == ["0%", "25%", "50%", "75%", "100%"]


def test_bars_are_as_long_as_the_mastery_one_row_each():
    chart = bar_chart([("1914: A canal opens.", 1.0, "known"), ("A rumour.", 0.25, "shaky")])
    full, quarter = chart.bars
    assert quarter.width == full.width / 4 and quarter.y > full.y
    assert (quarter.value, quarter.kind, quarter.label) == ("25%", "shaky", "A rumour. (shaky)")
    assert chart.height == 2 * (quarter.y - full.y)


def test_a_long_label_is_cut_at_a_word_with_an_ellipsis():
    assert shorten("one two three four", 10) == "one two…"
    assert shorten("short", 10) == "short"
