"""The words quiz.js says (static/quiz.js's `t()`), in the page's language.

quiz.js is written in English; a page that loads it writes these, translated, into a JSON block
(`<script type="application/json" id="quiz-words">`, never run, so the CSP is untouched) and
quiz.js looks each English text up there. `{name}` marks a value quiz.js fills in.
"""

from __future__ import annotations

from flask import Flask
from flask_babel import gettext

from ..i18n import _l
from .language import current

WORDS = [
    _l("Drag an item by its handle, use its Move buttons, or focus it and press Space to pick it "
       "up, the arrow keys to move it, Space to drop it and Escape to cancel. Your order counts "
       "once you move an item or tick \u201cKeep this order\u201d; untick it to leave the "
       "question unanswered."),
    _l("position {n} of {m}"), _l("Move up"), _l("Move down"), _l("{item} moved to {where}"),
    _l("{item} picked up, {where}. Move it with the arrow keys, drop it with Space, cancel with "
       "Escape."),
    _l("{item} dropped at {where}"), _l("Move cancelled: {item} is back at {where}"),
    _l("{item} is already first"), _l("{item} is already last"), _l("Answered {n} of {m}"),
    _l("This quiz is closed."), _l("See your score"), _l("Saving…"), _l("All answers saved"),
    _l("Not saved: {why}"), _l("try again"), _l("Not saved yet: no connection. Trying again…"),
    _l("{n} of {m} unanswered: submit anyway?"), _l("{time} left"), _l("{n} minute left."),
    _l("{n} minutes left."), _l("Time is up: handing in your answers."),
]


def quiz_words() -> dict[str, str]:
    """English text -> this request's language, for quiz.js; empty in English."""
    if current() == "en":
        return {}
    return {word.message: gettext(word.message) for word in WORDS}


def init_app(app: Flask) -> None:
    """Give the templates `quiz_words()`."""
    app.add_template_global(quiz_words, "quiz_words")
