"""Review cards: every submission reviews the facts it tested, in its own transaction; what is due."""

import pytest
from fsrs import Rating
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Card, ReviewLog
from quizapp.services import accounts, handin
from quizapp.services import attempts as attempts_module
from quizapp.services.attempts import find_attempt, start_attempt, submit_attempt
from quizapp.services.cards import cards_of, due_counts, due_facts
from quizapp.services.catalog import current_catalog
from quizapp.services.errors import AlreadySubmitted, Invalid, Unbuildable


@pytest.fixture
def alice(app, clock):
    with app.app_context():
        yield accounts.create_guest("Alice")


def answers(attempt, wrong=()):
    """Every question answered right, except those whose question ids are in `wrong`."""
    given = {}
    for item in attempt.items:
        snap = item.snapshot
        if snap.question_id in wrong:
            given[item.public_id] = next(
                o.id for o in snap.options if o.id not in list(snap.key))
            if snap.type != "choice":
                given[item.public_id] = [given[item.public_id]]
        else:
            given[item.public_id] = list(snap.key)[0] if snap.type == "choice" else list(snap.key)
    return given


def take(learner, clock, wrong=(), seconds=60, mode="choice"):
    """Start a quiz, spend `seconds` on it, and submit it."""
    attempt = start_attempt(learner, "sample", mode, 10, seed=1)
    clock.advance(seconds=seconds)
    return submit_attempt(learner, attempt.id, answers(attempt, wrong))


def ratings(learner):
    """{fact id: [rating of each review]}."""
    cards = cards_of(learner.id, "sample")
    return {fact: [review.rating for review in card.reviews] for fact, card in cards.items()}


def count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_submitting_a_quiz_reviews_every_fact_it_tested_once(alice, clock):
    take(alice, clock)
    assert ratings(alice) == {f: [Rating.Good] for f in ("embassy", "canal", "trade", "treaty")}


def test_a_fact_several_questions_test_is_rated_by_the_worst_answer(alice, clock):
    take(alice, clock, wrong={"early-events"})
    assert ratings(alice)["canal"] == [Rating.Again]  # canal-year was right, early-events wrong
    assert ratings(alice)["embassy"] == [Rating.Good]
    log = cards_of(alice.id, "sample")["canal"].reviews[0]
    assert db.session.get(attempts_module.AttemptItem, log.attempt_item_id).question_id == (
        "early-events")


def test_a_quiz_answered_right_and_quickly_rates_easy(alice, clock):
    take(alice, clock, seconds=3 * 5)  # five seconds a question
    assert set(map(tuple, ratings(alice).values())) == {(Rating.Easy,)}


def test_a_second_submission_reviews_nothing_more(alice, clock):
    attempt = take(alice, clock)
    with pytest.raises(AlreadySubmitted):
        submit_attempt(alice, attempt.id, {})
    assert count(ReviewLog) == 4


def test_answers_that_do_not_fit_leave_no_card(alice, clock):
    attempt = start_attempt(alice, "sample", "choice", 10, seed=1)
    with pytest.raises(Invalid):
        submit_attempt(alice, attempt.id, {"nope": "x"})
    assert count(Card) == count(ReviewLog) == 0


def test_a_submission_that_fails_after_reviewing_leaves_no_review_behind(
    alice, clock, monkeypatch
):
    take(alice, clock)
    before = {f: (c.fsrs, c.due) for f, c in cards_of(alice.id, "sample").items()}
    real = handin.record_reviews

    def reviews_then_fails(attempt, now):
        real(attempt, now)
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(handin, "record_reviews", reviews_then_fails)
    attempt = start_attempt(alice, "sample", "choice", 10, seed=2)
    clock.advance(days=3)
    with pytest.raises(RuntimeError):
        submit_attempt(alice, attempt.id, answers(attempt))
    db.session.expire_all()
    assert {f: (c.fsrs, c.due) for f, c in cards_of(alice.id, "sample").items()} == before
    assert count(ReviewLog) == 4
    assert find_attempt(alice, attempt.id).submitted is None


def test_a_fact_answered_wrong_is_due_once_the_clock_moves_on(alice, clock):
    bank = current_catalog().get("sample")
    take(alice, clock, wrong={"embassy-year"})
    assert due_facts(alice.id, bank, clock.now) == []
    clock.advance(minutes=2)
    assert due_facts(alice.id, bank, clock.now) == ["embassy"]
    assert due_counts(alice.id, clock.now) == {"sample": 1}


def test_due_facts_come_most_overdue_first(alice, clock):
    bank = current_catalog().get("sample")
    take(alice, clock, wrong={"embassy-year"})
    clock.advance(minutes=30)
    # Embassy, right this time, is due again in 10 minutes; canal, now wrong, in 1.
    take(alice, clock, wrong={"canal-year"})
    clock.advance(minutes=30)
    assert due_facts(alice.id, bank, clock.now) == ["canal", "embassy"]


def test_a_review_quiz_with_nothing_due_cannot_be_built(alice, clock):
    with pytest.raises(Unbuildable, match="due"):
        start_attempt(alice, "sample", "review", 10)
    take(alice, clock)
    with pytest.raises(Unbuildable, match="due"):
        start_attempt(alice, "sample", "review", 10)


def test_a_review_quiz_asks_about_the_fact_answered_wrong(alice, clock):
    take(alice, clock, wrong={"embassy-year"})
    clock.advance(minutes=2)
    review = start_attempt(alice, "sample", "review", 10)
    assert review.mode == "review"
    assert [i.question_id for i in review.items] == ["embassy-year"]
