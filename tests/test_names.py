"""The one rule for names (services/names.py), as properties over any text."""

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from quizapp.services.names import DIRECTION_CONTROLS, MAX_NAME, clean_name, name_problem

# Any code point, lone surrogates included (JSON can carry them).
ANY_TEXT = st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=90)
BLANK_LETTERS = "\u115f\u1160\u3164\uffa0\u2800"  # Hangul fillers, the empty Braille cell
VISIBLE = st.characters(categories=("L", "N", "P", "S"), exclude_characters=BLANK_LETTERS)


def seen(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNPS" and char not in BLANK_LETTERS


@given(ANY_TEXT)
@example("\ud800")
@example("Ann\u202e")
@example("\u200b")
@example("\u0301")
@example(" \t ")
@example("\u3164")
def test_a_name_accepted_is_storable_readable_and_visible(name):
    if name_problem(name) is not None:
        return
    kept = clean_name(name)
    kept.encode("utf-8")  # no lone surrogate
    assert not any(unicodedata.category(c) == "Cc" for c in kept)
    assert not DIRECTION_CONTROLS & set(kept)
    assert any(seen(c) for c in kept)
    assert 1 <= len(kept) <= MAX_NAME and kept == kept.strip() and "  " not in kept


@given(st.text(VISIBLE, min_size=1, max_size=20), st.sampled_from(sorted(DIRECTION_CONTROLS)),
       st.integers(0, 20))
def test_a_direction_control_anywhere_is_refused(name, control, at):
    at = min(at, len(name))
    assert "direction" in name_problem(name[:at] + control + name[at:])


@given(st.text(st.characters(categories=("Zs", "Mn", "Me", "Cf")).filter(
    lambda c: c not in DIRECTION_CONTROLS), min_size=1, max_size=20))
def test_a_name_of_spaces_marks_and_zero_width_characters_is_refused(name):
    assert "you can see" in name_problem(name)


@given(st.text(VISIBLE, min_size=1, max_size=MAX_NAME))
def test_a_name_of_visible_characters_is_accepted(name):
    assert name_problem(name) is None


@given(ANY_TEXT)
def test_a_problem_is_a_sentence(name):
    problem = name_problem(name)
    text = None if problem is None else str(problem)
    assert text is None or (text[0].isupper() and text.endswith("."))
