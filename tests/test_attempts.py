"""Attempts: stored before shown, graded from the snapshot, one learner's, submitted once."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select, update

from quizapp.extensions import db
from quizapp.models import Attempt, Card, Learner, utcnow
from quizapp.services import accounts
from quizapp.services import attempts as attempts_module
from quizapp.services.attempts import (
    attempts_of,
    find_attempt,
    start_attempt,
    submit_attempt,
)
from quizapp.services.errors import AlreadySubmitted, Invalid, NotFound
from quizapp.services.review import ALL, ReviewLevel
from quizapp.web.api_json import attempt_json


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield


@pytest.fixture
def alice(ctx):
    return accounts.create_guest("Alice")


@pytest.fixture
def bob(ctx):
    return accounts.create_guest("Bob")


def right_answers(attempt):
    return {i.public_id: (list(i.snapshot.key) if i.snapshot.type != "choice"
                          else list(i.snapshot.key)[0]) for i in attempt.items}


def test_an_attempt_is_stored_with_a_snapshot_before_it_is_shown(alice):
    attempt = start_attempt(alice, "sample", "mixed", 10, seed=1)
    from quizapp.extensions import db
    db.session.expunge_all()
    stored = db.session.get(Attempt, attempt.id)
    assert len(stored.items) == len(attempt.items) > 0
    assert [i.snapshot for i in stored.items] == [i.snapshot for i in attempt.items]
    assert all(i.snapshot.prompt and i.snapshot.options and i.snapshot.key for i in stored.items)


def test_right_answers_score_full_marks(alice):
    attempt = start_attempt(alice, "sample", "mixed", 10, seed=2)
    done = submit_attempt(alice, attempt.id, right_answers(attempt))
    assert done.score == done.max_score == len(attempt.items)
    assert done.percent == 100.0


def test_nothing_answered_scores_zero(alice):
    attempt = start_attempt(alice, "sample", "choice", 10, seed=2)
    assert submit_attempt(alice, attempt.id, {}).score == 0.0


def test_a_second_submission_is_refused_and_changes_nothing(alice):
    attempt = start_attempt(alice, "sample", "mixed", 10, seed=3)
    submit_attempt(alice, attempt.id, {})
    with pytest.raises(AlreadySubmitted):
        submit_attempt(alice, attempt.id, right_answers(attempt))
    assert find_attempt(alice, attempt.id).score == 0.0


def test_another_learners_attempt_is_not_found(alice, bob):
    attempt = start_attempt(alice, "sample", "mixed", 10, seed=4)
    with pytest.raises(NotFound):
        find_attempt(bob, attempt.id)
    with pytest.raises(NotFound):
        submit_attempt(bob, attempt.id, {})


def test_unknown_items_options_and_non_permutations_are_bad_requests(alice):
    attempt = start_attempt(alice, "sample", "mixed", 10, seed=5)
    ordering = next(i for i in attempt.items if i.snapshot.type == "ordering")
    choice = next(i for i in attempt.items if i.snapshot.type == "choice")
    ids = [o.id for o in ordering.snapshot.options]
    for answers in (
        {"nope": "x"},
        {choice.public_id: "not-an-option"},
        {choice.public_id: ids[0]},  # another question's option
        {ordering.public_id: ids[:-1]},
        {ordering.public_id: [ids[0]] * len(ids)},
        ["not", "a", "dict"],
    ):
        with pytest.raises(Invalid):
            submit_attempt(alice, attempt.id, answers)
    assert find_attempt(alice, attempt.id).submitted is None


def test_option_ids_differ_between_attempts_of_the_same_quiz(alice):
    first = start_attempt(alice, "sample", "mixed", 10, seed=6)
    second = start_attempt(alice, "sample", "mixed", 10, seed=6)
    assert [i.question_id for i in first.items] == [i.question_id for i in second.items]
    ids = lambda a: {o.id for i in a.items for o in i.snapshot.options}  # noqa: E731
    assert not ids(first) & ids(second)


def test_open_attempt_json_reveals_no_key_and_no_ids_of_questions_or_facts(alice):
    attempt = start_attempt(alice, "sample", "mixed", 10, seed=7)
    shown = attempt_json(attempt)
    text = str(shown)
    assert "score" not in shown
    for item in attempt.items:
        assert item.snapshot.question_id not in text
    for fact in ("canal", "trade", "embassy", "treaty"):
        assert f"'{fact}'" not in text
    assert all(set(i) == {"id", "type", "prompt", "options"} for i in shown["items"])


def test_submitted_attempt_json_has_results(alice):
    attempt = start_attempt(alice, "sample", "mixed", 10, seed=8)
    shown = attempt_json(submit_attempt(alice, attempt.id, right_answers(attempt)),
                         ReviewLevel(ALL))
    assert shown["percent"] == 100.0 and shown["status"] == "submitted"
    assert all(i["correct"] and i["facts"] for i in shown["items"])


def test_bad_bank_mode_length_and_unbuildable_quizzes(alice):
    with pytest.raises(Invalid, match="no question bank"):
        start_attempt(alice, "nope", "mixed", 10)
    with pytest.raises(Invalid, match="mode"):
        start_attempt(alice, "sample", "essay", 10)
    with pytest.raises(Invalid, match="questions"):
        start_attempt(alice, "sample", "mixed", 0)


def test_history_lists_newest_first(alice):
    first = start_attempt(alice, "sample", "mixed", 5, seed=1)
    second = start_attempt(alice, "sample", "mixed", 5, seed=2)
    assert [a.id for a in attempts_of(alice)][:2] in ([second.id, first.id], [first.id, second.id])


def test_a_boolean_is_not_a_length(alice):
    with pytest.raises(Invalid, match="questions"):
        start_attempt(alice, "sample", "mixed", True)


def test_a_bank_id_that_is_not_a_string_is_a_bad_request(alice):
    with pytest.raises(Invalid, match="no question bank"):
        start_attempt(alice, ["sample"], "mixed", 10)


@pytest.mark.parametrize("seed", [True, "7", 1.5, -1, 2**31])
def test_a_seed_is_a_whole_number_that_fits_the_seed_column(alice, seed):
    with pytest.raises(Invalid, match="seed"):
        start_attempt(alice, "sample", "mixed", 10, seed=seed)
    assert attempts_of(alice) == []


def test_a_submission_that_loses_the_race_after_its_check_is_refused(alice, monkeypatch):
    attempt = start_attempt(alice, "sample", "mixed", 10, seed=9)
    real_check = attempts_module.check_answers

    def rival_submits_first(snapshots, answers):
        # Another process submits between this request's "still open?" read and its write.
        with db.engine.begin() as rival:
            rival.execute(update(Attempt).where(Attempt.id == attempt.id)
                          .values(submitted=utcnow(), score=1.0))
        return real_check(snapshots, answers)

    monkeypatch.setattr(attempts_module, "check_answers", rival_submits_first)
    with pytest.raises(AlreadySubmitted):
        submit_attempt(alice, attempt.id, right_answers(attempt))
    db.session.expire_all()
    assert find_attempt(alice, attempt.id).score == 1.0
    assert all(item.points is None for item in find_attempt(alice, attempt.id).items)


def test_one_learners_parallel_submissions_on_the_same_new_facts_both_count(app):
    """Both find the facts' review cards missing; taking turns, neither inserts one twice."""
    with app.app_context():
        learner = accounts.create_guest("Twin")
        ids = [start_attempt(learner, "sample", "mixed", 10, seed=s).id for s in (1, 2)]
        learner_id = learner.id
    barrier = threading.Barrier(2)

    def submit(attempt_id):
        with app.app_context():  # each thread its own session and connection
            learner = db.session.get(Learner, learner_id)
            barrier.wait(timeout=10)
            return submit_attempt(learner, attempt_id, {}).score

    with ThreadPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(submit, ids)) == [0.0, 0.0]
    with app.app_context():
        cards = db.session.scalars(select(Card.fact_id).where(Card.learner_id == learner_id))
        facts = list(cards)
    assert facts and len(facts) == len(set(facts))
