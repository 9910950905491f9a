"""Error pages: a page a person can act on, never a stack trace; JSON under /api/."""

from __future__ import annotations

from flask import Blueprint, jsonify, make_response, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from ..database import discard
from ..services.errors import (
    AlreadySubmitted,
    Conflict,
    Invalid,
    NotAllowed,
    NotFound,
    RateLimited,
    ServiceError,
    TooManyOpen,
    Unbuildable,
)

bp = Blueprint("errors", __name__)

TITLES = {
    400: _l("That request did not work"),
    401: _l("Sign in first"),
    403: _l("Not allowed"),
    404: _l("Not found"),
    405: _l("Method not allowed"),
    409: _l("Already done"),
    413: _l("Too much at once"),
    429: _l("Too many at once"),
    422: _l("That cannot be done"),
    500: _l("Something went wrong on our side"),
}
OTHER_TITLE = _l("That did not work")  # a status TITLES does not name
# Said instead of Werkzeug's wording, which speaks of servers and URLs, and only in English: what
# happened and what to do, for every error Werkzeug raises (`http_message` for those not named).
MESSAGES = {
    400: _l("This page could not read what was sent: go back, reload the page and try again."),
    401: _l("Sign in to see this, then try again."),
    403: _l("Your account may not open this. If you think it should, ask your teacher."),
    404: _l("There is nothing here, or it is not yours."),
    405: _l("This address does not take that kind of request: go back and use the page’s own "
            "links and buttons."),
    409: _l("This changed, or was done already: reload the page to see it as it is now."),
    413: _l("What was sent is too large to read, so nothing was done: send less at once."),
    422: _l("That cannot be done: go back and try something else."),
    429: _l("Too many requests in a short time: wait a minute, then try again."),
    500: _l("The server could not finish this request. Go back and try again in a moment."),
}


# The one place a service's refusal becomes an HTTP status.
STATUSES: tuple[tuple[type[ServiceError], int], ...] = (
    (Invalid, 400),
    (NotAllowed, 403),
    (NotFound, 404),
    (AlreadySubmitted, 409),
    (Conflict, 409),
    (Unbuildable, 422),
    (TooManyOpen, 409),  # waiting does not help, finishing a quiz does: not a 429
    (RateLimited, 429),
)


def status_of(e: ServiceError) -> int:
    """The HTTP status of a service's refusal (400 for one this table does not name)."""
    return next((status for kind, status in STATUSES if isinstance(e, kind)), 400)


def render_error(
    status: int, message: str, title: str | None = None, link: tuple[str, str] | None = None
) -> tuple[str, int]:
    """The error page: a title, what happened, and a way on."""
    title = str(title or TITLES.get(status, TITLES[500] if status >= 500 else OTHER_TITLE))
    message = str(message)
    return render_template("error.html", title=title, message=message, link=link), status


def retry_headers(e: ServiceError) -> dict[str, str]:
    """Retry-After for a refusal that waiting ends (a rate limit), else no header."""
    return {"Retry-After": str(e.retry_after)} if isinstance(e, RateLimited) else {}


def refusal(e: ServiceError, link: tuple[str, str] | None = None) -> tuple[str, int, dict]:
    """A limit's refusal as a page: the unfinished quizzes to finish first (TooManyOpen), or
    when to try again (RateLimited, with Retry-After)."""
    if isinstance(e, TooManyOpen):
        return render_template("quiz/open_quizzes.html", message=e.message,
                               quizzes=e.open), status_of(e), {}
    page, status = render_error(status_of(e), e.message, link=link)
    return page, status, retry_headers(e)


def _wants_json() -> bool:
    return request.path == "/api" or request.path.startswith("/api/")


FORM_EXPIRED = _l("This form has expired or did not come from this site: go back, reload the "
                  "page and send it again.")


@bp.app_errorhandler(CSRFError)
def csrf_error(e: CSRFError) -> Response | tuple:
    """A form sent without a valid CSRF token: expired, or from another site."""
    if _wants_json():
        return jsonify(error=str(FORM_EXPIRED)), 400
    return render_error(400, str(FORM_EXPIRED), title=_("Form expired"))


def http_message(e: HTTPException) -> str:
    """What an HTTP error says, in the reader's language: the message it was raised with (a
    message to translate: `abort(403, _l(...))`), else ours for its status; never Werkzeug's
    English wording."""
    status = e.code or 500
    if status >= 500:  # never the details of a failure
        return str(MESSAGES[500])
    if e.description and e.description != type(e).description:
        return str(e.description)
    if status in MESSAGES:
        return str(MESSAGES[status])
    return _("This request could not be handled (error %(status)d): go back and try again, or "
             "start again from the home page.", status=status)


@bp.app_errorhandler(HTTPException)
def http_error(e: HTTPException) -> Response:
    """Every HTTP error as a page (JSON under /api/); a 5xx first rolls the session back."""
    status = e.code or 500
    if status >= 500:
        discard()  # whatever the failed request half-wrote must not be committed later
    if _wants_json():
        response = jsonify(error=http_message(e))
    else:
        response = make_response(render_error(status, http_message(e)))
    response.status_code = status
    for name, value in e.get_headers():  # e.g. Allow on a 405
        if name.lower() != "content-type":
            response.headers[name] = value
    return response
