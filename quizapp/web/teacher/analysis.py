"""Item analysis pages: which questions of a bank, or of an assigned quiz, work and which do not."""

from __future__ import annotations

from flask import render_template

from ...models import Assignment
from ...services.assignments import teachers_assignment
from ...services.item_analysis import MIN_ANSWERS, item_analysis
from .blueprint import bp, viewer


def _analysis_page(bank_id: str, assignment: Assignment | None = None) -> str:
    found = item_analysis(viewer(), bank_id, assignment)
    return render_template("teacher/analysis.html", bank_id=bank_id, assignment=assignment,
                           analysis=found.analysis, rows=found.rows, served=found.served,
                           flagged=found.flagged, min_answers=MIN_ANSWERS)


@bp.get("/banks/<bank_id>/analysis")
def bank_analysis(bank_id: str):
    """Item analysis of a bank, from each learner's first submitted attempt on it."""
    return _analysis_page(bank_id)


@bp.get("/assignments/<code>/analysis")
def assignment_analysis(code: str):
    """Item analysis of an assigned quiz, from each learner's first submitted attempt at it."""
    assignment = teachers_assignment(viewer(), code)
    return _analysis_page(assignment.bank, assignment)
