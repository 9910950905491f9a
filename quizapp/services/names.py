"""What a name may be: the one rule for every name a person gives (a guest's display name, a
username, a display name), so a name shown to a teacher or a classmate reads as it was typed.

Refused: text that cannot be stored (a lone surrogate, which no UTF-8 holds), control characters
(a newline or a NUL would break a list or a CSV), the direction controls that make a name display
as other text (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C), and names with nothing
visible (only spaces, zero-width characters or combining marks). Runs of spaces become one.
"""

from __future__ import annotations

import unicodedata

MAX_NAME = 80
DIRECTION_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
INVISIBLE_CATEGORIES = ("Z", "M", "C")  # separators, combining marks, other (format, controls)
INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u2800")  # Hangul fillers, the blank Braille cell


def storable(text: str) -> bool:
    """Whether the text can be written as UTF-8 (no lone surrogate, as JSON's "\\ud800" gives)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _visible(char: str) -> bool:
    return char not in INVISIBLE and not unicodedata.category(char).startswith(
        INVISIBLE_CATEGORIES)


def name_problem(name: str, what: str = "display name", longest: int = MAX_NAME) -> str | None:
    """What is wrong with a name, as a sentence for the person; None if it will do."""
    if not storable(name):
        return f"That {what} holds a character that is not text: type it again."
    if any(unicodedata.category(c) == "Cc" for c in name):
        return f"A {what} cannot hold control characters such as tabs or line breaks."
    if any(c in DIRECTION_CONTROLS for c in name):
        return (f"A {what} cannot hold characters that change the direction of the text "
                "around it.")
    if not any(_visible(c) for c in name):
        return f"Give a {what} with at least one letter, digit or symbol you can see."
    if len(clean_name(name)) > longest:
        return f"Give a {what} of at most {longest} characters."
    return None


def clean_name(name: str) -> str:
    """The name as stored (once name_problem has passed it): spaces at the ends dropped and runs
    of them made one."""
    return " ".join(name.split())
