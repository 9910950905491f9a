"""Spaced review of facts with FSRS: a rating from an answer, the next review, mastery, what is due.

One card per learner and fact, kept as the plain dict `fsrs.Card.to_dict()` gives, so the caller
can store it as JSON. The clock is always passed in (`now`), never read here: tests move time by
handing in another `now`. Times are naive UTC, as the app stores them; fsrs gets them made aware.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from fsrs import Card, Rating, Scheduler, State
from fsrs.card import CardDict

# An answer this quick (seconds a question) counts as Easy: long enough to read a prompt and
# four short options, too short to have worked the answer out. Ordering asks to read and place
# 3 to 8 items, so it gets more time; an unknown type falls back to the choice threshold.
QUICK_SECONDS = {"choice": 10.0, "multiple": 15.0, "ordering": 20.0}

# Fuzzing spreads due dates with the global `random`: no seed could reproduce a schedule, and
# tests could not say when a card falls due. One learner's few cards do not need the spread.
SCHEDULER = Scheduler(enable_fuzzing=False)

NEVER_SEEN, SHAKY, KNOWN = "never seen", "shaky", "known"
KNOWLEDGE = (NEVER_SEEN, SHAKY, KNOWN)  # what the pages say of a fact, weakest first
NEW = "new"  # the state of a fact with no card: fsrs 6 has no New state of its own
STATE_NAMES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}


@dataclass(frozen=True)
class CardState:
    """A card after a review: the fsrs card as a dict, when it is next due, and its state."""

    card: CardDict
    due: datetime  # naive UTC
    state: str  # learning, review or relearning


def _aware(moment: datetime) -> datetime:
    """`moment` as an aware UTC time (fsrs refuses naive ones)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _card(stored: Mapping[str, Any]) -> Card:
    """The fsrs card a stored dict holds (the JSON `Card.to_dict()` gave, read back)."""
    return Card.from_dict(cast(CardDict, dict(stored)))


def _naive(moment: datetime) -> datetime:
    """`moment` as naive UTC, how the app stores times."""
    return moment.astimezone(UTC).replace(tzinfo=None)


def rate(points: float, seconds: float | None, qtype: str) -> Rating:
    """Full marks: Good, or Easy when quick; none: Again; partial credit: Hard.

    `seconds` is the time the answer took (None when unknown: never Easy then).
    """
    if points >= 1.0:
        quick = seconds is not None and seconds < QUICK_SECONDS.get(qtype, QUICK_SECONDS["choice"])
        return Rating.Easy if quick else Rating.Good
    return Rating.Hard if points > 0.0 else Rating.Again


def review(card: Mapping[str, Any] | None, rating: Rating, now: datetime) -> CardState:
    """The card after one review at `now` (None: the fact's first review)."""
    # card_id 0: fsrs would otherwise read the clock (and sleep 1 ms) to make one; rows have ids.
    current = Card(card_id=0, due=_aware(now)) if card is None else _card(card)
    reviewed, _log = SCHEDULER.review_card(current, rating, review_datetime=_aware(now))
    return CardState(reviewed.to_dict(), _naive(reviewed.due), STATE_NAMES[reviewed.state])


def mastery(card: Mapping[str, Any] | None, now: datetime) -> float:
    """FSRS's retrievability at `now`: the chance the learner recalls the fact; 0 when unseen."""
    if card is None:
        return 0.0
    return float(SCHEDULER.get_card_retrievability(_card(card), _aware(now)))


def knowledge(state: str | None, due: datetime | None, now: datetime) -> str:
    """What the pages say of a fact: never seen, shaky, or known. The one definition.

    Never seen: no card. Known: FSRS has graduated the card to its Review state (answered right
    twice in its learning steps, or once quickly) and it is not due yet. Shaky: everything else
    met: still being learnt, relearnt after a wrong answer (Again always leaves the card in
    Learning or Relearning, so a fact just answered wrong is never known), or due again.
    """
    if state is None or due is None or state == NEW:
        return NEVER_SEEN
    return KNOWN if state == "review" and due > now else SHAKY


def due_order(dues: Mapping[str, datetime], now: datetime) -> list[str]:
    """The keys whose due time has come, most overdue first (ties by key, for a stable order)."""
    return sorted((key for key, due in dues.items() if due <= now), key=lambda k: (dues[k], k))
