"""The shortcuts of services/fast.py do what the plain ORM calls they replace would."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select

from quizapp.extensions import db
from quizapp.models import Attempt, AttemptItem, Learner
from quizapp.services import accounts, fast
from quizapp.services.attempts import start_attempt


@pytest.fixture
def attempt_id(app):
    with app.app_context():
        learner = accounts.create_guest("Ana")
        return start_attempt(learner, "sample", "mixed", 10).id


def fresh_attempt(attempt_id):
    db.session.expunge_all()
    return db.session.scalar(select(Attempt).where(Attempt.id == attempt_id))


def statements_during(action):
    seen = []

    def count(*_):
        seen.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        action()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(seen)


def test_load_attempt_is_the_attempt_with_its_items_in_order(app, attempt_id):
    with app.app_context():
        db.session.expunge_all()
        loaded = fast.load_attempt(attempt_id)
        expected = fresh_attempt(attempt_id)
        assert loaded.id == expected.id
        assert [i.public_id for i in loaded.items] == [i.public_id for i in expected.items]
        assert fast.load_attempt("no-such-attempt") is None


def test_an_attempt_in_the_session_is_loaded_without_a_statement(app, attempt_id):
    with app.app_context():
        db.session.expunge_all()
        first = fast.load_attempt(attempt_id)
        assert statements_during(lambda: fast.load_attempt(attempt_id)) == 0
        assert fast.load_attempt(attempt_id) is first


def test_quiz_rows_are_the_items_in_order_with_the_attempt(app, attempt_id):
    with app.app_context():
        rows = fast.quiz_rows(attempt_id)
        expected = fresh_attempt(attempt_id)
        assert [r.public_id for r in rows] == [i.public_id for i in expected.items]
        assert {(r.id, r.learner_id, r.bank, r.submitted) for r in rows} == {
            (expected.id, expected.learner_id, expected.bank, None)}


def test_a_claim_is_won_once_and_is_what_the_database_holds(app, attempt_id, clock):
    with app.app_context():
        attempt = fast.load_attempt(attempt_id)
        assert fast.claim(attempt, clock.now, 2.5) is True
        assert fast.claim(attempt, clock.now, 4.0) is False
        db.session.commit()
        assert (attempt.submitted, attempt.score) == (clock.now, 2.5)
        stored = fresh_attempt(attempt_id)
        assert (stored.submitted, stored.score) == (clock.now, 2.5)


def test_stored_answers_are_in_the_database_and_on_the_loaded_items(app, attempt_id):
    with app.app_context():
        attempt = fast.load_attempt(attempt_id)
        first = attempt.items[0]
        fast.store_answers([(first, ["x"], 0.5)])
        db.session.commit()
        assert (first.answer, first.points) == (["x"], 0.5)
        db.session.expunge_all()
        stored = db.session.get(AttemptItem, first.id)
        assert (stored.answer, stored.points) == (["x"], 0.5)


def test_the_signed_in_learner_is_the_learner_row(app, auth):
    learner_id = auth.create("bo", role="teacher")
    with app.app_context():
        signed_in = fast.load_signed_in(f"{learner_id}.0")
        assert (signed_in.id, signed_in.username, signed_in.role) == (learner_id, "bo", "teacher")
        assert signed_in.is_teacher and not signed_in.is_guest and signed_in.is_authenticated
        assert signed_in.get_id() == db.session.get(Learner, learner_id).get_id()
        assert fast.load_signed_in("999999.0") is None
        assert fast.load_signed_in("1 OR 1=1") is None
        # A session made before its epoch moved on, or before epochs were kept, is no one's.
        assert fast.load_signed_in(f"{learner_id}.1") is None
        assert fast.load_signed_in(str(learner_id)) is None


def test_cards_are_written_and_read_back_as_the_orm_sees_them(app, clock):
    from quizapp.models import Card, ReviewLog

    with app.app_context():
        learner = accounts.create_guest("Bo")
        row = {"learner_id": learner.id, "bank": "sample", "fact_id": "canal",
               "fsrs": {"state": 1}, "due": clock.now, "state": "learning"}
        ids = fast.insert_cards([row])
        assert set(ids) == {"canal"}
        card = db.session.get(Card, ids["canal"])  # now in the session: an update must expire it
        fast.update_cards([{"card_id": ids["canal"], "fsrs": {"state": 2}, "due": clock.now,
                            "state": "review"}])
        fast.insert_reviews([{"card_id": ids["canal"], "rating": 3, "reviewed": clock.now,
                              "attempt_item_id": None}])
        db.session.commit()
        assert (card.state, card.fsrs) == ("review", {"state": 2})
        assert [tuple(r) for r in fast.cards_of_facts(learner.id, "sample", ["canal", "x"])] \
            == [("canal", ids["canal"], {"state": 2})]
        assert [r.rating for r in db.session.scalars(select(ReviewLog))] == [3]
        assert fast.insert_cards([]) == {} and fast.update_cards([]) is None
