"""Accounts: one name whatever its case or Unicode form, legacy twins, the throttle by key, and
argon2id hashes that replace the older ones on sign-in."""

from __future__ import annotations

import pytest
from werkzeug.security import generate_password_hash

from quizapp import passwords
from quizapp.extensions import db
from quizapp.models import Learner
from quizapp.services import accounts, throttle
from quizapp.services.errors import NotFound
from tests.conftest import PASSWORD

WRONG = "not the password"


def twin(app, username, password_hash):
    """A legacy twin: an account made before names were compared by key, so it has none."""
    with app.app_context():
        learner = Learner(username=username, display_name=username, password_hash=password_hash)
        learner.username_key = None  # as migration 0004 leaves the younger of two twins
        db.session.add(learner)
        db.session.commit()
        return learner.id


def sign_in(app, username, password=PASSWORD, address="10.0.0.1"):
    with app.app_context():
        found = accounts.authenticate(username, password, address)
        return None if found is None else found.id


def stored_hash(app, learner_id):
    with app.app_context():
        return db.session.get(Learner, learner_id).password_hash


@pytest.mark.parametrize("name", ["alice", "Alice", "ALICE", "ＡＬＩＣＥ", "ａｌｉｃｅ"])
def test_registering_a_name_taken_in_any_case_or_width_is_refused(app, auth, name):
    auth.create("alice")
    with app.app_context(), pytest.raises(accounts.AccountError) as refused:
        accounts.register(name, "long enough")
    assert f"The username {name!r} is taken" in str(refused.value)
    assert "capitals" in str(refused.value)


def test_a_name_taken_only_by_a_legacy_twin_is_refused_too(app, password_hash):
    twin(app, "Bob", password_hash)
    with app.app_context(), pytest.raises(accounts.AccountError, match="taken"):
        accounts.register("bob", "long enough")


def test_full_width_letters_are_stored_as_plain_ones(app):
    with app.app_context():
        learner = accounts.register("ｚｏｅ２", "long enough")
        assert (learner.username, learner.username_key) == ("zoe2", "zoe2")


@pytest.mark.parametrize("typed", ["alice", "Alice", "ALICE", "ＡＬＩＣＥ"])
def test_sign_in_ignores_case_and_width(app, auth, typed):
    alice = auth.create("alice")
    assert sign_in(app, typed) == alice


def test_a_legacy_twin_signs_in_by_its_exact_name_and_the_keyed_account_by_any_other(
        app, auth, password_hash):
    alice = auth.create("alice")
    other = twin(app, "Alice", password_hash)
    assert sign_in(app, "Alice") == other
    assert sign_in(app, "alice") == alice
    assert sign_in(app, "ALICE") == alice


def test_failures_count_by_key_so_changing_case_gives_no_fresh_tries(app, auth, clock):
    auth.create("alice")
    for typed in ["alice", "Alice", "ALICE", "ＡＬＩＣＥ", "aLiCe"]:
        assert sign_in(app, typed, WRONG) is None
    with app.app_context():
        assert throttle.failures("alice") == throttle.PER_ACCOUNT_AT_ADDRESS
    with pytest.raises(throttle.Throttled):
        sign_in(app, "alice")


def test_signing_in_as_a_twin_never_clears_the_other_accounts_failures(
        app, auth, clock, password_hash):
    """The way around the throttle: guess at `alice`, and between guesses sign in as one's own
    twin `Alice` to wipe the count. The twin's success clears only the twin's own failures."""
    auth.create("alice")
    twin(app, "Alice", password_hash)
    for _ in range(throttle.PER_ACCOUNT_AT_ADDRESS - 1):
        assert sign_in(app, "alice", WRONG) is None
    assert sign_in(app, "Alice") is not None
    with app.app_context():
        assert throttle.failures("alice") == throttle.PER_ACCOUNT_AT_ADDRESS - 1
    assert sign_in(app, "alice", WRONG) is None
    with pytest.raises(throttle.Throttled):
        sign_in(app, "alice", "another guess")


def test_and_the_keyed_account_signing_in_never_clears_its_twins_failures(
        app, auth, clock, password_hash):
    auth.create("alice")
    twin(app, "Alice", password_hash)
    for _ in range(throttle.PER_ACCOUNT_AT_ADDRESS - 1):
        sign_in(app, "Alice", WRONG)
    assert sign_in(app, "alice") is not None
    with app.app_context():
        assert throttle.failures("alice") == throttle.PER_ACCOUNT_AT_ADDRESS - 1
    sign_in(app, "Alice", WRONG)
    with pytest.raises(throttle.Throttled):
        sign_in(app, "Alice")


def test_a_successful_sign_in_clears_its_own_failures(app, auth, clock):
    auth.create("alice")
    for _ in range(throttle.PER_ACCOUNT_AT_ADDRESS - 1):
        sign_in(app, "ALICE", WRONG)
    assert sign_in(app, "Alice") is not None
    with app.app_context():
        assert throttle.failures("alice") == 0


def test_an_underscore_or_percent_in_a_name_matches_only_itself_in_the_throttle(app, auth, clock):
    auth.create("a_b")
    for _ in range(throttle.PER_ACCOUNT_AT_ADDRESS):
        sign_in(app, "axb", WRONG)
        sign_in(app, "a%", WRONG)
    assert sign_in(app, "a_b") is not None


@pytest.mark.parametrize("method", ["scrypt", "pbkdf2:sha256:1000"])
def test_an_old_werkzeug_hash_signs_in_and_is_replaced_by_argon2id(app, method):
    app.config["ARGON2_PARAMETERS"] = None  # the app's default: OWASP's
    with app.app_context():
        learner = Learner(username="old", display_name="old",
                          password_hash=generate_password_hash(PASSWORD, method=method))
        db.session.add(learner)
        db.session.commit()
        learner_id = learner.id
    assert sign_in(app, "old", WRONG) is None
    assert stored_hash(app, learner_id).startswith(method.split(":")[0])  # no rehash on a failure
    assert sign_in(app, "Old") == learner_id
    new = stored_hash(app, learner_id)
    assert new.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert sign_in(app, "old") == learner_id
    assert stored_hash(app, learner_id) == new  # rehashed once, not at every sign-in


def test_an_argon2_hash_with_other_parameters_is_rehashed_with_the_apps(app):
    app.config["ARGON2_PARAMETERS"] = None
    old = passwords._hasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    with app.app_context():
        learner = Learner(username="old", display_name="old", password_hash=old)
        db.session.add(learner)
        db.session.commit()
        learner_id = learner.id
    assert sign_in(app, "old") == learner_id
    assert stored_hash(app, learner_id).startswith("$argon2id$v=19$m=19456,t=2,p=1$")


def test_the_argon2_parameters_are_a_setting(app):
    app.config["ARGON2_PARAMETERS"] = {"time_cost": 1, "memory_cost": 1024}
    with app.app_context():
        made = passwords.hash_password(PASSWORD)
        assert made.startswith("$argon2id$v=19$m=1024,t=1,p=1$")
        assert passwords.verify(made, PASSWORD) and not passwords.verify(made, WRONG)


def test_registering_hashes_with_argon2id_at_owasps_minimum(app):
    app.config["ARGON2_PARAMETERS"] = None
    with app.app_context():
        learner = accounts.register("newbie", "long enough")
        assert learner.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
        assert learner.check_password("long enough") and not learner.check_password("long enougH")


@pytest.mark.parametrize("stored", [None, "", "garbage", "$argon2id$broken", "md5$x$y"])
def test_a_missing_or_broken_hash_matches_nothing(stored):
    assert not passwords.verify(stored, PASSWORD)


def test_rename_gives_a_twin_a_free_name_and_its_key(app, auth, password_hash):
    auth.create("alice")
    other = twin(app, "Alice", password_hash)
    with app.app_context():
        with pytest.raises(accounts.AccountError, match="taken"):
            accounts.rename("Alice", "ALICE")
        with pytest.raises(NotFound):
            accounts.rename("nobody", "somebody")
        renamed = accounts.rename("Alice", "alice2")
        assert (renamed.id, renamed.username_key) == (other, "alice2")
        assert accounts.duplicates() == []
    assert sign_in(app, "ALICE2") == other


def test_duplicates_lists_each_twin_beside_the_account_holding_its_key(app, auth, password_hash):
    alice = auth.create("alice")
    first, second = twin(app, "Alice", password_hash), twin(app, "ALICE", password_hash)
    with app.app_context():
        found = accounts.duplicates()
        assert [(t.twin.id, t.keyed.id) for t in found] == [(first, alice), (second, alice)]
