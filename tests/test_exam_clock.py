"""The exam clock, as services: deadlines, late answers refused, overdue attempts handed in by
whatever reads them first, drafts, and what a review may show. Written as a student who wants a
better mark would try it."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Attempt, Learner, ReviewLog
from quizapp.services import accounts
from quizapp.services.attempts import (
    attempts_of,
    find_attempt,
    history,
    open_quiz,
    start_attempt,
    submit_attempt,
)
from quizapp.services.classes import Viewer
from quizapp.services.drafts import save_draft
from quizapp.services.errors import AlreadySubmitted, Invalid, NotFound
from quizapp.services.exports import attempts_csv, items_csv
from quizapp.services.handin import TooLate, close_overdue
from quizapp.services.results import ResultFilter, class_results
from quizapp.services.review import ALL, MARKS, SCORE, what_may_be_shown
from tests.exam_helpers import START, assigned, right, take

ADMIN = Viewer(0, admin=True)  # sees every attempt: the scope is tested elsewhere


@pytest.fixture
def ctx(app, clock):
    with app.app_context():
        yield


@pytest.fixture
def ana(ctx):
    return accounts.create_guest("Ana")


def test_an_attempt_gets_the_earlier_of_its_time_limit_and_the_closing_time(ana, clock):
    free = start_attempt(ana, "sample", "mixed", 4)  # before any quiz: self-study is not paused
    assert free.deadline is None
    assert take(ana, assigned(time_limit=15)).deadline == START + timedelta(minutes=15)
    closes = START + timedelta(minutes=10)
    assert take(ana, assigned(time_limit=15, closes=closes)).deadline == closes
    assert take(ana, assigned(time_limit=None)).deadline is None


def test_answers_in_the_grace_after_the_deadline_still_count(ana, clock):
    attempt = take(ana, assigned())
    clock.advance(minutes=15, seconds=29)
    assert submit_attempt(ana, attempt.id, right(attempt)).percent == 100.0


def test_a_late_submission_is_refused_and_the_saved_answers_are_handed_in(ana, clock):
    attempt = take(ana, assigned())
    save_draft(ana, attempt.id, right(attempt, 1))
    clock.advance(minutes=15, seconds=31)
    with pytest.raises(TooLate, match="Time was up at 2 Mar 2026, 09:15 UTC"):
        submit_attempt(ana, attempt.id, right(attempt))  # all right, but too late
    db.session.expire_all()
    stored = db.session.get(Attempt, attempt.id)
    assert (stored.score, stored.submitted) == (1.0, START + timedelta(minutes=15))
    assert [i.answer for i in stored.items][1:] == [None] * 2  # nothing of the late answers
    with pytest.raises(TooLate):  # and again: still late, not "already submitted"
        submit_attempt(ana, attempt.id, right(attempt))


def test_a_late_draft_is_refused_like_a_late_submission(ana, clock):
    attempt = take(ana, assigned())
    save_draft(ana, attempt.id, right(attempt, 2))
    clock.advance(minutes=16)
    with pytest.raises(TooLate):
        save_draft(ana, attempt.id, right(attempt))
    db.session.expire_all()
    assert db.session.get(Attempt, attempt.id).score == 2.0


def test_a_draft_is_checked_like_a_submission_and_changes_nothing_when_refused(ana, clock):
    attempt = take(ana, assigned())
    save_draft(ana, attempt.id, right(attempt, 1))
    for forged in ({"not-an-item": "x"}, {attempt.items[0].public_id: "no-such-option"},
                   {attempt.items[1].public_id: ["a", "b"]}, ["not", "an", "object"]):
        with pytest.raises(Invalid):
            save_draft(ana, attempt.id, forged)
    db.session.expire_all()
    assert [i.answer is not None for i in db.session.get(Attempt, attempt.id).items] == [
        True, False, False]


def test_a_draft_replaces_the_saved_answers_and_reveals_nothing(ana, clock):
    attempt = take(ana, assigned())
    assert save_draft(ana, attempt.id, right(attempt, 3)) == 3
    assert save_draft(ana, attempt.id, right(attempt, 1)) == 1  # the others left out: unanswered
    quiz = open_quiz(ana, attempt.id)
    assert set(quiz.saved) == {attempt.items[0].public_id}
    db.session.expire_all()
    stored = db.session.get(Attempt, attempt.id)
    assert stored.submitted is None and all(i.points is None for i in stored.items)


def test_a_draft_to_someone_elses_or_a_submitted_attempt_is_refused(ana, clock):
    attempt = take(ana, assigned())
    ben = accounts.create_guest("Ben")
    with pytest.raises(NotFound):
        save_draft(ben, attempt.id, {})
    with pytest.raises(NotFound):
        save_draft(ana, "no-such-attempt", {})
    submit_attempt(ana, attempt.id, {})
    with pytest.raises(AlreadySubmitted) as refused:
        save_draft(ana, attempt.id, right(attempt))
    assert not isinstance(refused.value, TooLate)


@pytest.mark.parametrize("reader", ["quiz page", "review", "history", "api list", "results",
                                    "attempts csv", "items csv"])
def test_an_overdue_attempt_is_handed_in_by_whatever_reads_it_first(ana, clock, reader):
    quiz = assigned()
    attempt = take(ana, quiz)
    save_draft(ana, attempt.id, right(attempt, 2))
    clock.advance(hours=2)
    read = {
        "quiz page": lambda: open_quiz(ana, attempt.id),
        "review": lambda: find_attempt(ana, attempt.id),
        "history": lambda: history(ana),
        "api list": lambda: attempts_of(ana),
        "results": lambda: class_results(ResultFilter(viewer=ADMIN, assignment_id=quiz.id)),
        "attempts csv": lambda: "".join(attempts_csv(ResultFilter(viewer=ADMIN))),
        "items csv": lambda: "".join(items_csv(ResultFilter(viewer=ADMIN))),
    }[reader]
    shown = read()
    db.session.expire_all()
    stored = db.session.get(Attempt, attempt.id)
    assert (stored.score, stored.submitted) == (2.0, START + timedelta(minutes=15))
    if reader == "quiz page":
        assert shown is None  # the page shows the review instead
    if reader == "attempts csv":
        assert ",2.0,3.0,66.7" in shown


def test_an_attempt_without_a_deadline_is_never_closed(ana, clock):
    attempt = take(ana, assigned(time_limit=None))
    clock.advance(days=30)
    assert close_overdue(clock.now) == 0
    assert open_quiz(ana, attempt.id) is not None


def test_the_command_closes_every_overdue_attempt_and_says_how_many(app, ana, clock):
    quiz = assigned()
    attempts = [take(ana, quiz) for _ in range(3)]
    submit_attempt(ana, attempts[0].id, {})
    clock.advance(minutes=20)
    result = CliRunner().invoke(app.cli, ["attempts", "close-overdue"])
    assert result.exit_code == 0 and result.output == "Closed 2 overdue attempts.\n"
    result = CliRunner().invoke(app.cli, ["attempts", "close-overdue"])
    assert result.output == "Closed 0 overdue attempts.\n"


def test_an_overdue_attempt_reviews_its_cards_once(ana, clock):
    attempt = take(ana, assigned())
    save_draft(ana, attempt.id, right(attempt))
    clock.advance(hours=1)
    assert close_overdue(clock.now) == 1
    assert close_overdue(clock.now) == 0
    with pytest.raises(TooLate):
        submit_attempt(ana, attempt.id, {})
    facts = {f.id for i in attempt.items for f in i.snapshot.facts}
    assert db.session.scalar(select(func.count(ReviewLog.id))) == len(facts)


def test_a_submission_and_the_closing_at_once_hand_in_once(app, clock):
    """Two tabs submit, and the teacher's CSV is read, all at the deadline's last second."""
    with app.app_context():
        learner = accounts.create_guest("Racer")
        attempt = take(learner, assigned())
        save_draft(learner, attempt.id, right(attempt, 1))
        ids, answers = (learner.id, attempt.id), right(attempt)
    clock.advance(minutes=15, seconds=30)  # the last moment a submission counts
    barrier = threading.Barrier(3)

    def act(what):
        with app.app_context():
            learner = db.session.get(Learner, ids[0])
            barrier.wait(timeout=10)
            try:
                if what == "close":
                    app.config["CLOCK"] = clock  # the same instant for all three
                    return f"closed {close_overdue(clock.now + timedelta(seconds=1))}"
                submit_attempt(learner, ids[1], answers)
                return "submitted"
            except AlreadySubmitted:
                return "refused"

    with ThreadPoolExecutor(max_workers=3) as pool:
        outcomes = sorted(pool.map(act, ["submit", "submit", "close"]))
    with app.app_context():
        stored = db.session.get(Attempt, ids[1])
        logs = db.session.scalar(select(func.count(ReviewLog.id)))
        facts = {f.id for i in stored.items for f in i.snapshot.facts}
    handed_in = outcomes.count("submitted") + outcomes.count("closed 1")
    assert handed_in == 1 and logs == len(facts), outcomes
    assert stored.score == (3.0 if "submitted" in outcomes else 1.0)


def test_a_free_quiz_and_practice_show_everything(ana, clock):
    attempt = start_attempt(ana, "sample", "mixed", 4)
    submit_attempt(ana, attempt.id, {})
    assert what_may_be_shown(attempt, clock.now).shows == ALL


def test_by_default_the_score_right_after_and_everything_once_it_closes(ana, clock):
    closes = START + timedelta(days=1)
    attempt = take(ana, assigned(closes=closes))
    submit_attempt(ana, attempt.id, {})
    level = what_may_be_shown(attempt, clock.now)
    assert (level.shows, level.more_from, level.marks) == (SCORE, closes, False)
    assert what_may_be_shown(attempt, closes).shows == ALL


@pytest.mark.parametrize(("after_submit", "after_close", "closes", "expected"), [
    (MARKS, ALL, None, MARKS),  # never closes: the after-submit option, always
    (SCORE, MARKS, START + timedelta(minutes=1), MARKS),
    (ALL, SCORE, START + timedelta(minutes=1), SCORE),  # the teacher's choice, even if less
    ("everything!", ALL, None, SCORE),  # an unknown setting shows the least
])
def test_the_teachers_review_options_decide(ana, clock, after_submit, after_close, closes,
                                            expected):
    quiz = assigned(time_limit=None, after_submit=after_submit, after_close=after_close,
                    closes=closes)
    attempt = take(ana, quiz)
    submit_attempt(ana, attempt.id, {})
    assert what_may_be_shown(attempt, START + timedelta(minutes=2)).shows == expected
