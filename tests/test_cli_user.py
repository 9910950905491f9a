"""`flask --app quizapp user create`."""

import pytest

from quizapp.extensions import db
from quizapp.models import Learner


def stored(app, username):
    with app.app_context():
        return db.session.query(Learner).filter_by(username=username).one_or_none()


def test_user_create_asks_for_the_password_twice_and_makes_a_student(app, runner):
    result = runner.invoke(args=["user", "create", "alice"], input="long enough\nlong enough\n")
    assert result.exit_code == 0, result.output
    assert "Repeat for confirmation" in result.output
    assert "Created student alice." in result.output
    alice = stored(app, "alice")
    assert alice.role == "student" and alice.check_password("long enough")


def test_user_create_with_teacher_makes_a_teacher(app, runner):
    result = runner.invoke(args=["user", "create", "mr-t", "--teacher"], input="long enough\n" * 2)
    assert result.exit_code == 0, result.output
    assert stored(app, "mr-t").is_teacher


def test_user_create_refuses_a_taken_name(app, runner, auth):
    auth.create("alice")
    result = runner.invoke(args=["user", "create", "alice"], input="long enough\n" * 2)
    assert result.exit_code == 1
    assert "The username 'alice' is taken" in result.output


def test_user_create_refuses_a_short_password(app, runner):
    result = runner.invoke(args=["user", "create", "bob"], input="short\nshort\n")
    assert result.exit_code == 1
    assert "at least 8 characters" in result.output
    assert stored(app, "bob") is None


def test_user_create_refuses_passwords_that_differ(app, runner):
    result = runner.invoke(args=["user", "create", "bob"], input="long enough\nanother one\n")
    assert result.exit_code == 1
    assert "do not match" in result.output
    assert stored(app, "bob") is None


def test_user_create_with_admin_makes_an_admin(app, runner):
    result = runner.invoke(args=["user", "create", "head", "--admin"], input="long enough\n" * 2)
    assert result.exit_code == 0, result.output
    assert "Created admin head." in result.output
    head = stored(app, "head")
    assert head.is_admin and head.is_teacher


def test_user_create_refuses_teacher_and_admin_together(app, runner):
    result = runner.invoke(args=["user", "create", "x-y", "--admin", "--teacher"],
                           input="long enough\n" * 2)
    assert result.exit_code == 2
    assert "not both" in result.output
    assert stored(app, "x-y") is None


def test_user_create_refuses_a_name_taken_in_another_case(app, runner, auth):
    auth.create("alice")
    result = runner.invoke(args=["user", "create", "ALICE"], input="long enough\n" * 2)
    assert result.exit_code == 1
    assert "The username 'ALICE' is taken" in result.output


def make_twin(app, username, password_hash):
    with app.app_context():
        learner = Learner(username=username, display_name=username, password_hash=password_hash)
        learner.username_key = None  # as migration 0004 leaves a younger twin
        db.session.add(learner)
        db.session.commit()
        return learner.id


def test_user_duplicates_says_when_there_are_none(runner, auth):
    auth.create("alice")
    result = runner.invoke(args=["user", "duplicates"])
    assert result.exit_code == 0
    assert "No duplicate usernames" in result.output


def test_user_duplicates_lists_twins_and_how_to_rename_them(app, runner, auth, password_hash):
    alice = auth.create("alice")
    twin = make_twin(app, "Alice", password_hash)
    result = runner.invoke(args=["user", "duplicates"])
    assert result.exit_code == 0
    assert f"'Alice' (id {twin}, created " in result.output
    assert f"beside 'alice' (id {alice})" in result.output
    assert "1 account to rename" in result.output
    assert "flask --app quizapp user rename OLD NEW" in result.output


def test_user_rename_resolves_a_twin(app, runner, auth, password_hash):
    auth.create("alice")
    twin = make_twin(app, "Alice", password_hash)
    result = runner.invoke(args=["user", "rename", "Alice", "alice.b"])
    assert result.exit_code == 0, result.output
    assert "Renamed Alice to alice.b." in result.output
    renamed = stored(app, "alice.b")
    assert (renamed.id, renamed.username_key, renamed.display_name) == (twin, "alice.b", "alice.b")
    assert "No duplicate usernames" in runner.invoke(args=["user", "duplicates"]).output


@pytest.mark.parametrize(("old", "new", "message"), [
    ("nobody", "somebody", "There is no account with the username 'nobody'"),
    ("Alice", "ALICE", "The username 'ALICE' is taken"),
    ("Alice", "no spaces please", "A username is 3 to 40"),
])
def test_user_rename_refuses_what_it_cannot_do(app, runner, auth, password_hash, old, new,
                                               message):
    auth.create("alice")
    make_twin(app, "Alice", password_hash)
    result = runner.invoke(args=["user", "rename", old, new])
    assert result.exit_code == 1
    assert message in result.output
    assert stored(app, "Alice") is not None
