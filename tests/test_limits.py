"""Limits on what one account or address can create (services/limits.py): open quizzes, starts a
minute, practice questions a minute, guests an hour from one address; the services, the pages and
the API, and parallel requests that must not get past a limit."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Attempt, Learner
from quizapp.services import accounts, limits
from quizapp.services.attempts import checked_bank, draw, start_attempt, store, submit_attempt
from quizapp.services.catalog import current_catalog
from quizapp.services.errors import RateLimited, TooManyOpen
from quizapp.services.study import start_practice
from tests.exam_helpers import assigned, take
from tests.web.api_helpers import add_learner, bearer


@pytest.fixture
def ctx(app, clock):
    with app.app_context():
        yield


def starts(learner, n):
    return [start_attempt(learner, "sample", "mixed", 3).id for _ in range(n)]


def stored(learner, mode="mixed"):
    """A free quiz as start_attempt stores it, past the exam lock (an assigned quiz pauses the
    bank): the limits are the store's."""
    bank = checked_bank("sample", "mixed", 3)
    return store(learner, bank, mode, 1, draw(learner, bank, "mixed", 3, 1))


def count(learner_id, **where):
    return db.session.scalar(select(func.count()).select_from(Attempt).filter_by(
        learner_id=learner_id, **where))


def warm(app):
    """Load the banks before the threads start (the catalog's first load is not what is tested)."""
    current_catalog().pool("sample")


# The services


def test_a_sixth_open_quiz_is_refused_naming_the_five_to_finish(ctx, clock):
    ana = accounts.create_guest("Ana")
    opened = []
    for _ in range(limits.OPEN_QUIZZES):
        opened += starts(ana, 1)
        clock.advance(seconds=7)
    with pytest.raises(TooManyOpen) as refused:
        starts(ana, 1)
    assert [id_ for id_, _title, _started in refused.value.open] == opened  # oldest first
    assert "finish or submit one" in refused.value.message
    assert count(ana.id) == limits.OPEN_QUIZZES
    submit_attempt(ana, opened[2], {})  # finishing one (even blank) makes room for one
    starts(ana, 1)
    with pytest.raises(TooManyOpen):
        starts(ana, 1)


def test_review_quizzes_count_as_open_practice_and_assigned_quizzes_do_not(ctx, clock):
    ana = accounts.create_guest("Ana")
    starts(ana, limits.OPEN_QUIZZES - 1)
    stored(ana, "review")
    clock.advance(minutes=2)
    start_practice(ana, "sample")  # a practice question left open is normal
    assert take(ana, assigned()).submitted is None  # an exam is never refused by this limit
    with pytest.raises(TooManyOpen) as refused:
        stored(ana)
    assert len(refused.value.open) == limits.OPEN_QUIZZES


def test_quiz_starts_a_minute_are_limited_with_the_wait(ctx, clock, app):
    app.config["OPEN_QUIZZES"] = 100
    ana = accounts.create_guest("Ana")
    for _ in range(limits.STARTS_PER_MINUTE):
        starts(ana, 1)
        clock.advance(seconds=2)
    with pytest.raises(RateLimited) as refused:
        starts(ana, 1)
    assert refused.value.retry_after == 60 - 2 * limits.STARTS_PER_MINUTE
    assert "in the last minute" in refused.value.message
    with pytest.raises(RateLimited):  # an assigned quiz counts as a start too
        take(ana, assigned())
    clock.advance(seconds=refused.value.retry_after)
    stored(ana)  # the oldest start has left the window


def test_practice_has_its_own_higher_limit(ctx, clock):
    ana = accounts.create_guest("Ana")
    for _ in range(limits.PRACTICE_PER_MINUTE):
        start_practice(ana, "sample")
    with pytest.raises(RateLimited) as refused:
        start_practice(ana, "sample")
    assert refused.value.retry_after == 60 and "practice questions" in refused.value.message
    starts(ana, 1)  # quizzes are counted apart
    clock.advance(minutes=1)
    start_practice(ana, "sample")


def test_another_learners_starts_do_not_count(ctx):
    ana, bob = accounts.create_guest("Ana"), accounts.create_guest("Bob")
    starts(ana, limits.OPEN_QUIZZES)
    starts(bob, limits.OPEN_QUIZZES)


def test_guests_from_one_address_are_limited_and_forgotten_after_an_hour(ctx, clock):
    for n in range(limits.GUESTS_PER_HOUR):
        accounts.create_guest(f"G{n}", address="10.0.0.1")
        clock.advance(minutes=1)
    with pytest.raises(RateLimited) as refused:
        accounts.create_guest("One more", address="10.0.0.1")
    assert refused.value.retry_after == 60 * (60 - limits.GUESTS_PER_HOUR)
    accounts.create_guest("Elsewhere", address="10.0.0.2")  # another address is not limited
    clock.advance(hours=1)
    accounts.create_guest("Later", address="10.0.0.1")
    assert limits.guests_from("10.0.0.1") == 1  # the old ones are forgotten


def test_parallel_starts_never_overshoot(app, clock):
    with app.app_context():
        learner_id = accounts.create_guest("Ana").id
        warm(app)
    barrier = threading.Barrier(12)

    def start(_):
        with app.app_context():
            learner = db.session.get(Learner, learner_id)
            barrier.wait(timeout=10)
            try:
                return start_attempt(learner, "sample", "mixed", 3).id
            except (TooManyOpen, RateLimited):
                return None

    with ThreadPoolExecutor(max_workers=12) as pool:
        made = [a for a in pool.map(start, range(12)) if a]
    assert len(made) == limits.OPEN_QUIZZES
    with app.app_context():
        assert count(learner_id) == limits.OPEN_QUIZZES


def test_parallel_guests_never_overshoot(app, clock):
    app.config["GUESTS_PER_HOUR"] = 5
    barrier = threading.Barrier(12)

    def guest(n):
        with app.app_context():
            barrier.wait(timeout=10)
            try:
                return accounts.create_guest(f"G{n}", address="10.9.9.9").id
            except RateLimited:
                return None

    with ThreadPoolExecutor(max_workers=12) as pool:
        made = [g for g in pool.map(guest, range(12)) if g]
    assert len(made) == 5
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Learner)) == 5


# The pages


def test_the_home_page_lists_the_open_quizzes_to_finish(client, auth, clock):
    auth.create("ana")
    auth.login("ana")
    form = {"bank": "sample", "mode": "mixed", "length": "3"}
    for _ in range(limits.OPEN_QUIZZES):
        assert client.post("/", data=form).status_code == 303
    page = client.post("/", data=form)
    assert page.status_code == 409 and "Retry-After" not in page.headers
    assert "<h1>Finish a quiz first</h1>" in page.text
    assert page.text.count('href="/attempts/') == limits.OPEN_QUIZZES


def test_the_pages_say_when_to_try_again(client, auth, clock, app):
    app.config["OPEN_QUIZZES"] = 100
    auth.create("ana")
    auth.login("ana")
    form = {"bank": "sample", "mode": "mixed", "length": "3"}
    for _ in range(limits.STARTS_PER_MINUTE):
        client.post("/", data=form)
    page = client.post("/", data=form)
    assert page.status_code == 429 and page.headers["Retry-After"] == "60"
    assert "wait 60 seconds" in page.text and 'name="bank"' in page.text  # the form, again
    app.config["PRACTICE_PER_MINUTE"] = 0
    practice = client.post("/study/sample/practice")
    assert practice.status_code == 429 and practice.headers["Retry-After"]
    assert "practice questions" in practice.text


def test_the_guest_page_limits_one_address(client, app, clock):
    app.config["GUESTS_PER_HOUR"] = 2
    for name in ("A", "B"):
        assert client.post("/guest", data={"display_name": name}).status_code == 303
    page = client.post("/guest", data={"display_name": "C"})
    assert page.status_code == 429 and page.headers["Retry-After"] == "3600"
    assert "try again in 60 minutes, or sign in with an account" in page.text
    assert 'name="display_name"' in page.text


# The API


def test_the_api_refuses_with_409_and_the_list_or_429_and_retry_after(app, client, clock):
    headers = bearer(add_learner(app, "ana"))
    body = {"bank": "sample", "mode": "mixed", "length": 3}
    made = [client.post("/api/v1/attempts", json=body, headers=headers).json["id"]
            for _ in range(limits.OPEN_QUIZZES)]
    refused = client.post("/api/v1/attempts", json=body, headers=headers)
    assert refused.status_code == 409 and "Retry-After" not in refused.headers
    assert sorted(q["id"] for q in refused.json["open"]) == sorted(made)
    assert refused.json["open"][0]["url"] == f"/api/v1/attempts/{refused.json['open'][0]['id']}"
    assert "finish or submit" in refused.json["error"]
    app.config["OPEN_QUIZZES"] = 100
    for _ in range(limits.STARTS_PER_MINUTE - limits.OPEN_QUIZZES):
        client.post("/api/v1/attempts", json=body, headers=headers)
    fast = client.post("/api/v1/attempts", json=body, headers=headers)
    assert fast.status_code == 429 and fast.headers["Retry-After"] == "60"
    assert set(fast.json) == {"error"}


def test_parallel_api_starts_never_overshoot(app, clock):
    app.config["OPEN_QUIZZES"] = 100
    headers = bearer(add_learner(app, "ana"))
    with app.app_context():
        warm(app)
    barrier = threading.Barrier(16)

    def start(_):
        client = app.test_client()
        barrier.wait(timeout=10)
        return client.post("/api/v1/attempts", json={"bank": "sample", "mode": "mixed",
                                                     "length": 3}, headers=headers).status_code

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = sorted(pool.map(start, range(16)))
    assert statuses == [201] * limits.STARTS_PER_MINUTE + [429] * (16 - limits.STARTS_PER_MINUTE)


def test_the_limits_are_settings(monkeypatch, tmp_path):
    from quizapp.config import from_environment

    monkeypatch.setenv("QUIZAPP_GUESTS_PER_HOUR", "40")
    monkeypatch.setenv("QUIZAPP_OPEN_QUIZZES", "")
    settings = from_environment(tmp_path)
    assert settings["GUESTS_PER_HOUR"] == 40 and "OPEN_QUIZZES" not in settings
