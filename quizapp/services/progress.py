"""A learner's progress: the percent of each quiz over time, and how well they know each fact.

One function gives the numbers (the JSON of GET /api/v1/progress); the page draws its charts from
that same dict, so the page and the API cannot disagree.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from ..extensions import db
from ..models import Attempt, Learner
from ..quiz import schedule
from .attempts import PRACTICE, iso
from .cards import cards_of, due_counts
from .catalog import current_catalog
from .study import timeline_order


def attempt_rows(learner: Learner) -> list[dict]:
    """The learner's submitted quizzes, oldest first.

    Practice answers are left out: each is one question, scored 0 or 100, and they would drown
    the quizzes' line; they count in each fact's mastery instead.
    """
    query = (
        select(Attempt)
        .where(Attempt.learner_id == learner.id, Attempt.submitted.is_not(None),
               Attempt.mode != PRACTICE)
        .order_by(Attempt.started, Attempt.id)
    )
    return [
        {"id": a.id, "bank": a.bank, "mode": a.mode, "started": iso(a.started),
         "percent": a.percent}
        for a in db.session.scalars(query)
    ]


def fact_rows(learner: Learner, now: datetime) -> list[dict]:
    """Every fact of every bank, in timeline order, with the learner's card on it (if any)."""
    rows = []
    banks = current_catalog().banks
    for bank_id in sorted(banks):
        bank, cards = banks[bank_id], cards_of(learner.id, bank_id)
        dated_facts, undated = timeline_order(bank)
        for fact in dated_facts + undated:
            card = cards.get(fact.id)
            rows.append({
                "bank": bank.id, "id": fact.id, "year": fact.year, "text": fact.text,
                "state": card.state if card else schedule.NEW,
                "mastery": round(schedule.mastery(card and card.fsrs, now), 3),
                "due": iso(card.due) if card else None,
            })
    return rows


def progress(learner: Learner, now: datetime) -> dict:
    """The learner's quizzes oldest first, every fact's state and mastery, and how many are due."""
    return {
        "attempts": attempt_rows(learner),
        "facts": fact_rows(learner, now),
        "due": sum(due_counts(learner.id, now).values()),
    }
