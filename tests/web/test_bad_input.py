"""Bad input where a 400 is promised, never a 500: lone surrogates in credentials, positions the
ordering form never offered, dates at the ends of the calendar, a double-clicked registration;
and names that hide or disguise themselves."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Learner
from quizapp.services import accounts
from quizapp.web.forms import answer_field
from tests.web.test_quiz_pages import _ordering

SURROGATE = "\ud800"


# Lone surrogates: JSON's "\ud800" is a str Python holds but no database or UTF-8 can


@pytest.mark.parametrize("body", [
    {"username": SURROGATE, "password": "whatever1"},
    {"username": "ana", "password": SURROGATE + "xxxxxxxx"},
])
def test_a_token_asked_with_a_lone_surrogate_is_a_400_with_a_message(client, auth, body):
    auth.create("ana")
    response = client.post("/api/v1/tokens", json=body)
    assert response.status_code == 400 and "lone surrogate" in response.json["error"]


def test_the_same_raw_json_bytes_are_refused_too(client):
    raw = b'{"username": "\\ud800", "password": "\\udfff\\ud800"}'
    response = client.post("/api/v1/tokens", data=raw, content_type="application/json")
    assert response.status_code == 400


def test_registering_with_a_lone_surrogate_is_refused_by_the_service(app):
    with app.app_context():
        for username, password in ((f"ana{SURROGATE}", "long enough"),
                                   ("ana", f"long enough{SURROGATE}")):
            with pytest.raises(accounts.AccountError, match="not text"):
                accounts.register(username, password)


def test_a_form_cannot_carry_a_surrogate_its_bytes_are_read_as_replacement(client):
    """A form's %ED%A0%80 (a surrogate's would-be UTF-8) decodes to U+FFFD: refused as a name."""
    raw = b"username=%ED%A0%80abc&password=longenough&confirm=longenough"
    response = client.post("/register", data=raw,
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400 and "A username is 3 to 40" in response.text
    login = client.post("/login", data=b"username=%ED%A0%80&password=%ED%A0%80",
                        content_type="application/x-www-form-urlencoded")
    assert login.status_code == 200 and "do not match an account" in login.text


# Positions of an ordering question: only 1..n in ASCII digits, as the form offers


@pytest.mark.parametrize("position", ["\u00b2", "3" * 5000, "\u0663", "\uff11", "1e1", " 0"])
def test_a_position_the_form_never_offered_gives_the_page_back(client, signed_in, quiz,
                                                               position):
    attempt_id = quiz.start("ordering")
    item_id, snap = _ordering(quiz, attempt_id)
    data = {answer_field(item_id, o.id): str(n) for n, o in enumerate(snap.options, start=1)}
    data[answer_field(item_id, snap.options[0].id)] = position
    response = client.post(f"/attempts/{attempt_id}", data=data)
    assert response.status_code == 400
    assert "written with the digits 0-9" in response.text
    assert quiz.stored(attempt_id)[0] is None


def test_a_practice_order_with_a_superscript_is_refused_too(client, signed_in):
    for _ in range(30):  # until a practice question is an ordering one
        started = client.post("/study/sample/practice")
        page = client.get(started.location).text
        if "Position</option>" in page:
            break
    else:
        pytest.skip("no ordering question drawn")
    names = set(re.findall(r'name="(a\.[^"]+\.[^"]+)"', page))
    data = {name: "\u00b2" for name in names}
    answered = client.post(started.location.split("?")[0], data=data)
    assert answered.status_code == 400 and "digits 0-9" in answered.text


# Dates at the ends of the calendar, on the results page and in its CSV exports


@pytest.fixture
def teacher(app, auth, client):
    auth.create("tess", role="teacher")
    auth.login("tess")


@pytest.mark.parametrize("query", [
    "until=9999-12-31", "since=0001-01-01", "since=0001-01-01&until=9999-12-31",
    "since=9999-12-31", "until=0001-01-01",
])
def test_dates_at_the_ends_of_the_calendar_are_read_as_no_bound(client, teacher, query):
    assert client.get(f"/teacher/results?{query}").status_code == 200
    for kind in ("attempts", "items"):
        response = client.get(f"/teacher/results/{kind}.csv?{query}")
        assert response.status_code == 200
        body = response.get_data(as_text=True)  # read whole: a cut-off stream would raise here
        assert body.startswith("\ufeff") and body.endswith("\r\n")


def test_the_ends_of_the_calendar_bound_the_results_as_they_say(app, client, teacher, auth):
    from tests.exam_lock_helpers import classroom, person

    with app.app_context():
        tess = db.session.scalar(select(Learner).where(Learner.username == "tess"))
        sam = person("sam")
        classroom("7A", tess, sam)
        from quizapp.services.attempts import start_attempt, submit_attempt
        submit_attempt(sam, start_attempt(sam, "sample", "mixed", 3).id, {})
    everything = client.get("/teacher/results/attempts.csv?since=0001-01-01&until=9999-12-31")
    assert ",sam," in everything.get_data(as_text=True)
    nothing = client.get("/teacher/results/attempts.csv?since=9999-12-31")
    assert ",sam," not in nothing.get_data(as_text=True)
    before = client.get("/teacher/results/attempts.csv?until=0001-01-01")
    assert ",sam," not in before.get_data(as_text=True)


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_the_ends_of_the_calendar_hold_in_zones_far_from_utc(app, client, teacher, zone):
    app.config["TIMEZONE"] = zone
    for query in ("since=0001-01-01", "until=9999-12-31", "since=9999-12-31",
                  "until=0001-01-01", "until=9999-12-30"):
        response = client.get(f"/teacher/results/items.csv?{query}")
        assert response.status_code == 200 and response.get_data(as_text=True)
        assert client.get(f"/teacher/results?{query}").status_code == 200


# Registering twice at once: a double click


def test_a_double_clicked_registration_signs_in_once_and_says_the_name_is_taken(app):
    barrier = threading.Barrier(2)

    def register(_):
        client = app.test_client()
        barrier.wait(timeout=10)
        return client.post("/register", data={
            "username": "dora", "password": "long enough", "confirm": "long enough"})

    with ThreadPoolExecutor(max_workers=2) as pool:
        responses = list(pool.map(register, range(2)))
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [303, 400], statuses
    refused = next(r for r in responses if r.status_code == 400)
    assert "is taken" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Learner)) == 1


# Names


@pytest.mark.parametrize(("name", "message"), [
    ("Ann\u202eevil", "change the direction"),
    ("\u2066Ann", "change the direction"),
    ("Ann\u200f", "change the direction"),
    ("Ann\nBob", "control characters"),
    ("Ann\x00", "control characters"),
    ("\u200b\u200b", "you can see"),
    ("\u0301\u0301", "you can see"),
    ("\u3000 \u2800", "you can see"),
    ("x" * 81, "at most 80 characters"),
])
def test_a_guest_name_that_hides_or_disguises_itself_is_refused(client, name, message):
    response = client.post("/guest", data={"display_name": name})
    assert response.status_code == 400 and message in response.text


def test_a_guest_name_of_any_script_with_marks_and_emoji_is_kept(app, client):
    for name in ("Zoë", "José", "Nguyễn Văn A", "محمد", "李小龙", "👩‍🔬 Ana"):
        client.post("/logout")
        assert client.post("/guest", data={"display_name": f"  {name}  "}).status_code == 303
    with app.app_context():
        names = set(db.session.scalars(select(Learner.display_name)))
    assert "👩‍🔬 Ana" in names and "محمد" in names and "Nguyễn Văn A" in names


@pytest.mark.parametrize("username", ["ana\u202e", "ana\n", "ana\t", "\u200bana"])
def test_a_username_with_a_control_or_direction_character_is_refused(client, username):
    response = client.post("/register", data={
        "username": username, "password": "long enough", "confirm": "long enough"})
    assert response.status_code == 400
    assert "cannot hold" in response.text or "A username is 3 to 40" in response.text
