"""A class's quiz scores in a few numbers: how many, the average, the median, and how they spread.

Pure: it reads the percents the results page shows (one a learner, to one decimal) and returns
what the page and its chart draw. A percent falls in the 10-point bin from its lower bound up to
the next one (80.0 in 80-90, 79.9 in 70-80); 100 joins the top bin, 90-100.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from .rules import shown_percent

BIN_WIDTH = 10
BINS = tuple((low, low + BIN_WIDTH) for low in range(0, 100, BIN_WIDTH))  # (0, 10) ... (90, 100)


@dataclass(frozen=True)
class Summary:
    """How many learners, their mean and median percent (None without any), and the count in
    each bin of BINS."""

    learners: int
    average: float | None
    median: float | None
    counts: tuple[int, ...]


def bin_of(percent: float) -> int:
    """The index in BINS of the bin a percent falls in (percents outside 0-100 are clamped)."""
    return min(max(int(percent // BIN_WIDTH), 0), len(BINS) - 1)


def summarise(percents: Iterable[float | None]) -> Summary:
    """The summary of the percents given; None (no submitted quiz) is left out."""
    found = [p for p in percents if p is not None]
    counts = [0] * len(BINS)
    for p in found:
        counts[bin_of(p)] += 1
    if not found:
        return Summary(0, None, None, tuple(counts))
    return Summary(len(found), shown_percent(statistics.fmean(found)),
                   shown_percent(statistics.median(found)), tuple(counts))
