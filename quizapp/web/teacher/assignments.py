"""Assigned quizzes: set one and get its code, list them, and see the results of one."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from ... import clock
from ...services.assignments import (
    AssignmentError,
    assignment_overview,
    create_assignment,
    find_assignment,
    state,
)
from ...services.catalog import current_catalog
from ...services.results import ResultFilter, class_results
from ...services.rules import from_utc
from .blueprint import bp
from .forms import AssignmentForm


@bp.route("/assignments", methods=["GET", "POST"])
def assignments():
    """The assigned quizzes, newest first, and a form to set a new one."""
    loaded = sorted((bank.id, bank.title) for bank in current_catalog().banks.values())
    form = AssignmentForm(loaded, opens=from_utc(clock.now().replace(second=0, microsecond=0)))
    if form.validate_on_submit():
        try:
            assignment = create_assignment(current_user, form.settings())
        except AssignmentError as e:
            form.form_errors.append(str(e))
        else:
            flash(f"Set. Give your students the code {assignment.code}.")
            return redirect(url_for("teacher.assignment", code=assignment.code), 303)
    now = clock.now()
    rows = [(*row, state(row[0], now)) for row in assignment_overview()]
    return render_template("teacher/assignments.html", form=form, rows=rows,
                           now=now), 400 if form.errors or form.form_errors else 200


@bp.get("/assignments/<code>")
def assignment(code: str):
    """One assigned quiz: its settings, its code, and every student's results on it."""
    found = find_assignment(code)
    rows = class_results(ResultFilter(assignment_id=found.id))
    return render_template("teacher/assignment.html", assignment=found, rows=rows, now=clock.now())
