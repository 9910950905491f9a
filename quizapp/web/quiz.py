"""Taking quizzes: the banks, a quiz page, its review, and the learner's history."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug.datastructures import MultiDict

from .. import clock
from ..services.attempts import (
    Snapshot,
    attempts_of,
    find_attempt,
    open_quiz,
    start_attempt,
    submit_attempt,
)
from ..services.cards import due_counts
from ..services.catalog import current_catalog
from ..services.errors import AlreadySubmitted, ServiceError
from ..services.exam_lock import locks_on
from ..services.review import review
from .errors import render_error, status_of
from .forms import StartQuizForm, read_answers
from .quiz_page import shown_items

bp = Blueprint("quiz", __name__)


@bp.errorhandler(ServiceError)
def attempt_error(e: ServiceError):
    """A refused request about an attempt, as a page; a second submission points to the review."""
    if isinstance(e, AlreadySubmitted):
        review_url = url_for("quiz.attempt", attempt_id=(request.view_args or {})["attempt_id"])
        return render_error(status_of(e), e.message, title="Already submitted",
                            link=(review_url, "See your score and the review"))
    return render_error(status_of(e), e.message)


def _home(form: StartQuizForm, status: int = 200):
    """The home page: each bank, paused (and not offered) where self-study on it is paused."""
    catalog, now = current_catalog(), clock.now()
    signed_in = current_user.is_authenticated
    locks = locks_on(current_user if signed_in else None, now)
    banks = [(bank, catalog.pool(bank.id), locks.get(bank.id)) for bank in catalog.banks.values()]
    form.bank.choices = [c for c in form.bank.choices if c.value not in locks]
    due = due_counts(current_user.id, now) if signed_in else {}
    return render_template("quiz/index.html", banks=banks, form=form, due=due,
                           problems=catalog.result.problems), status


@bp.get("/")
def index():
    """The banks, and a form to start a quiz on one."""
    return _home(StartQuizForm(current_catalog().banks.values()))


@bp.post("/")
@login_required
def start():
    """Start a quiz and go to its page."""
    form = StartQuizForm(current_catalog().banks.values())
    if not form.validate():
        return _home(form, 400)
    try:
        attempt = start_attempt(current_user, form.bank.data, form.mode.data, form.length.data)
    except ServiceError as e:
        form.form_errors.append(e.message)
        return _home(form, status_of(e))
    return redirect(url_for("quiz.attempt", attempt_id=attempt.id), 303)


def _quiz_page(attempt: Any, snapshots: list[tuple[str, Snapshot]], given: MultiDict,
               problems: dict[str, str], status: int = 200):
    """The quiz page; `snapshots` are the items' (public id, snapshot), in order. `attempt` is
    the model or open_quiz's row: the page reads its id and bank only."""
    items = shown_items(snapshots, given, problems)
    return render_template("quiz/take.html", attempt=attempt, items=items, problems=problems), \
        status


@bp.get("/attempts/<attempt_id>")
@login_required
def attempt(attempt_id: str):
    """The quiz while the attempt is open; its review once submitted."""
    quiz = open_quiz(current_user, attempt_id)
    if quiz is not None:
        return _quiz_page(*quiz, MultiDict(), {})
    attempt = find_attempt(current_user, attempt_id)
    return render_template("quiz/review.html", attempt=attempt, items=review(attempt))


@bp.post("/attempts/<attempt_id>")
@login_required
def submit(attempt_id: str):
    """Grade the answers on the page; a broken order gives the page back, answers kept."""
    attempt = find_attempt(current_user, attempt_id)
    answers, problems = read_answers(attempt.items, request.form)
    if problems and attempt.submitted is None:  # once submitted, submit_attempt answers 409
        snapshots = [(item.public_id, item.snapshot) for item in attempt.items]
        return _quiz_page(attempt, snapshots, request.form, problems, 400)
    submit_attempt(current_user, attempt_id, answers)
    return redirect(url_for("quiz.attempt", attempt_id=attempt_id), 303)


@bp.get("/history")
@login_required
def history():
    """The learner's attempts, newest first."""
    return render_template("quiz/history.html", attempts=attempts_of(current_user))
