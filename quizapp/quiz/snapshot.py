"""What an attempt keeps of each question it served, and how answers to it are checked and graded.

A snapshot is plain JSON: the prompt, the options under opaque ids in the order shown, the key as
those ids, and what the review shows (explanation, facts). Grading and review read only the
snapshot, so editing a question file later changes neither.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..bank.model import Bank
from .build import QuizItem
from .grade import grade


class AnswerError(ValueError):
    """An answer that does not fit its question: unknown options, wrong shape, not a permutation."""


def make_snapshot(item: QuizItem, bank: Bank, new_id: Callable[[], str]) -> dict:
    """The snapshot of one served question; `new_id` makes each option's opaque id."""
    q = item.question
    ids = [new_id() for _ in q.options]
    facts = [bank.facts_by_id[f] for f in q.facts if f in bank.facts_by_id]
    return {
        "question_id": q.id,
        "type": q.type,
        "prompt": q.prompt,
        "options": [{"id": ids[i], "text": q.options[i]} for i in item.order],
        "key": [ids[q.options.index(k)] for k in q.key],
        "grading": q.grading,
        "explanation": q.explanation,
        "feedback": {ids[i]: text for i, text in enumerate(q.feedback) if text},
        "facts": [{"id": f.id, "year": f.year, "label": f.label, "text": f.text} for f in facts],
        "difficulty": q.difficulty,
        "generated": q.generated,
    }


def check_answer(snapshot: dict, value: Any) -> Any:
    """The answer in canonical form (None: unanswered), or AnswerError saying what is wrong."""
    if value is None:
        return None
    known = [o["id"] for o in snapshot["options"]]
    qtype = snapshot["type"]
    if qtype == "choice":
        if not isinstance(value, str) or value not in known:
            raise AnswerError("the answer to a single-choice question is one of its option ids")
        return value
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise AnswerError(f"the answer to a {qtype} question is a list of its option ids")
    if len(set(value)) != len(value) or not set(value) <= set(known):
        raise AnswerError("the answer names an option twice, or one the question does not have")
    if qtype == "ordering" and len(value) != len(known):
        raise AnswerError("an ordering answer lists every one of the question's options, once each")
    return value


def check_answers(snapshots: dict[str, dict], answers: Any) -> dict[str, Any]:
    """Every answer checked against its item's snapshot, keyed by item id; AnswerError if not."""
    if not isinstance(answers, dict):
        raise AnswerError("answers is an object mapping item ids to option ids")
    unknown = sorted(set(answers) - set(snapshots))
    if unknown:
        raise AnswerError(f"no such item in this attempt: {', '.join(map(str, unknown[:5]))}")
    checked = {}
    for item_id, value in answers.items():
        try:
            checked[item_id] = check_answer(snapshots[item_id], value)
        except AnswerError as e:
            raise AnswerError(f"item {item_id}: {e}") from None
    return checked


def grade_snapshot(snapshot: dict, answer: Any) -> float:
    """Points for a checked answer to the question the snapshot holds."""
    return grade(snapshot["type"], snapshot["key"], answer, snapshot.get("grading", "pairs"))
