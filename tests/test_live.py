"""Live games in the database: create, join, answer once and in time, move on, the state each
side sees, results, and the signed-in players' attempts of mode `live`."""

import pytest
from sqlalchemy import select

from quizapp.extensions import db
from quizapp.models import Attempt, Card, Learner, LiveAnswer
from quizapp.quiz.snapshot import Snapshot
from quizapp.services import live
from quizapp.services.errors import AlreadySubmitted, Conflict, Invalid, NotAllowed, NotFound
from quizapp.services.live_view import host_state, player_state, results


@pytest.fixture
def ctx(app, clock):
    with app.app_context():
        yield clock


def person(name, role="student"):
    learner = Learner(username=name, display_name=name.title(), role=role)
    db.session.add(learner)
    db.session.commit()
    return learner


def new_game(length=3, mode="mixed", seconds=20):
    host = db.session.scalar(select(Learner).where(Learner.username == "teach"))
    host = host or person("teach", "teacher")
    return live.create_game(host, "sample", mode, length, seconds)


def right(game):
    snap = Snapshot.from_json(game.questions[game.question_index]["snapshot"])
    return snap.key[0] if snap.type == "choice" else list(snap.key)


def wrong(game):
    snap = Snapshot.from_json(game.questions[game.question_index]["snapshot"])
    if snap.type == "choice":
        return next(o.id for o in snap.options if o.id not in snap.key)
    if snap.type == "multiple":
        return [o.id for o in snap.options if o.id not in snap.key]
    return list(reversed(snap.key))


def test_a_game_is_made_by_a_teacher_with_checked_settings(ctx):
    game = new_game()
    assert live.find_game(game.pin) is game or live.find_game(game.pin).id == game.id
    assert game.phase == "lobby" and len(game.questions) == 3
    student = person("stu")
    with pytest.raises(NotAllowed):
        live.create_game(student, "sample", "mixed", 3, 20)
    teacher = person("t2", "teacher")
    for bank, mode, length, seconds in [("nope", "mixed", 3, 20), ("sample", "review", 3, 20),
                                        ("sample", "mixed", 0, 20), ("sample", "mixed", True, 20),
                                        ("sample", "mixed", 3, 9), ("sample", "mixed", 3, 121)]:
        with pytest.raises(Invalid):
            live.create_game(teacher, bank, mode, length, seconds)
    for pin in ["000000", "12345", "abcdef", None, "9" * 6]:
        with pytest.raises(NotFound):
            live.find_game(pin)


def test_nicknames_are_unique_in_a_game_and_obey_the_name_rules(ctx):
    game = new_game()
    live.join(game, "Ana")
    for taken in ["Ana", "ana", " ANA "]:
        with pytest.raises(Conflict):
            live.join(game, taken)
    for rude in ["", "   ", "a\u202eb", "x\ny", "z" * 25, 5]:
        with pytest.raises(Invalid):
            live.join(game, rude)
    other = new_game()
    live.join(other, "Ana")  # another game: free


def test_a_right_fast_answer_scores_most_and_a_second_one_is_refused(ctx):
    game = new_game()
    a, _ = live.join(game, "Ana")
    b, _ = live.join(game, "Bo")
    c, _ = live.join(game, "Cy")
    live.next_phase(game, db.session.get(Learner, game.host_id))
    assert game.phase == "question"
    live.answer(game, a, right(game))
    ctx.advance(seconds=10)
    live.answer(game, b, right(game))
    with pytest.raises(AlreadySubmitted):
        live.answer(game, b, wrong(game))
    ctx.advance(seconds=11)  # time is up
    with pytest.raises(AlreadySubmitted, match="too late"):
        live.answer(game, c, right(game))
    db.session.refresh(a), db.session.refresh(b), db.session.refresh(c)
    assert (a.score, b.score, c.score) == (1000, 750, 0)
    assert db.session.scalar(select(db.func.count()).select_from(LiveAnswer)) == 2
    assert player_state(game, c)["phase"] == "reveal"


def test_the_key_reaches_a_phone_only_from_the_reveal_on(ctx):
    game = new_game()
    ana, _ = live.join(game, "Ana")
    bo, _ = live.join(game, "Bo")
    host = db.session.get(Learner, game.host_id)
    live.next_phase(game, host)
    key = Snapshot.from_json(game.questions[0]["snapshot"]).key
    before = player_state(game, ana)
    assert "key" not in before["question"] and "result" not in before
    live.answer(game, ana, right(game))
    assert "key" not in str(player_state(game, ana))
    live.answer(game, bo, wrong(game))  # everyone has answered: revealed at once
    after = player_state(game, ana)
    assert after["phase"] == "reveal" and after["question"]["key"] == list(key)
    assert after["result"]["correct"] and after["rank"] == 1
    bars = host_state(game)["bars"]
    assert sum(b["count"] for b in bars) >= 2


def test_late_joiners_play_from_the_next_question(ctx):
    game = new_game()
    host = db.session.get(Learner, game.host_id)
    live.join(game, "Ana")
    live.next_phase(game, host)
    late, _ = live.join(game, "Late")
    assert player_state(game, late)["waiting"]
    with pytest.raises(NotAllowed, match="next one"):
        live.answer(game, late, right(game))
    live.next_phase(game, host), live.next_phase(game, host), live.next_phase(game, host)
    assert game.question_index == 1 and not player_state(game, late)["waiting"]
    live.answer(game, late, right(game))


def test_only_the_host_moves_on_and_an_ended_game_refuses_everything(ctx):
    game = new_game(length=1)
    stranger = person("t3", "teacher")
    with pytest.raises(NotAllowed):
        live.next_phase(game, stranger)
    host = db.session.get(Learner, game.host_id)
    player, token = live.join(game, "Ana")
    for _ in range(4):
        live.next_phase(game, host)
    assert game.phase == "finished"
    for act in (lambda: live.next_phase(game, host), lambda: live.join(game, "Bo"),
                lambda: live.answer(game, player, None)):
        with pytest.raises(NotAllowed, match="ended"):
            act()
    other = new_game()
    with pytest.raises(NotAllowed, match="another game"):
        live.player_for(other, token)
    assert live.player_for(game, token).id == player.id


def test_signed_in_players_answers_are_stored_as_a_live_attempt(ctx):
    game = new_game(length=2)
    host = db.session.get(Learner, game.host_id)
    student = person("stu")
    mine, token = live.join(game, None, student)
    assert mine.nickname == "Stu"
    again, token2 = live.join(game, None, student)  # a reload, another device: same player
    assert again.id == mine.id and token2 != token
    live.join(game, "Guest")
    live.next_phase(game, host)
    live.answer(game, mine, right(game))
    for _ in range(3):
        live.next_phase(game, host)
    live.answer(game, mine, wrong(game))
    live.next_phase(game, host), live.next_phase(game, host), live.next_phase(game, host)
    assert game.phase == "finished"
    attempts = db.session.scalars(select(Attempt)).all()
    assert [(a.learner_id, a.mode, a.score, a.max_score) for a in attempts] == [
        (student.id, "live", pytest.approx(attempts[0].score), 2.0)]
    assert 1 <= attempts[0].score < 2 and attempts[0].submitted is not None
    assert db.session.scalars(select(Card).where(Card.learner_id == student.id)).first()
    header, rows = results(game)
    assert header[:4] == ["rank", "nickname", "signed_in", "score"]
    assert rows[0][1] == "Stu" and rows[0][2] == "yes" and rows[1][2] == "no"


def test_the_exam_lock_holds_for_a_live_game(ctx):
    from quizapp.services.catalog import set_exam_only

    game = new_game()
    host = db.session.get(Learner, game.host_id)
    set_exam_only(host.id, "sample", True, ctx.now)
    with pytest.raises(NotAllowed, match="assigned quizzes only"):
        new_game()
    with pytest.raises(NotAllowed, match="assigned quizzes only"):
        live.join(game, "Ana")
    with pytest.raises(NotAllowed, match="assigned quizzes only"):
        live.join(game, None, person("stu"))
    set_exam_only(host.id, "sample", False, ctx.now)
    live.join(game, "Ana")
