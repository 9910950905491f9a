"""What an attempt keeps of each question it served, and how answers to it are checked and graded.

A snapshot is a typed, versioned value: the prompt, the options under opaque ids in the order
shown, the key as those ids, and what the review shows (explanation, feedback, facts). It is
stored as JSON, and `Snapshot.from_json` is the one reader of that JSON, filling the defaults of
fields an older snapshot lacks. Grading and review read only the snapshot, so editing a question
file later changes neither.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..bank.model import DEFAULT_ORDERING_METHOD, Bank
from ..bank.said import _m
from .build import QuizItem
from .grade import grade

VERSION = 1  # the snapshot's shape; from_json reads every version stored since


class AnswerError(ValueError):
    """An answer that does not fit its question: unknown options, wrong shape, not a permutation."""


@dataclass(frozen=True, slots=True)
class ShownOption:
    """One option as served: its opaque id for this attempt, and its text."""

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class SnapshotFact:
    """A fact of the text the question tests, as the review cites it."""

    id: str
    year: int | None
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class SnapshotImage:
    """A picture the question shows: the digest Quipu serves it under, and its alt text."""

    digest: str
    alt: str


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One served question, as its attempt keeps it."""

    question_id: str
    type: str
    prompt: str
    options: tuple[ShownOption, ...]
    key: tuple[str, ...]  # option ids: the right one, the right set, or the right order
    grading: str = DEFAULT_ORDERING_METHOD
    explanation: str = ""
    feedback: Mapping[str, str] = field(default_factory=dict)  # by option id
    facts: tuple[SnapshotFact, ...] = ()
    difficulty: int | None = None
    generated: bool = False
    version: int = VERSION
    images: tuple[SnapshotImage, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Snapshot:
        """The snapshot stored as `data`, with the defaults of any field it lacks."""
        return cls(
            question_id=data.get("question_id") or "", type=data.get("type") or "",
            prompt=data.get("prompt") or "",
            options=tuple(ShownOption(o["id"], o["text"]) for o in data.get("options") or ()),
            key=tuple(data.get("key") or ()),
            grading=data.get("grading") or DEFAULT_ORDERING_METHOD,
            explanation=data.get("explanation") or "",
            feedback=dict(data.get("feedback") or {}),
            facts=tuple(
                SnapshotFact(f["id"], f.get("year"), f.get("label") or "", f["text"])
                for f in data.get("facts") or ()
            ),
            difficulty=data.get("difficulty"),
            generated=bool(data.get("generated", False)),
            version=data.get("version", VERSION),
            images=tuple(SnapshotImage(i["digest"], i.get("alt") or "")
                         for i in data.get("images") or ()),
        )

    def to_json(self) -> dict[str, Any]:
        """The snapshot as stored (`images` only when it shows any)."""
        pictures = {"images": [{"digest": i.digest, "alt": i.alt} for i in self.images]}
        return (pictures if self.images else {}) | {
            "version": self.version, "question_id": self.question_id, "type": self.type,
            "prompt": self.prompt,
            "options": [{"id": o.id, "text": o.text} for o in self.options],
            "key": list(self.key), "grading": self.grading, "explanation": self.explanation,
            "feedback": dict(self.feedback),
            "facts": [{"id": f.id, "year": f.year, "label": f.label, "text": f.text}
                      for f in self.facts],
            "difficulty": self.difficulty, "generated": self.generated,
        }

    @property
    def option_text(self) -> dict[str, str]:
        """Each option's text by its id."""
        return {o.id: o.text for o in self.options}


def make_snapshot(item: QuizItem, bank: Bank, new_id: Callable[[], str]) -> Snapshot:
    """The snapshot of one served question; `new_id` makes each option's opaque id."""
    q = item.question
    ids = [new_id() for _ in q.options]
    facts = [bank.facts_by_id[f] for f in q.facts if f in bank.facts_by_id]
    return Snapshot(
        question_id=q.id, type=q.type, prompt=q.prompt,
        options=tuple(ShownOption(ids[i], q.options[i]) for i in item.order),
        key=tuple(ids[q.options.index(k)] for k in q.key),
        grading=q.grading, explanation=q.explanation,
        feedback={ids[i]: text for i, text in enumerate(q.feedback) if text},
        facts=tuple(SnapshotFact(f.id, f.year, f.label, f.text) for f in facts),
        difficulty=q.difficulty, generated=q.generated,
        # Stored as text: a picture without its own alt text is described in the quiz's language.
        images=tuple(SnapshotImage(i.digest, i.alt or str(_m(
            "A picture for this question (%(name)s)", name=i.name))) for i in q.images),
    )


def check_answer(snapshot: Snapshot, value: Any) -> Any:
    """The answer in canonical form (None: unanswered), or AnswerError saying what is wrong."""
    if value is None:
        return None
    known = [o.id for o in snapshot.options]
    qtype = snapshot.type
    if qtype == "choice":
        if not isinstance(value, str) or value not in known:
            raise AnswerError(_m("the answer to a single-choice question is one of its option ids"))
        return value
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise AnswerError(_m("the answer to a %(type)s question is a list of its option ids",
                               type=qtype))
    if len(set(value)) != len(value) or not set(value) <= set(known):
        raise AnswerError(_m("the answer names an option twice, or one the question does not "
                               "have"))
    if qtype == "ordering" and len(value) != len(known):
        raise AnswerError(_m("an ordering answer lists every one of the question's options, "
                               "once each"))
    return value


def check_answers(snapshots: Mapping[str, Snapshot], answers: Any) -> dict[str, Any]:
    """Every answer checked against its item's snapshot, keyed by item id; AnswerError if not."""
    if not isinstance(answers, dict):
        raise AnswerError(_m("answers is an object mapping item ids to option ids"))
    unknown = sorted(set(answers) - set(snapshots))
    if unknown:
        raise AnswerError(_m("no such item in this attempt: %(items)s",
                               items=", ".join(map(str, unknown[:5]))))
    checked: dict[str, Any] = {}
    for item_id, value in answers.items():
        try:
            checked[item_id] = check_answer(snapshots[item_id], value)
        except AnswerError as e:
            raise AnswerError(_m("item %(item)s: %(why)s", item=item_id, why=e.args[0])
                              ) from None
    return checked


def grade_snapshot(snapshot: Snapshot, answer: Any) -> float:
    """Points for a checked answer to the question the snapshot holds."""
    return grade(snapshot.type, snapshot.key, answer, snapshot.grading)
