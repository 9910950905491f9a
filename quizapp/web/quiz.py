"""Taking quizzes: the banks, a quiz page (saved as it is answered), its review, and the learner's
history."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.datastructures import MultiDict

from .. import clock
from ..services.attempts import (
    OpenQuiz,
    find_attempt,
    open_quiz,
    start_attempt,
    submit_attempt,
)
from ..services.attempts import (
    history as attempt_history,
)
from ..services.cards import due_counts
from ..services.catalog import current_catalog
from ..services.drafts import save_draft
from ..services.errors import AlreadySubmitted, RateLimited, ServiceError, TooManyOpen
from ..services.exam_lock import locks_on
from ..services.handin import TooLate, by_the_clock
from ..services.pictures import find_picture
from ..services.review import LEVEL_NAMES, assigned_title, review, summary, what_may_be_shown
from ..services.today import today
from . import language
from .errors import refusal, render_error, retry_headers, status_of
from .forms import (
    StartQuizForm,
    answers_as_form,
    given_answer_fields,
    read_quiz_answers,
    unanswered,
)
from .quiz_page import deadline_words, shown_items

bp = Blueprint("quiz", __name__)


@bp.errorhandler(ServiceError)
def attempt_error(e: ServiceError):
    """A refused request about an attempt, as a page; a second or late submission points to the
    review."""
    if isinstance(e, (RateLimited, TooManyOpen)):
        return refusal(e)
    if isinstance(e, AlreadySubmitted):
        review_url = url_for("quiz.attempt", attempt_id=(request.view_args or {})["attempt_id"])
        title = _("Time is up") if isinstance(e, TooLate) else _("Already submitted")
        return render_error(status_of(e), e.message, title=title,
                            link=(review_url, _("See your score and the review")))
    return render_error(status_of(e), e.message)


def _home(form: StartQuizForm, status: int = 200):
    """The home page: each bank, paused (and not offered) where self-study on it is paused."""
    catalog, now = current_catalog(), clock.now()
    signed_in = current_user.is_authenticated
    locks = locks_on(current_user if signed_in else None, now, language.current())
    banks = [(bank, catalog.pool(bank.id), locks.get(bank.id)) for bank in catalog.banks.values()]
    form.bank.choices = [c for c in form.bank.choices if c.value not in locks]
    student = signed_in and not current_user.is_guest and not current_user.is_teacher
    # What to do next, for a student: a guest or a visitor sees the start form first.
    next_steps = today(current_user, now, language.current()) if student else None
    due = next_steps.due if next_steps else due_counts(current_user.id, now) if signed_in else {}
    return render_template("quiz/index.html", banks=banks, form=form, due=due, today=next_steps,
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
        attempt = start_attempt(current_user, form.bank.data, form.mode.data, form.length.data,
                                lang=language.current())
    except TooManyOpen as e:
        return refusal(e)
    except ServiceError as e:
        form.form_errors.append(e.message)
        return *_home(form, status_of(e)), retry_headers(e)
    return redirect(url_for("quiz.attempt", attempt_id=attempt.id), 303)


def _quiz_page(quiz: OpenQuiz, given: MultiDict, problems: dict[str, str], status: int = 200,
               saved: int | None = None):
    """The quiz page, showing what was `given` (the form posted, or the saved answers)."""
    items = shown_items(quiz.items, given, problems)
    answered = len(quiz.items) - len(unanswered(quiz.items, _read(quiz, given)[0],
                                                problems))
    return render_template("quiz/take.html", quiz=quiz, items=items, problems=problems,
                           answered=answered, saved=saved, clock_text=_clock_text(quiz)), status


def _clock_text(quiz: OpenQuiz) -> str | None:
    if quiz.deadline is None:
        return None
    return deadline_words(quiz.started, quiz.deadline, quiz.time_limit)


def _read(quiz: OpenQuiz, formdata: MultiDict) -> tuple[dict[str, object], dict[str, str]]:
    return read_quiz_answers(quiz.items, formdata)


@bp.get("/attempts/<attempt_id>")
@login_required
def attempt(attempt_id: str):
    """The quiz while the attempt is open, with the answers saved so far; its review once it is
    submitted (or handed in at its deadline), as much as the quiz's review options show."""
    quiz = open_quiz(current_user, attempt_id)
    if quiz is not None:
        return _quiz_page(quiz, answers_as_form(quiz.items, quiz.saved), {})
    attempt = find_attempt(current_user, attempt_id)
    level = what_may_be_shown(attempt, clock.now())
    items = review(attempt) if level.marks else []
    # "Practise what I missed" only where the whole review shows: practice tells which facts.
    can_practise = level.everything and any(r.result != "right" and r.facts for r in items)
    return render_template("quiz/review.html", attempt=attempt, level=level, items=items,
                           summary=summary(attempt, items) if level.marks else None,
                           can_practise=can_practise, title=assigned_title(attempt),
                           by_the_clock=by_the_clock(attempt), level_names=LEVEL_NAMES)


def _open_or_refuse(attempt_id: str) -> OpenQuiz:
    """The open quiz; a submitted (or just handed in) attempt is refused as a submission is."""
    quiz = open_quiz(current_user, attempt_id)
    if quiz is None:
        submit_attempt(current_user, attempt_id, {})  # raises AlreadySubmitted or TooLate
        raise AssertionError("a submitted attempt was submitted again")  # pragma: no cover
    return quiz


@bp.post("/attempts/<attempt_id>")
@login_required
def submit(attempt_id: str):
    """Save or submit the answers on the page. A broken order gives the page back; unanswered
    questions ask for a confirmation first. Either way the answers given are saved."""
    quiz = _open_or_refuse(attempt_id)
    answers, problems = _read(quiz, request.form)
    if request.form.get("action") == "save":
        saved = save_draft(current_user, attempt_id, answers, keep=problems)
        return _quiz_page(quiz, request.form, problems, 400 if problems else 200, saved=saved)
    missing = unanswered(quiz.items, answers, problems)
    if problems or (missing and request.form.get("confirm") != "1"):
        save_draft(current_user, attempt_id, answers, keep=problems)  # nothing typed is lost
        if problems:
            return _quiz_page(quiz, request.form, problems, 400)
        prompts = [(n, quiz.items[n - 1][0], quiz.items[n - 1][1].prompt) for n in missing]
        return render_template("quiz/confirm.html", quiz=quiz, missing=prompts,
                               fields=given_answer_fields(request.form),
                               clock_text=_clock_text(quiz))
    submit_attempt(current_user, attempt_id, answers)
    return redirect(url_for("quiz.attempt", attempt_id=attempt_id), 303)


@bp.post("/attempts/<attempt_id>/draft")
@login_required
def draft(attempt_id: str):
    """Autosave (quiz.js): the quiz form's answers saved as they are; JSON {"saved": n}, or
    {"error": ...} with the status of the refusal."""
    try:
        quiz = _open_or_refuse(attempt_id)
        answers, problems = _read(quiz, request.form)
        saved = save_draft(current_user, attempt_id, answers, keep=problems)
    except ServiceError as e:
        response = jsonify(error=str(e.message),
                           review=url_for("quiz.attempt", attempt_id=attempt_id))
        return response, status_of(e)
    return jsonify(saved=saved, of=len(quiz.items), problems=problems)


@bp.get("/history")
@login_required
def history():
    """The learner's attempts, newest first, with the assigned quiz's title where there is one."""
    return render_template("quiz/history.html", attempts=attempt_history(current_user))


@bp.get("/pictures/<digest>")
@login_required
def picture(digest: str):
    """A picture a question shows, kept from its file (PNG, JPEG, GIF or WebP only), served with
    the type its bytes were read as and never sniffed, in a sandbox that runs nothing."""
    image = find_picture(digest)
    response = Response(image.data, mimetype=image.media_type)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Content-Disposition"] = "inline"
    return response
