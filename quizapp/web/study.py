"""Self-study pages: a bank's timeline, practice, review of what is due, and progress.

Each works without JavaScript: every step is a link or one form post.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required
from werkzeug.datastructures import MultiDict

from .. import clock
from ..models import Attempt
from ..services.attempts import start_attempt, submit_attempt
from ..services.catalog import current_catalog
from ..services.errors import AlreadySubmitted, RateLimited, ServiceError, TooManyOpen
from ..services.exam_lock import Paused
from ..services.progress import KNOWLEDGE, Progress, progress
from ..services.reading import reading
from ..services.review import review_item
from ..services.rules import REVIEW, shown_day
from ..services.study import (
    extent,
    find_practice,
    practice_bank,
    start_missed,
    start_practice,
    timeline,
)
from ..services.today import set_goal
from . import language
from .charts import knowledge_stack, line_chart
from .errors import refusal, render_error, status_of
from .forms import GoalForm, read_answers
from .quiz_page import shown_items

bp = Blueprint("study", __name__)

REVIEW_LENGTH = 20  # questions in one review session; what is left stays due for the next


@bp.errorhandler(ServiceError)
def attempt_error(e: ServiceError):
    """A refused study request, as a page; answering a practice question twice shows its answer."""
    args = request.view_args or {}
    if isinstance(e, (RateLimited, TooManyOpen)):
        return refusal(e)
    if isinstance(e, Paused):  # the timeline is paused too: the way on is the home page
        return render_error(status_of(e), e.message, title=_("Self-study paused"),
                            link=(url_for("quiz.index"), _("Back to the question banks")))
    if isinstance(e, AlreadySubmitted) and "attempt_id" in args and "bank_id" in args:
        link = (url_for("study.practice_item", **args), _("See the answer"))
        return render_error(status_of(e), e.message, title=_("Already answered"), link=link)
    if "bank_id" in args and current_catalog().get(args["bank_id"]) is not None:
        return render_error(status_of(e), e.message,
                            link=(url_for("study.timeline_page", bank_id=args["bank_id"]),
                                  _("Back to the timeline")))
    return render_error(status_of(e), e.message)


@bp.get("/study/<bank_id>")
def timeline_page(bank_id: str):
    """The bank's facts in time order, with how well the signed-in learner knows each; while
    self-study on the bank is paused for the learner, why and until when instead (403)."""
    bank = current_catalog().get(bank_id) or abort(404)
    learner = current_user if current_user.is_authenticated else None
    try:
        dated, undated = timeline(bank, learner, clock.now(), language.current())
    except Paused as e:
        return render_template("study/timeline.html", bank=bank, lock=e.lock), 403
    return render_template("study/timeline.html", bank=bank, dated=dated, undated=undated,
                           extent=extent(dated))


@bp.get("/study/<bank_id>/text")
def text_page(bank_id: str):
    """The bank's source text, each cited passage marked and linked to its fact, with the
    signed-in learner's state of each; 404 for a bank without a text."""
    learner = current_user if current_user.is_authenticated else None
    return render_template("study/text.html", reading=reading(bank_id, learner, clock.now(),
                                                                  language.current()))


@bp.get("/study/<bank_id>/practice")
@login_required
def practice_page(bank_id: str):
    """What practice is, on the fact chosen (if any), and the button that starts it."""
    fact_id = request.args.get("fact") or None
    bank = practice_bank(current_user, bank_id, fact_id, language.current())
    fact = bank.facts_by_id[fact_id] if fact_id else None
    return render_template("study/practice_start.html", bank=bank, fact=fact)


@bp.post("/study/<bank_id>/practice")
@login_required
def practice_next(bank_id: str):
    """Store the next practice question and show it."""
    fact_id = request.form.get("fact") or None
    after, missed = request.form.get("after") or None, request.form.get("missed") or None
    if missed:  # the next question on what a quiz missed
        return _to_practice(start_missed(current_user, missed, after, language.current()),
                            missed=missed)
    attempt = start_practice(current_user, bank_id, fact_id, after, lang=language.current())
    return redirect(url_for("study.practice_item", bank_id=bank_id, attempt_id=attempt.id,
                            fact=fact_id), 303)


def _to_practice(attempt: Attempt, **args):
    return redirect(url_for("study.practice_item", bank_id=attempt.bank, attempt_id=attempt.id,
                            **args), 303)


@bp.post("/attempts/<attempt_id>/practise")
@login_required
def practise_missed(attempt_id: str):
    """The review's "Practise what I missed": practice, one question at a time, on the
    facts of the questions not fully right (refused while the quiz is open or its review hides
    the answers; someone else's quiz is not found)."""
    return _to_practice(start_missed(current_user, attempt_id, lang=language.current()),
                        missed=attempt_id)


def _practice_page(attempt: Attempt, given: MultiDict, problem: str | None, status: int = 200):
    bank = current_catalog().bank_for(attempt.bank, language.current())  # the reader's texts
    fact_id = request.args.get("fact") or None
    fact = bank.facts_by_id.get(fact_id) if bank and fact_id else None
    missed = request.args.get("missed") or None
    item = attempt.items[0]
    done = review_item(item, 1) if attempt.submitted is not None else None
    (shown,) = shown_items([(item.public_id, item.snapshot)], given,
                           {item.public_id: problem} if problem else {}, numbered=False)
    return render_template(
        "study/practice.html", attempt=attempt, review=done, shown=shown, fact=fact, missed=missed,
        bank_title=bank.title if bank else attempt.bank,
    ), status


@bp.get("/study/<bank_id>/practice/<attempt_id>")
@login_required
def practice_item(bank_id: str, attempt_id: str):
    """The practice question while open; at once after answering, whether it was right and why."""
    return _practice_page(find_practice(current_user, bank_id, attempt_id, language.current()),
                          MultiDict(), None)


@bp.post("/study/<bank_id>/practice/<attempt_id>")
@login_required
def practice_answer(bank_id: str, attempt_id: str):
    """Grade the answer (kept like a quiz's) and show the feedback; a broken order asks again."""
    attempt = find_practice(current_user, bank_id, attempt_id, language.current())
    answers, problems = read_answers(attempt.items, request.form)
    if problems and attempt.submitted is None:
        return _practice_page(attempt, request.form, next(iter(problems.values())), 400)
    submit_attempt(current_user, attempt_id, answers)
    return redirect(url_for("study.practice_item", bank_id=bank_id, attempt_id=attempt_id,
                            fact=request.args.get("fact") or None,
                            missed=request.args.get("missed") or None), 303)


@bp.post("/study/<bank_id>/review")
@login_required
def review_due(bank_id: str):
    """Start a quiz on the facts due for review, most overdue first."""
    attempt = start_attempt(current_user, bank_id, REVIEW, REVIEW_LENGTH, lang=language.current())
    return redirect(url_for("quiz.attempt", attempt_id=attempt.id), 303)


def _bank_knowledge(numbers: Progress) -> list[tuple]:
    """Per bank: its never seen, shaky and known counts, their bar, the facts met (the
    shakiest and soonest back first), and how many come back when."""
    shown = []
    for bank_id, bank in sorted(current_catalog().banks.items()):
        counts = numbers.counts(bank_id)
        met = sorted((f for f in numbers.facts if f.bank == bank_id and f.due is not None),
                     key=lambda f: (KNOWLEDGE.index(f.knowledge), f.due))
        shown.append((bank, counts, knowledge_stack(list(reversed(counts.items()))), met,
                      numbers.coming_back(bank_id)))
    return shown


def _progress_page(form: GoalForm, status: int = 200):
    numbers = progress(current_user, clock.now(), language.current())
    attempts = [a for a in numbers.attempts if a.percent is not None]
    chart = line_chart([(shown_day(a.started), p) for a in attempts
                        if (p := a.percent) is not None])
    if not form.goal.errors:
        form.goal.data = numbers.goal.goal
    return render_template("study/progress.html", numbers=numbers, attempts=attempts,
                           chart=chart, banks=_bank_knowledge(numbers), day=shown_day,
                           form=form), status


@bp.get("/progress")
@login_required
def progress_page():
    """The learner's streak and goal, quizzes over time, and what they know of each fact."""
    return _progress_page(GoalForm())


@bp.post("/progress/goal")
@login_required
def goal_page():
    """Set the daily goal; a value out of range gives the page back with why (400)."""
    form = GoalForm()
    if not form.validate():
        return _progress_page(form, 400)
    goal = set_goal(current_user, form.goal.data)
    flash(ngettext("Your daily goal is now %(num)d fact a day.",
                   "Your daily goal is now %(num)d facts a day.", goal))
    return redirect(url_for("study.progress_page"), 303)
