"""The template filters every page may use, registered on the app by create_app."""

from __future__ import annotations

import re

from flask import Flask, url_for
from flask_babel import gettext, ngettext

from ..i18n import _l
from ..services.reading import cited
from ..services.rules import iso, number, percent_text, said, shown, shown_day, zone_name
from . import language, languages


def points(value: float | None) -> str:
    """Points as people write them: 1, 0.5, 0.67 (in Spanish 0,67)."""
    return number(value or 0.0)

def bank_title(bank_id: str) -> str:
    """A bank's title in the reader's language where the bank has it translated, or its id once
    its file is gone."""
    return languages.bank_title(bank_id, language.current())

def text_link(bank_id: str, fact_id: str) -> str | None:
    """Where a fact's passage is in its bank's text (`/study/<bank>/text#fact-<id>`), or None
    when the fact cites none or the bank has no text."""
    if not cited(bank_id, fact_id):
        return None
    return url_for("study.text_page", bank_id=bank_id, _anchor=f"fact-{fact_id}")

# A quiz's mode as pages name it (quiz.rules.ATTEMPT_MODES and practice), translatable.
MODE_NAMES = {"mixed": _l("mixed"), "choice": _l("choice"), "ordering": _l("ordering"),
              "review": _l("review"), "practice": _l("practice")}


def mode(value: str) -> str:
    """A quiz's mode in the page's language: mixed, mixta."""
    return str(MODE_NAMES.get(value, value))


def back_words(value: str, alone: bool = False, count: int = 1) -> str:
    """quiz.days.comes_back's words ("due now", "due today", "tomorrow", "in 3 days") in the
    page's language, said of `count` facts; `alone`, of one fact: "back in 3 days"."""
    if value == "due now":
        return ngettext("due now", "due now", count)
    if value == "due today":
        return ngettext("due today", "due today", count)
    if value == "tomorrow":
        return gettext("back tomorrow") if alone else gettext("tomorrow")
    days = re.fullmatch(r"in (\d+) days", value)
    if days:
        n = int(days.group(1))
        return (ngettext("back in %(num)d day", "back in %(num)d days", n) if alone
                else ngettext("in %(num)d day", "in %(num)d days", n))
    return value


def init_app(app: Flask) -> None:
    """Register the filters (iso; when, in the school's time zone, naming it; in_words, the
    same in words against the clock where that reads better: "today at 9:40 UTC", "3 days ago";
    points, bank_title; percent, a percent for the language: "45%", "45 %"; day, a date) and
    the globals `time_zone()`, the zone's name for labels, and
    `text_link(bank, fact)`, a fact's passage in the text."""
    for name, function in (("iso", iso), ("when", shown), ("in_words", said),
                           ("points", points), ("bank_title", bank_title),
                           ("percent", percent_text), ("day", shown_day), ("mode", mode),
                           ("back_words", back_words)):
        app.add_template_filter(function, name)
    app.add_template_global(zone_name, "time_zone")
    app.add_template_global(text_link, "text_link")

