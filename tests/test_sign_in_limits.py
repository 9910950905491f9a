"""Sign-in limits (services.throttle): a guesser waits at their own address, never locks the
owner out; the ceilings; a try counted before its password is checked, so parallel guesses check
at most the limit's number of passwords (threads against the app, SQLite and PostgreSQL)."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from quizapp import passwords
from quizapp.extensions import db
from quizapp.models import SignInFailure
from quizapp.services import accounts, throttle
from tests.conftest import PASSWORD

WRONG = "not the password"
ATTACKER, OWNER, SCHOOL = "203.0.113.66", "192.0.2.10", "198.51.100.1"


def sign_in(app, username, password=PASSWORD, address=ATTACKER):
    with app.app_context():
        found = accounts.authenticate(username, password, address)
        return None if found is None else found.id


def fail(app, username, times, address=ATTACKER):
    for _ in range(times):
        assert sign_in(app, username, WRONG, address) is None


def test_a_guesser_waits_at_their_address_and_the_owner_still_signs_in_from_elsewhere(
        app, auth, clock):
    bob = auth.create("bob")
    fail(app, "bob", throttle.PER_ACCOUNT_AT_ADDRESS)
    with pytest.raises(throttle.Throttled) as refused:  # even the right password, from there
        sign_in(app, "bob")
    assert refused.value.scope == "pair" and refused.value.retry_after == 15 * 60
    assert "from your address" in str(refused.value)
    assert sign_in(app, "bob", address=OWNER) == bob
    # ...and renewing the guesses forever keeps only the guesser out.
    for _ in range(3):
        clock.advance(minutes=15, seconds=1)
        fail(app, "bob", throttle.PER_ACCOUNT_AT_ADDRESS)
        assert sign_in(app, "bob", address=OWNER) == bob


def test_the_owners_success_does_not_give_the_guesser_fresh_tries(app, auth, clock):
    auth.create("bob")
    fail(app, "bob", throttle.PER_ACCOUNT_AT_ADDRESS - 1)
    assert sign_in(app, "bob", address=OWNER) is not None
    assert sign_in(app, "bob", WRONG) is None
    with pytest.raises(throttle.Throttled):
        sign_in(app, "bob", "guess six")


def test_case_or_width_gives_no_fresh_tries_at_one_address(app, auth, clock):
    auth.create("bob")
    for typed in ["bob", "Bob", "BOB", "ｂｏｂ", "bOb"]:
        assert sign_in(app, typed, WRONG) is None
    with pytest.raises(throttle.Throttled):
        sign_in(app, "Ｂｏｂ", "another guess")


def test_the_account_ceiling_stops_guessers_spread_over_many_addresses_and_is_logged(
        app, auth, clock, caplog, monkeypatch):
    monkeypatch.setattr(throttle, "ACCOUNT_CEILING", 12)
    auth.create("bob")
    with caplog.at_level(logging.WARNING, logger="quizapp.services.throttle"):
        for i in range(12):
            assert sign_in(app, "bob", WRONG, f"10.9.0.{i // 4}") is None  # 4 at each of 3
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert "'bob' reached the ceiling of 12" in caplog.text
    with pytest.raises(throttle.Throttled) as refused:
        sign_in(app, "bob", address=OWNER)
    assert refused.value.scope == "account" and "teachers" in str(refused.value)
    clock.advance(minutes=15, seconds=1)
    assert sign_in(app, "bob", address=OWNER) is not None
    with app.app_context():
        seen = throttle.refusals("BOB")
        assert (seen.count, seen.addresses) == (12, 3)


def test_a_few_typos_are_not_shown_to_teachers(app, auth, clock):
    auth.create("bob")
    fail(app, "bob", 3)
    with app.app_context():
        assert throttle.refusals("bob") is None
        assert throttle.refusals(None) is None


def test_made_up_names_from_one_address_never_lock_out_the_accounts_behind_it(
        app, auth, clock, monkeypatch):
    monkeypatch.setattr(throttle, "ADDRESS_CEILING", 10)
    ana = auth.create("ana")
    for i in range(10):
        assert sign_in(app, f"nobody{i}", WRONG, SCHOOL) is None
    with pytest.raises(throttle.Throttled) as refused:  # one more made-up name waits
        sign_in(app, "nobody-else", WRONG, SCHOOL)
    assert refused.value.scope == "address" and "your network" in str(refused.value)
    assert sign_in(app, "nobody-else", WRONG, "198.51.100.2") is None  # other addresses don't
    assert sign_in(app, "ana", WRONG, SCHOOL) is None  # an account still gets its own tries
    assert sign_in(app, "ana", PASSWORD, SCHOOL) == ana


def test_a_right_password_leaves_no_row_and_a_wrong_one_leaves_one(app, auth, clock):
    auth.create("bob")
    sign_in(app, "bob")
    sign_in(app, "bob", WRONG)
    with app.app_context():
        rows = db.session.scalars(db.select(SignInFailure)).all()
        assert [(r.username, r.address, r.known) for r in rows] == [("bob", ATTACKER, True)]
    sign_in(app, "ghost", WRONG)
    with app.app_context():
        assert db.session.scalar(db.select(SignInFailure).where(
            SignInFailure.username == "ghost")).known is False


def test_failures_older_than_a_day_are_forgotten(app, auth, clock):
    auth.create("bob")
    fail(app, "bob", 3)
    clock.advance(hours=24, seconds=1)
    sign_in(app, "bob", WRONG, OWNER)
    with app.app_context():
        assert throttle.failures("bob") == 1


@pytest.mark.parametrize("concurrency", [8, 40])
def test_forty_guesses_at_once_check_at_most_five_passwords(
        app, auth, clock, monkeypatch, concurrency):
    """Threads against the app (each its own session and connection): every try is counted,
    under a lock, before its password is checked."""
    auth.create("bob")
    checked = []
    lock = threading.Lock()
    real_verify = passwords.verify

    def counting_verify(stored, password):
        with lock:
            checked.append(password)
        return real_verify(stored, password)

    monkeypatch.setattr(passwords, "verify", counting_verify)
    barrier = threading.Barrier(concurrency)

    def guess(i):
        with app.app_context():
            barrier.wait(timeout=10) if i < concurrency else None
            try:
                return accounts.authenticate("bob", f"guess {i}", ATTACKER) is not None
            except throttle.Throttled:
                return "throttled"
            finally:
                db.session.remove()

    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(guess, range(40)))
    assert len(checked) == throttle.PER_ACCOUNT_AT_ADDRESS
    assert results.count("throttled") == 40 - throttle.PER_ACCOUNT_AT_ADDRESS
    assert sign_in(app, "bob", address=OWNER) is not None  # the owner, elsewhere, is fine


def test_the_accounts_teachers_see_the_refused_sign_ins_on_its_page(
        app, auth, client, clock, monkeypatch):
    from tests.web.teacher_helpers import sign_in_admin

    monkeypatch.setattr(throttle, "ACCOUNT_CEILING", 6)
    bob = auth.create("bob")
    for i in range(6):
        sign_in(app, "bob", WRONG, f"10.9.0.{i % 2}")
    sign_in_admin(auth)
    page = client.get(f"/teacher/learners/{bob}").text
    assert "Sign-ins to this account were refused 6 times from 2 addresses since" in page
    assert "Sign-ins to this account" not in client.get(
        f"/teacher/learners/{auth.create('ann')}").text
