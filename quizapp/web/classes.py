"""Students join a class by its code (an account is needed: a guest is asked to register first)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..services.classes import class_by_code, classes_joined, join_class
from ..services.codes import normal_code
from ..services.errors import ServiceError
from .errors import status_of

bp = Blueprint("classes", __name__, url_prefix="/classes")


def _page(code: str = "", classroom=None, error: str | None = None, status: int = 200):
    return render_template("join/classes.html", code=code, classroom=classroom, error=error,
                           joined=classes_joined(current_user)), status


@bp.get("/")
@login_required
def mine():
    """The classes the learner is in, and the form to join one."""
    return _page()


@bp.get("/join")
@login_required
def join():
    """A class code typed or followed: which class it is, and a button to join it."""
    code = normal_code(request.args.get("code"))
    if not code:
        return _page()
    try:
        found = class_by_code(code)
    except ServiceError as e:
        return _page(code, error=e.message, status=status_of(e))
    return _page(code, classroom=found)


@bp.post("/join")
@login_required
def enrol():
    """Join the class with the code of the form."""
    code = normal_code(request.form.get("code"))
    if not code:
        return _page(error=_("Type the class code your teacher gave you."), status=400)
    try:
        classroom, new = join_class(current_user, code)
    except ServiceError as e:
        return _page(code, error=e.message, status=status_of(e))
    flash(_("You are in the class %(name)s now.", name=classroom.name) if new
          else _("You are in the class %(name)s already.", name=classroom.name))
    return redirect(url_for("classes.mine"), 303)
