"""How the API shows attempts as JSON: the service returns rows, this edge shapes them."""

from __future__ import annotations

from typing import Any

from ..models import Attempt, AttemptItem
from ..services.progress import Progress
from ..services.rules import iso

RESULT_KEYS = ("score", "max_score", "percent")  # shown once an attempt is submitted


def attempt_summary(attempt: Attempt) -> dict[str, Any]:
    """The short form of an attempt, as listed."""
    return {
        "id": attempt.id, "bank": attempt.bank, "mode": attempt.mode, "status": attempt.status,
        "started": iso(attempt.started), "submitted": iso(attempt.submitted),
        "score": attempt.score, "max_score": attempt.max_score, "percent": attempt.percent,
    }


def item_json(item: AttemptItem, submitted: bool) -> dict[str, Any]:
    """One item as the client sees it: no key, no question or fact id until submitted."""
    snap = item.snapshot
    shown: dict[str, Any] = {
        "id": item.public_id, "type": snap["type"], "prompt": snap["prompt"],
        "options": [{"id": o["id"], "text": o["text"]} for o in snap["options"]]}
    if submitted:
        shown |= {
            "points": item.points, "correct": item.points == 1.0, "answer": item.answer,
            "key": snap["key"], "question_id": snap["question_id"],
            "explanation": snap["explanation"],
            "facts": [{"id": f["id"], "year": f["year"], "text": f["text"]} for f in snap["facts"]],
        }
    return shown


def attempt_json(attempt: Attempt) -> dict[str, Any]:
    """The attempt as the API gives it: with results once submitted."""
    done = attempt.submitted is not None
    shown = {k: v for k, v in attempt_summary(attempt).items() if done or k not in RESULT_KEYS}
    shown["items"] = [item_json(item, done) for item in attempt.items]
    return shown


def progress_json(numbers: Progress) -> dict[str, Any]:
    """The learner's progress: quizzes oldest first, each fact's state, mastery and due time."""
    return {
        "attempts": [{"id": a.id, "bank": a.bank, "mode": a.mode, "started": iso(a.started),
                      "percent": a.percent} for a in numbers.attempts],
        "facts": [{"bank": f.bank, "id": f.id, "year": f.year, "text": f.text, "state": f.state,
                   "mastery": f.mastery, "due": iso(f.due)} for f in numbers.facts],
        "due": numbers.due,
    }
