"""How the API shows attempts as JSON: the service returns rows, this edge shapes them."""

from __future__ import annotations

from typing import Any

from ..models import Attempt, AttemptItem
from ..services.progress import Progress
from ..services.review import ReviewLevel
from ..services.rules import iso
from ..services.today import Goal, Today

RESULT_KEYS = ("score", "max_score", "percent")  # shown once an attempt is submitted
MARK_KEYS = ("points", "correct")  # which questions were right: from the "marks" level


def attempt_summary(attempt: Attempt) -> dict[str, Any]:
    """The short form of an attempt, as listed."""
    return {
        "id": attempt.id, "bank": attempt.bank, "mode": attempt.mode, "status": attempt.status,
        "started": iso(attempt.started), "submitted": iso(attempt.submitted),
        "score": attempt.score, "max_score": attempt.max_score, "percent": attempt.percent,
        "deadline": iso(attempt.deadline),
    }


def item_json(item: AttemptItem, level: ReviewLevel | None) -> dict[str, Any]:
    """One item as the client sees it: while the attempt is open (`level` None) or its review
    shows the score only, its prompt and options; with marks, its points; with everything, the
    answer, the key, the explanation and the facts. Never more than the review page shows."""
    snap = item.snapshot
    shown: dict[str, Any] = {
        "id": item.public_id, "type": snap.type, "prompt": snap.prompt,
        "options": [{"id": o.id, "text": o.text} for o in snap.options]}
    if level is not None and level.marks:
        shown |= {"points": item.points, "correct": item.points == 1.0}
    if level is not None and level.everything:
        shown |= {
            "answer": item.answer, "key": list(snap.key), "question_id": snap.question_id,
            "explanation": snap.explanation,
            "facts": [{"id": f.id, "year": f.year, "text": f.text} for f in snap.facts],
        }
    return shown


def attempt_json(attempt: Attempt, level: ReviewLevel | None = None, *,
                 title: str | None = None) -> dict[str, Any]:
    """The attempt as the API gives it: while open, its items and the answers saved so far
    (`draft`); once submitted, its score and as much of its review as `level` shows."""
    done = attempt.submitted is not None
    shown = {k: v for k, v in attempt_summary(attempt).items() if done or k not in RESULT_KEYS}
    shown["title"] = title
    shown["items"] = [item_json(item, level if done else None) for item in attempt.items]
    if done:
        shown["review"] = level.shows if level is not None else "score"
    else:
        shown["draft"] = {item.public_id: item.answer for item in attempt.items
                          if item.answer is not None}
    return shown


def progress_json(numbers: Progress) -> dict[str, Any]:
    """The learner's progress: quizzes oldest first, each fact's state, mastery and due time."""
    return {
        "attempts": [{"id": a.id, "bank": a.bank, "mode": a.mode, "started": iso(a.started),
                      "percent": a.percent} for a in numbers.attempts],
        "facts": [{"bank": f.bank, "id": f.id, "year": f.year, "text": f.text, "state": f.state,
                   "mastery": f.mastery, "due": iso(f.due), "knowledge": f.knowledge}
                  for f in numbers.facts],
        "due": numbers.due,
        "counts": numbers.counts(),
        "streak": numbers.goal.streak,
        "goal": goal_json(numbers.goal),
    }


def goal_json(goal: Goal) -> dict[str, Any]:
    """The daily goal: facts a day, facts reviewed today, whether that is enough."""
    return {"facts": goal.goal, "done": goal.done, "reached": goal.reached}


def today_json(steps: Today) -> dict[str, Any]:
    """What to do next: the open quizzes (newest first), the facts due by bank, the streak and
    goal, and the class quizzes open now (with the code that starts them)."""
    return {
        "open": [{"id": q.id, "title": q.title, "started": iso(q.started),
                  "deadline": iso(q.deadline)} for q in steps.open],
        "due": steps.due,
        "streak": steps.goal.streak,
        "goal": goal_json(steps.goal),
        "class_quizzes": [{"code": c.code, "title": c.title, "closes": iso(c.closes)}
                          for c in steps.class_quizzes],
    }
