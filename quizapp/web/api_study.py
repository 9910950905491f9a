"""The JSON API's self-study calls (on the api blueprint): a bank's timeline.

`Accept-Language` picks the language of the texts where the bank has a translation into it.
"""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify

from .. import clock
from ..services.catalog import bank_for
from ..services.study import Entry, timeline
from .api import bearer_learner, bp
from .languages import asked_language, served_language


def entry_json(entry: Entry) -> dict[str, Any]:
    """One fact of a timeline, with who led then and how well the learner knows it."""
    fact = entry.fact
    return {"fact": fact.id, "text": fact.text, "when": fact.label, "year": fact.year,
            "until": fact.until, "approximate": fact.approximate,
            "leaders": [p.name for p in entry.leaders], "knowledge": entry.knowledge,
            "practisable": entry.practisable}


@bp.get("/banks/<bank_id>/timeline")
def get_timeline(bank_id: str) -> Response:
    """A bank's facts in time order (`dated`, then `undated`), with the learner's knowledge of
    each, in the language Accept-Language asks for where the bank has it (`lang` says which)."""
    learner = bearer_learner()
    lang = asked_language()
    bank = bank_for(bank_id, lang)
    dated, undated = timeline(bank, learner, clock.now(), lang)
    shown = served_language(bank.id, lang)
    response = jsonify(bank=bank.id, title=bank.title, lang=shown,
                       dated=[entry_json(e) for e in dated],
                       undated=[entry_json(e) for e in undated])
    response.headers["Content-Language"] = shown
    return response
