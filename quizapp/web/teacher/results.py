"""Class results: every learner's scores, one learner's attempts, one attempt, and CSV exports."""

from __future__ import annotations

from collections.abc import Iterator

from flask import Response, render_template, request, stream_with_context
from flask_babel import gettext as _

from ...models import Assignment
from ...services.assignments import teachers_assignment
from ...services.exports import attempts_csv, items_csv
from ...services.results import (
    BINS,
    ResultFilter,
    any_attempt,
    bank_choices,
    class_summary,
    find_learner,
    learner_attempts,
    practice_results,
    quiz_results,
)
from ...services.review import review
from ...services.throttle import refusals
from ..charts import histogram
from ..errors import render_error
from .blueprint import bp, viewer
from .forms import ResultFilterForm

FILTER_KEYS = ("bank", "since", "until", "assignment")


def filter_args() -> dict[str, str]:
    """The filters of the query string, to carry on in links (and nothing else it may hold)."""
    return {key: request.args[key] for key in FILTER_KEYS if request.args.get(key)}


def read_filters() -> tuple[ResultFilterForm, ResultFilter | None, Assignment | None]:
    """The filter form read from the query string, its filter (None if invalid), and the quiz."""
    code = request.args.get("assignment")
    assignment = teachers_assignment(viewer(), code) if code else None
    form = ResultFilterForm(bank_choices(), formdata=request.args)
    if not form.validate():
        return form, None, assignment
    return form, form.result_filter(viewer(), assignment.id if assignment else None), assignment


def _problem_text(form: ResultFilterForm) -> str:
    return " ".join(f"{form[name].label.text}: {' '.join(errors)}"
                    for name, errors in form.errors.items())


@bp.get("/results")
def results():
    """Every learner with quiz attempts (best and last percent), the class's average, median and
    spread of best percents, and practice answers apart; filtered by bank and days."""
    form, flt, assignment = read_filters()
    rows = quiz_results(flt) if flt is not None else []
    practice = practice_results(flt) if flt is not None else []
    summary = class_summary(rows)
    return render_template(
        "teacher/results.html", form=form, rows=rows, practice=practice, summary=summary,
        chart=histogram(BINS, summary.counts), bins=list(zip(BINS, summary.counts, strict=True)),
        assignment=assignment, args=filter_args()), 200 if flt is not None else 400


@bp.get("/learners/<int:learner_id>")
def learner(learner_id: int):
    """One learner's attempts, newest first, with the same filters."""
    person = find_learner(viewer(), learner_id)
    form, flt, assignment = read_filters()
    rows = learner_attempts(learner_id, flt) if flt is not None else []
    return render_template("teacher/learner.html", learner=person, form=form, rows=rows,
                           refused=refusals(person.username),
                           args=filter_args()), 200 if flt is not None else 400


@bp.get("/attempts/<attempt_id>")
def attempt(attempt_id: str):
    """One attempt of a learner the teacher sees, reviewed question by question with the
    learner's answers."""
    found = any_attempt(viewer(), attempt_id)
    items = review(found) if found.submitted is not None else []
    return render_template("teacher/attempt.html", attempt=found, items=items)


def csv_response(lines: Iterator[str], filename: str) -> Response:
    """A CSV download, streamed as it is read from the database."""
    response = Response(stream_with_context(lines), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["X-Content-Type-Options"] = "nosniff"  # never rendered as a page
    return response


def _export(make_lines, what: str):
    form, flt, assignment = read_filters()
    if flt is None:
        return render_error(400, _("Those filters do not work: %(problems)s",
                                  problems=_problem_text(form)))
    suffix = f"-{assignment.code}" if assignment else ""
    flt.conditions()  # everything checked before the stream starts: no 200 cut off half-way
    return csv_response(make_lines(flt), f"quipu-{what}{suffix}.csv")


@bp.get("/results/attempts.csv")
def export_attempts():
    """The attempts that pass the filters, one row each."""
    return _export(attempts_csv, "attempts")


@bp.get("/results/items.csv")
def export_items():
    """Every question of the attempts that pass the filters, one row each."""
    return _export(items_csv, "items")
