"""Moodle's ordering question (qtype_ordering) as its XML and GIFT forms name things.

One place for its grading types and ours (docs/design.md, "Grading"), the plugin's older names,
and the words of its GIFT form `{>N ALL VERTICAL RELATIVE_NEXT_EXCLUDE_LAST SHOW ...}`.
"""

from __future__ import annotations

GRADING = {
    "ALL_OR_NOTHING": "exact",
    "ABSOLUTE_POSITION": "position",
    "RELATIVE_TO_CORRECT": "distance",
    "RELATIVE_NEXT_EXCLUDE_LAST": "next",
    "RELATIVE_NEXT_INCLUDE_LAST": "next_last",
    "RELATIVE_ONE_PREVIOUS_AND_NEXT": "neighbours",
    "RELATIVE_ALL_PREVIOUS_AND_NEXT": "pairs",
    "LONGEST_ORDERED_SUBSET": "subset",
    "LONGEST_CONTIGUOUS_SUBSET": "contiguous",
}
# The plugin's older names, which it still reads: ABS/ABSOLUTE for the absolute position, and
# REL/RELATIVE (its default for years) for the next item, the last one excluded.
OLD_GRADING_NAMES = {"ABS": "position", "ABSOLUTE": "position", "REL": "next", "RELATIVE": "next"}
MOODLE_DEFAULT_GRADING = "next"  # what Moodle grades an ordering question by when none is given
MOODLE_GRADING = {ours: theirs for theirs, ours in GRADING.items()}

# The words that may follow `{>N` in GIFT, in this order, each one optional.
SELECT_WORDS = frozenset({"ALL", "EXACT", "RANDOM", "REL", "CONTIGUOUS", "CONTIG"})
LAYOUT_WORDS = frozenset({"HORIZONTAL", "HORI", "H", "1", "VERTICAL", "VERT", "V", "0"})
SHOW_WORDS = frozenset({"SHOW", "TRUE", "YES", "1", "HIDE", "FALSE", "NO", "0"})


def grading_of(name: str) -> str | None:
    """Our grading for a Moodle grading type's name (any case), None when it is not one."""
    upper = name.strip().upper()
    return GRADING.get(upper) or OLD_GRADING_NAMES.get(upper)


def known_gradings() -> list[str]:
    """The grading types' names, as Moodle writes them now."""
    return list(GRADING)
