"""The grid of an assigned quiz: one row a student, one column a question, each cell how they did.

A student's row is their FIRST submitted attempt at the quiz (as item analysis counts it): what
they knew before any retake. Columns are the questions in the order first served; with a fixed seed
that is the quiz's order, otherwise a question some students were not asked is blank for them
("not asked").
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ..extensions import db
from ..models import Assignment, Attempt, AttemptItem, Learner
from ..quiz.rules import percent
from .classes import Viewer
from .results import sees

RIGHT, PARTLY, WRONG, BLANK, NOT_ASKED = "right", "partly", "wrong", "blank", "not asked"


def mark(answer: object, points: float | None) -> str:
    """How one answer did: RIGHT (full points), PARTLY, WRONG (none), BLANK (no answer)."""
    if answer is None or answer == [] or answer == "":
        return BLANK
    if points is not None and points >= 1:
        return RIGHT
    return PARTLY if points else WRONG


@dataclass(frozen=True)
class GridRow:
    """One student's first submitted attempt, a mark a column."""

    learner_id: int
    name: str
    attempt_id: str
    percent: float | None
    marks: list[str]


@dataclass(frozen=True)
class Grid:
    """Students by questions: columns (question id, prompt), rows, and how many were right."""

    columns: list[tuple[str, str]]
    rows: list[GridRow]
    right: list[int]  # per column: students who got it right


def answer_grid(viewer: Viewer, assignment: Assignment) -> Grid:
    """The grid of the quiz's submitted attempts the viewer sees, by student name."""
    first = (
        select(Attempt.id, Attempt.learner_id, Learner.display_name, Attempt.score,
               Attempt.max_score,
               func.row_number().over(partition_by=Attempt.learner_id,
                                      order_by=(Attempt.started, Attempt.id)).label("rn"))
        .join(Learner, Learner.id == Attempt.learner_id)
        .where(Attempt.assignment_id == assignment.id, Attempt.submitted.is_not(None),
               sees(viewer))
        .subquery()
    )
    attempts = db.session.execute(
        select(first.c.id, first.c.learner_id, first.c.display_name, first.c.score,
               first.c.max_score)
        .where(first.c.rn == 1).order_by(func.lower(first.c.display_name), first.c.learner_id)
    ).all()
    items = db.session.execute(
        select(AttemptItem.attempt_id, AttemptItem.position, AttemptItem.question_id,
               AttemptItem.snapshot, AttemptItem.answer, AttemptItem.points)
        .where(AttemptItem.attempt_id.in_([a.id for a in attempts]))
        .order_by(AttemptItem.position, AttemptItem.attempt_id)
    ).all() if attempts else []
    columns: dict[str, str] = {}
    marks: dict[tuple[str, str], str] = {}
    for attempt_id, _position, question_id, snapshot, answer, points in items:
        columns.setdefault(question_id, snapshot.prompt)
        marks[attempt_id, question_id] = mark(answer, points)
    rows = [
        GridRow(learner_id, name, attempt_id, percent(score, top),
                [marks.get((attempt_id, q), NOT_ASKED) for q in columns])
        for attempt_id, learner_id, name, score, top in attempts
    ]
    right = [sum(1 for r in rows if r.marks[i] == RIGHT) for i in range(len(columns))]
    return Grid(list(columns.items()), rows, right)
