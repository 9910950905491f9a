"""The review of a submitted attempt: what the learner answered, what was right, and why.

Read from each item's snapshot only, like grading, so a question file edited since changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Attempt, AttemptItem
from ..quiz.grade import positions_correct


@dataclass(frozen=True)
class Pick:
    """One option the learner gave, and whether it was right (for ordering: in its right place)."""

    text: str
    right: bool


@dataclass(frozen=True)
class ItemReview:
    """One question of a submitted attempt, as the review page shows it."""

    number: int
    type: str
    prompt: str
    given: tuple[Pick, ...]  # in the learner's order; empty when unanswered
    key: tuple[str, ...]  # the right option, the right set, or the right order
    points: float
    explanation: str
    remarks: tuple[str, ...]  # the question's feedback on the options the learner picked
    facts: tuple[dict, ...]  # {"id", "label", "text"}: the facts of the text the question tests

    @property
    def answered(self) -> bool:
        """Whether the learner gave any answer."""
        return bool(self.given)

    @property
    def correct(self) -> bool:
        """Full marks."""
        return self.points == 1.0


def review_item(item: AttemptItem, number: int) -> ItemReview:
    """Review one item from its snapshot and the answer stored with it."""
    snap = item.snapshot
    text = {o["id"]: o["text"] for o in snap["options"]}
    answer = item.answer
    given = [] if answer is None else [answer] if isinstance(answer, str) else list(answer)
    if snap["type"] == "ordering":
        right = positions_correct(snap["key"], given)
    else:
        right = [option in snap["key"] for option in given]
    feedback = snap.get("feedback") or {}
    return ItemReview(
        number=number,
        type=snap["type"],
        prompt=snap["prompt"],
        given=tuple(Pick(text[o], ok) for o, ok in zip(given, right, strict=True)),
        key=tuple(text[o] for o in snap["key"]),
        points=item.points or 0.0,
        explanation=snap.get("explanation") or "",
        remarks=tuple(feedback[o] for o in given if o in feedback),
        facts=tuple(
            {"id": f["id"], "label": f.get("label") or f.get("year") or "", "text": f["text"]}
            for f in snap.get("facts", ())
        ),
    )


def review(attempt: Attempt) -> list[ItemReview]:
    """Every item of an attempt, reviewed, in the order it was served."""
    return [review_item(item, number) for number, item in enumerate(attempt.items, start=1)]
