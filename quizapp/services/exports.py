"""CSV exports of the class's results: one row an attempt, or one row an attempt's question.

UTF-8 with a byte order mark, so Excel reads accents and other scripts right; every text cell that a
spreadsheet would take for a formula is neutralised. Rows are streamed as the database yields them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Select, select

from ..extensions import db
from ..models import Assignment, Attempt, AttemptItem, Learner
from ..quiz.rules import iso, percent
from ..quiz.snapshot import Snapshot
from .results import ResultFilter, settle

BOM = "\ufeff"
# What starts a formula in Excel, LibreOffice or Google Sheets (OWASP's list: = + - @, tab and
# carriage return), and the full-width forms some spreadsheets read as the same characters.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
BATCH = 1000

ATTEMPT_COLUMNS = (
    "attempt_id", "learner", "username", "bank", "mode", "assigned_quiz", "started", "submitted",
    "score", "max_score", "percent",
)
ITEM_COLUMNS = (
    "learner", "username", "attempt_id", "bank", "assigned_quiz", "position", "question_id",
    "type", "prompt", "answer", "key", "points",
)
LIST_SEPARATOR = " | "  # between the options of a multiple answer or an order, in its order


def cell(value: Any) -> Any:
    """A value as it goes into the CSV: text a spreadsheet would run as a formula gets a `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


class _Echo:
    """A file-like object whose write gives back the line: csv.writer then returns each row."""

    def write(self, text: str) -> str:
        return text


def csv_lines(columns: Iterable[str], rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """The BOM and header, then one CSV line a row, every cell neutralised."""
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(columns)
    for row in rows:
        yield writer.writerow([cell(v) for v in row])


def _base(flt: ResultFilter, *columns: Any) -> Select:
    return (
        select(*columns)
        .select_from(Attempt)
        .join(Learner, Learner.id == Attempt.learner_id)
        .outerjoin(Assignment, Assignment.id == Attempt.assignment_id)
        .where(*flt.conditions())
        .execution_options(yield_per=BATCH)
    )


def attempt_rows(flt: ResultFilter) -> Iterator[tuple]:
    """One row an attempt, oldest first, in ATTEMPT_COLUMNS order."""
    query = _base(
        flt, Attempt.id, Learner.display_name, Learner.username, Attempt.bank, Attempt.mode,
        Assignment.code, Attempt.started, Attempt.submitted, Attempt.score, Attempt.max_score,
    ).order_by(Attempt.started, Attempt.id)
    for a_id, name, user, bank, mode, code, started, submitted, score, top in db.session.execute(
        query
    ):
        yield (a_id, name, user, bank, mode, code, iso(started), iso(submitted), score, top,
               percent(score, top))


def as_text(snapshot: Snapshot, option_ids: Any) -> str:
    """An answer or key given as option ids, as the options' texts (in their order)."""
    if option_ids is None:
        return ""
    ids = [option_ids] if isinstance(option_ids, str) else option_ids
    text = snapshot.option_text
    return LIST_SEPARATOR.join(text.get(i, i) for i in ids)


def item_rows(flt: ResultFilter) -> Iterator[tuple]:
    """One row an attempt's question, in ITEM_COLUMNS order: answers and keys as text."""
    query = _base(
        flt, Learner.display_name, Learner.username, Attempt.id, Attempt.bank, Assignment.code,
        AttemptItem.position, AttemptItem.snapshot, AttemptItem.answer, AttemptItem.points,
    ).join(AttemptItem, AttemptItem.attempt_id == Attempt.id).order_by(
        Attempt.started, Attempt.id, AttemptItem.position)
    for name, user, a_id, bank, code, position, snap, answer, points in db.session.execute(query):
        yield (name, user, a_id, bank, code, position + 1, snap.question_id, snap.type,
               snap.prompt, as_text(snap, answer), as_text(snap, snap.key), points)


def attempts_csv(flt: ResultFilter) -> Iterator[str]:
    """The attempts CSV, line by line (the overdue attempts handed in first)."""
    settle(flt.assignment_id)
    return csv_lines(ATTEMPT_COLUMNS, attempt_rows(flt))


def items_csv(flt: ResultFilter) -> Iterator[str]:
    """The items CSV, line by line (the overdue attempts handed in first)."""
    settle(flt.assignment_id)
    return csv_lines(ITEM_COLUMNS, item_rows(flt))
