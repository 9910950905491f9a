"""`flask --app quizapp user create`."""

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


def test_user_create_with_admin_makes_an_admin(app, runner):
    result = runner.invoke(args=["user", "create", "head", "--admin"], input="long enough\n" * 2)
    assert result.exit_code == 0 and "Created admin head." in result.output
    assert stored(app, "head").is_admin


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
