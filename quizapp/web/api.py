"""The JSON API under /api/v1: bearer tokens, banks, attempts, and progress.

Views parse the request, call one service and answer JSON. Every error is JSON as well,
`{"error": "..."}` with its status, even for an unknown /api path or a method a call does not take,
so a client never has to read an HTML error page.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Blueprint, Response, jsonify, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException, MethodNotAllowed, default_exceptions
from werkzeug.routing import RequestRedirect

from .. import clock
from ..models import Attempt, Learner
from ..services import accounts
from ..services.attempts import attempts_of, find_attempt, start_attempt, submit_attempt
from ..services.catalog import DEFAULT_LANG, Catalog, current_catalog
from ..services.drafts import save_draft
from ..services.errors import RateLimited, ServiceError, TooManyOpen
from ..services.exam_lock import Lock, locks_on
from ..services.names import storable
from ..services.progress import progress
from ..services.review import assigned_title, what_may_be_shown
from ..services.rules import DEFAULT_LENGTH, iso
from ..services.throttle import Throttled
from ..services.today import set_goal, today
from .api_json import attempt_json, attempt_summary, progress_json, today_json
from .errors import http_message, status_of
from .languages import asked_language, bank_title, served_language

bp = Blueprint("api", __name__, url_prefix="/api/v1")

CHALLENGE = 'Bearer realm="quipu"'
MESSAGES = {
    404: _l("There is nothing at this address: the README's API section lists the calls."),
    500: _l("Something went wrong on the server and nothing was saved: try again."),
}


class ApiError(Exception):
    """A request the API refuses: its HTTP status and a sentence saying what to do instead."""

    def __init__(
        self, status: int, message: str, challenge: str = CHALLENGE, retry_after: int | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.challenge = status, message, challenge
        self.retry_after = retry_after


def error_response(status: int, message: str, challenge: str = CHALLENGE) -> Response:
    """`{"error": message}` with its status; a 401 also says how to authenticate."""
    response = jsonify(error=message)
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = challenge
    return response


def json_body(example: str) -> dict[str, Any]:
    """The request's body as a JSON object, whatever its Content-Type says; 400 otherwise."""
    body = request.get_json(force=True, silent=True)
    if not isinstance(body, dict):
        raise ApiError(400, _("Send a JSON object as the body, like %(example)s.",
                              example=example))
    return body


def bearer_learner() -> Learner:
    """The learner whose token the request carries; 401 without a valid one."""
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(
            401, _("Send 'Authorization: Bearer <token>'; POST /api/v1/tokens gives you a "
                   "token.")
        )
    learner = accounts.learner_for_token(token.strip())
    if learner is None:
        raise ApiError(
            401, _("That token is not valid: it may have expired (tokens last %(days)d days), "
                   "been revoked, or ended with a password change. Get a new one from POST "
                   "/api/v1/tokens.", days=accounts.token_days()),
            challenge=f'{CHALLENGE}, error="invalid_token"',
        )
    return learner


def bank_json(catalog: Catalog, bank_id: str, lock: Lock | None = None,
              lang: str = DEFAULT_LANG) -> dict[str, Any]:
    """One bank as listed: its title in `lang` where it has a translation into it, how many
    questions quizzes draw from, how many facts it holds, and whether the learner may start a
    quiz on it now (`self_study`; if not, why in `paused`)."""
    bank = catalog.bank_for(bank_id, lang) or catalog.banks[bank_id]
    questions = len(catalog.pool(bank_id).questions)
    paused = None if lock is None else {
        "message": lock.message, "until": iso(lock.until), "exam_only": lock.exam_only}
    return {"id": bank.id, "title": bank.title, "questions": questions, "facts": len(bank.facts),
            "self_study": lock is None, "paused": paused}


@bp.post("/tokens")
def create_token():
    """Trade a username and password for a bearer token."""
    body = json_body('{"username": "ana", "password": "..."}')
    username, password = body.get("username"), body.get("password")
    if not isinstance(username, str) or not isinstance(password, str):
        raise ApiError(400, _('Send "username" and "password", both as strings.'))
    if not storable(username) or not storable(password):  # JSON's "\ud800" is no text
        raise ApiError(400, _('A "username" or "password" holds a lone surrogate (like '
                              '"\\ud800"), which is not text: send them as typed.'))
    try:
        learner = accounts.authenticate(username, password, request.remote_addr or "")
    except Throttled as e:
        raise ApiError(429, str(e), retry_after=e.retry_after) from None
    if learner is None:
        raise ApiError(401, _("That username and password do not match an account: check "
                              "both."))
    token = accounts.issue_token(learner)
    expires = clock.now() + timedelta(days=accounts.token_days())
    return jsonify(token=token, expires=iso(expires)), 201


@bp.delete("/tokens/current")
def revoke_token():
    """Revoke the token the request carries (signing out of the API): 204, and it no longer
    works. A new password revokes every token of the account."""
    bearer_learner()
    accounts.revoke_token(request.headers["Authorization"].partition(" ")[2].strip())
    return Response(status=204)


@bp.get("/banks")
def list_banks():
    """The question banks, each saying whether a quiz can be started on it now: a bank paused for
    an assigned quiz, or for assigned quizzes only, is listed with `"self_study": false`."""
    lang = asked_language()
    locks = locks_on(bearer_learner(), clock.now(), lang)
    catalog = current_catalog()
    return jsonify([bank_json(catalog, bank_id, locks.get(bank_id), lang)
                    for bank_id in sorted(catalog.banks)])


@bp.post("/attempts")
def create_attempt():
    """Start a quiz: it is built and stored, then shown without its key; its questions in the
    language Accept-Language asks for, where the bank has a translation into it."""
    learner = bearer_learner()
    body = json_body('{"bank": "peru-us-relations", "mode": "mixed", "length": 10}')
    if not isinstance(body.get("bank"), str):
        raise ApiError(400, _('Name the bank in "bank": GET /api/v1/banks lists their ids.'))
    lang = asked_language()
    attempt = start_attempt(
        learner, body["bank"], body.get("mode"), body.get("length", DEFAULT_LENGTH),
        body.get("seed"), lang,
    )
    response = jsonify(shown(attempt))
    response.status_code = 201
    response.headers["Content-Language"] = served_language(attempt.bank, lang)
    response.headers["Location"] = url_for("api.get_attempt", attempt_id=attempt.id)
    return response


@bp.get("/attempts")
def list_attempts():
    """The learner's attempts, newest started first, with their scores."""
    return jsonify([attempt_summary(a) for a in attempts_of(bearer_learner())])


def shown(attempt: Attempt) -> dict[str, Any]:
    """An attempt as JSON, with no more of its review than the review page shows now."""
    level = what_may_be_shown(attempt, clock.now()) if attempt.submitted is not None else None
    return attempt_json(attempt, level, title=assigned_title(attempt))


@bp.get("/attempts/<attempt_id>")
def get_attempt(attempt_id: str):
    """One of the learner's attempts: while open, with the answers saved so far (`draft`); with
    results once submitted (an overdue one is handed in first)."""
    return jsonify(shown(find_attempt(bearer_learner(), attempt_id)))


@bp.put("/attempts/<attempt_id>/draft")
def put_draft(attempt_id: str):
    """Save answers without submitting: they replace the saved ones (a question left out is
    unanswered). Checked like a submission; the answer is how many questions are answered."""
    learner = bearer_learner()
    body = json_body('{"answers": {"<item id>": "<option id>"}}')
    if "answers" not in body:
        raise ApiError(
            400, _('Send "answers", an object from item ids to option ids ({} saves none).')
        )
    return jsonify(saved=save_draft(learner, attempt_id, body["answers"]))


@bp.post("/attempts/<attempt_id>/answers")
def submit_answers(attempt_id: str):
    """Submit the answers, once; the answer is the graded attempt."""
    learner = bearer_learner()
    body = json_body('{"answers": {"<item id>": "<option id>"}}')
    if "answers" not in body:
        raise ApiError(
            400, _('Send "answers", an object from item ids to option ids ({} answers '
                   'nothing).')
        )
    return jsonify(shown(submit_attempt(learner, attempt_id, body["answers"])))


@bp.get("/progress")
def get_progress():
    """The learner's quizzes over time, and each fact's state, mastery and due time (its text
    in the language Accept-Language asks for, where the bank has it)."""
    return jsonify(progress_json(progress(bearer_learner(), clock.now(), asked_language())))


@bp.put("/progress/goal")
def put_goal():
    """Set the daily goal: {"facts": 1..100}."""
    learner = bearer_learner()
    body = json_body('{"facts": 12}')
    return jsonify(facts=set_goal(learner, body.get("facts")))


@bp.get("/today")
def get_today():
    """What to do next, as the home page says it: open quizzes, what is due, the streak and
    goal, the class quizzes open now."""
    return jsonify(today_json(today(bearer_learner(), clock.now(), asked_language())))


@bp.after_request
def no_store(response: Response) -> Response:
    """Tokens and scores are one learner's: no cache along the way may keep them."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(ApiError)
def api_error(e: ApiError) -> Response:
    """A refusal of this module's own."""
    response = error_response(e.status, e.message, e.challenge)
    if e.retry_after is not None:
        response.headers["Retry-After"] = str(e.retry_after)
    return response


@bp.errorhandler(ServiceError)
def attempt_error(e: ServiceError) -> Response:
    """A refusal of a service, with the status web.errors gives it: a rate limit says when to
    retry (Retry-After), the limit on open quizzes which ones to finish (`open`)."""
    response = error_response(status_of(e), e.message)
    if isinstance(e, RateLimited):
        response.headers["Retry-After"] = str(e.retry_after)
    if isinstance(e, TooManyOpen):
        lang = asked_language()
        response.set_data(jsonify(error=e.message, open=[
            {"id": id_, "bank_title": bank_title(bank, lang), "started": iso(started),
             "url": url_for("api.get_attempt", attempt_id=id_)}
            for id_, bank, started in e.open]).get_data())
    return response


def http_error(e: HTTPException) -> Response:
    """Werkzeug's errors (404, 405, 413, 500...) as JSON, with a sentence a person can act on in
    the language the request asks for (never Werkzeug's English)."""
    status = e.code or 500
    if isinstance(e, MethodNotAllowed) and e.valid_methods:
        allowed = ", ".join(sorted(e.valid_methods))
        message = _("%(method)s is not taken here: use %(allowed)s.", method=request.method,
                    allowed=allowed)
        if request.method == "DELETE" and request.path.rstrip("/") == "/api/v1/tokens":
            message += " " + _("To revoke the token you send, DELETE /api/v1/tokens/current.")
        response = error_response(status, message)
        response.headers["Allow"] = allowed
        return response
    return error_response(status, str(MESSAGES.get(status) or http_message(e)))


# Registered by code, not as HTTPException: Flask prefers the app's handler for a code (the HTML
# error pages) to a blueprint's handler for a class, and API clients must get JSON.
for _code in default_exceptions:
    bp.register_error_handler(_code, http_error)


@bp.before_app_request
def routing_error_as_json() -> Response | None:
    """An unknown /api path, or a wrong method, gets JSON rather than the site's HTML page."""
    e = request.routing_exception
    api_path = request.path == "/api" or request.path.startswith("/api/")
    if api_path and isinstance(e, HTTPException) and not isinstance(e, RequestRedirect):
        return http_error(e)
    return None  # matched (or not an API path): carry on as usual


from . import api_study as api_study  # noqa: E402  (its calls are on this blueprint)
