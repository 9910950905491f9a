"""The teacher's blueprint: the check, headers and error pages every page under /teacher shares.

Every route is for teachers: a visitor not signed in is sent to sign in, anyone else gets 403.
The check is made once for the whole blueprint, so a new route cannot forget it.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.wrappers import Response

from ...services.classes import Viewer
from ...services.errors import ServiceError
from ..errors import render_error, status_of

bp = Blueprint("teacher", __name__, url_prefix="/teacher")


@bp.before_request
def teachers_only() -> Response | None:
    """Sign in first; then the teacher role, or 403."""
    if not current_user.is_authenticated:
        flash(_("Sign in with a teacher's account to see the teacher's pages."))
        here = request.full_path if request.query_string else request.path
        return redirect(url_for("auth.login", next=here))
    if not current_user.is_teacher:
        abort(403, _l("These pages are for teachers. Ask a teacher if you need to see them."))
    return None


def viewer() -> Viewer:
    """The signed-in teacher as the services scope what they see (an admin sees all)."""
    return Viewer.of(current_user)


@bp.after_request
def no_store(response: Response) -> Response:
    """Learners' scores and the keys: no cache along the way may keep them."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(ServiceError)
def attempt_error(e: ServiceError):
    """A refusal of the attempts or assignments service (an unknown code, say), as a page."""
    return render_error(status_of(e), e.message)

