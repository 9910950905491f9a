"""One blank-line-separated block of a GIFT file, as the GIFT reader and its answer reader see it.

Its own module so that `gift` (which splits a file into blocks) and `gift_answers` (which reads the
braces of one) both import it, and neither imports the other.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from .gift_text import live_mask


@dataclass
class Block:
    """One blank-line-separated block of a GIFT file: its text lines (comments taken out)."""

    text: str
    starts: list[int]  # offset in `text` where each of its lines starts
    lines: list[int]  # the file line of each of its lines
    live: list[bool] = field(init=False)

    def __post_init__(self) -> None:
        self.live = live_mask(self.text)

    def line_at(self, offset: int) -> int:
        """The file line of an offset of the block's text."""
        return self.lines[max(bisect_right(self.starts, offset) - 1, 0)]

    def find(self, char: str, start: int, end: int | None = None) -> int:
        """The first live `char` in text[start:end], or -1."""
        for index in range(start, len(self.text) if end is None else end):
            if self.live[index] and self.text[index] == char:
                return index
        return -1
