"""The live game's pages, without a browser: Play live, the projector's page through every
phase, /live, the phone's page, answering by form, reloading back in, the CSV."""

import re

from quizapp.extensions import db
from quizapp.models import LiveGame
from quizapp.quiz.snapshot import Snapshot
from tests.web.api_helpers import PASSWORD


def csrf(client, url):
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(url).text).group(1)


def host_game(app, client, auth, length=2, mode="choice"):
    auth.create("teach", role="teacher")
    client.post("/login", data={"username": "teach", "password": PASSWORD, "next": ""})
    page = client.get("/teacher/live?bank=sample")
    assert page.status_code == 200 and "Seconds per question" in page.text
    token = csrf(client, "/teacher/live")
    bad = client.post("/teacher/live", data={"csrf_token": token, "bank": "sample",
                                             "mode": mode, "length": 2, "seconds": 500})
    assert bad.status_code == 400 and "From 10 to 120 seconds" in bad.text
    made = client.post("/teacher/live", data={"csrf_token": token, "bank": "sample",
                                              "mode": mode, "length": length, "seconds": 20})
    assert made.status_code == 303
    pin = made.headers["Location"].rsplit("/", 1)[1]
    return pin, token


def key_of(app, pin):
    with app.app_context():
        game = db.session.query(LiveGame).filter_by(pin=pin).one()
        return Snapshot.from_json(game.questions[game.question_index]["snapshot"])


def test_a_game_through_its_pages(app, auth):
    host, phone = app.test_client(), app.test_client()
    pin, token = host_game(app, host, auth)
    lobby = host.get(f"/teacher/live/{pin}")
    assert pin in lobby.text and "/live" in lobby.text and "Start the game" in lobby.text

    form = phone.get(f"/live?pin={pin}")
    assert form.status_code == 200 and f'value="{pin}"' in form.text
    phone_token = csrf(phone, "/live")
    wrong = phone.post("/live", data={"csrf_token": phone_token, "pin": "999999",
                                      "nickname": "Ana"})
    assert wrong.status_code == 404 and "no game with PIN" in wrong.text
    joined = phone.post("/live", data={"csrf_token": phone_token, "pin": pin, "nickname": "Ana"})
    assert joined.status_code == 303 and joined.headers["Location"].endswith(f"/live/{pin}")
    assert "You are in" in phone.get(f"/live/{pin}").text
    assert "Ana" in host.get(f"/teacher/live/{pin}").text
    taken = app.test_client()
    again = taken.post("/live", data={"csrf_token": csrf(taken, "/live"), "pin": pin,
                                      "nickname": "ANA"})
    assert again.status_code == 409 and "already called" in again.text

    assert host.post(f"/teacher/live/{pin}/next", data={"csrf_token": token}).status_code == 303
    question = phone.get(f"/live/{pin}").text
    snap = key_of(app, pin)
    assert snap.prompt.replace("?", "") in question
    assert ('class="live-option"' if snap.type == "choice" else "live-form") in question
    assert "0 of 1 answered" in re.sub(r"<[^>]+>", "", host.get(f"/teacher/live/{pin}").text)
    sent = phone.post(f"/live/{pin}/answer", data={
        "csrf_token": phone_token, "a.q": snap.key[0] if snap.type == "choice" else list(snap.key)})
    assert sent.status_code == 303
    revealed = phone.get(f"/live/{pin}").text  # everyone answered: revealed at once
    assert "Right!" in revealed
    second = phone.post(f"/live/{pin}/answer", data={"csrf_token": phone_token, "a.q": "x"})
    assert second.status_code == 409
    host_reveal = host.get(f"/teacher/live/{pin}").text
    assert "<meter" in host_reveal and "Leaderboard" in host_reveal

    for _ in range(5):
        host.post(f"/teacher/live/{pin}/next", data={"csrf_token": token})
    podium = host.get(f"/teacher/live/{pin}").text
    assert "Podium" in podium and "Ana" in podium
    csv = host.get(f"/teacher/live/{pin}/results.csv")
    assert csv.mimetype == "text/csv" and "rank,nickname,signed_in,score,q1,q2" in csv.text.splitlines()[0]
    assert "Final results" in phone.get(f"/live/{pin}").text


def test_a_reload_or_a_new_visit_to_live_gets_back_in(app, auth):
    host, phone = app.test_client(), app.test_client()
    pin, _ = host_game(app, host, auth)
    token = csrf(phone, "/live")
    phone.post("/live", data={"csrf_token": token, "pin": pin, "nickname": "Bo"})
    back = phone.post("/live", data={"csrf_token": token, "pin": pin, "nickname": "Other"})
    assert back.status_code == 303 and back.headers["Location"].endswith(f"/live/{pin}")
    assert "Bo" in phone.get(f"/live/{pin}").text
    stranger = app.test_client()
    assert stranger.get(f"/live/{pin}").status_code == 303  # not joined: to the form


def test_an_ordering_question_uses_the_quiz_form(app, auth):
    host, phone = app.test_client(), app.test_client()
    pin, token = host_game(app, host, auth, length=1, mode="ordering")
    phone_token = csrf(phone, "/live")
    phone.post("/live", data={"csrf_token": phone_token, "pin": pin, "nickname": "Cy"})
    host.post(f"/teacher/live/{pin}/next", data={"csrf_token": token})
    page = phone.get(f"/live/{pin}").text
    assert 'class="quiz live-form" data-live' in page and "Keep this order" in page
    empty = phone.post(f"/live/{pin}/answer", data={"csrf_token": phone_token})
    assert empty.status_code == 400 and "Choose an answer first" in empty.text
    kept = phone.post(f"/live/{pin}/answer", data={"csrf_token": phone_token, "a.q": "keep"})
    assert kept.status_code == 303


def test_only_the_host_sees_the_projector(app, auth, client):
    host = app.test_client()
    pin, _ = host_game(app, host, auth)
    auth.create("other", role="teacher")
    auth.login("other")
    assert client.get(f"/teacher/live/{pin}").status_code == 404
    assert client.get(f"/teacher/live/{pin}/results.csv").status_code == 404


def test_play_live_from_a_class_is_for_its_students_only(app, auth, client):
    from quizapp.models import ClassMember, Classroom

    teach = auth.create("teach", role="teacher")
    ana, other = auth.create("ana"), auth.create("other", role="teacher")
    auth.create("stranger")
    with app.app_context():
        room = Classroom(name="5B", code="LIVE5B", owner_id=teach)
        db.session.add(room)
        db.session.flush()
        db.session.add(ClassMember(class_id=room.id, learner_id=ana))
        db.session.commit()
        class_id = room.id
    host = app.test_client()
    host.post("/login", data={"username": "teach", "password": PASSWORD, "next": ""})
    page = host.get(f"/teacher/classes/{class_id}")
    assert f'/teacher/live?class={class_id}' in page.text and "Play live" in page.text
    form = host.get(f"/teacher/live?class={class_id}")
    assert form.status_code == 200 and "For the class <strong>5B</strong>" in form.text
    assert host.get("/teacher/live?class=999999").status_code == 404
    assert host.get("/teacher/live?class=x%C2%B2").status_code == 404
    token = csrf(host, "/teacher/live")
    made = host.post("/teacher/live", data={"csrf_token": token, "bank": "sample", "mode": "choice",
                                             "length": 2, "seconds": 20, "class_id": class_id})
    assert made.status_code == 303
    pin = made.headers["Location"].rsplit("/", 1)[1]
    with app.app_context():
        assert db.session.query(LiveGame).filter_by(pin=pin).one().class_id == class_id
    # Someone else's class: 404, and no game is made.
    auth.login("other")
    bad = client.post("/teacher/live", data={"csrf_token": csrf(client, "/teacher/live"),
                                             "bank": "sample", "mode": "choice", "length": 2,
                                             "seconds": 20, "class_id": class_id})
    assert bad.status_code == 404
    # A guest, or a student not in the class: 403 saying why.
    guest = app.test_client()
    refused = guest.post("/live", data={"csrf_token": csrf(guest, "/live"), "pin": pin,
                                        "nickname": "Zed"})
    assert refused.status_code == 403 and "only its students" in refused.text
    client.post("/logout", data={"csrf_token": csrf(client, "/")})
    auth.login("stranger")
    refused = client.post("/live", data={"csrf_token": csrf(client, "/live"), "pin": pin})
    assert refused.status_code == 403 and "for the class 5B" in refused.text
    # The class's student joins; the lobby counts them, the CSV lists who did not play.
    phone = app.test_client()
    phone.post("/login", data={"username": "ana", "password": PASSWORD, "next": ""})
    assert phone.post("/live", data={"csrf_token": csrf(phone, "/live"), "pin": pin}
                      ).status_code == 303
    assert "<span data-class-joined>1</span> of 1 of 5B have joined" in host.get(
        f"/teacher/live/{pin}").text
    assert other


def test_the_live_pages_speak_peruvian_spanish(app, auth):
    es = {"Accept-Language": "es-PE"}
    host, phone = app.test_client(), app.test_client()
    pin, _ = host_game(app, host, auth)
    form = host.get("/teacher/live", headers=es).text
    assert "Segundos por pregunta" in form and "Abrir la sala de espera" in form
    lobby = host.get(f"/teacher/live/{pin}", headers=es).text
    assert "PIN del juego" in lobby and "Empezar el juego" in lobby and "jugadores" in lobby
    page = phone.get("/live", headers=es).text
    assert "Apodo" in page and "Entrar al juego" in page
    wrong = phone.post("/live", headers=es, data={"csrf_token": csrf(phone, "/live"),
                                                  "pin": "000000", "nickname": "Zed"})
    assert wrong.status_code == 404 and "No hay ningún juego con el PIN" in wrong.text
    joined = phone.post("/live", headers=es, data={"csrf_token": csrf(phone, "/live"),
                                                   "pin": pin, "nickname": "Zed"})
    assert joined.status_code == 303
    assert "¡Ya estás dentro!" in phone.get(f"/live/{pin}", headers=es).text
