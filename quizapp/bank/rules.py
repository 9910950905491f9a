"""The rules a question's options obey whatever file they come from (docs/design.md).

The YAML loader and the importers both check options here, so a rule and its wording live once.
"""

from __future__ import annotations

from collections.abc import Sequence

MIN_CHOICES, MAX_CHOICES = 2, 8
MIN_ITEMS, MAX_ITEMS = 3, 8


def repeats(values: Sequence[str]) -> list[tuple[int, int]]:
    """(index, index of its first listing) for each value listed again."""
    first: dict[str, int] = {}
    found = []
    for index, value in enumerate(values):
        if value in first:
            found.append((index, first[value]))
        else:
            first[value] = index
    return found


def repeated_message(noun: str, value: str, first_line: int, line: int) -> str:
    """'choice "1920" is listed twice (first on line 7)'."""
    earlier = f" (first on line {first_line})" if first_line != line else ""
    return f'{noun} "{value}" is listed twice{earlier}'


def count_message(what: str, noun: str, low: int, high: int, count: int) -> str | None:
    """"'choices' must list 2 to 8 choices, but lists 1", or None when the count is right."""
    if low <= count <= high:
        return None
    return f"{what} must list {low} to {high} {noun}s, but lists {count}"


def option_problems(qtype: str, options: Sequence[str], key: Sequence[str],
                    lines: Sequence[int], line: int) -> list[tuple[int, str]]:
    """(line, message) for each rule an imported question's options and key break.

    `lines` gives the line of each option; `line` is the question's own line.
    """
    noun = "item" if qtype == "ordering" else "option"
    low, high = (MIN_ITEMS, MAX_ITEMS) if qtype == "ordering" else (MIN_CHOICES, MAX_CHOICES)
    found = [(lines[i], repeated_message(noun, options[i], lines[first], lines[i]))
             for i, first in repeats(options)]
    count = count_message(f"{'an' if qtype == 'ordering' else 'a'} {qtype} question", noun,
                          low, high, len(options))
    if count:
        found.append((line, count))
    if qtype == "choice" and len(key) != 1:
        marked = "none is" if not key else f"{len(key)} are"
        found.append((line, f"a choice question has one right answer, but {marked} marked right"))
    if qtype == "multiple" and not key:
        found.append((line, "a multiple question needs a right answer, but none is marked right"))
    return found
