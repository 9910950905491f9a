"""Item analysis pages: which questions of a bank, or of an assigned quiz, work and which do not."""

from __future__ import annotations

from flask import abort, render_template

from ...models import Assignment
from ...quiz.analysis import analyse
from ...services.assignments import find_assignment
from ...services.catalog import current_catalog
from ...services.results import first_attempt_rows, served_questions
from . import bp


def _analysis_page(bank_id: str, assignment: Assignment | None = None):
    analysis = analyse(first_attempt_rows(bank_id, assignment.id if assignment else None))
    if analysis.attempts == 0 and current_catalog().get(bank_id) is None and assignment is None:
        abort(404, f"There is no question bank {bank_id!r}, and no attempt on one.")
    served = served_questions(bank_id, [s.question_id for s in analysis.items])
    rows = sorted(analysis.items, key=lambda s: (not s.flags, s.question_id))  # the problems first
    flagged = sum(1 for s in analysis.items if s.flags)
    return render_template("teacher/analysis.html", bank_id=bank_id, assignment=assignment,
                           analysis=analysis, rows=rows, served=served, flagged=flagged)


@bp.get("/banks/<bank_id>/analysis")
def bank_analysis(bank_id: str):
    """Item analysis of a bank, from each learner's first submitted attempt on it."""
    return _analysis_page(bank_id)


@bp.get("/assignments/<code>/analysis")
def assignment_analysis(code: str):
    """Item analysis of an assigned quiz, from each learner's first submitted attempt at it."""
    assignment = find_assignment(code)
    return _analysis_page(assignment.bank, assignment)
