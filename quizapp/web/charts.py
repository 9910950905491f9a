"""The geometry of the progress charts, worked out here so templates only draw it as inline SVG.

Plain Python, no Flask: coordinates are in the SVG's own units (its viewBox), and the page scales
the drawing to the screen, so no JavaScript is needed to lay anything out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import ngettext

from ..services.rules import percent_text

WIDTH, HEIGHT = 600, 300  # the charts' viewBox
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 48  # room for the histogram's labels
# The line chart's room for its labels. Their type is set by the stylesheet in the viewBox's
# units, larger on a phone, where the chart is drawn smaller: at least 12 px as rendered on a
# 375 px screen (tests/e2e/test_study.py measures it).
LINE_LEFT, LINE_RIGHT, LINE_BOTTOM = 76, 28, 68
PERCENT_TICKS = (0, 25, 50, 75, 100)
STACK_WIDTH, STACK_HEIGHT = 600, 24  # the knowledge bar's viewBox
MAX_LABEL = 60  # characters of a label before it is cut


@dataclass(frozen=True)
class Point:
    """One attempt on the line chart: where it sits and what it says."""

    x: float
    y: float
    text: str  # e.g. "Quiz 3, 2 Mar 2026: 80%"


@dataclass(frozen=True)
class LineChart:
    """Percent per attempt, oldest to newest, with the axes' ticks."""

    width: int
    height: int
    points: tuple[Point, ...]
    y_ticks: tuple[tuple[float, str], ...]  # (y, "50%")
    x_labels: tuple[tuple[float, str], ...]  # (x, date) under the first and last points
    left: int = LINE_LEFT
    right: int = WIDTH - LINE_RIGHT
    top: int = TOP
    bottom: int = HEIGHT - LINE_BOTTOM

    @property
    def path(self) -> str:
        """The SVG path joining the points in order."""
        return " ".join(
            f"{'M' if i == 0 else 'L'}{p.x:.1f},{p.y:.1f}" for i, p in enumerate(self.points)
        )


@dataclass(frozen=True)
class Segment:
    """One part of the knowledge bar: the facts of one kind, as a stretch of the bar."""

    x: float
    width: float
    kind: str  # never seen, shaky or known
    count: int


@dataclass(frozen=True)
class Stack:
    """A bank's facts as one bar, split into never seen, shaky and known (no text in it: the
    counts are written beside it, in the page's own type)."""

    width: int
    height: int
    segments: tuple[Segment, ...]


def percent_y(percent: float) -> float:
    """The y of a percent on the line chart (0 at the bottom axis, 100 at the top)."""
    return TOP + (HEIGHT - LINE_BOTTOM - TOP) * (1 - percent / 100)


def line_chart(attempts: Sequence[tuple[str, float]]) -> LineChart:
    """The line chart of (date label, percent) pairs, oldest first, spread evenly left to right."""
    n, span = len(attempts), WIDTH - LINE_RIGHT - LINE_LEFT
    xs = [LINE_LEFT + span / 2] if n == 1 else [LINE_LEFT + span * i / (n - 1) for i in range(n)]
    points = tuple(
        Point(x, percent_y(percent),
              _("Quiz %(n)d, %(date)s: %(percent)s", n=i + 1, date=date,
                percent=percent_text(percent)))
        for i, (x, (date, percent)) in enumerate(zip(xs, attempts, strict=True))
    )
    ends = [0, n - 1] if n > 1 else [0] if n else []
    return LineChart(
        WIDTH, HEIGHT, points,
        y_ticks=tuple((percent_y(t), percent_text(t)) for t in PERCENT_TICKS),
        x_labels=tuple((xs[i], attempts[i][0]) for i in ends),
    )


def shorten(text: str, limit: int = MAX_LABEL) -> str:
    """The text cut to `limit` characters at a word, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def knowledge_stack(counts: Sequence[tuple[str, int]], width: int = STACK_WIDTH) -> Stack:
    """The bar of (kind, count) pairs, left to right, each as long as its share of the facts;
    kinds with no fact are left out."""
    total = sum(n for _, n in counts)
    segments, x = [], 0.0
    for kind, n in counts:
        if n and total:
            segments.append(Segment(x, width * n / total, kind, n))
            x += width * n / total
    return Stack(width, STACK_HEIGHT, tuple(segments))


@dataclass(frozen=True)
class Column:
    """One bin of the score distribution: where its bar stands and what it says."""

    x: float
    y: float
    width: float
    height: float
    label: str  # e.g. "80–90", under the column
    count: int
    text: str  # e.g. "80–90%: 3 learners"


@dataclass(frozen=True)
class Histogram:
    """Learners per 10-point bin of their percent, one column a bin, with the count axis."""

    width: int
    height: int
    columns: tuple[Column, ...]
    y_ticks: tuple[tuple[float, str], ...]  # (y, "3")
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM


def count_ticks(most: int) -> tuple[int, ...]:
    """Whole-number ticks from 0 to at least `most`: at most five, evenly spaced."""
    step = max(1, -(-most // 4))
    return tuple(range(0, max(most, 1) + step, step))[:5] if most else (0, 1)


def histogram(bins: Sequence[tuple[int, int]], counts: Sequence[int]) -> Histogram:
    """The column chart of how many learners scored in each bin ((low, high) percents)."""
    ticks = count_ticks(max(counts, default=0))
    top_count = ticks[-1]
    span, plot = WIDTH - RIGHT - LEFT, HEIGHT - BOTTOM - TOP
    slot = span / len(bins)

    def y_of(count: int) -> float:
        return TOP + plot * (1 - count / top_count)

    columns = tuple(
        Column(LEFT + slot * i + slot * 0.15, y_of(n), slot * 0.7, HEIGHT - BOTTOM - y_of(n),
               f"{low}–{high}", n,
               ngettext("%(low)d–%(high)d%%: %(num)d learner",
                        "%(low)d–%(high)d%%: %(num)d learners", n, low=low, high=high))
        for i, ((low, high), n) in enumerate(zip(bins, counts, strict=True))
    )
    return Histogram(WIDTH, HEIGHT, columns, tuple((y_of(t), str(t)) for t in ticks))
