"""Learners' review cards: updated by every submitted attempt, and read for what is due.

The one place that joins the spaced-review domain (`quiz/schedule.py`) to the card rows. Times
come from the caller, who reads them from the app's clock.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from fsrs import Rating
from sqlalchemy import select

from .bank.model import Bank
from .catalog import current_catalog
from .extensions import db
from .models import Attempt, AttemptItem, Card, ReviewLog
from .quiz import schedule


def seconds_per_item(attempt: Attempt, now: datetime) -> float | None:
    """How long each question took, on average: exact for a one-question practice attempt."""
    elapsed = (now - attempt.started).total_seconds()
    return elapsed / len(attempt.items) if attempt.items and elapsed >= 0 else None


def fact_ratings(attempt: Attempt, now: datetime) -> dict[str, tuple[Rating, AttemptItem]]:
    """Each fact the attempt's questions test, with its worst rating and the answer that gave it."""
    seconds = seconds_per_item(attempt, now)
    rated: dict[str, tuple[Rating, AttemptItem]] = {}
    for item in attempt.items:
        rating = schedule.rate(item.points or 0.0, seconds, item.snapshot["type"])
        for fact in item.snapshot.get("facts", ()):
            if fact["id"] not in rated or rating < rated[fact["id"]][0]:
                rated[fact["id"]] = (rating, item)
    return rated


def record_reviews(attempt: Attempt, now: datetime) -> None:
    """Review the learner's card of every fact the attempt tested, once a fact, at `now`.

    Runs inside the submission's write transaction: a submission that fails leaves no review.
    """
    rated = fact_ratings(attempt, now)
    if not rated:
        return
    cards = cards_of(attempt.learner_id, attempt.bank, list(rated))
    for fact_id, (rating, item) in rated.items():
        card = cards.get(fact_id)
        if card is None:
            card = Card(learner_id=attempt.learner_id, bank=attempt.bank, fact_id=fact_id)
            db.session.add(card)
        after = schedule.review(card.fsrs, rating, now)
        card.fsrs, card.due, card.state = after.card, after.due, after.state
        # Added through the session, not card.reviews: appending would load the card's whole log.
        db.session.add(ReviewLog(card=card, rating=int(rating), reviewed=now,
                                 attempt_item_id=item.id))
    db.session.flush()


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
