"""Assigned quizzes: set one for classes and get its code, list them, and see the results of one."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ... import clock
from ...services.assignments import (
    REVIEW_OPTIONS,
    AssignmentError,
    assignment_overview,
    create_assignment,
    state,
    teachers_assignment,
)
from ...services.catalog import current_catalog
from ...services.classes import class_choices
from ...services.grid import answer_grid
from ...services.results import ResultFilter, class_results
from ...services.rules import from_utc
from .blueprint import bp, viewer
from .forms import AssignmentForm


@bp.route("/assignments", methods=["GET", "POST"])
def assignments():
    """The assigned quizzes the teacher sees, newest first, and a form to set a new one."""
    loaded = sorted((bank.id, bank.title) for bank in current_catalog().banks.values())
    classes = class_choices(viewer())
    form = AssignmentForm(loaded, classes,
                          opens=from_utc(clock.now().replace(second=0, microsecond=0)))
    if form.validate_on_submit():
        try:
            assignment = create_assignment(current_user, form.settings())
        except AssignmentError as e:
            form.form_errors.append(str(e))
        else:
            flash(_("Set. Give your students the code %(code)s.", code=assignment.code))
            return redirect(url_for("teacher.assignment", code=assignment.code), 303)
    now = clock.now()
    rows = [(*row, state(row[0], now)) for row in assignment_overview(viewer())]
    return render_template("teacher/assignments.html", form=form, rows=rows, classes=classes,
                           now=now), 400 if form.errors or form.form_errors else 200


@bp.get("/assignments/<code>")
def assignment(code: str):
    """One assigned quiz: its settings, its code, every student's results on it, and the grid
    of students by questions."""
    found = teachers_assignment(viewer(), code)
    rows = class_results(ResultFilter(viewer=viewer(), assignment_id=found.id))
    return render_template("teacher/assignment.html", assignment=found, rows=rows,
                           grid=answer_grid(viewer(), found), review_options=REVIEW_OPTIONS,
                           now=clock.now())
