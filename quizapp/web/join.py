"""Students join an assigned quiz by its code: see what it is, then start it.

A quiz set for classes is for their members: anyone else who comes with its code is told which
class it is for (403), and shown nothing of the quiz. The code is the quiz's secret, so saying the
quiz exists tells its holder nothing new, and a student given the wrong class's code learns what to
do; an unknown code stays 404. A visitor or a guest is asked to sign in or register first.
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from .. import clock
from ..models import Assignment
from ..services.assignments import (
    NOT_FOR_GUESTS,
    entry_problem,
    find_assignment,
    limit_problem,
    normal_code,
    own_attempts,
    start_assigned,
    window_problem,
)
from ..services.classes import class_by_code
from ..services.errors import NotFound, RateLimited, ServiceError
from . import language
from .errors import refusal, render_error, status_of

bp = Blueprint("join", __name__)


@bp.errorhandler(ServiceError)
def refused(e: ServiceError):
    """An unknown code, a closed quiz, no attempts left: a page saying which, and the way back."""
    link = None
    if request.view_args and "code" in request.view_args and not isinstance(e, NotFound):
        link = (url_for("join.assignment", code=request.view_args["code"]), _("Back to the quiz"))
    if isinstance(e, RateLimited):
        return refusal(e, link=link)
    return render_error(status_of(e), e.message, link=link)


@bp.get("/join")
def enter():
    """The code typed on the home page: on to its quiz or its class, or the form again."""
    code = normal_code(request.args.get("code"))
    if not code:
        return render_template("join/enter.html",
                               error=_("Type the code your teacher gave you.")), 400
    try:
        find_assignment(code)
    except NotFound:
        try:
            class_by_code(code)
        except NotFound:
            pass  # the quiz's page says the code is unknown
        else:
            return redirect(url_for("classes.join", code=code), 303)
    return redirect(url_for("join.assignment", code=code), 303)


def not_for_you(found: Assignment) -> Response | tuple[str, int] | None:
    """A guest sent to sign in or register; someone not in the quiz's classes told so (403)."""
    if current_user.is_guest:
        flash(str(NOT_FOR_GUESTS))
        return redirect(url_for("auth.login", next=url_for("join.assignment", code=found.code)))
    problem = entry_problem(current_user, found)
    if problem:
        return render_error(403, problem, link=(url_for("classes.mine"), _("Join a class")))
    return None


@bp.get("/join/<code>")
@login_required
def assignment(code: str):
    """The assigned quiz: what it holds, when it is open, the attempts left, and a start button."""
    found = find_assignment(code)
    if code != found.code:
        return redirect(url_for("join.assignment", code=found.code), 301)
    refused = not_for_you(found)
    if refused is not None:
        return refused
    mine = own_attempts(current_user, found)
    problem = window_problem(found, clock.now()) or limit_problem(found, len(mine))
    return render_template("join/assignment.html", assignment=found, attempts=mine,
                           problem=problem)


@bp.post("/join/<code>")
@login_required
def start(code: str):
    """Start the assigned quiz and go to its page (if it is open and attempts are left)."""
    found = find_assignment(code)
    refused = not_for_you(found)
    if refused is not None:
        return refused
    attempt = start_assigned(current_user, found, language.current())
    return redirect(url_for("quiz.attempt", attempt_id=attempt.id), 303)
