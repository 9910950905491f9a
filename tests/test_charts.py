"""The progress charts' geometry: plain numbers, no app."""

from quizapp.web.charts import (
    HEIGHT,
    LINE_BOTTOM,
    LINE_LEFT,
    LINE_RIGHT,
    TOP,
    WIDTH,
    knowledge_stack,
    line_chart,
    shorten,
)

LEFT, RIGHT, BOTTOM = LINE_LEFT, LINE_RIGHT, LINE_BOTTOM


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


def test_the_knowledge_bar_splits_its_width_by_the_counts_and_leaves_out_empty_kinds():
    stack = knowledge_stack([("never seen", 2), ("shaky", 0), ("known", 6)], width=800)
    unseen, known = stack.segments
    assert (unseen.kind, unseen.x, unseen.width, unseen.count) == ("never seen", 0, 200, 2)
    assert (known.kind, known.x, known.width) == ("known", 200, 600)
    assert knowledge_stack([("shaky", 0)]).segments == ()


def test_a_long_label_is_cut_at_a_word_with_an_ellipsis():
    assert shorten("one two three four", 10) == "one two…"
    assert shorten("short", 10) == "short"
