"""The live game's API: the calls of issue 16, each bad input a clear message and its status,
and every message a phone gets before the reveal read for the key."""

import json
import os

import pytest

from quizapp.extensions import db
from quizapp.models import LiveAnswer, LiveGame, LivePlayer
from quizapp.quiz.snapshot import Snapshot
from tests.web.api_helpers import add_learner, bearer

LEAKS = {"key", "explanation", "result", "correct", "points", "feedback", "facts", "bars"}


@pytest.fixture
def teacher(app):
    token = add_learner(app, "teach")
    with app.app_context():
        from quizapp.models import Learner
        db.session.query(Learner).filter_by(username="teach").update({"role": "teacher"})
        db.session.commit()
    return bearer(token)


def open_game(client, teacher, **body):
    response = client.post("/api/v1/live", json={"bank": "sample", "mode": "mixed",
                                                 "length": 3, "seconds": 20, **body},
                           headers=teacher)
    assert response.status_code == 201, response.json
    return response.json["pin"]


def join(client, pin, name):
    response = client.post(f"/api/v1/live/{pin}/players", json={"nickname": name})
    assert response.status_code == 201, response.json
    return bearer(response.json["player_token"])


def served(app, pin):
    with app.app_context():
        game = db.session.query(LiveGame).filter_by(pin=pin).one()
        return Snapshot.from_json(game.questions[game.question_index]["snapshot"])


def right(snap):
    return snap.key[0] if snap.type == "choice" else list(snap.key)


def keys_in(value):
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys_in(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys_in(v)}
    return set()


def events(client, pin, headers, count):
    """The first `count` events of the stream, as JSON."""
    response = client.get(f"/api/v1/live/{pin}/events", headers=headers, buffered=False)
    assert response.status_code == 200 and response.mimetype == "text/event-stream"
    got = []
    for chunk in response.response:
        text = chunk.decode() if isinstance(chunk, bytes) else chunk
        if text.startswith("data: "):
            got.append(json.loads(text[6:]))
            if len(got) == count:
                break
    response.close()
    return got


def test_a_game_from_lobby_to_podium(app, client, teacher):
    pin = open_game(client, teacher)
    ana, bo = join(client, pin, "Ana"), join(client, pin, "Bo")
    lobby = client.get(f"/api/v1/live/{pin}", headers=teacher).json
    assert lobby["phase"] == "lobby" and lobby["players"] == ["Ana", "Bo"]
    assert client.post(f"/api/v1/live/{pin}/next", headers=teacher).json["phase"] == "question"
    state = client.get(f"/api/v1/live/{pin}", headers=ana).json
    assert {"phase", "question", "seconds_left", "score", "rank"} <= set(state)
    assert state["seconds_left"] == 20 and state["question"]["options"]
    snap = served(app, pin)
    assert client.post(f"/api/v1/live/{pin}/answers", json={"answer": right(snap)},
                       headers=ana).json == {"received": True}
    again = client.post(f"/api/v1/live/{pin}/answers", json={"answer": right(snap)}, headers=ana)
    assert again.status_code == 409 and "first answer stands" in again.json["error"]
    client.post(f"/api/v1/live/{pin}/answers", json={"answer": None}, headers=bo)
    revealed = client.get(f"/api/v1/live/{pin}", headers=ana).json
    assert revealed["phase"] == "reveal" and revealed["question"]["key"] == list(snap.key)
    assert revealed["score"] > 990 and revealed["rank"] == 1
    host = client.get(f"/api/v1/live/{pin}", headers=teacher).json
    assert sum(b["count"] for b in host["bars"]) >= 1
    for _ in range(8):
        client.post(f"/api/v1/live/{pin}/next", headers=teacher)
    end = client.get(f"/api/v1/live/{pin}", headers=bo).json
    assert end["phase"] == "finished" and end["leaderboard"][0]["nickname"] == "Ana"


def test_every_message_a_phone_gets_before_the_reveal_has_no_key(app, client, teacher):
    pin = open_game(client, teacher, length=2)
    ana = join(client, pin, "Ana")
    join(client, pin, "Bo")
    seen = [events(client, pin, ana, 1)[0], client.get(f"/api/v1/live/{pin}", headers=ana).json]
    for number in range(2):
        client.post(f"/api/v1/live/{pin}/next", headers=teacher)
        snap = served(app, pin)
        seen += events(client, pin, ana, 1)
        seen.append(client.get(f"/api/v1/live/{pin}", headers=ana).json)
        seen.append(client.post(f"/api/v1/live/{pin}/answers", json={"answer": right(snap)},
                                headers=ana).json)
        seen.append(client.get(f"/api/v1/live/{pin}", headers=ana).json)
        seen += events(client, pin, ana, 1)
        for message in seen:
            assert not keys_in(message) & LEAKS, message
            assert snap.explanation not in json.dumps(message) or not snap.explanation
        assert all(m.get("question") is None or m["question"].get("number", 0) <= number + 1
                   for m in seen if "question" in m)
        client.post(f"/api/v1/live/{pin}/next", headers=teacher)  # reveal
        after = client.get(f"/api/v1/live/{pin}", headers=ana).json
        assert after["question"]["key"] == list(snap.key)
        client.post(f"/api/v1/live/{pin}/next", headers=teacher)  # leaderboard


def test_the_event_stream_wakes_on_next(app, client, teacher):
    pin = open_game(client, teacher)
    ana = join(client, pin, "Ana")
    response = client.get(f"/api/v1/live/{pin}/events", headers=ana, buffered=False)
    stream = (c.decode() for c in response.response)
    first = next(c for c in stream if c.startswith("data: "))
    assert json.loads(first[6:])["phase"] == "lobby"
    client.post(f"/api/v1/live/{pin}/next", headers=teacher)
    second = next(c for c in stream if c.startswith("data: "))
    assert json.loads(second[6:])["phase"] == "question"
    response.close()


def test_bad_input_gets_a_clear_message_and_changes_nothing(app, client, teacher, clock):
    pin = open_game(client, teacher, length=1)
    ana = join(client, pin, "Ana")
    cases = [
        (client.get("/api/v1/live/123456", headers=ana), 404, "no game with PIN"),
        (client.post("/api/v1/live/12/players", json={"nickname": "X"}), 404, "six digits"),
        (client.post(f"/api/v1/live/{pin}/players", json={"nickname": "ana"}), 409,
         "already called"),
        (client.post(f"/api/v1/live/{pin}/players", json={"nickname": "a\u202eb"}), 400,
         "direction"),
        (client.post(f"/api/v1/live/{pin}/players", json={"nickname": 7}), 400, "nickname"),
        (client.post(f"/api/v1/live/{pin}/players", json=[1]), 400, "JSON object"),
        (client.get(f"/api/v1/live/{pin}"), 401, "Authorization"),
        (client.post(f"/api/v1/live/{pin}/next", headers=ana), 403, "host"),
        (client.post(f"/api/v1/live/{pin}/answers", json={"answer": "x"}, headers=ana), 403,
         "No question is open"),
        (client.post("/api/v1/live", json={"bank": "sample", "seconds": 5}, headers=teacher),
         400, "10 to 120 seconds"),
        (client.post("/api/v1/live", json={"bank": "sample"}, headers=ana), 401, "not valid"),
    ]
    for response, status, words in cases:
        assert response.status_code == status, (response.json, status)
        assert words in response.json["error"], response.json
    other = open_game(client, teacher)
    elsewhere = client.get(f"/api/v1/live/{other}", headers=ana)
    assert elsewhere.status_code == 403 and "another game" in elsewhere.json["error"]
    client.post(f"/api/v1/live/{pin}/next", headers=teacher)
    bad = client.post(f"/api/v1/live/{pin}/answers", json={"answer": ["nope"]}, headers=ana)
    assert bad.status_code == 400 and "does not fit" in bad.json["error"]
    missing = client.post(f"/api/v1/live/{pin}/answers", json={}, headers=ana)
    assert missing.status_code == 400 and '"answer"' in missing.json["error"]
    clock.advance(seconds=21)
    late = client.post(f"/api/v1/live/{pin}/answers", json={"answer": right(served(app, pin))},
                       headers=ana)
    assert late.status_code == 409 and "too late" in late.json["error"]
    for _ in range(3):
        client.post(f"/api/v1/live/{pin}/next", headers=teacher)
    ended = client.post(f"/api/v1/live/{pin}/players", json={"nickname": "Late"})
    assert ended.status_code == 403 and "ended" in ended.json["error"]
    assert client.post(f"/api/v1/live/{pin}/next", headers=teacher).status_code == 403
    with app.app_context():
        assert db.session.query(LiveAnswer).count() == 0
        assert db.session.query(LivePlayer).count() == 1


def test_a_student_joins_with_their_token_under_their_name(app, client, teacher):
    pin = open_game(client, teacher)
    student = bearer(add_learner(app, "stu"))
    response = client.post(f"/api/v1/live/{pin}/players", headers=student)
    assert response.status_code == 201 and response.json["nickname"] == "stu"
    student_token = client.get(f"/api/v1/live/{pin}", headers=student)
    assert student_token.status_code == 403  # their API token is not a player token


def test_past_its_streams_a_process_sends_the_state_once_and_the_client_polls(app, client,
                                                                               teacher):
    app.config["LIVE_STREAMS"] = 1
    pin = open_game(client, teacher)
    ana, bo = join(client, pin, "Ana"), join(client, pin, "Bo")
    held = client.get(f"/api/v1/live/{pin}/events", headers=ana, buffered=False)
    next(c for c in held.response if c.startswith(b"data: "))
    once = client.get(f"/api/v1/live/{pin}/events", headers=bo)  # buffered: it ends by itself
    body = once.text
    assert "retry: 2000" in body and body.count("data: ") == 1
    assert json.loads(body.split("data: ")[1])["nickname"] == "Bo"
    held.close()  # its place is free again
    again = client.get(f"/api/v1/live/{pin}/events", headers=bo, buffered=False)
    assert next(iter(again.response)).startswith(b"retry: 1000")
    again.close()


REDIS_URL = os.environ.get("QUIZAPP_TEST_REDIS_URL")


@pytest.mark.skipif(not REDIS_URL, reason="set QUIZAPP_TEST_REDIS_URL=redis://... (.ci/run does)")
def test_with_redis_a_change_wakes_the_streams_before_the_next_poll(app, client, teacher):
    import queue
    import threading
    import time

    from quizapp.services import live_watch

    app.config["REDIS_URL"] = REDIS_URL
    pin = open_game(client, teacher, length=1)
    ana = join(client, pin, "Ana")
    response = app.test_client().get(f"/api/v1/live/{pin}/events", headers=ana, buffered=False)
    arrived = queue.Queue()

    def read():  # as a server's thread runs a stream: on and on, not when a test pulls
        for chunk in response.response:
            if chunk.startswith(b"data: "):
                arrived.put((time.monotonic(), json.loads(chunk[6:])["phase"]))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert arrived.get(timeout=5)[1] == "lobby"
    for phase in ("question", "reveal", "leaderboard"):  # a poll could be this quick by chance
        time.sleep(live_watch.REDIS_POLL + 0.2)  # the poller asleep again; once in three, not
        began = time.monotonic()  # three times in a row
        client.post(f"/api/v1/live/{pin}/next", headers=teacher)
        at, shown = arrived.get(timeout=5)
        assert shown == phase and at - began < live_watch.REDIS_POLL * 0.3
    client.post(f"/api/v1/live/{pin}/next", headers=teacher)  # finished: the stream ends
    reader.join(timeout=5)
    assert arrived.get(timeout=1)[1] == "finished" and not reader.is_alive()
    response.close()
