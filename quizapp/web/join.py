"""Students join an assigned quiz by its code: see what it is, then start it."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from .. import clock
from ..services.assignments import (
    find_assignment,
    limit_problem,
    normal_code,
    own_attempts,
    start_assigned,
    window_problem,
)
from ..services.errors import NotFound, ServiceError
from .errors import render_error, status_of

bp = Blueprint("join", __name__)


@bp.errorhandler(ServiceError)
def refused(e: ServiceError):
    """An unknown code, a closed quiz, no attempts left: a page saying which, and the way back."""
    link = None
    if request.view_args and "code" in request.view_args and not isinstance(e, NotFound):
        link = (url_for("join.assignment", code=request.view_args["code"]), "Back to the quiz")
    return render_error(status_of(e), e.message, link=link)


@bp.get("/join")
def enter():
    """The code typed on the home page: on to its quiz, or the form again."""
    code = normal_code(request.args.get("code"))
    if not code:
        return render_template("join/enter.html", error="Type the code your teacher gave you."), 400
    return redirect(url_for("join.assignment", code=code), 303)


@bp.get("/join/<code>")
@login_required
def assignment(code: str):
    """The assigned quiz: what it holds, when it is open, the attempts left, and a start button."""
    found = find_assignment(code)
    if code != found.code:
        return redirect(url_for("join.assignment", code=found.code), 301)
    mine = own_attempts(current_user, found)
    problem = window_problem(found, clock.now()) or limit_problem(found, len(mine))
    return render_template("join/assignment.html", assignment=found, attempts=mine,
                           problem=problem)


@bp.post("/join/<code>")
@login_required
def start(code: str):
    """Start the assigned quiz and go to its page (if it is open and attempts are left)."""
    found = find_assignment(code)
    attempt = start_assigned(current_user, found)
    return redirect(url_for("quiz.attempt", attempt_id=attempt.id), 303)
