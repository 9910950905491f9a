"""Learners' review cards: updated by every submitted attempt, and read for what is due.

The one place that joins the spaced-review domain (`quiz/schedule.py`) to the card rows. Times
come from the caller, who reads them from the app's clock.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from fsrs import Rating
from sqlalchemy import select

from ..bank.model import Bank
from ..extensions import db
from ..models import Attempt, AttemptItem, Card
from ..quiz import schedule
from . import fast
from .catalog import current_catalog


def seconds_per_item(attempt: Attempt, now: datetime) -> float | None:
    """How long each question took, on average: exact for a one-question practice attempt."""
    elapsed = (now - attempt.started).total_seconds()
    return elapsed / len(attempt.items) if attempt.items and elapsed >= 0 else None


def fact_ratings(attempt: Attempt, now: datetime) -> dict[str, tuple[Rating, AttemptItem]]:
    """Each fact the attempt's questions test, with its worst rating and the answer that gave it."""
    seconds = seconds_per_item(attempt, now)
    rated: dict[str, tuple[Rating, AttemptItem]] = {}
    for item in attempt.items:
        rating = schedule.rate(item.points or 0.0, seconds, item.snapshot.type)
        for fact in item.snapshot.facts:
            if fact.id not in rated or rating < rated[fact.id][0]:
                rated[fact.id] = (rating, item)
    return rated


def record_reviews(attempt: Attempt, now: datetime) -> None:
    """Review the learner's card of every fact the attempt tested, once a fact, at `now`.

    Runs inside the submission's write transaction: a submission that fails leaves no review.
    The cards are read and written a few statements for all the facts (services/fast.py).
    """
    rated = fact_ratings(attempt, now)
    if not rated:
        return
    rows = fast.cards_of_facts(attempt.learner_id, attempt.bank, list(rated))
    card_ids = {fact_id: card_id for fact_id, card_id, _ in rows}
    reviewed = _reviewed(rated, {fact_id: fsrs for fact_id, _, fsrs in rows}, now)
    fast.update_cards([_card_values(reviewed[f]) | {"card_id": i} for f, i in card_ids.items()])
    card_ids |= fast.insert_cards([
        {"learner_id": attempt.learner_id, "bank": attempt.bank, "fact_id": f}
        | _card_values(reviewed[f]) for f in rated if f not in card_ids
    ])
    fast.insert_reviews([
        {"card_id": card_ids[f], "rating": int(rating), "reviewed": now,
         "attempt_item_id": item.id}
        for f, (rating, item) in rated.items()
    ])


def _reviewed(
    rated: dict[str, tuple[Rating, AttemptItem]], fsrs_of: dict[str, dict], now: datetime
) -> dict[str, schedule.CardState]:
    """Each rated fact's card after this review; a first review depends on the rating alone."""
    firsts: dict[Rating, schedule.CardState] = {}
    reviewed = {}
    for fact_id, (rating, _item) in rated.items():
        if fact_id in fsrs_of:
            reviewed[fact_id] = schedule.review(fsrs_of[fact_id], rating, now)
            continue
        if rating not in firsts:
            firsts[rating] = schedule.review(None, rating, now)
        reviewed[fact_id] = firsts[rating]
    return reviewed


def _card_values(after: schedule.CardState) -> dict[str, Any]:
    return {"fsrs": after.card, "due": after.due, "state": after.state}




def cards_of(learner_id: int, bank_id: str, fact_ids: list[str] | None = None) -> dict[str, Card]:
    """The learner's cards on a bank (on these facts only, if given), by fact id."""
    query = select(Card).where(Card.learner_id == learner_id, Card.bank == bank_id)
    if fact_ids is not None:
        query = query.where(Card.fact_id.in_(fact_ids))
    return {card.fact_id: card for card in db.session.scalars(query)}


def due_facts(learner_id: int, bank: Bank, now: datetime) -> list[str]:
    """The bank's facts due for the learner's review, most overdue first."""
    rows = db.session.execute(
        select(Card.fact_id, Card.due).where(
            Card.learner_id == learner_id, Card.bank == bank.id, Card.due <= now
        )
    )
    # A fact dropped from its file keeps its card, but there is nothing left to ask about it.
    dues = {fact_id: due for fact_id, due in rows if fact_id in bank.facts_by_id}
    return schedule.due_order(dues, now)


def due_counts(learner_id: int, now: datetime) -> dict[str, int]:
    """How many facts of each bank are due for the learner's review (banks with none left out)."""
    banks = current_catalog().banks
    rows = db.session.execute(
        select(Card.bank, Card.fact_id).where(Card.learner_id == learner_id, Card.due <= now)
    )
    return dict(Counter(
        bank_id for bank_id, fact_id in rows
        if bank_id in banks and fact_id in banks[bank_id].facts_by_id
    ))
