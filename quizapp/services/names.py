"""What a name may be: the one rule for every name a person gives (a guest's display name, a
username, a display name), so a name shown to a teacher or a classmate reads as it was typed.

Refused: text that cannot be stored (a lone surrogate, which no UTF-8 holds), control characters
(a newline or a NUL would break a list or a CSV), the direction controls that make a name display
as other text (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C), and names with nothing
visible (only spaces, zero-width characters or combining marks). Runs of spaces become one.
"""

from __future__ import annotations

import unicodedata

from ..i18n import Lazy, _l

MAX_NAME = 80
DIRECTION_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
INVISIBLE_CATEGORIES = ("Z", "M", "C")  # separators, combining marks, other (format, controls)
INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u2800")  # Hangul fillers, the blank Braille cell
DISPLAY_NAME = _l("display name")  # what a name is called in its problems, as a message


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


def name_problem(name: str, what: Lazy = DISPLAY_NAME, longest: int = MAX_NAME) -> Lazy | None:
    """What is wrong with a name, as a sentence for the person; None if it will do. `what` is
    what the name is called, a message (`_l("username")`): every one of these is masculine in
    Spanish ("nombre visible", "nombre de usuario", "apodo"), so one sentence fits them all."""
    if not storable(name):
        return _l("That %(what)s holds a character that is not text: type it again.", what=what)
    if any(unicodedata.category(c) == "Cc" for c in name):
        return _l("A %(what)s cannot hold control characters such as tabs or line breaks.",
                  what=what)
    if any(c in DIRECTION_CONTROLS for c in name):
        return _l("A %(what)s cannot hold characters that change the direction of the text "
                  "around it.", what=what)
    if not any(_visible(c) for c in name):
        return _l("Give a %(what)s with at least one letter, digit or symbol you can see.",
                  what=what)
    if len(clean_name(name)) > longest:
        return _l("Give a %(what)s of at most %(longest)d characters.", what=what,
                  longest=longest)
    return None


def clean_name(name: str) -> str:
    """The name as stored (once name_problem has passed it): spaces at the ends dropped and runs
    of them made one."""
    return " ".join(name.split())
