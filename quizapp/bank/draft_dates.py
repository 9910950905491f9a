"""Dates and periods in a sentence, as a drafter of facts finds them (see `draft.py`).

Found, in this order (an earlier kind wins where two overlap): ranges ("1919-1930", "1919–30",
"between 1968 and the mid 1970s", "from 1990 to 2000"), parts of a century ("the first two
decades of the 20th century": 1901-1920, as a century runs from its year 1; "the late 19th
century"), decades ("the 1980s", "the decade of 1980", "the mid 1970s"), single years
("in 1914", "(1991)") and named periods ("World War II").
A named period counts only in a sentence with no date of its own; a world war in a sentence
on the part the United States took in it has the years it fought (1917-1918, 1941-1945).
A whole century ("during the 20th century") is too broad to place a fact on a timeline and is
not taken as a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FIRST_YEAR, LAST_YEAR = 1000, 2100  # the years Quipu's loader accepts (yaml_nodes.py)

YEAR = r"(?<![\w.,$£€/-])(1\d{3}|20\d{2}|2100)(?![\w%]|[.,]\d)"
DASH = r"\s*[-‐‑–—]\s*"
PART = r"(?:(early|mid|late)[- ]?)?"
DECADE = rf"{PART}(1\d{{2}}0|20\d0)['’]?s\b"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
            "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
            "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
            "twenty-first": 21}
COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9}
CENTURY = r"(1[1-9]|2[01]|[a-z]+(?:-first)?)(?:st|nd|rd|th)?\s+century"
COUNT = r"(one|two|three|four|five|six|seven|eight|nine)"
# A named period and its years, as commonly dated.
NAMED = {
    r"World War (?:I|1|One)|First World War|Great War": (1914, 1918, "World War I"),
    r"World War (?:II|2|Two)|Second World War|WWII": (1939, 1945, "World War II"),
    r"Great Depression": (1929, 1939, "the Great Depression"),
    r"Korean War": (1950, 1953, "the Korean War"),
    r"Vietnam War": (1955, 1975, "the Vietnam War"),
    r"Cold War": (1947, 1991, "the Cold War"),
}
# The years the United States fought in a world war, for a sentence about its part in one.
US_PART = {"World War I": 1917, "World War II": 1941}
US_TAKING_PART = re.compile(r"(?:\bU\.\s?S\.|\bUS\b|\bUnited States\b|\bAmerica)"
                            r".{0,80}?\b(?:particip\w*|"
                            r"enter\w*|join\w*|fight\w*|fought|involve\w*)\b")


@dataclass(frozen=True)
class Found:
    """A date found in a sentence: its years, how to show it, where it is, and its kind."""

    year: int
    until: int | None
    when: str | None  # a label for dates in words ("the 1980s"); None for plain years and ranges
    start: int
    end: int
    kind: str  # "year", "range", "decade", "century", "named"

    @property
    def span(self) -> tuple[int, int]:
        """Its first and last year."""
        return self.year, self.until if self.until is not None else self.year

    @property
    def period(self) -> bool:
        """Whether it spans more than one year."""
        return self.until is not None and self.until != self.year


def _flags(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


RANGE = re.compile(rf"{YEAR}{DASH}(\d{{4}}|\d{{2}})(?![\w%])")
SPAN_WORDS = _flags(rf"\b(between|from)\s+{YEAR}\s+(?:and|to|until|till)\s+(the\s+)?"
                    rf"(?:{DECADE}|{YEAR})")
CENTURY_PART = _flags(
    rf"\b(?:the\s+)?(?:(first|last)\s+{COUNT}|{COUNT}\s+(first|last))\s+decades\s+of\s+"
    rf"the\s+{CENTURY}|\b(?:the\s+)?(early|mid|late|first half of the|second half of the)"
    rf"[- ]?\s*{CENTURY}")
DECADE_WORDS = _flags(rf"\b(?:the\s+)?(?:decade\s+of\s+(1\d{{2}}0|20\d0)\b|{DECADE})")
SINGLE = re.compile(YEAR)


def _decade_span(decade: int, part: str | None) -> tuple[int, int]:
    part = (part or "").lower()
    return {"early": (decade, decade + 3), "mid": (decade + 4, decade + 6),
            "late": (decade + 7, decade + 9)}.get(part, (decade, decade + 9))


def _century(word: str) -> int | None:
    number = int(word) if word.isdigit() else ORDINALS.get(word.lower())
    return number if number is not None and 11 <= number <= 21 else None


def _plausible(year: int, until: int | None) -> bool:
    last = until if until is not None else year
    return FIRST_YEAR <= year <= last <= LAST_YEAR


def _ranges(s: str) -> list[Found]:
    found = []
    for m in RANGE.finditer(s):
        first, second = int(m.group(1)), m.group(2)
        until = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if until > first:
            found.append(Found(first, until, None, m.start(), m.end(), "range"))
    for m in SPAN_WORDS.finditer(s):
        first = int(m.group(2))
        if m.group(5):  # to a decade: its end ("the mid 1970s" ends 1976)
            until = _decade_span(int(m.group(5)), m.group(4))[1]
            part = f"{m.group(4).lower()} " if m.group(4) else ""
            label = f"{first} to {'the ' if m.group(3) else ''}{part}{m.group(5)}s"
            found.append(Found(first, until, label, m.start(), m.end(), "range"))
        elif m.group(6) and int(m.group(6)) > first:
            found.append(Found(first, int(m.group(6)), None, m.start(), m.end(), "range"))
    return found


def _centuries(s: str) -> list[Found]:
    found = []
    for m in CENTURY_PART.finditer(s):
        end_word, count_word = m.group(1) or m.group(4), m.group(2) or m.group(3)
        century = _century(m.group(5) or m.group(7) or "")
        if century is None:
            continue
        start = (century - 1) * 100 + 1  # a century runs from its year 1: 1901-2000
        if count_word:
            tens = COUNTS[count_word.lower()] * 10
            first, until = ((start, start + tens - 1) if end_word.lower() == "first"
                            else (start + 100 - tens, start + 99))
        else:
            part = m.group(6).lower()
            first, until = {"early": (start, start + 32), "mid": (start + 33, start + 65),
                            "late": (start + 66, start + 99),
                            "first half of the": (start, start + 49),
                            "second half of the": (start + 50, start + 99)}[part]
        label = re.sub(r"\s+", " ", m.group(0).strip())
        label = label if label.lower().startswith("the ") else f"the {label}"
        found.append(Found(first, until, label, m.start(), m.end(), "century"))
    return found


def _decades(s: str) -> list[Found]:
    found = []
    for m in DECADE_WORDS.finditer(s):
        decade = int(m.group(1) or m.group(3))
        first, until = _decade_span(decade, m.group(2))
        part = f"{m.group(2).lower()} " if m.group(2) else ""
        found.append(Found(first, until, f"the {part}{decade}s", m.start(), m.end(), "decade"))
    return found


def _named(s: str) -> list[Found]:
    found = []
    us_part = US_TAKING_PART.search(s)
    for pattern, (first, until, label) in NAMED.items():
        for m in re.finditer(rf"\b(?:{pattern})\b", s):
            if us_part and label in US_PART and us_part.start() < m.start():
                first = US_PART[label]
            found.append(Found(first, until, label, m.start(), m.end(), "named"))
    return found


def find_dates(sentence: str) -> list[Found]:
    """Every date in a sentence, in the order they appear; overlapping finds give way to the
    earlier kind (see the module's docstring), and the same years found twice count once."""
    taken: list[Found] = []
    for finder in (_ranges, _centuries, _decades):
        for found in finder(sentence):
            if _plausible(found.year, found.until) and not _overlaps(found, taken):
                taken.append(found)
    for m in SINGLE.finditer(sentence):
        single = Found(int(m.group(1)), None, None, m.start(1), m.end(1), "year")
        if _plausible(single.year, None) and not _overlaps(single, taken):
            taken.append(single)
    if not taken:
        taken = [f for f in _named(sentence) if not _overlaps(f, [])]
    unique: dict[tuple[int, int], Found] = {}
    for found in sorted(taken, key=lambda f: f.start):
        unique.setdefault(found.span, found)
    return list(unique.values())


def _overlaps(found: Found, taken: list[Found]) -> bool:
    return any(found.start < t.end and t.start < found.end for t in taken)
