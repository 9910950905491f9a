"""A live game for a class (issue 16): who may start it, who may join, the lobby's count, the CSV."""

import pytest

from quizapp.extensions import db
from quizapp.models import ClassMember, Classroom, ClassTeacher, Learner
from quizapp.services import live
from quizapp.services.errors import NotAllowed, NotFound
from quizapp.services.live_view import host_state, results


@pytest.fixture
def ctx(app, clock):
    with app.app_context():
        yield clock


def person(name, role="student"):
    learner = Learner(username=name, display_name=name.title(), role=role)
    db.session.add(learner)
    db.session.commit()
    return learner


@pytest.fixture
def school(ctx):
    owner, co, other = person("teach", "teacher"), person("co", "teacher"), person("else", "teacher")
    ana, beto, carla, stranger = (person(n) for n in ("ana", "beto", "carla", "stranger"))
    room = Classroom(name="5B", code="LIVE5B", owner_id=owner.id)
    db.session.add(room)
    db.session.flush()
    db.session.add_all([ClassTeacher(class_id=room.id, teacher_id=co.id),
                        *[ClassMember(class_id=room.id, learner_id=s.id)
                          for s in (ana, beto, carla)]])
    db.session.commit()
    return {"owner": owner, "co": co, "other": other, "ana": ana, "beto": beto, "carla": carla,
            "stranger": stranger, "room": room}


def test_only_the_class_s_teachers_start_a_game_for_it(school):
    room = school["room"]
    game = live.create_game(school["owner"], "sample", "choice", 2, 20, room.id)
    assert game.class_id == room.id
    assert live.create_game(school["co"], "sample", "choice", 2, 20, room.id).class_id == room.id
    for bad in (room.id, room.id + 99, "1", True, -1):
        with pytest.raises(NotFound):
            live.create_game(school["other"], "sample", "choice", 2, 20, bad)
    assert live.create_game(school["other"], "sample", "choice", 2, 20).class_id is None


def test_only_the_class_s_students_and_teachers_join(school):
    game = live.create_game(school["owner"], "sample", "choice", 2, 20, school["room"].id)
    live.join(game, "x", school["ana"])
    live.join(game, "x", school["co"])
    for outsider in (None, school["stranger"], school["other"]):
        with pytest.raises(NotAllowed, match="only its students, signed in, and its teachers"):
            live.join(game, "guest", outsider)


def test_the_lobby_counts_the_class_and_the_csv_lists_who_did_not_play(school):
    game = live.create_game(school["owner"], "sample", "choice", 2, 20, school["room"].id)
    live.join(game, "x", school["ana"])
    live.join(game, "x", school["co"])  # a teacher plays, but is not one of the class
    state = host_state(game)
    assert state["of_class"] == (1, 3) and state["class_name"] == "5B"
    header, rows = results(game)
    assert [r[1] for r in rows[-2:]] == ["Beto", "Carla"]
    assert all(r[2] == "did not play" and r[0] == "" and r[3] == "" for r in rows[-2:])
    assert all(len(r) == len(header) for r in rows)


def test_a_game_without_a_class_is_as_before(school):
    game = live.create_game(school["owner"], "sample", "choice", 2, 20)
    live.join(game, "Guest", None)
    assert host_state(game)["of_class"] is None
    assert [r[1] for r in results(game)[1]] == ["Guest"]
